// The talent platform's validation issues in words: the codes the candidate and outcome services send
// (SCHOOL_ONLY, UNKNOWN_MAJOR, graduation before enrolment, one record per cohort…) get their own text;
// anything else goes to the app's shared translation.
import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from '../../lib/api';
import { errorMessage, issueMessage } from '../../lib/errors';
import type { MessageKey, TFunction } from '../../lib/i18n';
import type { Locale } from '../../lib/types';

const byCode: Record<string, MessageKey> = {
  SCHOOL_ONLY: 'cand.issue.schoolOnly',
  UNKNOWN_MAJOR: 'cand.issue.unknownMajor',
  UNKNOWN_OCCUPATION: 'cand.issue.unknownOccupation',
  UNKNOWN_REGION: 'cand.issue.unknownRegion',
  UNKNOWN_INDUSTRY: 'cand.issue.unknownIndustry',
  NOT_A_SCHOOL: 'cand.issue.notSchool',
  REQUIRED: 'outc.issue.employerRequired',
  NOT_EMPLOYED: 'outc.issue.notEmployed',
};

const takenByField: Record<string, MessageKey> = {
  idCard: 'error.ID_CARD_TAKEN',
  studentNo: 'cand.issue.studentNoTaken',
  userId: 'cand.issue.userTaken',
  cohortYear: 'outc.issue.cohortTaken',
};

const fieldOf = (issue: FieldIssue) => issue.path.replace(/^body\./, '');

export function talentIssueMessage(t: TFunction, issue: FieldIssue): string {
  const field = fieldOf(issue);
  if (issue.code === 'taken' && takenByField[field]) return t(takenByField[field]);
  if (issue.code === 'DATE_ORDER' && field === 'expectedGraduation') return t('cand.issue.graduationOrder');
  if (issue.code.startsWith('ID_CARD_')) return t('cand.issue.idCard');
  const key = byCode[issue.code];
  return key ? t(key) : issueMessage(t, issue);
}

/** One sentence for a failed talent request. */
export function talentErrorMessage(t: TFunction, err: unknown, locale: Locale): string {
  if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && err.issues[0]) {
    return t('error.validation', { message: talentIssueMessage(t, err.issues[0]) });
  }
  return errorMessage(t, err, locale);
}

/**
 * Puts the issues of `err` whose path is `body.<field>` (a field of `fields`) on the form. Returns true
 * when a field received an error; the caller then needs no other message.
 */
export function applyTalentFieldErrors(
  form: FormInstance,
  err: unknown,
  t: TFunction,
  fields: readonly string[],
): boolean {
  if (!(err instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  for (const issue of err.issues) {
    const name = fieldOf(issue);
    if (!fields.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), talentIssueMessage(t, issue)]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  const first = [...byField.keys()][0];
  if (first) form.scrollToField(first, { block: 'center' });
  return true;
}
