// Imported from the taxonomy file itself, not the catalogue's index: this module runs in the browser.
import { DATA_CLASSES } from '../catalogue/taxonomy.js';

/**
 * The risk-scenario rule table: which combinations of exposed data classes put a person at which risk.
 *
 * A rule fires when every group in `requires` is satisfied by the union of the person's data classes,
 * a group being satisfied by any one of its classes. Codes are those of the catalogue taxonomy
 * (a test checks that each exists). `source` names the reference file and section a rule comes from;
 * the person-facing text and the steps to take belong to the action plan, not here.
 */

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SCENARIO_IDS = [
  'account-takeover',
  'email-phishing',
  'fake-delivery-phishing',
  'forged-documents',
  'health-refund-fraud',
  'identity-fraud',
  'identity-theft',
  'payment-card-fraud',
  'phone-scam',
  'sensitive-data-blackmail',
  'sepa-direct-debit-fraud',
  'targeted-phishing',
  'targeted-profiling-scam',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Every class of the taxonomy: the "Any" row of the reference applies whatever leaked. */
const ANY_CLASS: readonly string[] = DATA_CLASSES.filter((c) => c.deprecatedIn === undefined).map((c) => c.code);

export interface ScenarioRule {
  readonly id: ScenarioId;
  readonly severity: Severity;
  /** All of these groups must be satisfied; a group is satisfied by any one of its classes. */
  readonly requires: readonly (readonly string[])[];
  /** Reference file and section the rule comes from. */
  readonly source: string;
}

const WORKFLOW = '../shared/reference/gdpr-breach-workflow.md';
const ANCHORS = '../shared/reference/anchors-hibp-monitor.md';

// 'civil-status' (état civil) holds surnames, forenames and birth details, so it counts as a name and as a date of birth.
const NAME = ['name', 'civil-status'] as const;
// A personnummer begins with the holder's date of birth (YYMMDD-NNNC: gdpr-breach-workflow.md §5 "Swedish personnummer",
// after Skatteverket), so whoever has it has the date of birth too. A NIR gives only the year and month of birth (§5
// "French NIR"), which is not a date of birth.
const DATE_OF_BIRTH = ['date-of-birth', 'civil-status', 'se-personnummer'] as const;
const NATIONAL_ID = ['fr-nir', 'se-personnummer', 'national-id-number'] as const;

export const SCENARIOS: readonly ScenarioRule[] = [
  {
    id: 'health-refund-fraud',
    severity: 'high',
    requires: [['fr-nir'], NAME, DATE_OF_BIRTH, ['health-insurer', 'health-insurance-cover']],
    source: `${WORKFLOW} §4.3 "NIR + civil status + insurer (Viamedis/Almerys)": credible health-refund scams`,
  },
  {
    id: 'fake-delivery-phishing',
    severity: 'medium',
    requires: [NAME, ['postal-address'], ['phone-number']],
    source: `${WORKFLOW} §4.3 "Phone + address (Chronopost, Colis Privé)": fake delivery SMS`,
  },
  {
    id: 'identity-theft',
    severity: 'critical',
    requires: [['identity-document', 'identity-card-number', 'passport-number', 'driving-licence']],
    source: `${WORKFLOW} §4.3 "ID card / identity data": identity theft`,
  },
  {
    id: 'sepa-direct-debit-fraud',
    severity: 'high',
    requires: [['iban']],
    source: `${WORKFLOW} §4.3 "IBAN": fraudulent SEPA mandates or direct debits`,
  },
  {
    id: 'payment-card-fraud',
    severity: 'high',
    requires: [['payment-card']],
    source: `${WORKFLOW} §3 ENISA DPC, financial score 4 "data enabling fraud … full card details"; ${ANCHORS} §2.1 Monitor guided steps (credit card)`,
  },
  {
    id: 'targeted-profiling-scam',
    severity: 'medium',
    requires: [NATIONAL_ID, ['purchases', 'insurance-products', 'health-related-purchases']],
    source: `${WORKFLOW} §3 ENISA DPC, simple score 2 "allows profiling" and §4.3 "Any": targeted phishing using real data; ${ANCHORS} §5 item 4 (Folksam)`,
  },
  {
    id: 'account-takeover',
    severity: 'critical',
    requires: [['password', 'auth-token', 'online-banking-credentials', 'security-questions']],
    source: `${WORKFLOW} §4.3 "Password / account": account takeover, credential stuffing; ${ANCHORS} §2.1 Monitor guided steps (passwords, security questions)`,
  },
  {
    // Whatever leaked, scammers can use it to make a message credible (fake Sécu, bank or parcel messages).
    id: 'targeted-phishing',
    severity: 'low',
    requires: [ANY_CLASS],
    source: `${WORKFLOW} §4.3 "Any": targeted phishing using real data (fake Sécu, bank, parcel messages)`,
  },
  {
    id: 'email-phishing',
    severity: 'low',
    requires: [['email-address']],
    source: `${WORKFLOW} §4.3 "Any": targeted phishing using real data; ${ANCHORS} §2.1 Monitor guided steps (email)`,
  },
  {
    id: 'phone-scam',
    severity: 'medium',
    requires: [['phone-number']],
    source: `${WORKFLOW} §4.3 "Any": fake Sécu, bank, parcel messages; ${ANCHORS} §2.1 Monitor guided steps (phone)`,
  },
  {
    id: 'identity-fraud',
    severity: 'high',
    requires: [NATIONAL_ID, NAME, DATE_OF_BIRTH],
    source: `${WORKFLOW} §4.3 "ID card / identity data": identity theft; ${ANCHORS} §5 item 2 (NIR + date of birth + name)`,
  },
  {
    id: 'sensitive-data-blackmail',
    severity: 'high',
    requires: [
      [
        'health-data',
        'healthcare-reimbursements',
        'health-related-purchases',
        'disability',
        'genetic-data',
        'biometric-data',
        'criminal-records',
        'political-opinions',
        'religion',
        'ethnic-origin',
        'sexual-orientation',
        'sex-life',
        'trade-union-membership',
      ],
    ],
    source: `${WORKFLOW} §4.3 "Health data": blackmail, discrimination; §3 ENISA DPC, sensitive category (base 4)`,
  },
  {
    // No reference covers leaked signatures specifically; the identity-data row is the nearest.
    id: 'forged-documents',
    severity: 'medium',
    requires: [['signature'], NAME],
    source: `${WORKFLOW} §4.3 "ID card / identity data" (nearest; no reference row for signatures)`,
  },
];
