import { DATA_CLASSES } from '../../modules/catalogue/taxonomy.js';
import {
  CAUSE_ACTOR_LABELS,
  CAUSE_VECTOR_LABELS,
  findAuthority,
  type CauseActor,
  type CauseVector,
} from '../../modules/catalogue/vocabulary.js';
import {
  NOTIFICATION_PDF_MESSAGES,
  type NotificationOptionCode,
  type NotificationPdfMessages,
} from '../../modules/incidents/notification-pdf-messages.js';
import type { CommunicationGround, CommunicationStatus, DiscoverySource } from '../../modules/incidents/model/incident.js';
import type { Locale } from '../../platform/locale.js';
import type { SectionKey, VocabularyName } from '../incident-sections.js';
import { ADVICE_MESSAGES } from './desk-advice-pages.js';
import { CONSOLE_MESSAGES } from './console-pages.js';

/**
 * The words of the incident's section forms (web/incident-sections.ts). Most come from where they
 * already exist: the notification PDF's field labels and option texts (the EDPB template's own words),
 * the catalogue's vocabularies and the console's messages. This file adds only what none of them says.
 */
const en = {
  sectionsTitle: 'The record, section by section (EDPB template)',
  sectionsIntro:
    'Every field of the notification template, in forms. Each section is saved on its own; the rest of the record stays as it is.',
  general: 'The incident',
  processorRelation: 'Processor and controllers',
  backToIncident: 'Back to the incident',
  saved: 'Saved.',
  storedNow: 'What is saved now',
  next: 'Next section',
  notSaid: 'Not specified',
  row: 'row {n}',
  rowsHint: 'Blank rows are ignored. Save to get more empty rows.',
  utc: 'UTC',
  dateHint: 'As precise as known: 2024, 2024-01, 2024-01-29, or a date and time in UTC such as 2024-01-29 14:30.',
  linesHint: 'One per line.',
  codesHint: 'ISO country codes separated by commas: FR, SE …',
  nothingYet: 'Nothing recorded yet.',
  filled: 'filled in',
  empty: 'empty',
  caseReference: 'Case reference given by the authority',
  qualification: 'Role of this party',
  discovery: 'Discovery',
  confidentialityEvidence: 'Evidence that the data were not exfiltrated',
  byCountry: 'People concerned per country of residence',
  count: 'Number',
  atLeast: 'At least this number (a lower bound)',
  communicationGround: 'Why the people are not told',
  communicationAt: 'Date the people were told, or will be',
  authorityKind: 'Kind of authority',
  informedAt: 'Informed on',
  role: 'Our role in this incident',
  processorName: 'Name of the processor',
  controllers: 'Controllers informed',
  theirReference: 'Their reference',
  processorIncidentId: 'The processor’s incident',
  notifiedByProcessorAt: 'Passed on by the processor on',
  discoverySources: {
    internal: 'The organisation itself',
    'third-party': 'A third party',
    authority: 'An authority',
    media: 'The media',
  },
  communicationStatuses: {
    done: 'Done: the people have been told',
    planned: 'Planned',
    'not-required': 'Not required',
    delayed: 'Delayed',
  },
} as const;

type OwnDiscovery = Exclude<DiscoverySource, 'processor' | 'data-subject' | 'other'>;
type FormMessages = {
  readonly [K in keyof typeof en]: K extends 'discoverySources'
    ? Readonly<Record<OwnDiscovery, string>>
    : K extends 'communicationStatuses'
      ? Readonly<Record<CommunicationStatus, string>>
      : string;
};

