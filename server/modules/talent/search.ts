// Chinese full-text search over postings (docs/decisions/012-chinese-search.md).
// pg_trgm indexes substrings of 3+ characters but cannot answer 1–2 character terms such as 数控 or
// 运维 from its index. So each posting also stores its 1- and 2-character grams (and Latin words) in a
// text[] with a GIN index: a short term is found exactly by `grams @> ARRAY[term]`. A long query is
// split into words by jieba; a posting matches a query piece when it contains the whole piece, or
// every one of its words.
import { createRequire } from 'node:module';
import type * as JiebaModule from '@node-rs/jieba';
import type { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);
let jieba: Jieba | null = null;

function segmenter(): Jieba {
  if (!jieba) {
    // the package is CommonJS with a native binding; its dictionary is loaded once per process
    const mod = require('@node-rs/jieba') as typeof JiebaModule;
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = mod.Jieba.withDict(dict);
  }
  return jieba;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const isCjk = (ch: string) => CJK.test(ch);

/** Text normalised for search: full-width forms to half-width, lower case, runs of space collapsed. */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The 1- and 2-character grams of every run of Chinese characters, and every Latin/digit word. */
export function gramsOf(text: string): string[] {
  const out = new Set<string>();
  const norm = normaliseSearchText(text);
  for (const run of norm.match(/[\u3400-\u9fff\uf900-\ufaff]+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      out.add(chars[i]!);
      if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
    }
  }
  for (const word of norm.match(/[a-z0-9]+/g) ?? []) out.add(word);
  return [...out];
}

export type QueryPiece = {
  /** the piece as typed (normalised) */
  whole: string;
  /** its words: each must occur when the whole piece does not */
  words: string[];
};

/**
 * Splits a query into pieces (by white space) and each piece into words (jieba). Single Chinese
 * characters that jieba leaves alone next to each other are joined again (工业机器人运维 → 工业 / 机器人 /
 * 运维), so a word is never weaker than what was typed.
 */
export function queryPieces(query: string): QueryPiece[] {
  const pieces: QueryPiece[] = [];
  for (const whole of normaliseSearchText(query).split(' ')) {
    if (!whole) continue;
    if ([...whole].length <= 2) {
      pieces.push({ whole, words: [whole] });
      continue;
    }
    const words: string[] = [];
    let pending = '';
    for (const token of segmenter().cut(whole, true)) {
      const t = token.trim();
      if (!t || !/[\p{L}\p{N}]/u.test(t)) {
        if (pending) words.push(pending);
        pending = '';
        continue;
      }
      if ([...t].length === 1 && isCjk(t)) {
        pending += t;
        continue;
      }
      if (pending) words.push(pending);
      pending = '';
      words.push(t);
    }
    if (pending) words.push(pending);
    pieces.push({ whole, words: [...new Set(words)] });
  }
  return pieces;
}

/** How one word is looked up: 1–2 characters by the gram index, longer ones as a substring (trigram). */
export function wordLookup(word: string): { kind: 'gram'; gram: string } | { kind: 'substring' } {
  return [...word].length <= 2 ? { kind: 'gram', gram: word } : { kind: 'substring' };
}
