import { randomBytes } from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import {
  PostgresServer,
  startPostgres,
} from '@apigw-logging/plugin-api-gateway-logging-node/testUtils';

/**
 * The databases the store runs on: embedded SQLite (the default) and a real
 * PostgreSQL server (a throwaway cluster started for the test file). Each
 * `connect()` is a fresh, empty database.
 */
export interface TestDatabase {
  name: 'SQLite' | 'PostgreSQL';
  connect(): Promise<Knex>;
}

/** Call at the top of a test file; it starts and stops PostgreSQL itself. */
export function testDatabases(): TestDatabase[] {
  let postgres: PostgresServer | undefined;
  const clients: Knex[] = [];
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map(c => c.destroy()));
    await postgres?.stop();
  }, 60_000);
  const keep = (db: Knex) => {
    clients.push(db);
    return db;
  };
  return [
    {
      name: 'SQLite',
      connect: async () =>
        keep(
          knexFactory({
            client: 'better-sqlite3',
            connection: ':memory:',
            useNullAsDefault: true,
          }),
        ),
    },
    {
      name: 'PostgreSQL',
      async connect() {
        const admin = knexFactory({
          client: 'pg',
          connection: postgres!.connectionString,
        });
        const name = `test_${randomBytes(6).toString('hex')}`;
        await admin.raw(`CREATE DATABASE ${name}`);
        await admin.destroy();
        return keep(
          knexFactory({
            client: 'pg',
            connection: postgres!.connectionString.replace(
              /\/postgres$/,
              `/${name}`,
            ),
          }),
        );
      },
    },
  ];
}