const fr: FormMessages = {
  sectionsTitle: 'La fiche, rubrique par rubrique (modèle du CEPD)',
  sectionsIntro:
    'Tous les champs du modèle de notification, en formulaires. Chaque rubrique s’enregistre à part ; le reste de la fiche ne change pas.',
  general: 'La violation',
  processorRelation: 'Sous-traitant et responsables du traitement',
  backToIncident: 'Retour à la violation',
  saved: 'Enregistré.',
  storedNow: 'Ce qui est enregistré maintenant',
  next: 'Rubrique suivante',
  notSaid: 'Non renseigné',
  row: 'ligne {n}',
  rowsHint: 'Les lignes vides sont ignorées. Enregistrez pour obtenir d’autres lignes vides.',
  utc: 'UTC',
  dateHint: 'Aussi précise que connue : 2024, 2024-01, 2024-01-29, ou une date et une heure UTC comme 2024-01-29 14:30.',
  linesHint: 'Un par ligne.',
  codesHint: 'Codes pays ISO séparés par des virgules : FR, SE…',
  nothingYet: 'Rien d’enregistré pour l’instant.',
  filled: 'renseignée',
  empty: 'vide',
  caseReference: 'Référence du dossier donnée par l’autorité',
  qualification: 'Rôle de cette partie',
  discovery: 'Découverte',
  confidentialityEvidence: 'Éléments montrant que les données n’ont pas été exfiltrées',
  byCountry: 'Personnes concernées par pays de résidence',
  count: 'Nombre',
  atLeast: 'Au moins ce nombre (minimum)',
  communicationGround: 'Pourquoi les personnes ne sont pas informées',
  communicationAt: 'Date à laquelle les personnes ont été ou seront informées',
  authorityKind: 'Type d’autorité',
  informedAt: 'Informé le',
  role: 'Notre rôle dans cette violation',
  processorName: 'Nom du sous-traitant',
  controllers: 'Responsables du traitement informés',
  theirReference: 'Leur référence',
  processorIncidentId: 'La fiche du sous-traitant',
  notifiedByProcessorAt: 'Transmise par le sous-traitant le',
  discoverySources: {
    internal: 'L’organisme lui-même',
    'third-party': 'Un tiers',
    authority: 'Une autorité',
    media: 'Les médias',
  },
  communicationStatuses: {
    done: 'Faite : les personnes ont été informées',
    planned: 'Prévue',
    'not-required': 'Non requise',
    delayed: 'Différée',
  },
};

const sv: FormMessages = {
  sectionsTitle: 'Posten, avsnitt för avsnitt (EDPB:s mall)',
  sectionsIntro: 'Alla fält i anmälningsmallen, som formulär. Varje avsnitt sparas för sig; resten av posten förblir som den är.',
  general: 'Incidenten',
  processorRelation: 'Personuppgiftsbiträde och personuppgiftsansvariga',
  backToIncident: 'Tillbaka till incidenten',
  saved: 'Sparat.',
  storedNow: 'Det som är sparat nu',
  next: 'Nästa avsnitt',
  notSaid: 'Ej angivet',
  row: 'rad {n}',
  rowsHint: 'Tomma rader ignoreras. Spara för att få fler tomma rader.',
  utc: 'UTC',
  dateHint: 'Så exakt som det är känt: 2024, 2024-01, 2024-01-29, eller datum och tid i UTC som 2024-01-29 14:30.',
  linesHint: 'En per rad.',
  codesHint: 'ISO-landskoder åtskilda med kommatecken: FR, SE …',
  nothingYet: 'Inget registrerat ännu.',
  filled: 'ifyllt',
  empty: 'tomt',
  caseReference: 'Myndighetens diarienummer',
  qualification: 'Partens roll',
  discovery: 'Upptäckt',
  confidentialityEvidence: 'Belägg för att uppgifterna inte har förts ut',
  byCountry: 'Berörda personer per bosättningsland',
  count: 'Antal',
  atLeast: 'Minst detta antal (en nedre gräns)',
  communicationGround: 'Varför de berörda inte informeras',
  communicationAt: 'Datum då de berörda informerades eller ska informeras',
  authorityKind: 'Typ av myndighet',
  informedAt: 'Informerad den',
  role: 'Vår roll i incidenten',
  processorName: 'Personuppgiftsbiträdets namn',
  controllers: 'Informerade personuppgiftsansvariga',
  theirReference: 'Deras referens',
  processorIncidentId: 'Personuppgiftsbiträdets incident',
  notifiedByProcessorAt: 'Vidarebefordrad av personuppgiftsbiträdet den',
  discoverySources: {
    internal: 'Organisationen själv',
    'third-party': 'En tredje part',
    authority: 'En myndighet',
    media: 'Medierna',
  },
  communicationStatuses: {
    done: 'Gjord: de berörda har informerats',
    planned: 'Planerad',
    'not-required': 'Krävs inte',
    delayed: 'Uppskjuten',
  },
};

export const INCIDENT_FORM_MESSAGES: Readonly<Record<Locale, FormMessages>> = { en, fr, sv };

