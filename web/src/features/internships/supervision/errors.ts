// The server's answers on the supervision pages, in words: the log form's field issues (period,
// content, files; the server's sentences carry the numbers, which are kept) and the error codes.
import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from '../../../lib/api';
import { errorMessage, issueMessage } from '../../../lib/errors';
import { isMessageKey, type TFunction } from '../../../lib/i18n';
import type { Locale } from '../../../lib/types';

export function supIssueMessage(t: TFunction, issue: FieldIssue): string {
  if (issue.code === 'PERIOD_TOO_LONG') {
    const m = /at most (\d+) days.*cadence of (\d+)\D+(\d+)/.exec(issue.message);
    if (m) return t('sup.issue.PERIOD_TOO_LONG', { max: m[1]!, cadence: m[2]!, days: m[3]! });
  }
  if (issue.code === 'OUTSIDE_PLACEMENT') {
    const m = /\((\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)\)/.exec(issue.message);
    if (m) return t('sup.issue.OUTSIDE_PLACEMENT', { from: m[1]!, to: m[2]! });
  }
  if (issue.code === 'PERIOD_OVERLAP') {
    const m = /log of (\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)/.exec(issue.message);
    if (m) return t('sup.issue.PERIOD_OVERLAP', { from: m[1]!, to: m[2]! });
  }
  if (issue.path === 'body.content' && (issue.code === 'minLength' || issue.code === 'too_small')) {
    return t('sup.log.contentTooShort');
  }
  const key = `sup.issue.${issue.code}`;
  if (isMessageKey(key)) return t(key);
  return issueMessage(t, issue);
}

/** One sentence for a failed request on these pages. */
export function supErrorMessage(t: TFunction, err: unknown, locale: Locale): string {
  if (err instanceof ApiError) {
    if (err.code === 'VALIDATION_FAILED' && err.issues[0]) {
      return t('error.validation', { message: supIssueMessage(t, err.issues[0]) });
    }
    const key = `sup.error.${err.code}`;
    if (err.code === 'CONFLICT' && /rubric/i.test(err.message)) return t('sup.error.rubric');
    if (isMessageKey(key)) return t(key);
  }
  return errorMessage(t, err, locale);
}

/**
 * Puts the issues of `err` on the form fields they name (`body.periodEnd` → periodEnd, `body.files.2…`
 * and `body.addFiles…` → files). Returns true when at least one field received an error.
 */
export function applySupFieldErrors(
  form: FormInstance,
  err: unknown,
  t: TFunction,
  fields: readonly string[],
) {
  if (!(err instanceof ApiError) || err.issues.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const issue of err.issues) {
    const raw = issue.path.replace(/^body\./, '').replace(/\..*$/, '');
    const name = raw === 'addFiles' || raw === 'removeFileIds' ? 'files' : raw;
    if (!fields.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), supIssueMessage(t, issue)]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}
