/**
 * The leak audit wired end to end (issue 8): collect (a Chromium crawl of an audit configuration, or HAR files)
 * → detect (persona canaries) → classify (registrable domain, company, CNAME chains over DNS for first-party
 * hosts) → report (report.json and a self-contained report.html). A composition root: the only place that
 * joins the adapters (Chromium, DNS, files) to the pure module.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createDnsCnameResolver } from '../adapters/dns-cname-resolver.js';
import { createLeakCrawler, importHarFile, launchAuditChromium, loadAuditConfigFile } from '../adapters/leak-crawler.js';
import {
  buildAuditReport,
  classifyRecipient,
  CONSENT_STATES,
  createLeakDetector,
  incidentDraftFromFindings,
  parsePersonas,
  parseStructuredText,
  registrableDomainOf,
  renderAuditReportHtml,
  type AuditFinding,
  type AuditReport,
  type AuditReportMeta,
  type CapturedRequest,
  type CnameResolver,
  type ConsentState,
  type Detection,
  type ExtraEntity,
  type Persona,
  type ResolvedAuditConfig,
} from '../modules/leak-audit/index.js';
import type { Incidents, StoredIncident } from '../modules/incidents/index.js';
import type { DeskContext } from '../modules/organisations/index.js';
import { AppError, validationError } from '../platform/errors.js';
import type { Locale } from '../platform/locale.js';

export interface AuditOptions {
  /** Where report.json and report.html go; nothing is written without it. */
  readonly outDir?: string;
  readonly lang?: Locale;
  /** The organisation's domains; default: the hosts of the audited pages (config URLs, or the HAR's page URLs). */
  readonly firstPartyDomains?: readonly string[];
  /** Domain → company mappings looked up before third-party-web (a test site's own domains, a correction). */
  readonly extraEntities?: readonly ExtraEntity[];
  /** Default: DNS through the system resolver. `null`: no CNAME resolution (noted in the report). */
  readonly cnameResolver?: CnameResolver | null;
  /** An already launched browser (kept open); else Debian's Chromium is launched and closed. */
  readonly browser?: Browser;
  readonly executablePath?: string;
  readonly chromiumArgs?: readonly string[];
  /** Overrides the configuration's timeouts (tests). */
  readonly timeouts?: ResolvedAuditConfig['timeouts'];
  readonly now?: () => Date;
}

export interface AuditRun {
  readonly report: AuditReport;
  readonly requests: readonly CapturedRequest[];
  readonly detections: readonly Detection[];
  /** The files written, when `outDir` was given. */
  readonly files?: { readonly json: string; readonly html: string };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read';
    throw new AppError('INPUT_FILE_UNREADABLE', `${file}: ${reason}`, { cause, data: { file } });
  }
}

function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

function configUrls(config: ResolvedAuditConfig): string[] {
  const urls: string[] = [...config.startUrls];
  for (const run of config.consent) if (run.url !== undefined) urls.push(run.url);
  if (config.login?.url !== undefined) urls.push(config.login.url);
  for (const flow of config.flows) for (const step of flow.steps) if (step.action === 'goto') urls.push(step.url);
  return urls;
}

const uniqueDomains = (urls: readonly string[]): string[] =>
  [
    ...new Set(
      urls
        .map(hostOf)
        .filter((h): h is string => h !== undefined)
        .map(registrableDomainOf),
    ),
  ].sort();

/** Detect, resolve the first-party hosts' CNAME chains, classify and report. */
async function analyse(
  requests: readonly CapturedRequest[],
  personas: readonly Persona[],
  firstPartyDomains: readonly string[],
  meta: Omit<AuditReportMeta, 'firstPartyDomains' | 'cnameFailures' | 'consentStates'>,
  options: AuditOptions,
): Promise<{ report: AuditReport; detections: Detection[] }> {
  const detector = createLeakDetector(personas);
  const detections = requests.flatMap((r) => detector.detect(r));

  // Only a first-party host can be a cloaked collector: those are the names asked about.
  const firstParty = new Set(firstPartyDomains.map(registrableDomainOf));
  const ownHosts = [...new Set(requests.map((r) => hostOf(r.url)).filter((h): h is string => h !== undefined))].filter((h) =>
    firstParty.has(registrableDomainOf(h)),
  );
  const resolver = options.cnameResolver === undefined ? createDnsCnameResolver() : options.cnameResolver;
  const resolution = resolver && ownHosts.length > 0 ? await resolver.resolveCnameChains(ownHosts) : undefined;
  const context = {
    firstPartyDomains,
    ...(resolution ? { cnames: resolution.chains } : {}),
    ...(options.extraEntities ? { extraEntities: options.extraEntities } : {}),
  };
  const consentStates = CONSENT_STATES.filter((c) => requests.some((r) => r.consent === c));
  const report = buildAuditReport({
    requests,
    detections,
    personas,
    classify: (request) => classifyRecipient(request.url, context),
    meta: {
      ...meta,
      firstPartyDomains,
      consentStates,
      ...(resolution && resolution.failures.size > 0
        ? { cnameFailures: [...resolution.failures].map(([host, failure]) => ({ host, code: failure.code })) }
        : {}),
    },
  });
  return { report, detections };
}

