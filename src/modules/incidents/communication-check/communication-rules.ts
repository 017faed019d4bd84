import type { Locale } from '../../../platform/locale.js';

/**
 * The rule tables of the communication check: what counts as evidence of each Art. 34(2) element,
 * what counts as unclear wording, which words tell the three languages apart.
 *
 * Patterns are regular-expression sources run on the folded draft (draft-text.ts): lower case,
 * accents and ligatures folded (write "délégué", it is compiled as "delegue"), "'" for every
 * apostrophe, "-" for every dash, one space between words. The checker anchors every pattern on word
 * boundaries. Patterns must stay linear: no nested unbounded quantifiers, bounded repeats only.
 * `source` names the reference section the rule comes from; a rule with no reference row says so.
 */

export const ELEMENT_CODES = ['nature', 'contact-point', 'consequences', 'measures', 'advice'] as const;
export type ElementCode = (typeof ELEMENT_CODES)[number];

/** What a rule finds. An element is present when each of its parts is found (see ELEMENT_PARTS). */
export const RULE_PARTS = ['event', 'data', 'contact-mention', 'contact-details', 'consequence', 'measure', 'advice'] as const;
export type RulePart = (typeof RULE_PARTS)[number];

/**
 * The parts each element needs. Nature: what happened and which data. Contact point: someone to ask
 * and a way to reach them, close to each other (CONTACT_WINDOW).
 */
export const ELEMENT_PARTS: Readonly<Record<ElementCode, readonly RulePart[]>> = {
  nature: ['event', 'data'],
  'contact-point': ['contact-mention', 'contact-details'],
  consequences: ['consequence'],
  measures: ['measure'],
  advice: ['advice'],
};

/** The GDPR provision behind each element (Art. 34(2) reuses Art. 33(3)(b), (c), (d)). */
export const ELEMENT_ARTICLES: Readonly<Record<ElementCode, string>> = {
  nature: 'Art. 34(2)',
  'contact-point': 'Art. 34(2), Art. 33(3)(b)',
  consequences: 'Art. 34(2), Art. 33(3)(c)',
  measures: 'Art. 34(2), Art. 33(3)(d)',
  advice: 'Art. 34(2), Art. 33(3)(d)',
};

/** Contact details count when they start this many folded characters before or after a contact mention. */
export const CONTACT_WINDOW = { before: 200, after: 300 } as const;

/** Sentences longer than this (in words) are reported. No reference sets a number; 30 is a common plain-language limit. */
export const LONG_SENTENCE_WORDS = 30;

export type RuleLocale = Locale | 'any';

export interface PhraseRule {
  /** Unique: `<locale>.<part or kind>.<name>`. */
  readonly id: string;
  readonly locale: RuleLocale;
  readonly pattern: string;
  readonly source: string;
}

export interface ElementRule extends PhraseRule {
  readonly part: RulePart;
}

export const CLARITY_KINDS = ['vague-wording', 'jargon'] as const;
export type ClarityKind = (typeof CLARITY_KINDS)[number];

export interface ClarityRule extends PhraseRule {
  readonly kind: ClarityKind;
  /** Only reported when the draft never says what happened (no `event` evidence). */
  readonly unlessEventNamed?: true;
}

const WORKFLOW = '../shared/reference/gdpr-breach-workflow.md';
const ART_4_12 = `${WORKFLOW} §1 Art. 4(12): "destruction, loss, alteration, unauthorised disclosure of, or access to"`;
const TEMPLATE_NATURE = `${WORKFLOW} §2.4 template 3.2 "Incident nature" options`;
const TEMPLATE_DATA = `${WORKFLOW} §2.4 template 3.4 data types`;
const ART_33_3_B = `${WORKFLOW} §1 Art. 33(3)(b): name and contact details of the DPO "or other contact point"`;
const CONTACT_FORMAT = `${WORKFLOW} §1 Art. 33(3)(b) contact details`;
const ART_33_3_C = `${WORKFLOW} §1 Art. 33(3)(c) likely consequences; Recital 85 harms; §4.3 "Risk" column`;
const ART_33_3_D = `${WORKFLOW} §1 Art. 33(3)(d) measures taken or proposed; §2.4 template 4.3–4.4 measures taken, 6.1 police complaint`;
const ADVICE = `${WORKFLOW} §4.3 "Advice" column; §2.3 Free: people could not tell "what to do"`;
const PLAIN = `${WORKFLOW} §1 Art. 34(2) "clear and plain language"; §2.3 Free (e-mail lacked the required content)`;
const JARGON = `${WORKFLOW} §1 Art. 34(2) "clear and plain language" (no reference list of jargon; chosen by hand)`;
const DATE = `${WORKFLOW} §2.4 template 3.1 timeline (when the breach occurred); §4.3 (people match messages and debits to the breach)`;

// ---------------------------------------------------------------------------------------------
// Elements
// ---------------------------------------------------------------------------------------------

