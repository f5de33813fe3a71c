// The repository's publishable packages: found by scanning plugins/*
// (anything not `private`), built, packed with `yarn pack` (which runs each
// package's prepack: dist entry points, `workspace:` ranges made real) and
// dry-run published.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFile, execFileSync } = require('node:child_process');
const { promisify } = require('node:util');

const execFileAsync = promisify(execFile);

const root = path.resolve(__dirname, '..', '..', '..');

function discoverPackages() {
  const plugins = path.join(root, 'plugins');
  return fs
    .readdirSync(plugins)
    .map(d => path.join(plugins, d))
    .filter(d => fs.existsSync(path.join(d, 'package.json')))
    .map(dir => ({
      dir,
      manifest: JSON.parse(
        fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
      ),
    }))
    .filter(p => !p.manifest.private)
    .map(p => ({ ...p, name: p.manifest.name, version: p.manifest.version }));
}

function run(cmd, args, cwd) {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${
        path.relative(root, cwd) || '.'
      }:\n${`${error.stdout ?? ''}${error.stderr ?? ''}`.slice(-4000)}`,
    );
  }
}

/** Like run(), without blocking: packages are packed side by side. */
async function runAsync(cmd, args, cwd) {
  try {
    const { stdout } = await execFileAsync(cmd, args, {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${path.relative(root, cwd)}:\n${`${
        error.stdout ?? ''
      }${error.stderr ?? ''}`.slice(-4000)}`,
    );
  }
}

/** Type declarations for the repository, then each package's dist. */
function buildPackages(packages) {
  run('yarn', ['tsc'], root);
  for (const p of packages) {
    run('yarn', ['backstage-cli', 'package', 'build'], p.dir);
  }
}

/** Packs each package into `outDir`, checks what an adopter would get. */
function packPackages(packages, outDir) {
  return Promise.all(
    packages.map(async p => {
      const file = path.join(
        outDir,
        `${p.name.replace('@', '').replace('/', '-')}-${p.version}.tgz`,
      );
      await runAsync('yarn', ['pack', '--out', file], p.dir);
      const manifest = JSON.parse(
        execFileSync('tar', ['xzf', file, '-O', 'package/package.json'], {
          encoding: 'utf8',
        }),
      );
      const listing = execFileSync('tar', ['tzf', file], { encoding: 'utf8' });
      const problems = [];
      const ranges = JSON.stringify([
        manifest.dependencies,
        manifest.peerDependencies,
      ]);
      if (ranges.includes('workspace:')) problems.push('a workspace: range');
      if (!String(manifest.main ?? '').startsWith('dist/')) {
        problems.push(`main is ${manifest.main}`);
      }
      for (const f of manifest.files ?? []) {
        if (!listing.includes(`package/${f}`)) problems.push(`no ${f}`);
      }
      if (!listing.includes('package/LICENSE')) problems.push('no LICENSE');
      // What the README links to within the package, and migrations if any.
      const readme = fs.readFileSync(path.join(p.dir, 'README.md'), 'utf8');
      const linked = [
        ...readme.matchAll(/\]\((?!https?:|#|\.\.\/)\.?\/?([^)#\s]+)/g),
      ]
        .map(m => m[1])
        .concat(
          fs.existsSync(path.join(p.dir, 'migrations')) ? ['migrations'] : [],
        );
      for (const f of linked) {
        if (!listing.includes(`package/${f}`)) problems.push(`no ${f}`);
      }
      if (problems.length) {
        throw new Error(`${p.name} tarball: ${problems.join(', ')}`);
      }
      return { name: p.name, version: p.version, file, manifest };
    }),
  );
}

/** `yarn npm publish --dry-run` in each package, as a release would. */
function dryRunPublish(packages) {
  return Promise.all(
    packages.map(async p => {
      const out = await runAsync(
        'yarn',
        ['npm', 'publish', '--dry-run'],
        p.dir,
      );
      if (!/\[DRY RUN\]/.test(out)) {
        throw new Error(`${p.name}: no dry-run confirmation in:\n${out}`);
      }
      return p.name;
    }),
  );
}

module.exports = {
  root,
  discoverPackages,
  buildPackages,
  packPackages,
  dryRunPublish,
};
