#!/usr/bin/env node
// Run a TypeScript file of this project: node cli/run-ts.mjs path/to/file.ts [args…]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) {
  console.error('usage: node cli/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(path.resolve(file)).href);
