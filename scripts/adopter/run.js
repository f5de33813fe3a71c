// The adopter test: installs the packed plugins into fresh Backstage apps
// outside this workspace, following only the READMEs, and checks in Chromium
// that an API's tab and the coverage page show real data.
//
//   1. build and pack every publishable package under plugins/ (and dry-run
//      `yarn npm publish` in each);
//   2. serve the tarballs from a loopback registry for the `@apigw-logging`
//      scope only, everything else coming from the normal registry;
//   3. for each app of apps.js (legacy frontend system on Backstage 1.44.3
//      and Node 20, new frontend system on 1.52.1 and Node 22): lay out the
//      app from its template in a temp folder, run the READMEs' install
//      commands, apply their wiring snippets, type-check, start it against
//      the local AWS estate and look at it in Chromium.
//
// Prints the time of every step. SKIP_ADOPTER_TEST=1 skips it, except in CI.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawn } = require('node:child_process');
const apps = require('./apps');
const {
  root,
  discoverPackages,
  buildPackages,
  packPackages,
  dryRunPublish,
} = require('./lib/packages');
const { startRegistry } = require('./lib/registry');
const { ensureNode } = require('./lib/node');
const {
  extractSnippets,
  shellCommands,
  applySnippets,
} = require('./lib/snippets');
const { checkApp } = require('./lib/checks');
const {
  spawnGroup,
  stopAll,
  stopOnSignals,
  waitForHttp,
} = require('../lib/processes');
const { freePort } = require('../lib/stack');
const { startLocalAws } = require('../lib/localAws');

const LOG_DIR = path.join(root, 'e2e', 'screenshots');
const timings = [];

async function step(name, fn) {
  const started = Date.now();
  process.stdout.write(`adopter: ${name} ...\n`);
  try {
    return await fn();
  } finally {
    const seconds = (Date.now() - started) / 1000;
    timings.push([name, seconds]);
    console.log(`adopter: ${name}: ${seconds.toFixed(1)} s`);
  }
}

function registryUrl() {
  return execFileSync('npm', ['config', 'get', 'registry'], {
    encoding: 'utf8',
  })
    .trim()
    .replace(/\/$/, '');
}

/**
 * The environment of an adopter's shell: none of this workspace's yarn
 * variables, the app's Node first on PATH, the registry from npm's config.
 */
function adopterEnv(node, registry) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|YARN_|BERRY_)|^(PROJECT_CWD|INIT_CWD)$/.test(k)) continue;
    env[k] = v;
  }
  const pathDirs = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(d => !/[\\/]xfs-[^\\/]+$/.test(d));
  return {
    ...env,
    PATH: [node.binDir, ...pathDirs].join(path.delimiter),
    COREPACK_NPM_REGISTRY: registry,
    COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
    YARN_NPM_REGISTRY_SERVER: registry,
    // A fresh app has no lockfile yet; CI=true would forbid creating one.
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    YARN_ENABLE_GLOBAL_CACHE: 'true',
    ...(node.nodedir ? { npm_config_nodedir: node.nodedir } : {}),
  };
}

/**
 * Runs a command to completion without blocking this process, which serves
 * the packages' registry meanwhile; its output goes to the app's log.
 */
function sh(command, args, { cwd, env, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let output = '';
    const collect = chunk => {
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', code => {
      fs.appendFileSync(log, `\n$ ${[command, ...args].join(' ')}\n${output}`);
      if (code === 0) {
        resolve(output);
        return;
      }
      reject(
        new Error(
          `${[command, ...args].join(' ')} failed (see ${path.relative(
            root,
            log,
          )}):\n${output.slice(-3000)}`,
        ),
      );
    });
  });
}

function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

