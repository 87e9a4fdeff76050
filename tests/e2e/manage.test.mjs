// A write journey: the secretariat adds a member unit and an account in it; the new person logs in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  baseUrl,
  expectNav,
  expectTitle,
  login,
  logout,
  useBrowser,
  withPage,
  schoolInternshipNav,
} from './helpers.mjs';

useBrowser();

/** Chooses `label` in an antd Select (typing `search` first); retried, as a busy machine may drop a click. */
async function pickOption(page, trigger, label, search) {
  for (let attempt = 1; ; attempt++) {
    await trigger.click();
    if (search) await page.keyboard.type(search);
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

test('secretariat adds a member unit and a teacher account; the teacher logs in', (t) =>
  withPage(t, async (page) => {
    const unitName = '江临新能源汽车职业学院';
    await login(page, 'secretariat');
    await page.getByTestId('nav-units').click();
    await expectTitle(page, '成员单位');

    // the form says what is missing before anything is sent
    await page.getByTestId('unit-create').click();
    const modal = page.getByRole('dialog', { name: '新增成员单位' });
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.getByText('必填').first().waitFor();

    await page.getByTestId('unit-name').fill(unitName);
    await pickOption(page, modal.getByTestId('unit-type'), '高职专科');
    // a school must give its unified social credit code, checked like the server does
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.getByText('企业与学校须填写统一社会信用代码').waitFor();
    await page.getByTestId('unit-uscc').fill('12330100MB1234567X');
    await modal.getByText('统一社会信用代码校验位（第 18 位）错误').waitFor();
    await page.getByTestId('unit-uscc').fill('12330100MB1234567B');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText(`已新增成员单位“${unitName}”`).waitFor();
    await modal.waitFor({ state: 'hidden' });
    await page.getByPlaceholder('按单位名称搜索').fill('新能源汽车');
    await page.getByPlaceholder('按单位名称搜索').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === '新能源汽车');
    await page.locator('.ant-table-row').getByText(unitName, { exact: true }).waitFor();

    await page.getByTestId('nav-users').click();
    await expectTitle(page, '账号');
    await page.getByTestId('user-create').click();
    const drawer = page.getByRole('dialog', { name: '新建账号' });
    await page.getByTestId('user-username').fill('e2e-teacher');
    await page.getByTestId('user-displayname').fill('赵老师');
    await page.getByTestId('user-password').fill('short');
    await pickOption(page, drawer.getByTestId('user-role'), '教师');
    await pickOption(page, drawer.getByTestId('user-unit'), unitName, '新能源汽车');
    await page.getByTestId('user-submit').click();
    await drawer.getByText('至少 8 个字符').waitFor();
    await page.getByTestId('user-password').fill('Teach2026x');
    await page.getByTestId('user-submit').click();
    await page.getByText('已创建账号“赵老师”').waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByPlaceholder('按用户名或姓名搜索').fill('e2e');
    await page.getByPlaceholder('按用户名或姓名搜索').press('Enter');
    await page.getByRole('cell', { name: 'e2e-teacher' }).waitFor();

    // the change is in the audit log
    await page.getByTestId('nav-audit').click();
    await expectTitle(page, '审计日志');
    await page
      .getByRole('cell', { name: /赵老师|e2e-teacher/ })
      .first()
      .waitFor();

    await logout(page);
    await login(page, 'e2e-teacher', 'Teach2026x');
    await expectTitle(page, '江临市智能制造产教联合体');
    await expectNav(page, [
      'home',
      'units',
      'dashboard',
      'lists',
      'postings',
      'applications',
      'candidates',
      'outcomes',
      ...schoolInternshipNav,
      'rates',
      'catalogs',
    ]);
    const roles = await page.getByText(`教师 · ${unitName}`).count();
    assert.equal(roles, 1, 'the home page names the new role and unit');
    await page.goto(`${baseUrl}/account`);
    await expectTitle(page, '个人中心');
  }));
