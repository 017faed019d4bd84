import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import { AppError, validationError } from '../../platform/errors.js';
import { headerRole, valueRoles, type ParseOptions } from '../identifiers/index.js';
import type { EpochRecord, LookupIndexStore } from '../lookup/index.js';
import { ENTRY_RECORD_BYTES, TAG_BYTES, SEALED_BYTES } from '../lookup/index.js';
import {
  columnDataClass,
  dataClassFromHeader,
  parseColumnOverrides,
  planIssues,
  proposeColumns,
  type IngestPlan,
  type PlannedColumn,
} from './column-plan.js';
import type { BatchTail, BatchWriter, ContactRow, EntryRow, IngestRun, IngestRunStore, RejectRow, RunCounts } from './ingestion.store.js';
import { ZERO_COUNTS } from './ingestion.store.js';
import { LineDecoder, type DecodedLine } from './line-decoder.js';
import { CsvRecordReader, jsonColumns, parseFields, parseJsonRecord, type SourceRecord } from './record-reader.js';
import { type ProcessedBatch, type RowInput, type WorkerPlan } from './row-processor.js';
import { detectDelimiter, detectFormat, sniffEncoding, type SourceEncoding, type SourceFormat } from './source-format.js';

/** The input file, as the pipeline needs it. Implemented over the file system (gzip aware) in adapters/. */
export interface ByteSource {
  readonly name: string;
  /** Size on disk (compressed size for gzip): progress is measured against it. */
  readonly size: number;
  /** SHA-256 (hex) of the bytes on disk: identifies the file across runs. */
  digest(): Promise<string>;
  /** The decompressed bytes, from the start. */
  open(): AsyncIterable<Uint8Array>;
  /** Bytes of the file on disk consumed so far by the current open(). */
  position(): number;
}

/** Evaluates row batches, usually on worker threads. */
export interface RowProcessorPool {
  readonly workers: number;
  readonly backend: string;
  process(plan: WorkerPlan, rows: readonly RowInput[]): Promise<ProcessedBatch>;
}

export interface IngestProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rowsRead: number;
  readonly rowsPerSecond: number;
  readonly etaSeconds: number | null;
}

export interface IngestDeps {
  readonly runs: IngestRunStore;
  readonly writer: BatchWriter;
  readonly index: LookupIndexStore;
  readonly pool: RowProcessorPool;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
  /** The catalogue's breach, or undefined: only breaches in the catalogue can be ingested. */
  readonly breachDataClasses: (slug: string) => Promise<readonly string[] | undefined>;
  readonly dataClassCodes: ReadonlySet<string>;
  readonly epoch: EpochRecord;
  readonly contactKeyId: string | null;
  readonly onProgress?: (p: IngestProgress) => void;
  /** Milliseconds between progress callbacks. */
  readonly progressInterval?: number;
}

export interface IngestOptions {
  readonly breachSlug: string;
  readonly source: ByteSource;
  readonly maps: readonly string[];
  readonly header?: boolean;
  readonly delimiter?: string;
  readonly encoding?: SourceEncoding;
  readonly format?: SourceFormat;
  readonly defaultRegion: string;
  readonly keepContacts: boolean;
  /** Abandon an unfinished run of this breach that used another file or plan, instead of refusing. */
  readonly restart: boolean;
  readonly actor: string;
  readonly batchSize?: number;
  /** Only plan: no run is started and nothing is written. */
  readonly dryRun?: boolean;
}

export type IngestOutcome = 'completed' | 'resumed' | 'already-ingested' | 'planned';

export interface IngestSummary {
  readonly outcome: IngestOutcome;
  readonly runId: string | null;
  readonly plan: IngestPlan;
  readonly warnings: readonly string[];
  readonly encodingReason: string;
  readonly counts: RunCounts;
  /** Rows this invocation processed (less than rowsRead when it resumed a run). */
  readonly processedNow: number;
  readonly seconds: number;
  readonly backend: string;
  readonly workers: number;
  readonly breachClasses: readonly string[];
  readonly uncataloguedClasses: readonly string[];
}

const SAMPLE_BYTES = 256 * 1024;
const SAMPLE_ROWS = 1000;

/**
 * Loads a breach file into the private look-up index. Every record read ends as accepted (it added at
 * least one entry), duplicate (all its identifiers were already in the index for this breach) or
 * rejected (with a reason, in the rejects table); field-level problems of accepted rows are recorded too.
 * Batches commit in file order with the resume point, so the run can be killed at any moment and run
 * again: it continues after the last committed line, and the same file a second time changes nothing.
 */