/** Lays out an app from its template, with its registry and config. */
function layOutApp(app, { dir, registry, scopeRegistry, ports }) {
  copyDir(path.join(__dirname, 'apps', app.dir), dir);
  const pkgFile = path.join(dir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (app.resolutionsFromRepo) {
    const repoPkg = JSON.parse(
      fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
    );
    pkg.resolutions = { ...repoPkg.resolutions, ...pkg.resolutions };
  }
  fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  const host = new URL(scopeRegistry).hostname;
  fs.writeFileSync(
    path.join(dir, '.yarnrc.yml'),
    [
      'nodeLinker: node-modules',
      'enableTelemetry: false',
      `npmRegistryServer: "${registry}"`,
      'npmScopes:',
      '  apigw-logging:',
      `    npmRegistryServer: "${scopeRegistry}"`,
      'unsafeHttpWhitelist:',
      `  - "${host}"`,
      '',
    ].join('\n'),
  );
  const config = {
    app: { title: `Adopter app (${app.name})`, baseUrl: ports.appUrl },
    organization: { name: 'Adopter' },
    backend: {
      baseUrl: ports.backendUrl,
      listen: { port: ports.backendPort, host: '127.0.0.1' },
      csp: { 'connect-src': ["'self'", 'http:', 'https:'] },
      cors: {
        origin: ports.appUrl,
        methods: ['GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'DELETE'],
        credentials: true,
      },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    auth: {
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    permission: { enabled: true },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Location',
            'Group',
            'User',
            'Domain',
          ],
        },
      ],
      locations: [
        { type: 'file', target: path.join(root, 'examples', 'entities.yaml') },
        {
          type: 'file',
          target: path.join(root, 'examples', 'org.yaml'),
          rules: [{ allow: ['User', 'Group'] }],
        },
      ],
    },
  };
  // JSON is YAML.
  fs.writeFileSync(
    path.join(dir, 'app-config.yaml'),
    `${JSON.stringify(config, null, 2)}\n`,
  );
}

/**
 * Yarn's global cache must not hand back last run's tarballs (same name and
 * version, new content). Done once, before the apps install side by side.
 */
function forgetCachedTarballs() {
  // Yarn's default global folder: adopterEnv() drops any YARN_* override.
  const cacheFolder = path.join(os.homedir(), '.yarn', 'berry', 'cache');
  if (!fs.existsSync(cacheFolder)) return;
  for (const f of fs.readdirSync(cacheFolder)) {
    if (f.startsWith('@apigw-logging-')) {
      fs.rmSync(path.join(cacheFolder, f), { force: true });
    }
  }
}

/**
 * The `@backstage/*` ranges of our packages that the app's release pins
 * (which this registry mirror needs) override: an app without such pins
 * would get a second copy of these. Reported, not failed.
 */
function overriddenRanges(dir) {
  const semver = require(path.join(dir, 'node_modules', 'semver'));
  const scope = path.join(dir, 'node_modules', '@apigw-logging');
  const found = [];
  for (const name of fs.readdirSync(scope)) {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(scope, name, 'package.json'), 'utf8'),
    );
    for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
      if (!dep.startsWith('@backstage/')) continue;
      const file = path.join(dir, 'node_modules', dep, 'package.json');
      if (!fs.existsSync(file)) continue;
      const { version } = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (!semver.satisfies(version, range)) {
        found.push(`${dep} ${range} -> ${version}`);
      }
    }
  }
  return [...new Set(found)];
}

/**
 * Lays out an app, runs the READMEs' install commands, applies their
 * snippets and type-checks it. Both apps are prepared side by side: one
 * compiles native modules while the other resolves and links.
 */
