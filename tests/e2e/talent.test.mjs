// The talent platform's core journey: an enterprise posts a job and sends it for vetting; students do not
// find it until the secretariat approves it; then a student finds it by searching (数控, a 2-character
// term, and a word unique to this run), applies; the enterprise, told by its bell, opens the application
// and makes an offer; the student accepts; the supply–demand dashboard counts it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, expectTitle, login, logout, pickSearched, useBrowser, withPage } from './helpers.mjs';

useBrowser();

/** The talent dashboard's funnel, read through the API from the signed-in page (same session). */
async function funnel(page) {
  return page.evaluate(async () => {
    const me = await (await fetch('/api/v1/auth/me')).json();
    const id = me.memberships.find((m) => m.consortiumId).consortiumId;
    const res = await fetch(`/api/v1/consortia/${id}/talent/dashboard`);
    if (!res.ok) throw new Error(`dashboard: HTTP ${res.status}`);
    return (await res.json()).funnel;
  });
}

/** Searches the open postings as a student and waits for the answer to show. */
async function search(page, q) {
  await page.goto(`${baseUrl}/postings?q=${encodeURIComponent(q)}`);
  // the total shows once the answer for this very query has come
  await page.getByTestId('postings-total').filter({ hasText: q }).waitFor();
}

/** The number in "“q”共找到 N 个开放岗位". */
async function totalShown(page) {
  const text = await page.getByTestId('postings-total').innerText();
  const m = /(\d+)\s*个/.exec(text);
  assert.ok(m, `a total in "${text}"`);
  return Number(m[1]);
}

