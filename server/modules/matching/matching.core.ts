// Pure rules of a matching run: who may take which post (eligibility), how well they fit (the score,
// with weights the operator sees and changes), and how many each post and enterprise may take.
// The result is the engine's instance JSON (server/engine/matching), plus each pair's score breakdown.

export type Weights = {
  /** the student's major is one the post accepts exactly (6 digits) */
  sameMajor: number;
  /** … in the same 专业类 (first 4 digits) */
  sameClass: number;
  /** … in the same 专业大类 (first 2 digits) */
  sameGroup: number;
  /** the major's crosswalk names the enterprise's industry */
  crosswalk: number;
  /** the post names the student's level among those it accepts */
  level: number;
  /** the student ranked the post first among their wishes (later wishes get proportionally less) */
  wish: number;
  /** the post is in the student's home district (half for the same city) */
  locality: number;
};

export const defaultWeights: Weights = {
  sameMajor: 100,
  sameClass: 70,
  sameGroup: 40,
  crosswalk: 20,
  level: 20,
  wish: 30,
  locality: 10,
};

export type StudentIn = {
  id: string;
  majorCode: string | null;
  level: string | null;
  homeDistrict: string | null;
  /** posting ids in the student's order of preference (their applications, earliest first) */
  wishes: string[];
};

export type PostIn = {
  id: string;
  enterpriseId: string;
  kind: 'job' | 'internship';
  majorCodes: string[];
  levels: string[];
  districtCode: string | null;
  /** openings: headcount minus offers already accepted */
  openings: number;
  /** staff on this post, when the enterprise gave it (internships: at most 20% of them may be interns) */
  staffCount: number | null;
};

export type EnterpriseIn = {
  id: string;
  industryCode: string | null;
  employeeCount: number | null;
  /** interns already placed at the enterprise (accepted internship offers) */
  internsPlaced: number;
};

export type Caps = {
  /** interns ≤ this share of the host's on-post employees (职业学校学生实习管理规定) */
  hostRatio: number;
  /** interns on one post ≤ this share of that post's staff */
  postRatio: number;
};
export const defaultCaps: Caps = { hostRatio: 0.1, postRatio: 0.2 };

export type Breakdown = { major: number; level: number; wish: number; locality: number };

export type Edge = {
  student: string;
  post: string;
  score: number;
  rank?: number;
};

export type BuildResult = {
  instance: {
    students: { id: string }[];
    posts: { id: string; enterprise: string; capacity: number }[];
    enterprises: { id: string; capacity: number }[];
    edges: Edge[];
  };
  breakdown: Map<string, Breakdown>;
  warnings: { code: string; id: string; message: string }[];
  /** students with no eligible post at all */
  ineligible: string[];
};

/**
 * How closely a student's major meets one accepted code: 6 when it is that major, 4 when the post accepts
 * the major's 专业类, 2 when it accepts its 专业大类, 0 when it does not accept it.
 */
export function majorFit(student: string, accepted: string): 0 | 2 | 4 | 6 {
  if (!student.startsWith(accepted)) return 0;
  return accepted.length >= 6 ? 6 : accepted.length >= 4 ? 4 : 2;
}

/** May the student take the post: an accepted major (or any), an accepted level (or any). */
export function eligible(s: StudentIn, p: PostIn): boolean {
  if (p.majorCodes.length && !(s.majorCode && p.majorCodes.some((c) => s.majorCode!.startsWith(c))))
    return false;
  if (p.levels.length && !(s.level && p.levels.includes(s.level))) return false;
  return true;
}

export function scoreOf(
  s: StudentIn,
  p: PostIn,
  e: EnterpriseIn | undefined,
  w: Weights,
  crosswalk: ReadonlyMap<string, readonly string[]>,
): Breakdown {
  let major = 0;
  if (s.majorCode) {
    let best = 0;
    for (const c of p.majorCodes) best = Math.max(best, majorFit(s.majorCode, c));
    major = best === 6 ? w.sameMajor : best === 4 ? w.sameClass : best === 2 ? w.sameGroup : 0;
    const industries = crosswalk.get(s.majorCode) ?? [];
    if (
      e?.industryCode &&
      industries.some((i) => e.industryCode!.startsWith(i) || i.startsWith(e.industryCode!))
    ) {
      major = Math.max(major, w.crosswalk);
    }
  }
  const level = p.levels.length && s.level && p.levels.includes(s.level) ? w.level : 0;
  const r = s.wishes.indexOf(p.id);
  const wish = r < 0 ? 0 : Math.round((w.wish * (s.wishes.length - r)) / s.wishes.length);
  let locality = 0;
  if (s.homeDistrict && p.districtCode) {
    if (s.homeDistrict === p.districtCode) locality = w.locality;
    else if (s.homeDistrict.slice(0, 4) === p.districtCode.slice(0, 4)) locality = Math.round(w.locality / 2);
  }
  return { major, level, wish, locality };
}

