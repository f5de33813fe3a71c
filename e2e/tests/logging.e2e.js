// The API Gateway logging views in the real app, against the seeded local
// estate: the audit and failures of payments-api, one request's trace and
// its shareable link, the overview card, and the coverage page.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launchBrowser, screenshot } = require('../lib/browser');

const APP_URL = process.env.APP_URL ?? 'http://localhost:3000';
const WIDTH = 1440;
let browser;
let page;

before(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(60000);
});

after(async () => {
  await browser?.close();
});

/**
 * Backstage scrolls inside <main>, so a "full page" screenshot stops at the
 * viewport: grow the viewport to the content first.
 */
async function fullScreenshot(p, name) {
  const height = await p.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...[
        ...document.querySelectorAll(
          'main, main > *, [class*="MuiDrawer-paper"]',
        ),
      ].map(e => e.scrollHeight),
    ),
  );
  await p.setViewportSize({
    width: WIDTH,
    height: Math.min(height + 40, 6000),
  });
  await p.waitForTimeout(300);
  const file = await screenshot(p, name);
  await p.setViewportSize({ width: WIDTH, height: 1000 });
  return file;
}

test('the tab shows failing checks with their fix, and recent failures', async () => {
  await page.goto(
    `${APP_URL}/catalog/default/api/payments-api/api-gateway-logging`,
  );
  await page.getByText('Stage staging').first().waitFor();
  const main = page.locator('main');
  // The failing check of the staging stage, its evidence and CLI fix.
  let text = await main.innerText();
  assert.match(text, /Logging compliance/);
  assert.match(text, /Execution logging is not at ERROR or INFO/);
  assert.match(text, /aws apigateway update-stage --rest-api-id paymentsv1/);
  assert.match(text, /AWS::ApiGateway::Stage MethodSettings/);
  // Failing stage first, compliant stage after with its checks folded.
  assert.ok(text.indexOf('Stage staging') < text.indexOf('Stage prod'));

  await page
    .getByText(/failed requests, /)
    .first()
    .waitFor();
  text = await main.innerText();
  assert.match(text, /Recent failures/);
  assert.match(text, /Request id/i);
  // The chart is drawn (one SVG bar at least).
  assert.ok((await page.locator('.recharts-bar-rectangle').count()) > 0);
  await fullScreenshot(page, 'logging-tab');
});

test('the failures can be filtered by category', async () => {
  await page.locator('#mui-component-select-category').click();
  await page.getByRole('option', { name: 'Authorizer denied' }).click();
  // Every failure row (the rows with a request id button) is of the category.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('tbody tr')].filter(r =>
      r.querySelector('button'),
    );
    return (
      rows.length > 0 &&
      rows.every(r => r.innerText.includes('Authorizer denied'))
    );
  });
  const summary = await page
    .getByText(/failed requests of category/)
    .first()
    .innerText();
  assert.match(summary, /Authorizer denied/);
  await screenshot(page, 'logging-failures-filtered');
});

let traceUrl;
let requestId;

test('a failed request opens its trace, with a stable link', async () => {
  const first = page.locator('tbody tr button').first();
  requestId = (await first.innerText()).trim();
  await first.click();
  const drawer = page.locator('[class*="MuiDrawer-paper"]');
  await drawer.getByText('Execution log').first().waitFor();
  await drawer.getByText('Method completed with status').first().waitFor();
  const text = await drawer.innerText();
  assert.match(text, new RegExp(requestId));
  assert.match(text, /Authorizer/);
  assert.match(text, /Usage plan and API key/);
  assert.match(text, /Method response/);
  assert.match(text, /denied/i);
  traceUrl = await drawer
    .getByRole('button', { name: 'Copy link' })
    .getAttribute('data-trace-link');
  assert.ok(traceUrl, 'the copy-link button carries the URL');
  const url = new URL(traceUrl);
  assert.equal(url.pathname, `/api-gateway-logging/traces/${requestId}`);
  assert.equal(url.searchParams.get('entity'), 'api:default/payments-api');
  assert.match(url.searchParams.get('stage') ?? '', /^arn:aws:apigateway:/);
  assert.ok(url.searchParams.get('around'));
  await fullScreenshot(page, 'logging-trace-drawer');
  await page.keyboard.press('Escape');
});

test('the trace link opens the same trace in a fresh page', async () => {
  const fresh = await browser.context.newPage();
  fresh.setDefaultTimeout(60000);
  try {
    await fresh.goto(traceUrl);
    await fresh.getByText('Request trace').first().waitFor();
    await fresh.getByText('Method completed with status').first().waitFor();
    const text = await fresh.locator('main').innerText();
    assert.match(text, new RegExp(requestId));
    assert.match(text, /api:default\/payments-api/);
    await fullScreenshot(fresh, 'logging-trace-page');
  } finally {
    await fresh.close();
  }
});

test('a request id alone asks for the API, and an unknown one says where it looked', async () => {
  await page.goto(`${APP_URL}/api-gateway-logging/traces/${requestId}`);
  await page.getByText('Find a request').first().waitFor();
  await screenshot(page, 'logging-trace-search');
  const unknown = '00000000-0000-4000-8000-000000000000';
  await page.goto(
    `${APP_URL}/api-gateway-logging/traces/${unknown}?entity=api:default/payments-api`,
  );
  await page
    .getByText('No log event of this request was found')
    .first()
    .waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /API-Gateway-Execution-Logs_paymentsv1\/prod/);
  await screenshot(page, 'logging-trace-not-found');
});

test('the overview card shows compliance and the last hour', async () => {
  await page.goto(`${APP_URL}/catalog/default/api/payments-api`);
  await page.getByText('failed requests in the last hour').first().waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /Logging compliance/);
  assert.match(text, /staging/);
  await screenshot(page, 'logging-overview-card');
});

test('the coverage page lists every API, failures first, and filters', async () => {
  await page.goto(`${APP_URL}/catalog`);
  await page.getByRole('link', { name: 'API Gateway logging' }).first().click();
  await page.getByText('Checks passing').first().waitFor();
  await page.getByText('Payments API').first().waitFor();
  let text = await page.locator('main').innerText();
  assert.match(text, /Not linked/);
  assert.match(text, /Legacy API/);
  assert.match(text, /Inventory API/);
  await fullScreenshot(page, 'logging-coverage');

  await page.locator('#mui-component-select-owner').click();
  await page.getByRole('option', { name: 'team-payments' }).click();
  await page.waitForURL(/owner=group%3Adefault%2Fteam-payments/);
  await page.getByText('Payments API').first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector('main')?.innerText.includes('Inventory API'),
  );
  text = await page.locator('main').innerText();
  assert.match(text, /Partner API/);
  await fullScreenshot(page, 'logging-coverage-filtered');
});
