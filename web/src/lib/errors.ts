// Turning API errors into words for people: known codes and known server rule texts are translated,
// anything else falls back to the server's own message.
import { ApiError, detailNumber, detailString, type FieldIssue } from './api';
import { formatDateTime } from './format';
import { isMessageKey, type MessageKey, type TFunction } from './i18n';
import type { Locale } from './types';

/** Rule texts the server sends in validation messages, and their translation keys. */
const ruleTexts: Record<string, MessageKey> = {
  'at least 8 characters': 'rule.min8',
  'at most 128 characters': 'rule.max128',
  'must contain a letter and a digit': 'rule.letterDigit',
  'must differ from the username': 'rule.notUsername',
  'at least 2 characters': 'rule.min2',
  'at least 3 characters': 'rule.min3',
  'at most 100 characters': 'rule.max100',
  'at most 64 characters': 'rule.max64',
  'letters, digits, dot, underscore and hyphen only': 'rule.usernameChars',
  'lower-case letters, digits and hyphens': 'rule.codeChars',
  'a mainland mobile number: 11 digits starting with 1': 'rule.phone',
  'an e-mail address': 'rule.email',
  'a GB/T 2260 code: 6 digits': 'rule.regionCode',
  required: 'rule.required',
};

export function serverText(t: TFunction, message: string): string {
  const key = ruleTexts[message.trim()];
  return key ? t(key) : message;
}

const issueKeys: Record<string, MessageKey> = {
  taken: 'issue.taken',
  incorrect: 'issue.incorrect',
  unit_type: 'issue.unitType',
  not_allowed: 'issue.noUnit',
  platform_role: 'issue.platformRole',
  duplicate: 'issue.duplicate',
  unknown: 'issue.unknownRole',
  USCC_REQUIRED: 'issue.usccRequired',
  DATE_ORDER: 'issue.dateOrder',
  AS_OF_REQUIRED: 'issue.asOfRequired',
  NOT_A_SCHOOL: 'issue.notSchool',
  NOT_AN_ENTERPRISE: 'issue.notEnterprise',
  UNKNOWN_REGION: 'issue.unknownRegion',
  UNKNOWN_INDUSTRY: 'issue.unknownIndustry',
};

export function issueMessage(t: TFunction, issue: FieldIssue): string {
  if (issue.code === 'weak') return serverText(t, issue.message);
  if (issue.code === 'taken' && issue.path === 'body.uscc') return t('error.USCC_TAKEN');
  if (issue.code === 'required' && issue.path === 'body.memberUnitId') return t('issue.unitRequired');
  const key = issueKeys[issue.code];
  return key ? t(key) : serverText(t, issue.message);
}

/** One sentence for a failed request. */
export function errorMessage(t: TFunction, err: unknown, locale: Locale): string {
  if (!(err instanceof ApiError)) return t('error.unknown');
  if (err.code === 'ACCOUNT_LOCKED') {
    const until = detailString(err, 'lockedUntil');
    return until
      ? t('error.lockedUntil', { time: formatDateTime(until, locale) })
      : t('error.ACCOUNT_LOCKED');
  }
  if (err.code === 'INVALID_CREDENTIALS') {
    const left = detailNumber(err, 'attemptsLeft');
    if (left === 0) return t('error.nowLocked');
    if (left !== undefined) return t('error.attemptsLeft', { n: left });
  }
  if (err.code === 'PASSWORD_TOO_WEAK' && err.issues[0]) {
    return t('error.weakPassword', { rule: serverText(t, err.issues[0].message) });
  }
  if (err.code === 'VALIDATION_FAILED' && err.issues[0]) {
    return t('error.validation', { message: issueMessage(t, err.issues[0]) });
  }
  const key = `error.${err.code}`;
  if (isMessageKey(key)) return t(key);
  return err.message || t('error.unknown');
}
