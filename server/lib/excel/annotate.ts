// The downloadable error report: a copy of the uploaded file with every bad cell filled light red and a
// note carrying its message(s), plus a sheet 错误报告 listing { 行, 列, 错误代码, 说明 }.
import ExcelJS from 'exceljs';
import { decodeCsv, parseCsv, unguardCsvField } from './csv.ts';
import { loadWorkbook, normaliseHeader, pickSheet, type RowError } from './read.ts';
import { readCell } from './cells.ts';

export const ERROR_SHEET = '错误报告';
/** Excel's own "light red fill" */
const ERROR_ARGB = 'FFFFC7CE';
const NOTE_MARK = '【导入错误】';

export type AnnotateOptions = {
  /** xlsx: the sheet that was read (as in readTable) */
  sheet?: string | number;
  headerRow?: number;
  /** csv: the data sheet's name in the produced workbook, default '数据' */
  sheetName?: string;
  delimiter?: string;
};

function messageOf(e: RowError): string {
  return `${e.messageZh ?? e.message}（${e.code}）`;
}

/**
 * Cells loaded from a file share one style object per style id, so `cell.fill = …` would paint every
 * cell of that style: each marked cell gets its own copy first.
 */
function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style };
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note;
  if (note === undefined || note === null) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}

/** Removes our marks from an earlier report, so a corrected and re-uploaded file is annotated afresh. */
function clearOldMarks(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (!noteText(cell).startsWith(NOTE_MARK)) return;
      // exceljs has no public way to drop a note: forget it, and re-set the value, whose loaded model
      // still carries the comment (exceljs is pinned; the unit tests cover this)
      delete (cell as unknown as { _comment?: unknown })._comment;
      const value = cell.value;
      cell.value = value;
      const fill = cell.fill;
      if (fill?.type === 'pattern' && fill.fgColor?.argb === ERROR_ARGB) {
        ownStyle(cell);
        delete cell.style.fill;
      }
    });
  });
}

async function workbookOfCsv(bytes: Buffer | Uint8Array, opts: AnnotateOptions) {
  const { text } = decodeCsv(bytes);
  const { records } = parseCsv(text, opts.delimiter);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? '数据');
  const width = records.reduce((w, r) => Math.max(w, r.length), 0);
  for (let c = 1; c <= width; c++) {
    ws.getColumn(c).numFmt = '@';
    ws.getColumn(c).width = 16;
  }
  records.forEach((fields, i) => {
    const row = ws.getRow(i + 1);
    fields.forEach((f, j) => {
      const v = unguardCsvField(f);
      if (v !== '') row.getCell(j + 1).value = v;
    });
  });
  const headerRow = opts.headerRow ?? 1;
  ws.getRow(headerRow).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  return { wb, ws };
}

/**
 * An xlsx copy of the uploaded file (xlsx or csv) with the errors marked. Errors of the whole file
 * (row 0) and of columns the file lacks appear in the 错误报告 sheet only. Throws when the original
 * cannot be read (it could not have produced cell errors then).
 */
export async function annotateErrors(
  original: Buffer | Uint8Array,
  format: 'xlsx' | 'csv',
  errors: readonly RowError[],
  opts: AnnotateOptions = {},
): Promise<Buffer> {
  const headerRow = opts.headerRow ?? 1;
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet | undefined;
  if (format === 'csv') {
    ({ wb, ws } = await workbookOfCsv(original, opts));
  } else {
    const loaded = await loadWorkbook(original);
    if (!(loaded instanceof ExcelJS.Workbook)) throw new Error(`annotateErrors: ${loaded.message}`);
    wb = loaded;
    ws = pickSheet(wb, opts.sheet);
    const old = wb.getWorksheet(ERROR_SHEET);
    if (old) wb.removeWorksheet(old.id);
  }
  if (!ws) throw new Error('annotateErrors: the sheet that was read is not in the workbook');
  clearOldMarks(ws);

  // header text (as read) → column number
  const columnOf = new Map<string, number>();
  const byNormal = new Map<string, number>();
  ws.findRow(headerRow)?.eachCell((cell, col) => {
    const h = readCell(cell).text;
    if (h !== '' && !columnOf.has(h)) columnOf.set(h, col);
    const n = normaliseHeader(h);
    if (h !== '' && !byNormal.has(n)) byNormal.set(n, col);
  });

  const perCell = new Map<string, { row: number; col: number; lines: string[] }>();
  for (const e of errors) {
    if (e.row < 1) continue;
    const col = e.column === '' ? 1 : (columnOf.get(e.column) ?? byNormal.get(normaliseHeader(e.column)));
    if (col === undefined) continue;
    const k = `${e.row}:${col}`;
    const entry = perCell.get(k) ?? { row: e.row, col, lines: [] };
    entry.lines.push(e.column === '' ? `整行：${messageOf(e)}` : messageOf(e));
    perCell.set(k, entry);
  }
  for (const { row, col, lines } of perCell.values()) {
    const cell = ws.getCell(row, col);
    ownStyle(cell);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ERROR_ARGB } };
    cell.note = `${NOTE_MARK}\n${lines.join('\n')}`;
  }

  const report = wb.addWorksheet(ERROR_SHEET);
  report.columns = [
    { header: '行', width: 8 },
    { header: '列', width: 20 },
    { header: '错误代码', width: 22 },
    { header: '说明', width: 70 },
  ];
  report.getRow(1).font = { bold: true };
  report.views = [{ state: 'frozen', ySplit: 1 }];
  // stable: the caller's order (importReport's) within a row is kept
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  for (const e of sorted) {
    report.addRow([e.row === 0 ? '（整个文件）' : e.row, e.column || null, e.code, e.messageZh ?? e.message]);
  }
  report.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 4 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
