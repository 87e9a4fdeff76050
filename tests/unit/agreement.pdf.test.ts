// The agreement PDF: a real PDF with the Chinese font embedded (a subset), the hash and version in it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAgreementPdf } from '../../server/modules/internships/agreement.pdf.ts';
import { buildAgreementContent, contentHashOf } from '../../server/modules/internships/agreement.template.ts';

const content = buildAgreementContent({
  placement: {
    hostKind: 'external',
    postTitle: '电气装配实习',
    schoolMentorName: '王老师',
    enterpriseMentorName: '赵工',
    startDate: '2026-03-01',
    endDate: '2026-06-30',
    dailyHours: 8,
    daysPerWeek: 5,
    nightShifts: false,
    holidayWork: false,
    overtime: false,
    hazardousWork: false,
    exemptionRef: null,
    payAmount: 3800,
    postWage: 4500,
    payChannel: 'bank_to_student',
    payFrequency: 'monthly',
    intensityClass: 1,
    venueType: 'factory',
    address: '无锡市新吴区长江路 8 号',
    guardianConsent: true,
    insurer: '中国平安',
    policyNo: 'PA-001',
    insuranceStart: '2026-03-01',
    insuranceEnd: '2026-06-30',
    premiumPaidBy: 'host',
  },
  plan: { title: '岗位实习计划', kind: 'position', goals: null, rubric: [] },
  school: { name: '无锡职业技术学院', uscc: null },
  host: { name: '无锡电气有限公司', uscc: '91320214MA1XXXXX0Y' },
  student: { name: '李堃', studentNo: null, idCard: '320214200809010012', birthDate: '2008-09-01' },
});
const hash = contentHashOf(content);

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('renderAgreementPdf', () => {
  it('renders the agreement with the CJK font embedded and the hash in the document', async () => {
    const pdf = await renderAgreementPdf({
      content,
      version: 2,
      current: true,
      contentHash: hash,
      generatedAt: '2026-02-20T02:00:00.000Z',
      confirmations: [
        {
          party: 'host',
          partyLabel: '乙方（实习单位）',
          userName: '王老师',
          confirmedAt: '2026-02-21T03:04:00.000Z',
          contentHash: hash,
          onBehalfNote: '纸质协议已盖章，扫描件存档',
        },
      ],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(raw).toContain('/FontFile3');
    expect(raw).toContain(`sha256:${hash}`);
  });

  it.skipIf(!hasPdftotext())('reads back as Chinese text (when pdftotext is installed)', async () => {
    const pdf = await renderAgreementPdf({
      content,
      version: 1,
      current: false,
      contentHash: hash,
      generatedAt: '2026-02-20T02:00:00.000Z',
      confirmations: [],
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-')), 'a.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('职业学校学生实习三方协议');
    expect(text).toContain('李堃');
    expect(text).toContain('待确认');
    expect(text).toContain('历史版本');
    expect(text).toContain(hash.slice(0, 16));
  });
});