export async function writeAuditReport(report: AuditReport, outDir: string, lang: Locale = 'en'): Promise<{ json: string; html: string }> {
  await mkdir(outDir, { recursive: true });
  const json = join(outDir, 'report.json');
  const html = join(outDir, 'report.html');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(html, renderAuditReportHtml(report, lang));
  return { json, html };
}

async function finish(
  report: AuditReport,
  requests: readonly CapturedRequest[],
  detections: Detection[],
  options: AuditOptions,
): Promise<AuditRun> {
  const files = options.outDir !== undefined ? await writeAuditReport(report, options.outDir, options.lang) : undefined;
  return { report, requests, detections, ...(files ? { files } : {}) };
}

/** Crawls the configuration in Chromium in each of its consent states, then detects, classifies and reports. */
export async function runAudit(configFile: string, options: AuditOptions = {}): Promise<AuditRun> {
  const config = await loadAuditConfigFile(configFile);
  const browser =
    options.browser ??
    (await launchAuditChromium({
      ...(options.executablePath !== undefined ? { executablePath: options.executablePath } : {}),
      ...(options.chromiumArgs ? { extraArgs: [...options.chromiumArgs] } : {}),
    }));
  let crawl;
  try {
    crawl = await createLeakCrawler({ browser }).crawl(options.timeouts ? { ...config, timeouts: options.timeouts } : config);
  } finally {
    if (!options.browser) await browser.close();
  }
  const firstPartyDomains = options.firstPartyDomains ? [...options.firstPartyDomains] : uniqueDomains(configUrls(config));
  const { report, detections } = await analyse(
    crawl.requests,
    config.personas,
    firstPartyDomains,
    {
      generatedAt: (options.now?.() ?? new Date()).toISOString(),
      source: 'crawl',
      inputs: [basename(configFile)],
      failedSteps: crawl.steps
        .filter((s) => !s.ok)
        .map((s) => ({ consent: s.consent, step: s.step, ...(s.error !== undefined ? { error: s.error } : {}) })),
    },
    options,
  );
  return finish(report, crawl.requests, detections, options);
}

export interface HarAuditOptions extends AuditOptions {
  /** The consent state the HAR was recorded in (default no-choice). */
  readonly consent?: ConsentState;
}

/** Imports HAR files (request ids prefixed per file so they stay unique), then detects, classifies and reports. */
export async function auditHar(files: readonly string[], personasFile: string, options: HarAuditOptions = {}): Promise<AuditRun> {
  if (files.length === 0) throw validationError([{ path: 'files', message: 'give at least one HAR file' }], 'audit har');
  const personas = parsePersonas(await readText(personasFile), personasFile);
  const requests: CapturedRequest[] = [];
  const skippedEntries: { file: string; index: number; reason: string }[] = [];
  for (const [i, file] of files.entries()) {
    const { requests: imported, skipped } = await importHarFile(file, { consent: options.consent ?? 'no-choice' });
    requests.push(...imported.map((r) => (files.length > 1 ? { ...r, id: `h${i + 1}.${r.id}` } : r)));
    skippedEntries.push(...skipped.map((s) => ({ file: basename(file), index: s.index, reason: s.reason })));
  }
  const firstPartyDomains = options.firstPartyDomains ? [...options.firstPartyDomains] : uniqueDomains(requests.map((r) => r.pageUrl));
  const { report, detections } = await analyse(
    requests,
    personas,
    firstPartyDomains,
    {
      generatedAt: (options.now?.() ?? new Date()).toISOString(),
      source: 'har',
      inputs: files.map((f) => basename(f)),
      ...(skippedEntries.length > 0 ? { skippedEntries } : {}),
    },
    options,
  );
  return finish(report, requests, detections, options);
}

/** Reads an extra-entities file (YAML or JSON): a list of { domain, company, category }. */
export async function loadExtraEntities(file: string): Promise<ExtraEntity[]> {
  const raw = parseStructuredText(await readText(file), file);
  if (!Array.isArray(raw)) throw validationError([{ path: '', message: 'must be a list of { domain, company, category }' }], file);
  const issues: { path: string; message: string }[] = [];
  const entities: ExtraEntity[] = [];
  raw.forEach((item: unknown, i) => {
    const e = item as Partial<Record<'domain' | 'company' | 'category', unknown>> | null;
    const missing = (['domain', 'company', 'category'] as const).filter((k) => typeof e?.[k] !== 'string' || e[k] === '');
    for (const k of missing) issues.push({ path: `[${i}].${k}`, message: 'must be a non-empty string' });
    if (missing.length === 0) entities.push({ domain: String(e!.domain), company: String(e!.company), category: String(e!.category) });
  });
  if (issues.length > 0) throw validationError(issues, file);
  return entities;
}

/**
 * Opens one draft incident in the organisation's desk for these findings (issue 8: "a finding can open a draft
 * incident"). The incident desk validates it like any other draft.
 */
export async function openLeakIncident(
  deps: { readonly incidents: Pick<Incidents, 'create'>; readonly context: () => Promise<DeskContext> },
  findings: readonly AuditFinding[],
  source: string,
): Promise<StoredIncident> {
  if (findings.length === 0) throw new AppError('VALIDATION_FAILED', 'no finding to open an incident for');
  return deps.incidents.create(await deps.context(), incidentDraftFromFindings(findings, { source }));
}
