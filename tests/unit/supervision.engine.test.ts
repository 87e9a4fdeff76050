// The supervision detectors and the assessment arithmetic (pure, no database).
import { describe, expect, it } from 'vitest';
import {
  addDays,
  agreementAlert,
  bandsOf,
  capAlert,
  daysBetween,
  findNearDuplicates,
  finalResult,
  gradeOf,
  insuranceAlert,
  logSignature,
  matchesByDoc,
  mentorScoreIssues,
  nearDuplicateCandidates,
  neverCosigned,
  normaliseLogText,
  overdueLog,
  peakConcurrent,
  rubricProblems,
  networkOf,
  sharedSources,
  SIGNATURE_LENGTH,
  studentRatingIssues,
  studentRatingTotal,
  weightedTotal,
  type SubmissionTrace,
} from '../../server/engine/supervision/index.ts';

const base =
  '2026年3月2日至3月8日，本周我在数控车间跟随李师傅学习数控车床的操作规程。周一参加了车间的安全教育培训，' +
  '了解了劳动防护用品的正确佩戴方法和紧急停机按钮的位置。周二到周四在师傅指导下练习对刀、装夹工件和编写简单的加工程序，' +
  '加工了三批轴类零件，其中第一批有两件尺寸超差，师傅帮我分析了原因是刀具磨损没有及时补偿。周五参加了班组的质量分析会，' +
  '学习了首件检验和巡检的要求。下周计划学习螺纹加工和使用三坐标测量仪检测零件。';

// distinct, realistic logs on other work
const others = [
  '本周在酒店前厅部实习，主要学习前台接待流程。跟随主管学习了入住登记、退房结账和客史档案的维护，' +
    '处理了一起客人对房型不满意的投诉，主管教我先倾听再给出换房方案。还参加了消防演练，熟悉了疏散通道。下周将轮岗到礼宾部。',
  '这两周在物流公司仓储部实习，学习了仓库管理系统的入库、出库和盘点操作。每天早上核对到货单与实物，' +
    '发现一次供应商少发了两箱货物并及时上报。学会了使用手持终端扫码和叉车作业的安全距离要求，体会到细节决定效率。',
  '本周在汽车维修车间实习，协助师傅完成了五台车辆的常规保养，包括更换机油机滤、检查刹车片厚度和轮胎气压。' +
    '学习了故障诊断仪的使用方法，读取并分析了一辆车的发动机故障码，最终发现是氧传感器损坏。下周学习变速箱维护。',
  '实习第三周，我在电子厂的贴片线学习锡膏印刷和回流焊工艺。工程师讲解了炉温曲线的设定原则，' +
    '我参与了一次首件确认，用放大镜检查焊点是否存在虚焊和连锡。还整理了本线体的作业指导书，把不清楚的步骤拍照补充说明。',
  '本周在幼儿园跟班实习，协助主班老师组织晨间活动和区域游戏，观察记录了三名幼儿的社会性发展情况。' +
    '学习了如何与家长沟通孩子在园表现，参与设计了一次关于垃圾分类的主题活动，孩子们兴趣很高，我也学到了活动组织的节奏把控。',
];

describe('normalising log text', () => {
  it('drops dates, digits, spaces and punctuation and folds full width', () => {
    expect(normaliseLogText('2026年3月5日 周一：学习ＡＢＣ，完成 12 件！')).toBe('学习abc完成件');
    expect(normaliseLogText('2026-03-05 学习')).toBe(normaliseLogText('2026/3/9学习'));
    expect(normaliseLogText('三月五日学习')).toBe('学习');
  });
});

