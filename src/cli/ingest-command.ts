import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import {
  COLUMN_ROLES,
  describeColumns,
  SOURCE_ENCODINGS,
  type IngestProgress,
  type IngestRunStore,
  type IngestSummary,
  type SourceEncoding,
} from '../modules/ingestion/index.js';
import { REJECTION_REASON_TEXT, type RejectionReason } from '../modules/identifiers/index.js';
import { EXIT, usageError, type CliIo } from './io.js';
import { formatCount, renderProgress } from './progress.js';

export const INGEST_HELP = `Usage: breachdesk ingest FILE --breach SLUG [options]

Loads a breach file into the private look-up index. Only OPRF-derived entries are stored: no identifier
in clear. Every row ends accepted, duplicate or rejected (with line, column and reason in the rejects
report, never a value), and accepted + rejected + duplicates = rows read is checked. Interrupted at any
moment, the same command resumes where it stopped; the same file twice changes nothing.

FILE is CSV, TSV or other delimited text, or JSON Lines; gzip-compressed or not; UTF-8 (with or without
BOM), Windows-1252/Latin-1 or UTF-16. Format, encoding, delimiter, header and the columns' meaning are
detected from a sample and printed; override them with the options below.

Options:
  --breach SLUG            The catalogue breach the file belongs to (required).
  --map COLUMN=KIND        What a column holds (repeatable). COLUMN: header name or 1-based number.
                           KIND: ${COLUMN_ROLES.join(', ')},
                           a data-class code (postal-address, health-insurer, ...), or ignore.
  --header yes|no          Whether the first row names the columns (default: detected).
  --delimiter D            , ; | or tab (default: detected).
  --encoding E             ${SOURCE_ENCODINGS.join(', ')} (default: detected).
  --format csv|jsonl       (default: detected).
  --region CC              Country for phone numbers written without +CC (default FR).
  --keep-contacts          Keep email, phone and postal address, encrypted, for notifying people.
  --restart                Abandon an unfinished run of this breach that used another file.
  --rejects FILE           Where to write the rejects report (default DATA_DIR/ingest/<run>.rejects.csv).
  --workers N              Worker threads (default INGEST_WORKERS, or every core).
  --dry-run                Show the detected plan and stop; nothing is written.
  --quiet                  No progress bar.
  --json                   Print the summary as JSON.
  -h, --help               Show this help.`;

export interface IngestCommandDeps {
  readonly ingestFile: (
    path: string,
    options: Parameters<IngestRunner>[1],
    onProgress?: (p: IngestProgress) => void,
  ) => Promise<IngestSummary>;
  readonly runs: IngestRunStore;
  readonly dataDir: string;
  readonly actor: string;
  readonly backendReport: string;
  readonly fingerprint: string;
  readonly epoch: number;
  /** Whether stderr is a terminal: redraw the progress line in place rather than printing lines. */
  readonly tty: boolean;
  readonly progress: (line: string) => void;
}

type IngestRunner = (
  path: string,
  options: {
    breachSlug: string;
    maps: string[];
    header?: boolean;
    delimiter?: string;
    encoding?: SourceEncoding;
    format?: 'csv' | 'jsonl';
    defaultRegion: string;
    keepContacts: boolean;
    restart: boolean;
    actor: string;
    dryRun: boolean;
    workers?: number;
  },
) => Promise<IngestSummary>;

