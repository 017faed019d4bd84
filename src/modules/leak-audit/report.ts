/**
 * The leak audit's report (issue 8, reference tracker-leak-audit.md §6 "report"): detections joined with
 * their requests and recipients, grouped into findings a DPO can act on, with a summary and the fixed list
 * of what a browser audit cannot see. Pure: the classification, the clock and the inputs come in.
 *
 * A finding is one (persona, persona field, endpoint, page, consent state): the same e-mail sent to the
 * same collector from the same page in the same consent state is one finding however many hits carried it;
 * every hit stays in `evidence`. First-party requests are not findings, unless the classifier says the host
 * is a tracker's disguised collector (then its recipient is already `party: 'third'`).
 */
import {
  CONSENT_STATES,
  type CapturedRequest,
  type ConsentState,
  type Detection,
  type FindingLocation,
  type Persona,
  type PersonaField,
  type Recipient,
} from './model.js';
import { BLIND_SPOTS, BLIND_SPOT_SOURCES, REPORT_MESSAGES, type BlindSpot } from './report-messages.js';

export const AUDIT_REPORT_VERSION = 1;

export interface AuditReportMeta {
  /** ISO 8601; given by the caller (the report is pure). */
  readonly generatedAt: string;
  readonly source: 'crawl' | 'har';
  /** The configuration file, or the HAR files (names only). */
  readonly inputs: readonly string[];
  readonly firstPartyDomains: readonly string[];
  /** The consent states the requests were collected in. */
  readonly consentStates: readonly ConsentState[];
  readonly failedSteps?: readonly { readonly consent: ConsentState; readonly step: string; readonly error?: string }[];
  readonly skippedEntries?: readonly { readonly file: string; readonly index: number; readonly reason: string }[];
  /** Hosts whose CNAME chain could not be resolved, with the failure code. */
  readonly cnameFailures?: readonly { readonly host: string; readonly code: string }[];
}

export interface BuildAuditReportInput {
  readonly requests: readonly CapturedRequest[];
  readonly detections: readonly Detection[];
  /** Who received a request (classifyRecipient with the audit's context). Called at most once per request. */
  readonly classify: (request: CapturedRequest) => Recipient;
  readonly personas: readonly Persona[];
  readonly meta: AuditReportMeta;
  /** Requests kept as evidence per finding (the rest are counted). Default 5. */
  readonly maxEvidence?: number;
}

/** One place a value was found in one request, with the request itself. */
export interface FindingEvidence {
  readonly requestId: string;
  readonly method: string;
  readonly url: string;
  /** Where the matched text sits in `url` (start, end), when it sits there as sent. */
  readonly urlMatch?: { readonly start: number; readonly end: number };
  readonly kind: CapturedRequest['kind'];
  readonly pageUrl: string;
  readonly step: string;
  readonly at: string;
  readonly initiator?: string;
  readonly location: FindingLocation;
  /** "url ud[em]", "header referer", "cookie crm_email", "body context.user.email". */
  readonly locationLabel: string;
  readonly chain: readonly string[];
  /** The text on the wire that matched (the detector's evidence, at most 200 characters). */
  readonly wireText: string;
  /** Header names and values; credentials replaced by "[redacted]", cookies other than the matched ones emptied. */
  readonly headers: readonly (readonly [string, string])[];
}

export interface AuditFinding {
  /** "F1", "F2"… in report order. */
  readonly id: string;
  readonly personaId: string;
  readonly personaLabel: string;
  readonly field: PersonaField;
  readonly recipient: Recipient;
  /** The company, or the registrable domain when no company is known. */
  readonly company: string;
  /** Host and path, without the query: where the data went. */
  readonly endpoint: string;
  /** The page's origin and path, without the query (which may itself hold the value). */
  readonly page: string;
  readonly consent: ConsentState;
  /** Each distinct transformation chain seen (vocabulary.ts), innermost first; [] = sent exactly as the persona holds it. */
  readonly chains: readonly (readonly string[])[];
  readonly vendorFields: readonly string[];
  readonly locations: readonly string[];
  readonly requestCount: number;
  readonly evidence: readonly FindingEvidence[];
}

export interface CompanySummary {
  readonly company: string;
  readonly domains: readonly string[];
  readonly findings: number;
  readonly fields: readonly PersonaField[];
  readonly consentStates: readonly ConsentState[];
}

