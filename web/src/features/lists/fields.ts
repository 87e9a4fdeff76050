// The fields of each kind of list item (as the server's kindFields), their client-side rules, and the
// server's field-level errors put on the form fields with the words of the lists pages.
import type { FormInstance, FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, type FieldIssue } from '../../lib/api';
import { issueMessage } from '../../lib/errors';
import type { TFunction } from '../../lib/i18n';
import type { ListKind } from './types';

export type KindField =
  | 'industryCode'
  | 'chain'
  | 'chainPosition'
  | 'keyTechnologies'
  | 'year'
  | 'field'
  | 'expectedOutcome'
  | 'budget'
  | 'deadline'
  | 'occupationCode'
  | 'majorCodes'
  | 'level'
  | 'headcount'
  | 'skills'
  | 'windowStart'
  | 'windowEnd'
  | 'regionCode'
  | 'location';

export type ItemField = 'unitId' | 'title' | 'description' | KindField;

export const kindFields: Record<ListKind, readonly KindField[]> = {
  product: ['industryCode', 'chain', 'chainPosition', 'keyTechnologies', 'year'],
  tech: ['industryCode', 'field', 'expectedOutcome', 'budget', 'deadline'],
  talent: [
    'occupationCode',
    'majorCodes',
    'level',
    'headcount',
    'skills',
    'windowStart',
    'windowEnd',
    'regionCode',
    'location',
  ],
};

/** Fields with a label: the item's own, and what the server keeps about it. */
export type LabelledField =
  ItemField | 'progress' | 'status' | 'createdAt' | 'updatedAt' | 'publishedAt' | 'reviewedAt' | 'reviewNote';

export const fieldLabel = (t: TFunction, f: LabelledField) => t(`lists.field.${f}`);

export const patterns = {
  industryCode: /^([A-T]|\d{2,4})$/,
  occupationCode: /^\d(-\d{2}){0,3}$/,
  majorCode: /^\d{2}(\d{2}(\d{2})?)?$/,
  regionCode: /^\d{6}$/,
};

export const maxChars = (t: TFunction, n: number): FormRule => ({
  max: n,
  message: t('lists.rule.maxChars', { n }),
});

/** A list of words (key technologies, skills): at most `max` of them, each 1–40 characters. */
export function wordsRule(t: TFunction, max: number): FormRule {
  return {
    validator: async (_r, v: unknown) => {
      const words = Array.isArray(v) ? (v as string[]) : [];
      if (words.length > max) throw new Error(t('lists.rule.maxWords', { n: max }));
      const long = words.filter((w) => w.trim().length > 40);
      if (long.length) throw new Error(t('lists.rule.wordLength', { words: long.join('、') }));
    },
  };
}

export function majorCodesRule(t: TFunction): FormRule {
  return {
    validator: async (_r, v: unknown) => {
      const codes = Array.isArray(v) ? (v as string[]) : [];
      if (codes.length > 20) throw new Error(t('lists.rule.maxWords', { n: 20 }));
      const bad = codes.filter((c) => !patterns.majorCode.test(c.trim()));
      if (bad.length) throw new Error(t('lists.rule.majorCodes', { codes: bad.join('、') }));
    },
  };
}

export function windowEndRule(t: TFunction): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_r, end: Dayjs | null | undefined) => {
      const start = getFieldValue('windowStart') as Dayjs | null | undefined;
      if (end && start && end.isBefore(start, 'day')) throw new Error(t('lists.rule.windowOrder'));
    },
  });
}

/** What a field's client rule says, for the server's shape errors on that field. */
function shapeMessage(t: TFunction, field: ItemField): string | null {
  switch (field) {
    case 'title':
      return t('lists.rule.title');
    case 'industryCode':
      return t('rule.industryCode');
    case 'occupationCode':
      return t('lists.rule.occupationCode');
    case 'majorCodes':
      return t('lists.rule.majorCode');
    case 'regionCode':
      return t('rule.regionCode');
    case 'headcount':
      return t('lists.rule.headcount');
    case 'year':
      return t('lists.rule.year');
    case 'budget':
      return t('lists.rule.budget');
    case 'unitId':
      return t('lists.rule.unit');
    default:
      return null;
  }
}

/** The code a catalog issue names (its message starts with it: "6-99 is not in …"). */
function codeOf(issue: FieldIssue): string {
  return issue.message.split(' ')[0] ?? '';
}

export function listIssueMessage(t: TFunction, issue: FieldIssue, field: ItemField): string {
  switch (issue.code) {
    case 'UNKNOWN_MAJOR':
      return t('lists.issue.unknownMajor', { code: codeOf(issue) });
    case 'UNKNOWN_OCCUPATION':
      return t('lists.issue.unknownOccupation', { code: codeOf(issue) });
    case 'UNKNOWN_INDUSTRY':
      return t('lists.issue.unknownIndustry', { code: codeOf(issue) });
    case 'UNKNOWN_REGION':
      return t('lists.issue.unknownRegion', { code: codeOf(issue) });
    case 'NOT_OF_KIND':
      return t('lists.issue.notOfKind');
    case 'DATE_ORDER':
      return t('lists.rule.windowOrder');
    case 'REQUIRED':
      return t('rule.required');
  }
  // the request's shape (zod's keywords are lower case): say what the field takes
  if (/^[a-z_]+$/.test(issue.code)) return shapeMessage(t, field) ?? issueMessage(t, issue);
  return issueMessage(t, issue);
}

/**
 * Puts the server's field errors (`body.<field>` or `body.majorCodes.<i>`) on the form's fields.
 * Returns true when at least one field received an error.
 */
export function applyItemErrors(
  form: FormInstance,
  err: unknown,
  t: TFunction,
  fields: readonly ItemField[],
): boolean {
  if (!(err instanceof ApiError)) return false;
  const byField = new Map<ItemField, string[]>();
  for (const issue of err.issues) {
    const name = issue.path.replace(/^body\./, '').split('.')[0] as ItemField;
    if (!fields.includes(name)) continue;
    const msg = listIssueMessage(t, issue, name);
    const prev = byField.get(name) ?? [];
    if (!prev.includes(msg)) byField.set(name, [...prev, msg]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  const first = fields.find((f) => byField.has(f));
  if (first) form.scrollToField(first, { block: 'center' });
  return true;
}
