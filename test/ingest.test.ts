import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { synthCommand } from '../src/cli/synth-command.js';
import { runCli } from '../src/main/cli.js';
import { randomBytes } from 'node:crypto';
import { nodeIndexCrypto } from '../src/adapters/node-index-crypto.js';
import { identifierInput, parseFrNir, parseIdentifier, parsePhone, parseSePersonnummer } from '../src/modules/identifiers/index.js';
import { CsvRecordReader } from '../src/modules/ingestion/record-reader.js';
import { bucketOf, classesOfMask, deriveEntryKeys, findInBucket, openMeta } from '../src/modules/lookup/index.js';
import { blind, createOprfEvaluator, finalize } from '../src/modules/oprf/index.js';
import { testDatabases } from './support/databases.js';
import { createIndexingEnv, type IndexingEnv } from './support/indexing.js';

const TODAY = new Date().toISOString().slice(0, 10);
const quietIo = { out: () => undefined, err: () => undefined };

interface Truth {
  line: number;
  defect: string | null;
  expected: 'accepted' | 'rejected' | 'duplicate';
}

async function synth(
  dir: string,
  profile: string,
  rows: number,
  seed: string,
  extra: string[] = [],
): Promise<{ file: string; truth: Truth[] }> {
  const file = join(dir, `${profile}-${seed}.csv`);
  const truthFile = join(dir, `${profile}-${seed}.truth.jsonl`);
  const code = await synthCommand(
    ['--profile', profile, '--rows', String(rows), '--seed', seed, '--out', file, '--truth', truthFile, ...extra],
    quietIo,
  );
  assert.equal(code, 0);
  const truth = readFileSync(truthFile, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Truth);
  return { file, truth };
}

/** Every identifier of a synthetic file, raw as written and canonical: what must never be found stored. */
function identifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const [header, ...lines] = text.split('\n').filter((l) => l !== '');
  const names = header!.split(',');
  const ids = new Set<string>();
  const idColumns = ['nir', 'email', 'telephone', 'telefon', 'personnummer'];
  for (const line of lines) {
    const cells = line.split(',');
    names.forEach((n, i) => {
      const v = (cells[i] ?? '').trim();
      if (!idColumns.includes(n) || v.length < 6) return;
      ids.add(v);
      const opts = { today: TODAY, defaultRegion: 'FR' };
      const parsed =
        n === 'nir'
          ? parseFrNir(v)
          : n === 'personnummer'
            ? parseSePersonnummer(v, opts)
            : n === 'email'
              ? parseIdentifier('email', v, opts)
              : parsePhone(v, opts);
      if (parsed.ok) ids.add(parsed.canonical);
    });
  }
  return [...ids];
}

function readCsv(file: string): string[][] {
  const reader = new CsvRecordReader(',');
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => reader.push(i + 1, { text, redecoded: false }));
  return [...records, ...reader.end()].flatMap((r) => (r.fields && r.fields.join('') !== '' ? [r.fields] : []));
}

function ingestOptions(breachSlug: string, extra: { keepContacts?: boolean; restart?: boolean; inProcess?: boolean } = {}) {
  const defaultRegion = breachSlug === 'folksam' ? 'SE' : 'FR';
  return { breachSlug, maps: [], defaultRegion, keepContacts: false, restart: false, actor: 'test', ...extra };
}

function countByExpected(truth: readonly Truth[]) {
  return {
    accepted: truth.filter((t) => t.expected === 'accepted').length,
    rejected: truth.filter((t) => t.expected === 'rejected').length,
    duplicates: truth.filter((t) => t.expected === 'duplicate').length,
  };
}

