// Starts child processes in their own process groups and stops every one of
// them (and their children) on exit, Ctrl-C or failure: no orphans.
'use strict';
const { spawn } = require('node:child_process');

const groups = new Set();

/** Spawns a command as the leader of a new process group. */
function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, {
    stdio: options.stdio ?? 'inherit',
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    detached: true,
  });
  groups.add(child);
  child.on('exit', () => groups.delete(child));
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Stops every group: SIGTERM, then SIGKILL for what is left after 5 s. */
async function stopAll() {
  const children = [...groups];
  children.forEach(child => signalGroup(child, 'SIGTERM'));
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && children.some(c => groups.has(c))) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  children.forEach(child => signalGroup(child, 'SIGKILL'));
}

let stopping = false;
/** Stops everything and exits when the user presses Ctrl-C or we are killed. */
function stopOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      await stopAll();
      process.exit(130);
    });
  }
  process.on('exit', () => {
    for (const child of groups) signalGroup(child, 'SIGKILL');
  });
}

/** Waits until a URL answers with a status below 500. */
async function waitForHttp(url, { timeoutMs = 180000, child, name } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(
        `${name ?? 'process'} exited (code ${
          child.exitCode
        }) before ${url} answered`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

module.exports = { spawnGroup, stopAll, stopOnSignals, waitForHttp };