const EVENT: readonly ElementRule[] = [
  // English
  { id: 'en.event.breach', locale: 'en', part: 'event', pattern: 'breach(?:es|ed)?', source: ART_4_12 },
  {
    id: 'en.event.unauthorised',
    locale: 'en',
    part: 'event',
    pattern:
      'unauthori[sz]ed (?:access|disclosure|part(?:y|ies)|third part(?:y|ies)|persons?|individuals?|users?|download|copy)|without (?:authori[sz]ation|permission)',
    source: ART_4_12,
  },
  { id: 'en.event.leak', locale: 'en', part: 'event', pattern: 'leak(?:s|ed|age)?', source: TEMPLATE_NATURE },
  {
    id: 'en.event.attack',
    locale: 'en',
    part: 'event',
    pattern: 'cyber-?attacks?|attack(?:s|ed|ers?)?|hack(?:s|ed|ers?|ing)?|intrusion|ransomware|malware',
    source: `${TEMPLATE_NATURE}: hacking/malware, ransomware`,
  },
  {
    id: 'en.event.theft',
    locale: 'en',
    part: 'event',
    pattern: 'stolen|theft of|exfiltrat\\p{L}*|compromised|(?:accessed|copied|downloaded|viewed|obtained) (?:by|without)',
    source: `${TEMPLATE_NATURE}: unauthorised access, exfiltration`,
  },
  {
    id: 'en.event.mistake',
    locale: 'en',
    part: 'event',
    pattern:
      'lost (?:a |an |the )?(?:laptop|device|usb|file|folder|letter|bag)|sent (?:by mistake|in error|to the wrong)|misconfigur\\p{L}*|published by mistake|disclosed|exposed',
    source: `${TEMPLATE_NATURE}: lost device, misdelivery, misconfiguration, unintended publication`,
  },
  {
    id: 'en.event.tracking',
    locale: 'en',
    part: 'event',
    pattern: 'tracking pixels?|(?:shared|sent|transmitted) (?:with|to) (?:meta|facebook|google|tiktok|third parties|a third party)',
    source: `${WORKFLOW} §2.4 template 3.2 unauthorised disclosure; ../shared/reference/tracker-leak-audit.md §1 (Folksam pixels)`,
  },
  // French
  { id: 'fr.event.leak', locale: 'fr', part: 'event', pattern: 'fuites?', source: TEMPLATE_NATURE },
  {
    id: 'fr.event.violation',
    locale: 'fr',
    part: 'event',
    pattern: 'violations? de (?:vos |nos |ces )?données(?: personnelles| à caractère personnel)?|violations? de la sécurité',
    source: ART_4_12,
  },
  {
    id: 'fr.event.unauthorised',
    locale: 'fr',
    part: 'event',
    pattern: 'accès (?:non autorisée?s?|non-autorisée?s?|illégitimes?|frauduleux|illicites?)',
    source: ART_4_12,
  },
  {
    id: 'fr.event.attack',
    locale: 'fr',
    part: 'event',
    pattern:
      'cyber-?attaques?|attaques? (?:informatiques?|par rançongiciel)|intrusions?|piratages?|piratée?s?|pirates? informatiques?|rançongiciels?|ransomware|logiciels? malveillants?',
    source: `${TEMPLATE_NATURE}: hacking/malware, ransomware`,
  },
  {
    id: 'fr.event.theft',
    locale: 'fr',
    part: 'event',
    pattern:
      "dérobée?s?|volée?s?|vol de (?:données|fichiers)|exfiltr\\p{L}*|compromise?s?|(?:consulté|copié|extrait|téléchargé|récupéré)(?:e|s|es)? par (?:un|des) (?:tiers|personnes?|individus?)|(?:utilisation|usage) frauduleu(?:se|x) d'identifiants",
    source: `${TEMPLATE_NATURE}: unauthorised access, exfiltration`,
  },
  {
    id: 'fr.event.mistake',
    locale: 'fr',
    part: 'event',
    pattern: "(?:envoyé|transmis|adressé|publié)(?:e|s|es)? par erreur|divulgu\\p{L}*|mauvaise configuration|perte (?:d'un|de la|du|des)",
    source: `${TEMPLATE_NATURE}: misdelivery, misconfiguration, unintended publication, lost device`,
  },
  {
    id: 'fr.event.tracking',
    locale: 'fr',
    part: 'event',
    pattern:
      'pixels? (?:de suivi|publicitaires?|meta|facebook)|(?:transmis|partagé|envoyé)(?:e|s|es)? (?:à|avec) (?:meta|facebook|google|des tiers|un tiers)',
    source: `${WORKFLOW} §2.4 template 3.2 unauthorised disclosure; ../shared/reference/tracker-leak-audit.md §1 (Folksam pixels)`,
  },
  // Swedish
  {
    id: 'sv.event.incident',
    locale: 'sv',
    part: 'event',
    // "Personuppgiftsincident" is the Swedish legal term for a personal data breach (IMY's form, §4.2).
    pattern: 'personuppgiftsincident(?:en|er|erna)?|dataintrång(?:et)?|intrång(?:et)?',
    source: `${WORKFLOW} §4.2 IMY "anmäl personuppgiftsincident"; ${ART_4_12}`,
  },
  {
    id: 'sv.event.unauthorised',
    locale: 'sv',
    part: 'event',
    pattern: 'obehörig(?:a|t)? (?:åtkomst|tillgång|person|personer|part)|obehörigen',
    source: ART_4_12,
  },
  {
    id: 'sv.event.leak',
    locale: 'sv',
    part: 'event',
    pattern: '(?:data)?läck(?:a|an|or|orna|t|te|ts)|röjts|röjda',
    source: TEMPLATE_NATURE,
  },
  {
    id: 'sv.event.attack',
    locale: 'sv',
    part: 'event',
    pattern:
      'cyberattack(?:en|er)?|it-attack(?:en|er)?|hackerattack(?:en|er)?|attack(?:en|er)?|hacka(?:d|de|des|ts|re|rna)|ransomware|utpressningsvirus|skadlig kod',
    source: `${TEMPLATE_NATURE}: hacking/malware, ransomware`,
  },
  {
    id: 'sv.event.theft',
    locale: 'sv',
    part: 'event',
    pattern: 'stulits|stulna|stulen|stöld(?:en)?|exfiltr\\p{L}*',
    source: `${TEMPLATE_NATURE}: exfiltration`,
  },
  {
    id: 'sv.event.mistake',
    locale: 'sv',
    part: 'event',
    pattern: '(?:skickats|skickat|publicerats|publicerat|delats) av misstag|felaktigt skickat|felkonfigur\\p{L}*',
    source: `${TEMPLATE_NATURE}: sent by mistake, unintended publication, misconfiguration`,
  },
  {
    id: 'sv.event.tracking',
    locale: 'sv',
    part: 'event',
    pattern:
      'spårningspixl(?:ar|arna)?|pixl(?:ar|arna)|pixeln|(?:delats|skickats|överförts|delat|skickat|överfört) (?:med|till) (?:meta|facebook|google|tiktok|tredje part)',
    source: `${WORKFLOW} §2.4 template 3.2 unauthorised disclosure; ../shared/reference/tracker-leak-audit.md §1 (Folksam pixels)`,
  },
];