for (const db of await testDatabases()) {
  describe(`ingest on ${db.name}`, { skip: db.skip }, () => {
    let env: IndexingEnv;
    before(async () => {
      env = await createIndexingEnv(db.name);
    });
    after(async () => {
      await env?.close();
    });

    it('accounts for every row exactly as the ground truth says, on worker threads', async () => {
      const { file, truth } = await synth(env.dataDir, 'viamedis', 3000, 'accounting', ['--defects', '0.12']);
      const summary = await env.indexing.ingestFile(file, ingestOptions('viamedis'));
      assert.equal(summary.outcome, 'completed');
      assert.equal(summary.workers, 2);
      const c = summary.counts;
      assert.equal(c.rowsRead, truth.length);
      assert.deepEqual({ accepted: c.accepted, rejected: c.rejected, duplicates: c.duplicates }, countByExpected(truth));
      // The rejected rows are exactly the ones the truth says, by line number.
      const rejectedLines: number[] = [];
      for await (const r of env.indexing.runs.rejects(summary.runId!)) if (r.scope === 'row') rejectedLines.push(r.line);
      assert.deepEqual(
        rejectedLines,
        truth.filter((t) => t.expected === 'rejected').map((t) => t.line),
      );
      assert.ok(c.fieldRejects > 0, 'bad keys in otherwise usable rows are reported per field');
      const entries = await env.indexing.index.countEntries(env.indexing.key.epoch, 'viamedis');
      assert.equal(entries, c.entriesAdded);
      assert.ok(entries > c.accepted, 'NIR, email, phone and name variants each give an entry');
    });

    it("finds a synthetic person through the whole private look-up, with that person's own data classes", async () => {
      const { file, truth } = await synth(env.dataDir, 'viamedis', 300, 'findme');
      await env.indexing.ingestFile(file, ingestOptions('viamedis', { inProcess: true }));
      const rows = readCsv(file);
      const header = rows[0]!;
      const col = (name: string) => header.indexOf(name);
      const evaluator = await createOprfEvaluator(env.indexing.key, 'auto');
      const stats = await env.indexing.index.stats(env.indexing.key.epoch);
      const breaches = await env.indexing.index.listBreaches();
      const lookUp = async (kind: 'fr-nir' | 'phone', canonical: string) => {
        const input = new TextEncoder().encode(identifierInput(kind, canonical));
        const { blind: r, blindedElement } = blind(input);
        const out = finalize(input, r, evaluator.blindEvaluate(blindedElement));
        const keys = deriveEntryKeys(nodeIndexCrypto, out);
        const bucket = await env.indexing.index.readBucket(
          env.indexing.key.epoch,
          stats.bucketBits,
          bucketOf(keys.bucketHash, stats.bucketBits),
          stats.paddedBucketSize,
          (n) => new Uint8Array(randomBytes(n)),
        );
        return findInBucket(bucket, keys.tag).flatMap((sealed) => {
          const meta = openMeta(nodeIndexCrypto, keys.metaKey, env.indexing.key.epoch, sealed);
          const b = breaches.find((x) => x.id === meta?.breachId);
          return meta && b ? [{ slug: b.slug, classes: classesOfMask(b.classes, meta.classMask) }] : [];
        });
      };
      const person = truth.findIndex((t, i) => t.expected === 'accepted' && t.defect === null && rows[i + 1]![col('telephone')] === '');
      const withPhone = truth.findIndex((t, i) => t.expected === 'accepted' && t.defect === null && rows[i + 1]![col('telephone')] !== '');
      for (const i of [person, withPhone]) {
        const row = rows[i + 1]!;
        const nir = parseFrNir(row[col('nir')]!);
        assert.ok(nir.ok);
        const found = await lookUp('fr-nir', nir.canonical);
        assert.equal(found.length, 1);
        assert.equal(found[0]!.slug, 'viamedis');
        assert.ok(
          found[0]!.classes.includes('fr-nir') &&
            found[0]!.classes.includes('date-of-birth') &&
            found[0]!.classes.includes('health-insurer'),
        );
        assert.equal(
          found[0]!.classes.includes('phone-number'),
          row[col('telephone')] !== '',
          'phone-number only for people whose own row had one',
        );
      }
      const phone = parsePhone(rows[withPhone + 1]![col('telephone')]!, { today: TODAY, defaultRegion: 'FR' });
      assert.ok(phone.ok);
      assert.equal((await lookUp('phone', phone.canonical))[0]?.slug, 'viamedis');
      // someone who is not in the file
      const other = readCsv((await synth(env.dataDir, 'viamedis', 5, 'not-in-it')).file)[1]!;
      const absent = parseFrNir(other[col('nir')]!);
      assert.ok(absent.ok);
      assert.deepEqual(await lookUp('fr-nir', absent.canonical), []);
    });

    it('changes nothing when the same file is ingested again', async () => {
      const { file } = await synth(env.dataDir, 'folksam', 800, 'twice', ['--defects', '0.05']);
      const opts = ingestOptions('folksam');
      const first = await env.indexing.ingestFile(file, opts);
      const entries = await env.indexing.index.countEntries(env.indexing.key.epoch);
      const second = await env.indexing.ingestFile(file, opts);
      assert.equal(second.outcome, 'already-ingested');
      assert.equal(second.runId, first.runId);
      assert.equal(await env.indexing.index.countEntries(env.indexing.key.epoch), entries);
      // The cheap count the server polls agrees with the real one, across every run of this suite so far.
      assert.equal(await env.indexing.index.entriesRecorded(env.indexing.key.epoch), entries);
    });

    it('keeps contacts only when asked, and only sealed', async () => {
      const { file } = await synth(env.dataDir, 'chronopost', 500, 'contacts');
      const s = await env.indexing.ingestFile(file, ingestOptions('chronopost', { keepContacts: true, inProcess: true }));
      assert.ok(s.counts.contactsKept > 0);
      assert.ok(s.counts.contactsKept <= s.counts.accepted);
      const rows = await env.services.database.db.selectFrom('breach_contacts').select(['sealed']).execute();
      assert.equal(rows.length, s.counts.contactsKept);
    });

    it('never stores, logs or reports a raw identifier', async () => {
      const { file } = await synth(env.dataDir, 'viamedis', 400, 'privacy', ['--defects', '0.1']);
      const summary = await env.indexing.ingestFile(
        file,
        ingestOptions('viamedis', { keepContacts: true, restart: true, inProcess: true }),
      );
      const out: string[] = [];
      // the CLI's own report of the run, printed and written as the rejects file
      const rejects = join(env.dataDir, 'privacy.rejects.csv');
      const code = await runCli(
        ['ingest', file, '--breach', 'viamedis', '--keep-contacts', '--quiet', '--rejects', rejects],
        { out: (l) => out.push(l), err: (l) => out.push(l) },
        env.env,
      );
      assert.equal(code, 0, out.join('\n'));
      assert.ok(existsSync(rejects));
      const ids = identifiersOf(file);
      assert.ok(ids.length > 500);
      const haystacks: [string, Buffer][] = [
        ['logs', Buffer.from(env.logs())],
        ['cli output', Buffer.from(out.join('\n'))],
        ['rejects report', readFileSync(rejects)],
      ];
      if (env.kind === 'sqlite') {
        // The database file and its write-ahead log, read as they are on disk.
        for (const f of readdirSync(env.dataDir).filter((f) => f.startsWith('breachdesk.sqlite')))
          haystacks.push([f, readFileSync(join(env.dataDir, f))]);
      } else {
        haystacks.push(['postgres tables', Buffer.from(await env.dumpPostgres())]);
      }
      for (const [what, bytes] of haystacks) {
        for (const id of ids) {
          assert.equal(bytes.includes(id), false, `an identifier was found in ${what}`);
          assert.equal(bytes.includes(Buffer.from(id, 'utf16le')), false, `an identifier was found (UTF-16) in ${what}`);
        }
      }
      assert.equal(summary.counts.rowsRead, 400);
    });
  });
}

