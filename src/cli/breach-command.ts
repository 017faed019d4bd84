import { parseArgs } from 'node:util';
import type { Breach, Catalogue } from '../modules/catalogue/index.js';
import { AppError } from '../platform/errors.js';
import { EXIT, readJsonFile, usageError, type CliIo } from './io.js';

export const BREACH_HELP = `Usage: breachdesk breach <command> [options]

Commands:
  add --file FILE            Add the breach (or array of breaches) in FILE. All or nothing:
                             if any breach is invalid, nothing is written.
  update --file FILE         Replace the breach whose slug is in FILE (the whole document).
  list [--country CC] [--sector S] [--data-class CODE] [--sort date|size|added|title]
       [--order asc|desc] [--limit N] [--json]
                             List breaches.
  show SLUG [--json]         Show one breach.

Options:
  -h, --help                 Show this help.

A breach file is JSON matching the BreachInput schema (GET /api/docs). Invalid files are rejected
with one line per field: "dates.occurredTo: cannot be before occurredFrom".`;

export async function breachCommand(args: string[], io: CliIo, deps: { catalogue: Catalogue; actor: string }): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
    io.out(BREACH_HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      file: { type: 'string', short: 'f' },
      country: { type: 'string' },
      sector: { type: 'string' },
      'data-class': { type: 'string' },
      sort: { type: 'string' },
      order: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(BREACH_HELP);
    return EXIT.ok;
  }
  const { catalogue, actor } = deps;
  switch (sub) {
    case 'add': {
      if (!values.file) throw usageError('breach add needs --file FILE');
      const doc = await readJsonFile(values.file);
      const items = Array.isArray(doc) ? doc : [doc];
      const added = await withFile(values.file, () => catalogue.addAll(items, actor));
      for (const b of added) io.out(`added ${b.slug}: ${b.title}`);
      return EXIT.ok;
    }
    case 'update': {
      if (!values.file) throw usageError('breach update needs --file FILE');
      const doc = await readJsonFile(values.file);
      if (Array.isArray(doc) || typeof doc !== 'object' || doc === null) {
        throw new AppError('VALIDATION_FAILED', `${values.file}: breach update takes one breach object`, {
          issues: [{ path: '', message: 'must be a JSON object' }],
        });
      }
      const slug = (doc as { slug?: unknown }).slug;
      if (typeof slug !== 'string') {
        throw new AppError('VALIDATION_FAILED', `${values.file}: the breach has no slug`, {
          issues: [{ path: 'slug', message: 'is required' }],
        });
      }
      const result = await withFile(values.file, () => catalogue.update(slug, doc, actor));
      io.out(
        result.changed.length === 0 ? `unchanged ${slug}` : `updated ${slug} (revision ${result.revision}): ${result.changed.join(', ')}`,
      );
      return EXIT.ok;
    }
    case 'list': {
      const page = await catalogue.list({
        ...(values.country ? { country: values.country } : {}),
        ...(values.sector ? { sector: values.sector as never } : {}),
        ...(values['data-class'] ? { dataClass: values['data-class'] } : {}),
        ...(values.sort ? { sort: values.sort as never } : {}),
        ...(values.order ? { order: values.order as never } : {}),
        ...(values.limit ? { limit: Number(values.limit) } : {}),
      });
      if (values.json) {
        io.out(
          JSON.stringify(
            page.items.map((s) => s.breach),
            null,
            2,
          ),
        );
        return EXIT.ok;
      }
      const rows = page.items.map(({ breach: b }) => [b.slug, b.country, dateOf(b), people(b), b.title]);
      printTable(io, ['SLUG', 'COUNTRY', 'DATE', 'PEOPLE', 'TITLE'], rows);
      io.out(`${page.total} breach${page.total === 1 ? '' : 'es'}`);
      return EXIT.ok;
    }
    case 'show': {
      const slug = positionals[0];
      if (!slug) throw usageError('breach show needs a SLUG');
      const view = await catalogue.get(slug);
      if (values.json) {
        io.out(JSON.stringify({ ...view.breach, revision: view.revision, related: view.related }, null, 2));
        return EXIT.ok;
      }
      const b = view.breach;
      io.out(`${b.title} (${b.slug}, revision ${view.revision})`);
      io.out(`  organisation: ${b.organisation.name} (${b.organisation.role})`);
      io.out(`  country/sector: ${b.country} / ${b.sector}`);
      io.out(`  date: ${dateOf(b)}   people affected: ${people(b)}`);
      io.out(`  data classes: ${b.dataClasses.join(', ')}`);
      io.out(`  nature: ${b.nature.join(', ')}   cause: ${b.cause.actor} / ${b.cause.vector}`);
      if (b.authority) io.out(`  authority: ${b.authority.code}${b.authority.caseReference ? ` (${b.authority.caseReference})` : ''}`);
      if (view.related.length > 0) io.out(`  related: ${view.related.join(', ')}`);
      for (const s of b.sources) io.out(`  source: ${s.url}`);
      return EXIT.ok;
    }
    default:
      throw usageError(`unknown breach command "${sub}" (try: breachdesk breach --help)`);
  }
}

/** Prefixes validation errors with the file they came from. */
async function withFile<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError && !error.message.startsWith(file)) {
      throw new AppError(error.code, `${file}: ${error.message}`, {
        cause: error.cause,
        data: { ...error.data, file },
        issues: error.issues,
      });
    }
    throw error;
  }
}

function dateOf(b: Breach): string {
  return b.dates.occurredFrom ?? b.dates.publicDisclosure ?? b.dates.awareness ?? '?';
}

function people(b: Breach): string {
  const p = b.peopleAffected;
  if (p.count === undefined) return 'unknown';
  return `${p.atLeast ? '>' : p.precision === 'approximate' ? '~' : ''}${p.count}`;
}

function printTable(io: CliIo, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  io.out(line(header));
  for (const r of rows) io.out(line(r));
}