export async function runIngest(deps: IngestDeps, options: IngestOptions): Promise<IngestSummary> {
  const started = deps.clock.now();
  const breachClasses = await deps.breachDataClasses(options.breachSlug);
  if (!breachClasses)
    throw new AppError('BREACH_NOT_FOUND', `No breach "${options.breachSlug}" in the catalogue: add it first (breachdesk breach add)`, {
      data: { slug: options.breachSlug },
    });
  const today = started.toISOString().slice(0, 10);
  const parseOptions: ParseOptions = { today, defaultRegion: options.defaultRegion };

  const { plan, warnings, encodingReason } = await makePlan(options, parseOptions, deps.dataClassCodes);
  const classes = unique(plan.columns.map((c) => columnDataClass(c.use)).filter((c): c is string => c !== null));
  const uncatalogued = classes.filter((c) => !breachClasses.includes(c));
  const base = {
    plan,
    warnings,
    encodingReason,
    backend: deps.pool.backend,
    workers: deps.pool.workers,
    uncataloguedClasses: uncatalogued,
  };
  if (options.dryRun) {
    return { ...base, outcome: 'planned', runId: null, counts: { ...ZERO_COUNTS }, processedNow: 0, seconds: 0, breachClasses: classes };
  }

  const fileDigest = await options.source.digest();
  const planJson = JSON.stringify(plan);
  const planDigest = createHash('sha256').update(planJson).digest('hex');
  await deps.index.ensureEpoch(deps.epoch);
  const breach = await deps.index.ensureBreach(options.breachSlug, classes);

  let run: IngestRun | undefined;
  let outcome: IngestOutcome = 'completed';
  for (const existing of await deps.runs.find(options.breachSlug, deps.epoch.epoch)) {
    const same = existing.fileDigest === fileDigest && existing.planDigest === planDigest;
    if (existing.state === 'completed' && same) {
      return {
        ...base,
        outcome: 'already-ingested',
        runId: existing.id,
        counts: existing.counts,
        processedNow: 0,
        seconds: 0,
        breachClasses: breach.classes,
      };
    }
    if (existing.state === 'running') {
      if (same) {
        run = existing;
        outcome = 'resumed';
      } else if (options.restart) {
        await deps.runs.abandon(existing.id, deps.clock.now().toISOString());
      } else {
        throw new AppError(
          'INGEST_FILE_CHANGED',
          `An unfinished ingest of ${options.breachSlug} (run ${existing.id}, file ${existing.fileName}) used another file or column plan; run it again with that file, or pass --restart to abandon it`,
          { data: { runId: existing.id } },
        );
      }
    }
  }
  if (!run) {
    const at = deps.clock.now().toISOString();
    const id = deps.newId(deps.clock.now());
    await deps.runs.start({
      id,
      breachSlug: options.breachSlug,
      epoch: deps.epoch.epoch,
      fileName: options.source.name,
      fileDigest,
      fileBytes: options.source.size,
      plan: planJson,
      planDigest,
      actor: options.actor,
      startedAt: at,
      updatedAt: at,
    });
    run = (await deps.runs.get(id))!;
  }

  const workerPlan = toWorkerPlan(plan, breach.classes, breach.id, deps.epoch.epoch, today);
  const state = { counts: { ...run.counts }, processedNow: 0 };
  await stream(deps, options, plan, workerPlan, run, state, started);

  const c = state.counts;
  if (c.accepted + c.rejected + c.duplicates !== c.rowsRead) {
    throw new AppError(
      'INGEST_ACCOUNTING_MISMATCH',
      `Run ${run.id}: accepted ${c.accepted} + rejected ${c.rejected} + duplicates ${c.duplicates} != rows read ${c.rowsRead}`,
      { data: { runId: run.id, ...c } },
    );
  }
  await deps.runs.complete(run.id, deps.clock.now().toISOString());
  return {
    ...base,
    outcome,
    runId: run.id,
    counts: c,
    processedNow: state.processedNow,
    seconds: (deps.clock.now().getTime() - started.getTime()) / 1000,
    breachClasses: breach.classes,
  };
}