const DATA: readonly ElementRule[] = [
  // English
  {
    id: 'en.data.identity',
    locale: 'en',
    part: 'data',
    pattern:
      '(?:your |full |first |last )names?|names|surnames?|dates? of birth|birth ?dates?|social security numbers?|national insurance numbers?|(?:personal|national) id(?:entity)? numbers?|passports?|id cards?|identity (?:cards?|documents?)|driving licen[cs]es?',
    source: `${TEMPLATE_DATA}: basic, identification numbers, official documents`,
  },
  {
    id: 'en.data.contact',
    locale: 'en',
    part: 'data',
    pattern: 'e-?mail address(?:es)?|(?:phone|telephone|mobile) numbers?|(?:your|postal|home|billing|delivery) address(?:es)?|addresses',
    source: `${TEMPLATE_DATA}: contact`,
  },
  {
    id: 'en.data.financial',
    locale: 'en',
    part: 'data',
    pattern:
      'iban|bank (?:details|account(?: numbers?)?|statements)|account numbers?|(?:credit |debit |payment )?card (?:numbers?|details)|payment cards?',
    source: `${TEMPLATE_DATA}: economic/financial, payment means`,
  },
  {
    id: 'en.data.credentials',
    locale: 'en',
    part: 'data',
    pattern: 'passwords?|login (?:details|credentials)|credentials|usernames?',
    source: `${TEMPLATE_DATA}: credentials`,
  },
  {
    id: 'en.data.other',
    locale: 'en',
    part: 'data',
    pattern:
      'health (?:data|information|insurance)|medical (?:data|information|records)|insurers?|insurance (?:policies|products|details|cover)|purchases?|purchase history|ip address(?:es)?|customer numbers?|contract (?:details|data)',
    source: `${TEMPLATE_DATA}: health, profile, other`,
  },
  // French
  {
    id: 'fr.data.identity',
    locale: 'fr',
    part: 'data',
    pattern:
      "noms?(?: de naissance| d'usage)?(?:,| et)|prénoms?|votre nom|dates? (?:et lieux? )?de naissance|numéros? de sécurité sociale|nir|numéros? d'inscription au répertoire|état civil|situation (?:familiale|matrimoniale)|cartes? d'identité|passeports?",
    source: `${TEMPLATE_DATA}: basic, identification numbers, official documents; ${WORKFLOW} §5 French NIR`,
  },
  {
    id: 'fr.data.contact',
    locale: 'fr',
    part: 'data',
    pattern:
      'adresses? (?:e-?mail|électroniques?|mail|postales?|de messagerie|ip)|(?:votre|vos) adresses?|adresses?(?=,| et )|numéros? de téléphone',
    source: `${TEMPLATE_DATA}: contact`,
  },
  {
    id: 'fr.data.financial',
    locale: 'fr',
    part: 'data',
    pattern: 'iban|rib|coordonnées bancaires|numéros? de compte|numéros? de cartes?(?: bancaires?)?|cartes? bancaires?',
    source: `${TEMPLATE_DATA}: economic/financial, payment means; ${WORKFLOW} §4.3 IBAN`,
  },
  {
    id: 'fr.data.credentials',
    locale: 'fr',
    part: 'data',
    pattern: 'mots? de passe|identifiants?',
    source: `${TEMPLATE_DATA}: credentials`,
  },
  {
    id: 'fr.data.other',
    locale: 'fr',
    part: 'data',
    pattern:
      "données de santé|dossiers? médica(?:l|ux)|informations médicales|organismes? (?:complémentaires?|d'assurance maladie)|mutuelles?|assureurs?|garanties(?: souscrites)?|contrats?|données contractuelles|numéros? (?:client|d'abonné|d'adhérent)|achats?",
    source: `${TEMPLATE_DATA}: health, other; ${WORKFLOW} §4.3 "NIR + civil status + insurer (Viamedis/Almerys)"`,
  },
  // Swedish
  {
    id: 'sv.data.identity',
    locale: 'sv',
    part: 'data',
    pattern: 'namn(?:et)?|personnummer(?:et)?|samordningsnummer|födelsedat(?:um|a)|pass|id-kort|legitimation',
    source: `${TEMPLATE_DATA}: basic, identification numbers; ${WORKFLOW} §5 Swedish personnummer`,
  },
  {
    id: 'sv.data.contact',
    locale: 'sv',
    part: 'data',
    pattern: '(?:e-post|mejl|mail|post|hem)adress(?:er|en|erna)?|adress(?:er)?|telefonnummer|mobilnummer',
    source: `${TEMPLATE_DATA}: contact`,
  },
  {
    id: 'sv.data.financial',
    locale: 'sv',
    part: 'data',
    pattern: 'bankkontonummer|kontonummer|bankuppgifter|clearingnummer|iban|kortnummer|kortuppgifter|kontokort\\p{L}*',
    source: `${TEMPLATE_DATA}: economic/financial, payment means`,
  },
  {
    id: 'sv.data.credentials',
    locale: 'sv',
    part: 'data',
    pattern: 'lösenord(?:et|en)?|inloggningsuppgifter(?:na)?|användarnamn',
    source: `${TEMPLATE_DATA}: credentials`,
  },
  {
    id: 'sv.data.other',
    locale: 'sv',
    part: 'data',
    pattern:
      'hälsouppgifter|uppgifter om (?:din )?hälsa|journal(?:uppgifter|er)?|försäkring(?:ar|arna|en|sinformation|suppgifter)?|köp(?:en|t)?|köphistorik|ip-adress(?:er)?|kundnummer',
    source: `${TEMPLATE_DATA}: health, profile; ../shared/reference/anchors-hibp-monitor.md §5 item 4 (Folksam)`,
  },
];

