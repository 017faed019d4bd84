// Key rotation as documented in docs/key-rotation.md, step by step through the real CLI, while a real
// server keeps answering look-ups: build the next epoch from the source file, switch, destroy the old key.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { synthCommand } from '../src/cli/synth-command.js';
import { runCli } from '../src/main/cli.js';
import { createHttpTransport, prepareLookup, runLookup, toBase64Url } from '../src/modules/lookup/index.js';
import { blind } from '../src/modules/oprf/client.js';
import { postgresUnavailableReason } from './support/databases.js';
import { createIndexingEnv, type IndexingEnv } from './support/indexing.js';
import { serveLookup, type Served } from './support/lookup-server.js';

const TODAY = '2026-11-27';

function capture() {
  const out: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }, text: () => out.join('\n') };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  const skip = kind === 'postgres' ? ((await postgresUnavailableReason()) ?? false) : false;

  describe(`key rotation (${kind})`, { skip, timeout: 180_000 }, () => {
    let dir: string;
    let env: IndexingEnv;
    let served: Served;
    let file: string;
    let nir: string;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'breachdesk-rotation-'));
      env = await createIndexingEnv(kind, { workers: 1 });
      file = join(dir, 'viamedis.csv');
      assert.equal(
        await synthCommand(['--profile', 'viamedis', '--rows', '200', '--seed', 'rotation', '--defects', '0', '--out', file], {
          out: () => undefined,
          err: () => undefined,
        }),
        0,
      );
      nir = readFileSync(file, 'utf8').split('\n')[1]!.split(',')[0]!;
      const c = capture();
      assert.equal(await runCli(['ingest', file, '--breach', 'viamedis', '--workers', '1'], c.io, env.env), 0, c.text());
      served = await serveLookup(env);
    });

    after(async () => {
      await served?.app.close();
      served?.publisher.close();
      await env?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const lookUp = async () => {
      const prepared = prepareLookup({ frNir: nir }, { today: TODAY });
      return runLookup(prepared.inputs, createHttpTransport({ apiBase: served.url }));
    };

    it('builds the next epoch while the current one serves, switches, and destroys the old key', async () => {
      const before = await lookUp();
      assert.equal(before.epoch, 1);
      assert.deepEqual(
        before.matches.map((m) => m.slug),
        ['viamedis'],
      );
      const oldKeyFile = env.config.oprfKeyFile;
      const oldKeyText = readFileSync(oldKeyFile, 'utf8');

      // Step 1: the next key.
      let c = capture();
      assert.equal(await runCli(['index', 'next-key'], c.io, env.env), 0, c.text());
      const nextFile = `${oldKeyFile}.next`;
      assert.ok(existsSync(nextFile));
      assert.match(c.text(), /epoch 2 .* is being built/);

      // Step 2: the same source file into epoch 2. The server still answers from epoch 1 meanwhile.
      c = capture();
      assert.equal(
        await runCli(['ingest', file, '--breach', 'viamedis', '--workers', '1'], c.io, { ...env.env, OPRF_KEY_FILE: nextFile }),
        0,
        c.text(),
      );
      await served.publisher.refresh();
      const during = await lookUp();
      assert.equal(during.epoch, 1, 'the building epoch is not served');
      assert.deepEqual(
        during.matches.map((m) => m.slug),
        ['viamedis'],
      );

      // A forgotten breach is caught: epoch 2 lacks folksam entries that epoch 1 has.
      const folksam = join(dir, 'folksam.csv');
      await synthCommand(['--profile', 'folksam', '--rows', '20', '--seed', 'rotation', '--defects', '0', '--out', folksam], {
        out: () => undefined,
        err: () => undefined,
      });
      assert.equal(await runCli(['ingest', folksam, '--breach', 'folksam', '--workers', '1'], capture().io, env.env), 0);
      c = capture();
      assert.equal(await runCli(['index', 'activate', nextFile], c.io, env.env), 1);
      assert.match(c.text(), /no entries for folksam/);
      assert.equal(
        await runCli(['ingest', folksam, '--breach', 'folksam', '--workers', '1'], capture().io, { ...env.env, OPRF_KEY_FILE: nextFile }),
        0,
      );

      // Step 3: switch. The old key file is overwritten and gone; the new one took its path.
      c = capture();
      assert.equal(await runCli(['index', 'activate', nextFile], c.io, env.env), 0, c.text());
      assert.match(c.text(), /epoch 2 .* is active; epoch 1 retired, \d+ of its entries deleted, its key file overwritten and deleted/);
      assert.ok(!existsSync(nextFile));
      assert.notEqual(readFileSync(oldKeyFile, 'utf8'), oldKeyText, 'OPRF_KEY_FILE now holds the new key');
      assert.equal(await env.indexing.index.countEntries(1), 0, 'the old epoch has no entries left');

      // The running server notices at its next check and serves epoch 2; the same person is found.
      await served.publisher.refresh();
      const afterSwitch = await lookUp();
      assert.equal(afterSwitch.epoch, 2);
      assert.deepEqual(
        afterSwitch.matches.map((m) => m.slug),
        ['viamedis'],
      );
      // A client still holding the old manifest is told to fetch it again.
      const stale = await fetch(`${served.url}/api/v1/oprf/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          epoch: 1,
          elements: [toBase64Url(blind(new TextEncoder().encode('breachdesk/v1|email|a@example.org')).blindedElement)],
        }),
      });
      assert.equal(stale.status, 409);
      assert.equal(((await stale.json()) as { code: string }).code, 'LOOKUP_EPOCH_UNKNOWN');

      // The new key works for the CLI; a key file for the retired epoch (a restored backup, or a fresh file
      // that would start epoch 1 again) is refused.
      assert.equal(await runCli(['index', 'status'], capture().io, env.env), 0);
      c = capture();
      assert.equal(await runCli(['index', 'status'], c.io, { ...env.env, OPRF_KEY_FILE: join(dir, 'old.key') }), 1);
      assert.match(c.text(), /KEY_EPOCH_MISMATCH/);
    });
  });
}
