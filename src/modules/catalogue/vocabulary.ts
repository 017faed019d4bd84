import type { Localized } from '../../platform/locale.js';

/** Closed vocabularies of the catalogue. Codes are stable; labels are for display. */

export const ORGANISATION_ROLES = ['controller', 'processor'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** GDPR breach types (EDPB Guidelines 01/2021 para 5): one breach can be of several. */
export const BREACH_NATURES = ['confidentiality', 'integrity', 'availability'] as const;
export type BreachNature = (typeof BREACH_NATURES)[number];

/** Who caused the breach and with what intent (EDPB draft notification template §3.2 "Cause"). */
export const CAUSE_ACTORS = [
  'external-malicious',
  'external-non-malicious',
  'internal-malicious',
  'internal-non-malicious',
  'unknown',
] as const;
export type CauseActor = (typeof CAUSE_ACTORS)[number];

/** How it happened: a subset of the template's 25 "incident nature" options, named for the public. */
export const CAUSE_VECTORS = [
  'stolen-credentials',
  'phishing',
  'hacking',
  'ransomware',
  'vulnerability-exploited',
  'unauthorised-access',
  'misconfigured-tracking',
  'misconfiguration',
  'privilege-abuse',
  'lost-or-stolen-device',
  'misdelivery',
  'unintended-publication',
  'other',
  'unknown',
] as const;
export type CauseVector = (typeof CAUSE_VECTORS)[number];

export const SECTORS = [
  'health',
  'health-insurance',
  'insurance',
  'pensions',
  'banking-finance',
  'logistics',
  'public-administration',
  'retail',
  'telecommunications',
  'technology',
  'education',
  'energy',
  'transport',
  'hospitality',
  'media',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const PRECISIONS = ['exact', 'approximate', 'unknown'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const SECTOR_LABELS: Readonly<Record<Sector, Localized>> = {
  health: { en: 'Health care', fr: 'Santé', sv: 'Hälso- och sjukvård' },
  'health-insurance': {
    en: 'Health insurance and third-party payment',
    fr: 'Complémentaire santé et tiers payant',
    sv: 'Sjukförsäkring och direktbetalning',
  },
  insurance: { en: 'Insurance', fr: 'Assurance', sv: 'Försäkring' },
  pensions: { en: 'Pensions', fr: 'Retraite', sv: 'Pension' },
  'banking-finance': { en: 'Banking and finance', fr: 'Banque et finance', sv: 'Bank och finans' },
  logistics: { en: 'Parcel delivery and logistics', fr: 'Livraison et logistique', sv: 'Paketleverans och logistik' },
  'public-administration': { en: 'Public administration', fr: 'Administration publique', sv: 'Offentlig förvaltning' },
  retail: { en: 'Retail and e-commerce', fr: 'Commerce et e-commerce', sv: 'Handel och e-handel' },
  telecommunications: { en: 'Telecommunications', fr: 'Télécommunications', sv: 'Telekommunikation' },
  technology: { en: 'Technology', fr: 'Technologie', sv: 'Teknik' },
  education: { en: 'Education', fr: 'Éducation', sv: 'Utbildning' },
  energy: { en: 'Energy', fr: 'Énergie', sv: 'Energi' },
  transport: { en: 'Transport', fr: 'Transport', sv: 'Transport' },
  hospitality: { en: 'Hospitality and travel', fr: 'Hôtellerie et voyage', sv: 'Hotell och resor' },
  media: { en: 'Media', fr: 'Médias', sv: 'Media' },
  other: { en: 'Other', fr: 'Autre', sv: 'Övrigt' },
};

export const NATURE_LABELS: Readonly<Record<BreachNature, Localized>> = {
  confidentiality: {
    en: 'Confidentiality: data disclosed or accessed without authorisation',
    fr: 'Confidentialité : données divulguées ou consultées sans autorisation',
    sv: 'Konfidentialitet: uppgifter röjda eller åtkomna utan behörighet',
  },
  integrity: {
    en: 'Integrity: data altered without authorisation',
    fr: 'Intégrité : données modifiées sans autorisation',
    sv: 'Riktighet: uppgifter ändrade utan behörighet',
  },
  availability: {
    en: 'Availability: data or service lost or unavailable',
    fr: 'Disponibilité : données ou service perdus ou indisponibles',
    sv: 'Tillgänglighet: uppgifter eller tjänst förlorade eller otillgängliga',
  },
};

export const CAUSE_ACTOR_LABELS: Readonly<Record<CauseActor, Localized>> = {
  'external-malicious': { en: 'External attack', fr: 'Attaque externe', sv: 'Externt angrepp' },
  'external-non-malicious': {
    en: 'External error (not malicious)',
    fr: 'Erreur externe (non malveillante)',
    sv: 'Externt misstag (ej avsiktligt)',
  },
  'internal-malicious': { en: 'Malicious insider', fr: 'Acte malveillant interne', sv: 'Avsiktlig intern handling' },
  'internal-non-malicious': {
    en: 'Internal error (not malicious)',
    fr: 'Erreur interne (non malveillante)',
    sv: 'Internt misstag (ej avsiktligt)',
  },
  unknown: { en: 'Unknown', fr: 'Inconnue', sv: 'Okänd' },
};

export const CAUSE_VECTOR_LABELS: Readonly<Record<CauseVector, Localized>> = {
  'stolen-credentials': {
    en: 'Use of stolen login credentials',
    fr: "Utilisation d'identifiants de connexion volés",
    sv: 'Användning av stulna inloggningsuppgifter',
  },
  phishing: { en: 'Phishing', fr: 'Hameçonnage', sv: 'Nätfiske' },
  hacking: {
    en: 'Intrusion (hacking or malware)',
    fr: 'Intrusion (piratage ou logiciel malveillant)',
    sv: 'Intrång (dataintrång eller skadlig kod)',
  },
  ransomware: { en: 'Ransomware', fr: 'Rançongiciel', sv: 'Utpressningsprogram' },
  'vulnerability-exploited': {
    en: 'Exploited software vulnerability',
    fr: 'Exploitation d’une vulnérabilité logicielle',
    sv: 'Utnyttjad sårbarhet i programvara',
  },
  'unauthorised-access': { en: 'Unauthorised access', fr: 'Accès non autorisé', sv: 'Obehörig åtkomst' },
  'misconfigured-tracking': {
    en: 'Tracking tools sending data to third parties',
    fr: 'Outils de suivi transmettant des données à des tiers',
    sv: 'Spårningsverktyg som skickade uppgifter till tredje part',
  },
  misconfiguration: { en: 'Misconfiguration', fr: 'Erreur de configuration', sv: 'Felkonfiguration' },
  'privilege-abuse': { en: 'Abuse of access rights', fr: "Abus de droits d'accès", sv: 'Missbruk av behörighet' },
  'lost-or-stolen-device': {
    en: 'Lost or stolen device or paper',
    fr: 'Appareil ou document perdu ou volé',
    sv: 'Förlorad eller stulen enhet eller handling',
  },
  misdelivery: { en: 'Sent to the wrong recipient', fr: 'Envoi au mauvais destinataire', sv: 'Skickat till fel mottagare' },
  'unintended-publication': { en: 'Unintended publication', fr: 'Publication involontaire', sv: 'Oavsiktlig publicering' },
  other: { en: 'Other', fr: 'Autre', sv: 'Annat' },
  unknown: { en: 'Not yet known', fr: 'Pas encore connue', sv: 'Ännu okänd' },
};

/** Supervisory authorities breachdesk knows by code (GDPR Art. 51). Extend as breaches need them. */
export interface SupervisoryAuthority {
  readonly code: string;
  readonly country: string;
  readonly name: string;
  readonly url: string;
}

export const SUPERVISORY_AUTHORITIES: readonly SupervisoryAuthority[] = [
  { code: 'fr-cnil', country: 'FR', name: "Commission nationale de l'informatique et des libertés (CNIL)", url: 'https://www.cnil.fr/' },
  { code: 'se-imy', country: 'SE', name: 'Integritetsskyddsmyndigheten (IMY)', url: 'https://www.imy.se/' },
  {
    code: 'de-bfdi',
    country: 'DE',
    name: 'Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)',
    url: 'https://www.bfdi.bund.de/',
  },
  { code: 'ie-dpc', country: 'IE', name: 'Data Protection Commission (DPC)', url: 'https://www.dataprotection.ie/' },
  { code: 'nl-ap', country: 'NL', name: 'Autoriteit Persoonsgegevens (AP)', url: 'https://www.autoriteitpersoonsgegevens.nl/' },
  { code: 'be-apd', country: 'BE', name: 'Autorité de protection des données (APD/GBA)', url: 'https://www.autoriteprotectiondonnees.be/' },
  { code: 'es-aepd', country: 'ES', name: 'Agencia Española de Protección de Datos (AEPD)', url: 'https://www.aepd.es/' },
  { code: 'it-garante', country: 'IT', name: 'Garante per la protezione dei dati personali', url: 'https://www.garanteprivacy.it/' },
  { code: 'dk-datatilsynet', country: 'DK', name: 'Datatilsynet (Denmark)', url: 'https://www.datatilsynet.dk/' },
  { code: 'no-datatilsynet', country: 'NO', name: 'Datatilsynet (Norway)', url: 'https://www.datatilsynet.no/' },
  { code: 'fi-tietosuoja', country: 'FI', name: 'Tietosuojavaltuutetun toimisto', url: 'https://tietosuoja.fi/' },
  { code: 'lu-cnpd', country: 'LU', name: 'Commission nationale pour la protection des données (CNPD)', url: 'https://cnpd.public.lu/' },
];

const authoritiesByCode = new Map(SUPERVISORY_AUTHORITIES.map((a) => [a.code, a]));

export function findAuthority(code: string): SupervisoryAuthority | undefined {
  return authoritiesByCode.get(code);
}