async function stream(
  deps: IngestDeps,
  options: IngestOptions,
  plan: IngestPlan,
  workerPlan: WorkerPlan,
  run: IngestRun,
  state: { counts: RunCounts; processedNow: number },
  started: Date,
): Promise<void> {
  const batchSize = options.batchSize ?? 2048;
  const maxInFlight = Math.max(2, deps.pool.workers * 2);
  const decoder = new LineDecoder(plan.encoding, plan.bom);
  const csv = plan.format === 'csv' ? new CsvRecordReader(plan.delimiter, { passRaw: true }) : null;
  const columnNames = plan.columns.map((c) => c.name);
  const inFlight: { rows: RowInput[]; lastLine: number; blank: number; redecoded: number; result: Promise<ProcessedBatch> }[] = [];
  let rows: RowInput[] = [];
  let blank = 0;
  let redecoded = 0;
  let lineNo = 0;
  let headerSkipped = !plan.header;
  let lastProgress = 0;
  const interval = deps.progressInterval ?? 500;

  const report = (force = false) => {
    if (!deps.onProgress) return;
    const now = deps.clock.now().getTime();
    if (!force && now - lastProgress < interval) return;
    lastProgress = now;
    const seconds = Math.max(0.001, (now - started.getTime()) / 1000);
    const rate = state.processedNow / seconds;
    const bytesRead = options.source.position();
    const fraction = options.source.size > 0 ? bytesRead / options.source.size : 1;
    const eta = fraction > 0.001 && fraction < 1 ? (seconds / fraction) * (1 - fraction) : null;
    deps.onProgress({ bytesRead, totalBytes: options.source.size, rowsRead: state.counts.rowsRead, rowsPerSecond: rate, etaSeconds: eta });
  };

  const commitOldest = async () => {
    const batch = inFlight.shift()!;
    const processed = await batch.result;
    state.counts = await commit(
      deps,
      run,
      workerPlan,
      batch.rows,
      processed,
      batch.lastLine,
      batch.blank,
      batch.redecoded,
      state.counts,
      columnNames,
    );
    state.processedNow += batch.rows.length;
    report();
  };

  const flush = async () => {
    if (rows.length === 0 && blank === 0 && redecoded === 0) return;
    const batchRows = rows;
    inFlight.push({ rows: batchRows, lastLine: lineNo, blank, redecoded, result: deps.pool.process(workerPlan, batchRows) });
    rows = [];
    blank = 0;
    redecoded = 0;
    while (inFlight.length >= maxInFlight) await commitOldest();
  };

  const take = (record: SourceRecord) => {
    if (!headerSkipped) {
      headerSkipped = true;
      return;
    }
    if (record.line <= run.lastLine) return;
    rows.push(
      record.error !== undefined
        ? { line: record.line, error: record.error }
        : record.raw !== undefined
          ? { line: record.line, raw: record.raw }
          : { line: record.line, fields: record.fields },
    );
  };

  const onLine = async (line: DecodedLine) => {
    lineNo++;
    const fresh = lineNo > run.lastLine;
    if (line.redecoded && fresh) redecoded++;
    if (csv) {
      if (!csv.inRecord && line.text.trim() === '') {
        if (fresh) blank++;
        return;
      }
      for (const record of csv.push(lineNo, line)) take(record);
      // A batch ends only between records, so every line up to its resume point is fully committed.
      if (rows.length >= batchSize && !csv.inRecord) await flush();
    } else {
      if (line.text.trim() === '') {
        if (fresh) blank++;
        return;
      }
      if (lineNo <= run.lastLine) return;
      take({ line: lineNo, raw: line.text });
      if (rows.length >= batchSize) await flush();
    }
  };

  for await (const chunk of options.source.open()) {
    for (const line of decoder.push(chunk)) await onLine(line);
  }
  for (const line of decoder.end()) await onLine(line);
  if (csv) for (const record of csv.end()) take(record);
  await flush();
  while (inFlight.length > 0) await commitOldest();
  report(true);
}

