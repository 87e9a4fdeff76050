// The server's field errors of POST /runs, onto the fields of the run form (nested names such as
// cohort.majorCodes, and one error per list for the items of postingIds or majorCodes).
import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from '../../lib/api';
import { issueMessage } from '../../lib/errors';
import type { MessageKey, TFunction } from '../../lib/i18n';

/** The form's fields, as antd name paths joined with dots. */
const fieldPaths = [
  'name',
  'mode',
  'placeFirst',
  'postingKind',
  'cohort.schoolUnitIds',
  'cohort.majorCodes',
  'cohort.graduationYear',
  'cohort.kinds',
  'postingIds',
  'weights.sameMajor',
  'weights.sameClass',
  'weights.sameGroup',
  'weights.crosswalk',
  'weights.level',
  'weights.wish',
  'weights.locality',
  'caps.hostRatio',
  'caps.postRatio',
  'maxPostsPerStudent',
] as const;

const issueKeys: Record<string, MessageKey> = {
  OTHER_SCHOOL: 'matching.issue.OTHER_SCHOOL',
  UNKNOWN_POSTING: 'matching.issue.UNKNOWN_POSTING',
  OTHER_KIND: 'matching.issue.OTHER_KIND',
  OPTIMAL_ONLY: 'matching.issue.OPTIMAL_ONLY',
};

/** The form field an issue belongs to: `body.postingIds.3` → `postingIds`, or null when none. */
export function fieldOf(path: string): string | null {
  const parts = path.replace(/^body\./, '').split('.');
  while (parts.length) {
    const name = parts.join('.');
    if ((fieldPaths as readonly string[]).includes(name)) return name;
    parts.pop();
  }
  return null;
}

/** Out-of-range numbers: the form's own words for the field's range. */
const rangeKeys: [prefix: string, key: MessageKey][] = [
  ['weights.', 'matching.form.weightRequired'],
  ['caps.', 'matching.form.capRequired'],
  ['maxPostsPerStudent', 'matching.form.maxPostsRequired'],
];

function messageOf(t: TFunction, issue: FieldIssue, field: string): string {
  const key = issueKeys[issue.code];
  if (key) return t(key);
  if (issue.code === 'too_big' || issue.code === 'too_small' || issue.code === 'invalid_type') {
    const range = rangeKeys.find(([prefix]) => field.startsWith(prefix));
    if (range) return t(range[1]);
  }
  return issueMessage(t, issue);
}

/** Sets the errors on their fields; true when at least one field received one. */
export function applyRunErrors(form: FormInstance, err: unknown, t: TFunction): boolean {
  if (!(err instanceof ApiError)) return false;
  const byField = new Map<string, Set<string>>();
  for (const issue of err.issues) {
    const field = fieldOf(issue.path);
    if (!field) continue;
    const set = byField.get(field) ?? new Set<string>();
    set.add(messageOf(t, issue, field));
    byField.set(field, set);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.'), errors: [...errors] })));
  const first = byField.keys().next().value;
  if (first) form.scrollToField(first.split('.'), { block: 'center' });
  return true;
}
