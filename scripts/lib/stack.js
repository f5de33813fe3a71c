// Starts the whole product locally: the Backstage app and backend (and, when
// configured, the local AWS emulator), and waits until each answers.
'use strict';
const net = require('node:net');
const path = require('node:path');
const { spawnGroup, waitForHttp } = require('./processes');
const { startLocalAws } = require('./localAws');

const root = path.resolve(__dirname, '..', '..');

/** A port nothing listens on now, on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Where the app and backend listen: `yarn dev` keeps the documented 3000 and
 * 7007; the browser tests ask for free ports so that several checkouts can
 * run them at once.
 */
async function stackPorts({ free = false } = {}) {
  const app = Number(process.env.APP_PORT) || (free ? await freePort() : 3000);
  const backend =
    Number(process.env.BACKEND_PORT) || (free ? await freePort() : 7007);
  return {
    appUrl: `http://localhost:${app}`,
    backendUrl: `http://127.0.0.1:${backend}`,
    // Backstage reads APP_CONFIG_* variables as config on top of the files.
    env: {
      APP_CONFIG_app_baseUrl: `http://localhost:${app}`,
      APP_CONFIG_backend_baseUrl: `http://localhost:${backend}`,
      APP_CONFIG_backend_listen_port: String(backend),
      APP_CONFIG_backend_cors_origin: `http://localhost:${app}`,
    },
  };
}

/**
 * Starts the local AWS estate, then the app and backend pointed at it.
 */
async function startStack({
  stdio = 'inherit',
  log = console.log,
  freePorts = false,
} = {}) {
  const ports = await stackPorts({ free: freePorts });
  const localAws = await startLocalAws({ log });
  const backstage = await startBackstage({
    configs: ['app-config.local-aws.yaml'],
    stdio,
    env: { ...localAws.env, ...ports.env },
    ports,
  });
  return { localAws, ...ports, ...backstage };
}

/**
 * Starts `backstage-cli repo start` with the given config files and resolves
 * once the backend and the frontend answer.
 */
async function startBackstage({
  configs = [],
  stdio = 'inherit',
  env = {},
  ports,
} = {}) {
  const { appUrl, backendUrl } = ports ?? (await stackPorts());
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
  await waitForHttp(`${backendUrl}/api/api-gateway-logging/health`, {
    child,
    name: 'backstage',
  });
  const backendSeconds = (Date.now() - started) / 1000;
  await waitForHttp(appUrl, { child, name: 'backstage' });
  const appSeconds = (Date.now() - started) / 1000;
  return { child, backendSeconds, appSeconds };
}

module.exports = { root, freePort, stackPorts, startBackstage, startStack };
