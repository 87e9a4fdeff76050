import ExcelJS from 'exceljs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  annotateErrors,
  boolean,
  columnsOf,
  date,
  decimal,
  decodeCsv,
  ERROR_SHEET,
  fromValidator,
  headerOf,
  importReport,
  integer,
  oneOf,
  parseCsv,
  parseDateText,
  readTable,
  text,
  validateUnique,
  writeTable,
  writeTemplate,
  type Column,
  type ParsedRow,
  type RowError,
} from '../../server/lib/excel/index.ts';
import {
  usccCheckChar,
  validateIdCard,
  validateMobile,
  validateRegionCode,
  validateUscc,
} from '../../server/lib/identifiers.ts';

// --- fixtures ----------------------------------------------------------------------------------------

type Unit = {
  name: string;
  uscc: string;
  code: string | null;
  region: string | null;
  kind: 'enterprise' | 'school' | 'park';
  founded: string | null;
  staff: number | null;
  ratio: number | null;
  listed: boolean | null;
  phone: string | null;
};

const columns: Column<Unit>[] = [
  {
    key: 'name',
    header: '单位名称',
    headerEn: 'Name',
    aliases: ['名称', '单位'],
    required: true,
    ...text({ max: 50 }),
  },
  {
    key: 'uscc',
    header: '统一社会信用代码',
    headerEn: 'USCC',
    aliases: ['信用代码'],
    required: true,
    example: '91350100M000100Y43',
    ...fromValidator(validateUscc, { hint: '18 位统一社会信用代码' }),
  },
  { key: 'code', header: '单位编码', headerEn: 'Code', ...text({ max: 20 }), example: '000123' },
  { key: 'region', header: '所在地区', headerEn: 'Region code', ...fromValidator(validateRegionCode) },
  {
    key: 'kind',
    header: '单位类型',
    headerEn: 'Type',
    required: true,
    ...oneOf({ 企业: 'enterprise', 学校: 'school', 园区: 'park' }),
  },
  { key: 'founded', header: '成立日期', headerEn: 'Founded', ...date() },
  { key: 'staff', header: '职工人数', headerEn: 'Staff', ...integer({ min: 0, max: 1_000_000 }) },
  { key: 'ratio', header: '占比', headerEn: 'Ratio', ...decimal({ min: 0, max: 1, scale: 4 }) },
  { key: 'listed', header: '是否上市', headerEn: 'Listed', ...boolean() },
  { key: 'phone', header: '联系电话', headerEn: 'Phone', note: '手机号码', ...fromValidator(validateMobile) },
];

const makeUscc = (first17: string) => first17 + usccCheckChar(first17);
/** a distinct valid USCC per n */
const usccOf = (n: number) => makeUscc(`91350100MA${String(n).padStart(7, '0')}`);

const sample: Unit[] = [
  {
    name: '福州市某某科技有限公司',
    uscc: '91350100M000100Y43',
    code: '000123',
    region: '350102',
    kind: 'enterprise',
    founded: '2001-02-03',
    staff: 120,
    ratio: 0.125,
    listed: true,
    phone: '13812345678',
  },
  {
    name: '福建“船政”交通职业学院, 分院\n第二行',
    uscc: usccOf(2),
    code: '0010',
    region: '350000',
    kind: 'school',
    founded: '1866-12-31',
    staff: 0,
    ratio: 1,
    listed: false,
    phone: null,
  },
  {
    name: '=1+1 不是公式',
    uscc: usccOf(3),
    code: null,
    region: null,
    kind: 'park',
    founded: null,
    staff: null,
    ratio: null,
    listed: null,
    phone: null,
  },
];

async function loadXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own ArrayBuffer-like Buffer type
  await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

/** An xlsx built cell by cell: `rows[i][j]` goes to row i + 1, column j + 1 (undefined = no cell). */
async function xlsxOf(
  rows: (ExcelJS.CellValue | undefined)[][],
  build?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((cells, i) => {
    cells.forEach((v, j) => {
      if (v !== undefined) ws.getCell(i + 1, j + 1).value = v;
    });
  });
  build?.(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const withBom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(s)]);

/** A GB18030 (GBK two-byte) encoder built from Node's decoder, for the CJK text of the tests. */
function gbkEncoder(): (s: string) => Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(b1, b2));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [b1, b2]);
    }
  }
  return (s) =>
    Buffer.from(
      [...s].flatMap((ch) => {
        const code = ch.charCodeAt(0);
        if (code < 0x80) return [code];
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`no GBK code for ${ch}`);
        return bytes;
      }),
    );
}

const codesOf = (errors: RowError[]) => errors.map((e) => `${e.row}:${e.column}:${e.code}`);

// --- round trips -------------------------------------------------------------------------------------

