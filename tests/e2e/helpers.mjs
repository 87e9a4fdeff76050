// Shared pieces of the journeys: one Chromium per test file, a fresh context per journey, a screenshot
// in test-results/ when a journey fails, and the login / logout steps.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
/** The internship entries of the navigation for a school's staff and the secretariat, in order. */
export const schoolInternshipNav = [
  'internPlans',
  'internPlacements',
  'supLogs',
  'supAlerts',
  'supFlags',
  'internCompliance',
  'internRules',
  'internHosts',
  'supRatings',
];
export const password = process.env.E2E_PASSWORD ?? 'chanjiao2026';
const resultsDir = path.resolve(import.meta.dirname, '../../test-results');

let browser;
let context;

/** Call once at the top of a test file. */
export function useBrowser() {
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // one context per file keeps the HTTP cache warm (the app's chunks load once); each journey starts
    // logged out with empty storage all the same (see withPage)
    context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    context.setDefaultTimeout(10_000);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
  });
}

/**
 * Runs `fn` with a new page, logged out (no cookies) and with empty local and session storage. Uncaught page
 * errors fail the journey; on failure a full-page screenshot goes to test-results/.
 */
export async function withPage(t, fn) {
  await context.clearCookies();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  try {
    await page.goto(`${baseUrl}/api/health`);
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await fn(page);
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
  } catch (err) {
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${t.name.replace(/[^\w\u4e00-\u9fff-]+/g, '_').slice(0, 80)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot: ${path.relative(process.cwd(), file)} (url ${page.url()})`);
    throw err;
  } finally {
    await page.close();
  }
}

export async function login(page, username, pw = password) {
  if (!page.url().includes('/login')) await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(pw);
  await page.getByTestId('login-submit').click();
}

export async function logout(page) {
  // the menu opens with an animation; on a busy machine a click can land before it settles, so retry
  for (let attempt = 1; ; attempt++) {
    if (!(await page.getByTestId('logout').isVisible())) await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    try {
      await page.waitForURL((u) => u.pathname === '/login', { timeout: 4000 });
      break;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
  await page.getByTestId('login-username').waitFor();
}

/** The data-testid of every navigation entry shown, in order (e.g. ['nav-home', 'nav-units']). */
export async function navEntries(page) {
  await page.getByTestId('nav-home').waitFor();
  return page.locator('nav [data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
}

/** Waits (up to 5 s) until the navigation shows exactly `keys` (e.g. ['home', 'units']), in order. */
export async function expectNav(page, keys) {
  const expected = keys.map((k) => `nav-${k}`);
  const deadline = Date.now() + 5000;
  let shown = [];
  while (Date.now() < deadline) {
    shown = await navEntries(page);
    if (JSON.stringify(shown) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(shown, expected, 'the navigation entries');
}

/** Waits until the page title (data-testid="page-title") reads `text`. */
export async function expectTitle(page, text) {
  const title = page.getByTestId('page-title');
  try {
    await page.locator('[data-testid="page-title"]', { hasText: text }).first().waitFor();
  } catch {
    const shown = await title.allInnerTexts().catch(() => []);
    assert.fail(
      `expected the page title "${text}", the page shows ${JSON.stringify(shown)} at ${page.url()}`,
    );
  }
}

/** Chooses `label` in a searching antd Select after typing `typed`; retried, as a busy machine may drop a click. */
export async function pickSearched(page, combobox, typed, label) {
  for (let attempt = 1; ; attempt++) {
    await combobox.click();
    await combobox.fill(typed);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label });
    try {
      await option.first().click({ timeout: 4000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}