/** Every label of the section forms, by label key (the field's path with rows as `*`). */
function labelTable(locale: Locale): Readonly<Record<string, string>> {
  const p = NOTIFICATION_PDF_MESSAGES[locale].fields;
  const s = NOTIFICATION_PDF_MESSAGES[locale].sections;
  const c = CONSOLE_MESSAGES[locale];
  const o = INCIDENT_FORM_MESSAGES[locale];
  return {
    title: c.incidentTitle,
    reference: p['notification.internalReference'],
    description: p['nature.description'],
    'notification.type': p['notification.type'],
    'notification.withdrawalReason': p['notification.withdrawalReason'],
    'authority.code': NOTIFICATION_PDF_MESSAGES[locale].header.authority,
    'authority.caseReference': o.caseReference,
    'contacts.reporter': s.reporter,
    'contacts.reporter.name': p['reporter.name'],
    'contacts.reporter.function': p['reporter.function'],
    'contacts.reporter.functionDescription': p['reporter.functionDescription'],
    'contacts.reporter.email': p['reporter.email'],
    'contacts.reporter.phone': p['reporter.phone'],
    'contacts.contactPoint': p['contacts.moreInformationAt'],
    'contacts.contactPoint.name': p['reporter.name'],
    'contacts.contactPoint.function': p['reporter.function'],
    'contacts.contactPoint.email': p['reporter.email'],
    'contacts.contactPoint.phone': p['reporter.phone'],
    'contacts.otherParties': p['contacts.otherParties'],
    'contacts.otherParties.*.qualification': o.qualification,
    'contacts.otherParties.*.name': p['reporter.name'],
    'contacts.otherParties.*.contactDetails': p['notification.organisation.contactDetails'],
    'timeline.occurrence': p['timeline.occurrence'],
    'timeline.occurredFrom': p['timeline.start'],
    'timeline.occurredTo': p['timeline.end'],
    'timeline.estimated': p['timeline.estimatedDates'],
    'timeline.awarenessAt': p['timeline.awarenessAt'],
    'timeline.containedAt': p['timeline.containedAt'],
    'timeline.discoveredBy': o.discovery,
    'timeline.discoveredBy.by': p['timeline.discovery.by'],
    'timeline.discoveredBy.description': p['timeline.discovery.description'],
    'timeline.discoveredBy.notifiedAt': p['timeline.discovery.notifiedByOtherPartyAt'],
    'timeline.comments': p['timeline.comments'],
    delayReason: p['timeline.lateNotificationReason'],
    'nature.types': p['nature.types'],
    'nature.confidentiality': p['nature.confidentiality'],
    'nature.confidentialityEvidence': o.confidentialityEvidence,
    'nature.unintelligible': p['nature.unintelligible'],
    'nature.integrity': p['nature.integrity'],
    'nature.availability': p['nature.availability'],
    'incidentNature.kinds': p['nature.incidentNature'],
    'incidentNature.other': p['nature.incidentNatureOther'],
    'cause.actor': p['nature.cause'],
    'cause.vector': p['nature.causeVector'],
    'cause.description': p['nature.causeDescription'],
    systems: p['nature.systems'],
    'dataSubjects.categories': p['dataSubjects.categories'],
    'dataSubjects.description': p['dataSubjects.description'],
    'dataSubjects.byCountry': o.byCountry,
    'dataSubjects.byCountry.*.country': c.peopleCountry,
    'dataSubjects.byCountry.*.people': p['dataSubjects.count'],
    'count.precision': c.peoplePrecision,
    'count.count': o.count,
    'count.atLeast': o.atLeast,
    dataClasses: c.dataClasses,
    dataDescription: p['data.description'],
    records: p['data.records'],
    'priorMeasures.kinds': p['priorMeasures.measures'],
    'priorMeasures.description': p['priorMeasures.description'],
    'consequences.confidentiality': p['consequences.confidentiality'],
    'consequences.integrity': p['consequences.integrity'],
    'consequences.availability': p['consequences.availability'],
    'consequences.impacts': p['consequences.impacts'],
    'consequences.description': p['consequences.description'],
    'consequences.severity': p['consequences.severity'],
    'measures.taken': p['measures.taken'],
    'measures.proposed': p['measures.proposed'],
    'measures.preventive': p['measures.preventive'],
    'measures.preventiveDescription': p['measures.preventiveDescription'],
    'communication.status': p['communication.status'],
    'communication.ground': o.communicationGround,
    'communication.justification': p['communication.justification'],
    'communication.delayReason': p['communication.delayReason'],
    'communication.at': o.communicationAt,
    'communication.channels': p['communication.channels'],
    'communication.people': p['communication.people'],
    'communication.allInformed': p['communication.allInformed'],
    'communication.notAllInformedReason': p['communication.notAllInformedReason'],
    'communication.content': p['communication.content'],
    otherAuthorities: s.otherAuthorities,
    'otherAuthorities.*.kind': o.authorityKind,
    'otherAuthorities.*.name': p['reporter.name'],
    'otherAuthorities.*.caseReference': o.caseReference,
    'otherAuthorities.*.informedAt': o.informedAt,
    'crossBorder.processing': p['crossBorder.crossBorderProcessing'],
    'crossBorder.establishments': p['crossBorder.establishments'],
    'crossBorder.leadAuthority': p['crossBorder.leadAuthority'],
    'crossBorder.authoritiesNotified': p['crossBorder.authoritiesNotified'],
    'crossBorder.nonEeaController': p['crossBorder.nonEeaController'],
    'processorRelation.role': o.role,
    'processorRelation.processorName': o.processorName,
    'processorRelation.processorIncidentId': o.processorIncidentId,
    'processorRelation.notifiedByProcessorAt': o.notifiedByProcessorAt,
    'processorRelation.controllers': o.controllers,
    'processorRelation.controllers.*.name': p['reporter.name'],
    'processorRelation.controllers.*.reference': o.theirReference,
    'processorRelation.controllers.*.informedAt': o.informedAt,
    'processorRelation.controllersCount': p['contacts.controllersCount'],
  };
}

