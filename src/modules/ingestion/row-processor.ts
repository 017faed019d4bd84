import {
  identifierInput,
  nameDobVariants,
  parseBirthDate,
  parseIdentifier,
  type IdentifierKind,
  type ParseOptions,
} from '../identifiers/index.js';
import { type EntryMeta, type IndexEntryBuilder } from '../lookup/index.js';
import { parseJsonRecord } from './record-reader.js';

/**
 * Turning rows into index entries: canonicalise every identifier, evaluate the OPRF on all of them at
 * once, derive each entry's bucket, tag and metadata key, and seal the person's own data classes. This
 * runs in the ingest worker threads; everything it needs arrives as a serialisable WorkerPlan and ports.
 */
export interface WorkerPlan {
  readonly epoch: number;
  readonly breachId: number;
  readonly today: string;
  readonly defaultRegion: string;
  /** How `raw` rows are split: by this delimiter (CSV), or as JSON objects keyed by `columns` (JSON Lines). */
  readonly raw: { readonly format: 'csv'; readonly delimiter: string } | { readonly format: 'jsonl'; readonly columns: readonly string[] };
  /** Rows with another number of fields are rejected whole (`column-count`); null for JSON Lines. */
  readonly columnCount: number | null;
  readonly identifierColumns: readonly { readonly index: number; readonly kind: Exclude<IdentifierKind, 'name-dob'> }[];
  readonly nameDob: {
    readonly birthSurname: number | null;
    readonly usageSurname: number | null;
    readonly givenNames: number;
    readonly birthDate: number;
  } | null;
  /** Class bit of each column (index into the breach's class list), -1 for ignored columns. */
  readonly classBits: readonly number[];
  /** Columns copied, encrypted, into the contact record when contacts are kept. */
  readonly contact: {
    readonly email: number | null;
    readonly phone: number | null;
    readonly names: readonly number[];
    readonly address: readonly number[];
  } | null;
}

export interface RowInput {
  readonly line: number;
  /** The fields, or `raw`: the record's one line, split here (off the reading thread). */
  readonly fields?: readonly string[];
  readonly raw?: string;
  /** Set when the record itself could not be read (unterminated quote): rejected whole. */
  readonly error?: string;
}

export interface FieldReject {
  readonly column: number;
  readonly reason: string;
}

export interface ProcessedRow {
  readonly line: number;
  /** Entries of this row, contiguous in ProcessedBatch.entries after the previous rows' entries. */
  readonly entryCount: number;
  readonly rowReject: string | null;
  readonly fieldRejects: readonly FieldReject[];
  readonly contact: { readonly key: Uint8Array; readonly sealed: Uint8Array } | null;
}

export interface ProcessedBatch {
  readonly rows: ProcessedRow[];
  readonly entries: Uint8Array;
}

export interface ContactSealer {
  /** Keyed hash of the person's first identifier input: 16 bytes, stable across runs. */
  keyOf(input: string): Uint8Array;
  seal(plaintext: Uint8Array): Uint8Array;
}

export interface RowProcessorDeps {
  /** Evaluates the OPRF and builds the entries: in C on the native backend, else in TypeScript. */
  readonly entries: IndexEntryBuilder;
  readonly contacts: ContactSealer | null;
}

/** The row with its fields: `raw` lines are split by the delimiter, or parsed as JSON objects. */
function withFields(plan: WorkerPlan, row: RowInput): RowInput {
  if (row.raw === undefined) return row;
  if (plan.raw.format === 'csv') return { line: row.line, fields: row.raw.split(plan.raw.delimiter) };
  const record = parseJsonRecord(row.line, row.raw, plan.raw.columns);
  return record.error === undefined ? { line: row.line, fields: record.fields } : { line: row.line, error: record.error };
}

/** Row-level reasons (field-level ones come from the identifiers module). */
export const ROW_REJECT_REASONS = ['column-count', 'no-identifier', 'no-valid-identifier'] as const;

const encoder = new TextEncoder();

