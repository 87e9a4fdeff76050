// Validators of the Chinese identifiers the platform stores: 统一社会信用代码 (GB 32100-2015), 公民身份号码
// (GB 11643-1999), mainland mobile numbers and GB/T 2260 region codes. Shared by the server, the Excel
// importer and the web forms — so this file imports nothing from Node.
//
// Every validator normalises its input and returns `{ ok: true, value, …extra }`, or a rejection that
// names the broken rule: a stable UPPER_SNAKE `rule` code, an English `message` and a Chinese `messageZh`.
import { z } from 'zod';

export type Rejection<Rule extends string = string> = {
  ok: false;
  rule: Rule;
  message: string;
  messageZh: string;
};

export type Validated<Extra extends object = object> = { ok: true; value: string } & Extra;

export type ValidationResult<Rule extends string = string, Extra extends object = object> =
  Validated<Extra> | Rejection<Rule>;

/** Any validator of this file, seen from the outside (what the Excel columns and zod helpers wrap). */
export type Validator = (input: string) => ValidationResult;

function reject<Rule extends string>(rule: Rule, message: string, messageZh: string): Rejection<Rule> {
  return { ok: false, rule, message, messageZh };
}

/** NFKC folds full-width digits and letters (typed with a Chinese IME) into ASCII. */
function normalise(input: string): string {
  return input.normalize('NFKC').trim();
}

// ---------------------------------------------------------------------------------------------------
// Province prefixes (first two digits of GB/T 2260 codes)

const provincePrefixes: ReadonlySet<string> = new Set(
  [
    [11, 15],
    [21, 23],
    [31, 37],
    [41, 46],
    [50, 54],
    [61, 65],
    [71, 71],
    [81, 82],
  ].flatMap(([from, to]) => {
    const out: string[] = [];
    for (let p = from!; p <= to!; p++) out.push(String(p));
    return out;
  }),
);

/** True when `prefix` (2 digits) is a GB/T 2260 province-level code: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82. */
export function isProvincePrefix(prefix: string): boolean {
  return provincePrefixes.has(prefix);
}

// ---------------------------------------------------------------------------------------------------
// 统一社会信用代码 GB 32100-2015

/** The 31 characters of the code; a character's index is its value (no I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const usccValue: ReadonlyMap<string, number> = new Map([...USCC_CHARSET].map((c, i) => [c, i]));

export type UsccRule = 'USCC_LENGTH' | 'USCC_CHARACTERS' | 'USCC_REGION' | 'USCC_CHECK';
export type UsccResult = ValidationResult<
  UsccRule,
  {
    /** chars 3–8: 登记管理机关行政区划码 */
    regionCode: string;
    /** chars 9–17: 组织机构代码 (主体标识码) */
    organizationCode: string;
  }
>;

/**
 * The check character (18th) of a unified social credit code from its first 17 characters:
 * C18 = 31 − (Σ value(Ci)·Wi mod 31), 31 written as '0'. Throws on a malformed argument.
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = usccValue.get(first17[i]!);
    if (v === undefined) throw new RangeError(`usccCheckChar: '${first17[i]}' is not a code character`);
    sum += v * usccWeights[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[check]!;
}

/** Validates a 统一社会信用代码. Normalises: NFKC, trim, upper-case. */
export function validateUscc(input: string): UsccResult {
  const value = normalise(input).toUpperCase();
  const chars = [...value];
  if (chars.length !== 18) {
    return reject(
      'USCC_LENGTH',
      `length: a unified social credit code has 18 characters (got ${chars.length})`,
      `统一社会信用代码应为 18 位（当前 ${chars.length} 位）`,
    );
  }
  const bad = chars.flatMap((c, i) => (usccValue.has(c) ? [] : [`${i + 1} ('${c}')`]));
  if (bad.length > 0) {
    return reject(
      'USCC_CHARACTERS',
      `characters: position ${bad.join(', ')} of the unified social credit code is not a digit or an upper-case letter other than I, O, Z, S, V`,
      `统一社会信用代码第 ${bad.join('、')} 位不是允许的字符（数字或除 I、O、Z、S、V 以外的大写字母）`,
    );
  }
  const regionCode = value.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) {
    return reject(
      'USCC_REGION',
      `region: characters 3–8 of the unified social credit code (registration authority's region code) must be 6 digits (got '${regionCode}')`,
      `统一社会信用代码第 3–8 位（登记管理机关行政区划码）应为 6 位数字（当前“${regionCode}”）`,
    );
  }
  const expected = usccCheckChar(value.slice(0, 17));
  const actual = value[17]!;
  if (actual !== expected) {
    return reject(
      'USCC_CHECK',
      `check character: the 18th character of the unified social credit code should be '${expected}', not '${actual}'`,
      `统一社会信用代码校验位（第 18 位）错误：应为“${expected}”，当前为“${actual}”`,
    );
  }
  return { ok: true, value, regionCode, organizationCode: value.slice(8, 17) };
}

