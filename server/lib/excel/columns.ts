// Column definitions shared by import and export, so a file written by writeTable reads back unchanged,
// and the ready-made column types (text, integer, decimal, date, oneOf, boolean, fromValidator).
import { isCalendarDate, type Validator } from '../identifiers.ts';

/** `message` is English, `messageZh` Chinese (shown in the annotated workbook when present). */
export type ParseResult<T> =
  { ok: true; value: T } | { ok: false; code: string; message: string; messageZh?: string };

/** How a column is stored in xlsx: text columns get the '@' format so leading zeros survive. */
export type CellKind = 'text' | 'number' | 'date' | 'boolean';

/** What a column helper provides; spread it into a column: `{ key, header, headerEn, ...text({ max: 100 }) }`. */
export type ColumnType<T> = {
  /** Called with the trimmed, non-empty text of a cell. */
  parse: (raw: string) => ParseResult<T>;
  format: (value: T | null | undefined) => string | number | null;
  kind: CellKind;
  /** the rule in words, for the template (Chinese and English) */
  hint: string;
  hintEn: string;
  /** choices offered as a drop-down in the template */
  options?: readonly string[];
};

type ColumnOf<Row, K extends keyof Row & string> = {
  key: K;
  /** Chinese header as it appears in the file, e.g. '单位名称' */
  header: string;
  headerEn: string;
  /** other header spellings accepted on import */
  aliases?: readonly string[];
  required?: boolean;
  /** in characters (Excel's unit) */
  width?: number;
  /** shown in the template's header note and its 说明 sheet, never as a data row */
  example?: string;
  note?: string;
  parse: (raw: string) => ParseResult<Row[K]>;
  format: (value: Row[K]) => string | number | null;
  kind?: CellKind;
  hint?: string;
  hintEn?: string;
  options?: readonly string[];
};

/** A column of `Row`: its `parse` and `format` are typed by the property named by `key`. */
export type Column<Row> = { [K in keyof Row & string]: ColumnOf<Row, K> }[keyof Row & string];

/**
 * Fixes `Row` for a column list, the same as annotating it `Column<Row>[]`:
 * `const cols = columnsOf<Unit>()([...])`. readTable infers `Row` from either.
 */
export function columnsOf<Row>() {
  return (columns: Column<Row>[]): Column<Row>[] => columns;
}

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = (code: string, message: string, messageZh: string): ParseResult<never> => ({
  ok: false,
  code,
  message,
  messageZh,
});

// ---------------------------------------------------------------------------------------------------

/** Free text; lengths count characters (a Chinese character is one), as PostgreSQL's varchar does. */
export function text(
  opts: { min?: number; max?: number; pattern?: RegExp; patternHint?: string } = {},
): ColumnType<string> {
  const { min, max, pattern, patternHint } = opts;
  const parts: [string, string][] = [];
  if (min !== undefined) parts.push([`至少 ${min} 字`, `at least ${min} characters`]);
  if (max !== undefined) parts.push([`最多 ${max} 字`, `at most ${max} characters`]);
  if (patternHint) parts.push([patternHint, patternHint]);
  return {
    kind: 'text',
    hint: ['文本', ...parts.map((p) => p[0])].join('，'),
    hintEn: ['text', ...parts.map((p) => p[1])].join(', '),
    parse: (raw) => {
      const n = [...raw].length;
      if (min !== undefined && n < min) {
        return fail('TOO_SHORT', `at least ${min} characters (got ${n})`, `至少 ${min} 个字（当前 ${n} 个）`);
      }
      if (max !== undefined && n > max) {
        return fail('TOO_LONG', `at most ${max} characters (got ${n})`, `最多 ${max} 个字（当前 ${n} 个）`);
      }
      if (pattern && !pattern.test(raw)) {
        return fail(
          'INVALID_FORMAT',
          `does not match the expected format${patternHint ? `: ${patternHint}` : ''}`,
          `格式不正确${patternHint ? `：${patternHint}` : ''}`,
        );
      }
      return ok(raw);
    },
    format: (v) => v ?? null,
  };
}

/** '1,234' and full-width digits are accepted; NFKC folds the latter. */
function numberText(raw: string): string {
  return raw.normalize('NFKC').replace(/[,\s]/g, '');
}

function rangeCheck(n: number, min: number | undefined, max: number | undefined): ParseResult<number> {
  if (min !== undefined && n < min) return fail('TOO_SMALL', `at least ${min}`, `不能小于 ${min}`);
  if (max !== undefined && n > max) return fail('TOO_LARGE', `at most ${max}`, `不能大于 ${max}`);
  return ok(n);
}

