// The views of the stored audit (issue 14) in the real app: the coverage
// page paged, searched and sorted by the backend with everything in the URL
// and the CSV of every matching entity; the unclaimed stages; the trend
// charts and stage timelines; "Re-check now"; "Keep this trace". axe-core on
// every page, screenshots at 1440 and 1024 px.
//
// A test whose backend route is not served yet (the page then shows the
// backend's 404) is reported as TODO with the route it waits for, and runs
// in full once the route answers.
'use strict';
const fs = require('node:fs');
const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  browserForTests,
  newPage,
  screenshotWidths,
} = require('../lib/browser');
const { openTraceDrawer } = require('../lib/trace');
const { assertAccessible } = require('../lib/axe');

const APP_URL = process.env.APP_URL ?? 'http://localhost:3000';
const COVERAGE = `${APP_URL}/api-gateway-logging`;
const TAB = `${APP_URL}/catalog/default/api/payments-api/api-gateway-logging`;
let browser;
let page;

browserForTests({ timezoneId: 'America/New_York' }, (b, p) => {
  browser = b;
  page = p;
});

/** The backend's 404 for a route it does not have, as the page shows it. */
const NO_ROUTE = /No route (GET|POST) \S+ in the api-gateway-logging API/;

/** Whether the page says the backend lacks a route (then: TODO). */
async function routeMissing(t, p, route) {
  if (NO_ROUTE.test(await p.locator('main').innerText())) {
    t.todo(`the backend does not serve ${route} yet`);
    return true;
  }
  return false;
}

/** Waits until a dialog has faded in or out (axe reads colours mid-fade). */
async function settled(p) {
  await p.waitForFunction(() =>
    [
      ...document.querySelectorAll(
        '[class*="MuiDialog-container"], [class*="MuiBackdrop-root"]',
      ),
    ].every(e => ['0', '1'].includes(getComputedStyle(e).opacity)),
  );
  // MUI's enter and exit transitions last 225 ms at most.
  await p.waitForTimeout(300);
}

/** Waits for the tab's failures (or their absence) to be shown. */
async function failuresShown(p) {
  await p
    .getByText(/failed requests?(,| of category)|No failed requests/)
    .first()
    .waitFor();
}

/** The coverage table's rows, in order: each entity's name (from its link) and title. */
async function coverageRows(p) {
  return p.locator('tbody tr td:first-child a').evaluateAll(links =>
    links.map(a => ({
      name: /\/catalog\/[^/]+\/[^/]+\/([^/?]+)/.exec(
        a.getAttribute('href'),
      )?.[1],
      title: a.textContent,
    })),
  );
}

/** The rows once `ok` holds of them (after a page, sort or search). */
async function waitForRows(p, ok) {
  const deadline = Date.now() + 60000;
  for (;;) {
    const rows = await coverageRows(p);
    if (rows.length > 0 && ok(rows)) return rows;
    if (Date.now() > deadline) {
      throw new Error(`rows never matched: ${JSON.stringify(rows)}`);
    }
    await p.waitForTimeout(250);
  }
}

