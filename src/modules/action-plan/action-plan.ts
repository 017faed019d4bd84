// Imported from the exposure files themselves, not the module's index: the plan is made in the browser.
import type { Exposure, TriggeredScenario } from '../exposure/exposure.js';
import { SEVERITIES, type ScenarioId } from '../exposure/scenarios.js';

/**
 * The personal action plan: which steps a person should take, how soon, and on what authority, given the
 * risk scenarios their exposure triggers and the country they live in. Pure data; the words are in
 * plan-messages.ts and the layout in plan-view.ts / plan-pdf.ts.
 *
 * Every fact a step relies on is backed by a source: 'reference' facts are in ../shared/reference
 * (gdpr-breach-workflow.md §4.3 unless said otherwise), 'law' facts are articles of EU law, and the few
 * 'outside-reference' facts are well-established official ones the reference does not hold.
 */

export const PLAN_COUNTRIES = ['FR', 'SE', 'other'] as const;
export type PlanCountry = (typeof PLAN_COUNTRIES)[number];

export const URGENCIES = ['now', 'this-week', 'ongoing', 'if-it-happens'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const STEP_IDS = [
  'ask-the-organisation',
  'beware-delivery-texts',
  'beware-phishing',
  'block-payment-card',
  'check-direct-debits',
  'check-health-insurance-account',
  'complain-to-authority',
  'expect-targeted-scams',
  'guard-identity',
  'replace-identity-documents',
  'report-identity-theft',
  'report-scams',
  'resist-blackmail',
  'secure-accounts',
  'sign-up-for-alerts',
  'watch-for-forged-documents',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The event a time limit runs from. */
export const DEADLINE_EVENTS = ['debit'] as const;
export type DeadlineEvent = (typeof DEADLINE_EVENTS)[number];

/** A time limit that runs from an event the person will see (e.g. a debit on their statement). */
export interface Deadline {
  readonly kind: 'after-event';
  readonly months: number;
  readonly event: DeadlineEvent;
}

export const SOURCE_BASES = ['reference', 'law', 'outside-reference'] as const;
export type SourceBasis = (typeof SOURCE_BASES)[number];

export const SOURCE_IDS = [
  'ameli',
  'banque-de-france-sepa',
  'chronopost-sms',
  'cnil',
  'cnil-advice',
  'cnil-iban',
  'cybermalveillance-leak',
  'edpb',
  'gdpr-art-12',
  'gdpr-art-15',
  'gdpr-art-34',
  'gdpr-art-77',
  'gendarmerie-identity',
  'generali-identity',
  'imy',
  'polisen',
  'psd2-art-71',
  'psd2-art-73',
  'psd2-art-76-77',
  'signal-arnaques',
  'spam-33700',
  'uc-fraud-block',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/**
 * Where a step's facts come from. `note` is for maintainers (reference file and section, or the article);
 * the person sees a localised label for `id` (plan-messages.ts) and the URL.
 */
export interface StepSource {
  readonly id: SourceId;
  readonly url: string;
  readonly basis: SourceBasis;
  readonly note: string;
}

export interface PlanStep {
  readonly id: StepId;
  readonly urgency: Urgency;
  /** The person's triggered scenarios this step answers, most severe first; empty for the general steps. */
  readonly scenarios: readonly ScenarioId[];
  /** Union of the triggering classes of those scenarios, in taxonomy order, with the breaches (slugs) each came from. */
  readonly because: readonly { readonly dataClass: string; readonly breaches: readonly string[] }[];
  /** True when one of those scenarios needs data from two or more breaches. */
  readonly crossBreach: boolean;
  readonly deadline: Deadline | null;
  readonly sources: readonly StepSource[];
}

export interface ActionPlan {
  readonly country: PlanCountry;
  /** By urgency, then by the most severe scenario answered (general steps last), then by id. */
  readonly steps: readonly PlanStep[];
}

const WORKFLOW = 'gdpr-breach-workflow.md';
const ANCHORS = 'anchors-hibp-monitor.md';
const GDPR_URL = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';
const PSD2_URL = 'https://eur-lex.europa.eu/eli/dir/2015/2366/oj';

export const SOURCES: Readonly<Record<SourceId, Omit<StepSource, 'id'>>> = {
  // --- reference: ../shared/reference ----------------------------------------------------------
  'cnil-advice': {
    url: 'https://www.cnil.fr/fr/conseils-fuite-vol-donnees',
    basis: 'reference',
    note: `${WORKFLOW} §4.3 Any: targeted phishing; do not click, type the address yourself; no third-party checkers; ask the organisation, the CNIL cannot tell you`,
  },
  'cnil-iban': {
    url: 'https://cnil.fr/fr/fuite-de-donnees-sur-internet-et-vol-de-votre-iban-comment-vous-proteger-si-vous-etes-concerne',
    basis: 'reference',
    note: `${WORKFLOW} §4.3 IBAN: watch statements, check the authorised creditors, query unknown mandates`,
  },
  'banque-de-france-sepa': {
    url: 'https://www.banque-france.fr/fr/a-votre-service/particuliers/mieux-connaitre-moyens-paiement/prelevement-sepa',
    basis: 'reference',
    note: `${WORKFLOW} §4.3 IBAN: contesting (13 months, 70 days outside the EU/EEA, 8 weeks, refund next business day)`,
  },
  'cybermalveillance-leak': {
    url: 'https://cybermalveillance.gouv.fr/tous-nos-contenus/fiches-reflexes/que-faire-en-cas-de-fuite-de-donnees-personnelles',
    basis: 'reference',
    note: `${WORKFLOW} §4.3 Password / account: change it everywhere reused, enable 2FA; ${ANCHORS} §6 official guidance`,
  },
  'chronopost-sms': {
    url: 'https://www.chronopost.fr/fr/aide/faq/suivre-vos-envois/le-smsemail-que-jai-recu-t-il-bien-ete-envoye-par-chronopost',
    basis: 'reference',
    note: `${WORKFLOW} §4.3 Phone + address (Chronopost): sender 38004, no ID or fees, abuse@chronopost.fr`,
  },
  'signal-arnaques': {
    url: 'https://info.signal-arnaques.com/bonnes-pratiques/vol-documents-identite-internet/',
    basis: 'reference',
    note: `${WORKFLOW} §4.3 Scam attempt received: report to Signal Arnaques`,
  },
  'gendarmerie-identity': {
    url: 'https://ops.gcommegendarme.fr/memento-police-judiciaire/usurpation-d-identite',
    basis: 'reference',
    note: `${WORKFLOW} §4.3 ID card / identity data: complaint per fact, cancel and renew, tell banks, Banque de France FICP/FCC`,
  },
  'generali-identity': {
    url: 'https://generali.fr/actu/faire-reconnaitre-une-usurpation-identite',
    basis: 'reference',
    note: `${WORKFLOW} §4.3 ID card / identity data: sworn statement and copy of the complaint to organisations pursuing you`,
  },
  cnil: {
    url: 'https://www.cnil.fr',
    basis: 'reference',
    note: `${WORKFLOW} §4.3 Organisation failed its duties: complain to the CNIL; over 2,500 complaints fed the Free case`,
  },
  ameli: {
    // The §4.3 row's own link (rtl.be) is truncated in the reference, so it is not reproduced here.
    url: 'https://www.ameli.fr',
    basis: 'reference',
    note: `${WORKFLOW} §4.3 NIR + civil status + insurer: wary of refund contacts, check account movements, insurers inform individually; ${ANCHORS} §5 item 5 (ameli and mutuelle checks)`,
  },
  // --- law -------------------------------------------------------------------------------------
  'gdpr-art-12': { url: GDPR_URL, basis: 'law', note: 'GDPR (Regulation (EU) 2016/679) Art. 12(3): answer within one month' },
  'gdpr-art-15': { url: GDPR_URL, basis: 'law', note: 'GDPR Art. 15: right of access' },
  'gdpr-art-34': { url: GDPR_URL, basis: 'law', note: 'GDPR Art. 34: duty to inform the person of a high-risk breach' },
  'gdpr-art-77': { url: GDPR_URL, basis: 'law', note: 'GDPR Art. 77: right to lodge a complaint with a supervisory authority' },
  'psd2-art-71': {
    url: PSD2_URL,
    basis: 'law',
    note: 'PSD2 (Directive (EU) 2015/2366) Art. 71: notify an unauthorised payment without undue delay, at the latest 13 months after the debit date',
  },
  'psd2-art-73': {
    url: PSD2_URL,
    basis: 'law',
    note: 'PSD2 Art. 73: refund an unauthorised payment at the latest by the end of the following business day',
  },
  'psd2-art-76-77': {
    url: PSD2_URL,
    basis: 'law',
    note: 'PSD2 Art. 76-77: refund of an authorised direct debit on request within 8 weeks, answered within 10 business days',
  },
  // --- outside the reference: official facts, kept few -----------------------------------------
  polisen: {
    url: 'https://polisen.se',
    basis: 'outside-reference',
    note: 'Swedish Police: report a crime online at polisen.se or by phone on 114 14',
  },
  'uc-fraud-block': {
    url: 'https://www.uc.se',
    basis: 'outside-reference',
    note: 'UC, a Swedish credit bureau: registers a bedrägerispärr (fraud block) that warns anyone running a credit check on you',
  },
  imy: {
    url: 'https://www.imy.se',
    basis: 'outside-reference',
    note: 'IMY (Integritetsskyddsmyndigheten), the Swedish supervisory authority: takes complaints from individuals',
  },
  edpb: {
    url: 'https://www.edpb.europa.eu',
    basis: 'outside-reference',
    note: 'European Data Protection Board: lists the national supervisory authorities (its members)',
  },
  'spam-33700': {
    url: 'https://www.33700.fr',
    basis: 'outside-reference',
    note: 'France: forward spam and scam text messages to 33700, the operators’ reporting number',
  },
};

/** A source cited only for some countries, or only when a Chronopost breach is behind the step. */
interface SourceRef {
  readonly id: SourceId;
  readonly countries?: readonly PlanCountry[];
  readonly chronopost?: true;
}

interface StepRule {
  readonly id: StepId;
  readonly urgency: Urgency;
  /** Scenarios the step answers; the step is in the plan when the person triggers any of them. Empty: always. */
  readonly answers: readonly ScenarioId[];
  readonly deadline?: Deadline;
  readonly sources: readonly SourceRef[];
}

const THIRTEEN_MONTHS_AFTER_DEBIT: Deadline = { kind: 'after-event', months: 13, event: 'debit' };

export const STEP_RULES: readonly StepRule[] = [
  // --- now -------------------------------------------------------------------------------------
  {
    id: 'secure-accounts',
    urgency: 'now',
    answers: ['account-takeover'],
    sources: [{ id: 'cybermalveillance-leak' }],
  },
  {
    // The reference has no card row in §4.3 (the scenario comes from ENISA's financial score and
    // Monitor's credit-card step, anchors §2.1); the time limits are PSD2's.
    id: 'block-payment-card',
    urgency: 'now',
    answers: ['payment-card-fraud'],
    deadline: THIRTEEN_MONTHS_AFTER_DEBIT,
    sources: [{ id: 'psd2-art-71' }, { id: 'psd2-art-73' }],
  },
  {
    id: 'check-direct-debits',
    urgency: 'now',
    answers: ['sepa-direct-debit-fraud'],
    deadline: THIRTEEN_MONTHS_AFTER_DEBIT,
    sources: [{ id: 'cnil-iban' }, { id: 'banque-de-france-sepa' }, { id: 'psd2-art-71' }, { id: 'psd2-art-73' }, { id: 'psd2-art-76-77' }],
  },
  {
    id: 'replace-identity-documents',
    urgency: 'now',
    answers: ['identity-theft'],
    sources: [{ id: 'gendarmerie-identity' }],
  },
  // --- this week -------------------------------------------------------------------------------
  {
    id: 'guard-identity',
    urgency: 'this-week',
    answers: ['identity-theft', 'identity-fraud'],
    sources: [{ id: 'gendarmerie-identity' }, { id: 'uc-fraud-block', countries: ['SE'] }],
  },
  {
    // Health-refund scams are French (the rule needs a NIR), so every country gets the ameli/mutuelle checks.
    id: 'check-health-insurance-account',
    urgency: 'this-week',
    answers: ['health-refund-fraud'],
    sources: [{ id: 'ameli' }, { id: 'cnil-advice' }],
  },
  {
    id: 'ask-the-organisation',
    urgency: 'this-week',
    answers: [],
    sources: [{ id: 'gdpr-art-15' }, { id: 'gdpr-art-12' }, { id: 'cnil-advice' }],
  },
  // --- ongoing ---------------------------------------------------------------------------------
  {
    id: 'beware-delivery-texts',
    urgency: 'ongoing',
    answers: ['fake-delivery-phishing'],
    sources: [{ id: 'cnil-advice' }, { id: 'chronopost-sms', chronopost: true }],
  },
  {
    id: 'beware-phishing',
    urgency: 'ongoing',
    answers: ['targeted-phishing', 'email-phishing', 'phone-scam'],
    sources: [{ id: 'cnil-advice' }],
  },
  {
    // Folksam-style profiling (anchors §5 item 4): the reference's advice is the general "Any" row.
    id: 'expect-targeted-scams',
    urgency: 'ongoing',
    answers: ['targeted-profiling-scam'],
    sources: [{ id: 'cnil-advice' }],
  },
  {
    // No reference row covers leaked signatures; the identity-data row is the nearest, so the advice
    // stays general (watch the post, contest in writing) and reporting goes through report-identity-theft.
    id: 'watch-for-forged-documents',
    urgency: 'ongoing',
    answers: ['forged-documents'],
    sources: [{ id: 'gendarmerie-identity' }],
  },
  {
    // The alerts are breachdesk's own feature (anchors §2.1 "Breach alerts", §5 item 7); the CNIL's warning
    // against third-party checkers is why the plan points nowhere else.
    id: 'sign-up-for-alerts',
    urgency: 'ongoing',
    answers: [],
    sources: [{ id: 'cnil-advice' }],
  },
  // --- if it happens ---------------------------------------------------------------------------
  {
    id: 'report-identity-theft',
    urgency: 'if-it-happens',
    answers: ['identity-theft', 'identity-fraud', 'forged-documents'],
    sources: [{ id: 'gendarmerie-identity' }, { id: 'generali-identity' }, { id: 'polisen', countries: ['SE'] }],
  },
  {
    id: 'report-scams',
    urgency: 'if-it-happens',
    answers: [
      'targeted-phishing',
      'email-phishing',
      'phone-scam',
      'fake-delivery-phishing',
      'health-refund-fraud',
      'targeted-profiling-scam',
    ],
    sources: [
      // Signal Arnaques is a French association with French pages: not where a person in Sweden reports.
      { id: 'signal-arnaques', countries: ['FR', 'other'] },
      { id: 'cybermalveillance-leak', countries: ['FR'] },
      { id: 'spam-33700', countries: ['FR'] },
      { id: 'polisen', countries: ['SE'] },
    ],
  },
  {
    // The reference has nothing specific for health or other sensitive data ("[U]" in §4.3), so this is
    // only the general advice: do not pay, keep evidence, report to the police.
    id: 'resist-blackmail',
    urgency: 'if-it-happens',
    answers: ['sensitive-data-blackmail'],
    sources: [{ id: 'cnil-advice' }, { id: 'polisen', countries: ['SE'] }],
  },
  {
    id: 'complain-to-authority',
    urgency: 'if-it-happens',
    answers: [],
    sources: [
      { id: 'gdpr-art-34' },
      { id: 'gdpr-art-77' },
      { id: 'cnil', countries: ['FR'] },
      { id: 'imy', countries: ['SE'] },
      { id: 'edpb', countries: ['other'] },
    ],
  },
];

/** True when a breach behind the step is Chronopost's: its slug contains "chronopost". */
export function involvesChronopost(step: Pick<PlanStep, 'because'>): boolean {
  return step.because.some((b) => b.breaches.some((slug) => slug.includes('chronopost')));
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const severityRank = (scenario: TriggeredScenario): number => SEVERITIES.indexOf(scenario.severity);

export function buildActionPlan(exposure: Exposure, options: { readonly country: PlanCountry }): ActionPlan {
  const { country } = options;
  const classOrder = new Map(exposure.dataClasses.map((code, i) => [code, i]));

  const ranked: { step: PlanStep; severity: number }[] = [];
  for (const rule of STEP_RULES) {
    // exposure.scenarios is most severe first, so these are too.
    const matching = exposure.scenarios.filter((s) => rule.answers.includes(s.id));
    if (rule.answers.length > 0 && matching.length === 0) continue;
    // The "Any" scenario (targeted phishing with real data) is the reason for a step only when nothing more
    // specific is: next to "your phone number leaked", "your data leaked" adds nothing.
    const specific = matching.filter((s) => s.id !== 'targeted-phishing');
    const answered = specific.length > 0 ? specific : matching;

    const slugsByClass = new Map<string, Set<string>>();
    for (const scenario of answered) {
      for (const { dataClass, breaches } of scenario.because) {
        const slugs = slugsByClass.get(dataClass) ?? new Set<string>();
        for (const slug of breaches) slugs.add(slug);
        slugsByClass.set(dataClass, slugs);
      }
    }
    const because = [...slugsByClass.entries()]
      .sort(([a], [b]) => (classOrder.get(a) ?? 0) - (classOrder.get(b) ?? 0))
      .map(([dataClass, slugs]) => ({ dataClass, breaches: [...slugs].sort(byCodeUnit) }));

    const chronopost = involvesChronopost({ because });
    const sources = rule.sources
      .filter((ref) => (ref.countries === undefined || ref.countries.includes(country)) && (ref.chronopost === undefined || chronopost))
      .map((ref) => ({ id: ref.id, ...SOURCES[ref.id] }));

    ranked.push({
      step: {
        id: rule.id,
        urgency: rule.urgency,
        scenarios: answered.map((s) => s.id),
        because,
        crossBreach: answered.some((s) => s.crossBreach),
        deadline: rule.deadline ?? null,
        sources,
      },
      severity: answered.length === 0 ? -1 : Math.max(...answered.map(severityRank)),
    });
  }

  ranked.sort(
    (a, b) =>
      URGENCIES.indexOf(a.step.urgency) - URGENCIES.indexOf(b.step.urgency) || b.severity - a.severity || byCodeUnit(a.step.id, b.step.id),
  );
  return { country, steps: ranked.map((r) => r.step) };
}
