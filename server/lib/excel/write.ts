// Writing tables (exports) and import templates from the same column definitions readTable uses.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellKind, Column } from './columns.ts';
import { encodeCsv, guardCsvText } from './csv.ts';
import { numberText } from './cells.ts';

const numFmtOf: Record<CellKind, string | undefined> = {
  text: '@',
  number: undefined,
  date: 'yyyy-mm-dd',
  boolean: '@',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

function widthOf<Row>(c: Column<Row>): number {
  if (c.width !== undefined) return c.width;
  // a Chinese character is about two Latin widths
  const headerWidth = [...c.header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) + 4;
  const byKind = c.kind === 'date' ? 12 : c.kind === 'number' ? 10 : 16;
  return Math.min(60, Math.max(headerWidth, byKind));
}

/**
 * 'YYYY-MM-DD' → a UTC-midnight Date (how exceljs reads and writes Excel dates). Excel has no dates
 * before 1900-03-01 (its serial 60 is the phantom 1900-02-29): those, and other strings, stay text.
 */
function dateCell(v: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m && v >= '1900-03-01' ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : v;
}

function cellValue(kind: CellKind, v: string | number | null): ExcelJS.CellValue {
  if (v === null) return null;
  if (kind === 'date' && typeof v === 'string') return dateCell(v);
  if (kind === 'number') return v;
  return typeof v === 'number' ? numberText(v) : v;
}

function headerText<Row>(c: Column<Row>, headers: 'zh' | 'en'): string {
  return headers === 'en' ? c.headerEn : c.header;
}

async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The header row and column formats; `wb` is an in-memory workbook or a streaming writer. */
function addDataSheet<Row>(
  wb: ExcelJS.Workbook,
  columns: readonly Column<Row>[],
  sheetName: string,
  headers: (c: Column<Row>) => string,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widthOf(c);
    const fmt = numFmtOf[c.kind ?? 'text'];
    if (fmt) col.numFmt = fmt;
  });
  const head = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = headers(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  return ws;
}

export type WriteOptions = {
  format: 'xlsx' | 'csv';
  /** xlsx sheet name, default '数据' */
  sheetName?: string;
  /** header language, default 'zh' (readTable accepts either) */
  headers?: 'zh' | 'en';
};

/** An export: one header row and one row per record. */
export async function writeTable<Row>(
  columns: readonly Column<Row>[],
  rows: Iterable<Row>,
  opts: WriteOptions,
): Promise<Buffer> {
  const lang = opts.headers ?? 'zh';
  // `format` is typed by the column's own key; calling it through the union needs one widening cast
  const formatted = (c: Column<Row>, row: Row) =>
    (c.format as (v: unknown) => string | number | null)(row[c.key as keyof Row]);

  if (opts.format === 'csv') {
    const records: string[][] = [columns.map((c) => headerText(c, lang))];
    for (const row of rows) {
      records.push(
        columns.map((c) => {
          const v = formatted(c, row);
          if (v === null) return '';
          return typeof v === 'number' ? numberText(v) : guardCsvText(v);
        }),
      );
    }
    return encodeCsv(records);
  }

  // the streaming writer: exports are the big files (up to the import limit), and it is several times
  // faster than building the workbook in memory
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const ws = addDataSheet(wb, columns, opts.sheetName ?? '数据', (c) => headerText(c, lang));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  ws.getRow(1).commit();
  let r = 2;
  for (const row of rows) {
    const xrow = ws.getRow(r++);
    columns.forEach((c, i) => {
      const v = cellValue(c.kind ?? 'text', formatted(c, row));
      if (v !== null) xrow.getCell(i + 1).value = v;
    });
    xrow.commit();
  }
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

export type TemplateOptions = {
  /** the data sheet's name, default '数据' */
  sheetName?: string;
  /** how many rows below the header get the drop-downs of fixed choices (default 2,000) */
  dropDownRows?: number;
};

function ruleText<Row>(c: Column<Row>): string {
  return [c.hint, c.note].filter(Boolean).join('；');
}

/**
 * An import template: the data sheet has only the header row (required headers start with `*` and are
 * red; each header has a note with the rule and an example; drop-downs for fixed choices), and a second
 * sheet 说明 lists every column. Filled in and uploaded, it imports cleanly.
 */
export async function writeTemplate<Row>(
  columns: readonly Column<Row>[],
  opts: TemplateOptions = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = addDataSheet(wb, columns, opts.sheetName ?? '数据', (c) =>
    c.required ? `*${c.header}` : c.header,
  );
  const lastRow = 1 + (opts.dropDownRows ?? 2000);
  const head = ws.getRow(1);
  // worksheet.dataValidations is public in exceljs but missing from its typings
  const validations = (
    ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    const lines = [
      `${c.header}（${c.headerEn}）${c.required ? '：必填' : '：选填'}`,
      ruleText(c),
      c.example ? `示例：${c.example}` : '',
    ].filter(Boolean);
    cell.note = lines.join('\n');
    const options = c.options;
    const list = options ? `"${options.join(',')}"` : '';
    if (options && options.length > 0 && list.length <= 255 && !options.some((o) => /[,"]/.test(o))) {
      const letter = ws.getColumn(i + 1).letter;
      validations.add(`${letter}2:${letter}${lastRow}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [list],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择：${options.join('、')}`,
      });
    }
  });

  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列名', width: 20 },
    { header: '英文名', width: 22 },
    { header: '是否必填', width: 10 },
    { header: '填写要求', width: 50 },
    { header: '示例', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    help.addRow([c.header, c.headerEn, c.required ? '必填' : '选填', ruleText(c), c.example ?? '']);
  }
  help.addRow([]);
  for (const line of [
    `1. 在“${ws.name}”工作表第 2 行起逐行填写，每行一条记录；不要修改或删除表头。`,
    '2. 表头带 * 的列为必填。',
    '3. 编码、证件号等列已设为文本格式，请勿改为数字格式，以免丢失开头的 0 或末尾数字。',
    '4. 导入时整表校验：任何一行有误都不会导入，请按错误报告修改后重新上传。',
  ]) {
    help.addRow([line]);
  }
  help.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  return xlsxBuffer(wb);
}