async function prepareApp(app, ctx) {
  const log = path.join(LOG_DIR, `adopter-${app.name}.log`);
  fs.writeFileSync(log, '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `adopter-${app.name}-`));
  const label = s => `${app.name}: ${s}`;
  const prepared = { app, dir, log, label };
  try {
    const node = await step(label(`Node ${app.node}`), () =>
      ensureNode(app.node, { log: m => console.log(`adopter: ${m}`) }),
    );
    const env = adopterEnv(node, ctx.registry);
    const appPort = await freePort();
    const backendPort = await freePort();
    const ports = {
      appUrl: `http://localhost:${appPort}`,
      backendUrl: `http://localhost:${backendPort}`,
      backendPort,
    };
    Object.assign(prepared, { node, env, ports });
    layOutApp(app, { dir, ...ctx, ports });
    const commands = shellCommands(ctx.snippets, app.system);
    await step(
      label(`README install (${commands.length} commands)`),
      async () => {
        for (const command of commands) {
          if (!/^yarn\s/.test(command)) {
            throw new Error(`not a yarn command in a README: ${command}`);
          }
          console.log(`adopter: ${app.name}: $ ${command}`);
          await sh('bash', ['-c', command], { cwd: dir, env, log });
        }
      },
    );
    const overridden = overriddenRanges(dir);
    console.log(
      `adopter: ${label('ranges of ours that the release pins override')}: ${
        overridden.join(', ') || 'none'
      }`,
    );
    const applied = applySnippets(dir, ctx.snippets, app.system);
    console.log(`adopter: ${label('README snippets')}: ${applied.join(', ')}`);
    await step(label('tsc'), () => sh('yarn', ['tsc'], { cwd: dir, env, log }));
    prepared.ok = true;
  } catch (error) {
    prepared.error = error;
  }
  return prepared;
}

/** Starts a prepared app against the local AWS estate and looks at it. */
async function checkPreparedApp(prepared, ctx) {
  const { app, dir, log, label, node, env, ports } = prepared;
  let child;
  try {
    if (!prepared.ok) throw prepared.error;
    await step(label('start app and backend'), async () => {
      const out = fs.openSync(log, 'a');
      child = spawnGroup(
        path.join(node.binDir, 'node'),
        [
          path.join(
            dir,
            'node_modules',
            '@backstage',
            'cli',
            'bin',
            'backstage-cli',
          ),
          'repo',
          'start',
          '--config',
          path.join(dir, 'app-config.yaml'),
          '--config',
          path.join(root, 'app-config.local-aws.yaml'),
        ],
        {
          cwd: dir,
          stdio: ['ignore', out, out],
          env: { ...env, ...ctx.localAws.env, BROWSER: 'none' },
        },
      );
      for (const url of [
        `${ports.backendUrl}/api/api-gateway-logging/health`,
        ports.appUrl,
      ]) {
        await waitForHttp(url, {
          child,
          name: `${app.name} app`,
          timeoutMs: 300000,
        });
      }
    });
    await step(label('browser: entity tab, card, coverage page'), () =>
      checkApp(ports.appUrl, app.name),
    );
    console.log(`ok - ${app.title} (${node.version})`);
    return true;
  } catch (error) {
    console.log(`not ok - ${app.title}`);
    console.error(`adopter: ${app.name}: ${error.stack ?? error.message}`);
    console.error(
      fs.readFileSync(log, 'utf8').split('\n').slice(-40).join('\n'),
    );
    return false;
  } finally {
    if (child) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // gone already
      }
      await new Promise(r => setTimeout(r, 1500));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    if (!process.env.KEEP_ADOPTER_APPS) {
      fs.rmSync(dir, { recursive: true, force: true });
    } else {
      console.log(`adopter: ${app.name} app kept in ${dir}`);
    }
  }
}

async function main() {
  if (process.env.SKIP_ADOPTER_TEST === '1' && process.env.CI !== 'true') {
    console.log('adopter: skipped (SKIP_ADOPTER_TEST=1)');
    console.log('# pass 0');
    console.log('# fail 0');
    return 0;
  }
  stopOnSignals();
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const started = Date.now();
  const only = process.env.ADOPTER_APPS?.split(',');
  const selected = apps.filter(a => !only || only.includes(a.name));
  let pass = 0;
  let fail = 0;
  let registry;
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'adopter-packs-'));
  try {
    const packages = discoverPackages();
    console.log(
      `adopter: publishable packages: ${packages.map(p => p.name).join(', ')}`,
    );
    await step('build packages', () => buildPackages(packages));
    const tarballs = await step('pack', () => packPackages(packages, packDir));
    await step('yarn npm publish --dry-run', () => dryRunPublish(packages));
    console.log('ok - packed and dry-run published every package');
    pass++;
    registry = await startRegistry(tarballs);
    const snippets = extractSnippets(
      packages.map(p => path.join(p.dir, 'README.md')),
    );
    const ctx = {
      registry: registryUrl(),
      scopeRegistry: registry.url,
      snippets,
    };
    forgetCachedTarballs();
    const prepared = await Promise.all(
      selected.map(app => prepareApp(app, ctx)),
    );
    // Started only now, so that its traffic top-up (every 5 minutes) does
    // not run while the apps install.
    ctx.localAws = await step('local AWS estate', () =>
      startLocalAws({ log: m => console.log(`adopter: ${m}`) }),
    );
    for (const p of prepared) {
      if (await checkPreparedApp(p, ctx)) pass++;
      else fail++;
    }
  } catch (error) {
    console.log('not ok - adopter test setup');
    console.error(`adopter: ${error.stack ?? error.message}`);
    fail++;
  } finally {
    await registry?.close();
    await stopAll();
    fs.rmSync(packDir, { recursive: true, force: true });
  }
  const total = (Date.now() - started) / 1000;
  console.log('adopter: time per step');
  for (const [name, seconds] of timings) {
    console.log(`adopter:   ${seconds.toFixed(1).padStart(6)} s  ${name}`);
  }
  console.log(`adopter:   ${total.toFixed(1).padStart(6)} s  total`);
  console.log(`# pass ${pass}`);
  console.log(`# fail ${fail}`);
  return fail === 0 ? 0 : 1;
}

main().then(code => process.exit(code));
