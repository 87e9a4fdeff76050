// What every request carries after the session hook: the actor (or null) and their session.
import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db, DatabaseKind } from '../db/client.ts';
import type { Actor } from '../modules/access/access.core.ts';
import type { AccessControl } from '../modules/access/access.service.ts';
import type { SessionContext } from '../modules/identity/auth.service.ts';
import type { RunQueue } from '../modules/matching/runner.ts';
import { AppError } from './errors.ts';

export type AppDeps = {
  db: Db;
  dbKind: DatabaseKind;
  access: AccessControl;
  config: Pick<Config, 'sessionTtlMs' | 'secureCookies' | 'webDist'>;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionContext | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** the background queue of matching runs (tests wait on it) */
    matchingRuns: RunQueue;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Log in first.');
  return request.actor;
}

export function clientMeta(request: FastifyRequest) {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : undefined };
}
