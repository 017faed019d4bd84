import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { reportError } from '../src/cli/io.js';
import { SYNTH_HELP, synthCommand } from '../src/cli/synth-command.js';
import { generateSynthRows, synthColumns } from '../src/modules/synth/index.js';

// Bytes 0x80–0x9F of the WHATWG windows-1252 index (Node 20's TextDecoder decodes that label as ISO-8859-1).
const HIGH_ROW = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b < 0xa0 ? HIGH_ROW.charAt(b - 0x80) : String.fromCharCode(b);
  return out;
}

/** One RFC 4180 record (no line breaks inside fields in these files). */
function parseCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        assert.ok(q >= 0, `unterminated quote in ${line}`);
        field += line.slice(i, q);
        i = q + 1;
        if (line[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const end = line.indexOf(delimiter, i);
      field = line.slice(i, end === -1 ? line.length : end);
      i = end === -1 ? line.length : end;
    }
    fields.push(field);
    if (i >= line.length) return fields;
    assert.equal(line[i], delimiter);
    i++;
  }
}

/** Splits bytes on LF (0x0A never occurs inside a UTF-8 or Windows-1252 multi-byte character). */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  assert.equal(start, bytes.length, 'the file ends with a line break');
  return lines;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

describe('breachdesk synth', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'breachdesk-synth-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const path = (name: string) => join(dir, name);

  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    let code: number;
    try {
      code = await synthCommand(args, io);
    } catch (error) {
      code = reportError(io, error);
    }
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function ok(...args: string[]): Promise<string> {
    const r = await run(...args);
    assert.equal(r.code, 0, r.err);
    return r.out;
  }

  type Truth = { line: number; defect: string | null; expected: string };
  function truthOf(file: string): Truth[] {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Truth);
  }

  it('prints help', async () => {
    const r = await run('--help');
    assert.equal(r.code, 0);
    assert.equal(r.out, SYNTH_HELP);
    assert.match(r.out, /^Usage: breachdesk synth --profile/);
    for (const word of ['viamedis', 'chronopost', 'folksam', '--defects', '--truth', 'utf-16be', '--gzip'])
      assert.ok(r.out.includes(word), word);
  });

  it('reports usage errors with exit code 2', async () => {
    const out = path('never.csv');
    const cases: [string[], RegExp][] = [
      [['--rows', '10', '--seed', 's', '--out', out], /--profile/],
      [['--profile', 'acme', '--rows', '10', '--seed', 's', '--out', out], /--profile must be one of/],
      [['--profile', 'folksam', '--rows', '-3', '--seed', 's', '--out', out], /--rows/],
      [['--profile', 'folksam', '--rows', '1e3', '--seed', 's', '--out', out], /--rows/],
      [['--profile', 'folksam', '--rows', '20000001', '--seed', 's', '--out', out], /0 to 20000000 for folksam/],
      [['--profile', 'folksam', '--rows', '10', '--out', out], /--seed/],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's'], /--out/],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--defects', '1.5'], /--defects/],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--defects', 'lots'], /--defects/],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--defects', '0x1'], /--defects/],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--format', 'xml'], /--format/],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--encoding', 'latin9'], /--encoding/],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--delimiter', ':'], /--delimiter/],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--format', 'jsonl', '--delimiter', ';'], /jsonl/],
      [['--profile', 'chronopost', '--rows', '10', '--seed', 's', '--out', out, '--defect-kinds', 'bad-key'], /does not apply/],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--defect-kinds', 'typo'], /unknown defect/],
      [
        ['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--encoding', 'utf-16le', '--defect-kinds', 'mixed-encoding'],
        /UTF-16/,
      ],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--bogus'], /bogus/],
      [['--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', out, '--today', '2025-02-30'], /--today/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      assert.equal(r.code, 2, `${args.join(' ')} → ${r.err}`);
      assert.match(r.err, /^error \[CLI_USAGE\]/);
      assert.match(r.err, message);
    }
  });

  it('writes the same bytes for the same options, other bytes for another seed', async () => {
    const args = ['--profile', 'viamedis', '--rows', '500', '--defects', '0.1'];
    await ok(...args, '--seed', 'one', '--out', path('a.csv'));
    await ok(...args, '--seed', 'one', '--out', path('b.csv'));
    await ok(...args, '--seed', 'two', '--out', path('c.csv'));
    assert.ok(readFileSync(path('a.csv')).equals(readFileSync(path('b.csv'))));
    assert.ok(!readFileSync(path('a.csv')).equals(readFileSync(path('c.csv'))));
  });

  it('writes CSV rows equal to the generator, mixed-encoding rows in Windows-1252, and an exact truth file', async () => {
    const out = await ok(
      '--profile',
      'viamedis',
      '--rows',
      '3000',
      '--seed',
      'csv',
      '--defects',
      '0.2',
      '--out',
      path('v.csv'),
      '--truth',
      path('v.truth.jsonl'),
    );
    const rows = [...generateSynthRows({ profile: 'viamedis', rows: 3000, seed: 'csv', defectRate: 0.2 })];
    const lines = splitLines(readFileSync(path('v.csv')));
    assert.equal(lines.length, 3001);
    assert.equal(utf8.decode(lines[0]), synthColumns('viamedis').join(','));
    const truth = truthOf(path('v.truth.jsonl'));
    assert.equal(truth.length, 3000);
    let mixed = 0;
    for (const [i, row] of rows.entries()) {
      const t = truth[i]!;
      assert.deepEqual(Object.keys(t), ['line', 'defect', 'expected']);
      assert.deepEqual(t, { line: i + 2, defect: row.defect, expected: row.expected });
      const bytes = lines[t.line - 1]!;
      let text: string;
      if (row.defect === 'mixed-encoding') {
        mixed++;
        assert.throws(() => utf8.decode(bytes), 'a mixed-encoding row is not valid UTF-8');
        text = decodeWindows1252(bytes);
      } else text = utf8.decode(bytes);
      assert.deepEqual(parseCsvLine(text, ','), row.values, `line ${t.line}`);
    }
    assert.ok(mixed > 50, `mixed ${mixed}`);
    const count = (e: string) => rows.filter((r) => r.expected === e).length;
    assert.equal(
      out,
      `wrote 3000 viamedis rows to ${path('v.csv')} (${readFileSync(path('v.csv')).length} bytes): ${count('accepted')} accepted, ${count('rejected')} rejected, ${count('duplicate')} duplicate; ${rows.filter((r) => r.defect).length} with a defect`,
    );
  });

  it('keeps identifiers out of the truth file', async () => {
    await ok(
      '--profile',
      'folksam',
      '--rows',
      '200',
      '--seed',
      't',
      '--defects',
      '0.3',
      '--out',
      path('f.csv'),
      '--truth',
      path('f.truth'),
    );
    const text = readFileSync(path('f.truth'), 'utf8');
    assert.doesNotMatch(text, /\d{6}[-+]?\d{4}|@|\+46/);
    for (const line of text.trimEnd().split('\n'))
      assert.match(line, /^\{"line":\d+,"defect":(null|"[a-z-]+"),"expected":"(accepted|rejected|duplicate)"\}$/);
  });

  it('counts ages from --today, so centenarians get a + personnummer', async () => {
    const base = ['--profile', 'folksam', '--rows', '3000', '--seed', 'age', '--format', 'jsonl'];
    await ok(...base, '--out', path('t1.jsonl'));
    await ok(...base, '--today', '2040-06-01', '--out', path('t2.jsonl'));
    const plus = (file: string) => readFileSync(file, 'utf8').match(/"personnummer":"\d{6}\+\d{4}"/g)?.length ?? 0;
    assert.ok(plus(path('t1.jsonl')) > 0);
    assert.ok(plus(path('t2.jsonl')) > plus(path('t1.jsonl')) * 3, `${plus(path('t1.jsonl'))} → ${plus(path('t2.jsonl'))}`);
  });

  it('writes TSV, other delimiters and CRLF line endings', async () => {
    await ok('--profile', 'chronopost', '--rows', '400', '--seed', 'd', '--format', 'tsv', '--out', path('c.tsv'));
    await ok('--profile', 'chronopost', '--rows', '400', '--seed', 'd', '--delimiter', ';', '--eol', 'crlf', '--out', path('c.csv'));
    const rows = [...generateSynthRows({ profile: 'chronopost', rows: 400, seed: 'd' })];
    const tsv = readFileSync(path('c.tsv'), 'utf8').split('\n');
    const semi = readFileSync(path('c.csv'), 'utf8').split('\r\n');
    assert.equal(tsv[0], synthColumns('chronopost').join('\t'));
    assert.equal(semi[0], synthColumns('chronopost').join(';'));
    assert.equal(tsv.at(-1), '');
    assert.equal(semi.at(-1), '');
    for (const [i, row] of rows.entries()) {
      assert.deepEqual(parseCsvLine(tsv[i + 1]!, '\t'), row.values);
      assert.deepEqual(parseCsvLine(semi[i + 1]!, ';'), row.values);
    }
    assert.ok(
      semi.some((l) => l.includes('"')),
      'some address needs quoting',
    );
  });

  it('writes JSON lines, short rows as lines cut before their closing brace', async () => {
    await ok(
      '--profile',
      'folksam',
      '--rows',
      '600',
      '--seed',
      'j',
      '--defects',
      '0.3',
      '--format',
      'jsonl',
      '--out',
      path('f.jsonl'),
      '--truth',
      path('fj.truth'),
    );
    const rows = [...generateSynthRows({ profile: 'folksam', rows: 600, seed: 'j', defectRate: 0.3 })];
    const lines = splitLines(readFileSync(path('f.jsonl')));
    const truth = truthOf(path('fj.truth'));
    assert.equal(lines.length, 600);
    const columns = synthColumns('folksam');
    let short = 0;
    for (const [i, row] of rows.entries()) {
      assert.equal(truth[i]!.line, i + 1);
      const bytes = lines[i]!;
      const text = row.defect === 'mixed-encoding' ? decodeWindows1252(bytes) : utf8.decode(bytes);
      if (row.defect === 'short-row') {
        assert.throws(() => JSON.parse(text), SyntaxError);
        short++;
        continue;
      }
      const object = JSON.parse(text);
      assert.deepEqual(Object.keys(object), columns.slice(0, row.values.length));
      assert.deepEqual(Object.values(object), row.values);
    }
    assert.ok(short > 10);
  });

  it('writes each encoding with its BOM and the same text', async () => {
    const base = ['--profile', 'viamedis', '--rows', '800', '--seed', 'enc'];
    await ok(...base, '--out', path('e-utf8.csv'));
    const text = readFileSync(path('e-utf8.csv'), 'utf8');
    assert.ok(/[éèÉÈœ]/.test(text));
    const cases: [string, number[], (b: Buffer) => string][] = [
      ['utf-8-bom', [0xef, 0xbb, 0xbf], (b) => utf8.decode(b.subarray(3))],
      ['utf-16le', [0xff, 0xfe], (b) => new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(b.subarray(2))],
      ['utf-16be', [0xfe, 0xff], (b) => new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }).decode(b.subarray(2))],
      ['windows-1252', [], (b) => decodeWindows1252(b)],
    ];
    for (const [encoding, bom, decode] of cases) {
      await ok(...base, '--encoding', encoding, '--out', path(`e-${encoding}.csv`));
      const bytes = readFileSync(path(`e-${encoding}.csv`));
      assert.deepEqual([...bytes.subarray(0, bom.length)], bom, encoding);
      assert.equal(decode(bytes), text, encoding);
    }
    assert.ok(readFileSync(path('e-windows-1252.csv')).length < Buffer.byteLength(text), 'accents take one byte in Windows-1252');
  });

  it('writes mixed-encoding rows in UTF-8 inside a Windows-1252 file, and none in UTF-16', async () => {
    const base = ['--profile', 'folksam', '--rows', '1500', '--seed', 'mix', '--defects', '0.3'];
    await ok(...base, '--encoding', 'windows-1252', '--out', path('m.csv'), '--truth', path('m.truth'));
    const lines = splitLines(readFileSync(path('m.csv')));
    let mixed = 0;
    for (const t of truthOf(path('m.truth'))) {
      const bytes = lines[t.line - 1]!;
      const eightBit = bytes.some((b) => b >= 0x80);
      if (t.defect === 'mixed-encoding') {
        mixed++;
        assert.ok(eightBit);
        assert.ok(utf8.decode(bytes).length < bytes.length, 'multi-byte UTF-8 sequences');
      } else if (eightBit) assert.throws(() => utf8.decode(bytes));
    }
    assert.ok(mixed > 30);
    await ok(...base, '--encoding', 'utf-16le', '--out', path('m16.csv'), '--truth', path('m16.truth'));
    const kinds = new Set(truthOf(path('m16.truth')).map((t) => t.defect));
    assert.ok(!kinds.has('mixed-encoding') && kinds.has('bad-key'), [...kinds].join());
  });

  it('compresses with --gzip or a .gz name, to the same content', async () => {
    const base = ['--profile', 'chronopost', '--rows', '2000', '--seed', 'gz', '--defects', '0.05'];
    await ok(...base, '--out', path('g.csv'));
    const out = await ok(...base, '--gzip', '--out', path('g1.csv'));
    await ok(...base, '--out', path('g2.csv.gz'), '--truth', path('g2.truth.gz'));
    const plain = readFileSync(path('g.csv'));
    assert.ok(gunzipSync(readFileSync(path('g1.csv'))).equals(plain));
    assert.ok(gunzipSync(readFileSync(path('g2.csv.gz'))).equals(plain));
    assert.equal(
      gunzipSync(readFileSync(path('g2.truth.gz')))
        .toString('utf8')
        .trimEnd()
        .split('\n').length,
      2000,
    );
    assert.match(out, new RegExp(`\\(${readFileSync(path('g1.csv')).length} bytes gzip, ${plain.length} uncompressed\\)`));
  });

  it('fails cleanly when the output cannot be written', async () => {
    const r = await run('--profile', 'folksam', '--rows', '10', '--seed', 's', '--out', path('no/such/dir/x.csv'));
    assert.equal(r.code, 1);
    assert.match(r.err, /ENOENT/);
    const t = await run('--profile', 'folksam', '--rows', '100000', '--seed', 's', '--out', path('ok.csv'), '--truth', path('no/dir/t'));
    assert.equal(t.code, 1);
    assert.match(t.err, /ENOENT/);
  });

  it('streams with bounded memory: 200,000 rows with a 32 MB heap', () => {
    const script = `
      import { synthCommand } from ${JSON.stringify(new URL('../src/cli/synth-command.ts', import.meta.url).href)};
      const code = await synthCommand(process.argv.slice(1), { out: () => {}, err: (l) => console.error(l) });
      console.log(JSON.stringify({ code, rss: process.resourceUsage().maxRSS * 1024 }));
    `;
    const args = ['--profile', 'viamedis', '--rows', '200000', '--seed', 'mem', '--defects', '0.02', '--gzip'];
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--max-old-space-size=32',
        '--input-type=module',
        '-e',
        script,
        '--',
        ...args,
        '--out',
        path('big.csv.gz'),
        '--truth',
        path('big.truth'),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    const { code, rss } = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    assert.equal(code, 0);
    assert.ok(rss < 256 * 1024 * 1024, `max RSS ${Math.round(rss / 1048576)} MB`);
    assert.equal(readFileSync(path('big.truth'), 'utf8').split('\n').length, 200001);
  });
});
