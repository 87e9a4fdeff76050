// The internship journey: a school makes a plan; a placement at a host too small for another intern is
// refused, the 10% cap rule named by the live check and by the save; the fixed placement is saved; the
// school, the host and the student each confirm the three-party agreement; the school starts it; the
// student submits a log; the host's mentor co-signs it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, expectTitle, login, logout, pickSearched, useBrowser, withPage } from './helpers.mjs';

useBrowser();

/** A day in China (the platform's calendar), `offset` days from today, YYYY-MM-DD. */
function chinaDay(offset = 0) {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

/** A valid 统一社会信用代码 with `body` (9 characters) as the organisation code (check character computed). */
function uscc(body) {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const first17 = `91330100${body}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charset.indexOf(first17[i]) * weights[i];
  return first17 + charset[(31 - (sum % 31)) % 31];
}

/** Types a date into an antd DatePicker and accepts it. */
async function fillDate(locator, date) {
  await locator.click();
  await locator.fill(date);
  await locator.press('Enter');
}

/** Confirms the agreement as `party` from the placement page, through its Popconfirm. */
async function confirmAs(page, party) {
  const card = page.getByTestId('agreement');
  await card.getByTestId(`agreement-confirm-${party}`).click();
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /^确\s*认$/ })
    .click();
  await card
    .getByTestId(`agreement-party-${party}`)
    .getByText(/于 .* 确认/)
    .waitFor();
}

test('a school plans an internship; the 10% cap refuses a placement; the fixed one is confirmed by all three, started, logged and co-signed', (t) =>
  withPage(t, async (page) => {
    const unique = Date.now().toString(36).toUpperCase();
    const planTitle = `岗位实习 ${unique}`;
    const today = chinaDay();
    const smallHost = `临江小微装配厂 ${unique}`;

    // the school makes a plan
    await login(page, 'school');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('nav-internPlans').click();
    await expectTitle(page, '实习计划');
    await page.getByTestId('plan-create').click();
    const planDrawer = page.getByRole('dialog', { name: '新建实习计划' });
    await planDrawer.getByLabel('计划名称').fill(planTitle);
    await planDrawer.getByLabel('年级').fill('2025级');
    // it starts today, so that the placement can start and be logged within the journey
    await fillDate(planDrawer.getByLabel('开始日期'), today);
    await fillDate(planDrawer.getByLabel('结束日期'), chinaDay(150));
    await planDrawer.getByLabel('指导教师').fill('王老师');
    // the default rubric adds up to 100
    await planDrawer.getByTestId('rubric-sum').filter({ hasText: '100 / 100' }).waitFor();
    await planDrawer.getByTestId('plan-save').click();
    await page.waitForURL((u) => /^\/internships\/plans\/[0-9a-f-]{36}$/.test(u.pathname));
    await expectTitle(page, planTitle);

    // a placement at a host with 5 employees: one intern is 20%, above the 10% cap
    await page.getByTestId('placement-create').click();
    const drawer = page.getByRole('dialog', { name: '新增实习安排' });
    await pickSearched(page, drawer.getByLabel('学生'), '张同学', '张同学');
    await drawer.getByText('外部单位', { exact: true }).click();
    await drawer.getByTestId('host-register').click();
    const hostModal = page.getByRole('dialog', { name: '登记外部实习单位' });
    await hostModal.getByLabel('单位名称').fill(smallHost);
    await hostModal.getByLabel('统一社会信用代码').fill(uscc(`MA${String(Date.now()).slice(-7)}`));
    await hostModal.getByLabel('在岗职工人数').fill('5');
    await fillDate(hostModal.getByLabel('人数截至'), chinaDay(-30));
    await hostModal.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText(`已登记“${smallHost}”`).waitFor();
    await hostModal.waitFor({ state: 'hidden' });
    await drawer.getByLabel('岗位名称').fill('装配工');
    await drawer.getByLabel('企业指导人员').fill('赵师傅');
    await drawer.getByLabel('实习报酬').fill('3000');
    await drawer.getByLabel('同岗位职工工资').fill('3600');

    // the live check names the rule, with the numbers, its source and its certainty
    const panel = drawer.getByTestId('check-panel');
    const ratio = panel.getByTestId('finding-R-RATIO-HOST');
    await ratio.waitFor();
    const text = await ratio.innerText();
    assert.match(text, /实习生将达到在岗职工的 20%，超过 10% 上限/);
    assert.match(text, /R-RATIO-HOST/);
    assert.match(text, /阻止/);
    assert.match(text, /《职业学校学生实习管理规定》/);
    assert.match(text, /\[M\] 未核实/);
    await panel.getByTestId('check-blocked').waitFor();

    // saving anyway is refused by the server, with the same rule
    await drawer.getByTestId('placement-save').click();
    await panel.getByTestId('check-refused').waitFor();
    await panel.getByTestId('finding-R-RATIO-HOST').waitFor();
    assert.equal(await drawer.isVisible(), true, 'the drawer stays open');

    // fixed: the enterprise of the consortium with 1,860 employees
    await drawer.getByText('联合体成员单位', { exact: true }).click();
    await pickSearched(
      page,
      drawer.getByLabel('实习单位', { exact: true }),
      '江临智能装备',
      '江临智能装备有限公司',
    );
    await drawer.getByTestId('host-employees').filter({ hasText: '1860' }).waitFor();
    // the internship liability insurance (its period starts as the placement's); needed before the start
    await drawer.getByLabel('保险公司').fill('中国人民财产保险股份有限公司');
    await drawer.getByLabel('保单号').fill(`PICC-E2E-${unique}`);
    await drawer.getByLabel('保费承担方').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '学校' })
      .first()
      .click();
    await panel.getByTestId('check-ok').waitFor();
    assert.equal(await panel.getByTestId('finding-R-RATIO-HOST').count(), 0, 'the cap is no longer broken');
    await drawer.getByTestId('placement-save').click();
    await page.waitForURL((u) => /^\/internships\/placements\/[0-9a-f-]{36}$/.test(u.pathname));
    const placementPath = new URL(page.url()).pathname;
    await expectTitle(page, '张同学 · 江临智能装备有限公司');
    await page.getByTestId('placement-status').filter({ hasText: '待开始' }).first().waitFor();

    // the three parties confirm the agreement: the school first
    await page.getByTestId('agreement-version').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('agreement-party-host').getByTestId('agreement-pending').waitFor();
    assert.equal(
      await page.getByTestId('agreement-confirm-host').count(),
      0,
      'the school cannot confirm for a member host',
    );
    await confirmAs(page, 'school');
    await logout(page);

    // the host (the enterprise's admin) sees the intern and confirms
    await login(page, 'enterprise');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('nav-internPlacements').click();
    await expectTitle(page, '实习生');
    await page
      .getByRole('row', { name: new RegExp(planTitle) })
      .getByTestId('placement-link')
      .click();
    await page.waitForURL((u) => u.pathname === placementPath);
    await confirmAs(page, 'host');
    await logout(page);

    // the student finds it under 我的实习 and confirms
    await login(page, 'student');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('nav-internMy').click();
    await expectTitle(page, '我的实习');
    await page
      .getByTestId('my-placement')
      .filter({ hasText: planTitle })
      .getByTestId('my-placement-link')
      .click();
    await page.waitForURL((u) => u.pathname === placementPath);
    await confirmAs(page, 'student');
    await page.getByTestId('agreement-complete').waitFor();
    assert.equal(await page.getByTestId('agreement-pending').count(), 0, 'no party left to confirm');
    await logout(page);

    // the school starts it: its first day is today, the agreement is confirmed, the insurance complete
    await login(page, 'school');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`${baseUrl}${placementPath}`);
    await page.getByTestId('placement-start').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '开始实习' }).click();
    await page.getByTestId('placement-status').filter({ hasText: '实习中' }).first().waitFor();
    await logout(page);

    // the student submits the first log
    const content = `第一天在江临智能装备有限公司的装配线报到（${unique}），参加了安全教育，跟随师傅熟悉了工位和扭力扳手的使用。`;
    await login(page, 'student');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`${baseUrl}${placementPath}`);
    const supervision = page.getByTestId('placement-supervision');
    await supervision.getByTestId('log-new').first().click();
    const form = page.getByRole('dialog', { name: '提交日志' });
    assert.equal(await form.getByLabel('周期开始').inputValue(), today);
    await form.getByTestId('log-content-input').fill(content);
    await form.getByRole('button', { name: '提交日志' }).click();
    await form.waitFor({ state: 'hidden' });
    await supervision
      .getByTestId('log-card')
      .filter({ hasText: unique })
      .getByTestId('log-status')
      .filter({ hasText: '已提交' })
      .waitFor();
    await logout(page);

    // the host's mentor co-signs it from the logs waiting for them
    await login(page, 'mentor');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('nav-supLogs').click();
    await expectTitle(page, '日志待办');
    const row = page.locator('.ant-table-row', { hasText: unique });
    await row.waitFor();
    await row.getByRole('button', { name: `会签 张同学 ${today} ~ ${today}` }).click();
    const cosign = page.getByRole('dialog', { name: '会签日志' });
    await cosign.getByRole('button', { name: '确认会签' }).click();
    await cosign.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    await page.goto(`${baseUrl}${placementPath}`);
    await page
      .getByTestId('log-card')
      .filter({ hasText: unique })
      .getByTestId('log-status')
      .filter({ hasText: '已会签' })
      .waitFor();
  }));
