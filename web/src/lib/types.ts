// Shapes of the API, inferred from the server's zod schemas (type-only imports: nothing of the server
// reaches the bundle). The roles endpoint declares its schema inside its route file, so it is restated here.
import type { z } from 'zod';
import type { auditEntry } from '../../../server/modules/audit/audit.schema.ts';
import type {
  consortiumLevels,
  consortiumOut,
  consortiumStatuses,
  consortiumSummary,
  parkIn,
  parkKinds,
  createConsortiumBody,
  createUnitBody,
  unitOut,
  unitRoles,
  unitTypes,
  updateUnitBody,
} from '../../../server/modules/consortium/consortium.schema.ts';
import type {
  catalogKind,
  catalogOut,
  entryDetailOut,
  entryOut,
} from '../../../server/modules/reference/reference.schema.ts';
import type {
  addMembershipBody,
  createUserBody,
  membershipOut,
  meOut,
  updateUserBody,
  userOut,
  userWithMemberships,
} from '../../../server/modules/identity/identity.schema.ts';

export type Locale = 'zh-CN' | 'en';

export type Me = z.infer<typeof meOut>;
export type User = z.infer<typeof userOut>;
export type Membership = z.infer<typeof membershipOut>;
export type UserWithMemberships = z.infer<typeof userWithMemberships>;
export type CreateUserInput = z.input<typeof createUserBody>;
export type UpdateUserInput = z.input<typeof updateUserBody>;
export type AddMembershipInput = z.input<typeof addMembershipBody>;

export type Consortium = z.infer<typeof consortiumOut>;
export type ConsortiumSummary = z.infer<typeof consortiumSummary>;
export type CreateConsortiumInput = z.input<typeof createConsortiumBody>;
export type ConsortiumLevel = (typeof consortiumLevels)[number];
export type ConsortiumStatus = (typeof consortiumStatuses)[number];
export type ParkKind = (typeof parkKinds)[number];
export type ParkInput = z.input<typeof parkIn>;

export type Unit = z.infer<typeof unitOut>;
export type UnitType = (typeof unitTypes)[number];
export type UnitRole = (typeof unitRoles)[number];
export type CreateUnitInput = z.input<typeof createUnitBody>;
export type UpdateUnitInput = z.input<typeof updateUnitBody>;

export type AuditEntry = z.infer<typeof auditEntry>;

export type CatalogKind = z.infer<typeof catalogKind>;
export type Catalog = z.infer<typeof catalogOut>;
export type CatalogEntry = z.infer<typeof entryOut>;
export type CatalogEntryDetail = z.infer<typeof entryDetailOut>;

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

export type Scope = 'own' | 'unit' | 'consortium' | 'oversight' | 'platform';

export type RoleDef = {
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  level: 'platform' | 'consortium';
  assignableBy: string[];
  unitRequirement: 'none' | 'optional' | 'required';
  unitTypes: string[] | null;
};

export type CapabilityDef = {
  code: string;
  kind: 'read' | 'write';
  descriptionZh: string;
  descriptionEn: string;
};

export type Grant = { roleCode: string; capabilityCode: string; scope: Scope };

export type RolesCatalog = { roles: RoleDef[]; capabilities: CapabilityDef[]; grants: Grant[] };

export type Capability =
  | 'consortium.read'
  | 'consortium.create'
  | 'consortium.update'
  | 'unit.read'
  | 'unit.create'
  | 'unit.update'
  | 'user.read'
  | 'user.manage'
  | 'user.read_personal'
  | 'audit.read'
  | 'role.read'
  | 'catalog.manage'
  | 'list.read'
  | 'list.write'
  | 'list.review'
  | 'posting.read'
  | 'posting.write'
  | 'posting.vet'
  | 'candidate.read'
  | 'candidate.write'
  | 'candidate.read_personal'
  | 'application.apply'
  | 'application.read'
  | 'application.manage'
  | 'outcome.read'
  | 'outcome.write'
  | 'talent.stats'
  | 'matching.read'
  | 'matching.run'
  | 'internship.read'
  | 'internship.write'
  | 'internship.supervise'
  | 'internship.log'
  | 'internship.rules';
