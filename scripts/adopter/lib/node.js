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

/** `{ binDir, nodedir, version }` of a Node.js whose major is `major`. */
function ensureNode(major, { log = console.log } = {}) {
  const running = Number(process.versions.node.split('.')[0]);
  if (running === major) {
    return {
      binDir: path.dirname(process.execPath),
      // Debian's headers for the running Node (see scripts/setup.sh).
      nodedir: fs.existsSync('/usr/include/node') ? '/usr' : undefined,
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
  const dir = path.join(cacheRoot(), `${pkg}-${version}`);
  const nodeBin = path.join(dir, 'package', 'bin', 'node');
  if (!fs.existsSync(nodeBin)) {
    log(`fetching Node.js ${version} (${pkg} from the npm registry)`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'node-pack-'));
    execFileSync('npm', ['pack', `${pkg}@${version}`], {
      cwd: tmp,
      stdio: 'ignore',
    });
    const tarball = fs.readdirSync(tmp).find(f => f.endsWith('.tgz'));
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
  return {
    binDir: path.dirname(nodeBin),
    nodedir: path.join(dir, 'package'),
    version: `v${version}`,
  };
}

module.exports = { ensureNode };
