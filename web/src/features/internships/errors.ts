// The server's answers on the internship pages, in words: field issues (named `placement.x` by the check
// and `x` by a save) onto the form fields, and the internship error codes as sentences.
import type { FormInstance } from 'antd';
import { ApiError, detailString, type FieldIssue } from '../../lib/api';
import { errorMessage, issueMessage } from '../../lib/errors';
import { isMessageKey, type TFunction } from '../../lib/i18n';
import type { Locale } from '../../lib/types';

/** `body.placement.endDate`, `placement.endDate`, `body.endDate` → `endDate`; `majorCodes.2` → `majorCodes` */
export function fieldOf(path: string): string {
  return path
    .replace(/^body\./, '')
    .replace(/^placement\./, '')
    .replace(/\.\d+(\..*)?$/, '');
}

export function internIssueMessage(t: TFunction, issue: FieldIssue): string {
  const key = `intern.issue.${issue.code}`;
  if (isMessageKey(key)) return t(key);
  return issueMessage(t, issue);
}

/** One sentence for a failed request on these pages. */
export function internErrorMessage(t: TFunction, err: unknown, locale: Locale): string {
  if (err instanceof ApiError) {
    if (err.code === 'VALIDATION_FAILED' && err.issues[0]) {
      return t('error.validation', { message: internIssueMessage(t, err.issues[0]) });
    }
    if (err.code === 'INVALID_TRANSITION') {
      const starts = detailString(err, 'startDate');
      if (starts) return t('intern.error.startsOn', { date: starts });
      return t('intern.error.invalidTransition', { message: err.message });
    }
    // these carry Chinese sentences for people (agreement conflicts, refused placements)
    if (err.code === 'CONFLICT' || err.code === 'COMPLIANCE_VIOLATION') return err.message;
    if (err.code === 'USCC_TAKEN') return t('intern.error.usccTaken');
  }
  return errorMessage(t, err, locale);
}

/**
 * Puts the issues of `err` on the form fields they name. Returns the issues that named no field of the
 * form (the caller shows them elsewhere), or null when `err` carries no field issues.
 */
export function applyInternFieldErrors(
  form: FormInstance,
  err: unknown,
  t: TFunction,
  fields: readonly string[],
): FieldIssue[] | null {
  if (!(err instanceof ApiError) || err.issues.length === 0) return null;
  const byField = new Map<string, string[]>();
  const rest: FieldIssue[] = [];
  for (const issue of err.issues) {
    const name = fieldOf(issue.path);
    if (!fields.includes(name)) {
      rest.push(issue);
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), internIssueMessage(t, issue)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}