// ---------------------------------------------------------------------------------------------------
// 公民身份号码 GB 11643-1999

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const idCheckChars = '10X98765432';

export type IdCardRule =
  | 'ID_CARD_LENGTH'
  | 'ID_CARD_CHARACTERS'
  | 'ID_CARD_REGION'
  | 'ID_CARD_BIRTH_DATE'
  | 'ID_CARD_BIRTH_FUTURE'
  | 'ID_CARD_BIRTH_BEFORE_1900'
  | 'ID_CARD_CHECK';
export type IdCardResult = ValidationResult<
  IdCardRule,
  { birthDate: string; sex: 'male' | 'female'; addressCode: string }
>;

/** The check character of a 公民身份号码 from its first 17 digits: Σ aᵢ·Wᵢ mod 11 → '10X98765432'. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCardCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i]!;
  return idCheckChars[sum % 11]!;
}

/** 'YYYY-MM-DD' of a Date in local time, or the string itself when already one. */
function ymdOf(d: Date | string): string {
  if (typeof d === 'string') return d;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** True when y-m-d is a real Gregorian calendar date. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** Island residents' residence permits (港澳台居民居住证) use 83 for Taiwan besides 71/81/82. */
const idCardExtraPrefixes: ReadonlySet<string> = new Set(['83']);

/**
 * Validates a 18-character 公民身份号码 (15-digit first-generation numbers are rejected).
 * `today` (a Date in local time, or 'YYYY-MM-DD') bounds the birth date; defaults to now.
 * Normalises: NFKC, trim, lower-case x → X.
 */
export function validateIdCard(input: string, today: Date | string = new Date()): IdCardResult {
  const value = normalise(input).toUpperCase();
  if (value.length !== 18) {
    const old = /^\d{15}$/.test(value);
    return reject(
      'ID_CARD_LENGTH',
      `length: an ID card number has 18 characters (got ${value.length}${old ? '; 15-digit first-generation numbers are not accepted' : ''})`,
      `身份证号码应为 18 位（当前 ${value.length} 位${old ? '；不接受 15 位的一代身份证号码' : ''}）`,
    );
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return reject(
      'ID_CARD_CHARACTERS',
      'characters: an ID card number is 17 digits followed by a digit or X',
      '身份证号码应为 17 位数字加 1 位数字或 X',
    );
  }
  const addressCode = value.slice(0, 6);
  const province = value.slice(0, 2);
  if (!provincePrefixes.has(province) && !idCardExtraPrefixes.has(province)) {
    return reject(
      'ID_CARD_REGION',
      `region: the address code of an ID card number must start with a province code (got '${province}')`,
      `身份证号码前 6 位地址码的省级代码“${province}”无效`,
    );
  }
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(y, m, d)) {
    return reject(
      'ID_CARD_BIRTH_DATE',
      `birth date: digits 7–14 of the ID card number are not a real date (${birthDate})`,
      `身份证号码第 7–14 位出生日期不是有效日期（${birthDate}）`,
    );
  }
  if (y < 1900) {
    return reject(
      'ID_CARD_BIRTH_BEFORE_1900',
      `birth date: ${birthDate} is before 1900`,
      `身份证号码中的出生日期 ${birthDate} 早于 1900 年`,
    );
  }
  if (birthDate > ymdOf(today)) {
    return reject(
      'ID_CARD_BIRTH_FUTURE',
      `birth date: ${birthDate} is in the future`,
      `身份证号码中的出生日期 ${birthDate} 晚于今天`,
    );
  }
  const expected = idCardCheckChar(value.slice(0, 17));
  const actual = value[17]!;
  if (actual !== expected) {
    return reject(
      'ID_CARD_CHECK',
      `check character: the 18th character of the ID card number should be '${expected}', not '${actual}'`,
      `身份证号码校验位（第 18 位）错误：应为“${expected}”，当前为“${actual}”`,
    );
  }
  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, sex, addressCode };
}

/**
 * Full years of age on `date` for someone born on `birthDate` ('YYYY-MM-DD'). The age goes up on the
 * birthday itself; someone born on 29 February gets a year older on 1 March in common years.
 * Negative when `date` is before the birth. Throws on a malformed birth date.
 */
export function ageOn(birthDate: string, date: Date | string): number {
  const parse = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      throw new RangeError(`ageOn: '${s}' is not a YYYY-MM-DD date`);
    }
    return [Number(m[1]), Number(m[2]), Number(m[3])] as const;
  };
  const [by, bm, bd] = parse(birthDate);
  const [y, m, d] = parse(ymdOf(date));
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------
// Mainland mobile numbers

export type MobileRule = 'MOBILE_CHARACTERS' | 'MOBILE_LENGTH' | 'MOBILE_PREFIX';
export type MobileResult = ValidationResult<MobileRule>;

