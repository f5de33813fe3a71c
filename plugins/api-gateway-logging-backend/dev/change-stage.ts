/*
 * Changes a stage of the local AWS estate while `yarn dev` runs, to watch
 * the change reach the stage's timeline (after "Re-check now" or a sweep):
 *   yarn dev:change-stage --api payments --stage prod --level OFF
 * The emulator's address is read from `--endpoint`, else from the file
 * `yarn dev` writes (.dev-local-aws at the repository root).
 */
import fs from 'fs';
import path from 'path';
import { UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import {
  GetApisCommand,
  UpdateStageCommand as UpdateV2StageCommand,
} from '@aws-sdk/client-apigatewayv2';
import { ESTATE } from './estate/estate';
import { EstateSeeder } from './estate/seed';

const LEVELS = ['OFF', 'ERROR', 'INFO'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function endpoint(): string {
  const given = arg('endpoint');
  if (given) return given;
  const file = path.resolve(__dirname, '../../../.dev-local-aws');
  if (!fs.existsSync(file)) {
    throw new Error(
      'no local AWS estate found: start `yarn dev` first, or pass --endpoint',
    );
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function main() {
  const apiName = arg('api');
  const stageName = arg('stage');
  const level = arg('level')?.toUpperCase();
  const api = ESTATE.find(a => a.name === apiName);
  if (!api || !stageName || !level || !LEVELS.includes(level)) {
    throw new Error(
      `usage: --api <${ESTATE.map(a => a.name).join(
        '|',
      )}> --stage <name> --level <${LEVELS.join('|')}>`,
    );
  }
  if (!api.stages.some(s => s.name === stageName)) {
    throw new Error(
      `${apiName} has no stage ${stageName}: ${api.stages
        .map(s => s.name)
        .join(', ')}`,
    );
  }
  const clients = await new EstateSeeder(endpoint()).clients(
    api.accountId,
    api.region,
  );
  if (api.type === 'REST') {
    await clients.v1.send(
      new UpdateStageCommand({
        restApiId: api.id,
        stageName,
        patchOperations: [
          { op: 'replace', path: '/*/*/logging/loglevel', value: level },
        ],
      }),
    );
  } else if (api.type === 'WEBSOCKET') {
    const { Items = [] } = await clients.v2.send(new GetApisCommand({}));
    const apiId = Items.find(a => a.Name === api.name)?.ApiId;
    if (!apiId) throw new Error(`${apiName} is not in the emulator`);
    await clients.v2.send(
      new UpdateV2StageCommand({
        ApiId: apiId,
        StageName: stageName,
        DefaultRouteSettings: { LoggingLevel: level as 'OFF' },
      }),
    );
  } else {
    throw new Error('HTTP APIs have no execution logging to change');
  }
  console.log(
    `${apiName} ${stageName}: execution logging ${level}. Press "Re-check now" on its tab, or wait for the next sweep.`,
  );
}

main().catch(error => {
  console.error(`change-stage: ${error.message}`);
  process.exit(1);
});