describe('near-duplicate logs', () => {
  it('finds planted copies with light edits across students and leaves distinct logs alone', () => {
    const editedDate = base.replace('2026年3月2日至3月8日', '2026年3月9日至3月15日');
    const swappedWord = base.replace('数控车床', '数控铣床').replace('三批', '四批');
    const docs = [
      { id: 'orig', ownerId: 's1', text: base },
      { id: 'date', ownerId: 's2', text: editedDate },
      { id: 'word', ownerId: 's3', text: swappedWord },
      ...others.map((text, i) => ({ id: `o${i}`, ownerId: `x${i}`, text })),
    ];
    const found = findNearDuplicates(docs);
    const pairs = found.map((m) => [m.a, m.b].sort().join('+')).sort();
    expect(pairs).toEqual(['date+orig', 'date+word', 'orig+word']);
    for (const m of found) expect(m.similarity).toBeGreaterThanOrEqual(0.8);
    expect(found.find((m) => [m.a, m.b].includes('date') && [m.a, m.b].includes('orig'))!.similarity).toBe(1);
    const byDoc = matchesByDoc(found);
    expect(byDoc.get('orig')!.map((x) => x.id)).toEqual(['date', 'word']);
    expect(byDoc.has('o0')).toBe(false);
  });

  it('never pairs a student with their own logs', () => {
    const found = findNearDuplicates([
      { id: 'a', ownerId: 's1', text: base },
      { id: 'b', ownerId: 's1', text: base },
    ]);
    expect(found).toEqual([]);
  });

  it('only pairs the focus documents when asked (the incremental check)', () => {
    const docs = ['a', 'b', 'c'].map((id, i) => ({ id, ownerId: `s${i}`, signature: logSignature(base) }));
    expect(nearDuplicateCandidates(docs).length).toBe(3);
    expect(nearDuplicateCandidates(docs, { focusIds: new Set(['c']) }).map((p) => p.sort().join())).toEqual([
      'a,c',
      'b,c',
    ]);
  });

  it('keeps signatures stable and sized for the bands', () => {
    const sig = logSignature(base);
    expect(sig).toHaveLength(SIGNATURE_LENGTH);
    expect(logSignature(base)).toEqual(sig);
    expect(sig.every((v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31)).toBe(true);
    const bands = bandsOf(sig);
    expect(bands).toHaveLength(24);
    expect(bands[1]).toMatchObject({ from: 6, to: 10 });
  });

  it('scales past all-pairs: 20 000 distinct logs in well under the all-pairs cost', () => {
    const words =
      '车间师傅学习操作安全质量检验设备维护零件加工工艺流程记录分析问题改进培训客户服务仓储物流'.split('');
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed / 2 ** 32);
    const docs = Array.from({ length: 20_000 }, (_, i) => ({
      id: `d${i}`,
      ownerId: `s${i}`,
      signature: logSignature(
        Array.from({ length: 120 }, () => words[Math.floor(rnd() * words.length)]).join(''),
      ),
    }));
    const started = Date.now();
    const candidates = nearDuplicateCandidates(docs);
    expect(Date.now() - started).toBeLessThan(20_000);
    // random texts over a small alphabet still share few bands
    expect(candidates.length).toBeLessThan(20_000);
  });
});

describe('shared devices and IPs', () => {
  const trace = (i: number, over: Partial<SubmissionTrace> = {}): SubmissionTrace => ({
    logId: `l${i}`,
    placementId: `p${i}`,
    studentId: `s${i}`,
    deviceId: null,
    ip: null,
    day: '2026-03-05',
    ...over,
  });

  it('flags a device from the third student, not the second', () => {
    const two = [
      trace(1, { deviceId: 'D' }),
      trace(2, { deviceId: 'D' }),
      trace(3, { deviceId: 'D', studentId: 's1' }),
    ];
    expect(sharedSources(two)).toEqual([]);
    const three = [...two, trace(4, { deviceId: 'D' })];
    const found = sharedSources(three);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ by: 'device', key: 'D', studentIds: ['s1', 's2', 's4'] });
    expect(sharedSources(three, { minStudentsPerDevice: 4 })).toEqual([]);
  });

  it('flags an IP from the eighth student on one day, counting days apart', () => {
    const seven = Array.from({ length: 7 }, (_, i) => trace(i, { ip: '10.0.0.1' }));
    expect(sharedSources(seven)).toEqual([]);
    expect(sharedSources([...seven, trace(8, { ip: '10.0.0.1', day: '2026-03-06' })])).toEqual([]);
    const eight = [...seven, trace(8, { ip: '10.0.0.1' })];
    expect(sharedSources(eight)).toEqual([
      expect.objectContaining({ by: 'ip', key: '10.0.0.1', day: '2026-03-05' }),
    ]);
    expect(sharedSources(eight, { minStudentsPerIpPerDay: 9 })).toEqual([]);
  });
});

describe('missing logs', () => {
  const p = { startDate: '2026-03-01', endDate: '2026-08-31', cadenceDays: 14, lastLogEnd: '2026-03-14' };

  it('is on time at exactly cadence + grace days and overdue one day later', () => {
    expect(overdueLog(p, addDays('2026-03-14', 17))).toBeNull();
    expect(overdueLog(p, addDays('2026-03-14', 18))).toEqual({
      since: '2026-03-14',
      daysSince: 18,
      dueBy: '2026-03-31',
      daysOverdue: 1,
    });
  });

  it('counts from the start before the first log, and not before the start or after the last period', () => {
    const none = { ...p, lastLogEnd: null };
    expect(overdueLog(none, '2026-03-18')).toBeNull();
    expect(overdueLog(none, '2026-03-19')?.since).toBe('2026-03-01');
    expect(overdueLog(none, '2026-02-01')).toBeNull();
    expect(overdueLog({ ...p, lastLogEnd: '2026-08-31' }, '2026-12-01')).toBeNull();
    expect(overdueLog(p, '2026-04-01', 0)?.daysOverdue).toBe(4);
  });
});

describe('never co-signed', () => {
  it('needs two logs older than 14 days, none co-signed', () => {
    const today = '2026-04-30';
    const old = (id: string, d: string, cosigned = false) => ({ id, submittedOn: d, cosigned });
    expect(neverCosigned([old('a', '2026-04-01'), old('b', '2026-04-16')], today)).toBeNull();
    expect(neverCosigned([old('a', '2026-04-01'), old('b', '2026-04-15')], today)).toEqual({
      logIds: ['a', 'b'],
      oldest: '2026-04-01',
    });
    expect(neverCosigned([old('a', '2026-04-01'), old('b', '2026-04-15', true)], today)).toBeNull();
  });
});

