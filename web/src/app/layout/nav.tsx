// The navigation: one entry per page that exists, shown when the user may open it.
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  ClusterOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  LineChartOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { BellOutlined, FileSearchOutlined, StarOutlined, WarningOutlined } from '@ant-design/icons';
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
  /** entries with the same group are shown together under its heading */
  group?: MessageKey;
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
    key: 'internPlans',
    path: '/internships/plans',
    label: 'nav.internPlans',
    icon: <ScheduleOutlined />,
    requires: 'internship.write',
    needsConsortium: true,
    unitTypes: schoolTypes,
    group: 'nav.internGroup',
  },
  {
    key: 'internPlacements',
    path: '/internships/placements',
    label: 'nav.internPlacements',
    icon: <ContactsOutlined />,
    requires: 'internship.read',
    needsConsortium: true,
    hiddenWith: 'internship.log',
    group: 'nav.internGroup',
  },
  {
    key: 'internMy',
    path: '/internships/my',
    label: 'nav.internMy',
    icon: <ScheduleOutlined />,
    requires: 'internship.log',
    needsConsortium: true,
    group: 'nav.internGroup',
  },
  {
    key: 'supLogs',
    path: '/internships/logs',
    label: 'nav.supLogs',
    icon: <FileSearchOutlined />,
    requires: 'internship.read',
    needsConsortium: true,
    hiddenWith: 'internship.log',
    group: 'nav.internGroup',
  },
  {
    key: 'supAlerts',
    path: '/internships/alerts',
    label: 'nav.supAlerts',
    icon: <BellOutlined />,
    requires: 'internship.read',
    needsConsortium: true,
    group: 'nav.internGroup',
  },
  {
    key: 'supFlags',
    path: '/internships/flags',
    label: 'nav.supFlags',
    icon: <WarningOutlined />,
    requires: 'internship.write',
    needsConsortium: true,
    hiddenWith: 'internship.log',
    group: 'nav.internGroup',
  },
  {
    key: 'internCompliance',
    path: '/internships/compliance',
    label: 'nav.internCompliance',
    icon: <AlertOutlined />,
    requires: 'internship.read',
    needsConsortium: true,
    hiddenWith: 'internship.log',
    group: 'nav.internGroup',
  },
  {
    key: 'internRules',
    path: '/internships/rules',
    label: 'nav.internRules',
    icon: <ReconciliationOutlined />,
    requires: 'internship.read',
    needsConsortium: true,
    hiddenWith: 'internship.log',
    group: 'nav.internGroup',
  },
  {
    key: 'internHosts',
    path: '/internships/hosts',
    label: 'nav.internHosts',
    icon: <ShopOutlined />,
    requires: 'internship.write',
    needsConsortium: true,
    unitTypes: schoolTypes,
    group: 'nav.internGroup',
  },
  {
    key: 'supRatings',
    path: '/internships/host-ratings',
    label: 'nav.supRatings',
    icon: <StarOutlined />,
    requires: 'internship.write',
    needsConsortium: true,
    // a host's own staff do not see their ratings
    unitTypes: schoolTypes,
    group: 'nav.internGroup',
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

/** Runs of consecutive entries: those of one group together under its heading, the others alone. */
export function groupEntries(entries: NavEntry[]): { group?: MessageKey; entries: NavEntry[] }[] {
  const out: { group?: MessageKey; entries: NavEntry[] }[] = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    if (e.group && last?.group === e.group) last.entries.push(e);
    else out.push({ group: e.group, entries: [e] });
  }
  return out;
}

/** The entry whose page is shown at `pathname` (for the menu's selection). */
export function entryAt(pathname: string): NavEntry | undefined {
  if (pathname === '/') return navEntries[0];
  return navEntries.find((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)));
}
