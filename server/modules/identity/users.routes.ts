// /api/v1/consortia/:consortiumId/users — accounts of a consortium.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { commonErrors, errorResponse, parseSort } from '../../lib/http.ts';
import type { Actor } from '../access/access.core.ts';
import { presentUser } from './identity.presenter.ts';
import * as repo from './identity.repo.ts';
import {
  addMembershipBody,
  consortiumParams,
  createUserBody,
  membershipOut,
  membershipParams,
  resetPasswordBody,
  updateUserBody,
  userListQuery,
  userPage,
  userParams,
  userWithMemberships,
} from './identity.schema.ts';
import * as users from './users.service.ts';

const tags = ['users'];
const writeErrors = { ...commonErrors, 409: errorResponse };

export async function usersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, access } = app.deps;

  /**
   * Reading an account needs the capability over each of its memberships in this consortium.
   * Changing one needs it over every membership the account holds anywhere: a secretariat must not take
   * over, by a password reset, an account that is also a platform admin or belongs to another consortium.
   */
  async function requireOnUser(
    actor: Actor,
    capability: 'user.read' | 'user.manage',
    consortiumId: string,
    userId: string,
  ) {
    await access.listScope(actor, capability, consortiumId); // 404 if the consortium is not visible
    const found = await users.getUserInConsortium(db, consortiumId, userId);
    for (const m of found.memberships) {
      await access.require(actor, capability, { consortiumId, unitId: m.memberUnitId, ownerUserId: userId });
    }
    if (capability === 'user.manage') {
      for (const m of await repo.listMembershipsOfUser(db, userId)) {
        if (m.consortiumId === consortiumId) continue;
        const target =
          m.consortiumId === null ? {} : { consortiumId: m.consortiumId, unitId: m.memberUnitId };
        if (!(await access.can(actor, capability, target))) {
          throw new AppError(
            'FORBIDDEN',
            'This account also holds roles elsewhere (another consortium or the platform); only someone who manages all of them may change it.',
          );
        }
      }
    }
    return found;
  }

  async function present(actor: Actor, consortiumId: string, user: repo.UserRow) {
    const memberships = await repo.listMembershipDetails(db, user.id, consortiumId);
    let personal = user.id === actor.userId;
    for (const m of memberships) {
      if (
        !personal &&
        (await access.can(actor, 'user.read_personal', { consortiumId, unitId: m.memberUnitId }))
      ) {
        personal = true;
      }
    }
    return { ...presentUser(user, { personal }), memberships };
  }

  r.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List accounts',
        params: consortiumParams,
        querystring: userListQuery,
        response: { 200: userPage, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      const scope = await access.listScope(actor, 'user.read', consortiumId);
      const q = request.query;
      const { items, total } = await repo.listUsersInConsortium(db, {
        consortiumId,
        unitIds: scope.kind === 'all' ? null : scope.unitIds,
        q: q.q,
        roleCode: q.roleCode,
        memberUnitId: q.memberUnitId,
        status: q.status,
        sort: parseSort(q.sort),
        page: q.page,
        pageSize: q.pageSize,
      });
      return {
        items: await Promise.all(items.map((u) => present(actor, consortiumId, u))),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },
  );

  r.get(
    '/:userId',
    {
      schema: {
        tags,
        summary: 'One account',
        params: userParams,
        response: { 200: userWithMemberships, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { consortiumId, userId } = request.params;
      const { user } = await requireOnUser(actor, 'user.read', consortiumId, userId);
      return present(actor, consortiumId, user);
    },
  );

  r.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create an account with a role',
        params: consortiumParams,
        body: createUserBody,
        response: { 201: userWithMemberships, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId } = request.params;
      await access.require(actor, 'user.manage', { consortiumId, unitId: request.body.memberUnitId ?? null });
      const user = await users.createUser(db, actor, consortiumId, request.body, request.id);
      return reply.code(201).send(await present(actor, consortiumId, user));
    },
  );

  r.patch(
    '/:userId',
    {
      schema: {
        tags,
        summary: 'Edit or disable an account',
        params: userParams,
        body: updateUserBody,
        response: { 200: userWithMemberships, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { consortiumId, userId } = request.params;
      await requireOnUser(actor, 'user.manage', consortiumId, userId);
      const user = await users.updateUser(db, actor, consortiumId, userId, request.body, request.id);
      return present(actor, consortiumId, user);
    },
  );

  r.post(
    '/:userId/reset-password',
    {
      schema: {
        tags,
        summary: "Set a new password for an account; ends all the account's sessions",
        params: userParams,
        body: resetPasswordBody,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId, userId } = request.params;
      await requireOnUser(actor, 'user.manage', consortiumId, userId);
      await users.resetPassword(db, actor, consortiumId, userId, request.body.newPassword, request.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/:userId/memberships',
    {
      schema: {
        tags,
        summary: 'Give an account another role or unit',
        params: userParams,
        body: addMembershipBody,
        response: { 201: membershipOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId, userId } = request.params;
      await requireOnUser(actor, 'user.manage', consortiumId, userId);
      await access.require(actor, 'user.manage', { consortiumId, unitId: request.body.memberUnitId ?? null });
      const m = await users.addMembership(db, actor, consortiumId, userId, request.body, request.id);
      const details = await repo.listMembershipDetails(db, userId, consortiumId);
      const created = details.find((d) => d.id === m.id);
      if (!created) throw new Error('membership vanished after insert');
      return reply.code(201).send(created);
    },
  );

  r.delete(
    '/:userId/memberships/:membershipId',
    {
      schema: {
        tags,
        summary: 'Take a role away from an account',
        params: membershipParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { consortiumId, userId, membershipId } = request.params;
      await requireOnUser(actor, 'user.manage', consortiumId, userId);
      await users.removeMembership(db, actor, consortiumId, userId, membershipId, request.id);
      return reply.code(204).send(null);
    },
  );
}
