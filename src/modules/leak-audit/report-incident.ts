/**
 * "A finding can open a draft incident" (issue 8): the incident desk's draft (EDPB template fields,
 * src/modules/incidents/model/incident.ts) built from leak-audit findings. Pure; the caller hands the result to
 * `incidents.create`, which validates it. The 72-hour clock is not started: `timeline.awarenessAt` is left for
 * the controller, who decides whether and when the audit made them aware of a personal-data breach.
 */
import type { PersonaField } from './model.js';
import type { AuditFinding } from './report.js';

/** Persona field → the catalogue's data class code (src/modules/catalogue/taxonomy.ts). */
export const DATA_CLASS_OF_FIELD: Readonly<Record<PersonaField, string>> = {
  email: 'email-address',
  phone: 'phone-number',
  'se-personnummer': 'se-personnummer',
  'fr-nir': 'fr-nir',
  'first-name': 'name',
  'last-name': 'name',
  postcode: 'postal-address',
  city: 'postal-address',
  street: 'postal-address',
  'birth-date': 'date-of-birth',
  // "Customer, member or policy number".
  'customer-number': 'customer-number',
  'policy-number': 'customer-number',
  // The taxonomy's "Health-related purchases (e.g. pregnancy insurance)": health data by inference, the case the
  // sensitive-term canaries exist for (reference §2, "What this means for detection").
  'sensitive-term': 'health-related-purchases',
};

const SHORT = 200;
const LONG = 5000;
const DESCRIPTION = 10_000;

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The draft's fields used here; `incidents.create` takes it as input and validates it against the full schema. */
export interface LeakIncidentDraft {
  readonly title: string;
  readonly description: string;
  readonly nature: { readonly types: readonly ['confidentiality']; readonly confidentiality: 'exfiltrated' };
  readonly incidentNature: { readonly kinds: readonly ['misconfiguration'] };
  readonly cause: { readonly actor: 'internal-non-malicious'; readonly vector: 'misconfigured-tracking'; readonly description: string };
  readonly timeline: { readonly discoveredBy: { readonly by: 'internal'; readonly description: string } };
  readonly systems: readonly string[];
  readonly dataSubjects: { readonly categories: readonly ['customers'] };
  readonly dataClasses: readonly string[];
  readonly dataDescription: string;
  readonly contacts: {
    readonly otherParties: readonly { readonly qualification: 'other'; readonly name: string; readonly contactDetails: string }[];
  };
  readonly consequences: {
    readonly confidentiality: readonly ['disclosed-beyond-purpose'];
    readonly impacts: readonly ['disclosure-to-third-parties'];
  };
}

export interface LeakIncidentOptions {
  /** Where the findings come from: "report.json of 2026-11-27" or the configuration file. */
  readonly source: string;
}

/** One draft incident for the given findings (all of a report's, or the ones a person picked). */
export function incidentDraftFromFindings(findings: readonly AuditFinding[], options: LeakIncidentOptions): LeakIncidentDraft {
  if (findings.length === 0) throw new RangeError('a leak incident needs at least one finding');
  const companies = [...new Set(findings.map((f) => f.company))].sort();
  const fields = [...new Set(findings.map((f) => f.field))].sort();
  const pages = [...new Set(findings.map((f) => f.page))].sort();
  const afterReject = findings.filter((f) => f.consent === 'reject-all').length;

  const title = clip(
    `Leak audit: customer data sent to ${companies.length === 1 ? companies[0]! : `${companies.length} companies`} from our web pages`,
    SHORT,
  );
  const lines = findings.map(
    (f) =>
      `- ${f.id}: ${f.field} → ${f.company} (${f.endpoint}) from ${f.page}, consent "${f.consent}", ` +
      `as ${f.chains.map((c) => (c.length === 0 ? 'typed' : c.join(' > '))).join(' | ')} in ${f.locations.join(', ')}` +
      (f.vendorFields.length > 0 ? ` [${f.vendorFields.join('; ')}]` : ''),
  );
  const description = clip(
    [
      `A leak audit of our web pages (${options.source}) found a test customer's data in ${findings.length} place(s) sent to ` +
        `${companies.join(', ')}.` +
        (afterReject > 0 ? ` ${afterReject} of them even after the visitor chose "Reject all".` : ''),
      'The values are test data; real customers who used the same pages are likely to have been exposed the same way.',
      'A browser audit cannot see server-side conversion APIs, audience uploads, mobile apps or vendor-side settings: check them too.',
      '',
      ...lines,
    ].join('\n'),
    DESCRIPTION,
  );

  const hosts = new Map<string, Set<string>>();
  for (const f of findings) hosts.set(f.company, (hosts.get(f.company) ?? new Set()).add(f.recipient.host));

  return {
    title,
    description,
    nature: { types: ['confidentiality'], confidentiality: 'exfiltrated' },
    incidentNature: { kinds: ['misconfiguration'] },
    cause: {
      actor: 'internal-non-malicious',
      vector: 'misconfigured-tracking',
      description: clip(`Tracking code on our pages sends ${fields.join(', ')} to ${companies.join(', ')}.`, LONG),
    },
    timeline: { discoveredBy: { by: 'internal', description: clip(`Leak audit (${options.source}).`, LONG) } },
    systems: pages.slice(0, 100).map((p) => clip(p, SHORT)),
    dataSubjects: { categories: ['customers'] },
    dataClasses: [...new Set(fields.map((f) => DATA_CLASS_OF_FIELD[f]))],
    dataDescription: clip(`Fields found: ${fields.join(', ')}.`, LONG),
    contacts: {
      otherParties: companies.slice(0, 100).map((company) => ({
        qualification: 'other' as const,
        name: clip(company, SHORT),
        contactDetails: clip([...(hosts.get(company) ?? [])].sort().join(', '), SHORT),
      })),
    },
    consequences: { confidentiality: ['disclosed-beyond-purpose'], impacts: ['disclosure-to-third-parties'] },
  };
}
