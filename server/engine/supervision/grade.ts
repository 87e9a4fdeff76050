// Assessment arithmetic: the plan's rubric (weights summing to 100), the mentors' weighted totals,
// the final grade's bands, and the student's rating of the host.

/** a field problem, in the API's issue shape */
export type FieldIssue = { path: string; code: string; message: string };

export type RubricItem = { key: string; label: string; weight: number };

export const gradeBands = [
  { min: 90, grade: '优秀' },
  { min: 80, grade: '良好' },
  { min: 70, grade: '中等' },
  { min: 60, grade: '及格' },
] as const;
export const failingGrade = '不及格';

/** 优秀 ≥ 90, 良好 ≥ 80, 中等 ≥ 70, 及格 ≥ 60, else 不及格. */
export function gradeOf(score: number): string {
  for (const b of gradeBands) if (score >= b.min) return b.grade;
  return failingGrade;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Problems of a rubric: empty, duplicate keys, weights not summing to 100. */
export function rubricProblems(rubric: readonly RubricItem[]): string[] {
  const out: string[] = [];
  if (rubric.length === 0) out.push('the plan has no assessment rubric');
  const keys = new Set<string>();
  for (const r of rubric) {
    if (keys.has(r.key)) out.push(`duplicate rubric key ${r.key}`);
    keys.add(r.key);
    if (!(r.weight >= 0)) out.push(`rubric key ${r.key} has a negative weight`);
  }
  const sum = rubric.reduce((s, r) => s + r.weight, 0);
  if (rubric.length > 0 && Math.abs(sum - 100) > 1e-9) out.push(`rubric weights sum to ${sum}, not 100`);
  return out;
}

/** Issues of a mentor's scores against the rubric: every key once, each 0–100. */
export function mentorScoreIssues(
  rubric: readonly RubricItem[],
  scores: Record<string, number>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const keys = new Set(rubric.map((r) => r.key));
  for (const r of rubric) {
    const v = scores[r.key];
    if (v === undefined) {
      issues.push({
        path: `body.scores.${r.key}`,
        code: 'MISSING_KEY',
        message: `a score for ${r.key} (${r.label}) is required`,
      });
    } else if (!Number.isFinite(v) || v < 0 || v > 100) {
      issues.push({
        path: `body.scores.${r.key}`,
        code: 'OUT_OF_RANGE',
        message: `${r.key} must be between 0 and 100`,
      });
    }
  }
  for (const k of Object.keys(scores)) {
    if (!keys.has(k)) {
      issues.push({
        path: `body.scores.${k}`,
        code: 'UNKNOWN_KEY',
        message: `${k} is not a key of the plan's rubric`,
      });
    }
  }
  return issues;
}

/** Σ weight × score / 100, to two decimals. */
export function weightedTotal(rubric: readonly RubricItem[], scores: Record<string, number>): number {
  return round2(rubric.reduce((s, r) => s + (r.weight * (scores[r.key] ?? 0)) / 100, 0));
}

export const studentRatingKeys = ['overall', 'guidance', 'safety', 'learning'] as const;
export type StudentRatingKey = (typeof studentRatingKeys)[number];

export function studentRatingIssues(scores: Record<string, number>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const k of studentRatingKeys) {
    const v = scores[k];
    if (v === undefined) {
      issues.push({
        path: `body.scores.${k}`,
        code: 'MISSING_KEY',
        message: `a rating for ${k} is required`,
      });
    } else if (!Number.isInteger(v) || v < 1 || v > 5) {
      issues.push({
        path: `body.scores.${k}`,
        code: 'OUT_OF_RANGE',
        message: `${k} must be an integer from 1 to 5`,
      });
    }
  }
  for (const k of Object.keys(scores)) {
    if (!(studentRatingKeys as readonly string[]).includes(k)) {
      issues.push({
        path: `body.scores.${k}`,
        code: 'UNKNOWN_KEY',
        message: `${k} is not a rating dimension`,
      });
    }
  }
  return issues;
}

/** The mean of the four ratings, to two decimals. */
export function studentRatingTotal(scores: Record<StudentRatingKey, number>): number {
  return round2(studentRatingKeys.reduce((s, k) => s + scores[k], 0) / studentRatingKeys.length);
}

/** The final score from the two mentors' totals (their mean) and its grade. */
export function finalResult(enterpriseTotal: number, schoolTotal: number): { score: number; grade: string } {
  const score = round2((enterpriseTotal + schoolTotal) / 2);
  return { score, grade: gradeOf(score) };
}
