import { describe, expect, it } from 'vitest';
import { capabilityCatalog, roleCatalog } from '../../server/modules/access/access.catalog.ts';
import {
  capabilitiesIn,
  decide,
  listScope,
  validateGrant,
  type Actor,
  type GrantTable,
  type Scope,
} from '../../server/modules/access/access.core.ts';

const grants: GrantTable = new Map<string, Map<string, Scope>>([
  ['platform_admin', new Map([['unit.update', 'platform']])],
  [
    'secretariat',
    new Map([
      ['unit.update', 'consortium'],
      ['unit.read', 'consortium'],
    ]),
  ],
  [
    'unit_admin',
    new Map([
      ['unit.update', 'unit'],
      ['unit.read', 'consortium'],
    ]),
  ],
  [
    'student',
    new Map([
      ['profile.update', 'own'],
      ['unit.read', 'consortium'],
    ]),
  ],
  ['authority', new Map([['unit.read', 'oversight']])],
]);

const actor = (memberships: Actor['memberships']): Actor => ({
  userId: 'u1',
  username: 'u1',
  displayName: 'U',
  memberships,
});

describe('decide', () => {
  const sec = actor([{ consortiumId: 'A', memberUnitId: null, roleCode: 'secretariat' }]);
  const unitAdmin = actor([{ consortiumId: 'A', memberUnitId: 'unit-1', roleCode: 'unit_admin' }]);
  const student = actor([{ consortiumId: 'A', memberUnitId: 'unit-1', roleCode: 'student' }]);
  const admin = actor([{ consortiumId: null, memberUnitId: null, roleCode: 'platform_admin' }]);
  const authority = actor([{ consortiumId: 'A', memberUnitId: null, roleCode: 'authority' }]);

  it('another consortium does not exist for the actor (not_found), even with a grant', () => {
    expect(decide(sec, grants, 'unit.update', { consortiumId: 'B' })).toBe('not_found');
    expect(decide(sec, grants, 'nothing.granted', { consortiumId: 'B' })).toBe('not_found');
  });

  it('consortium scope allows anywhere in the consortium', () => {
    expect(decide(sec, grants, 'unit.update', { consortiumId: 'A', unitId: 'unit-9' })).toBe('allow');
  });

  it('unit scope allows only the own unit', () => {
    expect(decide(unitAdmin, grants, 'unit.update', { consortiumId: 'A', unitId: 'unit-1' })).toBe('allow');
    expect(decide(unitAdmin, grants, 'unit.update', { consortiumId: 'A', unitId: 'unit-2' })).toBe(
      'forbidden',
    );
    expect(decide(unitAdmin, grants, 'unit.update', { consortiumId: 'A' })).toBe('forbidden');
  });

  it('own scope allows only the own records', () => {
    expect(decide(student, grants, 'profile.update', { consortiumId: 'A', ownerUserId: 'u1' })).toBe('allow');
    expect(decide(student, grants, 'profile.update', { consortiumId: 'A', ownerUserId: 'u2' })).toBe(
      'forbidden',
    );
  });

  it('a missing grant is forbidden', () => {
    expect(decide(student, grants, 'unit.update', { consortiumId: 'A', unitId: 'unit-1' })).toBe('forbidden');
  });

  it('platform scope allows in every consortium and outside any', () => {
    expect(decide(admin, grants, 'unit.update', { consortiumId: 'Z' })).toBe('allow');
    expect(decide(admin, grants, 'unit.update', {})).toBe('allow');
    expect(decide(admin, grants, 'unit.read', { consortiumId: 'Z' })).toBe('forbidden');
  });

  it('oversight reads the overseen consortium only', () => {
    expect(decide(authority, grants, 'unit.read', { consortiumId: 'A' })).toBe('allow');
    expect(decide(authority, grants, 'unit.update', { consortiumId: 'A' })).toBe('forbidden');
    expect(decide(authority, grants, 'unit.read', { consortiumId: 'B' })).toBe('not_found');
  });

  it('a platform-level membership of a non-platform role grants nothing', () => {
    const odd = actor([{ consortiumId: null, memberUnitId: null, roleCode: 'secretariat' }]);
    expect(decide(odd, grants, 'unit.update', {})).toBe('forbidden');
    expect(capabilitiesIn(odd, grants, null)).toEqual([]);
  });
});

describe('listScope', () => {
  it('is all for consortium scope, restricted to units for unit scope', () => {
    const multi = actor([
      { consortiumId: 'A', memberUnitId: 'unit-1', roleCode: 'unit_admin' },
      { consortiumId: 'A', memberUnitId: 'unit-2', roleCode: 'unit_admin' },
      { consortiumId: 'B', memberUnitId: 'unit-3', roleCode: 'unit_admin' },
    ]);
    expect(listScope(multi, grants, 'unit.update', 'A')).toEqual({
      kind: 'restricted',
      unitIds: ['unit-1', 'unit-2'],
      ownUserId: null,
    });
    expect(listScope(multi, grants, 'unit.read', 'A')).toEqual({ kind: 'all' });
    expect(listScope(multi, grants, 'audit.read', 'A')).toBe('forbidden');
    expect(listScope(multi, grants, 'unit.read', 'C')).toBe('not_found');
  });
});

describe('the built-in catalog', () => {
  it('grants oversight only on read capabilities, names only known roles, and every role has a level', () => {
    const roleCodes = new Set(roleCatalog.map((r) => r.code));
    for (const c of capabilityCatalog) {
      expect(c.code).toMatch(/^[a-z_]+\.[a-z_]+$/);
      for (const [role, scope] of Object.entries(c.grants)) {
        expect(roleCodes.has(role), `${c.code} → ${role}`).toBe(true);
        expect(validateGrant(c.kind, scope!), `${c.code} → ${role}`).toBeNull();
        if (scope === 'platform') expect(roleCatalog.find((r) => r.code === role)?.level).toBe('platform');
      }
    }
    for (const r of roleCatalog) for (const by of r.assignableBy) expect(roleCodes.has(by)).toBe(true);
  });

  it('rejects a write capability with oversight scope', () => {
    expect(validateGrant('write', 'oversight')).toMatch(/read/);
    expect(validateGrant('read', 'oversight')).toBeNull();
  });
});
