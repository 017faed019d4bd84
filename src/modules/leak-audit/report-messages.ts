/**
 * The leak-audit report's words in English, French and Swedish (renderAuditReportHtml). The English
 * "cannot see" texts also go into the JSON report, so a machine reader gets the same caveats.
 */
import type { Locale } from '../../platform/locale.js';
import type { ConsentState, PersonaField } from './model.js';

/** What no browser audit can observe (reference tracker-leak-audit.md §3.5 "Out of reach of any crawler", §2 last column). */
export const BLIND_SPOTS = ['server-side-conversions', 'audience-uploads', 'mobile-apps', 'email-tracking', 'vendor-settings'] as const;
export type BlindSpot = (typeof BLIND_SPOTS)[number];

/** Where each blind spot is documented: the reference (shared/reference/tracker-leak-audit.md) and its sources. */
export const BLIND_SPOT_SOURCES: Readonly<Record<BlindSpot, readonly string[]>> = {
  'server-side-conversions': [
    'tracker-leak-audit.md §2 (server-side path column), §3.5',
    'https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters',
    'https://developers.google.com/google-ads/api/docs/conversions/upload-online',
  ],
  'audience-uploads': [
    'tracker-leak-audit.md §0.1 (Folksam, Custom Audiences), §3.5',
    'https://aigine.se/en/folksam-illegally-shared-personal-data-of-1m-individuals/gdpr/',
  ],
  'mobile-apps': ['tracker-leak-audit.md §4.2 (the crawl drives a web browser only)'],
  'email-tracking': ['tracker-leak-audit.md §3.5 (out of reach of any crawler)'],
  'vendor-settings': [
    'tracker-leak-audit.md §0.2 (Apoteket, IMY-2022-3270: automatic advanced matching switched on in Meta), §3.5',
    'https://gdprhub.eu/index.php?direction=prev&oldid=42824&title=IMY_%28Sweden%29_-_IMY-2022-3270',
  ],
};

export interface ReportMessages {
  readonly lang: Locale;
  readonly title: string;
  readonly intro: string;
  readonly generatedAt: string;
  readonly source: string;
  readonly sourceCrawl: string;
  readonly sourceHar: string;
  readonly inputs: string;
  readonly firstPartyDomains: string;
  readonly consentStatesAudited: string;
  readonly requestsAudited: string;
  readonly summary: string;
  readonly noFindings: string;
  readonly callouts: {
    readonly afterRejectAll: (n: number, companies: string) => string;
    readonly beforeChoice: (n: number, companies: string) => string;
    readonly disguised: (n: number, hosts: string) => string;
    readonly sensitive: (n: number, companies: string) => string;
    readonly identityNumber: (n: number, companies: string) => string;
  };
  readonly byCompany: string;
  readonly byField: string;
  readonly byConsent: string;
  readonly company: string;
  readonly domains: string;
  readonly field: string;
  readonly fields: string;
  readonly findings: string;
  readonly companies: string;
  readonly consent: string;
  readonly findingsTitle: string;
  readonly findingsCaption: string;
  readonly number: string;
  readonly persona: string;
  readonly recipient: string;
  readonly endpoint: string;
  readonly page: string;
  readonly how: string;
  readonly vendorField: string;
  readonly requests: string;
  readonly evidenceTitle: string;
  readonly evidenceFor: (id: string) => string;
  readonly method: string;
  readonly url: string;
  readonly location: string;
  readonly wireText: string;
  readonly initiator: string;
  readonly step: string;
  readonly headers: string;
  readonly headersCaption: (id: string) => string;
  readonly headerName: string;
  readonly headerValue: string;
  readonly firstParty: string;
  readonly thirdParty: string;
  readonly disguisedCollector: string;
  readonly sentAsIs: string;
  readonly moreRequests: (n: number) => string;
  readonly cannotSeeTitle: string;
  readonly cannotSeeIntro: string;
  readonly cannotSee: Readonly<Record<BlindSpot, { readonly title: string; readonly text: string }>>;
  readonly sources: string;
  readonly limitsTitle: string;
  readonly failedSteps: string;
  readonly skippedEntries: string;
  readonly cnameFailures: string;
  readonly noLimits: string;
  readonly consentStates: Readonly<Record<ConsentState, string>>;
  readonly personaFields: Readonly<Record<PersonaField, string>>;
  readonly parts: Readonly<Record<'url' | 'header' | 'cookie' | 'body' | 'websocket', string>>;
}

