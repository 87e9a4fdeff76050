// Display names and colours of the internship vocabularies (the lists themselves come from the server's
// enums file, which imports nothing and so may be bundled).
import type { TFunction } from '../../lib/i18n';
import type {
  AgreementParty,
  Certainty,
  HostKind,
  InternshipKind,
  PayChannel,
  PayFrequency,
  PlacementStatus,
  PlanStatus,
  PremiumPayer,
  RuleSeverity,
  VenueType,
} from './types';

export {
  agreementParties,
  bannedVenueTypes,
  certainties,
  intensityClasses,
  internshipKinds,
  payChannels,
  payFrequencies,
  placementStatuses,
  planStatuses,
  premiumPayers,
  ruleSeverities,
  venueTypes,
} from '../../../../server/modules/internships/internships.enums.ts';

export const kindLabel = (t: TFunction, k: InternshipKind) => t(`intern.kind.${k}`);
export const planStatusLabel = (t: TFunction, s: PlanStatus) => t(`intern.planStatus.${s}`);
export const planStatusColor: Record<PlanStatus, string> = {
  draft: 'default',
  active: 'processing',
  closed: 'purple',
};
export const statusLabel = (t: TFunction, s: PlacementStatus) => t(`intern.status.${s}`);
export const statusColor: Record<PlacementStatus, string> = {
  pending: 'gold',
  active: 'processing',
  completed: 'success',
  terminated: 'error',
  cancelled: 'default',
};
export const hostKindLabel = (t: TFunction, k: HostKind) => t(`intern.hostKind.${k}`);
export const venueLabel = (t: TFunction, v: VenueType) => t(`intern.venue.${v}`);
export const payChannelLabel = (t: TFunction, v: PayChannel) => t(`intern.payChannel.${v}`);
export const payFrequencyLabel = (t: TFunction, v: PayFrequency) => t(`intern.payFrequency.${v}`);
export const premiumPayerLabel = (t: TFunction, v: PremiumPayer) => t(`intern.premiumPayer.${v}`);
export const partyLabel = (t: TFunction, p: AgreementParty) => t(`intern.party.${p}`);
export const severityLabel = (t: TFunction, s: RuleSeverity) => t(`intern.severity.${s}`);
export const severityColor: Record<RuleSeverity, string> = { block: 'red', warn: 'orange' };
export const certaintyLabel = (t: TFunction, c: Certainty) => t(`intern.certainty.${c}`);
export const certaintyHelp = (t: TFunction, c: Certainty) => t(`intern.certainty.${c}.help`);
export const certaintyColor: Record<Certainty, string> = { V: 'green', P: 'blue', M: 'default' };
export const intensityLabel = (n: number) => ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'][n - 1] ?? String(n);

/** Today in China (YYYY-MM-DD), as the server's `today()`. */
export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