describe('writeTable → readTable', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`round-trips every kind of value (${format})`, async () => {
      const buf = await writeTable(columns, sample, { format });
      const read = await readTable(buf, { format, columns });
      expectTypeOf(read.rows).toEqualTypeOf<ParsedRow<Unit>[]>();
      expect(read.errors).toEqual([]);
      expect(read.headers).toEqual(columns.map((c) => c.header));
      expect(read.rows.map((r) => r.row)).toEqual([2, 3, 4]);
      expect(read.rows.map((r) => r.values)).toEqual(sample);
    });

    it(`round-trips with English headers (${format})`, async () => {
      const buf = await writeTable(columns, sample, { format, headers: 'en' });
      const read = await readTable(buf, { format, columns });
      expect(read.errors).toEqual([]);
      expect(read.mapping).toMatchObject({ Name: 'name', USCC: 'uscc' });
      expect(read.rows.map((r) => r.values)).toEqual(sample);
    });
  }

  it('infers the row type from columnsOf', async () => {
    const cols = columnsOf<{ name: string; staff: number | null }>()([
      { key: 'name', header: '名称', headerEn: 'Name', required: true, ...text() },
      { key: 'staff', header: '人数', headerEn: 'Staff', ...integer() },
    ]);
    const read = await readTable(utf8('名称,人数\n甲,3\n'), { format: 'csv', columns: cols });
    expectTypeOf(read.rows[0]!.values).toEqualTypeOf<Partial<{ name: string; staff: number | null }>>();
    expect(read.rows[0]?.values).toEqual({ name: '甲', staff: 3 });
  });

  it('writes an empty export as a header row that reads as zero rows', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const read = await readTable(await writeTable(columns, [], { format }), { format, columns });
      expect(read).toMatchObject({ rows: [], errors: [], headers: columns.map((c) => c.header) });
    }
  });

  it('stores codes as text in xlsx, dates as dates, with a bold frozen header', async () => {
    const wb = await loadXlsx(await writeTable(columns, sample, { format: 'xlsx', sheetName: '成员单位' }));
    const ws = wb.getWorksheet('成员单位')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('C2').value).toBe('000123');
    expect(ws.getCell('C2').numFmt).toBe('@');
    expect(ws.getColumn(3).numFmt).toBe('@');
    expect(ws.getCell('B2').value).toBe('91350100M000100Y43');
    expect(ws.getCell('F2').value).toEqual(new Date(Date.UTC(2001, 1, 3)));
    expect(ws.getCell('G2').value).toBe(120);
    expect(ws.getCell('I2').value).toBe('是');
    expect(ws.getCell('E3').value).toBe('学校');
    // the formula-looking text is a string, not a formula
    expect(ws.getCell('A4').value).toBe('=1+1 不是公式');
    expect(ws.getColumn(1).width).toBeGreaterThan(8);
  });

  it('writes CSV as UTF-8 with BOM, CRLF, RFC 4180 quotes and a formula guard', async () => {
    const buf = await writeTable(columns, sample, { format: 'csv' });
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const textOf = buf.subarray(3).toString('utf8');
    expect(textOf.startsWith('单位名称,统一社会信用代码,单位编码,')).toBe(true);
    expect(textOf).toContain('\r\n');
    expect(textOf).toContain('"福建“船政”交通职业学院, 分院\n第二行"');
    expect(textOf).toContain("'=1+1 不是公式");
    expect(textOf).toContain(',000123,');
  });
});

// --- headers and mapping ------------------------------------------------------------------------------