async function commit(
  deps: IngestDeps,
  run: IngestRun,
  plan: WorkerPlan,
  rows: readonly RowInput[],
  processed: ProcessedBatch,
  lastLine: number,
  blank: number,
  redecoded: number,
  before: RunCounts,
  columnNames: readonly string[],
): Promise<RunCounts> {
  const entries: EntryRow[] = [];
  const firstRowOf = new Map<string, number>();
  const rowKeys: string[][] = [];
  const view = new DataView(processed.entries.buffer, processed.entries.byteOffset, processed.entries.byteLength);
  let k = 0;
  processed.rows.forEach((row, r) => {
    const keys: string[] = [];
    for (let j = 0; j < row.entryCount; j++, k++) {
      const at = k * ENTRY_RECORD_BYTES;
      const tag = processed.entries.subarray(at + 4, at + 4 + TAG_BYTES);
      const key = Buffer.from(tag.buffer, tag.byteOffset, tag.byteLength).toString('hex');
      keys.push(key);
      if (firstRowOf.has(key)) continue;
      firstRowOf.set(key, r);
      entries.push({
        bucketHash: view.getUint32(at),
        tag,
        sealed: processed.entries.subarray(at + 4 + TAG_BYTES, at + 4 + TAG_BYTES + SEALED_BYTES),
        key,
      });
    }
    rowKeys.push(keys);
  });
  if (processed.rows.length !== rows.length) throw new Error('the row processor returned another number of rows');

  const settle = (inserted: ReadonlySet<string>): BatchTail => {
    const counts = { ...before };
    const rejects: RejectRow[] = [];
    const contacts: ContactRow[] = [];
    counts.blankLines += blank;
    counts.redecodedLines += redecoded;
    counts.entriesAdded += inserted.size;
    processed.rows.forEach((row, r) => {
      counts.rowsRead++;
      for (const f of row.fieldRejects) {
        rejects.push({ line: row.line, column: columnNames[f.column] ?? `#${f.column + 1}`, scope: 'field', reason: f.reason });
        counts.fieldRejects++;
      }
      if (row.rowReject !== null) {
        counts.rejected++;
        rejects.push({ line: row.line, column: '*', scope: 'row', reason: row.rowReject });
        return;
      }
      const added = rowKeys[r]!.some((key) => inserted.has(key) && firstRowOf.get(key) === r);
      if (added) {
        counts.accepted++;
        if (row.contact && deps.contactKeyId)
          contacts.push({ contactKey: row.contact.key, keyId: deps.contactKeyId, sealed: row.contact.sealed });
      } else {
        counts.duplicates++;
      }
    });
    return { rejects, contacts, lastLine, counts, updatedAt: deps.clock.now().toISOString() };
  };
  return deps.writer.writeBatch({ runId: run.id, epoch: plan.epoch, breachId: plan.breachId, entries }, settle);
}

async function makePlan(
  options: IngestOptions,
  parseOptions: ParseOptions,
  dataClassCodes: ReadonlySet<string>,
): Promise<{ plan: IngestPlan; warnings: string[]; encodingReason: string }> {
  const sample = await readSample(options.source);
  const sniffed = options.encoding
    ? { encoding: options.encoding, bom: bomLength(sample, options.encoding), reason: 'given with --encoding' }
    : sniffEncoding(sample);
  const decoder = new LineDecoder(sniffed.encoding, sniffed.bom);
  const lines = decoder.push(sample).map((l) => l.text);
  if (sample.length < SAMPLE_BYTES) lines.push(...decoder.end().map((l) => l.text));
  if (lines.every((l) => l.trim() === ''))
    throw new AppError('INGEST_FORMAT_UNRECOGNISED', `${options.source.name}: the file has no data`, {
      data: { file: options.source.name },
    });
  const format = options.format ?? detectFormat(lines);
  const warnings: string[] = [];

  let names: string[];
  let sampleRows: string[][];
  let header: boolean;
  let delimiter: string | null = null;
  if (format === 'jsonl') {
    names = jsonColumns(lines.slice(0, SAMPLE_ROWS));
    if (names.length === 0)
      throw new AppError('INGEST_FORMAT_UNRECOGNISED', `${options.source.name}: no JSON object in the first lines`, {
        data: { file: options.source.name },
      });
    sampleRows = lines.slice(0, SAMPLE_ROWS).flatMap((l, i) => {
      const r = parseJsonRecord(i + 1, l, names);
      return r.fields ? [r.fields] : [];
    });
    header = false;
  } else {
    delimiter = options.delimiter ?? detectDelimiter(lines);
    const records: string[][] = [];
    const reader = new CsvRecordReader(delimiter);
    lines.slice(0, SAMPLE_ROWS + 1).forEach((text, i) => {
      if (text.trim() === '' && !reader.inRecord) return;
      for (const r of reader.push(i + 1, { text, redecoded: false })) if (r.fields) records.push(r.fields);
    });
    const first = records[0] ?? parseFields([lines[0] ?? ''], delimiter ?? '\u0000').fields;
    header = options.header ?? looksLikeHeader(first, records.slice(1), parseOptions);
    const width = mode(records.map((r) => r.length)) ?? first.length;
    names = header ? first.map((n, i) => n.trim() || `#${i + 1}`) : Array.from({ length: width }, (_, i) => `#${i + 1}`);
    sampleRows = header ? records.slice(1) : records;
    if (new Set(names).size !== names.length) warnings.push('some header names repeat; refer to those columns by number in --map');
  }

  const { overrides, issues } = parseColumnOverrides(options.maps, names, dataClassCodes);
  if (issues.length > 0) {
    const e = validationError(issues, '--map');
    throw new AppError('INGEST_MAPPING_INVALID', e.message, { issues });
  }
  const columns = proposeColumns(names, sampleRows, parseOptions, overrides);
  const checked = planIssues(columns);
  warnings.push(...checked.warnings);
  if (checked.issues.length > 0) {
    throw new AppError('INGEST_MAPPING_INVALID', `${options.source.name}: ${checked.issues.map((i) => i.message).join('; ')}`, {
      issues: checked.issues,
      data: { file: options.source.name, columns: describeColumns(columns) },
    });
  }
  return {
    plan: {
      format,
      encoding: sniffed.encoding,
      bom: sniffed.bom,
      delimiter,
      header,
      columns,
      defaultRegion: options.defaultRegion,
      keepContacts: options.keepContacts,
    },
    warnings,
    encodingReason: sniffed.reason,
  };
}

