#!/usr/bin/env node
// Installs moto (the AWS emulator the api-gateway-logging tests and `yarn dev`
// talk to) into the git-ignored virtualenv `.venv` at the repository root,
// unless the pinned version is already there. Prints the path of
// `moto_server`. Used by `.ci/run`, `yarn dev` and the jest harness
// (plugins/api-gateway-logging-backend/src/testing/moto.ts), so the install
// logic lives in this one file.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/** The moto release the tests were written against (GetTags needs >= 5.2.3). */
const MOTO_VERSION = '5.2.5';
const root = path.resolve(__dirname, '..');
const venv = path.join(root, '.venv');
const motoServer = path.join(venv, 'bin', 'moto_server');
const lockDir = path.join(venv, '.moto-install.lock');
const LOCK_STALE_MS = 10 * 60 * 1000;

function installedVersion() {
  if (!fs.existsSync(motoServer)) return undefined;
  const lib = path.join(venv, 'lib');
  for (const python of fs.existsSync(lib) ? fs.readdirSync(lib) : []) {
    const sitePackages = path.join(lib, python, 'site-packages');
    if (!fs.existsSync(sitePackages)) continue;
    for (const entry of fs.readdirSync(sitePackages)) {
      const match = /^moto-(.+)\.dist-info$/.exec(entry);
      if (match) return match[1];
    }
  }
  return undefined;
}

function run(command, args, what) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.error && result.error.code === 'ENOENT') {
    throw new Error(
      `${what}: "${command}" was not found. moto needs Python 3.10 or newer: install python3 (with its venv module, e.g. apt-get install python3-venv) and try again.`,
    );
  }
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(
      `${what} failed (${command} ${args.join(' ')}, exit ${
        result.status
      }):\n${output.slice(-4000)}`,
    );
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Several jest workers may start at once: one installs, the others wait.
function withLock(fn) {
  fs.mkdirSync(venv, { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age =
        Date.now() - fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
      if (age > LOCK_STALE_MS || Date.now() > deadline) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Makes sure `.venv/bin/moto_server` of {@link MOTO_VERSION} exists and
 * returns its path. Synchronous: it runs once, before any test or server.
 */
function ensureMoto({ log = () => {} } = {}) {
  if (installedVersion() === MOTO_VERSION) return motoServer;
  return withLock(() => {
    if (installedVersion() === MOTO_VERSION) return motoServer;
    const python = process.env.PYTHON ?? 'python3';
    if (!fs.existsSync(path.join(venv, 'bin', 'pip'))) {
      log(`Creating the Python virtualenv ${venv} ...`);
      run(python, ['-m', 'venv', venv], 'Creating the virtualenv for moto');
    }
    log(
      `Installing moto[server]==${MOTO_VERSION} into ${venv} (about a minute) ...`,
    );
    run(
      path.join(venv, 'bin', 'pip'),
      [
        'install',
        '--disable-pip-version-check',
        '--quiet',
        `moto[server]==${MOTO_VERSION}`,
      ],
      `Installing moto ${MOTO_VERSION}`,
    );
    if (installedVersion() !== MOTO_VERSION) {
      throw new Error(
        `moto ${MOTO_VERSION} is still missing from ${venv} after pip install`,
      );
    }
    return motoServer;
  });
}

module.exports = { ensureMoto, MOTO_VERSION, motoServer };

if (require.main === module) {
  try {
    process.stdout.write(
      `${ensureMoto({ log: m => process.stderr.write(`${m}\n`) })}\n`,
    );
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
