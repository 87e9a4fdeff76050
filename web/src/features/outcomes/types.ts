// Shapes of the outcomes API, inferred from the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type { RateKey } from '../../../../server/modules/talent/talent.core.ts';
import type {
  createOutcomeBody,
  outcomeOut,
  updateOutcomeBody,
} from '../../../../server/modules/talent/outcomes.ts';
import type { DestinationType, VerificationSource } from '../../../../server/modules/talent/talent.enums.ts';

export type { DestinationType, RateKey, VerificationSource };
export type Outcome = z.infer<typeof outcomeOut>;
export type CreateOutcomeInput = z.input<typeof createOutcomeBody>;
export type UpdateOutcomeInput = z.input<typeof updateOutcomeBody>;
export type RatePart = 'numerator' | 'denominator';

/** The scope of the rates and of their drill-down. */
export type RateScope = {
  cohortYear?: number;
  schoolUnitId?: string;
  majorCode?: string;
  industry?: string;
};

export type OutcomeFilters = RateScope & {
  destination?: DestinationType;
  verificationSource?: VerificationSource;
  q?: string;
  rate?: RateKey;
  part?: RatePart;
};
export type OutcomeListQuery = OutcomeFilters & { page: number; pageSize: number; sort: string };