export function describeColumns(columns: readonly PlannedColumn[]): string[] {
  return columns.map((c) => {
    const what = c.use.type === 'identifier' ? c.use.role : c.use.type === 'data' ? c.use.dataClass : 'ignored';
    return `${c.name} → ${what}${c.decidedBy === 'none' ? '' : ` (${c.decidedBy})`}`;
  });
}

/**
 * A first row is a header when one of its cells is a known column name, or when none of its cells is an
 * identifier while the following rows do hold identifiers.
 */
function looksLikeHeader(first: readonly string[], rest: readonly (readonly string[])[], options: ParseOptions): boolean {
  if (first.some((c) => headerRole(c) !== null || dataClassFromHeader(c) !== null)) return true;
  const firstHasIds = first.some((c) => valueRoles(c.trim(), options).length > 0);
  const restHasIds = rest.slice(0, 50).some((r) => r.some((c) => valueRoles(c.trim(), options).length > 0));
  return !firstHasIds && restHasIds;
}

async function readSample(source: ByteSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const chunk of source.open()) {
    parts.push(chunk);
    n += chunk.length;
    if (n >= SAMPLE_BYTES) break;
  }
  const out = new Uint8Array(Math.min(n, SAMPLE_BYTES));
  let at = 0;
  for (const p of parts) {
    const take = Math.min(p.length, out.length - at);
    out.set(p.subarray(0, take), at);
    at += take;
    if (at >= out.length) break;
  }
  return out;
}

function bomLength(sample: Uint8Array, encoding: SourceEncoding): number {
  if (encoding === 'utf-8' && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && sample[0] === 0xff && sample[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && sample[0] === 0xfe && sample[1] === 0xff) return 2;
  return 0;
}

function toWorkerPlan(plan: IngestPlan, classes: readonly string[], breachId: number, epoch: number, today: string): WorkerPlan {
  const byRole = (role: string) => plan.columns.find((c) => c.use.type === 'identifier' && c.use.role === role)?.index ?? null;
  const identifierColumns = plan.columns.flatMap((c) =>
    c.use.type === 'identifier' &&
    (c.use.role === 'email' || c.use.role === 'phone' || c.use.role === 'fr-nir' || c.use.role === 'se-personnummer')
      ? [{ index: c.index, kind: c.use.role }]
      : [],
  );
  const surname = byRole('surname');
  const birthSurname = byRole('birth-surname') ?? surname;
  const usageSurname = byRole('usage-surname');
  const givenNames = byRole('given-names');
  const birthDate = byRole('birth-date');
  const nameDob =
    (birthSurname !== null || usageSurname !== null) && givenNames !== null && birthDate !== null
      ? { birthSurname, usageSurname, givenNames, birthDate }
      : null;
  const classBits = plan.columns.map((c) => {
    const dc = columnDataClass(c.use);
    return dc === null ? -1 : classes.indexOf(dc);
  });
  const contact = plan.keepContacts
    ? {
        email: byRole('email'),
        phone: byRole('phone'),
        names: [birthSurname, usageSurname, givenNames].filter((i): i is number => i !== null),
        address: plan.columns.filter((c) => c.use.type === 'data' && c.use.dataClass === 'postal-address').map((c) => c.index),
      }
    : null;
  return {
    epoch,
    breachId,
    today,
    defaultRegion: plan.defaultRegion,
    columnCount: plan.format === 'csv' ? plan.columns.length : null,
    raw:
      plan.format === 'csv'
        ? { format: 'csv', delimiter: plan.delimiter ?? '\u0000' }
        : { format: 'jsonl', columns: plan.columns.map((c) => c.name) },
    identifierColumns,
    nameDob,
    classBits,
    contact,
  };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function mode(xs: readonly number[]): number | undefined {
  const freq = new Map<number, number>();
  for (const x of xs) freq.set(x, (freq.get(x) ?? 0) + 1);
  return [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}
