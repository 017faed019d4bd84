import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Incidents } from '../modules/incidents/index.js';
import { registerCsv, registerJson } from '../modules/incidents/model/register.js';
import type { DeskContext } from '../modules/organisations/index.js';
import { AppError } from '../platform/errors.js';
import { EXIT, usageError, type CliIo } from './io.js';

export const REGISTER_HELP = `Usage: breachdesk register export --org SLUG [--format csv|json] [--out FILE]

Writes the organisation's GDPR Art. 33(5) register: every incident, notified or not, with its dates,
nature, data, people concerned, consequences, measures and notifications. CSV (Excel-safe: UTF-8 with
BOM, formula cells neutralised) or JSON; to standard output without --out.`;

export const INCIDENT_HELP = `Usage: breachdesk incident export --org SLUG --id ID [--out FILE]

Writes one incident as JSON: the record, its revision, its 72-hour clock and every notification issued
to the authority (each version as issued, with what changed since the previous one).`;

export interface DeskCommandDeps {
  readonly incidents: Incidents;
  readonly context: (slug: string) => Promise<DeskContext>;
}

async function output(io: CliIo, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) return io.out(text.replace(/\r?\n$/, ''));
  try {
    await writeFile(out, text, { mode: 0o600 });
  } catch (cause) {
    throw new AppError('OUTPUT_FILE_UNWRITABLE', `Cannot write ${out}`, { cause, data: { file: out } });
  }
  io.err(`wrote ${out}`);
}

export async function registerCommand(args: string[], io: CliIo, deps: DeskCommandDeps): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'export') throw usageError(`unknown register command "${sub ?? ''}" (try: breachdesk register --help)`);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: { org: { type: 'string' }, format: { type: 'string', default: 'csv' }, out: { type: 'string' } },
  });
  if (!values.org) throw usageError('register export needs --org SLUG');
  if (values.format !== 'csv' && values.format !== 'json') throw usageError(`--format must be csv or json, got "${values.format}"`);
  const rows = await deps.incidents.register(await deps.context(values.org));
  await output(io, values.format === 'csv' ? registerCsv(rows, { bom: values.out !== undefined }) : registerJson(rows), values.out);
  return EXIT.ok;
}

export async function incidentCommand(args: string[], io: CliIo, deps: DeskCommandDeps): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'export') throw usageError(`unknown incident command "${sub ?? ''}" (try: breachdesk incident --help)`);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: { org: { type: 'string' }, id: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.org || !values.id) throw usageError('incident export needs --org SLUG and --id ID');
  const ctx = await deps.context(values.org);
  const stored = await deps.incidents.get(ctx, values.id);
  const notifications = await deps.incidents.notifications(ctx, values.id);
  await output(io, `${JSON.stringify({ ...stored, notifications }, null, 2)}\n`, values.out);
  return EXIT.ok;
}
