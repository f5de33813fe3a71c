// `yarn dev`: starts the Backstage app and backend for local use and stops
// everything on Ctrl-C.
'use strict';
const { stopAll, stopOnSignals } = require('./lib/processes');
const { startBackstage, APP_URL, BACKEND_URL } = require('./lib/stack');

async function main() {
  stopOnSignals();
  try {
    const { child, backendSeconds, appSeconds } = await startBackstage();
    console.log(
      `\nReady: app ${APP_URL} (after ${appSeconds.toFixed(
        1,
      )} s), backend ${BACKEND_URL} (after ${backendSeconds.toFixed(
        1,
      )} s). Ctrl-C stops everything.\n`,
    );
    child.on('exit', async code => {
      await stopAll();
      process.exit(code ?? 1);
    });
  } catch (error) {
    console.error(`yarn dev: ${error.message}`);
    await stopAll();
    process.exit(1);
  }
}

main();
