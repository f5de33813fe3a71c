// The entity tab in the real app: an API's stages, a malformed annotation,
// and an API without annotations.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launchBrowser, screenshot } = require('../lib/browser');

const APP_URL = process.env.APP_URL ?? 'http://localhost:3000';
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

test('an API entity page has the API Gateway logging tab with its stages', async () => {
  await page.goto(`${APP_URL}/catalog/default/api/payments-api`);
  await page.getByRole('tab', { name: 'API Gateway logging' }).click();
  await page.getByText('API Gateway stages').first().waitFor();
  assert.match(page.url(), /\/api-gateway-logging$/);
  // The stages table (the tab also holds the audit and failures tables).
  const table = page.locator('table').filter({ hasText: 'API type' });
  await page.getByRole('cell', { name: 'staging', exact: true }).waitFor();
  const text = await table.innerText();
  assert.match(text, /prod/);
  assert.match(text, /paymentsv1/);
  assert.match(text, /us-east-1/);
  assert.match(text, /REST/);
  await screenshot(page, 'entity-tab-stages');
});

test('a malformed annotation shows what is wrong and an example', async () => {
  await page.goto(
    `${APP_URL}/catalog/default/api/misconfigured-api/api-gateway-logging`,
  );
  await page
    .getByText(/NOT-AN-ID/)
    .first()
    .waitFor();
  const body = await page.locator('main').innerText();
  assert.match(body, /not made of lowercase letters and digits/);
  assert.match(body, /Example of a correct value/);
  await screenshot(page, 'entity-tab-malformed');
});

test('an API without annotations says which annotation to add', async () => {
  await page.goto(
    `${APP_URL}/catalog/default/api/legacy-api/api-gateway-logging`,
  );
  await page.getByText('Missing Annotation').first().waitFor();
  const body = await page.locator('main').innerText();
  assert.match(body, /aws\.amazon\.com\/api-gateway-stage-arn/);
  await screenshot(page, 'entity-tab-missing-annotation');
});

test('an annotated Component gets the tab too', async () => {
  await page.goto(`${APP_URL}/catalog/default/component/notifications-service`);
  await page.getByRole('tab', { name: 'API Gateway logging' }).click();
  await page.getByText('woxwxgwc').first().waitFor();
  const body = await page.locator('main').innerText();
  assert.match(body, /222222222222/);
  assert.match(body, /eu-west-1/);
});
