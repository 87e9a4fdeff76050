// Shapes of the rates and dashboard APIs, inferred from the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type { dashboardOut } from '../../../../server/modules/talent/dashboard.ts';
import type { rateOut, ratesOut } from '../../../../server/modules/talent/outcomes.ts';

export type Rates = z.infer<typeof ratesOut>;
export type Rate = z.infer<typeof rateOut>;
export type Dashboard = z.infer<typeof dashboardOut>;
