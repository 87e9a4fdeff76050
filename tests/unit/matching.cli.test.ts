// `chanjiao match` as a user runs it: a good instance gives a result file; a bad one exits with code 2,
// names every offending item, and writes nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInstance } from '../../server/engine/matching/generate.ts';
import {
  instanceToJson,
  parseInstance,
  solveOptimal,
  solveStable,
} from '../../server/engine/matching/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-match-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function match(args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'cli/chanjiao.mjs'), 'match', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const file = (name: string, content?: unknown) => {
  const p = path.join(dir, name);
  if (content !== undefined) fs.writeFileSync(p, JSON.stringify(content));
  return p;
};

const generated = generateInstance({ students: 300, posts: 30, enterprises: 6, degree: 8, seed: 5 });
const good = instanceToJson(generated);

describe('chanjiao match', () => {
  it('writes the optimal result, with explanations', () => {
    const out = file('optimal.json');
    const r = match(['--in', file('good.json', good), '--mode', 'optimal', '--explain', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^optimal: placed \d+ of 300 students, total score \d+/);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    const want = solveOptimal(generated);
    expect(result).toMatchObject({
      mode: 'optimal',
      placeFirst: false,
      objective: want.objective,
      placed: want.placed,
    });
    expect(result.assignments).toHaveLength(want.placed);
    expect(result.unplaced).toHaveLength(300 - want.placed);
    expect(result.assignments[0]).toEqual({ student: expect.any(String), post: expect.any(String) });
    expect(Object.keys(result.explanations)).toHaveLength(300);
    expect(result.stats.solveMs).toBeGreaterThanOrEqual(0);
  });

  it('writes the stable result; place-first in optimal mode', () => {
    const stable = file('stable.json');
    expect(match(['--in', file('good.json'), '--mode', 'stable', '--out', stable]).status).toBe(0);
    const s = JSON.parse(fs.readFileSync(stable, 'utf8'));
    expect(s.mode).toBe('stable');
    expect(s.objective).toBe(solveStable(generated).objective);
    expect(s.explanations).toBeUndefined();
    const pf = file('pf.json');
    expect(match(['--in', file('good.json'), '--mode', 'optimal', '--place-first', '--out', pf]).status).toBe(
      0,
    );
    expect(JSON.parse(fs.readFileSync(pf, 'utf8')).placed).toBe(
      solveOptimal(generated, { placeFirst: true }).placed,
    );
  });

  it('refuses a bad instance: exit 2, every item named, nothing written', () => {
    const bad = structuredClone(good);
    bad.edges[12]!.post = 'P9';
    bad.posts[3]!.capacity = -1;
    bad.edges[20]!.score = 3.5;
    bad.edges.push({ ...bad.edges[0]! });
    const out = file('never.json');
    const r = match(['--in', file('bad.json', bad), '--mode', 'optimal', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a valid instance (4 problems); nothing written');
    expect(r.stderr).toContain('edges[12].post: unknown post "P9"');
    expect(r.stderr).toContain('posts[3].capacity: must not be negative, got -1');
    expect(r.stderr).toContain('edges[20].score: must be an integer, got 3.5');
    expect(r.stderr).toContain(`edges[${good.edges.length}]: duplicate edge`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses bad JSON, a bad mode and place-first with stable: exit 2, nothing written', () => {
    const out = file('never.json');
    fs.writeFileSync(file('broken.json'), '{"students": [');
    const broken = match(['--in', file('broken.json'), '--mode', 'optimal', '--out', out]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('not valid JSON');
    const mode = match(['--in', file('good.json'), '--mode', 'fastest', '--out', out]);
    expect(mode.status).toBe(2);
    expect(mode.stderr).toContain('--mode: optimal or stable');
    const pf = match(['--in', file('good.json'), '--mode', 'stable', '--place-first', '--out', out]);
    expect(pf.status).toBe(2);
    expect(pf.stderr).toContain('--place-first applies to --mode optimal only');
    const missing = match(['--in', path.join(dir, 'nope.json'), '--mode', 'stable', '--out', out]);
    expect(missing.status).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('the good instance file is itself valid', () => {
    expect(parseInstance(JSON.parse(fs.readFileSync(file('good.json'), 'utf8'))).ok).toBe(true);
  });
});
