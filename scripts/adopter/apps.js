// The fresh apps the adopter test installs the packed plugins into: one per
// frontend system, each at the Backstage release and Node.js version it
// proves. Templates live in apps/<dir>; `adopter:` markers in them are where
// the READMEs' snippets go.
'use strict';

module.exports = [
  {
    name: 'legacy',
    title: 'legacy frontend system, Backstage 1.44.3, Node 20',
    dir: 'legacy',
    system: 'legacy',
    node: 20,
    // This repository's own release: its root `resolutions` are the pins of
    // 1.44.3 that install from the registry mirror.
    resolutionsFromRepo: true,
  },
  {
    name: 'nfs',
    title: 'new frontend system, Backstage 1.52.1, Node 22',
    dir: 'nfs',
    system: 'nfs',
    node: 22,
    resolutionsFromRepo: false,
  },
];
