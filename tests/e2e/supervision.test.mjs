// The internship journey, second part: supervision by evidence. On the demo data, a placed student opens
// their internship from 我的实习 and submits a log with a work artefact (the period defaults to the day
// after their last log); the host's enterprise mentor (李师傅, the `mentor` account) finds it in the log
// inbox, downloads the artefact and co-signs it; the school (`school`) reviews it; the student sees both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, expectTitle, login, logout, useBrowser, withPage } from './helpers.mjs';

useBrowser();

/** A tiny valid PNG (the server checks a file's first bytes against its type). */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * As the signed-in secretariat: an active placement of 江临职业技术学院 at 江临智能装备有限公司 with 李师傅 as
 * its mentor, whose next log period (the day after its last log to today) is free and not too long.
 */
async function pickPlacement(page) {
  return page.evaluate(async () => {
    const get = async (path) => {
      const res = await fetch(`/api/v1${path}`);
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return res.json();
    };
    const me = await get('/auth/me');
    const cid = me.memberships.find((m) => m.consortiumId).consortiumId;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const dayAfter = (d) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const list = await get(
      `/consortia/${cid}/internships/placements?status=active&pageSize=100&q=${encodeURIComponent('江临智能装备有限公司')}`,
    );
    for (const p of list.items) {
      if (p.hostName !== '江临智能装备有限公司' || p.enterpriseMentorName !== '李师傅') continue;
      if (p.schoolName !== '江临职业技术学院' || !p.studentNo) continue;
      const logs = await get(
        `/consortia/${cid}/internships/placements/${p.id}/logs?pageSize=1&sort=-periodStart`,
      );
      const last = logs.items[0]?.periodEnd ?? null;
      const start = last ? dayAfter(last) : p.startDate;
      const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000 + 1;
      if (start <= today && days <= 14) {
        return { id: p.id, studentNo: p.studentNo, studentName: p.studentName, start, today };
      }
    }
    return null;
  });
}

test('supervision: a student submits a log with a file, the host mentor co-signs it, the school reviews it', (t) =>
  withPage(t, async (page) => {
    const unique = Date.now().toString(36);
    const content = `本期在精密装配区跟随李师傅练习六轴机器人示教编程（${unique}），独立完成了两次工件坐标系标定，并把点位检查步骤整理成操作卡片。`;
    const fileName = `工件坐标系标定-${unique}.png`;

    // the secretariat finds a placed student
    await login(page, 'secretariat');
    await page.waitForURL((u) => u.pathname === '/');
    const placement = await pickPlacement(page);
    assert.ok(placement, 'an active placement at 江临智能装备有限公司 whose next log is due');
    const period = `${placement.start} ~ ${placement.today}`;
    await logout(page);

    // the student opens the internship from 我的实习 and submits a log with a work artefact
    await login(page, `s${placement.studentNo}`);
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('nav-internMy').click();
    await page.getByTestId('my-placement-link').first().click();
    await page.waitForURL((u) => u.pathname === `/internships/placements/${placement.id}`);
    const panel = page.getByTestId('placement-supervision');
    await panel.getByRole('tab', { name: '实习日志' }).waitFor();
    await panel.getByTestId('log-new').click();
    const form = page.getByRole('dialog', { name: '提交日志' });
    // the period runs from the day after the last log to today
    assert.equal(await form.getByLabel('周期开始').inputValue(), placement.start);
    assert.equal(await form.getByLabel('周期结束').inputValue(), placement.today);
    // too short: the form says so before anything is sent
    await form.getByTestId('log-content-input').fill('本周学习了示教编程。');
    await form.getByRole('button', { name: '提交日志' }).click();
    await form.getByText('日志内容至少 30 个字').waitFor();
    await form.getByTestId('log-content-input').fill(content);
    await form
      .getByTestId('log-files-input')
      .locator('input[type=file]')
      .setInputFiles({ name: fileName, mimeType: 'image/png', buffer: png });
    await form.getByTestId('log-added-file').filter({ hasText: fileName }).waitFor();
    await form.getByRole('button', { name: '提交日志' }).click();
    await form.waitFor({ state: 'hidden' });
    const mine = panel.getByTestId('log-card').filter({ hasText: unique });
    await mine.getByTestId('log-status').filter({ hasText: '已提交' }).waitFor();
    await mine.getByRole('button', { name: `下载 ${fileName}` }).waitFor();
    await logout(page);

    // the host's mentor finds it among the logs to co-sign, downloads the artefact, co-signs
    await login(page, 'mentor');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('nav-supLogs').click();
    await expectTitle(page, '日志待办');
    const row = page.locator('.ant-table-row', { hasText: unique });
    await row.waitFor();
    await row.getByTestId('log-read').click();
    const drawer = page.getByTestId('log-drawer');
    await drawer.getByText(content).waitFor();
    const download = page.waitForEvent('download');
    await drawer.getByRole('button', { name: `下载 ${fileName}` }).click();
    assert.equal((await download).suggestedFilename(), fileName);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await row.getByRole('button', { name: `会签 ${placement.studentName} ${period}` }).click();
    const cosign = page.getByRole('dialog', { name: '会签日志' });
    await cosign.getByLabel('导师意见（选填）').fill('标定过程记录清楚，继续保持。');
    await cosign.getByRole('button', { name: '确认会签' }).click();
    await cosign.waitFor({ state: 'hidden' });
    // the inbox shows what is still to co-sign: the log has left it
    await row.waitFor({ state: 'detached' });
    await logout(page);

    // the school reviews the co-signed log
    await login(page, 'school');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('nav-supLogs').click();
    await expectTitle(page, '日志待办');
    const toReview = page.locator('.ant-table-row', { hasText: unique });
    await toReview.getByTestId('log-status').filter({ hasText: '已会签' }).waitFor();
    await toReview.getByRole('button', { name: `审阅 ${placement.studentName} ${period}` }).click();
    const review = page.getByRole('dialog', { name: '审阅日志' });
    await review.getByLabel('审阅意见（选填）').fill('已阅，整理的操作卡片可以分享给同组同学。');
    await review.getByRole('button', { name: '确认审阅' }).click();
    await review.waitFor({ state: 'hidden' });
    await toReview.waitFor({ state: 'detached' });
    await logout(page);

    // the student sees it co-signed and reviewed, with both notes
    await login(page, `s${placement.studentNo}`);
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`${baseUrl}/internships/placements/${placement.id}`);
    const done = page.getByTestId('log-card').filter({ hasText: unique });
    await done.getByTestId('log-status').filter({ hasText: '已审阅' }).waitFor();
    await done.getByText(/企业导师 李师傅 于 .* 会签：标定过程记录清楚，继续保持。/).waitFor();
    await done.getByText(/学校 .* 于 .* 审阅：已阅，整理的操作卡片可以分享给同组同学。/).waitFor();
    // a reviewed log is no longer the student's to edit
    assert.equal(await done.getByTestId('log-edit').count(), 0);
  }));