const CONTACT_MENTION: readonly ElementRule[] = [
  {
    // A mailbox whose name says who reads it: "dpo@…", "privacy@…", "dataskyddsombud@…".
    id: 'any.contact-mention.mailbox',
    locale: 'any',
    part: 'contact-mention',
    pattern:
      '(?:dpo|dpd|privacy|gdpr|rgpd|data-?protection|dataskydd\\p{L}*|protection-?des-?donnees|donnees-?personnelles|cil|informatique-?et-?libertes)[\\w.%+-]{0,30}(?=@)',
    source: ART_33_3_B,
  },
  {
    id: 'en.contact-mention.dpo',
    locale: 'en',
    part: 'contact-mention',
    pattern: 'data protection officer|dpo|privacy (?:team|office|officer)|contact point',
    source: ART_33_3_B,
  },
  {
    id: 'en.contact-mention.service',
    locale: 'en',
    part: 'contact-mention',
    pattern:
      'contact (?:us|our|the)|call us|e-?mail us|write to us|reach us|customer (?:service|support|care|helpline)|helpline|hotline|help ?desk|call cent(?:re|er)|dedicated (?:phone )?(?:line|number|team|page|website|mailbox|address)|(?:if|should) you have (?:any )?(?:further |more )?questions|for (?:any |further |more )?(?:questions|information)',
    source: `${ART_33_3_B}; ${WORKFLOW} §6.2 (Free: toll-free number and DPO tickets)`,
  },
  {
    id: 'fr.contact-mention.dpo',
    locale: 'fr',
    part: 'contact-mention',
    pattern: 'déléguée? (?:à|a) la protection des données|dpo|dpd|point de contact',
    source: ART_33_3_B,
  },
  {
    id: 'fr.contact-mention.service',
    locale: 'fr',
    part: 'contact-mention',
    pattern:
      "service (?:clients?|consommateurs?|relation client)|relation client|numéro vert|(?:ligne|adresse|page|cellule|équipe|plateforme) (?:téléphonique )?dédiée|cellule d'(?:écoute|information|assistance)|nous contacter|contactez(?:-nous| notre| nos| le service| la cellule)|(?:vous pouvez|n'hésitez pas à) (?:nous )?(?:écrire|joindre|contacter|appeler|adresser)|écrivez-nous|appelez(?:-nous| le)|pour (?:toute |toutes |vos |plus d')(?:questions?|informations?|renseignements?)",
    source: `${ART_33_3_B}; ${WORKFLOW} §6.2 (Free: toll-free number and DPO tickets)`,
  },
  {
    id: 'sv.contact-mention.dpo',
    locale: 'sv',
    part: 'contact-mention',
    pattern: 'dataskyddsombud\\p{L}*|kontaktpunkt(?:en)?',
    source: ART_33_3_B,
  },
  {
    id: 'sv.contact-mention.service',
    locale: 'sv',
    part: 'contact-mention',
    pattern:
      'kundservice|kundtjänst|kontakta (?:oss|vårt|vår|kundservice|kundtjänst)|ring (?:oss|kundservice|kundtjänst)|mejla (?:oss|till)|skriv till (?:oss|vårt|vår)|(?:har du|vid) (?:några )?(?:frågor|funderingar)|du (?:kan )?nå (?:oss|vårt|vår)|särskild (?:telefonlinje|sida|webbsida|e-postadress)|stödlinje|hjälplinje',
    source: ART_33_3_B,
  },
];

const CONTACT_DETAILS: readonly ElementRule[] = [
  {
    id: 'any.contact-details.email',
    locale: 'any',
    part: 'contact-details',
    pattern: '(?<![\\w.%+-])[\\w.%+-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,8}',
    source: `${CONTACT_FORMAT}: an e-mail address`,
  },
  {
    id: 'any.contact-details.url',
    locale: 'any',
    part: 'contact-details',
    pattern:
      '(?:https?://|www\\.)[^\\s"<>]+|(?<![@./-])[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,4}\\.(?:fr|se|com|org|net|eu|uk|io|info)(?:/[^\\s"<>]*)?',
    source: `${CONTACT_FORMAT}: a web page`,
  },
  {
    id: 'any.contact-details.phone',
    locale: 'any',
    part: 'contact-details',
    // International (+33 6…, 0046 8…), national from 0 (France 10 digits, Sweden 8–10), North American.
    pattern:
      '(?:\\+|00)\\d{1,3}(?:[ .-]?(?:\\(0\\)|\\d)){6,13}|0(?:[ .-]?\\d){8,12}|\\(\\d{3}\\) ?\\d{3}[ .-]?\\d{4}|(?:1[ .-])?[2-9]\\d\\d[ .-]\\d{3}[ .-]\\d{4}',
    source: `${CONTACT_FORMAT}: a phone number; ${WORKFLOW} §5 French phone (10 digits from 0, +33)`,
  },
  {
    id: 'en.contact-details.postal',
    locale: 'en',
    part: 'contact-details',
    pattern:
      '\\d{1,5} (?:\\p{L}+ ){1,3}(?:street|st|road|rd|avenue|ave|lane|drive|square|boulevard)|p\\.? ?o\\.? box \\d{1,6}|[a-z]{1,2}\\d[a-z\\d]? \\d[a-z]{2}',
    source: `${CONTACT_FORMAT}: a postal address (street, PO box, UK postcode)`,
  },
  {
    id: 'fr.contact-details.postal',
    locale: 'fr',
    part: 'contact-details',
    pattern:
      "\\d{1,4}(?: ?(?:bis|ter))?,? (?:rue|avenue|av\\.|boulevard|bd|place|quai|allée|chemin|impasse|route|cours|square)|(?:cs|bp|tsa) ?\\d{3,6}|\\d{5} [a-z'-]{2,30}(?: [a-z'-]{2,30}){0,2} cedex",
    source: `${CONTACT_FORMAT}: a postal address (street, CS/BP/TSA box, cedex)`,
  },
  {
    id: 'sv.contact-details.postal',
    locale: 'sv',
    part: 'contact-details',
    pattern: 'box \\d{1,6}|\\d{3} ?\\d{2} [a-z]{3,}|\\p{L}{1,40}(?:gatan|vägen|gata|väg|torget|torg|backen|allén|platsen|gränd) \\d{1,4}',
    source: `${CONTACT_FORMAT}; ${WORKFLOW} §4.2 IMY's postal address "Box 8114, 104 20 Stockholm"`,
  },
];

