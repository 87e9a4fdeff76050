// The agreement as a PDF: the stored content of one version laid out as the paper agreement, each
// party's confirmation (or 待确认), and the version and content hash in every page's footer. The Chinese
// text is set in Noto Sans (SIL OFL 1.1, from an npm package), embedded as a subset of the glyphs used.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { AgreementContent } from './agreement.template.ts';
import type { AgreementParty } from './internships.enums.ts';

export type PdfConfirmation = {
  party: AgreementParty;
  partyLabel: string;
  userName: string;
  confirmedAt: string;
  contentHash: string;
  onBehalfNote: string | null;
};

export type AgreementPdfInput = {
  content: AgreementContent;
  version: number;
  current: boolean;
  contentHash: string;
  generatedAt: string;
  confirmations: PdfConfirmation[];
};

// ---------------------------------------------------------------------------------------------------
// Fonts: read once from the installed font package (nothing is fetched at run time)

let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    // the package exports only its metadata module; the font files sit in its fonts/ folder
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    const dir = path.resolve(path.dirname(entry), '..', 'fonts');
    fonts = {
      regular: fs.readFileSync(path.join(dir, 'NotoSansHans-Regular.otf')),
      bold: fs.readFileSync(path.join(dir, 'NotoSansHans-Bold.otf')),
    };
  }
  return fonts;
}

// ---------------------------------------------------------------------------------------------------
// Layout

const chinaTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** An ISO time as Beijing time, YYYY-MM-DD HH:mm. */
export function beijingTime(iso: string): string {
  return chinaTime.format(new Date(iso));
}

const partyOrder: { party: AgreementParty; label: string }[] = [
  { party: 'school', label: '甲方（学校）' },
  { party: 'host', label: '乙方（实习单位）' },
  { party: 'student', label: '丙方（学生）' },
];

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const orNone = (v: string | null | undefined, none = '（未填写）') => (v && v.length > 0 ? v : none);

const PREAMBLE =
  '为规范学生实习管理，保障学生、学校和实习单位的合法权益，甲、乙、丙三方依据国家关于职业学校学生实习管理的有关规定，在平等自愿、协商一致的基础上，订立本协议，共同遵守。';

