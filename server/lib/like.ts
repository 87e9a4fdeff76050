// LIKE patterns that match the user's text literally: % _ and \ are escaped.

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Matches `s` anywhere (served by a trigram index for 3+ characters). */
export function containsPattern(s: string): string {
  return `%${escapeLike(s)}%`;
}
