// The reference catalogs: the platform admin sees which catalogs are incomplete (with the source and its
// certainty), imports part of the official major table through the wizard, and browses to a new major and
// its ancestors, and links it to an industry and an occupation group. A teacher reads the catalogs without the admin's actions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectTitle, login, logout, useBrowser, withPage } from './helpers.mjs';

useBrowser();

test('admin imports majors into the catalog and browses them; a teacher only reads', (t) =>
  withPage(t, async (page) => {
    await login(page, 'admin');
    await page.getByTestId('nav-catalogs').click();
    await expectTitle(page, '参考目录');
    const majors = page.getByTestId('catalog-major-2021');
    await majors.getByTestId('catalog-incomplete').getByText('目录不完整').waitFor();
    await majors.getByTestId('catalog-incomplete').getByText('M 待核实').waitFor();

    await page.getByTestId('catalog-import-major').click();
    const wizard = page.getByRole('dialog', { name: /导入专业目录/ });
    const csv = '代码,名称,上级代码\n4601,机械设计制造类,46\n460103,数控技术,4601\n';
    await wizard
      .locator('input[type=file]')
      .setInputFiles({ name: '专业.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('import-check').click();
    // the demo consortium already loaded these two (marked unverified): the file confirms them
    await page
      .getByTestId('import-ok')
      .getByText(/共 2 行/)
      .waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result').waitFor();
    await page.getByTestId('import-done').click();
    await wizard.waitFor({ state: 'hidden' });
    await majors.getByText('5 / 1349').waitFor();

    await page.getByTestId('catalog-browse-major').click();
    await expectTitle(page, '职业教育专业目录（2021年）');
    await page.getByPlaceholder('按代码或名称搜索').fill('数控');
    await page.getByPlaceholder('按代码或名称搜索').press('Enter');
    await page.getByTestId('catalog-entries').getByRole('button', { name: '数控技术' }).click();
    const entry = page.getByTestId('catalog-entry');
    await entry.getByText('4601 机械设计制造类').waitFor();
    await entry.getByText('对应行业与职业').waitFor();
    // the admin links the major to an industry and an occupation group
    const editor = entry.getByTestId('crosswalk-editor');
    const [industries, occupations] = [editor.locator('input').nth(0), editor.locator('input').nth(1)];
    await industries.fill('35');
    await industries.press('Enter');
    await occupations.fill('6');
    await occupations.press('Enter');
    await editor.getByRole('button', { name: '保存对照' }).click();
    await page.getByText('已保存专业对照').waitFor();
    await entry.getByText('专用设备制造业').waitFor();
    await entry.getByText('生产制造及有关人员').waitFor();
    await page.keyboard.press('Escape');
    await entry.waitFor({ state: 'hidden' });

    await logout(page);
    await login(page, 'teacher');
    await page.getByTestId('nav-catalogs').click();
    await expectTitle(page, '参考目录');
    await page.getByTestId('catalog-major-2021').waitFor();
    assert.equal(await page.getByTestId('catalog-import-major').count(), 0, 'a teacher cannot import');
    assert.equal(await page.getByTestId('catalog-new-version').count(), 0, 'a teacher cannot add versions');
  }));
