// Importing a school's students from Excel on the embedded database: 20,000 rows, every row validated
// (身份证 check digit, major code against the catalog, duplicates in the file and against other
// schools) and written all-or-nothing. Target: ≤ 5 s for 20k rows on PGlite.
// Baseline, measured in the same run: reading and parsing the same file with the same column
// definitions and nothing else (readTable) — the floor an import cannot go below.
// Also: the same file with 20 planted bad rows (refused whole, nothing written).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { openPglite } from '../server/db/client.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import {
  candidates,
  catalogEntries,
  catalogs,
  consortia,
  memberUnits,
  users,
} from '../server/db/schema/index.ts';
import { demoMajors } from '../server/db/seed/talent-demo.ts';
import { readTable, writeTable } from '../server/lib/excel/index.ts';
import { idCardCheckChar } from '../server/lib/identifiers.ts';
import type { Actor } from '../server/modules/access/access.core.ts';
import { AccessControl } from '../server/modules/access/access.service.ts';
import {
  candidateColumns,
  importCandidates,
  type CandidateSheetRow,
} from '../server/modules/talent/candidates.excel.ts';

const ROWS = Number(process.argv[3] ?? process.env.BENCH_ROWS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const majors = demoMajors.filter((m) => m.level === 3).map((m) => m.code);

function rows(n: number, serialBase: number): CandidateSheetRow[] {
  const out: CandidateSheetRow[] = [];
  for (let i = 0; i < n; i++) {
    const serial = serialBase + i;
    // unique 身份证号: district 3299xx + birth date spread over 2004–2007 + sequence
    const birth = `${2004 + (serial % 4)}${String(1 + (Math.floor(serial / 4) % 12)).padStart(2, '0')}${String(1 + (Math.floor(serial / 48) % 28)).padStart(2, '0')}`;
    const body = `3299${String(1 + (Math.floor(serial / 1344) % 90)).padStart(2, '0')}${birth}${String(Math.floor(serial / 120_960) % 1000).padStart(3, '0')}`;
    out.push({
      name: `学生${serial}`,
      idCard: body + idCardCheckChar(body),
      studentNo: `S${serial}`,
      kind: 'student',
      majorCode: majors[serial % majors.length]!,
      level: 'higher',
      yearOfStudy: 1 + (serial % 3),
      enrolmentYear: 2024 + (serial % 3),
      expectedGraduation: `${2027 + (serial % 3)}-06-30`,
      homeDistrict: null,
      mobile: `139${String(serial).padStart(8, '0')}`,
      skills: ['数控车床', 'PLC'],
      certificates: serial % 3 === 0 ? ['工业机器人操作与运维职业技能等级证书（1+X）'] : [],
      consentShare: serial % 5 !== 0,
    });
  }
  return out;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-bench-import-'));
const handle = await openPglite({ dataDir: dir });
try {
  await prepareDatabase(handle);
  const db = handle.db;
  const [majorCatalog] = await db
    .select()
    .from(catalogs)
    .where(and(eq(catalogs.kind, 'major'), eq(catalogs.isCurrent, true)));
  await db.insert(catalogEntries).values(
    demoMajors.map((m) => ({
      catalogId: majorCatalog!.id,
      code: m.code,
      name: m.name,
      level: m.level,
      parentCode: m.parent,
    })),
  );
  const [user] = await db
    .insert(users)
    .values({ username: 'bench', displayName: 'bench', passwordHash: 'not-a-login' })
    .returning();
  const actor: Actor = {
    userId: user!.id,
    username: 'bench',
    displayName: 'bench',
    memberships: [{ consortiumId: null, memberUnitId: null, roleCode: 'platform_admin' }],
  };
  const access = new AccessControl(db);

  const good = await writeTable(candidateColumns, rows(ROWS, 0), { format: 'xlsx', sheetName: '学生' });
  const badRows = rows(ROWS, 0);
  for (let i = 0; i < 20; i++) {
    const r = badRows[1000 + i * 997]!;
    if (i % 3 === 0)
      r.idCard = r.idCard.slice(0, 17) + (r.idCard[17] === '0' ? '1' : '0'); // wrong check digit
    else if (i % 3 === 1)
      r.majorCode = '469999'; // not in the catalog
    else r.idCard = badRows[i]!.idCard; // a duplicate of an earlier row
  }
  const bad = await writeTable(candidateColumns, badRows, { format: 'xlsx', sheetName: '学生' });
  console.log(
    `student import — ${ROWS} rows, xlsx ${(good.length / 1e6).toFixed(1)} MB, median of ${RUNS} runs, PGlite`,
  );

  const parse: number[] = [];
  const refuse: number[] = [];
  const write: number[] = [];
  let planted = 0;
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    await readTable(good, { format: 'xlsx', columns: candidateColumns });
    parse.push(performance.now() - t);

    const [c] = await db
      .insert(consortia)
      .values({ code: `bench-${run}`, name: `基准联合体${run}`, level: 'municipal' })
      .returning();
    const [school] = await db
      .insert(memberUnits)
      .values({ consortiumId: c!.id, name: '基准学校', type: 'higher_vocational' })
      .returning();

    t = performance.now();
    const refused = await importCandidates(db, access, actor, c!.id, school!.id, bad, {
      format: 'xlsx',
      dryRun: false,
    });
    refuse.push(performance.now() - t);
    planted = new Set(refused.errors.map((e) => e.row)).size;
    if (refused.ok) throw new Error('the bad file was accepted');

    t = performance.now();
    const result = await importCandidates(db, access, actor, c!.id, school!.id, good, {
      format: 'xlsx',
      dryRun: false,
    });
    write.push(performance.now() - t);
    if (!result.ok || result.inserted !== ROWS)
      throw new Error(`import failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(candidates)
      .where(eq(candidates.consortiumId, c!.id));
    if (n?.n !== ROWS) throw new Error(`expected ${ROWS} rows, found ${n?.n}`);
  }
  const base = median(parse);
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`  baseline: read + parse only        ${fmt(base)}`);
  console.log(
    `  bad file refused (${planted} rows reported) ${fmt(median(refuse))}  (${(median(refuse) / base).toFixed(2)}× baseline)`,
  );
  console.log(
    `  good file validated and written   ${fmt(median(write))}  (${(median(write) / base).toFixed(2)}× baseline)  target ≤ 5.00 s: ${median(write) <= 5000 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  runs (ms): parse ${parse.map(Math.round).join(', ')}; refuse ${refuse.map(Math.round).join(', ')}; write ${write.map(Math.round).join(', ')}`,
  );
} finally {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