const CONSEQUENCE: readonly ElementRule[] = [
  {
    id: 'en.consequence.scams',
    locale: 'en',
    part: 'consequence',
    pattern:
      'phishing|fraud(?:s|sters?)?|scam(?:s|mers?)?|spam|blackmail|extortion|impersonat\\p{L}*|pretend(?:ing)? to be|(?:fake|fraudulent|bogus) (?:messages|e-?mails|calls|texts|sms|websites?)',
    source: ART_33_3_C,
  },
  {
    id: 'en.consequence.harm',
    locale: 'en',
    part: 'consequence',
    pattern:
      'identity (?:theft|fraud)|financial loss(?:es)?|account takeover|(?:unauthori[sz]ed|fraudulent) (?:direct debits?|payments?|transactions)|misuse',
    source: ART_33_3_C,
  },
  {
    id: 'en.consequence.risk',
    locale: 'en',
    part: 'consequence',
    pattern: '(?:could|may|might) (?:be used|use|try|attempt)|risks? (?:of|to you|for you|that)|(?:likely|possible|potential) consequences',
    source: ART_33_3_C,
  },
  {
    id: 'fr.consequence.scams',
    locale: 'fr',
    part: 'consequence',
    pattern:
      'hameçonnage|phishing|fraudes?|fraudeurs?|escroqueries?|escrocs?|arnaques?|arnaqueurs?|chantage|spams?|pourriels?|démarchages? (?:abusifs?|frauduleux)|se (?:faire|faisant) passer pour|se présentant comme|faux (?:messages|mails|e-mails|courriels|appels|sms|conseillers|sites)',
    source: ART_33_3_C,
  },
  {
    id: 'fr.consequence.harm',
    locale: 'fr',
    part: 'consequence',
    pattern: "usurpations? d'identité|prélèvements? (?:frauduleux|non autorisés?)|pertes? financières?",
    source: ART_33_3_C,
  },
  {
    id: 'fr.consequence.risk',
    locale: 'fr',
    part: 'consequence',
    pattern:
      "(?:risques?|conséquences?) (?:de|d'|pour vous|possibles?|probables?|éventuelles?)|(?:pourraient|pourrait|peuvent|peut) être (?:utilisée?s?|exploitée?s?|réutilisée?s?)",
    source: ART_33_3_C,
  },
  {
    id: 'sv.consequence.scams',
    locale: 'sv',
    part: 'consequence',
    pattern:
      'nätfiske|phishing|bedrägeri(?:er|erna|försök)?|bedragare|bedräglig\\p{L}*|bluff\\p{L}*|skräppost|utpressning|utge(?:r)? sig för|falska (?:mejl|e-postmeddelanden|sms|samtal|meddelanden|webbsidor)',
    source: ART_33_3_C,
  },
  {
    id: 'sv.consequence.harm',
    locale: 'sv',
    part: 'consequence',
    pattern: 'id-kapning|identitetsstöld|identitetskapning|kapning|riktad (?:reklam|marknadsföring)|ekonomisk(?:a)? förlust(?:er)?',
    source: ART_33_3_C,
  },
  {
    id: 'sv.consequence.risk',
    locale: 'sv',
    part: 'consequence',
    pattern:
      '(?:risk|risken|riskerna|risker) (?:att|för|är)|(?:sannolika|möjliga|tänkbara) konsekvenser|konsekvenser(?:na)? för dig|kan (?:komma att )?(?:användas|utnyttjas|missbrukas)',
    source: ART_33_3_C,
  },
];

