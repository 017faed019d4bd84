import { parseArgs } from 'node:util';
import type { AuditFinding, AuditReport, ConsentState, ExtraEntity } from '../modules/leak-audit/index.js';
import { CONSENT_STATES } from '../modules/leak-audit/index.js';
import { LOCALES, type Locale } from '../platform/locale.js';
import { EXIT, usageError, type CliIo } from './io.js';

export const AUDIT_HELP = `Usage:
  breachdesk audit run --config audit.yaml [--out DIR] [--lang en|fr|sv] [options]
  breachdesk audit har FILE.har... --personas personas.yaml [--consent STATE] [--out DIR] [--lang en|fr|sv] [options]

Audits your own web pages for your customers' data reaching third parties (trackers, pixels, analytics).
"run" drives Chromium through the configuration's pages and flows in each consent state it lists;
"har" reads HAR files recorded in a browser (for flows no script can do, such as a BankID login).
Both search every request for the personas' test values (plain, normalised, hashed, encoded), name the
company that received each, and write DIR/report.json and DIR/report.html (default DIR: ./leak-audit).

Options:
  --out DIR            Where to write report.json and report.html (default ./leak-audit).
  --lang en|fr|sv      Language of report.html (default en).
  --consent STATE      har: the consent state the HAR was recorded in: accept-all, reject-all, no-choice
                       (default no-choice).
  --first-party DOMAIN Your domain; repeat for several (default: the domains of the audited pages).
  --entities FILE      Extra domain → company mappings (YAML or JSON list of {domain, company, category}).
  --skip-dns           Do not resolve your hosts' CNAME records (CNAME-cloaked collectors then go unseen).
  --open-incident      Open one draft incident with the findings in the organisation's desk (needs --org).
  --keep               Keep the report in the organisation's desk, where its console lists it (needs --org).
  --org SLUG           The organisation whose desk gets the draft incident or keeps the report.

Exit status: 0 no finding, 3 findings (personal data reached a third party; the report says where),
1 the audit could not run (the message names the file, line and field), 2 usage error.
A browser audit cannot see server-side conversion APIs, audience uploads, mobile apps or e-mail pixels:
the report lists them.`;

/** Findings were reported: distinct from a failure, so CI can fail a build on leaks. */
export const EXIT_LEAKS_FOUND = 3;

export interface AuditRunResult {
  readonly report: AuditReport;
  readonly files?: { readonly json: string; readonly html: string };
}

export interface AuditCommonOptions {
  readonly outDir: string;
  readonly lang: Locale;
  readonly firstPartyDomains?: readonly string[];
  readonly extraEntities?: readonly ExtraEntity[];
  readonly cnameResolver?: null;
}

export interface AuditCommandDeps {
  runAudit(configFile: string, options: AuditCommonOptions): Promise<AuditRunResult>;
  auditHar(
    files: readonly string[],
    personasFile: string,
    options: AuditCommonOptions & { consent: ConsentState },
  ): Promise<AuditRunResult>;
  loadExtraEntities(file: string): Promise<ExtraEntity[]>;
  /** Opens a draft incident in the organisation's desk; returns its id. */
  openIncident(orgSlug: string, findings: readonly AuditFinding[], source: string): Promise<{ readonly id: string }>;
  /** Keeps the report for the organisation (its console's leak-audit pages); returns its id. */
  keepReport(orgSlug: string, report: AuditReport): Promise<{ readonly id: string }>;
}

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);
const isConsent = (value: string): value is ConsentState => (CONSENT_STATES as readonly string[]).includes(value);

export async function auditCommand(args: string[], io: CliIo, deps: AuditCommandDeps): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'run' && sub !== 'har') throw usageError(`unknown audit command "${sub ?? ''}": use "audit run" or "audit har"`);
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: sub === 'har',
    options: {
      config: { type: 'string' },
      personas: { type: 'string' },
      consent: { type: 'string' },
      out: { type: 'string', default: 'leak-audit' },
      lang: { type: 'string', default: 'en' },
      'first-party': { type: 'string', multiple: true },
      entities: { type: 'string' },
      'skip-dns': { type: 'boolean', default: false },
      'open-incident': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      org: { type: 'string' },
    },
  });
  if (!isLocale(values.lang)) throw usageError(`--lang must be one of ${LOCALES.join(', ')}, got "${values.lang}"`);
  if (values['open-incident'] && values.org === undefined) throw usageError('--open-incident needs --org SLUG');
  if (values.keep && values.org === undefined) throw usageError('--keep needs --org SLUG');
  if (values.org !== undefined && !values['open-incident'] && !values.keep)
    throw usageError('--org only applies with --open-incident or --keep');
  const common: AuditCommonOptions = {
    outDir: values.out,
    lang: values.lang,
    ...(values['first-party'] ? { firstPartyDomains: values['first-party'] } : {}),
    ...(values.entities !== undefined ? { extraEntities: await deps.loadExtraEntities(values.entities) } : {}),
    ...(values['skip-dns'] ? { cnameResolver: null } : {}),
  };

  let result: AuditRunResult;
  let source: string;
  if (sub === 'run') {
    if (values.config === undefined) throw usageError('audit run needs --config FILE');
    if (values.personas !== undefined || values.consent !== undefined)
      throw usageError('--personas and --consent belong to "audit har"; "audit run" takes them from the configuration');
    result = await deps.runAudit(values.config, common);
    source = `breachdesk audit run --config ${values.config}`;
  } else {
    if (positionals.length === 0) throw usageError('audit har needs at least one HAR file');
    if (values.personas === undefined) throw usageError('audit har needs --personas FILE');
    if (values.config !== undefined) throw usageError('--config belongs to "audit run"');
    const consent = values.consent ?? 'no-choice';
    if (!isConsent(consent)) throw usageError(`--consent must be one of ${CONSENT_STATES.join(', ')}, got "${consent}"`);
    result = await deps.auditHar(positionals, values.personas, { ...common, consent });
    source = `breachdesk audit har ${positionals.join(' ')}`;
  }

  printSummary(io, result);
  if (values.keep && values.org !== undefined) {
    const kept = await deps.keepReport(values.org, result.report);
    io.out(`Report ${kept.id} kept in the desk of ${values.org}.`);
  }
  if (values['open-incident'] && values.org !== undefined) {
    if (result.report.findings.length === 0) io.out('No finding: no incident opened.');
    else {
      const incident = await deps.openIncident(values.org, result.report.findings, source);
      io.out(`Draft incident ${incident.id} opened in the desk of ${values.org}.`);
    }
  }
  return result.report.findings.length > 0 ? EXIT_LEAKS_FOUND : EXIT.ok;
}

function printSummary(io: CliIo, { report, files }: AuditRunResult): void {
  const s = report.summary;
  const rejected = s.byConsent.find((c) => c.consent === 'reject-all')?.findings ?? 0;
  io.out(
    `${s.findings} finding${s.findings === 1 ? '' : 's'} in ${report.meta.requestsAudited} requests ` +
      `(${report.meta.consentStates.join(', ')})${rejected > 0 ? `, ${rejected} even after "Reject all"` : ''}.`,
  );
  for (const c of s.byCompany) io.out(`  ${c.company}: ${c.findings} (${c.fields.join(', ')})`);
  if (files) io.out(`Report: ${files.html} and ${files.json}`);
}