export const CALLOUT_KINDS = ['after-reject-all', 'before-choice', 'disguised-collector', 'sensitive-term', 'identity-number'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/** A fact the summary puts first, most serious first ("after reject all" always leads when present). */
export interface Callout {
  readonly kind: CalloutKind;
  readonly findings: number;
  /** Companies, or for a disguised collector the hosts. */
  readonly subjects: readonly string[];
}

export interface AuditReport {
  readonly version: typeof AUDIT_REPORT_VERSION;
  readonly meta: AuditReportMeta & { readonly requestsAudited: number; readonly thirdPartyRequests: number };
  readonly summary: {
    readonly findings: number;
    readonly callouts: readonly Callout[];
    readonly byCompany: readonly CompanySummary[];
    readonly byField: readonly { readonly field: PersonaField; readonly findings: number; readonly companies: readonly string[] }[];
    readonly byConsent: readonly { readonly consent: ConsentState; readonly findings: number; readonly companies: readonly string[] }[];
  };
  readonly findings: readonly AuditFinding[];
  /** What no browser audit can see (reference §3.5); English text here, localised in the HTML. */
  readonly cannotSee: readonly {
    readonly code: BlindSpot;
    readonly title: string;
    readonly text: string;
    readonly sources: readonly string[];
  }[];
}

const IDENTITY_FIELDS: ReadonlySet<PersonaField> = new Set(['se-personnummer', 'fr-nir']);
/** Headers whose value is a credential: never copied into a report, even a test one. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'x-auth-token', 'x-csrf-token', 'x-xsrf-token']);
const REDACTED = '[redacted]';

function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

function pageOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

export function locationLabel(location: FindingLocation): string {
  switch (location.part) {
    case 'header':
    case 'cookie':
      return `${location.part} ${location.name}`;
    case 'url':
    case 'body':
    case 'websocket':
      return location.param === undefined ? location.part : `${location.part} ${location.param}`;
  }
}

/** Credentials out; of the cookies, only those a detection points at keep their value (they hold test data). */
function redactHeaders(headers: Readonly<Record<string, string>>, keepCookies: ReadonlySet<string>): [string, string][] {
  return Object.entries(headers)
    .map(([name, value]): [string, string] => {
      const lower = name.toLowerCase();
      if (SECRET_HEADERS.has(lower)) return [name, REDACTED];
      if (lower === 'cookie') {
        const cookies = value.split(/;\s*/).filter((c) => c !== '');
        return [
          name,
          cookies
            .map((c) => {
              const eq = c.indexOf('=');
              const cookieName = eq < 0 ? c : c.slice(0, eq);
              return keepCookies.has(cookieName) ? c : `${cookieName}=${REDACTED}`;
            })
            .join('; '),
        ];
      }
      return [name, value];
    })
    .sort(([a], [b]) => a.localeCompare(b));
}

function urlMatchOf(url: string, detection: Detection): { start: number; end: number } | undefined {
  if (detection.location.part !== 'url' || detection.evidence === '') return undefined;
  const start = url.indexOf(detection.evidence);
  return start < 0 ? undefined : { start, end: start + detection.evidence.length };
}

const chainKey = (chain: readonly string[]): string => chain.join('>');
const uniqueSorted = <T extends string>(values: Iterable<T>): T[] => [...new Set(values)].sort();

interface Group {
  readonly key: string;
  readonly detections: { readonly detection: Detection; readonly request: CapturedRequest }[];
  readonly recipient: Recipient;
  readonly persona: string;
  readonly field: PersonaField;
  readonly endpoint: string;
  readonly page: string;
  readonly consent: ConsentState;
}

export function buildAuditReport(input: BuildAuditReportInput): AuditReport {
  const { requests, detections, personas, meta } = input;
  const maxEvidence = input.maxEvidence ?? 5;
  const byId = new Map(requests.map((r) => [r.id, r]));
  const recipients = new Map<string, Recipient>();
  const recipientOf = (request: CapturedRequest): Recipient => {
    let recipient = recipients.get(request.id);
    if (!recipient) {
      recipient = input.classify(request);
      recipients.set(request.id, recipient);
    }
    return recipient;
  };

  const groups = new Map<string, Group>();
  for (const detection of detections) {
    const request = byId.get(detection.requestId);
    if (!request) continue;
    const recipient = recipientOf(request);
    if (recipient.party === 'first') continue;
    const endpoint = withoutQuery(request.url);
    const page = pageOf(request.pageUrl);
    const key = [detection.personaId, detection.field, endpoint, page, request.consent].join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        detections: [],
        recipient,
        persona: detection.personaId,
        field: detection.field,
        endpoint,
        page,
        consent: request.consent,
      };
      groups.set(key, group);
    }
    group.detections.push({ detection, request });
  }

  const consentOrder = (c: ConsentState): number => CONSENT_STATES.indexOf(c);
  const companyOf = (recipient: Recipient): string =>
    recipient.disguisedCollector?.company ?? recipient.company ?? recipient.registrableDomain;
  const rejectFirst = (g: Group): number => (g.consent === 'reject-all' ? 0 : 1);
  // Findings after "Reject all" first, then by company, page, field, endpoint and consent state.
  const ordered = [...groups.values()].sort(
    (a, b) =>
      rejectFirst(a) - rejectFirst(b) ||
      companyOf(a.recipient).localeCompare(companyOf(b.recipient)) ||
      a.page.localeCompare(b.page) ||
      a.field.localeCompare(b.field) ||
      a.endpoint.localeCompare(b.endpoint) ||
      consentOrder(a.consent) - consentOrder(b.consent),
  );

  const personaLabel = new Map(personas.map((p) => [p.id, p.label]));
  const findings: AuditFinding[] = ordered.map((group, i) => {
    const chains = new Map<string, readonly string[]>();
    const vendorFields = new Set<string>();
    const locations = new Set<string>();
    const perRequest = new Map<string, { request: CapturedRequest; detection: Detection }>();
    for (const { detection, request } of group.detections) {
      chains.set(chainKey(detection.chain), detection.chain);
      if (detection.vendorField !== undefined) vendorFields.add(detection.vendorField);
      locations.add(locationLabel(detection.location));
      if (!perRequest.has(request.id)) perRequest.set(request.id, { request, detection });
    }
    const evidence = [...perRequest.values()].slice(0, maxEvidence).map(({ request, detection }): FindingEvidence => {
      const keepCookies = new Set(
        group.detections
          .filter((d) => d.request.id === request.id && d.detection.location.part === 'cookie')
          .map((d) => (d.detection.location as { name: string }).name),
      );
      const urlMatch = urlMatchOf(request.url, detection);
      return {
        requestId: request.id,
        method: request.method,
        url: request.url,
        ...(urlMatch ? { urlMatch } : {}),
        kind: request.kind,
        pageUrl: request.pageUrl,
        step: request.step,
        at: request.at,
        ...(request.initiator !== undefined ? { initiator: request.initiator } : {}),
        location: detection.location,
        locationLabel: locationLabel(detection.location),
        chain: detection.chain,
        wireText: detection.evidence,
        headers: redactHeaders(request.headers, keepCookies),
      };
    });
    return {
      id: `F${i + 1}`,
      personaId: group.persona,
      personaLabel: personaLabel.get(group.persona) ?? group.persona,
      field: group.field,
      recipient: group.recipient,
      company: companyOf(group.recipient),
      endpoint: group.endpoint,
      page: group.page,
      consent: group.consent,
      chains: [...chains.values()],
      vendorFields: [...vendorFields].sort(),
      locations: [...locations].sort(),
      requestCount: perRequest.size,
      evidence,
    };
  });

  const thirdPartyRequests = requests.filter((r) => {
    try {
      return recipientOf(r).party === 'third';
    } catch {
      return false; // not an http(s) URL with a host: nobody received it
    }
  }).length;

  return {
    version: AUDIT_REPORT_VERSION,
    meta: { ...meta, requestsAudited: requests.length, thirdPartyRequests },
    summary: summarise(findings),
    findings,
    cannotSee: BLIND_SPOTS.map((code) => ({ code, ...REPORT_MESSAGES.en.cannotSee[code], sources: BLIND_SPOT_SOURCES[code] })),
  };
}