test('coverage: paged, searched and sorted by the backend, all in the URL, shared as is', async () => {
  // Four entities a page: the local estate has ten.
  await page.goto(`${COVERAGE}?size=4`);
  await page.getByText('Stages compliant').first().waitFor();
  const first = await waitForRows(page, rows => rows.length === 4);
  const tiles = await page.locator('main').innerText();
  // Estate-wide totals, whatever the page shows.
  assert.match(tiles, /\d+ of 10 entities; \d+ not linked/);
  assert.match(tiles, /1-4 of 10/);

  // The next page, in the URL.
  await page.getByRole('button', { name: 'Next Page' }).click();
  await page.waitForURL(/[?&]page=2\b/);
  const names = rows => rows.map(r => r.name).join();
  const second = await waitForRows(
    page,
    rows => rows.length === 4 && names(rows) !== names(first),
  );
  assert.equal(
    second.filter(r => names(first).split(',').includes(r.name)).length,
    0,
    `${names(first)} then ${names(second)}`,
  );
  await assertAccessible(page, 'coverage paged');
  await screenshotWidths(page, 'stored-coverage-paged');

  // Sorted by name on the backend: A to Z across pages.
  await page.getByRole('button', { name: 'Entity', exact: true }).click();
  await page.waitForURL(/[?&]sort=name\b/);
  assert.doesNotMatch(page.url(), /[?&]page=/);
  const byName = (
    await waitForRows(page, rows => {
      const list = rows.map(r => r.name);
      return list.join() === [...list].sort().join();
    })
  ).map(r => r.name);
  assert.equal(byName.length, 4);

  // Searched by name, after a pause, from the first page.
  await page.getByLabel('Search by name').fill('pay');
  await page.waitForURL(/[?&]search=pay\b/);
  await waitForRows(page, rows =>
    rows.every(r => /pay/i.test(`${r.name} ${r.title}`)),
  );
  const text = await page.locator('main').innerText();
  assert.match(text, /Matching the filters: \d+ of \d+ entit/);
  // The estate's tiles stay the estate's.
  assert.match(text, /of 10 entities/);
  await assertAccessible(page, 'coverage searched');
  await screenshotWidths(page, 'stored-coverage-searched');

  // The URL alone opens the same view.
  const shared = page.url();
  const fresh = await newPage(browser);
  try {
    await fresh.goto(shared);
    await waitForRows(fresh, () => true);
    assert.deepEqual(await coverageRows(fresh), await coverageRows(page));
    assert.equal(await fresh.getByLabel('Search by name').inputValue(), 'pay');
  } finally {
    await fresh.close();
  }
});

test('coverage: the CSV has every matching entity, not the page', async () => {
  await page.goto(`${COVERAGE}?size=4&sort=name`);
  await waitForRows(page, rows => rows.length === 4);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  for (const entity of [
    'payments-api',
    'inventory-api',
    'legacy-api',
    'search-api',
  ]) {
    assert.match(csv, new RegExp(entity), `${entity} missing from the CSV`);
  }
});

test('coverage over time: the fleet, then the owner filtered on', async t => {
  await page.goto(COVERAGE);
  await page.getByText('Coverage over time: the fleet').waitFor();
  await page
    .getByRole('img', { name: /Coverage of the fleet over time/ })
    .or(page.getByText(NO_ROUTE))
    .first()
    .waitFor();
  if (await routeMissing(t, page, 'GET /history/coverage')) return;
  assert.ok((await page.locator('.recharts-line').count()) > 0);
  await page.locator('#mui-component-select-owner').click();
  await page.getByRole('option', { name: 'team-payments' }).click();
  await page.getByText('Coverage over time: team-payments').waitFor();
  await page
    .getByRole('img', { name: /Coverage of team-payments over time/ })
    .waitFor();
  await assertAccessible(page, 'coverage trend');
  await screenshotWidths(page, 'stored-coverage-trend');
});

test('unclaimed stages: compliance, tags, region and account, and the annotation to claim one', async t => {
  await page.goto(COVERAGE);
  await page.getByRole('tab', { name: /Unclaimed stages/ }).click();
  await page.waitForURL(/[?&]tab=unclaimed\b/);
  await page
    .getByText('Stages no entity claims')
    .or(page.getByText(NO_ROUTE))
    .first()
    .waitFor();
  if (await routeMissing(t, page, 'GET /unclaimed')) return;
  const claim = page.getByRole('button', { name: /^Claim stage / });
  await claim
    .first()
    .or(page.getByText(/Every stage of the swept accounts is claimed/))
    .first()
    .waitFor();
  await assertAccessible(page, 'unclaimed stages');
  await screenshotWidths(page, 'stored-unclaimed');
  if ((await claim.count()) === 0) {
    t.todo('the local estate has no unclaimed stage to claim');
    return;
  }
  const text = await page.locator('main').innerText();
  assert.match(text, /[a-z]{2}-[a-z]+-\d/); // a region
  assert.match(text, /default account|account \d{12}/);
  await claim.first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Changes').first().waitFor();
  await settled(page);
  const yaml = await dialog.locator('pre').first().innerText();
  assert.match(
    yaml,
    /aws\.amazon\.com\/api-gateway-stage-arn: arn:aws:apigateway:[a-z0-9-]+::\/(restapis|apis)\/\w+\/stages\//,
  );
  assert.ok(await dialog.getByRole('button', { name: /copy/i }).count());
  await assertAccessible(page, 'claim dialog');
  await screenshotWidths(page, 'stored-unclaimed-claim');
  await page.keyboard.press('Escape');
});

