import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import {
  createDelimitedFormatter,
  encodeWindows1252,
  generateSynthRows,
  jsonlRecord,
  SYNTH_DEFAULT_TODAY,
  SYNTH_DEFECTS,
  SYNTH_FORMATS,
  SYNTH_MAX_ROWS,
  SYNTH_PROFILES,
  synthColumns,
  synthDefectKinds,
  type SynthDefect,
  type SynthExpected,
  type SynthFormat,
  type SynthProfile,
} from '../modules/synth/index.js';
import { EXIT, usageError, type CliIo } from './io.js';

export const SYNTH_ENCODINGS = ['utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type SynthEncoding = (typeof SYNTH_ENCODINGS)[number];

export const SYNTH_HELP = `Usage: breachdesk synth --profile PROFILE --rows N --seed S --out FILE [options]

Writes a synthetic breach file shaped like a real leak, for tests, demos and benchmarks. Every
identifier is valid (NIR key, personnummer check digit, phone numbers) unless a defect says
otherwise, and the same options always give the same bytes.

Required:
  --profile P           viamedis    French health third-party payment: nir, nom_naissance,
                                    nom_usage, prenoms, date_naissance, sexe, situation_familiale,
                                    organisme_complementaire, email, telephone
                        chronopost  parcel delivery: nom, prenom, adresse, code_postal, ville,
                                    telephone, email, signature
                        folksam     Swedish insurer: personnummer, fornamn, efternamn, email,
                                    telefon, produkt, ip_adress
  --rows N              Number of data rows: 0 to ${SYNTH_MAX_ROWS.viamedis} (folksam ${SYNTH_MAX_ROWS.folksam}).
  --seed S              Any text; the output is a function of profile, rows, seed and options.
  --out FILE            Where to write; gzip-compressed when FILE ends in .gz.

Options:
  --defects R           Share of rows with a defect, 0 to 1 (default 0).
  --defect-kinds LIST   Comma-separated subset of: ${SYNTH_DEFECTS.join(', ')}
                        (default: all that apply; chronopost has no bad-key or bad-date).
  --format F            csv (default), tsv or jsonl.
  --delimiter D         Field separator for csv: , (default) ; | or tab.
  --eol E               Line ending: lf (default) or crlf.
  --encoding E          utf-8 (default), utf-8-bom, windows-1252, utf-16le or utf-16be (both
                        with a BOM). A mixed-encoding row is written in Windows-1252 inside a
                        UTF-8 file and in UTF-8 inside a Windows-1252 file; UTF-16 files cannot
                        hold one, so that defect is not drawn for them.
  --today YYYY-MM-DD    The day ages are counted on: a 10-digit personnummer gets '+' from the year its
                        holder turns 100. Default ${SYNTH_DEFAULT_TODAY}, so output never depends on the run
                        date; an ingest must read the file with a date in the same year.
  --gzip                Compress the output with gzip.
  --truth FILE          Also write the ground truth as JSON lines, one per data row:
                        {"line": N, "defect": null|"...", "expected": "accepted"|"rejected"|"duplicate"}
                        where N is the row's physical line in the output (the csv header is line 1).
                        It holds no identifier values.
  -h, --help            Show this help.`;

const DELIMITERS: Readonly<Record<string, string>> = { ',': ',', ';': ';', '|': '|', tab: '\t', '\t': '\t' };
const FLUSH_CHARS = 1 << 16;

export async function synthCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        profile: { type: 'string' },
        rows: { type: 'string' },
        seed: { type: 'string' },
        defects: { type: 'string' },
        'defect-kinds': { type: 'string' },
        format: { type: 'string' },
        delimiter: { type: 'string' },
        eol: { type: 'string' },
        today: { type: 'string' },
        encoding: { type: 'string' },
        gzip: { type: 'boolean', default: false },
        out: { type: 'string' },
        truth: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw usageError(`synth: ${(error as Error).message}`);
  }
  const { values } = parsed;
  if (values.help) {
    io.out(SYNTH_HELP);
    return EXIT.ok;
  }

  const profile = oneOf('--profile', values.profile, SYNTH_PROFILES, undefined);
  if (values.rows === undefined || !/^\d+$/.test(values.rows) || Number(values.rows) > SYNTH_MAX_ROWS[profile]) {
    throw usageError(`synth needs --rows N, a whole number from 0 to ${SYNTH_MAX_ROWS[profile]} for ${profile}`);
  }
  const rows = Number(values.rows);
  if (values.seed === undefined || values.seed === '') throw usageError('synth needs --seed S (any text)');
  if (values.out === undefined || values.out === '') throw usageError('synth needs --out FILE');
  const defectRate = values.defects === undefined ? 0 : Number(values.defects);
  if (values.defects !== undefined && (!/^\d*\.?\d+$/.test(values.defects) || !(defectRate >= 0 && defectRate <= 1))) {
    throw usageError(`--defects must be a number from 0 to 1, got "${values.defects}"`);
  }
  const format = oneOf('--format', values.format, SYNTH_FORMATS, 'csv');
  const encoding = oneOf('--encoding', values.encoding, SYNTH_ENCODINGS, 'utf-8');
  const eol = oneOf('--eol', values.eol, ['lf', 'crlf'] as const, 'lf') === 'crlf' ? '\r\n' : '\n';
  if (format === 'jsonl' && values.delimiter !== undefined) throw usageError('--delimiter applies to csv and tsv, not jsonl');
  const delimiter = values.delimiter === undefined ? (format === 'tsv' ? '\t' : ',') : DELIMITERS[values.delimiter];
  if (delimiter === undefined) throw usageError(`--delimiter must be one of , ; | tab, got "${values.delimiter}"`);
  const defects = defectKinds(profile, values['defect-kinds'], encoding);
  const today = values.today ?? SYNTH_DEFAULT_TODAY;
  if (!isCalendarDate(today)) throw usageError(`--today must be a date YYYY-MM-DD, got "${today}"`);

  const result = await writeSynthFile({
    profile,
    rows,
    seed: values.seed,
    defectRate,
    defects,
    today,
    format,
    delimiter,
    eol,
    encoding,
    gzip: values.gzip || values.out.endsWith('.gz'),
    out: values.out,
    truth: values.truth,
  });
  const counts = SYNTH_COUNT_ORDER.map((k) => `${result.counts[k]} ${k}`).join(', ');
  const size = result.gzip ? `${result.fileBytes} bytes gzip, ${result.rawBytes} uncompressed` : `${result.fileBytes} bytes`;
  io.out(`wrote ${rows} ${profile} rows to ${values.out} (${size}): ${counts}; ${result.defectCount} with a defect`);
  return EXIT.ok;
}

