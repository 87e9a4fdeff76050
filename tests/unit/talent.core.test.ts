// Pure rules of the talent platform: state machines, locality, ratios, and the search's tokens.
import { describe, expect, it } from 'vitest';
import {
  applicationTransitions,
  cityPrefix,
  isCurrentMember,
  isLocal,
  isOpen,
  listTransitions,
  nextStatus,
  postingTransitions,
  ratio,
  techProgressNext,
} from '../../server/modules/talent/talent.core.ts';
import { applicationStatuses } from '../../server/modules/talent/talent.enums.ts';
import { containsPattern } from '../../server/lib/like.ts';
import { gramsOf, queryPieces, wordLookup } from '../../server/modules/talent/search.ts';

describe('application state machine', () => {
  it('lets the enterprise move an application forward and the student answer an offer', () => {
    expect(nextStatus(applicationTransitions, 'shortlist', 'applied')).toBe('shortlisted');
    expect(nextStatus(applicationTransitions, 'interview', 'shortlisted')).toBe('interviewing');
    expect(nextStatus(applicationTransitions, 'offer', 'interviewing')).toBe('offered');
    expect(nextStatus(applicationTransitions, 'accept', 'offered')).toBe('accepted');
    expect(nextStatus(applicationTransitions, 'decline', 'offered')).toBe('declined');
  });

  it('refuses moves out of final states and out of order', () => {
    for (const final of ['accepted', 'declined', 'rejected', 'withdrawn'] as const) {
      for (const action of Object.keys(applicationTransitions) as (keyof typeof applicationTransitions)[]) {
        expect(nextStatus(applicationTransitions, action, final), `${action} from ${final}`).toBeNull();
      }
    }
    expect(nextStatus(applicationTransitions, 'accept', 'applied')).toBeNull();
    expect(nextStatus(applicationTransitions, 'shortlist', 'offered')).toBeNull();
  });

  it('says who takes each action: the candidate or the enterprise', () => {
    const byCandidate = Object.entries(applicationTransitions)
      .filter(([, t]) => t.by === 'candidate')
      .map(([a]) => a)
      .sort();
    expect(byCandidate).toEqual(['accept', 'decline', 'withdraw']);
    for (const t of Object.values(applicationTransitions)) {
      expect(applicationStatuses).toContain(t.to);
      for (const f of t.from) expect(applicationStatuses).toContain(f);
    }
  });
});

describe('list and posting review', () => {
  it('publishes only what was submitted, and returns what is submitted or published', () => {
    expect(nextStatus(listTransitions, 'publish', 'submitted')).toBe('published');
    expect(nextStatus(listTransitions, 'publish', 'draft')).toBeNull();
    expect(nextStatus(listTransitions, 'return', 'published')).toBe('returned');
    expect(nextStatus(listTransitions, 'submit', 'returned')).toBe('submitted');
    expect(nextStatus(postingTransitions, 'approve', 'pending')).toBe('published');
    expect(nextStatus(postingTransitions, 'approve', 'draft')).toBeNull();
    expect(nextStatus(postingTransitions, 'reopen', 'closed')).toBe('draft');
  });

  it('moves a technology demand on in order; solved and closed are final', () => {
    expect(techProgressNext.collecting).toContain('matching');
    expect(techProgressNext.collecting).not.toContain('solved');
    expect(techProgressNext.solved).toEqual([]);
    expect(techProgressNext.closed).toEqual([]);
  });

  it('a posting is open while published and not past its deadline (the deadline day included)', () => {
    expect(isOpen({ status: 'published', deadline: '2026-11-29' }, '2026-11-29')).toBe(true);
    expect(isOpen({ status: 'published', deadline: '2026-11-28' }, '2026-11-29')).toBe(false);
    expect(isOpen({ status: 'pending', deadline: '2099-01-01' }, '2026-11-29')).toBe(false);
  });

  it('a unit is a current member between joining and leaving', () => {
    expect(isCurrentMember({ joinedOn: null, leftOn: null }, '2026-11-29')).toBe(true);
    expect(isCurrentMember({ joinedOn: '2026-12-01', leftOn: null }, '2026-11-29')).toBe(false);
    expect(isCurrentMember({ joinedOn: '2024-01-01', leftOn: '2026-11-29' }, '2026-11-29')).toBe(false);
    expect(isCurrentMember({ joinedOn: '2024-01-01', leftOn: '2026-11-30' }, '2026-11-29')).toBe(true);
  });
});

describe('local employment and ratios', () => {
  it("takes the city part of the consortium's code", () => {
    expect(cityPrefix('320500')).toBe('3205');
    expect(cityPrefix('320506')).toBe('3205');
    expect(cityPrefix('110000')).toBe('11');
    expect(cityPrefix(null)).toBeNull();
    expect(cityPrefix('32')).toBeNull();
  });

  it('an employer is local when its district lies in that city', () => {
    expect(isLocal('320506', '3205')).toBe(true);
    expect(isLocal('320100', '3205')).toBe(false);
    expect(isLocal(null, '3205')).toBe(false);
    expect(isLocal('320506', null)).toBe(false);
  });

  it('rounds ratios to four decimals and has none for an empty base', () => {
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(2, 2)).toBe(1);
    expect(ratio(0, 0)).toBeNull();
  });
});

describe('Chinese search tokens', () => {
  it('indexes every 1- and 2-character gram of Chinese runs and Latin words', () => {
    const grams = gramsOf('数控机床 PLC编程');
    for (const g of ['数', '数控', '控机', '机床', '床', '编程', 'plc']) expect(grams).toContain(g);
    expect(grams).not.toContain('数控机');
  });

  it('keeps a 1–2 character query whole, and splits a long one into words joined back from single characters', () => {
    expect(queryPieces('数控')).toEqual([{ whole: '数控', words: ['数控'] }]);
    const [p] = queryPieces('工业机器人运维');
    expect(p!.whole).toBe('工业机器人运维');
    expect(p!.words).toEqual(['工业', '机器人', '运维']);
    expect(queryPieces('  数控   PLC ').map((x) => x.whole)).toEqual(['数控', 'plc']);
  });

  it('looks short words up by gram and long ones as substrings; patterns are literal', () => {
    expect(wordLookup('运维')).toEqual({ kind: 'gram', gram: '运维' });
    expect(wordLookup('机器人')).toEqual({ kind: 'substring' });
    expect(containsPattern('50%_a')).toBe('%50\\%\\_a%');
  });
});
