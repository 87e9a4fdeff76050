import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ageOn,
  idCard,
  idCardCheckChar,
  isProvincePrefix,
  mobile,
  regionCode,
  USCC_CHARSET,
  uscc,
  usccCheckChar,
  validateIdCard,
  validateMobile,
  validateRegionCode,
  validateUscc,
  type ValidationResult,
} from '../../server/lib/identifiers.ts';

/** The rule of a rejection (fails the test on acceptance). */
function ruleOf(r: ValidationResult): string {
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r)}`);
  expect(r.message.length).toBeGreaterThan(0);
  expect(r.messageZh).toMatch(/[\u4e00-\u9fff]/);
  return r.rule;
}

/** A valid USCC from its first 17 characters. */
const makeUscc = (first17: string) => first17 + usccCheckChar(first17);
/** A valid ID card number from region, birth date (YYYYMMDD) and a 3-digit sequence. */
const makeId = (region: string, birth: string, seq: string) => {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCardCheckChar(first17);
};

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Published codes of real registrations; each was checked by hand against the standard's formula.
  const published = ['91350100M000100Y43', '91110108551385082Q', '914403001922038216', '91440300708461136T'];

  it('accepts published codes and computes their check character', () => {
    for (const code of published) {
      expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
      expect(validateUscc(code)).toEqual({
        ok: true,
        value: code,
        regionCode: code.slice(2, 8),
        organizationCode: code.slice(8, 17),
      });
    }
  });

  it('computes the check character by hand for one code (Σ value·W mod 31)', () => {
    // 9 1 3 5 0 1 0 0 M(21) 0 0 0 1 0 0 Y(30) 4 with W = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    const sum = 9 * 1 + 1 * 3 + 3 * 9 + 5 * 27 + 1 * 26 + 21 * 20 + 1 * 8 + 30 * 30 + 4 * 28;
    expect(sum % 31).toBe(28);
    expect(USCC_CHARSET[31 - 28]).toBe('3');
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a check value of 31 to 0', () => {
    // find a prefix whose weighted sum is a multiple of 31: then 31 − 0 = 31 → '0'
    let found = '';
    for (let i = 0; i < USCC_CHARSET.length && !found; i++) {
      const first17 = `9135010000000000${USCC_CHARSET[i]}`;
      if (usccCheckChar(first17) === '0') found = first17;
    }
    expect(found).not.toBe('');
    expect(validateUscc(`${found}0`).ok).toBe(true);
  });

  it('is the value of the charset: 31 characters, no I O Z S V', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    for (const c of 'IOZSV') expect(USCC_CHARSET).not.toContain(c);
  });

  it('normalises: trims, upper-cases, folds full-width characters', () => {
    expect(validateUscc('  91350100m000100y43 ')).toMatchObject({ ok: true, value: '91350100M000100Y43' });
    expect(validateUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toMatchObject({
      ok: true,
      value: '91350100M000100Y43',
    });
  });

  it('rejects a wrong length', () => {
    expect(ruleOf(validateUscc(''))).toBe('USCC_LENGTH');
    expect(ruleOf(validateUscc('91350100M000100Y4'))).toBe('USCC_LENGTH');
    expect(ruleOf(validateUscc('91350100M000100Y433'))).toBe('USCC_LENGTH');
    const r = validateUscc('123');
    expect(!r.ok && r.message).toContain('18 characters (got 3)');
  });

  it('rejects characters outside the set and names the position', () => {
    const r = validateUscc('91350100I000100Y43');
    expect(ruleOf(r)).toBe('USCC_CHARACTERS');
    expect(!r.ok && r.message).toContain("position 9 ('I')");
    expect(!r.ok && r.messageZh).toContain('第 9');
    for (const bad of ['O', 'Z', 'S', 'V', '-', '中']) {
      expect(ruleOf(validateUscc(`91350100M000100Y4${bad}`))).toBe('USCC_CHARACTERS');
    }
    const two = validateUscc('9135O100M000100YS3');
    expect(!two.ok && two.message).toContain("5 ('O'), 17 ('S')");
  });

  it('rejects a region part that is not 6 digits', () => {
    const first17 = '9135A100M000100Y4';
    const r = validateUscc(makeUscc(first17));
    expect(ruleOf(r)).toBe('USCC_REGION');
    expect(!r.ok && r.message).toContain("'35A100'");
  });

  it('rejects a wrong check character and says which was expected', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(ruleOf(r)).toBe('USCC_CHECK');
    expect(!r.ok && r.message).toContain("should be '3', not '4'");
    expect(!r.ok && r.messageZh).toContain('应为“3”');
  });

  it('rejects every single-character substitution of a valid code', () => {
    for (const code of [...published, makeUscc('12100000000000000')]) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of USCC_CHARSET) {
          if (c === code[pos]) continue;
          const corrupted = code.slice(0, pos) + c + code.slice(pos + 1);
          const rule = ruleOf(validateUscc(corrupted));
          // a letter in the region part is caught before the check character
          expect(rule).toBe(pos >= 2 && pos < 8 && !/\d/.test(c) ? 'USCC_REGION' : 'USCC_CHECK');
        }
      }
    }
  });

  it('usccCheckChar refuses malformed input', () => {
    expect(() => usccCheckChar('123')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100I000100Y4')).toThrow(RangeError);
  });
});

describe('公民身份号码 (GB 11643-1999)', () => {
  const today = '2025-06-15';

  it('accepts the standard’s example and tells birth date and sex', () => {
    expect(validateIdCard('11010519491231002X', today)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      addressCode: '110105',
    });
    const male = makeId('350102', '20050101', '013');
    expect(validateIdCard(male, today)).toMatchObject({ ok: true, sex: 'male', birthDate: '2005-01-01' });
  });

  it('computes the check character (Σ aᵢ·Wᵢ mod 11 → 10X98765432)', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    // the standard's other example (born 1880): its check character is right …
    expect(idCardCheckChar('44052418800101001')).toBe('4');
    // … but the platform refuses births before 1900
    expect(ruleOf(validateIdCard('440524188001010014', today))).toBe('ID_CARD_BIRTH_BEFORE_1900');
    expect(() => idCardCheckChar('1101051949123100X')).toThrow(RangeError);
  });

  it('accepts lower-case x and surrounding spaces, normalising to X', () => {
    expect(validateIdCard(' 11010519491231002x ', today)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('rejects wrong lengths, mentioning 15-digit numbers', () => {
    expect(ruleOf(validateIdCard('1101051949123100', today))).toBe('ID_CARD_LENGTH');
    const old = validateIdCard('110105491231002', today);
    expect(ruleOf(old)).toBe('ID_CARD_LENGTH');
    expect(!old.ok && old.message).toContain('15-digit');
  });

  it('rejects characters other than 17 digits and a digit or X', () => {
    expect(ruleOf(validateIdCard('1101051949123100Y', today))).toBe('ID_CARD_LENGTH');
    expect(ruleOf(validateIdCard('11010519491231002Y', today))).toBe('ID_CARD_CHARACTERS');
    expect(ruleOf(validateIdCard('1101051949123100X2', today))).toBe('ID_CARD_CHARACTERS');
    expect(ruleOf(validateIdCard('A1010519491231002X', today))).toBe('ID_CARD_CHARACTERS');
  });

  it('checks the province of the address code', () => {
    for (const p of [
      '11',
      '15',
      '21',
      '23',
      '31',
      '37',
      '41',
      '46',
      '50',
      '54',
      '61',
      '65',
      '71',
      '81',
      '82',
    ]) {
      expect(validateIdCard(makeId(`${p}0101`, '20000101', '001'), today).ok).toBe(true);
    }
    // 83: Taiwan residents' residence permits
    expect(validateIdCard(makeId('830000', '20000101', '001'), today).ok).toBe(true);
    for (const p of [
      '00',
      '10',
      '16',
      '20',
      '24',
      '30',
      '38',
      '40',
      '47',
      '49',
      '55',
      '60',
      '66',
      '70',
      '72',
      '80',
      '84',
      '99',
    ]) {
      expect(ruleOf(validateIdCard(makeId(`${p}0101`, '20000101', '001'), today))).toBe('ID_CARD_REGION');
    }
  });

  it('requires a real calendar date of birth', () => {
    expect(validateIdCard(makeId('110105', '20000229', '001'), today).ok).toBe(true); // leap year
    expect(ruleOf(validateIdCard(makeId('110105', '19000229', '001'), today))).toBe('ID_CARD_BIRTH_DATE');
    expect(ruleOf(validateIdCard(makeId('110105', '20010229', '001'), today))).toBe('ID_CARD_BIRTH_DATE');
    expect(ruleOf(validateIdCard(makeId('110105', '20011301', '001'), today))).toBe('ID_CARD_BIRTH_DATE');
    expect(ruleOf(validateIdCard(makeId('110105', '20010431', '001'), today))).toBe('ID_CARD_BIRTH_DATE');
    expect(ruleOf(validateIdCard(makeId('110105', '20010100', '001'), today))).toBe('ID_CARD_BIRTH_DATE');
  });

  it('bounds the birth date: from 1900-01-01 to today', () => {
    expect(validateIdCard(makeId('110105', '19000101', '001'), today).ok).toBe(true);
    expect(ruleOf(validateIdCard(makeId('110105', '18991231', '001'), today))).toBe(
      'ID_CARD_BIRTH_BEFORE_1900',
    );
    expect(validateIdCard(makeId('110105', '20250615', '001'), today).ok).toBe(true);
    expect(ruleOf(validateIdCard(makeId('110105', '20250616', '001'), today))).toBe('ID_CARD_BIRTH_FUTURE');
    // a Date is read in local time
    expect(validateIdCard(makeId('110105', '20250615', '001'), new Date(2025, 5, 15, 23, 59)).ok).toBe(true);
    expect(ruleOf(validateIdCard(makeId('110105', '20250616', '001'), new Date(2025, 5, 15, 23, 59)))).toBe(
      'ID_CARD_BIRTH_FUTURE',
    );
  });

  it('tells the sex from the 17th digit', () => {
    for (let d = 0; d <= 9; d++) {
      const r = validateIdCard(makeId('110105', '20000101', `00${d}`), today);
      expect(r.ok && r.sex).toBe(d % 2 === 1 ? 'male' : 'female');
    }
  });

  it('rejects a wrong check character and says which was expected', () => {
    const r = validateIdCard('110105194912310021', today);
    expect(ruleOf(r)).toBe('ID_CARD_CHECK');
    expect(!r.ok && r.message).toContain("should be 'X', not '1'");
  });

  it('rejects every single-digit substitution of a valid number', () => {
    const valid = makeId('350102', '19991012', '023');
    for (let pos = 0; pos < 18; pos++) {
      for (const c of '0123456789X') {
        if (c === valid[pos] || (c === 'X' && pos < 17)) continue;
        const corrupted = valid.slice(0, pos) + c + valid.slice(pos + 1);
        expect(validateIdCard(corrupted, today).ok, corrupted).toBe(false);
      }
    }
  });
});

describe('ageOn', () => {
  it('counts full years, going up on the birthday itself', () => {
    expect(ageOn('2008-06-15', '2024-06-14')).toBe(15);
    expect(ageOn('2008-06-15', '2024-06-15')).toBe(16);
    expect(ageOn('2008-06-15', '2024-06-16')).toBe(16);
    expect(ageOn('2006-06-15', '2024-06-14')).toBe(17);
    expect(ageOn('2006-06-15', '2024-06-15')).toBe(18);
    expect(ageOn('2006-12-31', '2025-01-01')).toBe(18);
    expect(ageOn('2007-01-01', '2024-12-31')).toBe(17);
    expect(ageOn('2000-01-01', '2000-01-01')).toBe(0);
  });

  it('makes 29 February births a year older on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16); // leap year: the birthday exists
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
    expect(ageOn('2006-02-28', '2024-02-28')).toBe(18);
  });

  it('takes a Date in local time, and is negative before birth', () => {
    expect(ageOn('2008-06-15', new Date(2024, 5, 15))).toBe(16);
    expect(ageOn('2008-06-15', new Date(2024, 5, 14, 23, 59))).toBe(15);
    expect(ageOn('2008-06-15', '2008-01-01')).toBe(-1);
  });

  it('refuses malformed dates', () => {
    expect(() => ageOn('2008-6-15', '2024-06-15')).toThrow(RangeError);
    expect(() => ageOn('2007-02-29', '2024-06-15')).toThrow(RangeError);
  });
});

describe('mobile numbers', () => {
  it('normalises +86, 86, spaces and hyphens to 11 digits', () => {
    for (const input of [
      '13812345678',
      '+86 138 1234 5678',
      '+86-138-1234-5678',
      '8613812345678',
      ' 138-1234-5678 ',
    ]) {
      expect(validateMobile(input)).toEqual({ ok: true, value: '13812345678' });
    }
    expect(validateMobile('＋８６１３８１２３４５６７８')).toEqual({ ok: true, value: '13812345678' });
  });

  it('accepts second digits 3–9 only', () => {
    for (let d = 0; d <= 9; d++) {
      const r = validateMobile(`1${d}812345678`);
      if (d >= 3) expect(r.ok).toBe(true);
      else expect(ruleOf(r)).toBe('MOBILE_PREFIX');
    }
    expect(ruleOf(validateMobile('23812345678'))).toBe('MOBILE_PREFIX');
  });

  it('names the broken rule', () => {
    expect(ruleOf(validateMobile('1381234567'))).toBe('MOBILE_LENGTH');
    expect(ruleOf(validateMobile('138123456789'))).toBe('MOBILE_LENGTH');
    expect(ruleOf(validateMobile(''))).toBe('MOBILE_LENGTH');
    expect(ruleOf(validateMobile('138-1234-567a'))).toBe('MOBILE_CHARACTERS');
    expect(ruleOf(validateMobile('(138)12345678'))).toBe('MOBILE_CHARACTERS');
    expect(ruleOf(validateMobile('+1 415 555 0100'))).toBe('MOBILE_PREFIX');
    // 86 is only a prefix in front of 11 digits
    expect(ruleOf(validateMobile('86138123456'))).toBe('MOBILE_PREFIX');
  });
});

describe('region codes (GB/T 2260)', () => {
  it('tells the level and the parents', () => {
    expect(validateRegionCode('350000')).toEqual({
      ok: true,
      value: '350000',
      level: 'province',
      provinceCode: '350000',
      prefectureCode: null,
    });
    expect(validateRegionCode('350100')).toEqual({
      ok: true,
      value: '350100',
      level: 'prefecture',
      provinceCode: '350000',
      prefectureCode: '350100',
    });
    expect(validateRegionCode(' 350102 ')).toEqual({
      ok: true,
      value: '350102',
      level: 'county',
      provinceCode: '350000',
      prefectureCode: '350100',
    });
    // 省直辖县级行政单位 (prefecture part 90) and 直辖市 districts
    expect(validateRegionCode('429004')).toMatchObject({
      ok: true,
      level: 'county',
      prefectureCode: '429000',
    });
    expect(validateRegionCode('110101')).toMatchObject({
      ok: true,
      level: 'county',
      prefectureCode: '110100',
    });
  });

  it('knows the province prefixes', () => {
    const valid = [
      11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    ];
    valid.push(53, 54, 61, 62, 63, 64, 65, 71, 81, 82);
    for (let p = 0; p <= 99; p++) {
      const prefix = String(p).padStart(2, '0');
      expect(isProvincePrefix(prefix), prefix).toBe(valid.includes(p));
      const r = validateRegionCode(`${prefix}0000`);
      if (valid.includes(p)) expect(r.ok).toBe(true);
      else expect(ruleOf(r)).toBe('REGION_PROVINCE');
    }
  });

  it('names the broken rule', () => {
    for (const bad of ['', '35010', '3501020', '35010a', '35 0102']) {
      expect(ruleOf(validateRegionCode(bad))).toBe('REGION_FORMAT');
    }
    expect(ruleOf(validateRegionCode('350001'))).toBe('REGION_PREFECTURE_MISSING');
    expect(ruleOf(validateRegionCode('350099'))).toBe('REGION_PREFECTURE_MISSING');
  });
});

describe('zod schemas', () => {
  it('normalise the value', () => {
    expect(uscc().parse(' 91350100m000100y43')).toBe('91350100M000100Y43');
    expect(idCard({ today: '2025-01-01' }).parse('11010519491231002x')).toBe('11010519491231002X');
    expect(mobile().parse('+86 138-1234-5678')).toBe('13812345678');
    expect(regionCode().parse('350102')).toBe('350102');
  });

  it('report the rule’s message and code', () => {
    const r = uscc().safeParse('91350100M000100Y44');
    expect(r.success).toBe(false);
    const issue = r.error?.issues[0];
    expect(issue?.message).toContain("should be '3', not '4'");
    expect(issue && 'params' in issue ? issue.params : undefined).toMatchObject({ rule: 'USCC_CHECK' });
    expect(
      idCard({ today: '2025-01-01' }).safeParse('11010520491231002X').error?.issues[0]?.message,
    ).toContain('future');
    expect(mobile().safeParse('12345').error?.issues[0]?.message).toContain('11 digits');
    expect(regionCode().safeParse('350001').error?.issues[0]?.message).toContain('prefecture');
  });

  it('work inside objects and reject non-strings', () => {
    const body = z.object({ uscc: uscc(), phone: mobile().optional() });
    expect(body.parse({ uscc: '91350100M000100Y43' })).toEqual({ uscc: '91350100M000100Y43' });
    expect(body.safeParse({ uscc: 123 }).success).toBe(false);
    const bad = body.safeParse({ uscc: '91350100M000100Y43', phone: '123' });
    expect(bad.error?.issues[0]?.path).toEqual(['phone']);
  });
});
