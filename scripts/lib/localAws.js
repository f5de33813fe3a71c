// The local AWS estate for `yarn dev` and the browser tests: moto on
// loopback, seeded with the estate of
// plugins/api-gateway-logging-backend/dev/estate, and topped up with fresh
// traffic so that "the last hour" always has failures to show.
'use strict';
const path = require('node:path');
const net = require('node:net');
const { spawnSync } = require('node:child_process');
const { ensureMoto } = require('../ensure-moto');
const { spawnGroup, waitForHttp } = require('./processes');

const root = path.resolve(__dirname, '..', '..');
const backendDir = path.join(root, 'plugins', 'api-gateway-logging-backend');
const REFRESH_MS = 5 * 60 * 1000;

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

function seed(endpoint, args) {
  const result = spawnSync(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      'dev/seed-local-estate.ts',
      '--endpoint',
      endpoint,
      ...args,
    ],
    {
      cwd: backendDir,
      encoding: 'utf8',
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `Seeding the local AWS estate failed:\n${(
        result.stderr || result.stdout
      ).slice(-3000)}`,
    );
  }
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

/**
 * Starts moto (installing it into .venv when missing), seeds the estate
 * with `hours` of traffic, and keeps the traffic recent. Returns the
 * endpoint and the environment the backend needs.
 */
async function startLocalAws({ hours = 4, log = console.log } = {}) {
  const motoServer = ensureMoto({ log });
  const port = Number(process.env.LOCAL_AWS_PORT) || (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawnGroup(
    motoServer,
    ['-H', '127.0.0.1', '-p', String(port)],
    {
      // moto logs every request; its exit is noticed by waitForHttp.
      stdio: 'ignore',
    },
  );
  await waitForHttp(`${endpoint}/moto-api/`, {
    child,
    name: 'moto_server',
    timeoutMs: 60000,
  });
  const seeded = seed(endpoint, ['--hours', String(hours)]);
  log(
    `Local AWS estate at ${endpoint}: ${seeded.requests} requests (${
      seeded.failures
    } failing), ${seeded.events} log events, seeded in ${seeded.seconds.toFixed(
      1,
    )} s`,
  );
  let last = seeded.to;
  const timer = setInterval(() => {
    try {
      const more = seed(endpoint, ['--traffic-only', '--from', String(last)]);
      last = more.to;
    } catch (error) {
      log(error.message);
    }
  }, REFRESH_MS);
  timer.unref();
  return {
    endpoint,
    child,
    env: {
      LOCAL_AWS_ENDPOINT: endpoint,
      // integration-aws-node assumes roles through STS without an endpoint
      // option; the SDK's service endpoint variable sends it to the emulator.
      AWS_ENDPOINT_URL_STS: endpoint,
    },
  };
}

module.exports = { startLocalAws };
