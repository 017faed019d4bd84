import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  buildActionPlan,
  PLAN_COUNTRIES,
  renderPlanPdf,
  renderPlanView,
  type PlanCountry,
  type PlanView,
} from '../modules/action-plan/index.js';
import { assessExposure } from '../modules/exposure/index.js';
import { DATA_CLASSES } from '../modules/catalogue/index.js';
import { REJECTION_REASON_TEXT } from '../modules/identifiers/index.js';
import {
  createHttpTransport,
  LookupError,
  prepareLookup,
  runLookup,
  type LookupResult,
  type LookupTransport,
} from '../modules/lookup/index.js';
import { AppError } from '../platform/errors.js';
import { isLocale, type Locale } from '../platform/locale.js';
import { EXIT, usageError, type CliIo } from './io.js';

export const CHECK_HELP = `Usage: breachdesk check [identifiers] [--server URL] [--buckets URL] [--region CC] [--json]

Checks privately whether these identifiers are in a breach the server indexes. The look-up runs here:
identifiers are canonicalised, blinded and finalised on this machine; the server only sees blinded
elements and bucket numbers. Exit status 0 when checked (found or not), 1 on error.

Identifiers (any, at least one):
  --email ADDRESS
  --phone NUMBER           international (+33…) or national for --region
  --nir NUMBER             French social security number, 15 digits with the key
  --personnummer NUMBER    Swedish personnummer or samordningsnummer
  --name SURNAME --given NAME --dob YYYY-MM-DD   name and date of birth (all three)

Options:
  --server URL     The breachdesk server (default http://localhost:8080).
  --buckets URL    Fetch bucket files from a static mirror (a directory written by export-buckets).
  --region CC      Country for national phone numbers: FR or SE (default FR).
  --json           Print the result as JSON.
  --plan           Also print the personal action plan for what was found.
  --plan-pdf FILE  Also write the plan as a PDF (A4) to FILE.
  --country CC     Steps for FR, SE or other (default: --region).
  --lang L         Language of the plan: en, fr or sv (default en).

The plan names breaches by their slug: asking the server for their titles would tell it which ones
hold you.

Note: arguments are visible to other users of this machine (ps); type them in an interactive shell only.`;

export interface CheckDeps {
  readonly today: () => string;
  /** Overrides the HTTP transport (tests use the real one; kept for other runtimes). */
  readonly transport?: (options: { apiBase: string; bucketsBase?: string }) => LookupTransport;
}

