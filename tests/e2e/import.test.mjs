// An import journey: the secretariat imports member units from Excel through the wizard. A file with a
// bad row is refused as a whole (the report names the row); the fixed file goes in; the new members are
// found in the list.
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { expectTitle, login, useBrowser, withPage } from './helpers.mjs';

useBrowser();

const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a unified social credit code whose first 17 are `body`. */
function usccCheckChar(body) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charset.indexOf(body[i]) * weights[i];
  return charset[(31 - (sum % 31)) % 31];
}

const goodUscc = (body) => body + usccCheckChar(body);
const badUscc = (body) => {
  const right = usccCheckChar(body);
  return body + (right === '0' ? '1' : '0');
};

const headers = ['单位名称', '单位类型', '联合体角色', '统一社会信用代码', '在岗职工数', '职工数截至日期'];

async function workbook(rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成员单位');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('secretariat imports member units from Excel: a bad row stops it all, the fixed file goes in', (t) =>
  withPage(t, async (page) => {
    const first = '澜沧精密模具有限公司';
    const second = '澜沧工业机器人有限公司';
    const body1 = '91329900MA1LC0001';
    const body2 = '91329900MA1LC0002';
    const rows = (uscc2) => [
      [first, '企业', '成员单位', goodUscc(body1), 320, '2026-06-30'],
      [second, '企业', '理事单位', uscc2, 150, '2026-06-30'],
    ];
    const bad = await workbook(rows(badUscc(body2)));
    const fixed = await workbook(rows(goodUscc(body2)));

    await login(page, 'secretariat');
    await page.getByTestId('nav-units').click();
    await expectTitle(page, '成员单位');

    await page.getByTestId('units-import').click();
    const wizard = page.getByRole('dialog', { name: '导入成员单位' });
    await wizard.getByText('只要有一行出错，就不会写入任何数据').waitFor();
    await wizard.locator('input[type=file]').setInputFiles({
      name: '成员单位-有误.xlsx',
      mimeType: xlsxType,
      buffer: bad,
    });
    await page.getByTestId('import-check').click();

    // the dry run: the headers were recognised, the bad row is named, nothing was written
    await page.getByTestId('import-failed').getByText('发现 1 处错误').waitFor();
    await wizard.getByText('有错误时不会写入任何数据').waitFor();
    const mapping = page.getByTestId('import-mapping');
    await mapping.getByText('统一社会信用代码', { exact: true }).waitFor();
    const errorRow = page.getByTestId('import-errors').locator('.ant-table-row').first();
    await errorRow.getByRole('cell', { name: '3', exact: true }).waitFor();
    await errorRow.getByText('统一社会信用代码校验位（第 18 位）错误').waitFor();
    if (!(await page.getByTestId('import-run').isDisabled()))
      throw new Error('import enabled despite errors');
    await page.getByTestId('import-annotated').waitFor();

    // the fixed file passes the check and goes in
    await page.getByTestId('import-choose-again').click();
    await wizard.locator('input[type=file]').setInputFiles({
      name: '成员单位.xlsx',
      mimeType: xlsxType,
      buffer: fixed,
    });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-ok').getByText('将新增 2 个').waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result').getByText('新增 2 个，更新 0 个，0 个不变').waitFor();
    await page.getByTestId('import-done').click();
    await wizard.waitFor({ state: 'hidden' });

    // the new members are in the list, found by a two-character Chinese search
    await page.getByPlaceholder('按单位名称搜索').fill('澜沧');
    await page.getByPlaceholder('按单位名称搜索').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === '澜沧');
    await page.locator('.ant-table-row').getByText(first, { exact: true }).waitFor();
    await page.locator('.ant-table-row').getByText(second, { exact: true }).waitFor();
  }));
