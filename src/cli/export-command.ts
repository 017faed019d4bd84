import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LookupManifest } from '../modules/lookup/index.js';
import { EXIT, usageError, type CliIo } from './io.js';

export const EXPORT_HELP = `Usage: breachdesk export-buckets DIR

Writes the look-up index of the current key epoch as static files into DIR: manifest.json and
<publication>/<bucket>.bin (padded to one size, each with its Merkle proof), for any static web server or
CDN, the way Have I Been Pwned serves its ranges. Serve DIR with CORS allowed; point the page at it with
LOOKUP_BUCKETS_URL, and the CLI with "breachdesk check --buckets URL". Cache <publication>/ forever
(immutable); manifest.json briefly. Running it again after an ingest adds the new publication and keeps the
previous one for look-ups already under way. The files hold no identifier and no key.`;

export async function exportCommand(
  args: string[],
  io: CliIo,
  deps: { publish: (dir: string) => Promise<LookupManifest> },
): Promise<number> {
  const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw usageError('give exactly one output directory: breachdesk export-buckets DIR');
  const dir = resolve(positionals[0]!);
  const started = Date.now();
  const manifest = await deps.publish(dir);
  const buckets = 2 ** manifest.bucketBits;
  io.out(
    `Published ${manifest.entries.toLocaleString('en-US')} entries of epoch ${manifest.epoch} (key ${manifest.keyFingerprint}) ` +
      `into ${dir}: ${buckets} bucket${buckets === 1 ? '' : 's'} of ${manifest.bucketBytes} bytes, publication ${manifest.publication}, ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return EXIT.ok;
}
