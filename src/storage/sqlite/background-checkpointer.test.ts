import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSqliteDialect } from './create-sqlite-dialect.js';
import { startBackgroundCheckpointer } from './background-checkpointer.js';

describe('background WAL checkpoints', () => {
  it('checkpoints from another thread while the writer only appends, then hands checkpointing back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-ckpt-'));
    const { database: db } = createSqliteDialect(join(dir, 'c.sqlite'));
    try {
      db.exec('create table t (k integer primary key, v blob)');
      const checkpointer = startBackgroundCheckpointer(db, { intervalMs: 50 });
      assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 0, 'the writer no longer checkpoints');
      const insert = db.prepare('insert into t (v) values (randomblob(200))');
      for (let i = 0; i < 20; i++) db.transaction(() => Array.from({ length: 500 }, () => insert.run()))();
      await sleep(400);
      // 10,000 rows of 200 bytes reached the database file itself: only the other thread checkpoints now.
      assert.ok(statSync(join(dir, 'c.sqlite')).size > 2_000_000, 'pages were copied from the WAL by the background thread');
      await checkpointer.stop();
      assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 16384);
      assert.equal((db.prepare('select count(*) as n from t').get() as { n: number }).n, 10_000);
      assert.equal(statSync(join(dir, 'c.sqlite-wal')).size, 0, 'stop() leaves no WAL behind');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the WAL under its bound while a writer appends without pause', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-ckpt-'));
    const file = join(dir, 'c.sqlite');
    const { database: db } = createSqliteDialect(file);
    try {
      db.exec('create table t (k blob primary key, v blob) without rowid');
      // A long interval: the background thread barely runs, as when it falls behind a fast writer.
      const maxWalBytes = 1_000_000;
      const checkpointer = startBackgroundCheckpointer(db, { intervalMs: 60_000, maxWalBytes });
      const insert = db.prepare('insert into t (k, v) values (randomblob(16), randomblob(100))');
      let largest = 0;
      for (let i = 0; i < 40; i++) {
        db.transaction(() => Array.from({ length: 1000 }, () => insert.run()))();
        checkpointer.afterCommit();
        largest = Math.max(largest, statSync(`${file}-wal`).size);
      }
      // Without the bound, 40,000 random-key rows leave a WAL of several MB; one transaction may overshoot.
      assert.ok(largest < 3 * maxWalBytes, `WAL peaked at ${largest} bytes`);
      await checkpointer.stop();
      assert.equal((db.prepare('select count(*) as n from t').get() as { n: number }).n, 40_000);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
