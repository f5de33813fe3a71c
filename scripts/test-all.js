// The one command that runs every test: the Jest suites of every package
// (unit, router, moto-backed integration), the browser tests against the
// real app, then the adopter test (the packed packages installed into fresh
// apps from the READMEs; SKIP_ADOPTER_TEST=1 skips it outside CI). Prints
// one closing line with the totals.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const env = { ...process.env, CI: process.env.CI ?? 'true' };

function runJest() {
  const out = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'jest-')),
    'results.json',
  );
  const result = spawnSync(
    process.execPath,
    [
      require.resolve('@backstage/cli/bin/backstage-cli', { paths: [root] }),
      'repo',
      'test',
      '--json',
      `--outputFile=${out}`,
    ],
    { cwd: root, stdio: 'inherit', env },
  );
  const counts = fs.existsSync(out)
    ? JSON.parse(fs.readFileSync(out, 'utf8'))
    : { numPassedTests: 0, numFailedTests: 1 };
  return {
    ok: result.status === 0,
    passed: counts.numPassedTests,
    failed: counts.numFailedTests,
  };
}

/** Runs a script that reports `# pass N` / `# fail N` lines. */
function runCounted(script, scriptEnv = env) {
  const result = spawnSync(process.execPath, [path.join(root, ...script)], {
    cwd: root,
    env: scriptEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  const count = name =>
    Number(
      (new RegExp(`^# ${name} (\\d+)$`, 'm').exec(result.stdout ?? '') ??
        [])[1] ?? 0,
    );
  const failed =
    count('fail') + (result.status !== 0 && count('fail') === 0 ? 1 : 0);
  return { ok: result.status === 0, passed: count('pass'), failed };
}

const unit = runJest();
const browser = runCounted(['e2e', 'run.js']);
// The adopter test decides about skipping from the caller's own CI value.
const adopter = runCounted(['scripts', 'adopter', 'run.js'], {
  ...env,
  CI: process.env.CI ?? '',
});
console.log(
  `unit and integration: ${unit.passed} passed, ${unit.failed} failed`,
);
console.log(`browser: ${browser.passed} passed, ${browser.failed} failed`);
console.log(`adopter: ${adopter.passed} passed, ${adopter.failed} failed`);
const results = [unit, browser, adopter];
const sum = key => results.reduce((n, r) => n + r[key], 0);
console.log(`${sum('passed')} passed, ${sum('failed')} failed`);
process.exit(results.every(r => r.ok) ? 0 : 1);
