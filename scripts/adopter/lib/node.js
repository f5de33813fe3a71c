// A Node.js of a given major version for an adopter app: the running one if
// it matches, else the official build from the npm registry's
// `node-<platform>-<arch>` package (binary and headers, so native modules
// compile without downloading headers), unpacked once into a cache folder.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

function cacheRoot() {
  return path.join(
    process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
    'apigw-logging-adopter',
  );
}

/**
 * The official Node.js build `version` (e.g. 22.23.5) for this platform,
 * unpacked from the npm registry's `node-<platform>-<arch>` package into the
 * cache folder: `bin/node` and the headers under `include/node`.
 */
function nodeDist(version, { log = console.log } = {}) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = path.join(cacheRoot(), `${pkg}-${version}`);
  if (!fs.existsSync(path.join(dir, 'package', 'bin', 'node'))) {
    log(`fetching Node.js ${version} (${pkg} from the npm registry)`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'node-pack-'));
    execFileSync('npm', ['pack', `${pkg}@${version}`], {
      cwd: tmp,
      stdio: 'ignore',
    });
    const tarball = fs.readdirSync(tmp).find(f => f.endsWith('.tgz'));
    fs.rmSync(`${dir}.partial`, { recursive: true, force: true });
    fs.mkdirSync(`${dir}.partial`, { recursive: true });
    execFileSync('tar', [
      'xzf',
      path.join(tmp, tarball),
      '-C',
      `${dir}.partial`,
    ]);
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(`${dir}.partial`, dir);
  }
  return path.join(dir, 'package');
}

/** Debian's headers, when they are those of the running Node's major. */
function systemHeadersMatch() {
  const header = '/usr/include/node/node_version.h';
  if (!fs.existsSync(header)) return false;
  const major = /#define NODE_MAJOR_VERSION (\d+)/.exec(
    fs.readFileSync(header, 'utf8'),
  )?.[1];
  return major === process.versions.node.split('.')[0];
}

/**
 * Where node-gyp finds the running Node's headers (yarn ignores npm's
 * nodedir, and downloading them is not possible here).
 */
function headersDir(options) {
  return systemHeadersMatch()
    ? '/usr'
    : nodeDist(process.versions.node, options);
}

/** `{ binDir, nodedir, version }` of a Node.js whose major is `major`. */
function ensureNode(major, { log = console.log } = {}) {
  const running = Number(process.versions.node.split('.')[0]);
  if (running === major) {
    return {
      binDir: path.dirname(process.execPath),
      nodedir: headersDir({ log }),
      version: process.version,
    };
  }
  const pkg = `node-${process.platform}-${process.arch}`;
  const versions = JSON.parse(
    execFileSync('npm', ['view', `${pkg}@${major}`, 'version', '--json'], {
      encoding: 'utf8',
    }),
  );
  const version = [versions].flat().pop();
  const dir = nodeDist(version, { log });
  return {
    binDir: path.join(dir, 'bin'),
    nodedir: dir,
    version: `v${version}`,
  };
}

module.exports = { ensureNode, headersDir };
