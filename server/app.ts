// buildApp(deps): the whole HTTP application, without listening. Tests drive it with app.inject().
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './lib/context.ts';
import { errorHandler, sendError } from './lib/http.ts';
import { accessRoutes } from './modules/access/access.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { consortiumRoutes } from './modules/consortium/consortium.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { authRoutes } from './modules/identity/auth.routes.ts';
import { sessionPlugin } from './modules/identity/session.plugin.ts';
import { usersRoutes } from './modules/identity/users.routes.ts';
import { internshipRoutes } from './modules/internships/internships.routes.ts';
import { matchingRoutes } from './modules/matching/matching.routes.ts';
import { failInterruptedRuns } from './modules/matching/matching.service.ts';
import { RunQueue } from './modules/matching/runner.ts';
import { applicationRoutes } from './modules/talent/applications.ts';
import { candidateRoutes } from './modules/talent/candidates.routes.ts';
import { listRoutes } from './modules/talent/lists.routes.ts';
import { postingRoutes } from './modules/talent/postings.routes.ts';
import { closeExpiredPostings } from './modules/talent/postings.service.ts';
import { sweepPlacements } from './modules/internships/placements.service.ts';
import { notifyAlerts } from './modules/internships/supervision.ts';
import { notificationRoutes, outcomeRoutes, statsRoutes } from './modules/talent/talent.routes.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';

export const version = (
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Fastify's trustProxy from the setting: a number of hops trusts that many proxies nearest to us. */
function trustProxyOf(setting: false | number | string | undefined) {
  if (typeof setting !== 'number') return setting ?? false;
  return (_address: string, hop: number) => hop < setting;
}

export async function buildApp(
  deps: AppDeps,
  opts: {
    logger?: FastifyServerOptions['logger'];
    logRequests?: boolean;
    /** false: no background work (the OpenAPI document is built on an empty database) */
    background?: boolean;
    /** which proxies' X-Forwarded-For to believe (config CHANJIAO_TRUST_PROXY); none by default */
    trustProxy?: false | number | string;
  } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    logController: new LogController({ disableRequestLogging: !opts.logRequests }),
    trustProxy: trustProxyOf(opts.trustProxy),
    bodyLimit: 5 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    if (request.url.startsWith('/api/v1/')) reply.header('Cache-Control', 'no-store');
  });

  // file uploads (imports, documents) arrive as the raw request body
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'application/pdf',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv',
      'image/png',
      'image/jpeg',
    ],
    { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Chanjiao 产教联 API',
        version,
        description:
          'REST API of the Chanjiao platform. Authenticate with POST /api/v1/auth/login (session cookie); ' +
          'send the csrfToken it returns as the X-CSRF-Token header on every write. ' +
          'Errors always have the shape { error: { code, message, details? } }. ' +
          'Lists take page, pageSize (≤ 200) and sort (field or -field) and answer { items, page, pageSize, total }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cj_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(sessionPlugin);

  await app.register(healthRoutes, { prefix: '/api', version });
  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  await app.register(accessRoutes, { prefix: '/api/v1/roles' });
  await app.register(consortiumRoutes, { prefix: '/api/v1/consortia' });
  await app.register(usersRoutes, { prefix: '/api/v1/consortia/:consortiumId/users' });
  await app.register(auditRoutes, { prefix: '/api/v1/consortia/:consortiumId/audit' });
  await app.register(referenceRoutes, { prefix: '/api/v1/reference' });
  const tenant = '/api/v1/consortia/:consortiumId';
  await app.register(listRoutes, { prefix: `${tenant}/lists` });
  await app.register(postingRoutes, { prefix: `${tenant}/postings` });
  await app.register(candidateRoutes, { prefix: `${tenant}/candidates` });
  await app.register(applicationRoutes, { prefix: `${tenant}/applications` });
  await app.register(outcomeRoutes, { prefix: `${tenant}/outcomes` });
  await app.register(statsRoutes, { prefix: `${tenant}/talent` });
  await app.register(notificationRoutes, { prefix: '/api/v1/notifications' });
  const runs = new RunQueue(deps.db);
  app.decorate('matchingRuns', runs);
  await app.register(matchingRoutes, { prefix: `${tenant}/matching`, enqueue: runs.enqueue });
  await app.register(internshipRoutes, { prefix: `${tenant}/internships` });

  // postings close at their deadline, internships start and end: once at start, then every hour
  let closer: NodeJS.Timeout | undefined;
  const closeExpired = async () => {
    await closeExpiredPostings(deps.db).catch((err: unknown) =>
      app.log.error({ err }, 'closing expired postings failed'),
    );
    // internships start on their day when everything needed is there, and complete after their end;
    // alerts (insurance, agreements, overdue logs, caps) are notified once a day (de-duplicated by date)
    await sweepPlacements(deps.db, deps.access).catch((err: unknown) =>
      app.log.error({ err }, 'the internship sweep failed'),
    );
    await notifyAlerts(deps.db).catch((err: unknown) =>
      app.log.error({ err }, 'notifying internship alerts failed'),
    );
  };
  app.addHook('onReady', async () => {
    if (opts.background === false) return;
    await failInterruptedRuns(deps.db);
    await closeExpired();
    closer = setInterval(() => void closeExpired(), 60 * 60 * 1000);
    closer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(closer);
    await runs.idle();
  });

  const webDist = deps.config.webDist;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h', index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return sendError(reply, 404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
    }
    if (!hasWeb) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm start` (it builds) or `npm run build`.');
    }
    // client-side routes: the single-page app decides (and shows its own 404 page)
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });

  await app.ready();
  return app;
}
