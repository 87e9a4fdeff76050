// npm run bench <name> — benchmarks print their figures and the ratio to a baseline measured in the same run.
const benches: Record<string, () => Promise<unknown>> = {
  startup: () => import('./startup.ts'),
  matching: () => import('./matching.ts'),
  'student-import': () => import('./student-import.ts'),
};

const name = process.argv[2];
if (!name || !benches[name]) {
  console.error(`usage: npm run bench <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
await benches[name]();
