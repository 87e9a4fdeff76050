// The platform's side of matching: eligibility, the score with its weights, and the capacities the
// national internship rules impose.
import { describe, expect, it } from 'vitest';
import {
  buildInstance,
  defaultCaps,
  defaultWeights,
  eligible,
  enterpriseCapacity,
  majorFit,
  postCapacity,
  scoreOf,
  type PostIn,
  type StudentIn,
} from '../../server/modules/matching/matching.core.ts';

const student = (over: Partial<StudentIn> = {}): StudentIn => ({
  id: 's1',
  majorCode: '460305',
  level: 'higher',
  homeDistrict: '329901',
  wishes: [],
  ...over,
});
const post = (over: Partial<PostIn> = {}): PostIn => ({
  id: 'p1',
  enterpriseId: 'e1',
  kind: 'internship',
  majorCodes: ['460305'],
  levels: ['higher'],
  districtCode: '329901',
  openings: 10,
  staffCount: null,
  ...over,
});

describe('eligibility and fit', () => {
  it('accepts a major by its code or a prefix of it, and a level among those named', () => {
    expect(eligible(student(), post())).toBe(true);
    expect(eligible(student(), post({ majorCodes: ['4603'] }))).toBe(true);
    expect(eligible(student(), post({ majorCodes: ['46'] }))).toBe(true);
    expect(eligible(student(), post({ majorCodes: ['460103'] }))).toBe(false);
    expect(eligible(student(), post({ majorCodes: [] }))).toBe(true);
    expect(eligible(student({ level: 'secondary' }), post())).toBe(false);
    expect(eligible(student({ majorCode: null }), post())).toBe(false);
  });

  it('ranks a major fit: the major > its 专业类 > its 专业大类', () => {
    expect(majorFit('460305', '460305')).toBe(6);
    expect(majorFit('460305', '4603')).toBe(4);
    expect(majorFit('460305', '46')).toBe(2);
    expect(majorFit('460305', '51')).toBe(0);
    const w = defaultWeights;
    const cw = new Map<string, string[]>();
    expect(scoreOf(student(), post(), undefined, w, cw).major).toBe(w.sameMajor);
    expect(scoreOf(student(), post({ majorCodes: ['4603'] }), undefined, w, cw).major).toBe(w.sameClass);
    expect(scoreOf(student(), post({ majorCodes: ['46'] }), undefined, w, cw).major).toBe(w.sameGroup);
    // a post open to any major: the crosswalk to the enterprise's industry still counts
    const e = { id: 'e1', industryCode: '3491', employeeCount: 100, internsPlaced: 0 };
    expect(scoreOf(student(), post({ majorCodes: [] }), e, w, new Map([['460305', ['34']]])).major).toBe(
      w.crosswalk,
    );
  });

  it('adds the wish (first wish most), the level and the locality', () => {
    const s = student({ wishes: ['p2', 'p1'] });
    const b = scoreOf(s, post(), undefined, defaultWeights, new Map());
    expect(b.wish).toBe(Math.round(defaultWeights.wish / 2));
    expect(
      scoreOf(student({ wishes: ['p1', 'p2'] }), post(), undefined, defaultWeights, new Map()).wish,
    ).toBe(defaultWeights.wish);
    expect(b.level).toBe(defaultWeights.level);
    expect(b.locality).toBe(defaultWeights.locality);
    expect(
      scoreOf(student({ homeDistrict: '329902' }), post(), undefined, defaultWeights, new Map()).locality,
    ).toBe(Math.round(defaultWeights.locality / 2));
  });
});

describe('capacities', () => {
  it('caps interns at 10% of the host’s employees minus those placed, exactly at the boundary', () => {
    expect(
      enterpriseCapacity({ id: 'e', industryCode: null, employeeCount: 50, internsPlaced: 0 }, defaultCaps),
    ).toBe(5);
    expect(
      enterpriseCapacity({ id: 'e', industryCode: null, employeeCount: 59, internsPlaced: 0 }, defaultCaps),
    ).toBe(5);
    expect(
      enterpriseCapacity({ id: 'e', industryCode: null, employeeCount: 60, internsPlaced: 2 }, defaultCaps),
    ).toBe(4);
    expect(
      enterpriseCapacity({ id: 'e', industryCode: null, employeeCount: 20, internsPlaced: 5 }, defaultCaps),
    ).toBe(0);
    expect(
      enterpriseCapacity({ id: 'e', industryCode: null, employeeCount: null, internsPlaced: 0 }, defaultCaps),
    ).toBeNull();
  });

  it('caps an internship post at 20% of its staff when known; jobs at their openings', () => {
    expect(postCapacity(post({ openings: 10, staffCount: 25 }), defaultCaps)).toBe(5);
    expect(postCapacity(post({ openings: 3, staffCount: 25 }), defaultCaps)).toBe(3);
    expect(postCapacity(post({ openings: 10, staffCount: null }), defaultCaps)).toBe(10);
    expect(postCapacity(post({ kind: 'job', openings: 10, staffCount: 5 }), defaultCaps)).toBe(10);
    expect(postCapacity(post({ openings: -2 }), defaultCaps)).toBe(0);
  });

  it('builds an instance: scored pairs, each student’s best posts (wishes always kept), enterprise caps, warnings', () => {
    const students = [student({ id: 'a', wishes: ['p9'] }), student({ id: 'b', majorCode: '510204' })];
    const posts = Array.from({ length: 12 }, (_, i) =>
      post({ id: `p${i}`, majorCodes: i % 2 ? ['46'] : ['460305'] }),
    );
    const built = buildInstance(
      students,
      posts,
      [{ id: 'e1', industryCode: null, employeeCount: 40, internsPlaced: 1 }],
      {
        weights: defaultWeights,
        caps: defaultCaps,
        crosswalk: new Map(),
        maxPostsPerStudent: 3,
      },
    );
    const aEdges = built.instance.edges.filter((e) => e.student === 'a');
    expect(aEdges).toHaveLength(3);
    expect(aEdges[0]).toMatchObject({ post: 'p9', rank: 1 });
    expect(built.ineligible).toEqual(['b']);
    expect(built.instance.enterprises).toEqual([{ id: 'e1', capacity: 3 }]);
    const unknown = buildInstance(
      students,
      posts,
      [{ id: 'e1', industryCode: null, employeeCount: null, internsPlaced: 0 }],
      {
        weights: defaultWeights,
        caps: defaultCaps,
        crosswalk: new Map(),
        maxPostsPerStudent: 3,
      },
    );
    expect(unknown.warnings.map((w) => w.code)).toEqual(['EMPLOYEES_UNKNOWN']);
  });
});
