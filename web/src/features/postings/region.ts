// The consortium's own region: offered first when a district is picked or filtered by.
import { cityPrefix } from '../../../../server/modules/talent/talent.core.ts';
import { useConsortiumSummary } from '../consortia/api';

/** The consortium's region code (GB/T 2260, 6 digits), when recorded. */
export function useConsortiumSummaryRegion(consortiumId: string): string | null {
  const summary = useConsortiumSummary(consortiumId);
  return summary.data?.consortium.regionCode ?? null;
}

/** The code prefix of the consortium's city (e.g. 3299), for the district filter. */
export function useCityPrefix(consortiumId: string): string | null {
  return cityPrefix(useConsortiumSummaryRegion(consortiumId));
}
