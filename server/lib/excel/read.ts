// Reading an uploaded table (xlsx or csv) against column definitions: match the headers (or take the
// wizard's explicit mapping), parse every cell, and report each problem as { row, column, code, message }.
import ExcelJS from 'exceljs';
import { readCell, type CellRead } from './cells.ts';
import type { Column, ParseResult } from './columns.ts';
import { decodeCsv, parseCsv, unguardCsvField, type CsvEncoding } from './csv.ts';

/**
 * One problem of an import. `row` is the 1-based row number in the file (0 for the file as a whole);
 * `column` is the column's header as written in the file ('' for the row or the file as a whole).
 * `message` is English; `messageZh` Chinese.
 */
export type RowError = { row: number; column: string; code: string; message: string; messageZh?: string };

export type ParsedRow<Row> = { row: number; values: Partial<Row> };

export type ReadResult<Row> = {
  /** the header row's texts, trimmed, in file order ('' for a blank header cell) */
  headers: string[];
  /** file header → column key, as resolved */
  mapping: Record<string, string>;
  /**
   * every non-empty data row. A column present in the file with an empty cell gives `null`; a column
   * absent from the file leaves its key out. Cells that failed to parse are left out too.
   */
  rows: ParsedRow<Row>[];
  errors: RowError[];
  /** for CSV: how its bytes were decoded */
  encoding?: CsvEncoding;
};

export type ReadOptions<Row> = {
  format: 'xlsx' | 'csv';
  columns: readonly Column<Row>[];
  /** file header → column key; overrides the automatic matching ('' ignores that header) */
  mapping?: Record<string, string>;
  /** xlsx: sheet name, or 1-based position; default the first visible sheet */
  sheet?: string | number;
  /** 1-based, default 1 */
  headerRow?: number;
  /** refuse files with more data rows than this (default 200,000) */
  maxRows?: number;
  /** csv: default detected from the header line (comma, tab or semicolon) */
  delimiter?: string;
};

export const DEFAULT_MAX_ROWS = 200_000;

/**
 * Header comparison: NFKC (full-width → half-width), no spaces, no required-markers (`*`, `（必填）`),
 * case-insensitive.
 */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/\((必填|选填|可选|required|optional)\)\s*$/i, '')
    .replace(/[\s*]/g, '')
    .toLowerCase();
}

const fileError = (code: string, message: string, messageZh: string): RowError => ({
  row: 0,
  column: '',
  code,
  message,
  messageZh,
});

// --- the table as rows of cells, whatever the format -----------------------------------------------

type DataRow = { row: number; cell: (col: number) => CellRead; hasOtherText: () => boolean };
type Grid = { headers: string[]; dataRowCount: number; rows: () => Iterable<DataRow> };

const emptyCell: CellRead = { kind: 'text', text: '' };

/** The sheet named or numbered, or the first visible one. */
export function pickSheet(
  wb: ExcelJS.Workbook,
  sheet: string | number | undefined,
): ExcelJS.Worksheet | undefined {
  const sheets = wb.worksheets;
  if (typeof sheet === 'number') return sheets[sheet - 1];
  if (typeof sheet === 'string') {
    const want = sheet.trim().toLowerCase();
    return sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.trim().toLowerCase() === want);
  }
  return sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0];
}