function summarise(findings: readonly AuditFinding[]): AuditReport['summary'] {
  const companies = (list: readonly AuditFinding[]): string[] => uniqueSorted(list.map((f) => f.company));
  const callout = (kind: CalloutKind, list: readonly AuditFinding[], subjects: readonly string[]): Callout[] =>
    list.length === 0 ? [] : [{ kind, findings: list.length, subjects }];
  const disguised = findings.filter((f) => f.recipient.disguisedCollector !== undefined);
  const rejected = findings.filter((f) => f.consent === 'reject-all');
  const beforeChoice = findings.filter((f) => f.consent === 'no-choice');
  const sensitive = findings.filter((f) => f.field === 'sensitive-term');
  const identity = findings.filter((f) => IDENTITY_FIELDS.has(f.field));

  const byCompany = new Map<string, AuditFinding[]>();
  for (const f of findings) byCompany.set(f.company, [...(byCompany.get(f.company) ?? []), f]);
  const byField = new Map<PersonaField, AuditFinding[]>();
  for (const f of findings) byField.set(f.field, [...(byField.get(f.field) ?? []), f]);

  return {
    findings: findings.length,
    callouts: [
      ...callout('after-reject-all', rejected, companies(rejected)),
      ...callout('before-choice', beforeChoice, companies(beforeChoice)),
      ...callout('disguised-collector', disguised, uniqueSorted(disguised.map((f) => f.recipient.host))),
      ...callout('sensitive-term', sensitive, companies(sensitive)),
      ...callout('identity-number', identity, companies(identity)),
    ],
    byCompany: [...byCompany.entries()]
      .map(([company, list]) => ({
        company,
        domains: uniqueSorted(list.map((f) => f.recipient.registrableDomain)),
        findings: list.length,
        fields: uniqueSorted(list.map((f) => f.field)),
        consentStates: CONSENT_STATES.filter((c) => list.some((f) => f.consent === c)),
      }))
      .sort((a, b) => b.findings - a.findings || a.company.localeCompare(b.company)),
    byField: [...byField.entries()]
      .map(([field, list]) => ({ field, findings: list.length, companies: companies(list) }))
      .sort((a, b) => b.findings - a.findings || a.field.localeCompare(b.field)),
    byConsent: CONSENT_STATES.map((consent) => {
      const list = findings.filter((f) => f.consent === consent);
      return { consent, findings: list.length, companies: companies(list) };
    }),
  };
}
