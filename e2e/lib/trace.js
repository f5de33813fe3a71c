// Opening a failed request's trace in the tab's drawer, for the tests that
// start from one. When the trace does not show, the error says what the
// drawer shows instead (an error, "no request", a spinner), so a failure
// in CI explains itself.
'use strict';

/** Clicks the row's trace button; resolves to the drawer once its execution log shows. */
async function openTraceDrawer(page, row) {
  const button = row.locator('button[aria-label^="Trace of request"]');
  const requestId = (await button.first().innerText()).replace(/\s/g, '');
  await button.first().click();
  const drawer = page.locator('[class*="MuiDrawer-paper"]');
  try {
    await drawer.getByText('Execution log').first().waitFor();
  } catch (error) {
    const shown = await drawer.innerText().catch(() => '(no drawer open)');
    throw new Error(
      `The trace of ${requestId} did not show its execution log within ${
        error.message.match(/Timeout \d+ms/)?.[0] ?? 'the timeout'
      }. The drawer shows:\n${shown.slice(0, 1500)}`,
    );
  }
  return { drawer, requestId };
}

module.exports = { openTraceDrawer };