describe('header matching', () => {
  const minimal: Column<Unit>[] = columns.filter((c) => ['name', 'uscc', 'kind', 'code'].includes(c.key));

  it('matches headers, English headers and aliases: trimmed, case-, width- and marker-insensitive', async () => {
    const buf = await xlsxOf([
      [' 名称 ', 'uscc', '*单位类型', 'ＣＯＤＥ（选填）', '备注'],
      ['甲', '91350100M000100Y43', '企业', '01', 'ignored'],
    ]);
    const read = await readTable(buf, { format: 'xlsx', columns: minimal });
    expect(read.errors).toEqual([]);
    expect(read.headers).toEqual(['名称', 'uscc', '*单位类型', 'ＣＯＤＥ（选填）', '备注']);
    expect(read.mapping).toEqual({
      名称: 'name',
      uscc: 'uscc',
      '*单位类型': 'kind',
      'ＣＯＤＥ（选填）': 'code',
    });
    expect(read.rows[0]?.values).toEqual({
      name: '甲',
      uscc: '91350100M000100Y43',
      kind: 'enterprise',
      code: '01',
    });
  });

  it('takes an explicit mapping over the automatic one, and ignores headers mapped to ""', async () => {
    const buf = await xlsxOf([
      ['企业全称', '代码', '名称', '类别'],
      ['甲公司', '91350100M000100Y43', '甲', 'school'],
    ]);
    const read = await readTable(buf, {
      format: 'xlsx',
      columns: minimal,
      mapping: { 企业全称: 'name', 代码: 'uscc', 名称: '', 类别: 'kind' },
    });
    expect(read.errors).toEqual([]);
    expect(read.mapping).toEqual({ 企业全称: 'name', 代码: 'uscc', 类别: 'kind' });
    expect(read.rows[0]?.values).toEqual({ name: '甲公司', uscc: '91350100M000100Y43', kind: 'school' });
  });

  it('reports a mapping that names unknown headers or columns', async () => {
    const buf = await xlsxOf([
      ['单位名称', '统一社会信用代码', '单位类型'],
      ['甲', '91350100M000100Y43', '企业'],
    ]);
    const read = await readTable(buf, {
      format: 'xlsx',
      columns: minimal,
      mapping: { 不存在: 'name', 单位名称: 'nickname' },
    });
    expect(codesOf(read.errors)).toEqual([
      '1:不存在:MAPPING_INVALID',
      '1:单位名称:MAPPING_INVALID',
      '1:单位名称:COLUMN_MISSING',
    ]);
  });

  it('reports each missing required column once, at the header row; optional ones are left out', async () => {
    const buf = await xlsxOf([['说明：成员单位名单'], ['单位名称', '备注'], ['甲', 'x'], ['乙', 'y']]);
    const read = await readTable(buf, { format: 'xlsx', columns: minimal, headerRow: 2 });
    expect(codesOf(read.errors)).toEqual(['2:统一社会信用代码:COLUMN_MISSING', '2:单位类型:COLUMN_MISSING']);
    expect(read.errors[0]?.messageZh).toBe('缺少必填列“统一社会信用代码”');
    expect(read.rows).toEqual([
      { row: 3, values: { name: '甲' } },
      { row: 4, values: { name: '乙' } },
    ]);
    expect(importReport(read).ok).toBe(false);
  });

  it('reports two headers for the same column', async () => {
    const buf = await xlsxOf([
      ['单位名称', 'Name', '统一社会信用代码', '单位类型'],
      ['甲', 'A', '91350100M000100Y43', '企业'],
    ]);
    const read = await readTable(buf, { format: 'xlsx', columns: minimal });
    expect(codesOf(read.errors)).toEqual(['1:Name:COLUMN_DUPLICATE']);
    expect(read.rows[0]?.values.name).toBe('甲');
  });

  it('refuses column definitions whose headers collide', async () => {
    const clash: Column<Unit>[] = [
      { key: 'name', header: '名称', headerEn: 'Name', ...text() },
      { key: 'code', header: '编码', headerEn: 'name', ...text() },
    ];
    await expect(readTable(utf8('名称\n甲\n'), { format: 'csv', columns: clash })).rejects.toThrow(/both/);
  });
});

// --- cells and row errors -----------------------------------------------------------------------------

