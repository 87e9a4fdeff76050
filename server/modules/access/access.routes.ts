// /api/v1/roles — the roles and what each may do (read-only here; grants are data in role_capabilities).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../lib/context.ts';
import { commonErrors } from '../../lib/http.ts';
import { scopes } from './access.core.ts';
import { listCapabilities, listRoles, loadGrantRows } from './access.repo.ts';

const rolesOut = z.object({
  roles: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      descriptionZh: z.string(),
      descriptionEn: z.string(),
      level: z.enum(['platform', 'consortium']),
      assignableBy: z.array(z.string()),
      unitRequirement: z.enum(['none', 'optional', 'required']),
      unitTypes: z.array(z.string()).nullable(),
    }),
  ),
  capabilities: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(['read', 'write']),
      descriptionZh: z.string(),
      descriptionEn: z.string(),
    }),
  ),
  grants: z.array(z.object({ roleCode: z.string(), capabilityCode: z.string(), scope: z.enum(scopes) })),
});

export async function accessRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  r.get(
    '/',
    {
      schema: {
        tags: ['roles'],
        summary: 'Roles, capabilities and the grants between them',
        response: { 200: rolesOut, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      const [roles, capabilities, grants] = await Promise.all([
        listRoles(db),
        listCapabilities(db),
        loadGrantRows(db),
      ]);
      return {
        roles: roles.map(({ builtin: _b, ...r }) => r),
        capabilities: capabilities.map(({ code, kind, descriptionZh, descriptionEn }) => ({
          code,
          kind,
          descriptionZh,
          descriptionEn,
        })),
        grants,
      };
    },
  );
}
