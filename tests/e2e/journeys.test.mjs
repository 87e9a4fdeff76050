// The journeys of the web app in a real browser, against the demo consortium seeded on a fresh database.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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

const demo = '江临市智能制造产教联合体';

/** Per demo role: the navigation it must see (exactly), one page it opens, and that page's title. */
const roles = [
  { user: 'admin', nav: ['home', 'consortia', 'catalogs', 'roles'], open: 'consortia', title: '联合体' },
  {
    user: 'authority',
    nav: [
      'home',
      'consortia',
      'units',
      'audit',
      'dashboard',
      'lists',
      'postings',
      'internPlacements',
      'supLogs',
      'supAlerts',
      'internCompliance',
      'internRules',
      'rates',
      'catalogs',
      'roles',
    ],
    open: 'audit',
    title: '审计日志',
  },
  {
    user: 'secretariat',
    nav: [
      'home',
      'units',
      'users',
      'audit',
      'dashboard',
      'lists',
      'postings',
      'applications',
      'matching',
      'candidates',
      'outcomes',
      ...schoolInternshipNav,
      'rates',
      'catalogs',
      'roles',
    ],
    open: 'users',
    title: '账号',
  },
  {
    user: 'school',
    nav: [
      'home',
      'units',
      'users',
      'dashboard',
      'lists',
      'postings',
      'applications',
      'matching',
      'candidates',
      'outcomes',
      ...schoolInternshipNav,
      'rates',
      'catalogs',
    ],
    open: 'users',
    title: '账号',
  },
  {
    user: 'enterprise',
    nav: [
      'home',
      'units',
      'users',
      'dashboard',
      'lists',
      'postings',
      'applications',
      'internPlacements',
      'supLogs',
      'supAlerts',
      'supFlags',
      'internCompliance',
      'internRules',
      'rates',
      'catalogs',
    ],
    open: 'units',
    title: '成员单位',
  },
  {
    user: 'teacher',
    nav: [
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
    ],
    open: 'units',
    title: '成员单位',
  },
  {
    user: 'mentor',
    nav: [
      'home',
      'units',
      'dashboard',
      'lists',
      'postings',
      'applications',
      'internPlacements',
      'supLogs',
      'supAlerts',
      'internCompliance',
      'internRules',
      'rates',
      'catalogs',
    ],
    open: 'units',
    title: '成员单位',
  },
  {
    user: 'student',
    nav: [
      'home',
      'units',
      'dashboard',
      'lists',
      'postings',
      'applications',
      'myProfile',
      'internMy',
      'supAlerts',
      'rates',
      'catalogs',
    ],
    open: 'units',
    title: '成员单位',
  },
];