describe('grades and scores', () => {
  it('bands the final score', () => {
    expect([100, 90, 89.99, 80, 79.5, 70, 60, 59.99, 0].map(gradeOf)).toEqual([
      '优秀',
      '优秀',
      '良好',
      '良好',
      '中等',
      '中等',
      '及格',
      '不及格',
      '不及格',
    ]);
    expect(finalResult(92, 85)).toEqual({ score: 88.5, grade: '良好' });
  });

  it('weights the rubric and names missing or extra keys', () => {
    const rubric = [
      { key: 'skill', label: '专业技能', weight: 60 },
      { key: 'attitude', label: '职业素养', weight: 40 },
    ];
    expect(rubricProblems(rubric)).toEqual([]);
    expect(rubricProblems([{ key: 'a', label: 'A', weight: 50 }])).toEqual([
      'rubric weights sum to 50, not 100',
    ]);
    expect(weightedTotal(rubric, { skill: 90, attitude: 75 })).toBe(84);
    expect(
      mentorScoreIssues(rubric, { skill: 90, extra: 1, attitude: 101 }).map((i) => [i.path, i.code]),
    ).toEqual([
      ['body.scores.attitude', 'OUT_OF_RANGE'],
      ['body.scores.extra', 'UNKNOWN_KEY'],
    ]);
    expect(mentorScoreIssues(rubric, { skill: 90 })[0]).toMatchObject({
      path: 'body.scores.attitude',
      code: 'MISSING_KEY',
    });
  });

  it("takes the mean of a student's four ratings, each 1–5", () => {
    expect(studentRatingTotal({ overall: 5, guidance: 4, safety: 5, learning: 3 })).toBe(4.25);
    expect(studentRatingIssues({ overall: 6, guidance: 4, safety: 2.5 }).map((i) => i.code)).toEqual([
      'OUT_OF_RANGE',
      'OUT_OF_RANGE',
      'MISSING_KEY',
    ]);
  });
});

describe('alert arithmetic', () => {
  it('warns of insurance ending within 14 days while the placement goes on', () => {
    const p = { status: 'active', endDate: '2026-08-31', insuranceEnd: '2026-03-15' };
    expect(insuranceAlert(p, '2026-02-28')).toBeNull();
    expect(insuranceAlert(p, '2026-03-01')).toEqual({ severity: 'warn', daysLeft: 14, state: 'expiring' });
    expect(insuranceAlert(p, '2026-03-16')).toMatchObject({ severity: 'high', state: 'expired' });
    expect(insuranceAlert({ ...p, insuranceEnd: '2026-08-31' }, '2026-08-20')).toBeNull();
    expect(insuranceAlert({ ...p, insuranceEnd: null }, '2026-03-01')).toMatchObject({ state: 'missing' });
  });

  it('warns of an unconfirmed agreement from 7 days before the start', () => {
    const p = { status: 'pending', startDate: '2026-03-10' };
    expect(agreementAlert(p, new Set(), '2026-03-02')).toBeNull();
    expect(agreementAlert(p, new Set(['school']), '2026-03-03')).toEqual({
      severity: 'warn',
      missing: ['host', 'student'],
      daysToStart: 7,
    });
    expect(agreementAlert(p, new Set(['school', 'host', 'student']), '2026-03-03')).toBeNull();
    expect(agreementAlert(p, new Set(), '2026-03-10')?.severity).toBe('high');
  });

  it("counts a host's peak interns from today on and alerts at 90% of the cap", () => {
    const iv = (start: string, end: string) => ({ start, end });
    const intervals = [
      iv('2026-01-01', '2026-03-31'),
      iv('2026-03-01', '2026-06-30'),
      iv('2026-04-01', '2026-06-30'),
    ];
    expect(peakConcurrent(intervals, '2026-02-01')).toEqual({ peak: 2, on: '2026-03-01' });
    expect(peakConcurrent(intervals, '2026-07-01')).toEqual({ peak: 0, on: null });
    expect(
      peakConcurrent([iv('2026-03-01', '2026-03-01'), iv('2026-03-02', '2026-03-05')], '2026-01-01').peak,
    ).toBe(1);
    expect(capAlert(100, 8)).toBeNull();
    expect(capAlert(100, 9)).toEqual({ cap: 10, severity: 'warn', usedShare: 0.9 });
    expect(capAlert(100, 11)?.severity).toBe('high');
    expect(capAlert(5, 1)).toEqual({ cap: 0, severity: 'high', usedShare: null });
    expect(capAlert(5, 0)).toBeNull();
  });

  it('does calendar arithmetic in whole days', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('what a shared-IP flag shows', () => {
  it('the network, not the address', () => {
    expect(networkOf('10.20.3.4')).toBe('10.20.3.*');
    expect(networkOf('2001:db8:85a3:1:8a2e:370:7334:1')).toBe('2001:db8:85a3:1::*');
  });
});
