// The text of an xlsx cell as the user means it: rich text joined, formulas by their result, hyperlinks
// by their text, dates as YYYY-MM-DD, numbers without exponent or float noise.
import type { Cell, CellValue } from 'exceljs';

export type CellRead =
  | { kind: 'text'; text: string }
  /** a formula error such as #N/A */
  | { kind: 'error'; text: string }
  /** an integer too long for Excel's 15 significant digits: the digits after the 15th are lost */
  | { kind: 'lossy'; text: string };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD', or 'YYYY-MM-DD HH:mm:ss' when there is a time. exceljs reads Excel dates as UTC. */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/**
 * A number as plain decimal text. Integers are exact (no 1.23E+17); other numbers are cut to Excel's 15
 * significant digits, which removes binary noise such as 0.30000000000000004.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  const r = Number(n.toPrecision(15));
  const s = String(r);
  if (!/e/i.test(s)) return s;
  // tiny or huge non-integers: expand the exponent by hand
  const [mant = '', expPart = '0'] = s.split(/e/i);
  const exp = Number(expPart);
  const neg = mant.startsWith('-');
  const [intPart = '', frac = ''] = mant.replace('-', '').split('.');
  const digits = intPart + frac;
  const point = intPart.length + exp;
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + body;
}

/** An integer as Excel shows it: 15 significant digits, then zeros (110105194912310000). */
export function excelIntegerText(n: number): string {
  const [mant = '', exp = '0'] = Math.abs(n).toExponential(14).split('e');
  const digits = mant.replace('.', '');
  const length = Number(exp) + 1;
  const body =
    length >= digits.length ? digits + '0'.repeat(length - digits.length) : digits.slice(0, length);
  return (n < 0 ? '-' : '') + body;
}

type Scalar = CellValue;

function scalarText(v: Scalar, numFmt: string | undefined): CellRead {
  if (v === null || v === undefined) return { kind: 'text', text: '' };
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) >= 1e15) return { kind: 'lossy', text: excelIntegerText(v) };
    let text = numberText(v);
    // '000000' and the like: Excel shows zero-padded integers (region codes typed as numbers)
    if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(v) && v >= 0)
      text = text.padStart(numFmt.length, '0');
    return { kind: 'text', text };
  }
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { kind: 'text', text: dateText(v) };
  if ('error' in v) return { kind: 'error', text: String(v.error) };
  if ('richText' in v) return { kind: 'text', text: v.richText.map((r) => r.text).join('') };
  if ('hyperlink' in v) {
    // the text of a hyperlink cell may itself be rich text
    const t: unknown = v.text;
    if (typeof t === 'string') return { kind: 'text', text: t };
    return scalarText(t as Scalar, numFmt);
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: Scalar }).result;
    return scalarText(result ?? null, numFmt);
  }
  return { kind: 'text', text: '' };
}

/** What the cell says, trimmed. */
export function readCell(cell: Cell): CellRead {
  const r = scalarText(cell.value, cell.numFmt);
  return r.kind === 'text' ? { kind: 'text', text: r.text.trim() } : r;
}