const LABELS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: labelTable('en'),
  fr: labelTable('fr'),
  sv: labelTable('sv'),
};

/** The label of a field or a group, by its label key; the key itself when none is written (a test forbids that). */
export function fieldLabel(locale: Locale, labelKey: string): string {
  return LABELS[locale][labelKey] ?? labelKey;
}

/** Whether a label is written for the key (for the test that every field has one in every language). */
export function hasFieldLabel(locale: Locale, labelKey: string): boolean {
  return LABELS[locale][labelKey] !== undefined;
}

export function sectionTitle(locale: Locale, key: SectionKey): string {
  const pdf = NOTIFICATION_PDF_MESSAGES[locale];
  const o = INCIDENT_FORM_MESSAGES[locale];
  switch (key) {
    case 'general':
      return o.general;
    case 'authority':
      return pdf.header.authority;
    case 'incidentNature':
      return pdf.fields['nature.incidentNature'];
    case 'cause':
      return pdf.fields['nature.cause'];
    case 'processorRelation':
      return o.processorRelation;
    case 'notification':
    case 'contacts':
    case 'timeline':
    case 'nature':
    case 'dataSubjects':
    case 'data':
    case 'priorMeasures':
    case 'consequences':
    case 'measures':
    case 'communication':
    case 'otherAuthorities':
    case 'crossBorder':
      return pdf.sections[key];
  }
}

const groundLabel = (locale: Locale, ground: CommunicationGround): string => {
  const advice = ADVICE_MESSAGES[locale].informOptions;
  switch (ground) {
    case 'not-high-risk':
      return advice['not-required'];
    case '34-3-a':
      return advice['exempt-34-3-a'];
    case '34-3-b':
      return advice['exempt-34-3-b'];
    case '34-3-c':
      return advice['public-communication-34-3-c'];
  }
};

const pdfOption = (pdf: NotificationPdfMessages, value: string): string | undefined =>
  (pdf.options as Readonly<Record<string, string>>)[value as NotificationOptionCode];

/** The words for one option of a vocabulary; the code itself when none is written (a test forbids that). */
export function optionLabel(locale: Locale, vocabulary: VocabularyName, value: string): string {
  const pdf = NOTIFICATION_PDF_MESSAGES[locale];
  const own = INCIDENT_FORM_MESSAGES[locale];
  switch (vocabulary) {
    case 'authorities':
      return findAuthority(value)?.name ?? value;
    case 'dataClasses':
      return DATA_CLASSES.find((c) => c.code === value)?.labels[locale] ?? value;
    case 'causeActors':
      return CAUSE_ACTOR_LABELS[value as CauseActor]?.[locale] ?? pdfOption(pdf, value) ?? value;
    case 'causeVectors':
      return CAUSE_VECTOR_LABELS[value as CauseVector]?.[locale] ?? value;
    case 'discoverySources':
      return own.discoverySources[value as OwnDiscovery] ?? pdfOption(pdf, value) ?? value;
    case 'communicationStatuses':
      return own.communicationStatuses[value as CommunicationStatus] ?? value;
    case 'communicationGrounds':
      return groundLabel(locale, value as CommunicationGround) ?? value;
    case 'notificationTypes':
    case 'reporterFunctions':
    case 'otherPartyQualifications':
    case 'occurrenceKinds':
    case 'breachNatures':
    case 'confidentialityStates':
    case 'unintelligibilityStates':
    case 'integrityStates':
    case 'availabilityStates':
    case 'incidentNatures':
    case 'dataSubjectCategories':
    case 'precisions':
    case 'priorMeasures':
    case 'confidentialityConsequences':
    case 'integrityConsequences':
    case 'availabilityConsequences':
    case 'impacts':
    case 'severities':
    case 'preventiveMeasures':
    case 'communicationChannels':
    case 'otherAuthorityKinds':
    case 'organisationRoles':
      return pdfOption(pdf, value) ?? value;
  }
}

/** Yes and No, as the notification says them. */
export function yesNoLabel(locale: Locale, value: boolean): string {
  const v = NOTIFICATION_PDF_MESSAGES[locale].values;
  return value ? v.yes : v.no;
}
