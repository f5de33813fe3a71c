// Accessibility checks with axe-core, injected into the page (Debian's
// chromium has no extension, and @axe-core/playwright needs nothing more
// than this).
'use strict';
const axeSource = require.resolve('axe-core/axe.min.js');

const IMPACTS = ['critical', 'serious', 'moderate', 'minor'];

/**
 * Runs axe-core on the page (or a part of it), prints the violations'
 * counts by impact, and returns the serious and critical ones with where
 * they are, for an assertion.
 */
async function checkAccessibility(page, name, { include } = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: axeSource });
  }
  const violations = await page.evaluate(async selector => {
    const result = await window.axe.run(selector ?? document, {
      resultTypes: ['violations'],
    });
    return result.violations.map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
    }));
  }, include);
  const counts = Object.fromEntries(IMPACTS.map(i => [i, 0]));
  for (const v of violations) counts[v.impact] += 1;
  console.log(
    `axe ${name}: ${IMPACTS.map(i => `${counts[i]} ${i}`).join(', ')}${
      violations.length
        ? ` (${violations.map(v => `${v.id}/${v.impact}`).join(', ')})`
        : ''
    }`,
  );
  return violations.filter(
    v => v.impact === 'serious' || v.impact === 'critical',
  );
}

/** A readable message for an assertion on {@link checkAccessibility}'s result. */
function describeViolations(violations) {
  return violations
    .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`)
    .join('\n');
}

/**
 * Fails unless axe finds no serious or critical violation on the page, or
 * on one part of it (a locator).
 */
async function assertAccessible(page, name, part) {
  const assert = require('node:assert/strict');
  const serious = await checkAccessibility(page, name, {
    include: part
      ? await part.evaluate(e => {
          e.setAttribute('data-axe', 'yes');
          return '[data-axe="yes"]';
        })
      : undefined,
  });
  assert.equal(serious.length, 0, describeViolations(serious));
}

module.exports = { assertAccessible, checkAccessibility, describeViolations };