const SYNTH_COUNT_ORDER: readonly SynthExpected[] = ['accepted', 'rejected', 'duplicate'];

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T | undefined): T {
  if (value === undefined) {
    if (fallback === undefined) throw usageError(`synth needs ${flag} ${allowed.join('|')}`);
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(value)) throw usageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function defectKinds(profile: SynthProfile, list: string | undefined, encoding: SynthEncoding): SynthDefect[] {
  const applicable = synthDefectKinds(profile);
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  if (list === undefined) return utf16 ? applicable.filter((k) => k !== 'mixed-encoding') : applicable;
  const kinds = list
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  for (const kind of kinds) {
    if (!(SYNTH_DEFECTS as readonly string[]).includes(kind)) {
      throw usageError(`--defect-kinds: unknown defect "${kind}" (known: ${SYNTH_DEFECTS.join(', ')})`);
    }
    if (!(applicable as string[]).includes(kind)) throw usageError(`--defect-kinds: ${kind} does not apply to ${profile}`);
    if (kind === 'mixed-encoding' && utf16) throw usageError('--defect-kinds: a UTF-16 file cannot hold a mixed-encoding row');
  }
  return kinds as SynthDefect[];
}

export interface SynthFileOptions {
  readonly profile: SynthProfile;
  readonly rows: number;
  readonly seed: string;
  readonly defectRate: number;
  readonly defects: readonly SynthDefect[];
  readonly today: string;
  readonly format: SynthFormat;
  readonly delimiter: string;
  readonly eol: string;
  readonly encoding: SynthEncoding;
  readonly gzip: boolean;
  readonly out: string;
  readonly truth: string | undefined;
}

export interface SynthFileResult {
  readonly counts: Record<SynthExpected, number>;
  readonly defectCount: number;
  /** Bytes before compression. */
  readonly rawBytes: number;
  /** Size of the file written. */
  readonly fileBytes: number;
  readonly gzip: boolean;
}

const BOMS: Readonly<Record<SynthEncoding, Buffer>> = {
  'utf-8': Buffer.alloc(0),
  'utf-8-bom': Buffer.from([0xef, 0xbb, 0xbf]),
  'windows-1252': Buffer.alloc(0),
  'utf-16le': Buffer.from([0xff, 0xfe]),
  'utf-16be': Buffer.from([0xfe, 0xff]),
};

function encoder(encoding: SynthEncoding): (text: string) => Buffer {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return (text) => Buffer.from(text, 'utf8');
    case 'windows-1252':
      return (text) => {
        const bytes = encodeWindows1252(text);
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      };
    case 'utf-16le':
      return (text) => Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return (text) => Buffer.from(text, 'utf16le').swap16();
  }
}

