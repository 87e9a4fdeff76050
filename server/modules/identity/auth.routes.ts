// /api/v1/auth — log in, log out, who am I, change my password, my language.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientMeta, requireActor } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { errorResponse } from '../../lib/http.ts';
import * as auth from './auth.service.ts';
import { changePasswordBody, loginBody, meOut, updateMeBody } from './identity.schema.ts';
import { presentUser } from './identity.presenter.ts';
import * as repo from './identity.repo.ts';
import { SESSION_COOKIE } from './session.plugin.ts';

const tags = ['auth'];

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access, config } = app.deps;

  async function me(actorId: string, csrfToken: string) {
    const loaded = await auth.loadActor(db, actorId);
    if (!loaded) throw new AppError('UNAUTHENTICATED', 'Log in first.');
    const { actor, user } = loaded;
    const memberships = await repo.listMembershipDetails(db, actorId);
    const byConsortium: Record<string, string[]> = {};
    for (const id of new Set(memberships.map((m) => m.consortiumId).filter((x): x is string => x !== null))) {
      byConsortium[id] = await access.capabilities(actor, id);
    }
    return {
      user: presentUser(user, { personal: true }),
      memberships,
      capabilities: { platform: await access.capabilities(actor, null), byConsortium },
      csrfToken,
    };
  }

  r.post(
    '/login',
    {
      schema: {
        tags,
        summary: 'Log in; sets the httpOnly session cookie',
        body: loginBody,
        response: {
          200: meOut,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const result = await auth.login(db, request.body, clientMeta(request), config.sessionTtlMs);
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        expires: result.session.expiresAt,
      });
      return me(result.userId, result.session.csrfToken);
    },
  );

  r.post(
    '/logout',
    {
      schema: {
        tags,
        summary: 'Log out; revokes the session',
        response: { 204: z.null(), 401: errorResponse, 403: errorResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (request.session) await auth.logout(db, actor, request.session.id, clientMeta(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'The logged-in user, memberships, capabilities and CSRF token',
        response: { 200: meOut, 401: errorResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return me(actor.userId, request.session?.csrfToken ?? '');
    },
  );

  r.patch(
    '/me',
    {
      schema: {
        tags,
        summary: 'Set my language',
        body: updateMeBody,
        response: { 200: meOut, 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await auth.setLocale(db, actor, request.body.locale);
      return me(actor.userId, request.session?.csrfToken ?? '');
    },
  );

  r.post(
    '/password',
    {
      schema: {
        tags,
        summary: 'Change my password; ends my other sessions',
        body: changePasswordBody,
        response: { 204: z.null(), 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await auth.changeOwnPassword(db, actor, request.session?.id ?? '', request.body, clientMeta(request));
      return reply.code(204).send(null);
    },
  );
}
