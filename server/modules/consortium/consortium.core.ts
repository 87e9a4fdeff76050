// Pure rules of member units: which types need a USCC, which figures belong to which types, and the
// consistency of dates and counts. The reference checks (does the region/industry code exist) are the
// service's, since they read the catalogs.
import type { FieldIssue } from '../../lib/errors.ts';

export const schoolTypes = [
  'secondary_vocational',
  'higher_vocational',
  'vocational_undergraduate',
  'university',
] as const;
const usccRequired = new Set<string>(['enterprise', ...schoolTypes]);
const enrolmentTypes = new Set<string>([...schoolTypes, 'training_institution']);

export type UnitFields = {
  type: string;
  uscc?: string | null | undefined;
  industryCode?: string | null | undefined;
  joinedOn?: string | null | undefined;
  leftOn?: string | null | undefined;
  employeeCount?: number | null | undefined;
  employeeCountAsOf?: string | null | undefined;
  enrolment?: number | null | undefined;
  enrolmentAsOf?: string | null | undefined;
};

export function requiresUscc(type: string): boolean {
  return usccRequired.has(type);
}

/** Field issues of a unit as it would be saved (the merged record, not the patch). */
export function unitIssues(u: UnitFields, prefix = 'body'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const at = (f: string) => `${prefix}.${f}`;
  if (requiresUscc(u.type) && !u.uscc) {
    issues.push({
      path: at('uscc'),
      code: 'USCC_REQUIRED',
      message: 'enterprises and schools must give their 统一社会信用代码',
    });
  }
  if (u.joinedOn && u.leftOn && u.leftOn < u.joinedOn) {
    issues.push({
      path: at('leftOn'),
      code: 'DATE_ORDER',
      message: 'the date it left is before the date it joined',
    });
  }
  if ((u.employeeCount ?? null) !== null && !u.employeeCountAsOf) {
    issues.push({
      path: at('employeeCountAsOf'),
      code: 'AS_OF_REQUIRED',
      message: 'say on which date the employee count is true',
    });
  }
  if ((u.enrolment ?? null) !== null) {
    if (!enrolmentTypes.has(u.type)) {
      issues.push({
        path: at('enrolment'),
        code: 'NOT_A_SCHOOL',
        message: 'only schools and training institutions have enrolment',
      });
    } else if (!u.enrolmentAsOf) {
      issues.push({
        path: at('enrolmentAsOf'),
        code: 'AS_OF_REQUIRED',
        message: 'say on which date the enrolment is true',
      });
    }
  }
  if (
    u.industryCode &&
    u.type !== 'enterprise' &&
    u.type !== 'research_institute' &&
    u.type !== 'industry_association'
  ) {
    issues.push({
      path: at('industryCode'),
      code: 'NOT_AN_ENTERPRISE',
      message: 'an industry code belongs to enterprises, institutes and associations',
    });
  }
  return issues;
}
