// Shapes of the internships API, inferred from the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type {
  checkOut,
  complianceOut,
  complianceQuery,
  createPlanBody,
  findingOut,
  fromRunOut,
  hostBody,
  hostOut,
  placementBody,
  placementDetail,
  placementOut,
  ruleOut,
  ruleSettingBody,
  updatePlacementBody,
  updatePlanBody,
  planOut,
} from '../../../../server/modules/internships/internships.schema.ts';
import type { agreementOut } from '../../../../server/modules/internships/agreements.ts';
import type {
  AgreementParty,
  Certainty,
  InternshipKind,
  PlacementStatus,
  RuleSeverity,
  VenueType,
} from '../../../../server/modules/internships/internships.enums.ts';

export type { AgreementParty, Certainty, InternshipKind, PlacementStatus, RuleSeverity, VenueType };

export type Plan = z.infer<typeof planOut>;
export type PlanStatus = Plan['status'];
export type RubricItem = Plan['rubric'][number];
export type CreatePlanInput = z.input<typeof createPlanBody>;
export type UpdatePlanInput = z.input<typeof updatePlanBody>;

export type Host = z.infer<typeof hostOut>;
export type HostInput = z.input<typeof hostBody>;

export type Finding = z.infer<typeof findingOut>;
export type CheckResult = z.infer<typeof checkOut>;
export type Placement = z.infer<typeof placementOut>;
export type PlacementDetail = z.infer<typeof placementDetail>;
export type HistoryEntry = PlacementDetail['history'][number];
export type CreatePlacementInput = z.input<typeof placementBody>;
export type UpdatePlacementInput = z.input<typeof updatePlacementBody>;
export type HostKind = Placement['hostKind'];
export type PayChannel = NonNullable<Placement['payChannel']>;
export type PayFrequency = NonNullable<Placement['payFrequency']>;
export type PremiumPayer = NonNullable<Placement['premiumPaidBy']>;
export type PlacementAction = 'start' | 'complete' | 'terminate' | 'cancel';

export type FromRunResult = z.infer<typeof fromRunOut>;
export type FromRunRow = FromRunResult['rows'][number];

export type Rule = z.infer<typeof ruleOut>;
export type RuleParam = Rule['params'][number];
export type RuleSettingInput = z.input<typeof ruleSettingBody>;

export type ComplianceGroupBy = z.infer<typeof complianceQuery>['groupBy'];
export type Compliance = z.infer<typeof complianceOut>;
export type ComplianceFinding = Compliance['findings'][number];

export type Agreement = z.infer<typeof agreementOut>;

/** The filters of GET /placements. */
export type PlacementFilter = {
  planId?: string;
  schoolUnitId?: string;
  hostUnitId?: string;
  externalHostId?: string;
  status?: PlacementStatus;
  finding?: 'block' | 'warn' | 'any';
  mine?: 'true';
  q?: string;
};
export type PlacementQuery = PlacementFilter & { page: number; pageSize: number; sort: string };
