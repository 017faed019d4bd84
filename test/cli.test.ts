import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../src/main/cli.js';
import { validBreach } from './support/breach-factory.js';

/** Drives the real CLI in-process against a fresh SQLite data directory. */
describe('breachdesk CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'breachdesk-cli-'));
    env = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  function file(name: string, content: unknown): string {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  }

  it('prints help for the program and for each command', async () => {
    const top = await run('--help');
    assert.equal(top.code, 0);
    for (const cmd of ['serve', 'migrate', 'breach', 'api-key']) assert.match(top.out, new RegExp(`\\b${cmd}\\b`));
    for (const cmd of ['serve', 'migrate', 'breach', 'api-key']) {
      const r = await run(cmd, '--help');
      assert.equal(r.code, 0, `${cmd} --help`);
      assert.match(r.out, /^Usage: breachdesk/);
    }
    assert.equal((await run()).code, 2);
  });

  it('migrates, then reports the database up to date', async () => {
    const first = await run('migrate');
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /applied 0001-catalogue/);
    assert.match((await run('migrate')).out, /up to date/);
  });

  it('lists the seed catalogue and shows a breach', async () => {
    const list = await run('breach', 'list');
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /^SLUG\s+COUNTRY/);
    assert.match(list.out, /5 breaches$/);
    const se = await run('breach', 'list', '--country', 'SE', '--json');
    assert.deepEqual(
      JSON.parse(se.out).map((b: { slug: string }) => b.slug),
      ['folksam'],
    );
    const show = await run('breach', 'show', 'viamedis');
    assert.match(show.out, /organisation: Viamedis \(processor\)/);
    assert.match(show.out, /related: almerys/);
  });

  it('adds a breach from a file and updates it', async () => {
    const added = await run('breach', 'add', '--file', file('new.json', validBreach()));
    assert.equal(added.code, 0, added.err);
    assert.match(added.out, /added example-insurer/);
    const updated = await run('breach', 'update', '--file', file('upd.json', validBreach({ title: 'Renamed' })));
    assert.equal(updated.code, 0, updated.err);
    assert.match(updated.out, /updated example-insurer \(revision 2\): title/);
    assert.match((await run('breach', 'update', '--file', file('upd.json', validBreach({ title: 'Renamed' })))).out, /unchanged/);
  });

  it('rejects an invalid file whole, naming the file and each field, and writes nothing', async () => {
    const path = file('bad.json', [
      validBreach({ slug: 'good-one' }),
      validBreach({ slug: 'bad-one', country: 'XX', dataClasses: ['name', 'nope'] }),
    ]);
    const r = await run('breach', 'add', '--file', path);
    assert.equal(r.code, 1);
    assert.match(r.err, /^error \[VALIDATION_FAILED\]: .*bad\.json/);
    assert.match(r.err, /- 1\.country: is not an ISO 3166-1 country code/);
    assert.match(r.err, /- 1\.dataClasses\.1: is not a data class code/);
    const show = await run('breach', 'show', 'good-one');
    assert.equal(show.code, 1);
    assert.match(show.err, /BREACH_NOT_FOUND/);
  });

  it('reports a JSON syntax error with file, line and column', async () => {
    const r = await run('breach', 'add', '--file', file('broken.json', '{\n  "slug": "x",\n  "title": \n}'));
    assert.equal(r.code, 1);
    assert.match(r.err, /error \[INPUT_JSON_INVALID\]: .*broken\.json:4:1: not valid JSON/);
  });

  it('reports a missing file and a duplicate slug', async () => {
    const missing = await run('breach', 'add', '--file', join(dir, 'nope.json'));
    assert.match(missing.err, /INPUT_FILE_UNREADABLE.*nope\.json: no such file/);
    const dup = await run('breach', 'add', '--file', file('dup.json', validBreach({ slug: 'folksam' })));
    assert.equal(dup.code, 1);
    assert.match(dup.err, /BREACH_SLUG_CONFLICT/);
  });

  it('rejects unknown commands and options as usage errors (exit 2)', async () => {
    assert.equal((await run('frobnicate')).code, 2);
    const r = await run('breach', 'list', '--colour', 'red');
    assert.equal(r.code, 2);
    assert.match(r.err, /CLI_USAGE/);
    assert.equal((await run('breach', 'add')).code, 2);
  });

  it('creates, lists and revokes API keys; the key is printed once and not stored', async () => {
    const created = await run('api-key', 'create', '--name', 'ci');
    assert.equal(created.code, 0, created.err);
    const key = created.out.split('\n')[1]!;
    assert.match(key, /^bd_[0-9A-Z]{26}_[A-Za-z0-9_-]{43}$/);
    const id = key.split('_')[1]!;
    assert.match((await run('api-key', 'list')).out, new RegExp(`${id}\\s+ci`));
    assert.equal((await run('api-key', 'revoke', id)).code, 0);
    assert.match((await run('api-key', 'list')).out, /REVOKED/);
    const { readFileSync } = await import('node:fs');
    const dbBytes =
      readFileSync(join(dir, 'breachdesk.sqlite')).toString('latin1') +
      readFileSync(join(dir, 'breachdesk.sqlite-wal'), { flag: 'a+' }).toString('latin1');
    // bd_<26-character id>_<43-character secret>; the secret is base64url and may itself contain '_'.
    const secret = key.slice('bd_'.length + 26 + 1);
    assert.equal(secret.length, 43);
    assert.ok(!dbBytes.includes(secret), 'the key secret must not be stored');
  });

  it('refuses an invalid configuration with the variable named', async () => {
    const out: string[] = [];
    const code = await runCli(['migrate'], { out: () => undefined, err: (l) => out.push(l) }, { PORT: 'eighty' });
    assert.equal(code, 1);
    assert.match(out.join('\n'), /CONFIG_INVALID.*PORT/);
  });
});