/** Validates a mainland mobile number; accepts +86/86 and spaces/hyphens, normalises to 11 digits. */
export function validateMobile(input: string): MobileResult {
  let digits = normalise(input).replace(/[\s-]/g, '');
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+86')) {
      return reject(
        'MOBILE_PREFIX',
        'prefix: only mainland numbers (+86) are accepted',
        '仅支持中国大陆手机号码（+86）',
      );
    }
    digits = digits.slice(3);
  } else if (digits.length === 13 && digits.startsWith('86')) {
    digits = digits.slice(2);
  }
  if (!/^\d*$/.test(digits)) {
    return reject(
      'MOBILE_CHARACTERS',
      'characters: a mobile number has only digits (spaces, hyphens and a +86 prefix are allowed)',
      '手机号码只能包含数字（可带 +86 前缀、空格或连字符）',
    );
  }
  if (digits.length !== 11) {
    return reject(
      'MOBILE_LENGTH',
      `length: a mobile number has 11 digits (got ${digits.length})`,
      `手机号码应为 11 位数字（当前 ${digits.length} 位）`,
    );
  }
  if (!/^1[3-9]/.test(digits)) {
    return reject('MOBILE_PREFIX', 'prefix: a mobile number starts with 13–19', '手机号码应以 13–19 开头');
  }
  return { ok: true, value: digits };
}

// ---------------------------------------------------------------------------------------------------
// GB/T 2260 administrative division codes

export type RegionLevel = 'province' | 'prefecture' | 'county';
export type RegionRule = 'REGION_FORMAT' | 'REGION_PROVINCE' | 'REGION_PREFECTURE_MISSING';
export type RegionResult = ValidationResult<
  RegionRule,
  {
    level: RegionLevel;
    /** the province's own 6-digit code, e.g. '350000' */
    provinceCode: string;
    /** the prefecture's 6-digit code ('350100'), null for a province */
    prefectureCode: string | null;
  }
>;

/** Validates a 6-digit GB/T 2260 region code and tells its level. */
export function validateRegionCode(input: string): RegionResult {
  const value = normalise(input);
  if (!/^\d{6}$/.test(value)) {
    return reject(
      'REGION_FORMAT',
      'format: a region code (GB/T 2260) is 6 digits',
      '行政区划代码（GB/T 2260）应为 6 位数字',
    );
  }
  const province = value.slice(0, 2);
  if (!provincePrefixes.has(province)) {
    return reject(
      'REGION_PROVINCE',
      `province: '${province}' is not a province-level code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82)`,
      `行政区划代码前两位“${province}”不是有效的省级代码`,
    );
  }
  const prefecture = value.slice(2, 4);
  const county = value.slice(4, 6);
  if (prefecture === '00' && county !== '00') {
    return reject(
      'REGION_PREFECTURE_MISSING',
      'prefecture: a county-level code needs a prefecture part (digits 3–4 are 00)',
      '行政区划代码第 3–4 位（地级代码）为 00 时，第 5–6 位也应为 00',
    );
  }
  const provinceCode = `${province}0000`;
  if (prefecture === '00') return { ok: true, value, level: 'province', provinceCode, prefectureCode: null };
  const prefectureCode = `${province}${prefecture}00`;
  const level = county === '00' ? 'prefecture' : 'county';
  return { ok: true, value, level, provinceCode, prefectureCode };
}

// ---------------------------------------------------------------------------------------------------
// zod schemas for API bodies: normalise, then validate; an issue carries the rule's English message and
// `params: { rule, messageZh }`.

function schemaOf(validate: Validator, description: string) {
  return z
    .string()
    .overwrite((v) => {
      const r = validate(v);
      return r.ok ? r.value : v;
    })
    .superRefine((v, ctx) => {
      const r = validate(v);
      if (!r.ok)
        ctx.addIssue({
          code: 'custom',
          message: r.message,
          params: { rule: r.rule, messageZh: r.messageZh },
        });
    })
    .describe(description);
}

/** 统一社会信用代码, normalised to upper case. */
export function uscc() {
  return schemaOf(validateUscc, '统一社会信用代码 (GB 32100-2015), 18 characters');
}

/** 公民身份号码, normalised (x → X). `today` is for tests. */
export function idCard(opts: { today?: Date | string } = {}) {
  return schemaOf(
    (v) => validateIdCard(v, opts.today ?? new Date()),
    '公民身份号码 (GB 11643-1999), 18 characters',
  );
}

/** Mainland mobile number, normalised to 11 digits. */
export function mobile() {
  return schemaOf(validateMobile, 'mainland mobile number, 11 digits (+86 and separators accepted)');
}

/** GB/T 2260 region code. */
export function regionCode() {
  return schemaOf(validateRegionCode, 'GB/T 2260 region code, 6 digits');
}
