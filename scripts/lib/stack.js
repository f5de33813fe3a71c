// Starts the whole product locally: the Backstage app and backend (and, when
// configured, the local AWS emulator), and waits until each answers.
'use strict';
const net = require('node:net');
const path = require('node:path');
const { spawnGroup, waitForHttp } = require('./processes');
const { startLocalAws } = require('./localAws');

const root = path.resolve(__dirname, '..', '..');
const BACKEND_URL = 'http://127.0.0.1:7007';
const APP_URL = 'http://localhost:3000';

/**
 * Starts the local AWS estate, then the app and backend pointed at it.
 */
async function startStack({ stdio = 'inherit', log = console.log } = {}) {
  const localAws = await startLocalAws({ log });
  const backstage = await startBackstage({
    configs: ['app-config.local-aws.yaml'],
    stdio,
    env: localAws.env,
  });
  return { localAws, ...backstage };
}

/**
 * Starts `backstage-cli repo start` with the given config files and resolves
 * once the backend and the frontend answer.
 */
async function startBackstage({
  configs = [],
  stdio = 'inherit',
  env = {},
} = {}) {
  const configArgs = ['app-config.yaml', ...configs].flatMap(c => [
    '--config',
    path.resolve(root, c),
  ]);
  const started = Date.now();
  const child = spawnGroup(
    process.execPath,
    [
      require.resolve('@backstage/cli/bin/backstage-cli', { paths: [root] }),
      'repo',
      'start',
      ...configArgs,
    ],
    { cwd: root, stdio, env: { BROWSER: 'none', ...env } },
  );
  await waitForHttp(`${BACKEND_URL}/api/api-gateway-logging/health`, {
    child,
    name: 'backstage',
  });
  const backendSeconds = (Date.now() - started) / 1000;
  await waitForHttp(APP_URL, { child, name: 'backstage' });
  const appSeconds = (Date.now() - started) / 1000;
  return { child, backendSeconds, appSeconds };
}

function portInUse(port) {
  return new Promise(resolve => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

module.exports = { root, startBackstage, startStack, BACKEND_URL, APP_URL };