/**
 * Streams the rows to `out` (and the truth to `truth`) in 64 KiB chunks through stream pipelines, so
 * memory does not grow with the row count: the producer waits whenever a consumer asks it to.
 */
export async function writeSynthFile(options: SynthFileOptions): Promise<SynthFileResult> {
  const columns = synthColumns(options.profile);
  const encode = encoder(options.encoding);
  // The encoding a mixed-encoding row is written in: the other common 8-bit one.
  const encodeMixed = options.encoding === 'windows-1252' ? encoder('utf-8') : encoder('windows-1252');
  const csv = options.format === 'jsonl' ? undefined : createDelimitedFormatter(options.delimiter);
  const rows = generateSynthRows({
    profile: options.profile,
    rows: options.rows,
    seed: options.seed,
    defectRate: options.defectRate,
    defects: options.defects,
    today: options.today,
  });
  const counts: Record<SynthExpected, number> = { accepted: 0, rejected: 0, duplicate: 0 };
  let defectCount = 0;
  let rawBytes = 0;

  const truthFile = options.truth === undefined ? undefined : openTruth(options.truth);
  const writeTruth = async (text: string): Promise<void> => {
    if (!truthFile || text === '') return;
    if (truthFile.failure() !== undefined) throw truthFile.failure();
    if (!truthFile.input.write(text)) await once(truthFile.input, 'drain');
  };

  async function* chunks(): AsyncGenerator<Buffer> {
    const bom = BOMS[options.encoding];
    let pending: Buffer[] = bom.length > 0 ? [bom] : [];
    let text = '';
    let truth = '';
    let line = 1;
    const take = (): Buffer => {
      if (text !== '') pending.push(encode(text));
      text = '';
      const chunk = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
      pending = [];
      rawBytes += chunk.length;
      return chunk;
    };
    if (csv) {
      text = csv(columns) + options.eol;
      line = 2;
    }
    for (const row of rows) {
      const record = (csv ? csv(row.values) : jsonlRecord(columns, row.values)) + options.eol;
      if (row.defect === 'mixed-encoding') {
        if (text !== '') pending.push(encode(text));
        text = '';
        pending.push(encodeMixed(record));
      } else text += record;
      if (truthFile)
        truth += `{"line":${line},"defect":${row.defect === null ? 'null' : `"${row.defect}"`},"expected":"${row.expected}"}\n`;
      line += 1 + innerLineBreaks(record);
      counts[row.expected]++;
      if (row.defect !== null) defectCount++;
      if (text.length + truth.length >= FLUSH_CHARS || pending.length > 64) {
        await writeTruth(truth);
        truth = '';
        yield take();
      }
    }
    await writeTruth(truth);
    const last = take();
    if (last.length > 0) yield last;
  }

  const output = createWriteStream(options.out);
  try {
    const source = Readable.from(chunks());
    await (options.gzip ? pipeline(source, createGzip(), output) : pipeline(source, output));
    if (truthFile) {
      truthFile.input.end();
      await truthFile.done;
    }
  } catch (error) {
    truthFile?.input.destroy();
    throw error;
  }
  const fileBytes = (await stat(options.out)).size;
  return { counts, defectCount, rawBytes, fileBytes, gzip: options.gzip };
}

interface TruthSink {
  readonly input: Writable;
  /** Settles when the file is closed; never left unhandled. */
  readonly done: Promise<void>;
  failure(): unknown;
}

function openTruth(path: string): TruthSink {
  const file: WriteStream = createWriteStream(path);
  const gzip = path.endsWith('.gz') ? createGzip() : undefined;
  const done = gzip ? pipeline(gzip, file) : finished(file);
  let failed: unknown;
  done.catch((error: unknown) => {
    failed = error ?? new Error('truth file failed');
  });
  return { input: gzip ?? file, done, failure: () => failed };
}

/** Line feeds inside the record before its own terminator (a quoted field may hold one). */
function innerLineBreaks(record: string): number {
  let n = -1;
  for (let i = record.indexOf('\n'); i !== -1; i = record.indexOf('\n', i + 1)) n++;
  return n;
}
