/**
 * The leak audit's shared records (issue 8): what the collectors produce (a crawl in Chromium, or a HAR
 * import), what the detector searches for (personas of canary values), and what it finds. Pure types and
 * small helpers only; ../shared/reference/tracker-leak-audit.md §6 is the shape this follows:
 * collect → normalise → detect → classify → report.
 */

/** The consent choice the page was in when the request left (a crawl runs each state). */
export const CONSENT_STATES = ['accept-all', 'reject-all', 'no-choice'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const REQUEST_KINDS = ['document', 'xhr', 'fetch', 'beacon', 'script', 'image', 'stylesheet', 'websocket-frame', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** One request as it left the browser, normalised from a crawl or from a HAR 1.2 entry. */
export interface CapturedRequest {
  /** Unique within one audit ("r1", "r2"… or the HAR entry index); findings point at it. */
  readonly id: string;
  readonly url: string;
  readonly method: string;
  /** Header names lower-case; a repeated header joined with ", " (cookies with "; "). */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The body as sent, before any decoding by us: text when it is valid UTF-8, else base64. A compressed
   * body (Content-Encoding gzip/deflate/br) stays compressed here: decoding is the detector's job.
   */
  readonly body?: { readonly text?: string; readonly base64?: string; readonly contentType?: string };
  readonly kind: RequestKind;
  /** The top-level page the request belongs to. */
  readonly pageUrl: string;
  /** The script that made the request (from the initiator stack), when known. */
  readonly initiator?: string;
  readonly consent: ConsentState;
  /** The crawl step (a start URL or a scripted step's name) or "har:<file>". */
  readonly step: string;
  readonly source: 'crawl' | 'har';
  /** ISO 8601. */
  readonly at: string;
}

/** The fields a persona may have. Each is a canary value the organisation entered in its test accounts. */
export const PERSONA_FIELDS = [
  'email',
  'phone',
  'se-personnummer',
  'fr-nir',
  'first-name',
  'last-name',
  'postcode',
  'city',
  'street',
  'birth-date',
  'customer-number',
  'policy-number',
  'sensitive-term',
] as const;
export type PersonaField = (typeof PERSONA_FIELDS)[number];

/** A test persona: the values the organisation typed into its own site as a fictitious customer. */
export interface Persona {
  readonly id: string;
  readonly label: string;
  /** Each field has one or more values (several sensitive terms, a second e-mail…). */
  readonly fields: Readonly<Partial<Record<PersonaField, readonly string[]>>>;
  /** Default region for national phone numbers (ISO 3166 alpha-2), e.g. "SE". */
  readonly region?: string;
}

/** One step of how a value was turned into what was sent, outermost last ("sha256-hex", then "url"). */
export type Transformation = string;

/** Where in the request the value was found. */
export type FindingLocation =
  | { readonly part: 'url'; readonly param?: string }
  | { readonly part: 'header'; readonly name: string }
  | { readonly part: 'cookie'; readonly name: string }
  | { readonly part: 'body'; readonly param?: string }
  | { readonly part: 'websocket'; readonly param?: string };

/** One leak: this persona field, transformed this way, in this request, at this place. */
export interface Detection {
  readonly requestId: string;
  readonly personaId: string;
  readonly field: PersonaField;
  /** The canary value that matched (test data, not a real person's). */
  readonly value: string;
  /** From the persona value to what was on the wire: normalisation, hash, encodings. */
  readonly chain: readonly Transformation[];
  readonly location: FindingLocation;
  /** What a vendor decoder says the field is ("Meta advanced matching: em (e-mail)"), when one recognised it. */
  readonly vendorField?: string;
  /** The exact text on the wire that matched, shortened to at most 200 characters. */
  readonly evidence: string;
}

/** Who received a request: classification by registrable domain, entity and collector heuristics. */
export interface Recipient {
  readonly host: string;
  /** eTLD+1 (tldts). */
  readonly registrableDomain: string;
  readonly party: 'first' | 'third';
  /** The company behind the domain (third-party-web), when known. */
  readonly company?: string;
  readonly category?: string;
  /** A first-party host that is really a tracker's collector (CNAME cloaking, known collector paths). */
  readonly disguisedCollector?: { readonly reason: string; readonly company?: string };
}
