// Configuration: the environment, parsed once with zod. No DATABASE_URL ⇒ embedded PGlite in ./data.
import path from 'node:path';
import { z } from 'zod';
import { OperatorError } from './lib/errors.ts';

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  CHANJIAO_DATA_DIR: z.string().min(1).default('./data'),
  CHANJIAO_DEMO_PASSWORD: z
    .string()
    .min(8, 'CHANJIAO_DEMO_PASSWORD must have at least 8 characters')
    .optional(),
  CHANJIAO_SESSION_HOURS: z.coerce.number().positive().default(12),
  CHANJIAO_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  CHANJIAO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Behind a reverse proxy: which X-Forwarded-For to believe, so that security events, audit rows and the
   * shared-device check see the client's address, not the proxy's. A number of proxy hops ("1"), or the
   * proxies' addresses or CIDR ranges ("127.0.0.1,10.0.0.0/8"); unset or "false": none (direct access).
   */
  CHANJIAO_TRUST_PROXY: z
    .string()
    .regex(
      /^(false|\d{1,2}|[0-9a-fA-F.:]+(\/\d{1,3})?(,\s*[0-9a-fA-F.:]+(\/\d{1,3})?)*)$/,
      'CHANJIAO_TRUST_PROXY must be a number of proxy hops (1) or proxy addresses/CIDRs separated by commas',
    )
    .default('false'),
});

export type Config = {
  host: string;
  port: number;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  demoPassword: string | undefined;
  sessionTtlMs: number;
  secureCookies: boolean;
  logLevel: z.infer<typeof envSchema>['CHANJIAO_LOG_LEVEL'];
  /** Fastify's trustProxy: false, a number of hops, or a list of proxy addresses/CIDRs. */
  trustProxy: false | number | string;
  webDist: string;
};

export class ConfigError extends OperatorError {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // an empty variable (FOO= in an env file) means unset
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.CHANJIAO_DATA_DIR) },
    demoPassword: e.CHANJIAO_DEMO_PASSWORD,
    sessionTtlMs: e.CHANJIAO_SESSION_HOURS * 3600_000,
    secureCookies: e.CHANJIAO_SECURE_COOKIES,
    logLevel: e.CHANJIAO_LOG_LEVEL,
    trustProxy:
      e.CHANJIAO_TRUST_PROXY === 'false'
        ? false
        : /^\d+$/.test(e.CHANJIAO_TRUST_PROXY)
          ? Number(e.CHANJIAO_TRUST_PROXY)
          : e.CHANJIAO_TRUST_PROXY,
    webDist: path.resolve(import.meta.dirname, '../web/dist'),
  };
}