describe('ingest reads what breach files really look like', () => {
  const variants: [string, string[], string][] = [
    ['tsv', ['--format', 'tsv'], 'folksam'],
    ['semicolons, CRLF', ['--delimiter', ';', '--eol', 'crlf'], 'viamedis'],
    ['JSON Lines', ['--format', 'jsonl'], 'chronopost'],
    ['Windows-1252', ['--encoding', 'windows-1252'], 'viamedis'],
    ['UTF-8 with BOM', ['--encoding', 'utf-8-bom'], 'folksam'],
    ['UTF-16LE', ['--encoding', 'utf-16le'], 'chronopost'],
    ['UTF-16BE', ['--encoding', 'utf-16be'], 'folksam'],
    ['gzip', ['--gzip'], 'viamedis'],
  ];
  let env: IndexingEnv;
  before(async () => {
    env = await createIndexingEnv('sqlite');
  });
  after(async () => env?.close());
  for (const [name, flags, profile] of variants) {
    it(`${name}: detected, and every row accounted for as the ground truth says`, async () => {
      const { file, truth } = await synth(env.dataDir, profile, 600, `variant-${name}`, ['--defects', '0.1', ...flags]);
      const s = await env.indexing.ingestFile(file, ingestOptions(profile, { restart: true, inProcess: true }));
      assert.equal(s.counts.rowsRead, truth.length);
      assert.deepEqual(
        { accepted: s.counts.accepted, rejected: s.counts.rejected, duplicates: s.counts.duplicates },
        countByExpected(truth),
      );
      const mixed = truth.filter((t) => t.defect === 'mixed-encoding').length;
      assert.equal(s.counts.redecodedLines > 0, mixed > 0 && !name.startsWith('Windows'), 'mixed-encoding lines are re-read and counted');
    });
  }
});