const MEASURE: readonly ElementRule[] = [
  {
    id: 'en.measure.done',
    locale: 'en',
    part: 'measure',
    pattern:
      "(?:we(?:'ve| have| had)?|has|have|had)(?: (?:immediately|already|also|quickly|promptly|since|now|then|swiftly))? (?:closed|fixed|blocked|disabled|reset|revoked|patched|removed|deleted|notified|reported|secured|strengthened|contacted|engaged|hired|launched|suspended|stopped|ended|terminated|changed|updated|introduced|implemented|put in place|taken (?:steps|measures|action)|shut down|filed|contained|asked|requested|added|enforced|rotated|encrypted|investigated|begun|started|retained|appointed|deactivated|isolated|restored)",
    source: ART_33_3_D,
  },
  {
    id: 'en.measure.planned',
    locale: 'en',
    part: 'measure',
    pattern:
      'we (?:will|are going to|are|plan to|intend to)(?: (?:also|now|shortly))? (?:offer(?:ing)?|provid(?:e|ing)|introduc(?:e|ing)|strengthen(?:ing)?|review(?:ing)?|work(?:ing)? with|investigat(?:e|ing)|monitor(?:ing)?|reinforc(?:e|ing)|roll(?:ing)? out|cooperat(?:e|ing)|notify(?:ing)?|reset(?:ting)?|contact(?:ing)? (?:the|our))',
    source: ART_33_3_D,
  },
  {
    id: 'en.measure.passive',
    locale: 'en',
    part: 'measure',
    pattern:
      '(?:has|have) been (?:immediately )?(?:fixed|closed|blocked|disabled|reset|revoked|patched|removed|deleted|reported to|secured|strengthened|shut down|taken offline|contained|filed)|(?:a |the )?(?:complaint|police report) (?:has been|was) (?:filed|lodged|made)|(?:the )?(?:ico|cnil|imy|supervisory authority|data protection authority) (?:has been|was) (?:notified|informed)',
    source: ART_33_3_D,
  },
  {
    id: 'fr.measure.done',
    locale: 'fr',
    part: 'measure',
    pattern:
      '(?:nous avons|avons|a|ont)(?: (?:immédiatement|aussitôt|également|déjà|rapidement|alors|ensuite|aussi|depuis|sans délai))? (?:fermé|corrigé|bloqué|désactivé|réinitialisé|renforcé|déposé(?: une)? plainte|porté plainte|notifié|informé la cnil|signalé|mis en place|mis fin|sécurisé|coupé|suspendu|isolé|changé|modifié|saisi|engagé|mandaté|contacté|lancé|supprimé|révoqué|procédé|demandé|déployé|ajouté|chiffré|retiré|restauré|stoppé|interrompu)',
    source: ART_33_3_D,
  },
  {
    id: 'fr.measure.planned',
    locale: 'fr',
    part: 'measure',
    pattern:
      'nous (?:allons|continuons à|continuons de|travaillons à|mettons en place|renforçons|poursuivons|déployons|proposons|vous proposons|accompagnons|avons décidé de)',
    source: ART_33_3_D,
  },
  {
    id: 'fr.measure.passive',
    locale: 'fr',
    part: 'measure',
    pattern:
      '(?:a|ont) été (?:immédiatement |aussitôt |rapidement )?(?:corrigée?s?|fermée?s?|bloquée?s?|désactivée?s?|déposée?s?|notifiée?s?|informée?s?|saisie?s?|réinitialisée?s?|renforcée?s?|supprimée?s?|révoquée?s?|suspendue?s?|isolée?s?|coupée?s?|sécurisée?s?|mise?s? en place)|dépôt de plainte',
    source: ART_33_3_D,
  },
  {
    id: 'sv.measure.done',
    locale: 'sv',
    part: 'measure',
    pattern:
      '(?:vi har|vi hade|har|hade)(?: (?:omedelbart|direkt|genast|också|även|nu|redan|snabbt|sedan dess))? (?:stängt|åtgärdat|tagit bort|spärrat|återställt|polisanmält|anmält|informerat|kontaktat|stoppat|avslutat|pausat|säkrat|förstärkt|bytt|ändrat|infört|vidtagit|inlett|uppdaterat|raderat|begärt|rensat|blockerat|sett över|skärpt|krypterat|avaktiverat|inaktiverat)',
    source: ART_33_3_D,
  },
  {
    id: 'sv.measure.past',
    locale: 'sv',
    part: 'measure',
    pattern:
      'vi (?:stängde|åtgärdade|tog bort|spärrade|polisanmälde|anmälde|informerade|kontaktade|stoppade|avslutade|pausade|säkrade|förstärkte|bytte|ändrade|införde|inledde|raderade|begärde|blockerade)',
    source: ART_33_3_D,
  },
  {
    id: 'sv.measure.planned',
    locale: 'sv',
    part: 'measure',
    pattern:
      'vi (?:kommer att|kommer|ska)(?: (?:också|även|nu))? (?:fortsätta|förstärka|se över|införa|erbjuda|kontakta|informera|skärpa|granska|utreda)',
    source: ART_33_3_D,
  },
  {
    id: 'sv.measure.passive',
    locale: 'sv',
    part: 'measure',
    pattern: 'har (?:nu |också |även )?(?:anmälts|polisanmälts|tagits bort|stängts|åtgärdats|spärrats|raderats|stoppats|avslutats)',
    source: ART_33_3_D,
  },
];

const ADVICE_RULES: readonly ElementRule[] = [
  {
    id: 'en.advice.vigilance',
    locale: 'en',
    part: 'advice',
    pattern:
      "be (?:extra |especially |particularly |more )?(?:vigilant|careful|alert|wary|cautious|suspicious)|stay (?:vigilant|alert)|(?:do not|don't|never) (?:click|open|reply|respond|share|give|disclose|provide|enter|download|call back|pay|transfer)|ignore (?:any )?(?:messages|calls|e-?mails)|type (?:the|our) (?:official )?(?:address|website)",
    source: `${ADVICE}: "Do not open attachments or click; type the official address yourself"`,
  },
  {
    id: 'en.advice.accounts',
    locale: 'en',
    part: 'advice',
    pattern:
      '(?:change|update|reset) (?:your|the) (?:passwords?|pin)|use a (?:different|unique|strong) password|password manager|(?:enable|turn on|use) (?:two-factor|2fa|multi-factor|two-step)|(?:check|monitor|review|watch) (?:your |all )?(?:bank |account |card )?(?:statements?|accounts?|transactions|credit reports?|direct debits|mandates)|(?:contact|call|tell|inform) your bank',
    source: `${ADVICE}: change the password, enable 2FA; watch statements (IBAN)`,
  },
  {
    id: 'en.advice.recommend',
    locale: 'en',
    part: 'advice',
    pattern:
      'we (?:strongly )?(?:recommend|advise|encourage|suggest|urge)|you should|(?:report|forward) (?:any )?(?:suspicious|unusual|fraud)',
    source: ADVICE,
  },
  {
    id: 'fr.advice.vigilance',
    locale: 'fr',
    part: 'advice',
    pattern:
      "(?:soyez|restez|rester|être)(?: particulièrement| très| plus| d'autant plus)? (?:vigilant|prudent|attentif|méfiant)(?:e|s|es)?|faites preuve de (?:vigilance|prudence)|redoublez de (?:vigilance|prudence)|méfiez-vous|ne (?:cliquez|répondez|communiquez|transmettez|donnez|ouvrez|téléchargez|rappelez|payez|divulguez|saisissez) (?:jamais|pas|sur aucun)|n'(?:ouvrez|y répondez) (?:pas|jamais)|saisissez vous-même",
    source: `${ADVICE}: "Do not open attachments or click; type the official address yourself"`,
  },
  {
    id: 'fr.advice.accounts',
    locale: 'fr',
    part: 'advice',
    pattern:
      '(?:changez|modifiez|renouvelez) (?:votre|vos|le|les) mots? de passe|(?:activez|utilisez) (?:la )?double authentification|(?:vérifiez|surveillez|consultez|contrôlez)(?: régulièrement| attentivement| bien)? (?:vos|votre|les|la liste)|(?:contactez|prévenez|informez) votre banque|(?:déposez|portez) plainte|signalez',
    source: `${ADVICE}: change the password; watch statements and the list of authorised creditors; file a police complaint`,
  },
  {
    id: 'fr.advice.recommend',
    locale: 'fr',
    part: 'advice',
    pattern:
      'nous vous (?:recommandons|conseillons|invitons|encourageons|demandons)|il (?:vous )?est (?:vivement )?(?:recommandé|conseillé)',
    source: ADVICE,
  },
  {
    id: 'sv.advice.vigilance',
    locale: 'sv',
    part: 'advice',
    pattern:
      'var (?:extra |särskilt |lite extra |mycket )?(?:uppmärksam|vaksam|försiktig|misstänksam)(?:ma)?|(?:klicka|svara|öppna|lämna|dela|ring|uppge|ge) (?:aldrig|inte)|tänk på att',
    source: `${ADVICE}: "Do not open attachments or click"`,
  },
  {
    id: 'sv.advice.accounts',
    locale: 'sv',
    part: 'advice',
    pattern:
      '(?:byt|ändra) (?:ditt |dina )?lösenord|aktivera tvåfaktor\\p{L}*|(?:kontrollera|bevaka|granska|håll koll på|se över|gå igenom)(?: regelbundet| noga)? (?:dina|ditt|din|era|vilka)|(?:kontakta|ring) (?:din|er) bank|(?:polisanmäl|anmäl|rapportera) (?:misstänkta|bedrägeri|det|händelsen|till)',
    source: `${ADVICE}: change the password; watch statements; report`,
  },
  {
    id: 'sv.advice.recommend',
    locale: 'sv',
    part: 'advice',
    pattern: 'vi (?:rekommenderar|uppmanar|råder|ber) (?:dig|er|alla)|du (?:bör|kan skydda)',
    source: ADVICE,
  },
];

