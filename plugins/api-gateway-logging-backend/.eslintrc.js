// Imports point down: router → services → aws readers and the store →
// checks, config and the -node/common packages. A layer never imports one above it, so the
// readers stay usable without the services and the checks stay pure.
// src/__testUtils__ and tests may reach anything.
const layers = {
  router: ['./src/plugin.ts'],
  services: ['./src/router', './src/plugin.ts'],
  aws: [
    './src/services',
    './src/router',
    './src/plugin.ts',
    './src/checks',
    './src/store',
  ],
  store: [
    './src/services',
    './src/router',
    './src/plugin.ts',
    './src/checks',
    './src/aws',
  ],
  checks: [
    './src/aws',
    './src/services',
    './src/router',
    './src/plugin.ts',
    './src/config',
  ],
  config: [
    './src/checks',
    './src/aws',
    './src/services',
    './src/router',
    './src/plugin.ts',
  ],
};

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // The rule resolves paths to files: let it find TypeScript sources.
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
  },
  testRules: {
    // Helpers named expect* assert too.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expect*'] },
    ],
  },
  rules: {
    'import/no-restricted-paths': [
      'error',
      {
        // Zones are relative to this package, wherever ESLint runs from.
        basePath: __dirname,
        zones: Object.entries(layers).map(([layer, above]) => ({
          target: `./src/${layer}`,
          from: above,
          except: [],
          message: `src/${layer} may not import a layer above it (router → services → aws → checks/config): move the shared piece down, or invert the dependency.`,
        })),
      },
    ],
  },
});
