// Build the web app when its sources changed since the last build (so a second `npm start` is quick).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist');
const stampFile = path.join(dist, '.build-hash');

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else yield p;
  }
}

export function webSourceHash(): string {
  const h = crypto.createHash('sha256');
  const inputs = [
    ...files(path.join(root, 'web/src')),
    path.join(root, 'web/index.html'),
    path.join(root, 'web/vite.config.ts'),
    path.join(root, 'package-lock.json'),
  ]
    .filter((f) => fs.existsSync(f))
    .sort();
  // the server's zod schemas are shared with the web app
  for (const f of [...inputs, ...files(path.join(root, 'server/modules'))].filter(
    (f) => f.endsWith('.schema.ts') || inputs.includes(f),
  )) {
    h.update(path.relative(root, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

export function ensureWebBuild(log: (s: string) => void): void {
  const hash = webSourceHash();
  if (
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === hash &&
    fs.existsSync(path.join(dist, 'index.html'))
  ) {
    return;
  }
  log('Building the web app (first start, or its sources changed)…');
  const res = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (res.status !== 0) throw new Error('The web build failed (see above).');
  fs.writeFileSync(stampFile, hash);
}
