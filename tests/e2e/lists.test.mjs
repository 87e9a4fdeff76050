// The three lists found along the national catalogs: the secretariat narrows the core products to one
// GB/T 4754 大类 picked by name; the table and the API agree, items of other industries drop out, and an
// item shows its industry by name (the code on hover).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrl, login, pickSearched, useBrowser, withPage } from './helpers.mjs';

useBrowser();

/** The core products' total through the API (same session), with `query` added. */
async function productTotal(page, query = '') {
  return page.evaluate(async (q) => {
    const me = await (await fetch('/api/v1/auth/me')).json();
    const id = me.memberships.find((m) => m.consortiumId).consortiumId;
    const res = await fetch(`/api/v1/consortia/${id}/lists?kind=product&pageSize=1${q}`);
    if (!res.ok) throw new Error(`lists: HTTP ${res.status}`);
    return (await res.json()).total;
  }, query);
}

test('the secretariat finds the core products of one industry, picked by its name', (t) =>
  withPage(t, async (page) => {
    await login(page, 'secretariat');
    await page.waitForURL((u) => u.pathname === '/');
    const all = await productTotal(page);
    const of34 = await productTotal(page, '&industryCode=34');
    assert.ok(of34 > 0 && of34 < all, `products of 34: ${of34} of ${all}`);

    await page.goto(`${baseUrl}/lists?kind=product`);
    await page.getByTestId('lists-table').locator('tbody tr[data-row-key]').first().waitFor();
    const industry = page.getByRole('combobox', { name: '行业（含上下级）' });
    await pickSearched(page, industry, '通用设备', '通用设备制造业');
    await page.waitForURL((u) => u.searchParams.get('industryCode') === '34');
    // the pager counts what the API counts
    await page.getByText(`共 ${of34} 条`).first().waitFor();

    // an item shows its industry by name
    await page.getByTestId('list-item-open').first().click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByText('通用设备制造业').first().waitFor();
  }));
