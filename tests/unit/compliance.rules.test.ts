// Every internship rule with its boundary values, the settings that change them, and the date arithmetic
// under the ratio caps.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  ageOn,
  blocking,
  evaluate,
  peakOverlap,
  rules,
  validateSetting,
  type PlacementFacts,
  type RuleSetting,
} from '../../server/engine/compliance/index.ts';

const none = new Map<string, RuleSetting>();

function facts(over: Partial<PlacementFacts> = {}): PlacementFacts {
  return {
    kind: 'position',
    startDate: '2026-03-01',
    endDate: '2026-08-31',
    stage: 'save',
    student: { name: '张同学', birthDate: '2005-03-15', yearOfStudy: 3, majorCode: '460305' },
    guardianConsent: false,
    venueType: 'factory',
    viaIntermediary: false,
    intensityClass: 2,
    dailyHours: 8,
    daysPerWeek: 5,
    nightShifts: false,
    holidayWork: false,
    overtime: false,
    hazardousWork: false,
    exemptionRef: null,
    payAmount: 4000,
    postWage: 5000,
    payChannel: 'bank_to_student',
    payFrequency: 'monthly',
    postMajorCodes: ['4603'],
    insurance: { insurer: '人保', policyNo: 'P1', start: '2026-03-01', end: '2026-08-31', paidBy: 'school' },
    feesCharged: false,
    documentsHeld: false,
    host: { name: '某企业', employeeCount: 100, peak: { count: 10, date: '2026-03-01' } },
    post: { title: '装配', staffCount: 50, peak: { count: 10, date: '2026-03-01' } },
    agreementConfirmed: ['school', 'host', 'student'],
    ...over,
  };
}
const ids = (f: PlacementFacts, s = none) => evaluate(f, s).map((x) => x.ruleId);
const blocks = (f: PlacementFacts, s = none) => blocking(evaluate(f, s)).map((x) => x.ruleId);

describe('the rules as data', () => {
  it('every rule has an id, a title, a source document, a certainty and a default severity', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^R-[A-Z0-9-]+$/);
      expect(r.titleZh.length).toBeGreaterThan(4);
      expect(r.source.document).toContain('职业学校学生实习管理规定');
      expect(['V', 'P', 'M']).toContain(r.certainty);
      expect(r.source.article ?? r.source.note).toBeTruthy();
      for (const p of r.params) expect(p.default).toBeGreaterThanOrEqual(p.min);
    }
  });

  it('a compliant placement has no finding at all', () => {
    expect(evaluate(facts(), none)).toEqual([]);
  });
});

describe('R-RATIO-HOST: interns ≤ 10% of on-post employees', () => {
  it('exactly 10% is allowed, one more is refused with the numbers', () => {
    expect(ids(facts())).not.toContain('R-RATIO-HOST');
    const f = evaluate(
      facts({ host: { name: '某企业', employeeCount: 100, peak: { count: 11, date: '2026-04-02' } } }),
      none,
    );
    const hit = f.find((x) => x.ruleId === 'R-RATIO-HOST')!;
    expect(hit.severity).toBe('block');
    expect(hit.messageZh).toContain('实习生将达到在岗职工的 11%，超过 10% 上限（规则 R-RATIO-HOST）');
    expect(hit.messageZh).toContain('2026-04-02');
    expect(hit.facts).toMatchObject({ interns: 11, employees: 100, allowed: 10 });
  });

  it('rounds the percentage to one decimal (11.2%)', () => {
    const f = evaluate(
      facts({ host: { name: 'X', employeeCount: 98, peak: { count: 11, date: '2026-03-01' } } }),
      none,
    );
    expect(f.find((x) => x.ruleId === 'R-RATIO-HOST')!.messageZh).toContain('11.2%');
  });

  it('an unknown employee count is a warning, not a pass', () => {
    const f = evaluate(
      facts({ host: { name: 'X', employeeCount: null, peak: { count: 1, date: '2026-03-01' } } }),
      none,
    );
    expect(f.find((x) => x.ruleId === 'R-RATIO-HOST')!.severity).toBe('warn');
  });

  it('does not apply to observation internships', () => {
    const f = facts({
      kind: 'observation',
      host: { name: 'X', employeeCount: 10, peak: { count: 9, date: '2026-03-01' } },
    });
    expect(ids(f)).not.toContain('R-RATIO-HOST');
  });

  it('the secretariat can change the ratio', () => {
    const s = new Map<string, RuleSetting>([
      ['R-RATIO-HOST', { params: { maxRatio: 0.15 }, severity: 'block' }],
    ]);
    const f = facts({ host: { name: 'X', employeeCount: 100, peak: { count: 15, date: '2026-03-01' } } });
    expect(blocks(f, s)).not.toContain('R-RATIO-HOST');
    expect(blocks(f)).toContain('R-RATIO-HOST');
    const warnOnly = new Map<string, RuleSetting>([['R-RATIO-HOST', { params: {}, severity: 'warn' }]]);
    expect(blocks(f, warnOnly)).not.toContain('R-RATIO-HOST');
    expect(ids(f, warnOnly)).toContain('R-RATIO-HOST');
  });
});

