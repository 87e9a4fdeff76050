#!/usr/bin/env node
// The `chanjiao` command. TypeScript runs through tsx's loader, so a checkout needs no compile step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