const en: ReportMessages = {
  lang: 'en',
  title: 'Leak audit: personal data sent to third parties',
  intro:
    'A browser visited the pages below as a test customer and recorded every request they made. Each finding is a value of the test customer that left the site for another company, with the request as evidence. The values are test data, not a real person’s.',
  generatedAt: 'Generated',
  source: 'Collected by',
  sourceCrawl: 'a crawl in Chromium',
  sourceHar: 'HAR files recorded in a browser',
  inputs: 'Inputs',
  firstPartyDomains: 'Your domains (first party)',
  consentStatesAudited: 'Consent states audited',
  requestsAudited: 'Requests audited',
  summary: 'Summary',
  noFindings: 'No personal data of the test customer reached a third party in the requests audited.',
  callouts: {
    afterRejectAll: (n, c) => `${n} finding(s) even after the visitor chose “Reject all”: ${c}.`,
    beforeChoice: (n, c) => `${n} finding(s) before the visitor made any consent choice: ${c}.`,
    disguised: (n, h) => `${n} finding(s) sent to a tracker’s collector disguised as one of your own hosts: ${h}.`,
    sensitive: (n, c) => `${n} finding(s) reveal a sensitive product or term: ${c}.`,
    identityNumber: (n, c) => `${n} finding(s) carry a national identity number: ${c}.`,
  },
  byCompany: 'Findings per company',
  byField: 'Findings per personal data field',
  byConsent: 'Findings per consent state',
  company: 'Company',
  domains: 'Domains',
  field: 'Field',
  fields: 'Fields',
  findings: 'Findings',
  companies: 'Companies',
  consent: 'Consent state',
  findingsTitle: 'Findings',
  findingsCaption: 'Each row: one field of the test customer, sent to one endpoint, from one page, in one consent state.',
  number: 'No.',
  persona: 'Test customer',
  recipient: 'Recipient',
  endpoint: 'Endpoint',
  page: 'Page',
  how: 'How it was sent',
  vendorField: 'Vendor field',
  requests: 'Requests',
  evidenceTitle: 'Evidence',
  evidenceFor: (id) => `Evidence for finding ${id}`,
  method: 'Method',
  url: 'URL (matched part highlighted)',
  location: 'Where in the request',
  wireText: 'Text on the wire',
  initiator: 'Sent by script',
  step: 'Audit step',
  headers: 'Request headers',
  headersCaption: (id) => `Headers of request ${id} (secrets redacted, test values kept)`,
  headerName: 'Header',
  headerValue: 'Value',
  firstParty: 'first party',
  thirdParty: 'third party',
  disguisedCollector: 'Disguised collector',
  sentAsIs: 'as typed',
  moreRequests: (n) => `${n} more request(s) with the same finding are in report.json.`,
  cannotSeeTitle: 'What a browser audit cannot see',
  cannotSeeIntro:
    'This audit only sees what leaves the visitor’s browser. Personal data can also reach the same companies by routes no browser crawl observes; review them with your marketing, CRM and IT teams (egress proxy logs, vendor account settings).',
  cannotSee: {
    'server-side-conversions': {
      title: 'Server-side conversion APIs',
      text: 'Meta Conversions API, Google Ads enhanced conversions uploaded from a server, GA4 Measurement Protocol, LinkedIn and TikTok events APIs, server-side tag managers: your servers send hashed e-mails, phone numbers and IP addresses directly to the vendor.',
    },
    'audience-uploads': {
      title: 'Audience and customer-list uploads',
      text: 'Customer lists uploaded to Meta Custom Audiences, Google Customer Match or LinkedIn Matched Audiences, by hand or from a CRM (as Folksam did).',
    },
    'mobile-apps': {
      title: 'Mobile apps',
      text: 'Analytics and advertising SDKs in your iOS and Android apps send their own data; audit the apps separately (for example through a proxy).',
    },
    'email-tracking': {
      title: 'E-mail tracking pixels',
      text: 'Newsletters and transactional e-mails may load pixels and tracked links that tell a vendor who opened or clicked.',
    },
    'vendor-settings': {
      title: 'Settings in the vendors’ own consoles',
      text: 'Options such as Meta’s “automatic advanced matching” are switched on in the vendor’s interface, not in your code (the cause of the Apoteket case); check each account’s settings.',
    },
  },
  sources: 'Sources',
  limitsTitle: 'Limits of this run',
  failedSteps: 'Audit steps that failed',
  skippedEntries: 'HAR entries that could not be used',
  cnameFailures: 'Hosts whose DNS aliases (CNAME) could not be resolved',
  noLimits: 'Every step ran and every request could be read.',
  consentStates: { 'accept-all': 'Accept all', 'reject-all': 'Reject all', 'no-choice': 'No choice made' },
  personaFields: {
    email: 'E-mail address',
    phone: 'Phone number',
    'se-personnummer': 'Swedish personal identity number',
    'fr-nir': 'French social security number (NIR)',
    'first-name': 'First name',
    'last-name': 'Last name',
    postcode: 'Postcode',
    city: 'City',
    street: 'Street address',
    'birth-date': 'Date of birth',
    'customer-number': 'Customer number',
    'policy-number': 'Policy number',
    'sensitive-term': 'Sensitive term (product, condition)',
  },
  parts: { url: 'URL', header: 'header', cookie: 'cookie', body: 'body', websocket: 'WebSocket message' },
};