/** The post's capacity: its openings, capped for internships by the post ratio when its staff is known. */
export function postCapacity(p: PostIn, caps: Caps): number {
  const open = Math.max(0, p.openings);
  if (p.kind !== 'internship' || p.staffCount === null) return open;
  return Math.min(open, Math.floor(p.staffCount * caps.postRatio));
}

/** The enterprise's capacity for interns: the host ratio of its employees minus interns placed; null = no cap. */
export function enterpriseCapacity(e: EnterpriseIn, caps: Caps): number | null {
  if (e.employeeCount === null) return null;
  return Math.max(0, Math.floor(e.employeeCount * caps.hostRatio) - e.internsPlaced);
}

/**
 * The engine instance for a run: every eligible pair with its score, each student's best `maxPostsPerStudent`
 * posts only (ranked wishes always kept), post and enterprise capacities.
 */
export function buildInstance(
  students: StudentIn[],
  posts: PostIn[],
  enterprises: EnterpriseIn[],
  opts: {
    weights: Weights;
    caps: Caps;
    crosswalk: ReadonlyMap<string, readonly string[]>;
    maxPostsPerStudent: number;
  },
): BuildResult {
  const warnings: BuildResult['warnings'] = [];
  const byEnterprise = new Map(enterprises.map((e) => [e.id, e]));
  const internships = new Set(posts.filter((p) => p.kind === 'internship').map((p) => p.enterpriseId));
  const entOut: BuildResult['instance']['enterprises'] = [];
  for (const e of enterprises) {
    let capacity = posts
      .filter((p) => p.enterpriseId === e.id)
      .reduce((n, p) => n + postCapacity(p, opts.caps), 0);
    if (internships.has(e.id)) {
      const cap = enterpriseCapacity(e, opts.caps);
      if (cap === null) {
        warnings.push({
          code: 'EMPLOYEES_UNKNOWN',
          id: e.id,
          message: 'no employee count: the 10% intern cap cannot be applied',
        });
      } else capacity = Math.min(capacity, cap);
    }
    entOut.push({ id: e.id, capacity });
  }
  const postOut = posts.map((p) => ({
    id: p.id,
    enterprise: p.enterpriseId,
    capacity: postCapacity(p, opts.caps),
  }));
  const edges: Edge[] = [];
  const breakdown = new Map<string, Breakdown>();
  const ineligible: string[] = [];
  for (const s of students) {
    const mine: { post: PostIn; b: Breakdown; score: number; rank: number }[] = [];
    for (const p of posts) {
      if (!eligible(s, p)) continue;
      const b = scoreOf(s, p, byEnterprise.get(p.enterpriseId), opts.weights, opts.crosswalk);
      const rank = s.wishes.indexOf(p.id) + 1;
      mine.push({ post: p, b, score: b.major + b.level + b.wish + b.locality, rank });
    }
    if (mine.length === 0) {
      ineligible.push(s.id);
      continue;
    }
    mine.sort((x, y) => (y.rank > 0 ? 1 : 0) - (x.rank > 0 ? 1 : 0) || y.score - x.score);
    for (const m of mine.slice(0, Math.max(opts.maxPostsPerStudent, mine.filter((x) => x.rank > 0).length))) {
      edges.push({ student: s.id, post: m.post.id, score: m.score, ...(m.rank > 0 ? { rank: m.rank } : {}) });
      breakdown.set(`${s.id}/${m.post.id}`, m.b);
    }
  }
  return {
    instance: { students: students.map((s) => ({ id: s.id })), posts: postOut, enterprises: entOut, edges },
    breakdown,
    warnings,
    ineligible,
  };
}
