// The navigation: one entry per page that exists, shown when the user may open it.
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  LineChartOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';
import type { Capability, Me } from '../../lib/types';

export type NavEntry = {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** capability needed in the current consortium (platform capabilities count everywhere) */
  requires?: Capability;
  /** the page lists records of the current consortium */
  needsConsortium?: boolean;
  /** hidden from those who hold this capability (students get their own pages instead) */
  hiddenWith?: Capability;
  /** for unit members, shown only to those of these unit types (students' records are schools' business) */
  unitTypes?: readonly string[];
};

const schoolTypes = [
  'secondary_vocational',
  'higher_vocational',
  'vocational_undergraduate',
  'university',
  'training_institution',
] as const;

export const navEntries: NavEntry[] = [
  { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { key: 'consortia', path: '/consortia', label: 'nav.consortia', icon: <ApartmentOutlined /> },
  {
    key: 'units',
    path: '/units',
    label: 'nav.units',
    icon: <BankOutlined />,
    requires: 'unit.read',
    needsConsortium: true,
  },
  {
    key: 'users',
    path: '/users',
    label: 'nav.users',
    icon: <TeamOutlined />,
    requires: 'user.read',
    needsConsortium: true,
  },
  {
    key: 'audit',
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    requires: 'audit.read',
    needsConsortium: true,
  },
  {
    key: 'dashboard',
    path: '/talent/dashboard',
    label: 'nav.dashboard',
    icon: <DashboardOutlined />,
    requires: 'talent.stats',
    needsConsortium: true,
  },
  {
    key: 'lists',
    path: '/lists',
    label: 'nav.lists',
    icon: <UnorderedListOutlined />,
    requires: 'list.read',
    needsConsortium: true,
  },
  {
    key: 'postings',
    path: '/postings',
    label: 'nav.postings',
    icon: <SolutionOutlined />,
    requires: 'posting.read',
    needsConsortium: true,
  },
  {
    key: 'applications',
    path: '/applications',
    label: 'nav.applications',
    icon: <FileDoneOutlined />,
    requires: 'application.read',
    needsConsortium: true,
  },
  {
    key: 'matching',
    path: '/matching',
    label: 'nav.matching',
    icon: <ClusterOutlined />,
    requires: 'matching.read',
    needsConsortium: true,
    unitTypes: schoolTypes,
  },
  {
    key: 'myProfile',
    path: '/my-profile',
    label: 'nav.myProfile',
    icon: <IdcardOutlined />,
    requires: 'application.apply',
    needsConsortium: true,
  },
  {
    key: 'candidates',
    path: '/candidates',
    label: 'nav.candidates',
    icon: <UserOutlined />,
    requires: 'candidate.read',
    needsConsortium: true,
    hiddenWith: 'application.apply',
    unitTypes: schoolTypes,
  },
  {
    key: 'outcomes',
    path: '/outcomes',
    label: 'nav.outcomes',
    icon: <FlagOutlined />,
    requires: 'outcome.read',
    needsConsortium: true,
    hiddenWith: 'application.apply',
    unitTypes: schoolTypes,
  },
  {
    key: 'rates',
    path: '/talent/rates',
    label: 'nav.rates',
    icon: <LineChartOutlined />,
    requires: 'talent.stats',
    needsConsortium: true,
  },
  { key: 'catalogs', path: '/catalogs', label: 'nav.catalogs', icon: <BookOutlined /> },
  {
    key: 'roles',
    path: '/roles',
    label: 'nav.roles',
    icon: <SafetyCertificateOutlined />,
    requires: 'role.read',
  },
];

/**
 * The consortia list is for those who look across consortia: platform administrators (every consortium)
 * and education authorities (the consortia they oversee).
 */
export function canListConsortia(me: Me): boolean {
  return (
    me.capabilities.platform.includes('consortium.read') ||
    me.memberships.some((m) => m.roleCode === 'authority')
  );
}

export function visibleEntries(
  me: Me,
  can: (c: Capability) => boolean,
  consortiumId: string | null,
): NavEntry[] {
  return navEntries.filter((e) => {
    if (e.key === 'consortia') return canListConsortia(me);
    if (e.needsConsortium && !consortiumId) return false;
    if (e.hiddenWith && can(e.hiddenWith)) return false;
    if (e.unitTypes && !reachesUnitTypes(me, consortiumId, e.unitTypes)) return false;
    return !e.requires || can(e.requires);
  });
}

/**
 * Whether the user works here beyond one unit (platform, secretariat, authority) or in a unit of one of
 * `types` in the current consortium.
 */
function reachesUnitTypes(me: Me, consortiumId: string | null, types: readonly string[]): boolean {
  return me.memberships.some(
    (m) =>
      m.consortiumId === null ||
      (m.consortiumId === consortiumId &&
        (m.memberUnitId === null || m.roleCode === 'secretariat' || types.includes(m.memberUnitType ?? ''))),
  );
}

/** The entry whose page is shown at `pathname` (for the menu's selection). */
export function entryAt(pathname: string): NavEntry | undefined {
  if (pathname === '/') return navEntries[0];
  return navEntries.find((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)));
}