const fr: ReportMessages = {
  lang: 'fr',
  title: 'Audit de fuites : données personnelles envoyées à des tiers',
  intro:
    'Un navigateur a visité les pages ci-dessous comme un client de test et a enregistré toutes les requêtes qu’elles ont faites. Chaque constat est une valeur du client de test partie du site vers une autre entreprise, avec la requête pour preuve. Ces valeurs sont des données de test, pas celles d’une vraie personne.',
  generatedAt: 'Produit le',
  source: 'Collecte',
  sourceCrawl: 'parcours automatisé dans Chromium',
  sourceHar: 'fichiers HAR enregistrés dans un navigateur',
  inputs: 'Entrées',
  firstPartyDomains: 'Vos domaines (première partie)',
  consentStatesAudited: 'États de consentement audités',
  requestsAudited: 'Requêtes auditées',
  summary: 'Synthèse',
  noFindings: 'Aucune donnée personnelle du client de test n’a atteint un tiers dans les requêtes auditées.',
  callouts: {
    afterRejectAll: (n, c) => `${n} constat(s) même après « Tout refuser » : ${c}.`,
    beforeChoice: (n, c) => `${n} constat(s) avant tout choix de consentement du visiteur : ${c}.`,
    disguised: (n, h) => `${n} constat(s) envoyés à un collecteur de traceur déguisé en l’un de vos domaines : ${h}.`,
    sensitive: (n, c) => `${n} constat(s) révèlent un produit ou un terme sensible : ${c}.`,
    identityNumber: (n, c) => `${n} constat(s) contiennent un numéro d’identification national : ${c}.`,
  },
  byCompany: 'Constats par entreprise',
  byField: 'Constats par donnée personnelle',
  byConsent: 'Constats par état de consentement',
  company: 'Entreprise',
  domains: 'Domaines',
  field: 'Donnée',
  fields: 'Données',
  findings: 'Constats',
  companies: 'Entreprises',
  consent: 'État de consentement',
  findingsTitle: 'Constats',
  findingsCaption:
    'Chaque ligne : une donnée du client de test, envoyée à un point de collecte, depuis une page, dans un état de consentement.',
  number: 'N°',
  persona: 'Client de test',
  recipient: 'Destinataire',
  endpoint: 'Point de collecte',
  page: 'Page',
  how: 'Sous quelle forme',
  vendorField: 'Champ du fournisseur',
  requests: 'Requêtes',
  evidenceTitle: 'Preuves',
  evidenceFor: (id) => `Preuve du constat ${id}`,
  method: 'Méthode',
  url: 'URL (partie trouvée surlignée)',
  location: 'Emplacement dans la requête',
  wireText: 'Texte transmis',
  initiator: 'Envoyé par le script',
  step: 'Étape de l’audit',
  headers: 'En-têtes de la requête',
  headersCaption: (id) => `En-têtes de la requête ${id} (secrets masqués, valeurs de test conservées)`,
  headerName: 'En-tête',
  headerValue: 'Valeur',
  firstParty: 'première partie',
  thirdParty: 'tiers',
  disguisedCollector: 'Collecteur déguisé',
  sentAsIs: 'tel que saisi',
  moreRequests: (n) => `${n} autre(s) requête(s) avec le même constat figurent dans report.json.`,
  cannotSeeTitle: 'Ce qu’un audit dans le navigateur ne peut pas voir',
  cannotSeeIntro:
    'Cet audit ne voit que ce qui quitte le navigateur du visiteur. Des données personnelles peuvent aussi parvenir aux mêmes entreprises par des voies qu’aucun parcours automatisé n’observe ; examinez-les avec vos équipes marketing, CRM et informatique (journaux du proxy sortant, réglages des comptes fournisseurs).',
  cannotSee: {
    'server-side-conversions': {
      title: 'API de conversion côté serveur',
      text: 'API Conversions de Meta, conversions améliorées Google Ads envoyées depuis un serveur, Measurement Protocol de GA4, API d’événements de LinkedIn et TikTok, gestionnaires de balises côté serveur : vos serveurs envoient directement au fournisseur des e-mails et numéros hachés et des adresses IP.',
    },
    'audience-uploads': {
      title: 'Téléversement d’audiences et de listes de clients',
      text: 'Listes de clients téléversées vers les audiences personnalisées de Meta, Customer Match de Google ou LinkedIn, à la main ou depuis un CRM (comme l’a fait Folksam).',
    },
    'mobile-apps': {
      title: 'Applications mobiles',
      text: 'Les SDK d’analyse et de publicité de vos applications iOS et Android envoient leurs propres données ; auditez les applications à part (par exemple via un proxy).',
    },
    'email-tracking': {
      title: 'Pixels de suivi dans les e-mails',
      text: 'Lettres d’information et e-mails transactionnels peuvent charger des pixels et des liens suivis qui indiquent à un fournisseur qui a ouvert ou cliqué.',
    },
    'vendor-settings': {
      title: 'Réglages dans les consoles des fournisseurs',
      text: 'Des options comme la « correspondance avancée automatique » de Meta s’activent dans l’interface du fournisseur, pas dans votre code (la cause de l’affaire Apoteket) ; vérifiez les réglages de chaque compte.',
    },
  },
  sources: 'Sources',
  limitsTitle: 'Limites de cette exécution',
  failedSteps: 'Étapes de l’audit en échec',
  skippedEntries: 'Entrées HAR inutilisables',
  cnameFailures: 'Hôtes dont les alias DNS (CNAME) n’ont pas pu être résolus',
  noLimits: 'Toutes les étapes ont abouti et toutes les requêtes ont pu être lues.',
  consentStates: { 'accept-all': 'Tout accepter', 'reject-all': 'Tout refuser', 'no-choice': 'Aucun choix' },
  personaFields: {
    email: 'Adresse e-mail',
    phone: 'Numéro de téléphone',
    'se-personnummer': 'Numéro d’identité suédois (personnummer)',
    'fr-nir': 'Numéro de sécurité sociale (NIR)',
    'first-name': 'Prénom',
    'last-name': 'Nom',
    postcode: 'Code postal',
    city: 'Ville',
    street: 'Adresse',
    'birth-date': 'Date de naissance',
    'customer-number': 'Numéro de client',
    'policy-number': 'Numéro de contrat',
    'sensitive-term': 'Terme sensible (produit, pathologie)',
  },
  parts: { url: 'URL', header: 'en-tête', cookie: 'cookie', body: 'corps', websocket: 'message WebSocket' },
};