export function processRows(plan: WorkerPlan, rows: readonly RowInput[], deps: RowProcessorDeps): ProcessedBatch {
  const options: ParseOptions = { today: plan.today, defaultRegion: plan.defaultRegion };
  const inputs: Uint8Array[] = [];
  const pending: {
    line: number;
    inputs: number;
    rowReject: string | null;
    fieldRejects: FieldReject[];
    mask: number;
    contact: ProcessedRow['contact'];
  }[] = [];

  for (const input of rows) {
    const fieldRejects: FieldReject[] = [];
    const row = input.error === undefined ? withFields(plan, input) : input;
    if (row.error !== undefined || row.fields === undefined) {
      pending.push({ line: row.line, inputs: 0, rowReject: row.error ?? 'json-invalid', fieldRejects, mask: 0, contact: null });
      continue;
    }
    const fields = row.fields;
    if (plan.columnCount !== null && fields.length !== plan.columnCount) {
      pending.push({ line: row.line, inputs: 0, rowReject: 'column-count', fieldRejects, mask: 0, contact: null });
      continue;
    }
    const value = (i: number | null): string => (i === null ? '' : (fields[i] ?? '').trim());
    const rowInputs = new Set<string>();
    let mask = 0;
    let present = 0;
    const setBit = (column: number) => {
      const bit = plan.classBits[column] ?? -1;
      if (bit >= 0) mask |= 1 << bit;
    };
    const canonicals: { kind: IdentifierKind; canonical: string }[] = [];
    for (const { index, kind } of plan.identifierColumns) {
      const raw = value(index);
      if (raw === '') continue;
      present++;
      const parsed = parseIdentifier(kind, raw, options);
      if (parsed.ok) {
        rowInputs.add(identifierInput(kind, parsed.canonical));
        canonicals.push({ kind, canonical: parsed.canonical });
        setBit(index);
      } else {
        fieldRejects.push({ column: index, reason: parsed.reason });
      }
    }
    if (plan.nameDob) {
      const nd = plan.nameDob;
      const birthSurname = value(nd.birthSurname);
      const usageSurname = value(nd.usageSurname);
      const givenNames = value(nd.givenNames);
      const birthDate = value(nd.birthDate);
      if (birthSurname !== '' || usageSurname !== '' || givenNames !== '' || birthDate !== '') {
        present++;
        const variants = nameDobVariants(
          { ...(birthSurname ? { birthSurname } : {}), ...(usageSurname ? { usageSurname } : {}), givenNames, birthDate },
          options,
        );
        if (variants.ok) {
          for (const c of variants.canonicals) rowInputs.add(identifierInput('name-dob', c));
        } else {
          const column =
            variants.field === 'birthDate'
              ? nd.birthDate
              : variants.field === 'givenNames'
                ? nd.givenNames
                : (nd.birthSurname ?? nd.usageSurname ?? nd.givenNames);
          fieldRejects.push({ column, reason: variants.reason });
        }
        // Names are exposed whether or not they can be looked up; a date only when it is a real date.
        for (const col of [nd.birthSurname, nd.usageSurname, nd.givenNames]) if (col !== null && value(col) !== '') setBit(col);
        if (birthDate !== '' && parseBirthDate(birthDate, options).ok) setBit(nd.birthDate);
      }
    }
    const identifierColumns = new Set<number>(plan.identifierColumns.map((c) => c.index));
    if (plan.nameDob)
      for (const c of [plan.nameDob.birthSurname, plan.nameDob.usageSurname, plan.nameDob.givenNames, plan.nameDob.birthDate])
        if (c !== null) identifierColumns.add(c);
    fields.forEach((f, i) => {
      if (!identifierColumns.has(i) && f.trim() !== '') setBit(i);
    });

    let rowReject: string | null = null;
    if (rowInputs.size === 0) rowReject = present === 0 ? 'no-identifier' : 'no-valid-identifier';
    let contact: ProcessedRow['contact'] = null;
    if (rowReject === null && deps.contacts && plan.contact) {
      const first = [...rowInputs][0]!;
      const c = plan.contact;
      const email = canonicals.find((x) => x.kind === 'email')?.canonical ?? null;
      const phone = canonicals.find((x) => x.kind === 'phone')?.canonical ?? null;
      const record = {
        v: 1,
        email,
        phone,
        name: c.names.map((i) => value(i)).filter((s) => s !== ''),
        address: c.address.map((i) => value(i)).filter((s) => s !== ''),
        classMask: mask >>> 0,
      };
      if (email !== null || phone !== null || record.address.length > 0) {
        contact = { key: deps.contacts.keyOf(first), sealed: deps.contacts.seal(encoder.encode(JSON.stringify(record))) };
      }
    }
    for (const input of rowInputs) inputs.push(encoder.encode(input));
    pending.push({ line: row.line, inputs: rowInputs.size, rowReject, fieldRejects, mask, contact });
  }

  const metas: EntryMeta[] = [];
  for (const p of pending) for (let j = 0; j < p.inputs; j++) metas.push({ breachId: plan.breachId, classMask: p.mask >>> 0 });
  const entries = deps.entries.build(inputs, metas, plan.epoch);
  inputs.forEach((b) => b.fill(0)); // identifiers: do not leave extra copies for the collector
  const result: ProcessedRow[] = pending.map((p) => ({
    line: p.line,
    entryCount: p.inputs,
    rowReject: p.rowReject,
    fieldRejects: p.fieldRejects,
    contact: p.contact,
  }));
  return { rows: result, entries };
}
