// The server's validation issues on postings and applications, in words, onto the form fields they name.
import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from '../../lib/api';
import { errorMessage, issueMessage } from '../../lib/errors';
import { isMessageKey, type TFunction } from '../../lib/i18n';
import type { Locale } from '../../lib/types';

/** One issue in words: the talent platform's own codes first, then the app's shared ones. */
export function talentIssueMessage(t: TFunction, issue: FieldIssue): string {
  const field = issue.path.replace(/^body\./, '').replace(/\.\d+$/, '');
  for (const key of [`postings.issue.${issue.code}.${field}`, `postings.issue.${issue.code}`]) {
    if (isMessageKey(key)) return t(key);
  }
  return issueMessage(t, issue);
}

/** One sentence for a failed request on these pages. */
export function talentErrorMessage(t: TFunction, err: unknown, locale: Locale): string {
  if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && err.issues[0]) {
    return t('error.validation', { message: talentIssueMessage(t, err.issues[0]) });
  }
  if (err instanceof ApiError && err.code === 'FORBIDDEN' && err.issues[0]) {
    return talentIssueMessage(t, err.issues[0]);
  }
  return errorMessage(t, err, locale);
}

/**
 * Puts the issues of `err` on the form fields they name (`body.majorCodes.2` on `majorCodes`). Returns
 * true when at least one field received an error (the caller then needs no other message).
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
    const name = issue.path.replace(/^body\./, '').replace(/\.\d+$/, '');
    if (!fields.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), talentIssueMessage(t, issue)]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}