export function renderAgreementPdf(a: AgreementPdfInput): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const c = a.content;
  const margin = 56;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, left: margin, right: margin, bottom: 72 },
    bufferPages: true,
    info: {
      Title: `${c.template.title}（第${a.version}版）`,
      Subject: `${c.parties.student.name} · ${c.parties.host.name} · ${c.work.postTitle}`,
      Keywords: `sha256:${a.contentHash} version:${a.version} template:${c.template.id}@${c.template.version}`,
      Creator: 'Chanjiao',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);

  const width = doc.page.width - margin * 2;
  const para = (text: string, opts: { size?: number; gap?: number; indent?: boolean } = {}) => {
    doc
      .font('body')
      .fontSize(opts.size ?? 10.5)
      .fillColor('#000000')
      .text(text, margin, doc.y, {
        width,
        lineGap: 3,
        ...(opts.indent === false ? {} : { indent: 21 }),
      });
    doc.moveDown(opts.gap ?? 0.3);
  };
  const field = (label: string, value: string) => {
    doc.font('bold').fontSize(10.5).fillColor('#000000').text(`${label}：`, margin, doc.y, {
      continued: true,
      lineGap: 3,
      width,
    });
    doc.font('body').text(value, { lineGap: 3 });
  };
  let section = 0;
  const heading = (title: string) => {
    if (doc.y > doc.page.maxY() - 60) doc.addPage();
    doc.moveDown(0.4);
    doc
      .font('bold')
      .fontSize(12)
      .fillColor('#000000')
      .text(`${numerals[section++] ?? String(section)}、${title}`, margin, doc.y, { width });
    doc.moveDown(0.3);
  };

  // title
  doc.font('bold').fontSize(18).text(c.template.title, margin, doc.y, { width, align: 'center' });
  doc.moveDown(0.2);
  doc
    .font('body')
    .fontSize(9)
    .fillColor('#555555')
    .text(
      `（${c.kindLabel}） 第 ${a.version} 版 · 生成于 ${beijingTime(a.generatedAt)} · 模板 ${c.template.version}${a.current ? '' : ' · 历史版本，已被新版本取代'}`,
      { width, align: 'center' },
    );
  doc.moveDown(1);

  // parties
  const { school, host, student, guardian } = c.parties;
  field(
    `${school.role}（学校）`,
    `${school.name}${school.uscc ? `（统一社会信用代码：${school.uscc}）` : ''}`,
  );
  field(
    `${host.role}（实习单位）`,
    `${host.name}${host.uscc ? `（统一社会信用代码：${host.uscc}）` : ''}${host.kind === 'external' ? '〔联合体外实习单位〕' : ''}`,
  );
  field(
    `${student.role}（学生）`,
    `${student.name}\u3000学号：${orNone(student.studentNo)}\u3000公民身份号码：${student.idCardMasked}`,
  );
  if (guardian) {
    field(
      '丙方监护人',
      `丙方未满十八周岁；监护人知情同意书：${guardian.consentOnFile ? '已提交' : '未提交'}`,
    );
  }
  doc.moveDown(0.5);
  para(PREAMBLE);

  heading('实习期间与地点');
  para(
    `实习类型为${c.kindLabel}。实习期间自 ${c.period.start} 起至 ${c.period.end} 止，共 ${c.period.days} 天。实习地点：${orNone(c.place.address)}；场所类型：${c.place.venueTypeLabel}。`,
  );

  heading('实习岗位与内容');
  para(
    `丙方在乙方“${c.work.postTitle}”岗位实习，按甲方实习计划“${c.work.planTitle}”组织实施。${c.work.goals ? `实习目标：${c.work.goals}` : ''}`,
  );

  heading('实习时间');
  para(c.hours.clause);

  heading('实习报酬');
  para(c.pay.clause);
  para(c.pay.feesClause);

  heading('实习责任保险');
  para(c.insurance.clause);

  heading('安全与劳动保护');
  para(c.safety.clause);

  heading('实习指导');
  para(
    `甲方指导教师：${c.mentors.school.name}；乙方实习指导人员：${c.mentors.enterprise.name}。双方指导人员共同负责丙方的实习指导、日志审阅与过程管理，及时沟通丙方的实习情况。`,
  );

  heading('实习考核');
  para(c.assessment.clause);

  heading('违约责任与争议解决');
  para(c.breach.clause);

  heading('协议效力');
  para(c.effect.clause);
  if (guardian) para(guardian.clause);

  // confirmations
  heading('三方确认');
  const cols = [
    { title: '协议方', w: 96 },
    { title: '确认人', w: 110 },
    { title: '确认时间（北京时间）', w: 116 },
    { title: '所确认内容摘要', w: width - 96 - 110 - 116 },
  ];
  const row = (cells: string[], font: 'body' | 'bold', color = '#000000') => {
    doc.font(font).fontSize(10);
    const h = Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: cols[i]!.w - 6 }))) + 8;
    if (doc.y + h > doc.page.maxY()) doc.addPage();
    const top = doc.y;
    let x = margin;
    cells.forEach((t, i) => {
      doc.fillColor(color).text(t, x + 3, top + 4, { width: cols[i]!.w - 6 });
      x += cols[i]!.w;
    });
    doc
      .moveTo(margin, top + h)
      .lineTo(margin + width, top + h)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.x = margin;
    doc.y = top + h;
  };
  doc
    .moveTo(margin, doc.y)
    .lineTo(margin + width, doc.y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  row(
    cols.map((col) => col.title),
    'bold',
  );
  for (const { party, label } of partyOrder) {
    const conf = a.confirmations.find((x) => x.party === party);
    if (conf) {
      row(
        [
          label,
          conf.onBehalfNote ? `${conf.userName}（学校代为登记）` : conf.userName,
          beijingTime(conf.confirmedAt),
          `SHA-256 ${conf.contentHash.slice(0, 16)}…`,
        ],
        'body',
      );
    } else {
      row([label, '待确认', '—', '—'], 'body', '#aa0000');
    }
  }
  doc.moveDown(0.5);
  for (const conf of a.confirmations.filter((x) => x.onBehalfNote)) {
    para(`${conf.partyLabel}的确认由学校工作人员代为登记，说明：${conf.onBehalfNote}`, {
      size: 9,
      indent: false,
    });
  }
  para(
    `本协议内容摘要（SHA-256，按键名排序的规范 JSON 计算）：${a.contentHash}。任何一方可凭此摘要核对所确认的协议内容与本文本一致。`,
    { size: 9, indent: false },
  );

  // footer on every page
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#666666')
      .text(
        `三方协议第 ${a.version} 版 · SHA-256 ${a.contentHash} · 第 ${i + 1 - range.start} / ${range.count} 页`,
        margin,
        doc.page.height - 44,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
