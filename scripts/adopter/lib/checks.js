// What an adopter should see once the plugins are installed: an API's tab
// with its stages, the overview card, the coverage page and its nav entry,
// all with real data from the backend and the local AWS estate.
'use strict';
const assert = require('node:assert/strict');
const { launchBrowser, screenshot } = require('../../../e2e/lib/browser');

/** The dev server's error overlay, which would swallow every click. */
async function assertNoErrorOverlay(page) {
  const overlay = page.locator('#react-refresh-overlay');
  if (await overlay.count()) {
    const text = await page
      .frameLocator('#react-refresh-overlay')
      .locator('body')
      .innerText()
      .catch(() => '');
    throw new Error(`the app shows an error overlay:\n${text.slice(0, 2000)}`);
  }
}

async function checkApp(appUrl, name) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(90000);

    // The API's entity page: the overview card, then the tab.
    await page.goto(`${appUrl}/catalog/default/api/payments-api`);
    await page.getByText('failed requests in the last hour').first().waitFor();
    await screenshot(page, `adopter-${name}-overview-card`);
    await assertNoErrorOverlay(page);
    await page.getByRole('tab', { name: 'API Gateway logging' }).click();
    await page.getByText('API Gateway stages').first().waitFor();
    // In the stages table: the log-volume table names the stages too, once
    // it has loaded.
    await page
      .locator('table')
      .filter({ hasText: 'API type' })
      .getByRole('cell', { name: 'staging', exact: true })
      .waitFor();
    assert.match(
      page.url(),
      /\/catalog\/default\/api\/payments-api\/api-gateway-logging$/,
    );
    let text = await page.locator('main').innerText();
    assert.match(text, /paymentsv1/);
    assert.match(text, /us-east-1/);
    assert.match(text, /Logging compliance/);
    await screenshot(page, `adopter-${name}-entity-tab`);
    await assertNoErrorOverlay(page);

    // The coverage page, reached through its sidebar entry.
    await page.goto(`${appUrl}/catalog`);
    await page
      .getByRole('link', { name: 'API Gateway logging' })
      .first()
      .click();
    await page.waitForURL(/\/api-gateway-logging$/);
    await page.getByText('Checks passing').first().waitFor();
    await page.getByText('Payments API').first().waitFor();
    text = await page.locator('main').innerText();
    assert.match(text, /Legacy API/);
    assert.match(text, /Not linked/);
    await screenshot(page, `adopter-${name}-coverage`);
    await assertNoErrorOverlay(page);
  } finally {
    await browser.close();
  }
}

module.exports = { checkApp };
