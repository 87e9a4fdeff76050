// The consortium overview: the secretariat sees the profile (status history, parks, industries and their
// chains, lead units), records a status change with its date and note, adds a park, uploads the charter
// and downloads it again. A teacher sees the same overview without edit buttons.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, logout, useBrowser, withPage } from './helpers.mjs';

useBrowser();

/** Chooses `label` in an antd Select; retried, as a busy machine may drop a click. */
async function pickOption(page, trigger, label) {
  for (let attempt = 1; ; attempt++) {
    await trigger.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
      .first()
      .click();
    try {
      await trigger.getByText(label).waitFor({ timeout: 3000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

test('secretariat edits the consortium profile, adds a park and uploads the charter', (t) =>
  withPage(t, async (page) => {
    await login(page, 'secretariat');
    const profile = page.getByTestId('profile-card');
    await profile.getByText('理事会成立，章程通过').waitFor();
    await page.getByTestId('industries-card').getByText('通用设备制造业').waitFor();
    await page.getByTestId('industries-card').getByText('工业机器人').waitFor();
    await page.getByTestId('parks-card').getByText('江临经济技术开发区').waitFor();
    await page.getByTestId('leaders-card').getByText('江临市人民政府').waitFor();

    // a status change is recorded with its date and note
    await page.getByTestId('edit-profile').click();
    const dialog = page.getByRole('dialog', { name: '编辑概况' });
    await pickOption(page, dialog.getByTestId('profile-status'), '监测');
    await dialog.getByLabel('状态变更说明').fill('纳入省级年度监测');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('status-history').getByText('纳入省级年度监测').waitFor();

    // a park is added
    await page.getByTestId('edit-parks').click();
    const parks = page.getByRole('dialog', { name: '编辑园区' });
    await parks.getByRole('button', { name: '添加园区' }).click();
    await parks.getByLabel('园区名称').last().fill('江临高新技术产业园');
    await parks.locator('.ant-modal-footer .ant-btn-primary').click();
    await parks.waitFor({ state: 'hidden' });
    await page.getByTestId('parks-card').getByText('江临高新技术产业园').waitFor();

    // the charter goes up and comes back down
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    await page
      .getByTestId('charter-card')
      .locator('input[type=file]')
      .setInputFiles({ name: '联合体章程.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('章程已上传').waitFor();
    await page.getByTestId('charter-card').getByText('联合体章程.pdf').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('charter-download').click(),
    ]);
    assert.equal(download.suggestedFilename(), '联合体章程.pdf');

    await logout(page);
    await login(page, 'teacher');
    await page.getByTestId('status-history').getByText('纳入省级年度监测').waitFor();
    await page.getByTestId('charter-download').waitFor();
    assert.equal(await page.getByTestId('edit-profile').count(), 0, 'a teacher cannot edit the profile');
    assert.equal(await page.getByTestId('charter-upload').count(), 0, 'a teacher cannot upload');
  }));
