// chanjiao match — place a cohort with the matching engine: read an instance file, solve it in optimal or
// stable mode, write the result (docs/matching.md). A bad instance is refused with every problem named
// (exit code 2) and nothing is written.
import fs from 'node:fs';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';

interface MatchOptions {
  in: string;
  out: string;
  mode: string;
  placeFirst?: boolean;
  explain?: boolean;
}

const SHOWN_ERRORS = 20;

/** JSON with one line per key, per assignment and per explanation: readable and diff-friendly at any size. */
function formatResult(result: object): string {
  const lines = Object.entries(result).map(([key, value]) => {
    const k = JSON.stringify(key);
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object')
      return ` ${k}: [\n${value.map((v) => `  ${JSON.stringify(v)}`).join(',\n')}\n ]`;
    if (key === 'explanations' && value && typeof value === 'object')
      return ` ${k}: {\n${Object.entries(value)
        .map(([id, v]) => `  ${JSON.stringify(id)}: ${JSON.stringify(v)}`)
        .join(',\n')}\n }`;
    return ` ${k}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('Place a cohort into posts: optimal (best total score) or stable (deferred acceptance)')
    .requiredOption('--in <file>', 'the instance, JSON (docs/matching.instance.schema.json)')
    .requiredOption('--mode <mode>', 'optimal | stable')
    .requiredOption('--out <file>', 'where to write the result, JSON')
    .option('--place-first', 'optimal mode: place as many students as possible first, then the best total')
    .option('--explain', 'for every student, why it did not get each post it preferred')
    .action(async (opts: MatchOptions) => {
      if (opts.mode !== 'optimal' && opts.mode !== 'stable')
        throw new InvalidArgumentError(`--mode: optimal or stable, not "${opts.mode}"`);
      if (opts.placeFirst && opts.mode !== 'optimal')
        throw new InvalidArgumentError('--place-first applies to --mode optimal only');
      let text: string;
      try {
        text = fs.readFileSync(opts.in, 'utf8');
      } catch (err) {
        throw new InvalidArgumentError(`--in: cannot read ${opts.in}: ${(err as Error).message}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        throw new InvalidArgumentError(`${opts.in}: not valid JSON: ${(err as Error).message}`);
      }
      const { parseInstance, formatInstanceError, solveMatching, outcomeToJson } =
        await import('../server/engine/matching/index.ts');
      const parsed = parseInstance(json);
      if (!parsed.ok) {
        const lines = parsed.errors.slice(0, SHOWN_ERRORS).map((e) => `  ${formatInstanceError(e)}`);
        const more = parsed.errors.length - SHOWN_ERRORS;
        if (more > 0 || parsed.truncated) lines.push(`  … and more`);
        throw new InvalidArgumentError(
          `${opts.in}: not a valid instance (${parsed.errors.length}${parsed.truncated ? '+' : ''} problem${parsed.errors.length === 1 ? '' : 's'}); nothing written\n${lines.join('\n')}`,
        );
      }
      const inst = parsed.instance;
      const outcome = solveMatching(inst, {
        mode: opts.mode,
        placeFirst: !!opts.placeFirst,
        explain: !!opts.explain,
      });
      const result = outcomeToJson(inst, outcome);
      // write beside the target, then rename: a reader never sees half a file
      const tmp = path.join(
        path.dirname(path.resolve(opts.out)),
        `.${path.basename(opts.out)}.${process.pid}.tmp`,
      );
      fs.writeFileSync(tmp, formatResult(result));
      fs.renameSync(tmp, opts.out);
      console.log(
        `${opts.mode}${opts.placeFirst ? ' (place first)' : ''}: placed ${outcome.placed} of ${inst.studentIds.length} students, total score ${outcome.objective}, solved in ${outcome.solveMs.toFixed(0)} ms; wrote ${opts.out}.`,
      );
    });
}
