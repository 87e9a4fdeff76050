// Resolves the session cookie into request.actor, and guards cookie-authenticated writes with the
// session's CSRF token (synchronizer-token pattern: the token comes from /auth/me or /auth/login and
// goes back as the X-CSRF-Token header, which a cross-site form cannot set).
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../lib/errors.ts';
import { resolveSession } from './auth.service.ts';

export const SESSION_COOKIE = 'cj_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export const sessionPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(app.deps.db, token);
      if (resolved) {
        request.actor = resolved.actor;
        request.session = resolved.session;
      }
    }
    if (SAFE.has(request.method)) return;
    if (request.session) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.session.csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID', 'Missing or wrong X-CSRF-Token header.');
      }
    } else if (request.headers['sec-fetch-site'] === 'cross-site') {
      // no session yet (the login form): refuse writes started by another site
      throw new AppError('CSRF_TOKEN_INVALID', 'Cross-site request refused.');
    }
  });
});
