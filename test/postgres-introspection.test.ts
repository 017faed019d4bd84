// The migrator's view of PostgreSQL is confined to the connection's schema: tables come and go in other
// schemas of the same database (other tenants, other test processes) while we migrate, and none of them can
// fail our migration or be taken for ours. Kysely's own introspector resolves every table of every schema by
// name, which failed a CI run with "relation "<another schema>.kysely_migration" does not exist".
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/storage/database.js';
import { postgresUnavailableReason, TEST_POSTGRES_URL } from './support/databases.js';
import { skipOutsideCi } from './support/skip.js';

const skip = skipOutsideCi(await postgresUnavailableReason());

describe('PostgreSQL introspection, confined to our schema', { skip, timeout: 120_000 }, () => {
  const ours = `bd_test_${randomBytes(6).toString('hex')}`;
  const theirs = `bd_test_${randomBytes(6).toString('hex')}`;
  let admin: pg.Client;
  let handle: DatabaseHandle;

  before(async () => {
    admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${ours}`);
    await admin.query(`create schema ${theirs}`);
    await admin.query(`create table ${theirs}.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)`);
    await admin.query(`create table ${theirs}.breaches (id serial primary key)`);
    handle = openDatabase({ kind: 'postgres', url: TEST_POSTGRES_URL, schema: ours, maxConnections: 2 });
  });

  after(async () => {
    await handle?.close();
    await admin?.query(`drop schema if exists ${ours} cascade`);
    await admin?.query(`drop schema if exists ${theirs} cascade`);
    await admin?.end();
  });

  it('migrates a fresh schema while another schema of the database keeps creating and dropping tables', async () => {
    let churning = true;
    let rounds = 0;
    const churn = (async () => {
      const other = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await other.connect();
      try {
        while (churning) {
          await other.query(`create table ${theirs}.churn_${rounds % 4} (id serial primary key, note text)`);
          await other.query(`drop table ${theirs}.churn_${rounds % 4}`);
          rounds += 1;
        }
      } finally {
        await other.end();
      }
    })();
    try {
      const applied = await migrateToLatest(handle);
      assert.ok(applied.length > 10, `every migration applied (${applied.length})`);
      for (let i = 0; i < 40; i++) await handle.db.introspection.getTables({ withInternalKyselyTables: true });
    } finally {
      churning = false;
      await churn;
    }
    assert.ok(rounds > 0, 'the other schema changed meanwhile');
  });

  it('lists only our tables, with their columns, and Kysely’s own only when asked', async () => {
    const tables = await handle.db.introspection.getTables();
    assert.ok(tables.length > 10);
    assert.ok(tables.every((t) => t.schema === ours));
    assert.ok(!tables.some((t) => t.name === 'kysely_migration'));
    const internal = await handle.db.introspection.getTables({ withInternalKyselyTables: true });
    assert.deepEqual(
      internal
        .filter((t) => t.name.startsWith('kysely_'))
        .map((t) => t.name)
        .sort(),
      ['kysely_migration', 'kysely_migration_lock'],
    );
    const subscriptions = tables.find((t) => t.name === 'alert_subscriptions');
    assert.ok(subscriptions);
    const key = subscriptions.columns.find((c) => c.name === 'address_key');
    assert.deepEqual(key && { type: key.dataType, nullable: key.isNullable }, { type: 'text', nullable: true });
    assert.deepEqual(await handle.db.introspection.getSchemas(), [{ name: ours }]);
    // Migrating again is a no-op: the migration table found is ours, not the other schema's.
    assert.deepEqual(await migrateToLatest(handle), []);
  });
});