describe('cells', () => {
  it('reports per-row errors with 1-based file rows and the headers as written', async () => {
    const buf = await xlsxOf([
      ['成员单位名单'],
      [],
      ['名称', '统一社会信用代码', '单位类型', '职工人数', '成立日期', '联系电话'],
      ['甲', '91350100M000100Y43', '企业', 10, '2020-01-01', '13812345678'],
      [],
      ['', '91350100M000100Y44', '工厂', -1, '2020-02-30', '12345'],
      ['丙', usccOf(7), '园区', '12.5', '2020/2/29', ''],
    ]);
    const read = await readTable(buf, { format: 'xlsx', columns, headerRow: 3 });
    expect(codesOf(read.errors)).toEqual([
      '6:名称:REQUIRED',
      '6:统一社会信用代码:USCC_CHECK',
      '6:单位类型:NOT_ALLOWED',
      '6:职工人数:TOO_SMALL',
      '6:成立日期:INVALID_DATE',
      '6:联系电话:MOBILE_LENGTH',
      '7:职工人数:NOT_INTEGER',
    ]);
    expect(read.errors[1]?.messageZh).toContain('应为“3”');
    expect(read.rows.map((r) => r.row)).toEqual([4, 6, 7]);
    expect(read.rows[2]?.values).toEqual({
      name: '丙',
      uscc: usccOf(7),
      kind: 'park',
      founded: '2020-02-29',
      phone: null,
    });
  });

  it('reads numbers, rich text, formulas, hyperlinks, dates, booleans and error values', async () => {
    type Cells = { a: string | null; b: string | null; c: string | null; d: string | null; e: string | null };
    const cols: Column<Cells>[] = (['a', 'b', 'c', 'd', 'e'] as const).map((key) => ({
      key,
      header: key,
      headerEn: key,
      ...text(),
    }));
    const buf = await xlsxOf(
      [
        ['a', 'b', 'c', 'd', 'e'],
        [350102, 0.1 + 0.2, 10101, 123456789012, -1.5e-7],
        [
          { richText: [{ text: '福州' }, { text: '大学', font: { bold: true } }] },
          { formula: 'A2&"市"', result: '350102市' },
          { text: '官网', hyperlink: 'https://example.cn' },
          new Date(Date.UTC(2024, 2, 5)),
          true,
        ],
        [
          { formula: '1/0', result: { error: '#DIV/0!' } },
          { formula: 'NOW()' },
          110105194912310020,
          '  空格  ',
          1e21,
        ],
      ],
      (ws) => {
        ws.getCell('C2').numFmt = '000000';
      },
    );
    const read = await readTable(buf, { format: 'xlsx', columns: cols });
    expect(read.rows[0]?.values).toEqual({
      a: '350102',
      b: '0.3',
      c: '010101',
      d: '123456789012',
      e: '-0.00000015',
    });
    expect(read.rows[1]?.values).toEqual({
      a: '福州大学',
      b: '350102市',
      c: '官网',
      d: '2024-03-05',
      e: 'TRUE',
    });
    expect(read.rows[2]?.values).toEqual({ b: null, d: '空格' });
    expect(codesOf(read.errors)).toEqual(['4:a:CELL_ERROR', '4:c:NUMBER_PRECISION', '4:e:NUMBER_PRECISION']);
    expect(read.errors[1]?.message).toContain('(110105194912310000)'); // as Excel shows it
    expect(read.errors[1]?.message).not.toMatch(/e\+/i);
  });

  it('reads a date typed as text or left as an Excel serial number', async () => {
    const cols: Column<{ d: string | null }>[] = [{ key: 'd', header: '日期', headerEn: 'Date', ...date() }];
    const buf = await xlsxOf([
      ['日期'],
      [45356],
      ['2024/3/5'],
      ['2024年3月5日'],
      ['20240305'],
      ['2024-03-05 08:30'],
    ]);
    const read = await readTable(buf, { format: 'xlsx', columns: cols });
    expect(read.errors).toEqual([]);
    expect(read.rows.map((r) => r.values.d)).toEqual(Array(5).fill('2024-03-05'));
  });

  it('skips blank rows, including rows of spaces and styled empty cells', async () => {
    const buf = await xlsxOf(
      [
        ['单位名称', '统一社会信用代码', '单位类型'],
        ['甲', '91350100M000100Y43', '企业'],
        ['  ', '', ''],
        [],
        ['乙', usccOf(1), '学校'],
      ],
      (ws) => {
        ws.getCell('B4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      },
    );
    const read = await readTable(buf, { format: 'xlsx', columns });
    expect(read.errors).toEqual([]);
    expect(read.rows.map((r) => r.row)).toEqual([2, 5]);
  });

  it('treats a row with text only in unmapped columns as a row (with its required cells missing)', async () => {
    const buf = await xlsxOf([
      ['单位名称', '统一社会信用代码', '单位类型', '备注'],
      [undefined, undefined, undefined, '只有备注'],
    ]);
    const read = await readTable(buf, { format: 'xlsx', columns });
    expect(codesOf(read.errors)).toEqual([
      '2:单位名称:REQUIRED',
      '2:统一社会信用代码:REQUIRED',
      '2:单位类型:REQUIRED',
    ]);
  });
});

describe('sheets and files', () => {
  it('reads the sheet named or numbered, by default the first visible one', async () => {
    const buf = await xlsxOf([['x']], (ws, wb) => {
      ws.state = 'hidden';
      const data = wb.addWorksheet('名单');
      data.addRow(['单位名称']);
      data.addRow(['甲']);
      const other = wb.addWorksheet('其他');
      other.addRow(['单位名称']);
      other.addRow(['乙']);
    });
    const nameOnly = columns.slice(0, 1);
    const first = await readTable(buf, { format: 'xlsx', columns: nameOnly });
    expect(first.rows[0]?.values.name).toBe('甲');
    expect(
      (await readTable(buf, { format: 'xlsx', columns: nameOnly, sheet: '其他' })).rows[0]?.values.name,
    ).toBe('乙');
    expect((await readTable(buf, { format: 'xlsx', columns: nameOnly, sheet: 3 })).rows[0]?.values.name).toBe(
      '乙',
    );
    const missing = await readTable(buf, { format: 'xlsx', columns: nameOnly, sheet: '无' });
    expect(codesOf(missing.errors)).toEqual(['0::SHEET_NOT_FOUND']);
  });

  it('says why a file cannot be read', async () => {
    const notXlsx = await readTable(utf8('单位名称\n甲\n'), { format: 'xlsx', columns });
    expect(codesOf(notXlsx.errors)).toEqual(['0::FILE_UNREADABLE']);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(codesOf((await readTable(xls, { format: 'xlsx', columns })).errors)).toEqual([
      '0::FILE_FORMAT_XLS',
    ]);
  });

  it('accepts a Uint8Array as well as a Buffer', async () => {
    const buf = await writeTable(columns, sample, { format: 'xlsx' });
    const copy = new Uint8Array(buf.byteLength);
    copy.set(buf);
    expect((await readTable(copy, { format: 'xlsx', columns })).rows).toHaveLength(3);
  });

  it('refuses files over the row limit', async () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ ...sample[0]!, uscc: usccOf(i) }));
    for (const format of ['xlsx', 'csv'] as const) {
      const buf = await writeTable(columns, rows, { format });
      const over = await readTable(buf, { format, columns, maxRows: 10 });
      expect(codesOf(over.errors)).toEqual(['0::TOO_MANY_ROWS']);
      expect(over.errors[0]?.messageZh).toContain('11');
      expect(over.rows).toEqual([]);
      expect((await readTable(buf, { format, columns, maxRows: 11 })).rows).toHaveLength(11);
    }
  });
});

