// npm run bench:matching -- [small|medium|large|all] [--runs 5] [--dimacs file.min]
// The placement matching engine on seeded generated instances (server/engine/matching/generate.ts): per
// size and mode the solve time (median of the runs, after one warm-up), the total score and the number
// placed; the greedy baseline's total and its gap to the optimum; HiGHS (an LP solver compiled to
// WebAssembly) on the same LP where it can run, with the ratio ours/HiGHS; the process's peak RSS.
// `all` runs each size in its own process, so that each peak RSS is that size's. `--dimacs` (one size)
// also writes the instance's minimum-cost flow in DIMACS format, to time outside solvers on the same
// instance (docs/matching.md).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Highs } from 'highs';
import { benchSizes, generateInstance, type BenchSize } from '../server/engine/matching/generate.ts';
import { dimacsMinCostFlow, lpArrays } from '../server/engine/matching/lp.ts';
import {
  findBlockingPairs,
  greedyMatching,
  matchingViolations,
  objectiveOf,
  solveOptimal,
  solveStable,
} from '../server/engine/matching/index.ts';

const SEED = 20261129;
/** HiGHS is not run above this many feasible pairs (it needs minutes and gigabytes there). */
const HIGHS_MAX_PAIRS = 1_500_000;
const TARGETS = { largeOptimalMs: 1500, largeStableMs: 500, mediumHighsRatio: 20, largeRssMb: 1024 };

const args = process.argv.slice(3);
const runsAt = args.indexOf('--runs');
const RUNS = Math.max(1, runsAt >= 0 ? Number(args[runsAt + 1]) : Number(process.env.BENCH_RUNS ?? 5));
const dimacsAt = args.indexOf('--dimacs');
const DIMACS = dimacsAt >= 0 ? args[dimacsAt + 1] : undefined;
const which =
  args.find((a, x) => !a.startsWith('--') && x !== runsAt + 1 && (dimacsAt < 0 || x !== dimacsAt + 1)) ??
  'all';
const sizes = Object.keys(benchSizes) as BenchSize[];
if (
  (which !== 'all' && !sizes.includes(which as BenchSize)) ||
  (dimacsAt >= 0 && (!DIMACS || which === 'all'))
) {
  console.error(
    `usage: npm run bench:matching -- [${sizes.join('|')}|all] [--runs 5] [--dimacs file.min (one size)]`,
  );
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const num = (x: number) => x.toLocaleString('en-US');

function timed<T>(fn: () => T): { value: T; times: number[] } {
  fn(); // warm-up
  const times: number[] = [];
  let value = fn();
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    value = fn();
    times.push(performance.now() - t);
  }
  return { value, times };
}

async function loadHighs(): Promise<Highs> {
  const mod = await import('highs');
  // The package's types describe its CommonJS entry; the ES module Node loads exports the loader as default.
  const load = mod.default as unknown as (typeof mod.default)['default'];
  return load();
}

