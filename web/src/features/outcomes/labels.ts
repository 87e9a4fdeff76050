// Display names of destinations, verification sources and rates, and the drill-down links of the rates.
import { rateKeys } from '../../../../server/modules/talent/talent.core.ts';
import { destinationTypes, verificationSources } from '../../../../server/modules/talent/talent.enums.ts';
import { withQuery } from '../../lib/api';
import type { TFunction } from '../../lib/i18n';
import type { DestinationType, RateKey, RatePart, RateScope, VerificationSource } from './types';

export { destinationTypes, rateKeys, verificationSources };

export const destinationLabel = (t: TFunction, v: DestinationType) => t(`outc.destination.${v}`);
export const verificationLabel = (t: TFunction, v: VerificationSource) => t(`outc.verification.${v}`);
export const rateLabel = (t: TFunction, v: RateKey) => t(`rates.name.${v}`);
export const partLabel = (t: TFunction, v: RatePart) => t(`rates.part.${v}`);
/** Which records one side of a rate's fraction counts, in words. */
export const partDescription = (t: TFunction, rate: RateKey, part: RatePart) =>
  t(`rates.records.${rate}.${part}`);

export const destinationColor: Record<DestinationType, string> = {
  employed_contract: 'green',
  flexible: 'cyan',
  further_study: 'blue',
  enlisted: 'geekblue',
  entrepreneurship: 'purple',
  unemployed: 'orange',
};

export const verificationColor: Record<VerificationSource, string> = {
  employer_confirmed: 'green',
  signed_agreement: 'blue',
  social_insurance: 'cyan',
  self_report: 'default',
};

/** Destinations that need an employer (or own business) name. */
export const employerRequired: DestinationType[] = ['employed_contract', 'entrepreneurship'];

export const isDestination = (v: unknown): v is DestinationType => destinationTypes.some((d) => d === v);
export const isVerification = (v: unknown): v is VerificationSource =>
  verificationSources.some((d) => d === v);
export const isRateKey = (v: unknown): v is RateKey => rateKeys.some((d) => d === v);
export const isRatePart = (v: unknown): v is RatePart => v === 'numerator' || v === 'denominator';

/** The outcomes list showing the records on one side of a rate, in a scope. */
export function drillDownLink(rate: RateKey, part: RatePart, scope: RateScope): string {
  return withQuery('/outcomes', { rate, part, ...scope });
}

/** The rates page for a scope. */
export function ratesLink(scope: RateScope): string {
  return withQuery('/talent/rates', { ...scope });
}