// --- CSV ----------------------------------------------------------------------------------------------

describe('CSV', () => {
  const csvText =
    '单位名称,统一社会信用代码,单位类型,单位编码\r\n"福州, 某某公司",91350100M000100Y43,企业,000123\r\n';

  it('reads UTF-8 with and without BOM', async () => {
    for (const buf of [withBom(csvText), utf8(csvText)]) {
      const read = await readTable(buf, { format: 'csv', columns });
      expect(read.encoding).toBe('utf-8');
      expect(read.errors).toEqual([]);
      expect(read.rows).toEqual([
        {
          row: 2,
          values: { name: '福州, 某某公司', uscc: '91350100M000100Y43', kind: 'enterprise', code: '000123' },
        },
      ]);
    }
  });

  it('reads GB18030/GBK as Excel saves it on a Chinese Windows', async () => {
    const gbk = gbkEncoder()(csvText + '乙单位,' + usccOf(5) + ',学校,\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const read = await readTable(gbk, { format: 'csv', columns });
    expect(read.encoding).toBe('gb18030');
    expect(read.errors).toEqual([]);
    expect(read.headers).toEqual(['单位名称', '统一社会信用代码', '单位类型', '单位编码']);
    expect(read.rows.map((r) => r.values.name)).toEqual(['福州, 某某公司', '乙单位']);
    expect(read.rows[1]?.values.code).toBeNull();
  });

  it('reads UTF-16 "Unicode text" (tab-separated, with BOM)', async () => {
    const tsv = '单位名称\t统一社会信用代码\t单位类型\r\n甲\t91350100M000100Y43\t企业\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    const read = await readTable(le, { format: 'csv', columns });
    expect(read.encoding).toBe('utf-16le');
    expect(read.rows[0]?.values).toEqual({ name: '甲', uscc: '91350100M000100Y43', kind: 'enterprise' });
  });

  it('parses RFC 4180: quoted commas, quotes, line breaks; CRLF, LF and CR', () => {
    const { records } = parseCsv('a,"b,1","c ""q""","d\r\ne"\r\n1,2,3,4\n5,,7,\r8');
    expect(records).toEqual([
      ['a', 'b,1', 'c "q"', 'd\r\ne'],
      ['1', '2', '3', '4'],
      ['5', '', '7', ''],
      ['8'],
    ]);
    expect(parseCsv('').records).toEqual([]);
    expect(parseCsv('x\r\n').records).toEqual([['x']]);
    expect(parseCsv('a,""').records).toEqual([['a', '']]);
    expect(parseCsv('say "hi",b').records).toEqual([['say "hi"', 'b']]);
    expect(parseCsv('a;b;c\n1;2;3').records).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('numbers rows as Excel shows them when a quoted field spans lines', async () => {
    const csv = '单位名称,统一社会信用代码,单位类型\n"多行\n名称",91350100M000100Y43,企业\n乙,bad,企业\n';
    const read = await readTable(utf8(csv), { format: 'csv', columns });
    expect(read.rows[0]?.values.name).toBe('多行\n名称');
    expect(codesOf(read.errors)).toEqual(['3:统一社会信用代码:USCC_LENGTH']);
  });

  it('reports an unclosed quote', async () => {
    const read = await readTable(utf8('单位名称\n甲\n"乙,\n丙\n'), { format: 'csv', columns });
    expect(codesOf(read.errors)).toEqual(['3::CSV_MALFORMED']);
  });

  it('undoes ="..." and the formula guard', async () => {
    const csv =
      '单位名称,统一社会信用代码,单位类型,单位编码\n\'-减号开头,="91350100M000100Y43",企业,="00123"\n';
    const read = await readTable(utf8(csv), { format: 'csv', columns });
    expect(read.errors).toEqual([]);
    expect(read.rows[0]?.values).toMatchObject({
      name: '-减号开头',
      uscc: '91350100M000100Y43',
      code: '00123',
    });
  });

  it('decodes by BOM first', () => {
    expect(decodeCsv(Buffer.from([0xfe, 0xff, 0x4e, 0x2d])).text).toBe('中');
    expect(decodeCsv(withBom('\ufeff')).text).toBe('\ufeff');
  });
});

// --- column types -------------------------------------------------------------------------------------

describe('column types', () => {
  it('text counts characters, not bytes', () => {
    const t = text({ min: 2, max: 4 });
    expect(t.parse('福州大学')).toEqual({ ok: true, value: '福州大学' });
    expect(t.parse('福州大学城')).toMatchObject({ ok: false, code: 'TOO_LONG' });
    expect(t.parse('福')).toMatchObject({ ok: false, code: 'TOO_SHORT' });
    expect(text({ pattern: /^\d+$/, patternHint: '数字' }).parse('12a')).toMatchObject({
      code: 'INVALID_FORMAT',
    });
  });

  it('integer and decimal', () => {
    const i = integer({ min: 0, max: 100 });
    expect(i.parse('1,00')).toEqual({ ok: true, value: 100 });
    expect(i.parse('７')).toEqual({ ok: true, value: 7 });
    expect(i.parse('12.0')).toEqual({ ok: true, value: 12 });
    expect(i.parse('12.5')).toMatchObject({ code: 'NOT_INTEGER' });
    expect(i.parse('abc')).toMatchObject({ code: 'NOT_INTEGER' });
    expect(i.parse('101')).toMatchObject({ code: 'TOO_LARGE' });
    expect(i.parse('-1')).toMatchObject({ code: 'TOO_SMALL' });
    expect(integer().parse('99999999999999999')).toMatchObject({ code: 'NOT_INTEGER' });
    const d = decimal({ scale: 2 });
    expect(d.parse('3.14')).toEqual({ ok: true, value: 3.14 });
    expect(d.parse('3.140')).toEqual({ ok: true, value: 3.14 });
    expect(d.parse('.5')).toEqual({ ok: true, value: 0.5 });
    expect(d.parse('-2')).toEqual({ ok: true, value: -2 });
    expect(d.parse('3.141')).toMatchObject({ code: 'TOO_MANY_DECIMALS' });
    expect(d.parse('1.2.3')).toMatchObject({ code: 'NOT_NUMBER' });
    expect(d.parse('Infinity')).toMatchObject({ code: 'NOT_NUMBER' });
  });

  it('date accepts the usual spellings and real dates only', () => {
    expect(parseDateText('2024-3-5')).toBe('2024-03-05');
    expect(parseDateText('2024.03.05')).toBe('2024-03-05');
    expect(parseDateText('2024/03/05 12:00:00')).toBe('2024-03-05');
    expect(parseDateText('２０２４-０３-０５')).toBe('2024-03-05');
    expect(parseDateText('45352')).toBe('2024-03-01'); // serial after 1900-02-29
    expect(parseDateText('2024')).toBeNull();
    expect(parseDateText('2023-02-29')).toBeNull();
    expect(parseDateText('03/05/2024')).toBeNull();
    const d = date({ min: '2000-01-01', max: '2030-12-31' });
    expect(d.parse('1999-12-31')).toMatchObject({ code: 'TOO_EARLY' });
    expect(d.parse('2031-01-01')).toMatchObject({ code: 'TOO_LATE' });
    expect(d.parse('tomorrow')).toMatchObject({ code: 'INVALID_DATE' });
  });

  it('oneOf accepts labels and codes, writes the first label', () => {
    const o = oneOf({ 企业: 'enterprise', 公司: 'enterprise', 学校: 'school' });
    expect(o.parse('公司')).toEqual({ ok: true, value: 'enterprise' });
    expect(o.parse('SCHOOL')).toEqual({ ok: true, value: 'school' });
    expect(o.parse('工厂')).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(o.format('enterprise')).toBe('企业');
    expect(o.options).toEqual(['企业', '学校']);
    expectTypeOf(o.parse).returns.toEqualTypeOf<
      | { ok: true; value: 'enterprise' | 'school' }
      | { ok: false; code: string; message: string; messageZh?: string }
    >();
  });

  it('boolean reads 是/否, Y/N, true/false, 1/0', () => {
    const b = boolean();
    for (const t of ['是', 'Y', 'y', 'yes', 'TRUE', 'true', '1'])
      expect(b.parse(t)).toEqual({ ok: true, value: true });
    for (const f of ['否', 'N', 'no', 'FALSE', '0']) expect(b.parse(f)).toEqual({ ok: true, value: false });
    expect(b.parse('也许')).toMatchObject({ code: 'INVALID_BOOLEAN' });
    expect([b.format(true), b.format(false), b.format(null)]).toEqual(['是', '否', null]);
  });

  it('fromValidator reports the rule as the code and normalises', () => {
    const id = fromValidator((v) => validateIdCard(v, '2025-01-01'));
    expect(id.parse('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(id.parse('110105194912310021')).toMatchObject({ ok: false, code: 'ID_CARD_CHECK' });
  });
});

// --- across rows --------------------------------------------------------------------------------------

describe('validateUnique and importReport', () => {
  it('reports every duplicate after the first, naming the first row', async () => {
    const rows = [
      sample[0]!,
      { ...sample[1]!, uscc: sample[0]!.uscc },
      sample[2]!,
      { ...sample[2]!, code: 'x' },
    ];
    const read = await readTable(await writeTable(columns, rows, { format: 'xlsx' }), {
      format: 'xlsx',
      columns,
    });
    const usccColumn = columns[1]!;
    const dup = validateUnique(read.rows, (v) => v.uscc, headerOf(read, usccColumn));
    expect(dup).toEqual([
      {
        row: 3,
        column: '统一社会信用代码',
        code: 'DUPLICATE',
        message: 'Duplicate of row 2',
        messageZh: '与第 2 行重复',
      },
      {
        row: 5,
        column: '统一社会信用代码',
        code: 'DUPLICATE',
        message: 'Duplicate of row 4',
        messageZh: '与第 4 行重复',
      },
    ]);
    // null keys are not compared
    expect(validateUnique(read.rows, (v) => v.code, '单位编码')).toEqual([]);
  });

  it('sorts errors by row, then column position, row-level first', () => {
    const parsed = {
      headers: ['单位名称', '统一社会信用代码', '单位类型'],
      rows: [{ row: 2, values: {} }],
      errors: [
        { row: 3, column: '单位类型', code: 'B', message: '' },
        { row: 3, column: '单位名称', code: 'A', message: '' },
        { row: 1, column: '联系电话', code: 'COLUMN_MISSING', message: '' },
      ],
    };
    const report = importReport(parsed, [
      { row: 3, column: '', code: 'ROW', message: '' },
      { row: 2, column: '统一社会信用代码', code: 'DUPLICATE', message: '' },
    ]);
    expect(report.ok).toBe(false);
    expect(report.total).toBe(1);
    expect(codesOf(report.errors)).toEqual([
      '1:联系电话:COLUMN_MISSING',
      '2:统一社会信用代码:DUPLICATE',
      '3::ROW',
      '3:单位名称:A',
      '3:单位类型:B',
    ]);
    expect(importReport({ headers: [], rows: [], errors: [] })).toEqual({ ok: true, total: 0, errors: [] });
  });
});

// --- template -----------------------------------------------------------------------------------------

describe('writeTemplate', () => {
  it('has headers only, marks required columns and explains every column in 说明', async () => {
    const buf = await writeTemplate(columns, { sheetName: '成员单位' });
    const wb = await loadXlsx(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['成员单位', '说明']);
    const ws = wb.getWorksheet('成员单位')!;
    expect(ws.actualRowCount).toBe(1);
    expect(ws.getCell('A1').value).toBe('*单位名称');
    expect(ws.getCell('C1').value).toBe('单位编码');
    expect(String(ws.getCell('B1').note)).toContain('示例：91350100M000100Y43');
    expect(String(ws.getCell('B1').note)).toContain('必填');
    expect(ws.getColumn(3).numFmt).toBe('@');
    const help = wb.getWorksheet('说明')!;
    const listed = help.getColumn(1).values.slice(2, 2 + columns.length);
    expect(listed).toEqual(columns.map((c) => c.header));
    expect(help.getCell('C2').value).toBe('必填');
    expect(help.getCell('C4').value).toBe('选填');
    expect(help.getCell('D6').value).toContain('企业、学校、园区');
  });

  it('imports as zero rows, and cleanly once filled in', async () => {
    const buf = await writeTemplate(columns);
    const empty = await readTable(buf, { format: 'xlsx', columns });
    expect(empty).toMatchObject({ rows: [], errors: [] });
    expect(Object.values(empty.mapping)).toEqual(columns.map((c) => c.key));

    const wb = await loadXlsx(buf);
    const ws = wb.worksheets[0]!;
    ws.getRow(2).values = ['甲公司', '91350100M000100Y43', '000123', '350102', '企业', '2020-01-01'];
    ws.getRow(3).values = ['乙学校', usccOf(9), undefined, undefined, '学校'];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const read = await readTable(filled, { format: 'xlsx', columns });
    expect(read.errors).toEqual([]);
    expect(read.rows.map((r) => r.values.name)).toEqual(['甲公司', '乙学校']);
    expect(read.rows[0]?.values.code).toBe('000123');
    expect(importReport(read)).toEqual({ ok: true, total: 2, errors: [] });
  });
});

// --- annotated error workbook -------------------------------------------------------------------------

describe('annotateErrors', () => {
  const RED = 'FFFFC7CE';
  const isRed = (cell: ExcelJS.Cell) => cell.fill?.type === 'pattern' && cell.fill.fgColor?.argb === RED;
  const noteOf = (cell: ExcelJS.Cell) => {
    const n = cell.note;
    return typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
  };

  async function badUpload() {
    const rows = [sample[0]!, { ...sample[1]!, uscc: '91350100M000100Y44' }, sample[2]!];
    const buf = await writeTable(columns, rows, { format: 'xlsx' });
    const wb = await loadXlsx(buf);
    wb.worksheets[0]!.getCell('E4').value = '工厂';
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('fills the bad cells red with a note, and adds the 错误报告 sheet', async () => {
    const buf = await badUpload();
    const read = await readTable(buf, { format: 'xlsx', columns });
    const errors = [...read.errors, { row: 0, column: '', code: 'FILE_LEVEL', message: 'whole file' }];
    const report = importReport(read, [
      { row: 4, column: '', code: 'ROW_LEVEL', message: 'row', messageZh: '整行有误' },
    ]);
    const wb = await loadXlsx(await annotateErrors(buf, 'xlsx', [...report.errors, errors[2]!]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['数据', ERROR_SHEET]);
    const ws = wb.worksheets[0]!;
    expect(isRed(ws.getCell('B3'))).toBe(true);
    expect(noteOf(ws.getCell('B3'))).toContain('应为“3”');
    expect(noteOf(ws.getCell('B3'))).toContain('USCC_CHECK');
    expect(isRed(ws.getCell('E4'))).toBe(true);
    expect(isRed(ws.getCell('A4'))).toBe(true); // the row-level error
    expect(noteOf(ws.getCell('A4'))).toContain('整行有误');
    // only the bad cells: cells sharing their style stay unfilled
    for (const addr of ['B2', 'B4', 'E2', 'E3', 'A2', 'A3', 'C3'])
      expect(isRed(ws.getCell(addr)), addr).toBe(false);
    expect(ws.getCell('B3').value).toBe('91350100M000100Y44');
    expect(ws.getCell('C2').value).toBe('000123');

    const sheet = wb.getWorksheet(ERROR_SHEET)!;
    expect(sheet.getRow(1).values).toEqual([undefined, '行', '列', '错误代码', '说明']);
    const lines = [];
    for (let r = 2; r <= sheet.rowCount; r++) lines.push(sheet.getRow(r).values);
    expect(lines).toEqual([
      [undefined, '（整个文件）', undefined, 'FILE_LEVEL', 'whole file'],
      [undefined, 3, '统一社会信用代码', 'USCC_CHECK', read.errors[0]?.messageZh],
      [undefined, 4, undefined, 'ROW_LEVEL', '整行有误'],
      [undefined, 4, '单位类型', 'NOT_ALLOWED', read.errors[1]?.messageZh],
    ]);
    // the annotated copy still reads as the same data
    const again = await readTable(await annotateErrors(buf, 'xlsx', read.errors), {
      format: 'xlsx',
      columns,
    });
    expect(codesOf(again.errors)).toEqual(codesOf(read.errors));
  });

  it('clears the marks of an earlier report when a corrected file comes back', async () => {
    const first = await annotateErrors(await badUpload(), 'xlsx', [
      { row: 3, column: '统一社会信用代码', code: 'USCC_CHECK', message: 'x' },
    ]);
    const wb = await loadXlsx(first);
    wb.worksheets[0]!.getCell('B3').value = usccOf(2);
    const corrected = Buffer.from(await wb.xlsx.writeBuffer());
    const second = await loadXlsx(
      await annotateErrors(corrected, 'xlsx', [
        { row: 4, column: '单位类型', code: 'NOT_ALLOWED', message: 'y' },
      ]),
    );
    const ws = second.worksheets[0]!;
    expect(isRed(ws.getCell('B3'))).toBe(false);
    expect(noteOf(ws.getCell('B3'))).toBe('');
    expect(isRed(ws.getCell('E4'))).toBe(true);
    expect(second.worksheets.map((w) => w.name)).toEqual(['数据', ERROR_SHEET]);
  });

  it('turns an uploaded CSV into an annotated workbook, codes kept as text', async () => {
    const csv = withBom(
      '单位名称,统一社会信用代码,单位类型,单位编码\r\n甲,91350100M000100Y44,企业,000123\r\n',
    );
    const read = await readTable(csv, { format: 'csv', columns });
    const wb = await loadXlsx(await annotateErrors(csv, 'csv', read.errors));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('数据');
    expect(ws.getCell('D2').value).toBe('000123');
    expect(isRed(ws.getCell('B2'))).toBe(true);
    expect(isRed(ws.getCell('A2'))).toBe(false);
    expect(wb.getWorksheet(ERROR_SHEET)!.getCell('C2').value).toBe('USCC_CHECK');
  });
});

// --- volume -------------------------------------------------------------------------------------------

describe('a 20,000-row workbook', () => {
  it('reads every row with its row number and values', async () => {
    const n = 20_000;
    const rows: Unit[] = Array.from({ length: n }, (_, i) => ({
      name: `单位${i}`,
      uscc: usccOf(i),
      code: String(i).padStart(8, '0'),
      region: '350102',
      kind: i % 2 ? 'school' : 'enterprise',
      founded: `20${String(i % 25).padStart(2, '0')}-0${(i % 9) + 1}-1${i % 10}`,
      staff: i,
      ratio: (i % 100) / 100,
      listed: i % 3 === 0,
      phone: `139${String(i).padStart(8, '0')}`,
    }));
    rows[12_345] = { ...rows[12_345]!, uscc: rows[100]!.uscc };
    rows[19_999] = { ...rows[19_999]!, phone: '12345' };
    const buf = await writeTable(columns, rows, { format: 'xlsx' });
    const read = await readTable(buf, { format: 'xlsx', columns });
    expect(read.rows).toHaveLength(n);
    expect(read.rows[n - 1]?.row).toBe(n + 1);
    expect(read.rows[0]?.values).toEqual(rows[0]);
    expect(read.rows[9_999]?.values).toEqual(rows[9_999]);
    expect(
      read.rows.every((r, i) => r.values.code === rows[i]!.code && r.values.uscc === rows[i]!.uscc),
    ).toBe(true);
    const dup = validateUnique(read.rows, (v) => v.uscc, headerOf(read, columns[1]!));
    expect(codesOf(importReport(read, dup).errors)).toEqual([
      '12347:统一社会信用代码:DUPLICATE',
      '20001:联系电话:MOBILE_LENGTH',
    ]);
  });
});