describe('each demo role', () => {
  for (const r of roles) {
    test(`${r.user}: logs in, sees its navigation, opens ${r.open}, logs out`, (t) =>
      withPage(t, async (page) => {
        await page.goto(`${baseUrl}/`);
        await page.waitForURL((u) => u.pathname === '/login');
        await login(page, r.user);
        await page.waitForURL((u) => u.pathname === '/');
        await expectNav(page, r.nav);
        if (r.user === 'admin') {
          // no consortium chosen yet: the home page lists them all
          await expectTitle(page, '全部联合体');
        } else {
          await expectTitle(page, demo);
          await page.getByTestId('stat-units').waitFor();
        }
        await page.getByTestId(`nav-${r.open}`).click();
        await page.waitForURL((u) => u.pathname === `/${r.open}`);
        await expectTitle(page, r.title);
        await page.locator('.ant-table-row').first().waitFor();
        await logout(page);
        await expectTitle(page, '登录');
      }));
  }

  test('student: pages outside the role show 403, unknown pages 404', (t) =>
    withPage(t, async (page) => {
      await login(page, 'student');
      await page.waitForURL((u) => u.pathname === '/');
      await page.goto(`${baseUrl}/audit`);
      await expectTitle(page, '无权访问');
      await page.goto(`${baseUrl}/users`);
      await expectTitle(page, '无权访问');
      // the staff's internship pages: a student has 我的实习 instead
      await page.goto(`${baseUrl}/internships/compliance`);
      await expectTitle(page, '无权访问');
      await page.goto(`${baseUrl}/no-such-page`);
      await expectTitle(page, '页面不存在');
      await page.getByRole('button', { name: '返回首页' }).click();
      await expectTitle(page, demo);
    }));

  test('admin: choosing a consortium makes it current and opens its pages', (t) =>
    withPage(t, async (page) => {
      await login(page, 'admin');
      await expectTitle(page, '全部联合体');
      await page
        .getByRole('row', { name: new RegExp(demo) })
        .getByRole('button', { name: '设为当前' })
        .click();
      await expectTitle(page, demo);
      await expectNav(page, [
        'home',
        'consortia',
        'units',
        'users',
        'audit',
        'dashboard',
        'lists',
        'postings',
        'applications',
        'matching',
        'candidates',
        'outcomes',
        ...schoolInternshipNav,
        'rates',
        'catalogs',
        'roles',
      ]);
      await page.getByTestId('nav-audit').click();
      await expectTitle(page, '审计日志');
      await page.locator('.ant-table-row').first().waitFor();
    }));
});

describe('login', () => {
  test('a wrong password says so, with the attempts left; the right one then works', (t) =>
    withPage(t, async (page) => {
      await login(page, 'teacher', 'not-the-password-1');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      const text = await error.innerText();
      assert.match(text, /用户名或密码错误/);
      assert.match(text, /还可尝试 4 次/);
      await login(page, 'teacher');
      await expectTitle(page, demo);
    }));

  test('an unknown page asked for while logged out is opened after login', (t) =>
    withPage(t, async (page) => {
      await page.goto(`${baseUrl}/units?type=enterprise`);
      await page.waitForURL((u) => u.pathname === '/login');
      await login(page, 'secretariat');
      await page.waitForURL((u) => u.pathname === '/units' && u.search === '?type=enterprise');
      await expectTitle(page, '成员单位');
      // the filter from the address applies: every row listed is an enterprise
      await page.locator('.ant-table-row').first().waitFor();
      const types = await page.locator('.ant-table-row td:nth-child(2)').allInnerTexts();
      assert.ok(
        types.length > 0 && types.every((t) => t.trim() === '企业'),
        `unit types ${JSON.stringify(types)}`,
      );
    }));
});

describe('language', () => {
  test('English chosen on the login page applies after login and survives a reload', (t) =>
    withPage(t, async (page) => {
      await page.goto(`${baseUrl}/login`);
      await expectTitle(page, '登录');
      await page.getByTestId('lang-switch').click();
      await expectTitle(page, 'Log in');
      assert.equal((await page.getByTestId('login-submit').innerText()).trim(), 'Log in');
      await login(page, 'secretariat');
      await page.waitForURL((u) => u.pathname === '/');
      assert.equal((await page.getByTestId('nav-units').innerText()).trim(), 'Member units');
      assert.equal((await page.getByTestId('nav-users').innerText()).trim(), 'Accounts');
      await page.getByTestId('nav-users').click();
      await expectTitle(page, 'Accounts');
      await page.getByRole('columnheader', { name: 'Username' }).waitFor();

      await page.reload();
      await expectTitle(page, 'Accounts');
      assert.equal((await page.getByTestId('nav-audit').innerText()).trim(), 'Audit log');
      assert.equal(await page.evaluate(() => localStorage.getItem('chanjiao.locale')), 'en');

      // back to Chinese: saved on the account too, so the next login is Chinese again
      await page.getByTestId('lang-switch').click();
      await expectTitle(page, '账号');
      await logout(page);
      await expectTitle(page, '登录');
    }));
});
