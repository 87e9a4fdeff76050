// Near-duplicate logs across students: min-hash signatures of the normalised text's character 3-gram
// shingles, locality-sensitive hashing by bands to find candidate pairs without comparing all pairs,
// and an exact Jaccard check of each candidate. With 120 hashes in 24 bands of 5, a pair with
// Jaccard 0.8 becomes a candidate with probability 1 − (1 − 0.8⁵)²⁴ > 0.9999, a pair at 0.3 with
// about 0.06 (and is then dropped by the exact check).
import { jaccard, normaliseLogText, shingles } from './text.ts';

export const SIGNATURE_LENGTH = 120;
export const SIGNATURE_BANDS = 24;
export const DEFAULT_DUPLICATE_THRESHOLD = 0.8;
/** texts with fewer shingles than this are too short to judge */
export const MIN_SHINGLES = 10;

// The hash functions are fixed forever: stored signatures must stay comparable. A signature of another
// length is recomputed from the text.
const seeds = (() => {
  const out = new Uint32Array(SIGNATURE_LENGTH);
  let s = 0x5eed_2026;
  for (let i = 0; i < out.length; i++) {
    // splitmix32
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    out[i] = (z ^ (z >>> 16)) >>> 0;
  }
  return out;
})();

/** murmur3's finaliser: a bijection of 32-bit integers with full avalanche */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The min-hash signature of a shingle set, as signed 32-bit integers (a PostgreSQL integer[]). */
export function minHashSignature(set: ReadonlySet<number>): number[] {
  const mins = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const v = fmix32((x ^ seeds[i]!) >>> 0);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  return Array.from(mins, (v) => v | 0);
}

/** The signature stored with a log. */
export function logSignature(text: string): number[] {
  return minHashSignature(shingles(normaliseLogText(text)));
}

export function isCurrentSignature(sig: readonly number[] | null | undefined): sig is readonly number[] {
  return !!sig && sig.length === SIGNATURE_LENGTH;
}

/** the signature of an empty text: every value at its maximum */
function isEmptySignature(sig: readonly number[]): boolean {
  return sig.every((v) => v === -1);
}

/** The bands of a signature: 1-based inclusive positions (as PostgreSQL slices them) and their values. */
export function bandsOf(
  sig: readonly number[],
  bands = SIGNATURE_BANDS,
): { from: number; to: number; values: number[] }[] {
  const rows = Math.floor(sig.length / bands);
  const out = [];
  for (let b = 0; b < bands; b++) {
    out.push({ from: b * rows + 1, to: (b + 1) * rows, values: sig.slice(b * rows, (b + 1) * rows) });
  }
  return out;
}

export type SignedDoc = { id: string; ownerId: string; signature: readonly number[] };

/**
 * Candidate pairs [idA, idB] of documents of different owners that agree on all the values of at least
 * one band. With `focusIds`, only pairs involving one of them (the incremental check after a submission).
 */
export function nearDuplicateCandidates(
  docs: readonly SignedDoc[],
  opts: { bands?: number; focusIds?: ReadonlySet<string> } = {},
): [string, string][] {
  const bands = opts.bands ?? SIGNATURE_BANDS;
  const usable = docs.filter((d) => d.signature.length > 0 && !isEmptySignature(d.signature));
  const n = usable.length;
  const seen = new Set<number>();
  const out: [string, string][] = [];
  const focus = opts.focusIds;
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const sig = usable[i]!.signature;
      const rows = Math.floor(sig.length / bands);
      const key = sig.slice(b * rows, (b + 1) * rows).join(',');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      for (let x = 0; x < bucket.length; x++) {
        const i = bucket[x]!;
        const di = usable[i]!;
        for (let y = x + 1; y < bucket.length; y++) {
          const j = bucket[y]!;
          const dj = usable[j]!;
          if (di.ownerId === dj.ownerId) continue;
          if (focus && !focus.has(di.id) && !focus.has(dj.id)) continue;
          const key = i * n + j;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push([di.id, dj.id]);
        }
      }
    }
  }
  return out;
}

export type DuplicateMatch = { a: string; b: string; similarity: number };

/** The candidates whose exact Jaccard similarity (of their texts' shingle sets) reaches the threshold. */
export function verifyNearDuplicates(
  pairs: readonly [string, string][],
  textOf: ReadonlyMap<string, string>,
  opts: { threshold?: number; minShingles?: number } = {},
): DuplicateMatch[] {
  const threshold = opts.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const minShingles = opts.minShingles ?? MIN_SHINGLES;
  const cache = new Map<string, Set<number>>();
  const setOf = (id: string): Set<number> | null => {
    let s = cache.get(id);
    if (!s) {
      const text = textOf.get(id);
      if (text === undefined) return null;
      s = shingles(normaliseLogText(text));
      cache.set(id, s);
    }
    return s;
  };
  const out: DuplicateMatch[] = [];
  for (const [a, b] of pairs) {
    const sa = setOf(a);
    const sb = setOf(b);
    if (!sa || !sb || sa.size < minShingles || sb.size < minShingles) continue;
    const similarity = jaccard(sa, sb);
    if (similarity >= threshold) out.push({ a, b, similarity: Math.round(similarity * 1000) / 1000 });
  }
  return out;
}

export type TextDoc = { id: string; ownerId: string; text: string; signature?: readonly number[] | null };

/** Near-duplicate pairs across owners in a set of texts (signatures computed when absent or stale). */
export function findNearDuplicates(
  docs: readonly TextDoc[],
  opts: { threshold?: number; bands?: number; minShingles?: number; focusIds?: ReadonlySet<string> } = {},
): DuplicateMatch[] {
  const signed = docs.map((d) => ({
    id: d.id,
    ownerId: d.ownerId,
    signature: isCurrentSignature(d.signature) ? d.signature : logSignature(d.text),
  }));
  const pairs = nearDuplicateCandidates(signed, opts);
  return verifyNearDuplicates(pairs, new Map(docs.map((d) => [d.id, d.text])), opts);
}

/** For each document, the documents it nearly duplicates, most similar first. */
export function matchesByDoc(
  matches: readonly DuplicateMatch[],
): Map<string, { id: string; similarity: number }[]> {
  const out = new Map<string, { id: string; similarity: number }[]>();
  const add = (from: string, to: string, similarity: number) => {
    const list = out.get(from);
    if (list) list.push({ id: to, similarity });
    else out.set(from, [{ id: to, similarity }]);
  };
  for (const m of matches) {
    add(m.a, m.b, m.similarity);
    add(m.b, m.a, m.similarity);
  }
  for (const list of out.values()) list.sort((x, y) => y.similarity - x.similarity || (x.id < y.id ? -1 : 1));
  return out;
}
