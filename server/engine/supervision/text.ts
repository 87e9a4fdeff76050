// Normalising a log's text before it is compared: what a copier changes cheaply (dates, numbers,
// spacing, punctuation, full/half width) is removed, so that only the words remain.

const digitDates = [
  // 2026年3月5日, 2026年3月, 3月5日, 3月5号
  /\d{2,4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*[日号])?/g,
  /\d{1,2}\s*月\s*\d{1,2}\s*[日号]?/g,
  // 2026-03-05, 2026/3/5, 2026.03.05, 3/5, 03-05
  /\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?/g,
  /\d{1,2}[-/]\d{1,2}/g,
];
const cn = '[〇零一二三四五六七八九十]';
const chineseDates = [
  new RegExp(`${cn}{2,4}年${cn}{1,3}月(${cn}{1,3}[日号])?`, 'g'),
  new RegExp(`${cn}{1,3}月${cn}{1,3}[日号]`, 'g'),
  /(星期|礼拜|周)[一二三四五六日天]/g,
];

/**
 * The text reduced to its letters: NFKC (full width → half width), lower case, dates removed, then every
 * digit, space and punctuation mark dropped. Chinese characters and Latin letters remain.
 */
export function normaliseLogText(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  for (const re of [...digitDates, ...chineseDates]) s = s.replace(re, ' ');
  return s.replace(/[^\p{L}]+/gu, '');
}

/** 32-bit FNV-1a over the code points of a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    // four bytes per code point, so that no two different strings collide trivially
    for (let i = 0; i < 4; i++) {
      h ^= c & 0xff;
      h = Math.imul(h, 0x01000193);
      c >>>= 8;
    }
  }
  return h >>> 0;
}

/** The set of hashed character k-grams (shingles) of a normalised text. */
export function shingles(normalised: string, k = 3): Set<number> {
  const chars = Array.from(normalised);
  const out = new Set<number>();
  if (chars.length === 0) return out;
  if (chars.length < k) {
    out.add(hash32(chars.join('')));
    return out;
  }
  for (let i = 0; i + k <= chars.length; i++) out.add(hash32(chars.slice(i, i + k).join('')));
  return out;
}

/** Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
