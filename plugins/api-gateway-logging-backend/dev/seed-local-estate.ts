/*
 * Seeds the local AWS estate into an emulator:
 *   node -r @backstage/cli/config/nodeTransform.cjs dev/seed-local-estate.ts --endpoint http://127.0.0.1:5566 [--hours 4] [--traffic-only --from <ms>]
 * Prints one JSON line with what it wrote.
 */
import { EstateSeeder } from './estate/seed';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const endpoint = arg('endpoint');
  if (!endpoint) throw new Error('--endpoint is required');
  const seeder = new EstateSeeder(endpoint);
  const started = Date.now();
  const to = Date.now();
  const trafficOnly = process.argv.includes('--traffic-only');
  const from = trafficOnly
    ? Number(arg('from'))
    : to - Number(arg('hours') ?? 4) * 3600_000;
  const ids = trafficOnly ? {} : await seeder.seedConfiguration();
  const traffic = await seeder.seedTraffic(from, to, Math.floor(from / 60000));
  console.log(
    JSON.stringify({
      ids,
      ...traffic,
      from,
      to,
      seconds: (Date.now() - started) / 1000,
    }),
  );
}

main().catch(error => {
  console.error(`seed-local-estate: ${error.message}`);
  process.exit(1);
});
