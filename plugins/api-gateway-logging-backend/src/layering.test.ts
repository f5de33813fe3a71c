import path from 'node:path';
import { ESLint } from 'eslint';

/*
 * The layering rule of .eslintrc.js, proven to bite: an upward import in
 * each layer is an error, a downward one is not. `yarn lint` runs the rule
 * on the real sources.
 */
const packageDir = path.resolve(__dirname, '..');

async function lint(file: string, code: string) {
  const eslint = new ESLint({ cwd: packageDir });
  const [result] = await eslint.lintText(code, {
    filePath: path.join(packageDir, file),
  });
  return result.messages
    .filter(m => m.ruleId === 'import/no-restricted-paths')
    .map(m => m.message);
}

jest.setTimeout(60_000);

describe('the layering lint rule', () => {
  it.each([
    ['src/aws/probe.ts', "export { auditServiceRef } from '../services/refs';"],
    [
      'src/services/probe.ts',
      "export { createRouter } from '../router/createRouter';",
    ],
    ['src/checks/probe.ts', "export { send } from '../aws/send';"],
    ['src/config/probe.ts', "export { BUILT_IN_CHECKS } from '../checks';"],
    [
      'src/router/probe.ts',
      "export { apiGatewayLoggingPlugin } from '../plugin';",
    ],
  ])('refuses an upward import in %s', async (file, code) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('may not import a layer above it');
  });

  it.each([
    [
      'src/router/probe.ts',
      "export { auditServiceRef } from '../services/refs';",
    ],
    ['src/services/probe.ts', "export { send } from '../aws/send';"],
    [
      'src/aws/probe.ts',
      "export { MAX_PAGE_SIZE } from '../config/readConfig';",
    ],
  ])('allows a downward import in %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