const sv: ReportMessages = {
  lang: 'sv',
  title: 'Läckagegranskning: personuppgifter som skickas till tredje part',
  intro:
    'En webbläsare besökte sidorna nedan som en testkund och registrerade varje anrop de gjorde. Varje fynd är ett värde från testkunden som lämnade webbplatsen till ett annat företag, med anropet som bevis. Värdena är testdata, inte en verklig persons.',
  generatedAt: 'Skapad',
  source: 'Insamling',
  sourceCrawl: 'automatisk genomgång i Chromium',
  sourceHar: 'HAR-filer inspelade i en webbläsare',
  inputs: 'Indata',
  firstPartyDomains: 'Era domäner (första part)',
  consentStatesAudited: 'Granskade samtyckesval',
  requestsAudited: 'Granskade anrop',
  summary: 'Sammanfattning',
  noFindings: 'Inga personuppgifter från testkunden nådde någon tredje part i de granskade anropen.',
  callouts: {
    afterRejectAll: (n, c) => `${n} fynd även efter att besökaren valt ”Avvisa alla”: ${c}.`,
    beforeChoice: (n, c) => `${n} fynd innan besökaren gjort något samtyckesval: ${c}.`,
    disguised: (n, h) => `${n} fynd skickade till en spårares insamlare förklädd till en av era egna värdar: ${h}.`,
    sensitive: (n, c) => `${n} fynd avslöjar en känslig produkt eller term: ${c}.`,
    identityNumber: (n, c) => `${n} fynd innehåller ett personnummer eller annat nationellt id-nummer: ${c}.`,
  },
  byCompany: 'Fynd per företag',
  byField: 'Fynd per personuppgift',
  byConsent: 'Fynd per samtyckesval',
  company: 'Företag',
  domains: 'Domäner',
  field: 'Uppgift',
  fields: 'Uppgifter',
  findings: 'Fynd',
  companies: 'Företag',
  consent: 'Samtyckesval',
  findingsTitle: 'Fynd',
  findingsCaption: 'Varje rad: en uppgift om testkunden, skickad till en mottagaradress, från en sida, med ett samtyckesval.',
  number: 'Nr',
  persona: 'Testkund',
  recipient: 'Mottagare',
  endpoint: 'Mottagaradress',
  page: 'Sida',
  how: 'Hur den skickades',
  vendorField: 'Leverantörens fält',
  requests: 'Anrop',
  evidenceTitle: 'Bevis',
  evidenceFor: (id) => `Bevis för fynd ${id}`,
  method: 'Metod',
  url: 'URL (träffen markerad)',
  location: 'Var i anropet',
  wireText: 'Skickad text',
  initiator: 'Skickat av skript',
  step: 'Granskningssteg',
  headers: 'Anropets huvuden',
  headersCaption: (id) => `Huvuden i anrop ${id} (hemligheter dolda, testvärden kvar)`,
  headerName: 'Huvud',
  headerValue: 'Värde',
  firstParty: 'första part',
  thirdParty: 'tredje part',
  disguisedCollector: 'Förklädd insamlare',
  sentAsIs: 'som inskrivet',
  moreRequests: (n) => `${n} anrop till med samma fynd finns i report.json.`,
  cannotSeeTitle: 'Vad en granskning i webbläsaren inte kan se',
  cannotSeeIntro:
    'Granskningen ser bara det som lämnar besökarens webbläsare. Personuppgifter kan också nå samma företag på vägar som ingen automatisk genomgång ser; gå igenom dem med marknad, CRM och IT (loggar från utgående proxy, inställningar i leverantörernas konton).',
  cannotSee: {
    'server-side-conversions': {
      title: 'Konverterings-API:er på serversidan',
      text: 'Metas Conversions API, Google Ads förbättrade konverteringar som laddas upp från en server, GA4 Measurement Protocol, LinkedIns och TikToks händelse-API:er, taggservrar: era servrar skickar hashade e-postadresser, telefonnummer och IP-adresser direkt till leverantören.',
    },
    'audience-uploads': {
      title: 'Uppladdade målgrupper och kundlistor',
      text: 'Kundlistor som laddas upp till Metas anpassade målgrupper, Google Customer Match eller LinkedIn, för hand eller från ett CRM (som Folksam gjorde).',
    },
    'mobile-apps': {
      title: 'Mobilappar',
      text: 'Analys- och annons-SDK:er i era iOS- och Android-appar skickar egna data; granska apparna separat (till exempel genom en proxy).',
    },
    'email-tracking': {
      title: 'Spårningspixlar i e-post',
      text: 'Nyhetsbrev och transaktionsmejl kan ladda pixlar och spårade länkar som berättar för en leverantör vem som öppnade eller klickade.',
    },
    'vendor-settings': {
      title: 'Inställningar i leverantörernas egna konsoler',
      text: 'Alternativ som Metas ”automatisk avancerad matchning” slås på i leverantörens gränssnitt, inte i er kod (orsaken i Apoteket-ärendet); kontrollera varje kontos inställningar.',
    },
  },
  sources: 'Källor',
  limitsTitle: 'Begränsningar i denna körning',
  failedSteps: 'Granskningssteg som misslyckades',
  skippedEntries: 'HAR-poster som inte kunde användas',
  cnameFailures: 'Värdar vars DNS-alias (CNAME) inte kunde slås upp',
  noLimits: 'Alla steg kördes och alla anrop kunde läsas.',
  consentStates: { 'accept-all': 'Godkänn alla', 'reject-all': 'Avvisa alla', 'no-choice': 'Inget val gjort' },
  personaFields: {
    email: 'E-postadress',
    phone: 'Telefonnummer',
    'se-personnummer': 'Personnummer',
    'fr-nir': 'Franskt socialförsäkringsnummer (NIR)',
    'first-name': 'Förnamn',
    'last-name': 'Efternamn',
    postcode: 'Postnummer',
    city: 'Ort',
    street: 'Gatuadress',
    'birth-date': 'Födelsedatum',
    'customer-number': 'Kundnummer',
    'policy-number': 'Försäkringsnummer',
    'sensitive-term': 'Känslig term (produkt, tillstånd)',
  },
  parts: { url: 'URL', header: 'huvud', cookie: 'kaka', body: 'innehåll', websocket: 'WebSocket-meddelande' },
};

export const REPORT_MESSAGES: Readonly<Record<Locale, ReportMessages>> = { en, fr, sv };
