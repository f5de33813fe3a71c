// Runs the browser tests against the real app and backend: starts them,
// runs e2e/tests/*.e2e.js with node's test runner, stops everything.
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { stopAll, stopOnSignals } = require('../scripts/lib/processes');
const { startStack, root } = require('../scripts/lib/stack');

async function main() {
  stopOnSignals();
  const logFile = path.join(root, 'e2e', 'screenshots', 'backstage.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  console.log(
    'e2e: starting the app and backend (log: e2e/screenshots/backstage.log)',
  );
  let status = 1;
  try {
    const { backendSeconds, appSeconds, appUrl, backendUrl } = await startStack(
      {
        freePorts: true,
        stdio: ['ignore', log, log],
        log: m => console.log(`e2e: ${m}`),
      },
    );
    console.log(
      `e2e: backend answered after ${backendSeconds.toFixed(
        1,
      )} s, app after ${appSeconds.toFixed(1)} s`,
    );
    const tests = fs
      .readdirSync(path.join(__dirname, 'tests'))
      .filter(f => f.endsWith('.e2e.js'))
      .map(f => path.join(__dirname, 'tests', f));
    const result = spawnSync(
      process.execPath,
      ['--test', '--test-concurrency=1', ...tests],
      {
        stdio: 'inherit',
        env: { ...process.env, APP_URL: appUrl, BACKEND_URL: backendUrl },
      },
    );
    status = result.status ?? 1;
  } catch (error) {
    console.error(`e2e: ${error.message}`);
    console.error(
      fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'),
    );
  } finally {
    await stopAll();
  }
  process.exit(status);
}

main();