function rangeHint(min: number | undefined, max: number | undefined): [string, string] {
  if (min !== undefined && max !== undefined) return [`${min}–${max}`, `${min}–${max}`];
  if (min !== undefined) return [`不小于 ${min}`, `at least ${min}`];
  if (max !== undefined) return [`不大于 ${max}`, `at most ${max}`];
  return ['', ''];
}

export function integer(opts: { min?: number; max?: number } = {}): ColumnType<number> {
  const [zh, en] = rangeHint(opts.min, opts.max);
  return {
    kind: 'number',
    hint: `整数${zh ? `，${zh}` : ''}`,
    hintEn: `whole number${en ? `, ${en}` : ''}`,
    parse: (raw) => {
      const t = numberText(raw);
      const n = Number(t);
      if (!/^[+-]?\d+(\.0*)?$/.test(t) || !Number.isSafeInteger(n)) {
        return fail('NOT_INTEGER', 'not a whole number', '应为整数');
      }
      return rangeCheck(n, opts.min, opts.max);
    },
    format: (v) => v ?? null,
  };
}

/** A decimal number; `scale` limits the digits after the point. */
export function decimal(opts: { min?: number; max?: number; scale?: number } = {}): ColumnType<number> {
  const [zh, en] = rangeHint(opts.min, opts.max);
  const scaleZh = opts.scale !== undefined ? `，最多 ${opts.scale} 位小数` : '';
  const scaleEn = opts.scale !== undefined ? `, at most ${opts.scale} decimals` : '';
  return {
    kind: 'number',
    hint: `数字${zh ? `，${zh}` : ''}${scaleZh}`,
    hintEn: `number${en ? `, ${en}` : ''}${scaleEn}`,
    parse: (raw) => {
      const t = numberText(raw);
      const m = /^[+-]?(\d+(?:\.(\d*))?|\.(\d+))(?:[eE][+-]?\d+)?$/.exec(t);
      const n = Number(t);
      if (!m || !Number.isFinite(n)) return fail('NOT_NUMBER', 'not a number', '应为数字');
      const decimals = (m[2] ?? m[3] ?? '').replace(/0+$/, '').length;
      if (opts.scale !== undefined && decimals > opts.scale && !/[eE]/.test(t)) {
        return fail(
          'TOO_MANY_DECIMALS',
          `at most ${opts.scale} digits after the decimal point`,
          `最多 ${opts.scale} 位小数`,
        );
      }
      return rangeCheck(n, opts.min, opts.max);
    },
    format: (v) => v ?? null,
  };
}