async function benchSize(size: BenchSize): Promise<void> {
  const shape = benchSizes[size];
  let t = performance.now();
  const inst = generateInstance({ ...shape, seed: SEED });
  const genMs = performance.now() - t;
  const m = inst.edgeStudent.length;
  let capacity = 0;
  for (const c of inst.enterpriseCapacity) capacity += c;
  console.log(
    `\nmatching ${size}: ${num(shape.students)} students, ${num(shape.posts)} posts, ${num(shape.enterprises)} enterprises, ${num(m)} feasible pairs, enterprise places ${num(capacity)} (generated in ${ms(genMs)}; ${RUNS} runs, median)`,
  );
  if (DIMACS) {
    const fd = fs.openSync(DIMACS, 'w');
    try {
      for (const chunk of dimacsMinCostFlow(inst)) fs.writeSync(fd, chunk);
    } finally {
      fs.closeSync(fd);
    }
    console.log(`  DIMACS       written to ${DIMACS} (its minimum cost is minus the optimal total)`);
  }

  // optimal
  const checked = solveOptimal(inst, { verify: true });
  if (!checked.stats.certified || matchingViolations(inst, checked.studentEdge).length > 0)
    throw new Error('optimal: the result failed its checks');
  const opt = timed(() => solveOptimal(inst));
  const optMs = median(opt.times);
  const used = new Int32Array(inst.enterpriseIds.length);
  for (const k of opt.value.studentEdge) if (k >= 0) used[inst.postEnterprise[inst.edgePost[k]!]!]!++;
  let binding = 0;
  used.forEach((u, e) => (binding += u === inst.enterpriseCapacity[e] ? 1 : 0));
  console.log(
    `  optimal      ${ms(optMs).padStart(8)}   total ${num(opt.value.objective)}, placed ${num(opt.value.placed)} (${((100 * (shape.students - opt.value.placed)) / shape.students).toFixed(1)}% unplaced, ${((100 * binding) / used.length).toFixed(0)}% of enterprises full); certified optimal; ${opt.value.stats.phases} phases, ${num(opt.value.stats.bids)} bids + ${num(opt.value.stats.reverseBids)} reverse bids`,
  );
  const pf = timed(() => solveOptimal(inst, { placeFirst: true }));
  console.log(
    `  place-first  ${ms(median(pf.times)).padStart(8)}   total ${num(pf.value.objective)}, placed ${num(pf.value.placed)} (the most possible)`,
  );

  // stable
  const st = timed(() => solveStable(inst));
  const stMs = median(st.times);
  let stableNote = '';
  if (m <= HIGHS_MAX_PAIRS) {
    const blocking = findBlockingPairs(inst, st.value.studentEdge).length;
    if (blocking > 0) throw new Error(`stable: ${blocking} blocking pairs`);
    stableNote = '; no blocking pair';
  }
  console.log(
    `  stable       ${ms(stMs).padStart(8)}   total ${num(st.value.objective)}, placed ${num(st.value.placed)}; ${num(st.value.stats.proposals)} proposals${stableNote}`,
  );

  // greedy baseline
  t = performance.now();
  const greedy = objectiveOf(inst, greedyMatching(inst));
  const greedyMs = performance.now() - t;
  const gap = (100 * (opt.value.objective - greedy.objective)) / opt.value.objective;
  console.log(
    `  greedy       ${ms(greedyMs).padStart(8)}   total ${num(greedy.objective)}, placed ${num(greedy.placed)}: ${gap.toFixed(2)}% below the optimum`,
  );

  // HiGHS on the same LP
  let highsRatio = NaN;
  if (m > HIGHS_MAX_PAIRS) {
    console.log(`  HiGHS        skipped: ${num(m)} pairs is above ${num(HIGHS_MAX_PAIRS)}`);
  } else {
    const highs = await loadHighs();
    const data = lpArrays(inst);
    const times: number[] = [];
    let objective = NaN;
    for (let r = 0; r < Math.min(RUNS, 3); r++) {
      t = performance.now();
      const model = highs.createModel({ ...data, sense: highs.constants.objectiveSense.maximize });
      try {
        model.options.set({ output_flag: false });
        model.run();
        if (model.getModelStatus() !== highs.constants.modelStatus.optimal)
          throw new Error(`HiGHS: status ${model.getModelStatus()}`);
        objective = Math.round(model.getObjectiveValue());
      } finally {
        model.dispose();
      }
      times.push(performance.now() - t);
    }
    const highsMs = median(times);
    highsRatio = highsMs / optMs;
    console.log(
      `  HiGHS (LP)   ${ms(highsMs).padStart(8)}   total ${num(objective)} — ${objective === opt.value.objective ? 'the same optimum' : 'DIFFERENT'}; ours is ${highsRatio.toFixed(1)}× faster (ours/HiGHS ${(1 / highsRatio).toFixed(3)}) [median of ${times.length}]`,
    );
    if (objective !== opt.value.objective) throw new Error('HiGHS disagrees with the optimal mode');
  }

  const rss = rssMb();
  console.log(`  peak RSS     ${rss.toFixed(0)} MB`);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  if (size === 'large') {
    console.log(
      `  targets: optimal ≤ ${ms(TARGETS.largeOptimalMs)}: ${verdict(optMs <= TARGETS.largeOptimalMs)}; stable ≤ ${ms(TARGETS.largeStableMs)}: ${verdict(stMs <= TARGETS.largeStableMs)}; memory ≤ 1 GB: ${verdict(rss <= TARGETS.largeRssMb)}`,
    );
  }
  if (size === 'medium')
    console.log(
      `  target: ≥ ${TARGETS.mediumHighsRatio}× faster than HiGHS with the same optimum: ${verdict(highsRatio >= TARGETS.mediumHighsRatio)}`,
    );
}

if (which === 'all') {
  const root = path.resolve(import.meta.dirname, '..');
  for (const size of sizes) {
    const r = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=4096',
        path.join(root, 'cli/run-ts.mjs'),
        path.join(root, 'bench/index.ts'),
        'matching',
        size,
        '--runs',
        String(RUNS),
      ],
      { cwd: root, stdio: 'inherit' },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
} else await benchSize(which as BenchSize);