export const ELEMENT_RULES: readonly ElementRule[] = [
  ...EVENT,
  ...DATA,
  ...CONTACT_MENTION,
  ...CONTACT_DETAILS,
  ...CONSEQUENCE,
  ...MEASURE,
  ...ADVICE_RULES,
];

// ---------------------------------------------------------------------------------------------
// Clarity
// ---------------------------------------------------------------------------------------------

export const CLARITY_RULES: readonly ClarityRule[] = [
  // Vague or passive wording that hides what happened.
  {
    id: 'en.vague.security-incident',
    locale: 'en',
    kind: 'vague-wording',
    pattern: 'security incidents?',
    unlessEventNamed: true,
    source: PLAIN,
  },
  {
    id: 'en.vague.technical',
    locale: 'en',
    kind: 'vague-wording',
    pattern: '(?:it|technical) (?:incident|issue|problem)s?',
    source: PLAIN,
  },
  {
    id: 'en.vague.may-have-been',
    locale: 'en',
    kind: 'vague-wording',
    pattern: '(?:may|might|could) have been|potentially',
    source: PLAIN,
  },
  {
    id: 'en.vague.certain-data',
    locale: 'en',
    kind: 'vague-wording',
    pattern: '(?:certain|some) (?:of your )?(?:personal )?(?:data|information|details)',
    source: PLAIN,
  },
  {
    id: 'en.vague.necessary-measures',
    locale: 'en',
    kind: 'vague-wording',
    pattern: 'necessary (?:measures|steps|actions)|out of an abundance of caution',
    source: PLAIN,
  },
  {
    id: 'fr.vague.security-incident',
    locale: 'fr',
    kind: 'vague-wording',
    pattern: 'incidents? de sécurité',
    unlessEventNamed: true,
    source: PLAIN,
  },
  {
    id: 'fr.vague.technical',
    locale: 'fr',
    kind: 'vague-wording',
    pattern: 'incidents? (?:technique|informatique)s?|événements? de sécurité',
    source: PLAIN,
  },
  {
    id: 'fr.vague.may-have-been',
    locale: 'fr',
    kind: 'vague-wording',
    pattern: "(?:a|ont|aurait|auraient|ayant|avoir) pu(?: être)?|(?:est|sont) susceptibles? d'|potentiellement",
    source: PLAIN,
  },
  {
    id: 'fr.vague.certain-data',
    locale: 'fr',
    kind: 'vague-wording',
    pattern: 'certaines (?:de vos |des )?(?:données|informations)',
    source: PLAIN,
  },
  { id: 'fr.vague.necessary-measures', locale: 'fr', kind: 'vague-wording', pattern: 'mesures nécessaires', source: PLAIN },
  {
    id: 'sv.vague.security-incident',
    locale: 'sv',
    kind: 'vague-wording',
    pattern: 'säkerhetsincident(?:en|er)?|it-incident(?:en|er)?',
    unlessEventNamed: true,
    source: PLAIN,
  },
  {
    id: 'sv.vague.technical',
    locale: 'sv',
    kind: 'vague-wording',
    pattern: 'teknisk(?:a|t)? (?:incident|problem|händelse)(?:en|er)?',
    source: PLAIN,
  },
  { id: 'sv.vague.may-have-been', locale: 'sv', kind: 'vague-wording', pattern: 'kan ha|eventuellt|potentiellt', source: PLAIN },
  {
    id: 'sv.vague.certain-data',
    locale: 'sv',
    kind: 'vague-wording',
    pattern: 'vissa (?:av dina )?(?:person)?uppgifter',
    source: PLAIN,
  },
  { id: 'sv.vague.necessary-measures', locale: 'sv', kind: 'vague-wording', pattern: 'nödvändiga åtgärder', source: PLAIN },
  // Jargon a reader cannot be expected to know.
  {
    id: 'en.jargon.security',
    locale: 'en',
    kind: 'jargon',
    pattern:
      'exfiltrat\\p{L}*|threat actors?|pii|credential stuffing|hash(?:ed|ing)|attack vectors?|indicators? of compromise|iocs?|lateral movement|zero-day',
    source: JARGON,
  },
  { id: 'en.jargon.legal', locale: 'en', kind: 'jargon', pattern: 'data subjects?|data controller|data processor', source: JARGON },
  {
    id: 'fr.jargon.security',
    locale: 'fr',
    kind: 'jargon',
    pattern: "exfiltr\\p{L}*|vecteurs? d'attaque|hachée?s?|hachage|dcp|mouvement latéral|indicateurs? de compromission|credential stuffing",
    source: JARGON,
  },
  { id: 'fr.jargon.legal', locale: 'fr', kind: 'jargon', pattern: 'responsable (?:de|du) traitement|sous-traitant', source: JARGON },
  {
    id: 'sv.jargon.security',
    locale: 'sv',
    kind: 'jargon',
    pattern: 'exfiltr\\p{L}*|hotaktör\\p{L}*|hashade|hashning|hashat|attackvektor\\p{L}*|pii',
    source: JARGON,
  },
  {
    id: 'sv.jargon.legal',
    locale: 'sv',
    kind: 'jargon',
    pattern: 'personuppgiftsbiträde\\p{L}*|personuppgiftsansvarig\\p{L}*|de registrerade',
    source: JARGON,
  },
];