export async function checkCommand(args: string[], io: CliIo, deps: CheckDeps): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      email: { type: 'string' },
      phone: { type: 'string' },
      nir: { type: 'string' },
      personnummer: { type: 'string' },
      name: { type: 'string' },
      given: { type: 'string' },
      dob: { type: 'string' },
      server: { type: 'string', default: 'http://localhost:8080' },
      buckets: { type: 'string' },
      region: { type: 'string', default: 'FR' },
      json: { type: 'boolean', default: false },
      plan: { type: 'boolean', default: false },
      'plan-pdf': { type: 'string' },
      country: { type: 'string' },
      lang: { type: 'string', default: 'en' },
    },
  });
  if (!isLocale(values.lang)) throw usageError(`--lang must be en, fr or sv, got "${values.lang}"`);
  const locale: Locale = values.lang;
  const nameParts = [values.name, values.given, values.dob].filter((v) => v !== undefined).length;
  if (nameParts > 0 && nameParts < 3) throw usageError('--name, --given and --dob go together: give all three');
  const region = values.region.toUpperCase();
  if (region !== 'FR' && region !== 'SE') throw usageError(`--region must be FR or SE, got "${values.region}"`);
  const country = (values.country ?? region) as PlanCountry;
  if (!PLAN_COUNTRIES.includes(country)) throw usageError(`--country must be FR, SE or other, got "${values.country ?? ''}"`);
  for (const [flag, url] of [
    ['--server', values.server],
    ['--buckets', values.buckets],
  ] as const) {
    if (url !== undefined && !/^https?:\/\//.test(url)) throw usageError(`${flag} must be an http:// or https:// URL`);
  }
  const prepared = prepareLookup(
    {
      ...(values.email !== undefined ? { email: values.email } : {}),
      ...(values.phone !== undefined ? { phone: values.phone } : {}),
      ...(values.nir !== undefined ? { frNir: values.nir } : {}),
      ...(values.personnummer !== undefined ? { sePersonnummer: values.personnummer } : {}),
      ...(nameParts === 3 ? { nameDob: { surname: values.name!, givenNames: values.given!, birthDate: values.dob! } } : {}),
    },
    { today: deps.today(), defaultRegion: region },
  );
  const flagOf = { email: '--email', phone: '--phone', frNir: '--nir', sePersonnummer: '--personnummer', nameDob: '--name/--given/--dob' };
  if (prepared.problems.length > 0) {
    throw new AppError('IDENTIFIER_INVALID', 'Some identifiers are not valid; nothing was sent', {
      issues: prepared.problems.map((p) => ({ path: flagOf[p.field], message: REJECTION_REASON_TEXT[p.reason] })),
    });
  }
  if (prepared.inputs.length === 0) throw usageError('give at least one identifier (breachdesk check --help)');
  const options = { apiBase: values.server, ...(values.buckets !== undefined ? { bucketsBase: values.buckets } : {}) };
  const transport = deps.transport ? deps.transport(options) : createHttpTransport(options);
  let result: LookupResult;
  try {
    result = await runLookup(prepared.inputs, transport);
  } catch (error) {
    if (!(error instanceof LookupError)) throw error;
    const code =
      error.code === 'rate-limited'
        ? 'RATE_LIMITED'
        : error.code === 'verification-failed' || error.code === 'key-mismatch'
          ? 'LOOKUP_VERIFICATION_FAILED'
          : 'LOOKUP_UNAVAILABLE';
    throw new AppError(code, error.message, { cause: error });
  }
  const exposure = assessExposure(result.matches);
  const view = renderPlanView(buildActionPlan(exposure, { country }), exposure, { locale, breachTitles: {} });
  if (values['plan-pdf'] !== undefined) {
    const file = values['plan-pdf'];
    try {
      await writeFile(file, await renderPlanPdf(view, { generatedOn: deps.today() }), { mode: 0o600 });
    } catch (cause) {
      throw new AppError('OUTPUT_FILE_UNWRITABLE', `Cannot write the plan PDF to ${file}`, { cause, data: { file } });
    }
  }
  if (values.json) {
    io.out(JSON.stringify(values.plan ? { ...result, plan: view } : result, null, 2));
    return EXIT.ok;
  }
  const label = (code: string) => DATA_CLASSES.find((c) => c.code === code)?.labels.en ?? code;
  if (result.matches.length === 0) {
    io.out(`Not found in the breaches indexed by ${values.server} (${result.checked.join(', ')} checked).`);
    if (result.checked.includes('nameDob'))
      io.out('A name may be written differently in a breach file: "not found" for a name is not a guarantee.');
  } else {
    io.out(`Found in ${result.matches.length} breach${result.matches.length === 1 ? '' : 'es'}:`);
    for (const m of result.matches) {
      io.out(`  ${m.slug}: ${m.classes.map(label).join(', ')}`);
      io.out(`    found by ${m.fields.join(', ')}; details: ${values.server.replace(/\/+$/, '')}/breaches/${m.slug}`);
    }
  }
  if (values.plan) printPlan(view, io);
  if (values['plan-pdf'] !== undefined) io.out(`Wrote the plan to ${values['plan-pdf']}.`);
  return EXIT.ok;
}

/** The plan as plain text: urgency headings, then each step with why, what to do, deadline and sources. */
function printPlan(view: PlanView, io: CliIo): void {
  io.out('');
  io.out(`${view.title} (${view.countryLabel})`);
  io.out(view.intro);
  let urgency = '';
  for (const step of view.steps) {
    if (step.urgency !== urgency) {
      urgency = step.urgency;
      io.out('');
      io.out(`== ${step.urgencyLabel} ==`);
    }
    io.out(`[ ] ${step.title}`);
    for (const why of step.why) io.out(`    ${why}`);
    for (const action of step.actions) io.out(`    - ${action}`);
    if (step.deadline) io.out(`    ${view.labels.deadline}${view.labels.colon}${step.deadline}`);
    if (step.sources.length > 0) io.out(`    ${view.labels.sources}${view.labels.colon}${step.sources.map((s) => s.url).join(' ')}`);
  }
  io.out('');
  io.out(view.disclaimer);
}
