// The supply–demand dashboard: talent demand by major group and occupation against candidate supply,
// the postings → applications funnel, and the outcome rates by cohort year. Every figure is counted from
// records at request time; the web app links each one to the list of records behind it.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../../db/client.ts';
import { applications, candidates, listItems, postings, statusEvents } from '../../db/schema/index.ts';
import { codeNames, today } from './talent.shared.ts';
import { ratesByYear } from './outcomes.ts';

export const dashboardOut = z.object({
  demandVsSupply: z.array(
    z.object({
      majorGroup: z.string().describe('专业大类 code (2 digits); empty = any major'),
      name: z.string().nullable(),
      demand: z.number().int().describe('headcount of published talent demands naming the group'),
      supply: z.number().int().describe('students and graduates registered in the group'),
    }),
  ),
  demandByOccupation: z.array(
    z.object({ occupation: z.string(), name: z.string().nullable(), demand: z.number().int() }),
  ),
  funnel: z.object({
    postings: z.number().int().describe('vetted postings (published or closed after publication)'),
    openPostings: z.number().int(),
    openings: z.number().int().describe('headcount of open postings'),
    applied: z.number().int(),
    shortlisted: z.number().int(),
    interviewing: z.number().int(),
    offered: z.number().int(),
    accepted: z.number().int(),
  }),
  applicationsByWeek: z.array(z.object({ week: z.string(), count: z.number().int() })),
  outcomesTrend: z.array(
    z.object({
      cohortYear: z.number().int(),
      total: z.number().int(),
      employment: z.number().nullable(),
      local: z.number().nullable(),
      related: z.number().nullable(),
    }),
  ),
});

export async function dashboard(db: Db, consortiumId: string): Promise<z.infer<typeof dashboardOut>> {
  const demandRows = await queryRows<{ grp: string; demand: number }>(
    db,
    sql`
    select coalesce(g.grp, '') as grp, sum(i.headcount)::int as demand
    from ${listItems} i
    left join lateral (select distinct substr(m, 1, 2) as grp from unnest(i.major_codes) m) g on true
    where i.consortium_id = ${consortiumId} and i.kind = 'talent' and i.status = 'published'
    group by 1`,
  );
  const supplyRows = await db
    .select({ grp: sql<string>`substr(${candidates.majorCode}, 1, 2)`, supply: sql<number>`count(*)::int` })
    .from(candidates)
    .where(and(eq(candidates.consortiumId, consortiumId), sql`${candidates.majorCode} is not null`))
    .groupBy(sql`1`);
  const groups = new Map<string, { demand: number; supply: number }>();
  for (const r of demandRows) groups.set(r.grp, { demand: Number(r.demand), supply: 0 });
  for (const r of supplyRows) groups.set(r.grp, { demand: groups.get(r.grp)?.demand ?? 0, supply: r.supply });
  const groupNames = await codeNames(db, 'major', [...groups.keys()]);

  const occRows = await db
    .select({
      occ: sql<string>`split_part(${listItems.occupationCode}, '-', 1)`,
      demand: sql<number>`sum(${listItems.headcount})::int`,
    })
    .from(listItems)
    .where(
      and(
        eq(listItems.consortiumId, consortiumId),
        eq(listItems.kind, 'talent'),
        eq(listItems.status, 'published'),
        sql`${listItems.occupationCode} is not null`,
      ),
    )
    .groupBy(sql`1`);
  const occNames = await codeNames(
    db,
    'occupation',
    occRows.map((r) => r.occ),
  );

  const [p] = await db
    .select({
      postings: sql<number>`count(*) filter (where ${postings.vettedAt} is not null and ${postings.status} in ('published', 'closed'))::int`,
      open: sql<number>`count(*) filter (where ${postings.status} = 'published' and ${postings.deadline} >= ${today()})::int`,
      openings: sql<number>`coalesce(sum(${postings.headcount}) filter (where ${postings.status} = 'published' and ${postings.deadline} >= ${today()}), 0)::int`,
    })
    .from(postings)
    .where(eq(postings.consortiumId, consortiumId));
  const [a] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(eq(applications.consortiumId, consortiumId));
  const reached = await db
    .select({ status: statusEvents.toStatus, n: sql<number>`count(distinct ${statusEvents.entityId})::int` })
    .from(statusEvents)
    .where(
      and(
        eq(statusEvents.consortiumId, consortiumId),
        eq(statusEvents.entity, 'application'),
        inArray(statusEvents.toStatus, ['shortlisted', 'interviewing', 'offered', 'accepted']),
      ),
    )
    .groupBy(statusEvents.toStatus);
  const stage = (s: string) => reached.find((r) => r.status === s)?.n ?? 0;

  const weeks = await db
    .select({
      week: sql<string>`to_char(date_trunc('week', ${applications.createdAt}), 'YYYY-MM-DD')`,
      count: sql<number>`count(*)::int`,
    })
    .from(applications)
    .where(
      and(
        eq(applications.consortiumId, consortiumId),
        sql`${applications.createdAt} > now() - interval '26 weeks'`,
      ),
    )
    .groupBy(sql`1`)
    .orderBy(sql`1`);

  const trend = await ratesByYear(db, consortiumId, {});
  return {
    demandVsSupply: [...groups.entries()]
      .map(([majorGroup, v]) => ({ majorGroup, name: groupNames.get(majorGroup) ?? null, ...v }))
      .sort((x, y) => y.demand + y.supply - (x.demand + x.supply)),
    demandByOccupation: occRows
      .map((r) => ({ occupation: r.occ, name: occNames.get(r.occ) ?? null, demand: r.demand }))
      .sort((x, y) => y.demand - x.demand),
    funnel: {
      postings: p?.postings ?? 0,
      openPostings: p?.open ?? 0,
      openings: p?.openings ?? 0,
      applied: a?.n ?? 0,
      shortlisted: stage('shortlisted'),
      interviewing: stage('interviewing'),
      offered: stage('offered'),
      accepted: stage('accepted'),
    },
    applicationsByWeek: weeks,
    outcomesTrend: trend.map((t) => ({
      cohortYear: t.scope.cohortYear!,
      total: t.total,
      employment: t.rates.find((r) => r.key === 'employment')!.value,
      local: t.rates.find((r) => r.key === 'local')!.value,
      related: t.rates.find((r) => r.key === 'related')!.value,
    })),
  };
}
