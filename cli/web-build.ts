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

/** Project files outside web/ that the last build used (recorded by the build itself). */
function recordedInputs(): string[] {
  try {
    const list = JSON.parse(fs.readFileSync(path.join(dist, '.build-inputs.json'), 'utf8')) as string[];
    return list.map((f) => path.join(root, f));
  } catch {
    return [];
  }
}

export function webSourceHash(extra: string[] = recordedInputs()): string {
  const h = crypto.createHash('sha256');
  const inputs = [
    ...files(path.join(root, 'web/src')),
    path.join(root, 'web/index.html'),
    path.join(root, 'web/vite.config.ts'),
    path.join(root, 'web/tsconfig.json'),
    path.join(root, 'package-lock.json'),
    ...extra,
  ];
  for (const f of [...new Set(inputs)].sort()) {
    h.update(path.relative(root, f));
    h.update(fs.existsSync(f) ? fs.readFileSync(f) : 'missing');
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
  fs.writeFileSync(stampFile, webSourceHash());
}