// --- dates ------------------------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Excel's serial day number (1900 system, with its phantom 1900-02-29 = 60) to 'YYYY-MM-DD'. */
export function excelSerialToDate(serial: number): string | null {
  const days = Math.floor(serial);
  if (days < 1 || days > 2958465 || days === 60) return null;
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(base + days * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * 'YYYY-MM-DD' from the usual spellings: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, an
 * optional time after it (ignored), or an Excel serial day number of five digits (a date cell formatted as a number).
 */
export function parseDateText(raw: string): string | null {
  const t = raw.normalize('NFKC').trim();
  // serials of 1927-05-18 … 2173-10-14: five digits, so a year or a YYYYMMDD is never taken for one
  if (/^\d{5}(\.\d+)?$/.test(t)) return excelSerialToDate(Number(t));
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(t) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(y, mo, d) ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : null;
}

/** A calendar date, as the string 'YYYY-MM-DD' (no time zone to get wrong). Written as a real Excel date. */
export function date(opts: { min?: string; max?: string } = {}): ColumnType<string> {
  return {
    kind: 'date',
    hint: '日期，如 2024-03-05 或 2024/3/5',
    hintEn: 'date, e.g. 2024-03-05 or 2024/3/5',
    parse: (raw) => {
      const v = parseDateText(raw);
      if (v === null)
        return fail('INVALID_DATE', 'not a date (use YYYY-MM-DD)', '不是有效日期（请用 YYYY-MM-DD 格式）');
      if (opts.min !== undefined && v < opts.min) {
        return fail('TOO_EARLY', `not before ${opts.min}`, `不能早于 ${opts.min}`);
      }
      if (opts.max !== undefined && v > opts.max)
        return fail('TOO_LATE', `not after ${opts.max}`, `不能晚于 ${opts.max}`);
      return ok(v);
    },
    format: (v) => v ?? null,
  };
}

// --- choices ----------------------------------------------------------------------------------------

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * One of a fixed set: `oneOf({ 企业: 'enterprise', 学校: 'school' })`. Accepts the labels and the codes
 * (case-insensitive); writes the first label of a code.
 */
export function oneOf<const M extends Record<string, string>>(labels: M): ColumnType<M[keyof M]> {
  type V = M[keyof M];
  const accepted = new Map<string, V>();
  const labelOf = new Map<string, string>();
  for (const [label, code] of Object.entries(labels) as [string, V][]) {
    accepted.set(fold(label), code);
    if (!labelOf.has(code)) labelOf.set(code, label);
  }
  for (const code of labelOf.keys()) if (!accepted.has(fold(code))) accepted.set(fold(code), code as V);
  const shown = [...labelOf.values()];
  return {
    kind: 'text',
    hint: `可选值：${shown.join('、')}`,
    hintEn: `one of: ${shown.join(', ')}`,
    options: shown,
    parse: (raw) => {
      const v = accepted.get(fold(raw));
      if (v === undefined) {
        return fail(
          'NOT_ALLOWED',
          `must be one of: ${shown.join(', ')}`,
          `应为以下之一：${shown.join('、')}`,
        );
      }
      return ok(v);
    },
    format: (v) => (v === null || v === undefined ? null : (labelOf.get(v) ?? v)),
  };
}

const truthy = new Set(['是', 'y', 'yes', 'true', '1', '√', '对']);
const falsy = new Set(['否', 'n', 'no', 'false', '0', '×', '错']);

/** 是/否, Y/N, yes/no, true/false, 1/0; written as 是/否. */
export function boolean(): ColumnType<boolean> {
  return {
    kind: 'boolean',
    hint: '是 或 否',
    hintEn: '是 (yes) or 否 (no)',
    options: ['是', '否'],
    parse: (raw) => {
      const t = fold(raw);
      if (truthy.has(t)) return ok(true);
      if (falsy.has(t)) return ok(false);
      return fail('INVALID_BOOLEAN', 'must be 是 or 否 (yes/no)', '应为“是”或“否”');
    },
    format: (v) => (v === null || v === undefined ? null : v ? '是' : '否'),
  };
}

/** Wraps an identifier validator (server/lib/identifiers.ts); the error code is the validator's rule. */
export function fromValidator(
  validate: Validator,
  hints: { hint?: string; hintEn?: string } = {},
): ColumnType<string> {
  return {
    kind: 'text',
    hint: hints.hint ?? '按格式校验',
    hintEn: hints.hintEn ?? 'validated',
    parse: (raw) => {
      const r = validate(raw);
      return r.ok ? ok(r.value) : fail(r.rule, r.message, r.messageZh);
    },
    format: (v) => v ?? null,
  };
}

/**
 * Several values in one cell, separated by 、，,；; or line breaks; written joined by 、. Each value is
 * checked by `item` when given (e.g. a code pattern).
 */
export function list(
  opts: { maxItems?: number; maxLength?: number; item?: RegExp; itemHint?: string } = {},
): ColumnType<string[]> {
  const { maxItems = 50, maxLength = 40, item, itemHint } = opts;
  return {
    kind: 'text',
    hint: `多个值用“、”分隔，最多 ${maxItems} 个${itemHint ? `；每个：${itemHint}` : ''}`,
    hintEn: `several values separated by 、 or commas, at most ${maxItems}${itemHint ? `; each: ${itemHint}` : ''}`,
    parse: (raw) => {
      const values = [
        ...new Set(
          raw
            .split(/[、，,；;\n]+/)
            .map((v) => v.trim())
            .filter(Boolean),
        ),
      ];
      if (values.length > maxItems) {
        return fail(
          'TOO_MANY',
          `at most ${maxItems} values (got ${values.length})`,
          `最多 ${maxItems} 个值（当前 ${values.length} 个）`,
        );
      }
      for (const v of values) {
        if ([...v].length > maxLength) {
          return fail(
            'TOO_LONG',
            `“${v}” is longer than ${maxLength} characters`,
            `“${v}”超过 ${maxLength} 个字`,
          );
        }
        if (item && !item.test(v)) {
          return fail(
            'INVALID_FORMAT',
            `“${v}”: ${itemHint ?? 'wrong format'}`,
            `“${v}”格式不正确${itemHint ? `：${itemHint}` : ''}`,
          );
        }
      }
      return ok(values);
    },
    format: (v) => (v && v.length ? v.join('、') : null),
  };
}
