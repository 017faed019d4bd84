import { parseArgs } from 'node:util';
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
    },
  });
  const nameParts = [values.name, values.given, values.dob].filter((v) => v !== undefined).length;
  if (nameParts > 0 && nameParts < 3) throw usageError('--name, --given and --dob go together: give all three');
  const region = values.region.toUpperCase();
  if (region !== 'FR' && region !== 'SE') throw usageError(`--region must be FR or SE, got "${values.region}"`);
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
  if (values.json) {
    io.out(JSON.stringify(result, null, 2));
    return EXIT.ok;
  }
  const label = (code: string) => DATA_CLASSES.find((c) => c.code === code)?.labels.en ?? code;
  if (result.matches.length === 0) {
    io.out(`Not found in the breaches indexed by ${values.server} (${result.checked.join(', ')} checked).`);
    if (result.checked.includes('nameDob'))
      io.out('A name may be written differently in a breach file: "not found" for a name is not a guarantee.');
    return EXIT.ok;
  }
  io.out(`Found in ${result.matches.length} breach${result.matches.length === 1 ? '' : 'es'}:`);
  for (const m of result.matches) {
    io.out(`  ${m.slug}: ${m.classes.map(label).join(', ')}`);
    io.out(`    found by ${m.fields.join(', ')}; details: ${values.server.replace(/\/+$/, '')}/breaches/${m.slug}`);
  }
  return EXIT.ok;
}