export async function ingestCommand(args: string[], io: CliIo, deps: IngestCommandDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      breach: { type: 'string' },
      map: { type: 'string', multiple: true, default: [] },
      header: { type: 'string' },
      delimiter: { type: 'string' },
      encoding: { type: 'string' },
      format: { type: 'string' },
      region: { type: 'string', default: 'FR' },
      'keep-contacts': { type: 'boolean', default: false },
      restart: { type: 'boolean', default: false },
      rejects: { type: 'string' },
      workers: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(INGEST_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw usageError('ingest takes exactly one FILE (breachdesk ingest --help)');
  if (!values.breach) throw usageError('ingest needs --breach SLUG');
  const file = positionals[0]!;
  const header = values.header === undefined ? undefined : parseYesNo(values.header);
  const delimiter = values.delimiter === undefined ? undefined : parseDelimiter(values.delimiter);
  if (values.encoding !== undefined && !(SOURCE_ENCODINGS as readonly string[]).includes(values.encoding)) {
    throw usageError(`--encoding must be one of ${SOURCE_ENCODINGS.join(', ')}`);
  }
  if (values.format !== undefined && values.format !== 'csv' && values.format !== 'jsonl')
    throw usageError('--format must be csv or jsonl');
  if (!/^[A-Za-z]{2}$/.test(values.region)) throw usageError('--region must be a two-letter country code such as FR or SE');
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 256))
    throw usageError('--workers must be a whole number from 1 to 256');

  if (!values.json) io.out(`OPRF: ${deps.backendReport}; key epoch ${deps.epoch}, fingerprint ${deps.fingerprint}`);
  let drawn = false;
  const onProgress =
    values.quiet || values.json
      ? undefined
      : (p: IngestProgress) => {
          drawn = true;
          deps.progress(renderProgress(p));
        };
  const summary = await deps.ingestFile(
    file,
    {
      breachSlug: values.breach,
      maps: values.map,
      ...(header === undefined ? {} : { header }),
      ...(delimiter === undefined ? {} : { delimiter }),
      ...(values.encoding === undefined ? {} : { encoding: values.encoding as SourceEncoding }),
      ...(values.format === undefined ? {} : { format: values.format }),
      defaultRegion: values.region.toUpperCase(),
      keepContacts: values['keep-contacts'],
      restart: values.restart,
      actor: deps.actor,
      dryRun: values['dry-run'],
      ...(workers === undefined ? {} : { workers }),
    },
    onProgress,
  );
  if (drawn && deps.tty) deps.progress('\n');

  let rejectsPath: string | null = null;
  let rejectLines = 0;
  if (summary.runId !== null && summary.outcome !== 'planned') {
    rejectsPath = resolve(values.rejects ?? resolve(deps.dataDir, 'ingest', `${summary.runId}.rejects.csv`));
    rejectLines = await writeRejectsReport(deps.runs, summary.runId, rejectsPath);
  }
  if (values.json) {
    io.out(
      JSON.stringify(
        { ...summary, plan: { ...summary.plan, columns: describeColumns(summary.plan.columns) }, rejectsReport: rejectsPath, rejectLines },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  printSummary(io, file, values.breach, summary, rejectsPath, rejectLines);
  return EXIT.ok;
}

function printSummary(io: CliIo, file: string, slug: string, s: IngestSummary, rejectsPath: string | null, rejectLines: number): void {
  const p = s.plan;
  const delimiter = p.delimiter === null ? 'none' : p.delimiter === '\t' ? 'tab' : `'${p.delimiter}'`;
  io.out(`file: ${file} → breach ${slug}`);
  io.out(
    `  format ${p.format}, encoding ${p.encoding} (${s.encodingReason})${p.format === 'csv' ? `, delimiter ${delimiter}, ${p.header ? 'header row' : 'no header row'}` : ''}`,
  );
  io.out('  columns:');
  for (const line of describeColumns(p.columns)) io.out(`    ${line}`);
  for (const w of s.warnings) io.out(`  warning: ${w}`);
  if (s.uncataloguedClasses.length > 0) {
    io.out(
      `  warning: the catalogue entry of ${slug} does not list ${s.uncataloguedClasses.join(', ')}; consider updating it (breachdesk breach update)`,
    );
  }
  if (s.outcome === 'planned') {
    io.out('dry run: nothing was written');
    return;
  }
  const c = s.counts;
  if (s.outcome === 'already-ingested') io.out(`already ingested by run ${s.runId}: nothing changed`);
  else if (s.outcome === 'resumed') io.out(`resumed run ${s.runId}: ${formatCount(s.processedNow)} rows processed now`);
  else io.out(`run ${s.runId}: ${formatCount(s.processedNow)} rows in ${s.seconds.toFixed(1)} s with ${s.workers} × ${s.backend}`);
  if (s.seconds > 0 && s.processedNow > 0) io.out(`  ${formatCount(Math.round(s.processedNow / s.seconds))} rows/s`);
  const ok = c.accepted + c.rejected + c.duplicates === c.rowsRead;
  io.out(
    `rows read ${formatCount(c.rowsRead)} = accepted ${formatCount(c.accepted)} + rejected ${formatCount(c.rejected)} + duplicates ${formatCount(c.duplicates)} ${ok ? '✓' : '✗'}`,
  );
  io.out(
    `  index entries added ${formatCount(c.entriesAdded)}; field problems ${formatCount(c.fieldRejects)}; contacts kept (encrypted) ${formatCount(c.contactsKept)}`,
  );
  if (c.blankLines > 0) io.out(`  blank lines skipped ${formatCount(c.blankLines)}`);
  if (c.redecodedLines > 0) io.out(`  lines not valid ${p.encoding}, read as Windows-1252: ${formatCount(c.redecodedLines)}`);
  if (rejectsPath) io.out(`rejects report: ${rejectsPath} (${formatCount(rejectLines)} lines: line, column, scope, reason; no values)`);
}

/** CSV of every reject of the run: line, column, scope, reason, and what the reason means. No values. */
async function writeRejectsReport(runs: IngestRunStore, runId: string, path: string): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { mode: 0o600 });
  let n = 0;
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('line,column,scope,reason,explanation\n');
  for await (const r of runs.rejects(runId)) {
    const text = REJECTION_REASON_TEXT[r.reason as RejectionReason] ?? ROW_REASON_TEXT[r.reason] ?? '';
    await write(`${r.line},${csvCell(r.column)},${r.scope},${r.reason},${csvCell(text)}\n`);
    n++;
  }
  out.end();
  await once(out, 'finish');
  return n;
}

const ROW_REASON_TEXT: Readonly<Record<string, string>> = {
  'column-count': 'The row does not have as many fields as the header.',
  'no-identifier': 'Every identifier field of the row is empty.',
  'no-valid-identifier': 'None of the identifiers in the row is valid; see the field lines for why.',
  'unterminated-quote': 'A quoted field is never closed; the row cannot be read.',
  'record-too-long': 'The row is longer than 1 MiB.',
  'json-invalid': 'The line is not valid JSON.',
  'json-not-object': 'The line is JSON but not an object.',
};

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function parseYesNo(v: string): boolean {
  if (['yes', 'true', '1'].includes(v)) return true;
  if (['no', 'false', '0'].includes(v)) return false;
  throw usageError('--header must be yes or no');
}

function parseDelimiter(v: string): string {
  if (v === 'tab' || v === '\\t' || v === '\t') return '\t';
  if ([',', ';', '|'].includes(v)) return v;
  throw usageError("--delimiter must be ',', ';', '|' or tab");
}