describe('R-RATIO-POST: interns on a post ≤ 20% of its staff', () => {
  it('exactly 20% allowed, one more refused; unknown staff warns', () => {
    expect(
      ids(facts({ post: { title: 'A', staffCount: 50, peak: { count: 10, date: '2026-03-01' } } })),
    ).not.toContain('R-RATIO-POST');
    expect(
      blocks(facts({ post: { title: 'A', staffCount: 50, peak: { count: 11, date: '2026-03-01' } } })),
    ).toContain('R-RATIO-POST');
    const f = evaluate(
      facts({ post: { title: 'A', staffCount: null, peak: { count: 1, date: '2026-03-01' } } }),
      none,
    );
    expect(f.find((x) => x.ruleId === 'R-RATIO-POST')!.severity).toBe('warn');
  });
});

describe('R-AGE-MIN and R-GUARDIAN', () => {
  const born = (birthDate: string, guardianConsent = false) =>
    facts({ student: { name: '小王', birthDate, yearOfStudy: 2, majorCode: '460305' }, guardianConsent });

  it('16 today is allowed, 16 tomorrow is refused', () => {
    // start 2026-03-01
    expect(blocks(born('2010-03-01', true))).not.toContain('R-AGE-MIN');
    expect(blocks(born('2010-03-02', true))).toContain('R-AGE-MIN');
    // turned 16 yesterday
    expect(blocks(born('2010-02-28', true))).not.toContain('R-AGE-MIN');
  });

  it('under 18 needs the guardian consent; 18 today does not', () => {
    expect(blocks(born('2009-03-01'))).toContain('R-GUARDIAN');
    expect(blocks(born('2009-03-01', true))).not.toContain('R-GUARDIAN');
    expect(blocks(born('2008-03-01'))).not.toContain('R-GUARDIAN');
    expect(blocks(born('2008-03-02'))).toContain('R-GUARDIAN');
  });

  it('ages on 29 February births', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
});

describe('R-YEAR1', () => {
  it('year 1 refused, year 2 allowed, unknown year warns; observation is fine in year 1', () => {
    const y = (yearOfStudy: number | null, kind = 'position') =>
      facts({ kind, student: { name: 'S', birthDate: '2005-01-01', yearOfStudy, majorCode: '460305' } });
    expect(blocks(y(1))).toContain('R-YEAR1');
    expect(ids(y(2))).not.toContain('R-YEAR1');
    expect(evaluate(y(null), none).find((x) => x.ruleId === 'R-YEAR1')!.severity).toBe('warn');
    expect(ids(y(1, 'observation'))).not.toContain('R-YEAR1');
  });
});

describe('R-PAY and R-PAY-CHANNEL', () => {
  it('exactly 80% is allowed, a fen less is refused', () => {
    expect(ids(facts({ payAmount: 4000, postWage: 5000 }))).not.toContain('R-PAY');
    expect(blocks(facts({ payAmount: 3999.99, postWage: 5000 }))).toContain('R-PAY');
    // 80% of 3333.33 = 2666.664: 2666.67 is enough, 2666.66 is not
    expect(ids(facts({ payAmount: 2666.67, postWage: 3333.33 }))).not.toContain('R-PAY');
    expect(blocks(facts({ payAmount: 2666.66, postWage: 3333.33 }))).toContain('R-PAY');
  });

  it('a missing pay or wage is refused for a position internship, not for an observation', () => {
    expect(blocks(facts({ payAmount: null }))).toContain('R-PAY');
    expect(
      ids(facts({ kind: 'observation', payAmount: null, payChannel: null, payFrequency: null })),
    ).toEqual([]);
  });

  it('pay via the school, in kind, or each term is refused; via an agent also breaks R-INTERMEDIARY', () => {
    expect(blocks(facts({ payChannel: 'via_school' }))).toContain('R-PAY-CHANNEL');
    expect(blocks(facts({ payChannel: 'in_kind' }))).toContain('R-PAY-CHANNEL');
    expect(blocks(facts({ payFrequency: 'end_of_term' }))).toContain('R-PAY-CHANNEL');
    expect(blocks(facts({ payChannel: 'via_agent' }))).toEqual(
      expect.arrayContaining(['R-PAY-CHANNEL', 'R-INTERMEDIARY']),
    );
    expect(ids(facts({ payChannel: 'cash_to_student', payFrequency: 'biweekly' }))).toEqual([]);
  });
});

describe('venue, intermediary, intensity, hazards, hours, fees', () => {
  it('banned venues are refused', () => {
    for (const v of ['bar', 'nightclub', 'ktv', 'bath_centre', 'game_hall', 'internet_cafe'] as const) {
      expect(blocks(facts({ venueType: v }))).toContain('R-VENUE');
    }
    expect(ids(facts({ venueType: 'hotel_catering' }))).toEqual([]);
  });

  it('intermediaries are refused', () => {
    expect(blocks(facts({ viaIntermediary: true }))).toContain('R-INTERMEDIARY');
  });

  it('intensity class II allowed, III refused', () => {
    expect(ids(facts({ intensityClass: 2 }))).not.toContain('R-INTENSITY');
    expect(blocks(facts({ intensityClass: 3 }))).toContain('R-INTENSITY');
    expect(blocks(facts({ intensityClass: 4 }))).toContain('R-INTENSITY');
  });

  it('8 hours a day allowed, 8.5 refused; night shifts and holidays refused unless exempted', () => {
    expect(ids(facts({ dailyHours: 8 }))).not.toContain('R-HOURS');
    expect(blocks(facts({ dailyHours: 8.5 }))).toContain('R-HOURS');
    expect(blocks(facts({ daysPerWeek: 6 }))).toContain('R-HOURS');
    expect(blocks(facts({ nightShifts: true }))).toContain('R-HOURS');
    expect(blocks(facts({ holidayWork: true }))).toContain('R-HOURS');
    expect(blocks(facts({ overtime: true }))).toContain('R-HOURS');
    expect(ids(facts({ nightShifts: true, exemptionRef: '备案 2026-017' }))).not.toContain('R-HOURS');
    expect(blocks(facts({ hazardousWork: true }))).toContain('R-HAZARD');
    expect(ids(facts({ hazardousWork: true, exemptionRef: '备案 2026-018' }))).not.toContain('R-HAZARD');
  });

  it('fees and held documents are refused', () => {
    expect(blocks(facts({ feesCharged: true }))).toContain('R-FEES');
    expect(blocks(facts({ documentsHeld: true }))).toContain('R-FEES');
  });

  it('an abolished type such as 顶岗实习 is refused', () => {
    expect(blocks(facts({ kind: 'dinggang' }))).toContain('R-TYPE');
  });
});

describe('R-DURATION, R-MAJOR (warnings)', () => {
  it('six months less a day is usual; six months or more warns', () => {
    expect(ids(facts({ startDate: '2026-03-01', endDate: '2026-08-31' }))).not.toContain('R-DURATION');
    const f = evaluate(facts({ startDate: '2026-03-01', endDate: '2026-09-01' }), none);
    expect(f.find((x) => x.ruleId === 'R-DURATION')!.severity).toBe('warn');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('another 专业大类 warns; the same 大类 does not', () => {
    expect(ids(facts({ postMajorCodes: ['46'] }))).not.toContain('R-MAJOR');
    const f = evaluate(facts({ postMajorCodes: ['5102'] }), none);
    expect(f.find((x) => x.ruleId === 'R-MAJOR')!.severity).toBe('warn');
  });
});

describe('R-AGREEMENT and R-INSURANCE', () => {
  it('the agreement only matters at the start, and then all three parties must have confirmed', () => {
    expect(ids(facts({ agreementConfirmed: null }))).not.toContain('R-AGREEMENT');
    const f = evaluate(facts({ stage: 'start', agreementConfirmed: ['school', 'student'] }), none);
    const hit = f.find((x) => x.ruleId === 'R-AGREEMENT')!;
    expect(hit.severity).toBe('block');
    expect(hit.messageZh).toContain('实习单位');
    expect(ids(facts({ stage: 'start' }))).toEqual([]);
  });

  it('missing insurance warns on save and blocks at the start; a student-paid or short policy blocks', () => {
    const missing = { insurer: null, policyNo: null, start: null, end: null, paidBy: null };
    expect(
      evaluate(facts({ insurance: missing }), none).find((x) => x.ruleId === 'R-INSURANCE')!.severity,
    ).toBe('warn');
    expect(blocks(facts({ stage: 'start', insurance: missing }))).toContain('R-INSURANCE');
    const ok = facts().insurance;
    expect(blocks(facts({ insurance: { ...ok, paidBy: 'student' } }))).toContain('R-INSURANCE');
    expect(blocks(facts({ insurance: { ...ok, end: '2026-08-30' } }))).toContain('R-INSURANCE');
    expect(blocks(facts({ insurance: { ...ok, start: '2026-03-02' } }))).toContain('R-INSURANCE');
  });

  it('their severity cannot be lowered', () => {
    expect(validateSetting('R-AGREEMENT', {}, 'warn')).toEqual([
      expect.objectContaining({ path: 'severity' }),
    ]);
    const s = new Map<string, RuleSetting>([['R-AGREEMENT', { params: {}, severity: 'warn' }]]);
    expect(blocks(facts({ stage: 'start', agreementConfirmed: [] }), s)).toContain('R-AGREEMENT');
  });
});

describe('settings validation', () => {
  it('names the parameter and the rule it breaks', () => {
    expect(validateSetting('R-NOPE', {}, 'block')).toBeNull();
    expect(validateSetting('R-RATIO-HOST', { maxRatio: 0.12 }, 'warn')).toEqual([]);
    expect(validateSetting('R-RATIO-HOST', { maxRatio: 2 }, 'block')![0]!.path).toBe('params.maxRatio');
    expect(validateSetting('R-RATIO-HOST', { ratio: 0.1 }, 'block')![0]!.message).toContain('no parameter');
    expect(validateSetting('R-AGE-MIN', { minAge: 16.5 }, 'block')![0]!.message).toContain('whole number');
  });
});

describe('peakOverlap (the caps hold on every day of the period)', () => {
  it('counts the busiest day inside the window, inclusive dates', () => {
    const iv = [
      { start: '2026-03-01', end: '2026-03-31' },
      { start: '2026-03-31', end: '2026-04-30' },
      { start: '2026-04-01', end: '2026-04-30' },
    ];
    expect(peakOverlap(iv, { start: '2026-03-01', end: '2026-04-30' })).toEqual({
      count: 2,
      date: '2026-03-31',
    });
    // back to back: one ending the day before the other starts never overlap
    expect(
      peakOverlap(
        [
          { start: '2026-03-01', end: '2026-03-31' },
          { start: '2026-04-01', end: '2026-04-30' },
        ],
        { start: '2026-01-01', end: '2026-12-31' },
      ).count,
    ).toBe(1);
    // outside the window does not count
    expect(peakOverlap(iv, { start: '2026-05-01', end: '2026-05-31' }).count).toBe(0);
  });
});

describe('review fixes', () => {
  it('an unpaid position internship is refused, also when the wage is given as 0', () => {
    expect(blocks(facts({ payAmount: 0, postWage: 0 }))).toContain('R-PAY');
    expect(blocks(facts({ payAmount: 0, postWage: 5000 }))).toContain('R-PAY');
  });

  it('an observation internship also needs the three confirmations before it starts', () => {
    const f = facts({ kind: 'observation', stage: 'start', agreementConfirmed: ['school'] });
    expect(blocks(f)).toContain('R-AGREEMENT');
  });
});
