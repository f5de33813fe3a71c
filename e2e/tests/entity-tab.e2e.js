// The entity tab in the real app: an API's stages, a malformed annotation,
// and an API without annotations.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { browserForTests, screenshotWidths } = require('../lib/browser');
const { assertAccessible } = require('../lib/axe');

const APP_URL = process.env.APP_URL ?? 'http://localhost:3000';
let browser;
let page;

browserForTests({}, (b, p) => {
  browser = b;
  page = p;
});

test('an API entity page has the API Gateway logging tab with its stages', async () => {
  await page.goto(`${APP_URL}/catalog/default/api/payments-api`);
  await page.getByRole('tab', { name: 'API Gateway logging' }).click();
  await page.getByText('API Gateway stages').first().waitFor();
  assert.match(page.url(), /\/api-gateway-logging$/);
  // The stages table (the tab also holds the audit and failures tables).
  const table = page.locator('table').filter({ hasText: 'API type' });
  // Scoped to the stages table: the log-volume table names the stages too,
  // and it may or may not have loaded yet.
  await table.getByRole('cell', { name: 'staging', exact: true }).waitFor();
  const text = await table.innerText();
  assert.match(text, /prod/);
  assert.match(text, /paymentsv1/);
  assert.match(text, /us-east-1/);
  assert.match(text, /REST/);
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
  // The example as catalog-info YAML, one ARN per line.
  const example = await page.locator('main pre').first().innerText();
  assert.match(
    example,
    /aws\.amazon\.com\/api-gateway-stage-arn: >-\n\s+arn:aws:apigateway:us-east-1::\/restapis\/a1b2c3d4e5\/stages\/prod,\n\s+arn:aws:apigateway:us-east-1::\/apis\/f6g7h8i9j0\/stages\/\$default/,
  );
  await assertAccessible(page, 'malformed annotation');
  await screenshotWidths(page, 'entity-tab-malformed');
});

test('an API without annotations says which annotation to add', async () => {
  await page.goto(
    `${APP_URL}/catalog/default/api/legacy-api/api-gateway-logging`,
  );
  await page
    .getByText('Link this entity to its API Gateway stages')
    .first()
    .waitFor();
  const body = await page.locator('main').innerText();
  // Every way to link, with real example values.
  assert.match(
    body,
    /aws\.amazon\.com\/api-gateway-stage-arn: >-\n\s+arn:aws:apigateway:us-east-1::\/restapis\/a1b2c3d4e5\/stages\/prod/,
  );
  assert.match(
    body,
    /aws\.amazon\.com\/api-gateway-tags: service=legacy-api,environment=production/,
  );
  assert.match(
    body,
    /aws\.amazon\.com\/api-gateway-account-id: '123456789012'/,
  );
  assert.doesNotMatch(body, /: value\b/);
  await assertAccessible(page, 'missing annotation');
  await screenshotWidths(page, 'entity-tab-missing-annotation');
});

test('an annotated Component gets the tab too', async () => {
  await page.goto(`${APP_URL}/catalog/default/component/notifications-service`);
  await page.getByRole('tab', { name: 'API Gateway logging' }).click();
  await page.getByText('woxwxgwc').first().waitFor();
  const body = await page.locator('main').innerText();
  assert.match(body, /222222222222/);
  assert.match(body, /eu-west-1/);
});