test('the tab: each stage’s result age, and "Re-check now"', async t => {
  await page.goto(TAB);
  await page.getByText('Stage staging').first().waitFor();
  const recheck = page.getByRole('button', { name: 'Re-check now' });
  await recheck.waitFor();
  await recheck.click();
  await page
    .getByText(/Checked just now .*read from AWS now/)
    .or(page.getByText(NO_ROUTE))
    .first()
    .waitFor();
  if (
    await routeMissing(t, page, 'POST /entities/:ns/:kind/:name/audit/refresh')
  )
    return;
  await failuresShown(page);
  const text = await page.locator('main').innerText();
  assert.match(text, /Stage staging/);
  assert.match(text, /Checked just now/);
  await assertAccessible(page, 'tab re-checked');
  await screenshotWidths(page, 'stored-tab-rechecked');
});

test('the tab: coverage over time and each stage’s changes, in the chosen zone', async t => {
  await page.goto(TAB);
  await page
    .getByText('Coverage over time')
    .or(page.getByText(NO_ROUTE))
    .first()
    .waitFor();
  if (await routeMissing(t, page, 'GET /entities/:ns/:kind/:name/history'))
    return;
  await page.getByRole('list', { name: /Changes of stage staging/ }).waitFor();
  const changes = await page
    .locator('[class*="MuiCard-root"]')
    .filter({ hasText: 'What changed in each stage' })
    .innerText();
  assert.match(changes, /America\/New_York/);
  assert.match(changes, /First seen|Between \d\d:\d\d and \d\d:\d\d/);
  await failuresShown(page);
  await assertAccessible(page, 'tab history');
  await screenshotWidths(page, 'stored-tab-history');
});

test('keep this trace: with a ticket link, then who kept it and when, on the page too', async t => {
  await page.goto(`${TAB}?category=authorizer-denied&stage=prod`);
  const rows = page
    .locator('tbody tr')
    .filter({ has: page.locator('button[aria-label^="Trace of request"]') });
  await rows.first().waitFor();
  const { drawer } = await openTraceDrawer(page, rows.first());
  const keep = drawer.getByRole('button', { name: 'Keep this trace' });
  if ((await keep.count()) === 0) {
    // Kept by an earlier run against the same database.
    await drawer.getByText(/Kept by /).waitFor();
  } else {
    await keep.click();
    const dialog = page.getByRole('dialog', { name: 'Keep this trace' });
    await dialog.getByLabel(/Ticket link/).fill('not a link');
    await dialog.getByRole('button', { name: 'Keep', exact: true }).click();
    await dialog.getByText(/This is not a link/).waitFor();
    await dialog
      .getByLabel(/Ticket link/)
      .fill('https://tickets.example.com/browse/INC-4711');
    await settled(page);
    await assertAccessible(page, 'keep dialog');
    await screenshotWidths(page, 'stored-keep-dialog');
    await dialog.getByRole('button', { name: 'Keep', exact: true }).click();
    await drawer
      .getByText(/Kept by /)
      .or(dialog.getByText(NO_ROUTE))
      .first()
      .waitFor();
    if (await dialog.getByText(NO_ROUTE).count()) {
      t.todo('the backend does not serve POST /traces/:id/keep yet');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      return;
    }
    await dialog.waitFor({ state: 'hidden' });
  }
  const kept = await drawer
    .getByText(/Kept by /)
    .first()
    .innerText();
  assert.match(kept, /Kept by \S+ on \d{4}-\d\d-\d\d \d\d:\d\d \(America/);
  // The drawer: the toast saying it was kept fades on its own.
  await assertAccessible(page, 'kept trace drawer', drawer);
  await screenshotWidths(page, 'stored-kept-drawer');

  // The trace page from the copied link says so too.
  const link = await drawer
    .getByRole('button', { name: 'Copy link' })
    .getAttribute('data-trace-link');
  await page.keyboard.press('Escape');
  const fresh = await newPage(browser);
  try {
    await fresh.goto(link);
    await fresh.getByText('Execution log').first().waitFor();
    await fresh
      .getByText(/Kept by /)
      .first()
      .waitFor();
    assert.equal(
      await fresh.getByRole('button', { name: 'Keep this trace' }).count(),
      0,
    );
    await assertAccessible(fresh, 'kept trace page');
    await screenshotWidths(fresh, 'stored-kept-page');
  } finally {
    await fresh.close();
  }
});
