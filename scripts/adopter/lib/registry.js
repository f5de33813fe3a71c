// A tiny npm registry on loopback for the packed `@apigw-logging` tarballs:
// packuments and tarballs with their integrity, as a real registry serves
// them. The adopter app's .yarnrc.yml points only that scope here; every
// other package comes from the normal registry.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');

/**
 * Serves `tarballs` ([{ name, version, file, manifest }]) and resolves to
 * `{ url, close }`.
 */
function startRegistry(tarballs) {
  const byName = new Map();
  const files = new Map();
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    const file = files.get(url);
    if (file) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
      return;
    }
    const packument = byName.get(url.replace(/^\//, ''));
    if (packument) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(packument));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      for (const t of tarballs) {
        const data = fs.readFileSync(t.file);
        // Where a real registry keeps it, so that lockfiles carry no URL.
        const tarballPath = `/${t.name}/-/${t.name.split('/').pop()}-${
          t.version
        }.tgz`;
        files.set(tarballPath, t.file);
        const packument = byName.get(t.name) ?? {
          name: t.name,
          'dist-tags': {},
          versions: {},
        };
        packument['dist-tags'].latest = t.version;
        packument.versions[t.version] = {
          ...t.manifest,
          dist: {
            tarball: `${url}${tarballPath}`,
            shasum: crypto.createHash('sha1').update(data).digest('hex'),
            integrity: `sha512-${crypto
              .createHash('sha512')
              .update(data)
              .digest('base64')}`,
          },
        };
        byName.set(t.name, packument);
      }
      resolve({ url, close: () => new Promise(r => server.close(r)) });
    });
  });
}

module.exports = { startRegistry };