test('a posting goes from the enterprise through vetting to a student, who applies and accepts an offer', (t) =>
  withPage(t, async (page) => {
    const unique = `zk${Date.now().toString(36)}`;
    const title = `数控机床装调员 ${unique}`;

    // the enterprise posts and sends it for vetting
    await login(page, 'enterprise');
    await page.waitForURL((u) => u.pathname === '/');
    const before = await funnel(page);
    await page.getByTestId('nav-postings').click();
    await expectTitle(page, '岗位');
    await page.getByTestId('posting-create').click();
    const drawer = page.getByRole('dialog', { name: '发布岗位' });
    await drawer.getByTestId('posting-title').fill(title);
    await drawer.getByLabel('月薪下限（元）').fill('5000');
    await drawer.getByLabel('月薪上限（元）').fill('4000');
    await drawer.getByTestId('posting-submit').click();
    // the form says what is wrong before anything is sent
    await drawer.getByText('月薪上限不能低于下限').waitFor();
    await drawer.getByLabel('月薪上限（元）').fill('8000');
    await drawer.getByLabel('招聘人数').fill('3');
    await pickSearched(page, drawer.getByLabel('面向专业'), '数控', '数控技术');
    await drawer.getByTestId('posting-skills').click();
    await page.keyboard.type('数控系统调试');
    await page.keyboard.press('Enter');
    await drawer
      .getByTestId('posting-requirements')
      .fill('负责数控机床的安装、调试与精度检测，能读懂电气图纸。');
    await drawer.getByTestId('posting-submit').click();
    await page.getByText('岗位已提交，等待秘书处审核').waitFor();
    await drawer.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: new RegExp(unique) });
    await row.getByTestId('posting-status').filter({ hasText: '待审核' }).waitFor();
    await row.getByTestId('posting-link').click();
    await page.waitForURL((u) => /^\/postings\/[0-9a-f-]{36}$/.test(u.pathname));
    const postingPath = new URL(page.url()).pathname;
    await expectTitle(page, title);
    await page.getByTestId('status-history').getByText('待审核').first().waitFor();
    await logout(page);

    // the student does not find it before it is vetted, and cannot open it
    await login(page, 'student');
    await page.waitForURL((u) => u.pathname === '/');
    await search(page, unique);
    assert.equal(await totalShown(page), 0, 'an unvetted posting is not found');
    await search(page, '数控');
    const numerousBefore = await totalShown(page);
    assert.ok(numerousBefore > 0, 'the demo postings answer 数控');
    await page.goto(`${baseUrl}${postingPath}`);
    await expectTitle(page, '页面不存在');
    await logout(page);

    // the secretariat vets it from the queue
    await login(page, 'secretariat');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`${baseUrl}/postings`);
    await page.getByTestId('view-vet').waitFor();
    // the queue is oldest first: find this one by its unique word
    await page.getByTestId('postings-table-search').locator('input').fill(unique);
    await page.keyboard.press('Enter');
    const queued = page.getByRole('row', { name: new RegExp(unique) });
    await queued.getByTestId('posting-row-approve').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '审核通过' }).click();
    await page.getByText(`“${title}”已审核通过`).waitFor();
    await queued.waitFor({ state: 'detached' });
    await logout(page);

    // the student finds it by 数控 and by the unique word, and applies
    await login(page, 'student');
    await page.waitForURL((u) => u.pathname === '/');
    await search(page, '数控');
    assert.equal(await totalShown(page), numerousBefore + 1, '数控 now finds one more posting');
    await search(page, `数控 ${unique}`);
    assert.equal(await totalShown(page), 1);
    await search(page, unique);
    assert.equal(await totalShown(page), 1, 'the unique word finds it');
    const card = page.getByTestId('posting-card').filter({ hasText: unique });
    await card.locator('mark', { hasText: unique }).first().waitFor();
    await card.getByTestId('posting-card-title').click();
    await expectTitle(page, title);
    await page.getByTestId('apply').click();
    const apply = page.getByRole('dialog', { name: `申请“${title}”` });
    await apply.getByTestId('cover-note').fill('我在校学习数控技术，参加过数控车铣加工实训。');
    await apply.getByRole('button', { name: '提交申请' }).click();
    await page.getByText(`已申请“${title}”`).waitFor();
    await page.getByTestId('my-application-link').waitFor();
    await logout(page);

    // the enterprise is told by its bell, opens the application and makes an offer
    await login(page, 'enterprise');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('notification-bell').click();
    await page
      .getByTestId('notification-item')
      .filter({ hasText: `新的申请：张同学 申请“${title}”` })
      .click();
    await page.waitForURL((u) => u.pathname.startsWith('/applications/'));
    await page.getByTestId('applicant-name').filter({ hasText: '张同学' }).waitFor();
    await page.getByText('我在校学习数控技术').waitFor();
    await page.getByTestId('application-offer').click();
    await page.getByRole('dialog').getByTestId('action-note').fill('欢迎加入，请于下周一报到。');
    await page.getByRole('dialog').getByTestId('action-confirm').click();
    await page.getByTestId('application-status').filter({ hasText: '已录用待确认' }).waitFor();
    await page.getByTestId('status-history').getByText('欢迎加入，请于下周一报到。').waitFor();
    // the posting's applicants are one click from the enterprise's list
    await page.goto(`${baseUrl}/applications?postingId=${postingPath.split('/').pop()}`);
    await page
      .getByRole('row', { name: /张同学/ })
      .getByTestId('application-status')
      .waitFor();
    await logout(page);

    // the student accepts the offer from their applications
    await login(page, 'student');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('nav-applications').click();
    const mine = page.getByRole('row', { name: new RegExp(unique) });
    await mine.getByTestId('application-status').filter({ hasText: '已录用待确认' }).waitFor();
    await mine.getByTestId('row-accept').click();
    await page.getByRole('dialog').getByTestId('action-confirm').click();
    await mine.getByTestId('application-status').filter({ hasText: '已接受录用' }).waitFor();

    // the dashboard counts it: one more vetted posting, application, offer and acceptance
    const after = await funnel(page);
    assert.equal(after.postings, before.postings + 1, 'vetted postings');
    assert.equal(after.applied, before.applied + 1, 'applications');
    assert.equal(after.offered, before.offered + 1, 'offers');
    assert.equal(after.accepted, before.accepted + 1, 'acceptances');
    // and the dashboard page shows the new figure
    await page.getByTestId('nav-dashboard').click();
    await page.waitForURL((u) => u.pathname === '/talent/dashboard');
    const accepted = page.getByTestId('kpi-accepted').locator('.ant-statistic-content');
    await accepted.waitFor();
    assert.equal(
      Number((await accepted.innerText()).replace(/\D/g, '')),
      after.accepted,
      'the dashboard KPI',
    );
  }));

test('a student finds the demo posting 工业机器人运维工程师 by 工业机器人运维', (t) =>
  withPage(t, async (page) => {
    await login(page, 'student');
    await page.waitForURL((u) => u.pathname === '/');
    await search(page, '工业机器人运维');
    assert.ok((await totalShown(page)) > 0);
    await page.getByTestId('posting-card').filter({ hasText: '工业机器人运维工程师' }).first().waitFor();
  }));
