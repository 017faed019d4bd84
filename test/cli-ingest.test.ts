import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../src/main/cli.js';

describe('breachdesk ingest and index on the command line', () => {
  let dir: string;
  let env: Record<string, string>;
  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'breachdesk-cli-ingest-'));
    env = { DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', INGEST_WORKERS: '1' };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('explains itself and refuses incomplete command lines with exit 2', async () => {
    assert.match((await cli('ingest', '--help')).out, /--map COLUMN=KIND/);
    const noBreach = await cli('ingest', join(dir, 'x.csv'));
    assert.equal(noBreach.code, 2);
    assert.match(noBreach.err, /CLI_USAGE.*--breach/);
    assert.equal((await cli('ingest', 'x.csv', '--breach', 'folksam', '--delimiter', 'x')).code, 2);
  });

  it('names the file and the problem, never a value', async () => {
    const missing = await cli('ingest', join(dir, 'nope.csv'), '--breach', 'folksam');
    assert.equal(missing.code, 1);
    assert.match(missing.err, /INPUT_FILE_UNREADABLE.*nope\.csv: no such file/);

    const file = join(dir, 'people.csv');
    writeFileSync(file, 'personnummer,produkt\n19701063-2391,Hemförsäkring\n');
    const unknown = await cli('ingest', file, '--breach', 'no-such-breach');
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /BREACH_NOT_FOUND/);

    const badMap = await cli('ingest', file, '--breach', 'folksam', '--map', 'shoe=email', '--map', 'produkt=shoe-size');
    assert.equal(badMap.code, 1);
    assert.match(badMap.err, /INGEST_MAPPING_INVALID/);
    assert.match(badMap.err, /--map shoe: no such column/);
    assert.match(badMap.err, /--map produkt: unknown kind "shoe-size"/);

    const noIds = join(dir, 'no-ids.csv');
    writeFileSync(noIds, 'produkt,pris\nHemförsäkring,100\n');
    const refused = await cli('ingest', noIds, '--breach', 'folksam');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /INGEST_MAPPING_INVALID.*no column holds an identifier/);
    for (const r of [missing, unknown, badMap, refused]) assert.doesNotMatch(r.err + r.out, /19701063|2391/);
  });

  it('shows the detected plan on --dry-run and writes nothing; then ingests, reports and resumes nothing twice', async () => {
    const file = join(dir, 'folksam.csv');
    writeFileSync(
      file,
      'personnummer;e-post;produkt\n701063-2391;Anna@Example.SE;Gravidförsäkring\n701063-2390;;Hemförsäkring\n;;Barnförsäkring\n701063-2391;anna@example.se;Gravidförsäkring\n',
    );
    const dry = await cli('ingest', file, '--breach', 'folksam', '--region', 'SE', '--dry-run');
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /delimiter ';', header row/);
    assert.match(dry.out, /personnummer → se-personnummer \(header\)/);
    assert.match(dry.out, /e-post → email \(header\)/);
    assert.match(dry.out, /produkt → insurance-products \(header\)/);
    assert.match(dry.out, /dry run: nothing was written/);
    const statusBefore = await cli('index', 'status');
    assert.match(statusBefore.out, /entries 0/);

    const rejects = join(dir, 'rejects.csv');
    const run = await cli('ingest', file, '--breach', 'folksam', '--region', 'SE', '--quiet', '--rejects', rejects);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /rows read 4 = accepted 1 \+ rejected 2 \+ duplicates 1 ✓/);
    assert.deepEqual(readFileSync(rejects, 'utf8').trim().split('\n'), [
      'line,column,scope,reason,explanation',
      `3,*,row,no-valid-identifier,None of the identifiers in the row is valid; see the field lines for why.`,
      `3,personnummer,field,bad-check-digit,${readFileSync(rejects, 'utf8').split('\n')[2]!.split(',').slice(4).join(',')}`,
      '4,*,row,no-identifier,Every identifier field of the row is empty.',
    ]);
    const again = await cli('ingest', file, '--breach', 'folksam', '--region', 'SE', '--quiet');
    assert.match(again.out, /already ingested by run .*: nothing changed/);

    const status = await cli('index', 'status');
    assert.match(status.out, /key epoch 1, fingerprint [0-9a-f]{32}/);
    assert.match(status.out, /entries 2; bucket bits 0/);
    assert.match(status.out, /folksam: 2 entries/);
    assert.match(status.out, /completed folksam\.csv: rows 4 = accepted 1 \+ rejected 2 \+ duplicates 1/);
  });
});