export function toBuffer(bytes: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Loads an xlsx, or says why it cannot be read. */
export async function loadWorkbook(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook | RowError> {
  const buf = toBuffer(bytes);
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    return fileError(
      'FILE_FORMAT_XLS',
      'This is an old .xls workbook; save it as .xlsx and upload again',
      '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后重新上传',
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typing predates Node's generic Buffer; the bytes are a plain Buffer
    await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    return fileError(
      'FILE_UNREADABLE',
      'The file is not a readable .xlsx workbook',
      '文件不是可读取的 .xlsx 工作簿',
    );
  }
  return wb;
}

function xlsxGrid(ws: ExcelJS.Worksheet, headerRow: number): Grid {
  const headerCells = ws.findRow(headerRow);
  const headers: string[] = [];
  if (headerCells) {
    for (let c = 1; c <= headerCells.cellCount; c++) headers.push(readCell(headerCells.getCell(c)).text);
  }
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  let above = 0;
  for (let r = 1; r <= headerRow; r++) if (ws.findRow(r)?.hasValues) above++;
  return {
    headers,
    dataRowCount: Math.max(0, ws.actualRowCount - above),
    rows: function* () {
      for (let r = headerRow + 1; r <= ws.rowCount; r++) {
        const row = ws.findRow(r);
        if (!row || !row.hasValues) continue;
        yield {
          row: r,
          cell: (col) => {
            const cell = row.findCell(col);
            return cell ? readCell(cell) : emptyCell;
          },
          hasOtherText: () => {
            let found = false;
            row.eachCell((cell) => {
              if (!found && readCell(cell).text !== '') found = true;
            });
            return found;
          },
        };
      }
    },
  };
}

function csvGrid(records: string[][], headerRow: number): Grid {
  const headers = (records[headerRow - 1] ?? []).map((h) => h.trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  let last = records.length;
  while (last > headerRow && (records[last - 1] ?? []).every((f) => f.trim() === '')) last--;
  return {
    headers,
    dataRowCount: Math.max(0, last - headerRow),
    rows: function* () {
      for (let r = headerRow + 1; r <= last; r++) {
        const fields = records[r - 1] ?? [];
        yield {
          row: r,
          cell: (col) => ({ kind: 'text', text: unguardCsvField((fields[col - 1] ?? '').trim()) }),
          hasOtherText: () => fields.some((f) => f.trim() !== ''),
        };
      }
    },
  };
}

// --- header → column -------------------------------------------------------------------------------

type Bound<Row> = { col: number; header: string; column: Column<Row> };

function resolveColumns<Row>(
  headers: readonly string[],
  columns: readonly Column<Row>[],
  explicit: Record<string, string> | undefined,
  headerRow: number,
): { bound: Bound<Row>[]; mapping: Record<string, string>; errors: RowError[] } {
  const errors: RowError[] = [];
  const byKey = new Map<string, Column<Row>>(columns.map((c) => [c.key, c]));
  const byName = new Map<string, Column<Row>>();
  for (const c of columns) {
    for (const name of [c.header, c.headerEn, ...(c.aliases ?? [])]) {
      const n = normaliseHeader(name);
      const other = byName.get(n);
      if (other && other !== c) {
        throw new Error(`excel columns: header '${name}' names both '${other.key}' and '${c.key}'`);
      }
      byName.set(n, c);
    }
  }
  const explicitByName = new Map<string, string>();
  const used = new Set<string>();
  if (explicit) {
    const present = new Set(headers.map(normaliseHeader));
    for (const [fileHeader, key] of Object.entries(explicit)) {
      explicitByName.set(normaliseHeader(fileHeader), key);
      if (!present.has(normaliseHeader(fileHeader))) {
        errors.push({
          row: headerRow,
          column: fileHeader,
          code: 'MAPPING_INVALID',
          message: `The mapping names a header '${fileHeader}' that is not in the file`,
          messageZh: `列对应关系中的表头“${fileHeader}”在文件中不存在`,
        });
      }
      if (key !== '' && !byKey.has(key)) {
        errors.push({
          row: headerRow,
          column: fileHeader,
          code: 'MAPPING_INVALID',
          message: `The mapping sends '${fileHeader}' to an unknown column '${key}'`,
          messageZh: `列对应关系把“${fileHeader}”对应到了不存在的字段“${key}”`,
        });
      }
    }
  }
  const bound: Bound<Row>[] = [];
  const mapping: Record<string, string> = {};
  const boundHeader = new Map<string, string>();
  headers.forEach((header, i) => {
    if (header === '') return;
    const n = normaliseHeader(header);
    const key = explicitByName.get(n);
    const column = key !== undefined ? byKey.get(key) : byName.get(n);
    if (!column) return;
    if (used.has(column.key)) {
      errors.push({
        row: headerRow,
        column: header,
        code: 'COLUMN_DUPLICATE',
        message: `'${header}' and '${boundHeader.get(column.key)}' are both the column '${column.headerEn}'`,
        messageZh: `“${header}”与“${boundHeader.get(column.key)}”重复，都对应“${column.header}”列`,
      });
      return;
    }
    used.add(column.key);
    boundHeader.set(column.key, header);
    mapping[header] = column.key;
    bound.push({ col: i + 1, header, column });
  });
  for (const c of columns) {
    if (c.required && !used.has(c.key)) {
      errors.push({
        row: headerRow,
        column: c.header,
        code: 'COLUMN_MISSING',
        message: `The required column '${c.header}' (${c.headerEn}) is missing`,
        messageZh: `缺少必填列“${c.header}”`,
      });
    }
  }
  return { bound, mapping, errors };
}

// --- reading ---------------------------------------------------------------------------------------

/** Reads and validates a table. Never throws for a bad file: every problem is in `errors`. */
export async function readTable<Row>(
  bytes: Buffer | Uint8Array,
  opts: ReadOptions<Row>,
): Promise<ReadResult<Row>> {
  const headerRow = opts.headerRow ?? 1;
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const empty = (errors: RowError[], encoding?: CsvEncoding): ReadResult<Row> => ({
    headers: [],
    mapping: {},
    rows: [],
    errors,
    ...(encoding ? { encoding } : {}),
  });

  let grid: Grid;
  let encoding: CsvEncoding | undefined;
  if (opts.format === 'csv') {
    const decoded = decodeCsv(bytes);
    encoding = decoded.encoding;
    const parsed = parseCsv(decoded.text, opts.delimiter);
    if (parsed.unterminatedQuoteAt !== null) {
      const at = parsed.unterminatedQuoteAt;
      return empty(
        [
          {
            row: at,
            column: '',
            code: 'CSV_MALFORMED',
            message: `Row ${at} opens a quoted field that is never closed`,
            messageZh: `第 ${at} 行有未闭合的引号`,
          },
        ],
        encoding,
      );
    }
    grid = csvGrid(parsed.records, headerRow);
  } else {
    const wb = await loadWorkbook(bytes);
    if (!(wb instanceof ExcelJS.Workbook)) return empty([wb]);
    const ws = pickSheet(wb, opts.sheet);
    if (!ws) {
      return empty([
        fileError(
          'SHEET_NOT_FOUND',
          `The workbook has no sheet ${JSON.stringify(opts.sheet ?? 1)}`,
          `工作簿中没有工作表 ${JSON.stringify(opts.sheet ?? 1)}`,
        ),
      ]);
    }
    grid = xlsxGrid(ws, headerRow);
  }

  if (grid.dataRowCount > maxRows) {
    return empty(
      [
        fileError(
          'TOO_MANY_ROWS',
          `The file has ${grid.dataRowCount} data rows; at most ${maxRows} can be imported at once — split it`,
          `文件有 ${grid.dataRowCount} 行数据，单次最多导入 ${maxRows} 行，请拆分后分批导入`,
        ),
      ],
      encoding,
    );
  }

  const { bound, mapping, errors } = resolveColumns(grid.headers, opts.columns, opts.mapping, headerRow);
  const rows: ParsedRow<Row>[] = [];
  const cellError = (row: number, header: string, code: string, message: string, messageZh: string) =>
    errors.push({ row, column: header, code, message, messageZh });

  for (const dataRow of grid.rows()) {
    const reads = bound.map((b) => dataRow.cell(b.col));
    if (reads.every((r) => r.text === '') && !dataRow.hasOtherText()) continue; // a blank row
    const values: Record<string, unknown> = {};
    bound.forEach((b, i) => {
      const read = reads[i]!;
      const { column, header } = b;
      if (read.kind === 'error') {
        cellError(
          dataRow.row,
          header,
          'CELL_ERROR',
          `The cell holds the error value ${read.text}`,
          `单元格为错误值 ${read.text}`,
        );
        return;
      }
      if (read.kind === 'lossy') {
        cellError(
          dataRow.row,
          header,
          'NUMBER_PRECISION',
          `The cell is a number (${read.text}); Excel keeps only 15 digits — format the column as text and type the value again`,
          `单元格是数字格式（${read.text}），Excel 只保留 15 位有效数字，请将该列设为“文本”格式后重新输入`,
        );
        return;
      }
      if (read.text === '') {
        if (column.required) {
          cellError(
            dataRow.row,
            header,
            'REQUIRED',
            `'${column.headerEn}' is required`,
            `“${column.header}”为必填项`,
          );
        } else {
          values[column.key] = null;
        }
        return;
      }
      const r: ParseResult<unknown> = column.parse(read.text);
      if (r.ok) values[column.key] = r.value;
      else cellError(dataRow.row, header, r.code, r.message, r.messageZh ?? r.message);
    });
    rows.push({ row: dataRow.row, values: values as Partial<Row> });
  }

  return { headers: grid.headers, mapping, rows, errors, ...(encoding ? { encoding } : {}) };
}

// --- checks across rows, and the report ------------------------------------------------------------

/** The header under which `key` was found in the file (or the column's own header if absent). */
export function headerOf<Row>(parsed: Pick<ReadResult<Row>, 'mapping'>, column: Column<Row>): string {
  for (const [header, key] of Object.entries(parsed.mapping)) if (key === column.key) return header;
  return column.header;
}

/**
 * Duplicates within the file: every row whose key was already seen is reported, naming the first row.
 * Rows whose key is null, undefined or '' are not compared.
 */
export function validateUnique<Row>(
  rows: readonly ParsedRow<Row>[],
  keyFn: (values: Partial<Row>) => string | number | null | undefined,
  column: string,
): RowError[] {
  const first = new Map<string | number, number>();
  const errors: RowError[] = [];
  for (const r of rows) {
    const k = keyFn(r.values);
    if (k === null || k === undefined || k === '') continue;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, r.row);
    else {
      errors.push({
        row: r.row,
        column,
        code: 'DUPLICATE',
        message: `Duplicate of row ${seen}`,
        messageZh: `与第 ${seen} 行重复`,
      });
    }
  }
  return errors;
}

export type ImportReport = { ok: boolean; total: number; errors: RowError[] };

/**
 * The report of an all-or-nothing import: `ok` only without any error; errors sorted by row, then by
 * the column's position in the file (row-level first), then by code.
 */
export function importReport<Row>(
  parsed: Pick<ReadResult<Row>, 'headers' | 'rows' | 'errors'>,
  extraErrors: readonly RowError[] = [],
): ImportReport {
  const position = new Map<string, number>();
  parsed.headers.forEach((h, i) => {
    if (!position.has(h)) position.set(h, i);
  });
  const pos = (c: string) => (c === '' ? -1 : (position.get(c) ?? Number.MAX_SAFE_INTEGER));
  const errors = [...parsed.errors, ...extraErrors].sort(
    (a, b) =>
      a.row - b.row ||
      pos(a.column) - pos(b.column) ||
      a.column.localeCompare(b.column) ||
      a.code.localeCompare(b.code),
  );
  return { ok: errors.length === 0, total: parsed.rows.length, errors };
}