// ---------------------------------------------------------------------------------------------
// Dates: the draft should say when the breach happened
// ---------------------------------------------------------------------------------------------

const MONTHS_EN = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTHS_FR = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const MONTHS_SV = 'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december';
const YEAR = '(?:19|20)\\d{2}';

export const DATE_RULES: readonly PhraseRule[] = [
  {
    id: 'any.date.numeric',
    locale: 'any',
    pattern: `\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2})|${YEAR}-\\d{2}-\\d{2}`,
    source: DATE,
  },
  {
    // "May" and "March" are also words: the month needs a day or a year next to it.
    id: 'en.date.month',
    locale: 'en',
    pattern: `\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS_EN})|(?:${MONTHS_EN}) \\d{1,2}(?:st|nd|rd|th)?|(?:${MONTHS_EN}),? ${YEAR}`,
    source: DATE,
  },
  {
    id: 'en.date.relative',
    locale: 'en',
    pattern: `yesterday|last (?:week|month|night|weekend|year)|earlier this (?:week|month|year)|(?:on|last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:since|in|between|from|during|until) ${YEAR}`,
    source: DATE,
  },
  {
    id: 'fr.date.month',
    locale: 'fr',
    pattern: `\\d{1,2}(?:er)? (?:${MONTHS_FR})|(?:${MONTHS_FR}) ${YEAR}`,
    source: DATE,
  },
  {
    id: 'fr.date.relative',
    locale: 'fr',
    pattern: `hier|avant-hier|la semaine dernière|le mois dernier|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) dernier|(?:en|depuis|entre|de|jusqu'en|début|fin|mi-) ?${YEAR}`,
    source: DATE,
  },
  {
    id: 'sv.date.month',
    locale: 'sv',
    pattern: `\\d{1,2} (?:${MONTHS_SV})|(?:${MONTHS_SV}) ${YEAR}`,
    source: DATE,
  },
  {
    id: 'sv.date.relative',
    locale: 'sv',
    pattern: `igår|i går|förra (?:veckan|månaden|året)|i (?:måndags|tisdags|onsdags|torsdags|fredags|lördags|söndags)|(?:sedan|år|mellan|under|i|från|fram till) ${YEAR}`,
    source: DATE,
  },
];

// ---------------------------------------------------------------------------------------------
// Language detection
// ---------------------------------------------------------------------------------------------

/**
 * Function words, folded, that are frequent in one language and absent (or rare) in the two others.
 * Words that collide after folding are left out: en/sv "for"/"för", fr/sv "en", "de", "du", "se",
 * en/fr "on", "a", sv "at"/"åt", sv "i". No reference gives such a list; chosen by hand.
 */
export const STOP_WORDS: Readonly<Record<Locale, readonly string[]>> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'are',
    'was',
    'were',
    'that',
    'this',
    'with',
    'you',
    'your',
    'we',
    'our',
    'have',
    'has',
    'been',
    'it',
    'not',
    'be',
    'will',
    'from',
    'by',
    'which',
    'please',
    'if',
    'or',
    'any',
    'these',
    'they',
    'their',
    'would',
    'should',
    'can',
    'about',
    'as',
  ],
  fr: [
    'le',
    'la',
    'les',
    'des',
    'et',
    'est',
    'un',
    'une',
    'que',
    'qui',
    'dans',
    'pour',
    'pas',
    'vous',
    'votre',
    'vos',
    'nous',
    'notre',
    'nos',
    'ce',
    'cette',
    'ces',
    'sur',
    'avec',
    'sont',
    'ete',
    'au',
    'aux',
    'par',
    'ne',
    'l',
    'd',
    'qu',
    'il',
    'elle',
    'leur',
    'mais',
    'ou',
    'avez',
    'avons',
    'etre',
  ],
  sv: [
    'och',
    'att',
    'det',
    'som',
    'inte',
    'vi',
    'har',
    'med',
    'den',
    'till',
    'av',
    'ar',
    'pa',
    'om',
    'dig',
    'din',
    'ditt',
    'dina',
    'kan',
    'ska',
    'eller',
    'vara',
    'ni',
    'er',
    'oss',
    'sig',
    'hos',
    'efter',
    'nar',
    'ocksa',
    'bara',
    'alla',
    'detta',
    'dessa',
    'kommer',
    'finns',
    'dem',
  ],
};
