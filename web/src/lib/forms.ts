// Putting the server's field-level validation errors onto antd form fields.
import type { FormInstance } from 'antd';
import { ApiError } from './api';
import { issueMessage } from './errors';
import type { TFunction } from './i18n';

/**
 * Sets the errors of `err` whose path is `body.<field>` for a field of `fields` on the form.
 * Returns true when at least one field received an error (the caller then needs no other message).
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  t: TFunction,
  fields: readonly string[],
  rename: Record<string, string> = {},
): boolean {
  if (!(err instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  for (const issue of err.issues) {
    const raw = issue.path.replace(/^body\./, '');
    const name = rename[raw] ?? raw;
    if (!fields.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), issueMessage(t, issue)]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}

/**
 * For a form holding one `Form.List` named `list` whose rows the API takes as the request body (an array):
 * sets the errors of `err` whose path is `body.<row>.<field>` on that row's field. Returns true when at least
 * one field received an error.
 */
export function applyRowErrors(form: FormInstance, err: unknown, t: TFunction, list: string): boolean {
  if (!(err instanceof ApiError)) return false;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of err.issues) {
    const m = /^body\.(\d+)\.([A-Za-z]+)/.exec(issue.path);
    if (!m) continue;
    const key = `${m[1]}.${m[2]}`;
    const entry = byField.get(key) ?? { name: [list, Number(m[1]), m[2]!], errors: [] };
    entry.errors.push(issueMessage(t, issue));
    byField.set(key, entry);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()]);
  return true;
}
