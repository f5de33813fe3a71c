// Prints the folder node-gyp should take the running Node's headers from
// (npm_config_nodedir): Debian's /usr when they match its major version,
// else the same Node build from the npm registry (see adopter/lib/node.js).
// scripts/setup.sh uses it, so that native modules build on Node 20 and 22.
'use strict';
const { headersDir } = require('./adopter/lib/node');

process.stdout.write(`${headersDir({ log: m => console.error(m) })}\n`);
