// `yarn dev`: starts the local AWS estate (moto, seeded), then the Backstage
// app and backend pointed at it; Ctrl-C stops everything it started.
'use strict';
const fs = require('fs');
const path = require('path');
const { stopAll, stopOnSignals } = require('./lib/processes');

// Where `yarn dev:change-stage` finds the emulator (git-ignored).
const ENDPOINT_FILE = path.resolve(__dirname, '..', '.dev-local-aws');
const { startStack } = require('./lib/stack');

async function main() {
  stopOnSignals();
  const started = Date.now();
  try {
    const { child, localAws, appUrl, backendUrl } = await startStack();
    fs.writeFileSync(ENDPOINT_FILE, `${localAws.endpoint}\n`);
    process.on('exit', () => fs.rmSync(ENDPOINT_FILE, { force: true }));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\nReady after ${seconds} s: the app at ${appUrl}, the backend at ${backendUrl}, the local AWS estate at ${localAws.endpoint}. Ctrl-C stops everything.\n`,
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