describe('ingest killed at any moment', () => {
  it('resumes without losing or repeating a row (kill -9 of the real CLI)', async () => {
    const clean = await createIndexingEnv('sqlite');
    const crashed = await createIndexingEnv('sqlite', { keyFrom: clean });
    try {
      const { file, truth } = await synth(clean.dataDir, 'folksam', 40_000, 'kill');
      const opts = ingestOptions('folksam');
      const reference = await clean.indexing.ingestFile(file, opts);
      await crashed.services.close();

      const cli = new URL('../src/main/cli.ts', import.meta.url).href;
      const main = `const { runCli } = await import(${JSON.stringify(cli)}); process.exitCode = await runCli(process.argv.slice(1));`;
      const run = () =>
        spawn(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', main, 'ingest', file, '--breach', 'folksam', '--region', 'SE', '--quiet'],
          {
            env: { ...process.env, ...crashed.env },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
      // Kill as soon as a first batch is committed, while later ones are in flight.
      const child = run();
      const { default: Database } = await import('better-sqlite3');
      const dbFile = join(crashed.dataDir, 'breachdesk.sqlite');
      let killedAt = 0;
      // Up to two minutes: on a loaded machine the child takes a while to start and commit its first batch.
      for (let i = 0; i < 2400 && child.exitCode === null; i++) {
        await new Promise((r) => setTimeout(r, 50));
        if (!existsSync(dbFile)) continue;
        const peek = new Database(dbFile, { readonly: true, fileMustExist: true });
        try {
          const row = peek.prepare("select rows_read from ingest_runs where state = 'running'").get() as { rows_read: number } | undefined;
          if (row && row.rows_read > 0) {
            killedAt = row.rows_read;
            child.kill('SIGKILL');
            break;
          }
        } catch {
          // tables not created yet
        } finally {
          peek.close();
        }
      }
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
      assert.ok(killedAt > 0 && killedAt < truth.length, `killed mid-way (after ${killedAt} rows)`);

      const again = run();
      let output = '';
      again.stdout.on('data', (d: Buffer) => (output += d.toString()));
      again.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const code = await new Promise((r) => again.once('exit', r));
      assert.equal(code, 0, output);
      assert.match(output, /resumed run/);

      const Db = (await import('better-sqlite3')).default;
      const a = new Db(join(clean.dataDir, 'breachdesk.sqlite'), { readonly: true });
      const b = new Db(dbFile, { readonly: true });
      try {
        const counts = (d: typeof a) =>
          d.prepare("select rows_read, accepted, rejected, duplicates, entries_added from ingest_runs where state = 'completed'").get();
        assert.deepEqual(counts(b), counts(a));
        assert.deepEqual(counts(b), {
          rows_read: reference.counts.rowsRead,
          accepted: reference.counts.accepted,
          rejected: reference.counts.rejected,
          duplicates: reference.counts.duplicates,
          entries_added: reference.counts.entriesAdded,
        });
        const tags = (d: typeof a) =>
          (d.prepare('select hex(tag) as t from index_entries order by tag').all() as { t: string }[]).map((r) => r.t).join();
        assert.equal(tags(b), tags(a), 'the same entries, none missing, none twice');
        const rejects = (d: typeof a) => d.prepare('select count(*) as n from ingest_rejects').get();
        assert.deepEqual(rejects(b), rejects(a));
      } finally {
        a.close();
        b.close();
      }
      writeFileSync(join(crashed.dataDir, 'done'), '');
    } finally {
      await clean.close();
      await crashed.close().catch(() => undefined);
    }
  });
});
