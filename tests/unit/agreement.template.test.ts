// The three-party agreement's content: built from a placement's data on the template, hashed over its
// canonical JSON (sorted keys) — the same data give the same hash, any change in the terms a new one.
import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_TEMPLATE_VERSION,
  ageOn,
  buildAgreementContent,
  canonicalJson,
  contentHashOf,
  type AgreementInput,
} from '../../server/modules/internships/agreement.template.ts';

function input(over: Partial<AgreementInput['placement']> = {}, birthDate = '2005-03-15'): AgreementInput {
  return {
    placement: {
      hostKind: 'member',
      postTitle: '数控加工实习',
      schoolMentorName: '王老师',
      enterpriseMentorName: '李师傅',
      startDate: '2026-03-01',
      endDate: '2026-08-31',
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
      intensityClass: 2,
      venueType: 'factory',
      address: '苏州市工业园区星湖街 1 号',
      guardianConsent: false,
      insurer: '中国人保',
      policyNo: 'PICC-2026-001',
      insuranceStart: '2026-03-01',
      insuranceEnd: '2026-08-31',
      premiumPaidBy: 'school',
      ...over,
    },
    plan: {
      title: '2023级数控技术岗位实习',
      kind: 'position',
      goals: '掌握数控车床操作',
      rubric: [
        { key: 'skill', label: '专业技能', weight: 60 },
        { key: 'attitude', label: '职业素养', weight: 40 },
      ],
    },
    school: { name: '苏州职业技术学院', uscc: '12320500466000000X' },
    host: { name: '苏州精工机械有限公司', uscc: '91320500MA1XXXXX0Y' },
    student: { name: '张喆', studentNo: '2023001', idCard: '320505200503150011', birthDate },
  };
}

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' }, e: undefined })).toBe(
      '{"a":{"c":"x","d":[3,1]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([{ y: null, x: '中文' }])).toBe('[{"x":"中文","y":null}]');
  });
});

describe('buildAgreementContent', () => {
  it('states the parties, period, place, work, hours, pay, insurance, safety, assessment and mentors', () => {
    const c = buildAgreementContent(input());
    expect(c.template.version).toBe(AGREEMENT_TEMPLATE_VERSION);
    expect(c.parties.school).toEqual({ role: '甲方', name: '苏州职业技术学院', uscc: '12320500466000000X' });
    expect(c.parties.host).toMatchObject({ role: '乙方', kind: 'member', uscc: '91320500MA1XXXXX0Y' });
    expect(c.parties.student.idCardMasked).toBe('3205**********0011');
    expect(c.parties.student.minor).toBe(false);
    expect(c.parties.guardian).toBeNull();
    expect(c.period).toEqual({ start: '2026-03-01', end: '2026-08-31', days: 184 });
    expect(c.place.venueTypeLabel).toBe('工厂车间');
    expect(c.hours.weeklyHours).toBe(40);
    expect(c.hours.clause).toContain('乙方不安排丙方加班、夜班、法定节假日实习');
    expect(c.pay.ratioToPostWage).toBe(80);
    expect(c.pay.clause).toContain('每月4000元');
    expect(c.pay.clause).toContain('80%');
    expect(c.insurance.clause).toContain('PICC-2026-001');
    expect(c.insurance.clause).toContain('保险费不得由丙方承担');
    expect(c.safety.intensityClass).toBe(2);
    expect(c.safety.clause).toContain('Ⅱ级');
    expect(c.assessment.rubric).toHaveLength(2);
    expect(c.assessment.clause).toContain('专业技能60%');
    expect(c.mentors).toEqual({ school: { name: '王老师' }, enterprise: { name: '李师傅' } });
    expect(c.breach.clause.length).toBeGreaterThan(50);
  });

  it('adds the guardian for a student under 18 on the first day', () => {
    expect(ageOn('2008-03-02', '2026-03-01')).toBe(17);
    expect(ageOn('2008-03-01', '2026-03-01')).toBe(18);
    const c = buildAgreementContent(input({ guardianConsent: true }, '2008-03-02'));
    expect(c.parties.student.minor).toBe(true);
    expect(c.parties.guardian).toMatchObject({ consentOnFile: true });
  });

  it('names night shifts, holidays and overtime only with the filed exemption', () => {
    const withRef = buildAgreementContent(input({ nightShifts: true, exemptionRef: '苏教备〔2026〕3号' }));
    expect(withRef.hours.clause).toContain('苏教备〔2026〕3号');
    expect(withRef.hours.clause).toContain('乙方可安排丙方夜班');
    expect(withRef.hours.clause).toContain('乙方不安排丙方加班、法定节假日实习');
    const without = buildAgreementContent(input({ overtime: true }));
    expect(without.hours.clause).toContain('未见备案');
  });

  it('tolerates a malformed rubric', () => {
    const i = input();
    i.plan.rubric = { not: 'a list' };
    const c = buildAgreementContent(i);
    expect(c.assessment.rubric).toEqual([]);
    expect(c.assessment.clause).toContain('以实习计划为准');
  });
});

describe('contentHashOf', () => {
  it('gives the same hash for the same data, whatever the key order', () => {
    const a = buildAgreementContent(input());
    const b = buildAgreementContent(input());
    expect(contentHashOf(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHashOf(a)).toBe(contentHashOf(b));
    // the same content after a round trip through JSON with keys reversed (as a database may return it)
    const reversed = JSON.parse(
      JSON.stringify(a, (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse())
          : v,
      ),
    ) as unknown;
    expect(contentHashOf(reversed)).toBe(contentHashOf(a));
  });

  it('changes when the pay, the hours or a party changes', () => {
    const base = contentHashOf(buildAgreementContent(input()));
    expect(contentHashOf(buildAgreementContent(input({ payAmount: 4200 })))).not.toBe(base);
    expect(contentHashOf(buildAgreementContent(input({ dailyHours: 7.5 })))).not.toBe(base);
    const other = input();
    other.host = { name: '另一家公司', uscc: other.host.uscc };
    expect(contentHashOf(buildAgreementContent(other))).not.toBe(base);
  });
});
