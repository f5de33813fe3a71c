// Debian's chromium driven by playwright-core: the browser this machine can
// install (playwright cannot download its own builds here).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const SCREENSHOTS = path.resolve(__dirname, '..', 'screenshots');

/** The widths every screen is looked at: a laptop and a small one. */
const WIDTHS = [1440, 1024];

function chromiumPath() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  const found = candidates.find(p => p && fs.existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH',
    );
  }
  return found;
}

/**
 * A fresh browser profile, so every run signs in as a new guest. The
 * browser's zone is not UTC by default, so that "local" and "UTC" differ.
 */
async function launchBrowser({ timezoneId = 'America/New_York' } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: WIDTHS[0], height: 1000 },
    timezoneId,
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
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the viewport's page under e2e/screenshots (git-ignored). */
async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A screenshot of the whole content at one width, as `<name>-<width>.png`.
 * Backstage scrolls inside <main>, so a "full page" screenshot stops at the
 * viewport: the viewport grows to the content first, then is put back.
 */
async function fullScreenshot(page, name, width = WIDTHS[0]) {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: before?.height ?? 1000 });
  await page.waitForTimeout(300);
  const height = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...[
        ...document.querySelectorAll(
          'main, main > *, [class*="MuiDrawer-paper"]',
        ),
      ].map(e => e.scrollHeight),
    ),
  );
  await page.setViewportSize({ width, height: Math.min(height + 40, 8000) });
  await page.waitForTimeout(300);
  const file = await screenshot(page, `${name}-${width}`);
  await page.setViewportSize(before ?? { width: WIDTHS[0], height: 1000 });
  return file;
}

/** {@link fullScreenshot} at every width of {@link WIDTHS}. */
async function screenshotWidths(page, name) {
  for (const width of WIDTHS) await fullScreenshot(page, name, width);
}

/** A new page of the browser, waiting up to a minute for what it is asked. */
async function newPage(browser) {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(60000);
  return page;
}

/**
 * A browser and a page for the tests of one file: opened before them,
 * closed after; `use` receives them.
 */
function browserForTests(options, use) {
  const { before, after } = require('node:test');
  let browser;
  before(async () => {
    browser = await launchBrowser(options);
    use(browser, await newPage(browser));
  });
  after(async () => {
    await browser?.close();
  });
}

module.exports = {
  browserForTests,
  newPage,
  launchBrowser,
  screenshot,
  fullScreenshot,
  screenshotWidths,
  WIDTHS,
};
