/**
 * Where the national online forms' fields find their content in an AuthorityNotification body (paths
 * as in notification.ts: dotted, within `body`). A person filing on the CNIL téléservice or the IMY
 * e-service copies each field from the path given; the mapping is a reading aid, not an export format.
 *
 * Labels are short descriptions in the form's language, not the forms' exact wording: the reference
 * (gdpr-breach-workflow.md §4.1–4.2) describes the fields, it does not quote them.
 */
export interface FormFieldMapping {
  /** The field number printed on the form, when the reference gives one. */
  readonly number: string | null;
  /** The field, in the form's language. */
  readonly label: string;
  /** Dotted path within AuthorityNotification.body. */
  readonly path: string;
  readonly note: string;
}

/**
 * CNIL téléservice (https://notifications.cnil.fr/notifications/violation).
 *
 * The full field list was not found: the form needs an account, and the reference marks it [U]
 * (§4.1, §7). Pending the EDPB template, this maps what the reference's §4.1 walkthrough describes onto
 * the template model of §2.4. No field numbers are known.
 */
export const CNIL_FIELD_MAPPING: readonly FormFieldMapping[] = [
  {
    number: null,
    label: 'Type de notification (initiale / complémentaire)',
    path: 'notification.type',
    note: '"new" → notification initiale, sent as soon as possible; "follow-up" → notification complémentaire, once everything is gathered, within 72 hours of the initial one if possible.',
  },
  {
    number: null,
    label: 'Notification complète ou incomplète',
    path: 'notification.subType',
    note: 'An "incomplete" notification is a notification initiale: the CNIL lets you come back and complete it.',
  },
  {
    number: null,
    label: 'Numéro SIREN (ou case « aucun »)',
    path: 'notification.organisation.identifier',
    note: 'Tick "none" when null. identifierType should be "company-id" for a SIREN.',
  },
  {
    number: null,
    label: "Dénomination de l'organisme",
    path: 'notification.organisation.name',
    note: '',
  },
  {
    number: null,
    label: 'Représentant légal',
    path: 'reporter',
    note: 'The CNIL wants both the legal representative and a contact person, even when they are the same. The template has no separate legal-representative field: it is the reporter when reporter.function is "legal-representative"; otherwise give it on the form by hand.',
  },
  {
    number: null,
    label: 'Personne à contacter',
    path: 'contacts.moreInformationAt',
    note: "The contact point of Art. 33(3)(b); the organisation's DPO when the incident names no other.",
  },
  {
    number: null,
    label: 'Délégué à la protection des données',
    path: 'contacts.dpo',
    note: '',
  },
  {
    number: null,
    label: 'Description de la violation',
    path: 'nature.description',
    note: 'Describe the breach in as much detail as possible; nature.types, nature.incidentNature and nature.cause complete it.',
  },
  {
    number: null,
    label: 'Date de prise de connaissance de la violation',
    path: 'timeline.awarenessAt',
    note: 'The start of the 72-hour clock.',
  },
  {
    number: null,
    label: 'Motifs du retard (au-delà de 72 heures)',
    path: 'timeline.lateNotificationReason',
    note: 'Required when notifying more than 72 hours after awareness.',
  },
  {
    number: null,
    label: 'Conséquences probables pour les personnes',
    path: 'consequences.description',
    note: 'Your view of the likely consequences; it can be revised in the notification complémentaire. consequences.impacts and consequences.severity complete it.',
  },
  {
    number: null,
    label: 'Mesures prises ou envisagées',
    path: 'measures.taken',
    note: 'measures.proposed holds the measures still to come.',
  },
];

/**
 * IMY e-service (https://e-tjanster.imy.se/sv/anmalan). Field numbers are those the reference saw on
 * the form (§4.2): 1, 2, 3, 9, 13, 25, 26, 28, 30 and 32/34/35; fields it names without a number have
 * none here. Filings become public records (allmän handling): do not over-share.
 */
export const IMY_FIELD_MAPPING: readonly FormFieldMapping[] = [
  {
    number: '1',
    label: 'Personuppgiftsansvarigs namn',
    path: 'notification.organisation.name',
    note: '',
  },
  {
    number: '2',
    label: 'Organisationsnummer',
    path: 'notification.organisation.identifier',
    note: 'Written XXXXXX-XXXX; identifierType should be "organisation-number".',
  },
  {
    number: '3',
    label: 'Postadress',
    path: 'notification.organisation.contactDetails.postalAddress',
    note: '',
  },
  {
    number: null,
    label: 'Egen referens',
    path: 'notification.internalReference',
    note: 'The organisation’s own reference for the incident.',
  },
  {
    number: '9',
    label: 'Adress för post från IMY',
    path: 'notification.organisation.contactDetails.postalAddress',
    note: 'The template has no separate address for the authority’s letters: the organisation’s postal address is used.',
  },
  {
    number: '13',
    label: 'När upphörde incidenten?',
    path: 'timeline.end',
    note: 'Null while the breach is ongoing (timeline.occurrence "ongoing").',
  },
  {
    number: '25',
    label: 'Berörda grupper av registrerade',
    path: 'dataSubjects.categories',
    note: 'dataSubjects.count gives the number of people.',
  },
  {
    number: '26',
    label: 'Berörda slags personuppgifter',
    path: 'data.types',
    note: 'The template’s data types; data.classes lists the precise kinds.',
  },
  {
    number: '28',
    label: 'Sannolika konsekvenser',
    path: 'consequences.description',
    note: 'consequences.impacts lists them by kind.',
  },
  {
    number: '28',
    label: 'Bedömning av hur allvarliga konsekvenserna är',
    path: 'consequences.severity',
    note: 'The seriousness estimate asked in the same field.',
  },
  {
    number: '30',
    label: 'Vidtagna åtgärder',
    path: 'measures.taken',
    note: '',
  },
  {
    number: '32/34/35',
    label: 'Har de registrerade informerats? Status',
    path: 'communication.status',
    note: 'The reference groups 32, 34 and 35 (when subjects were or will be informed, or why not) without saying which number is which.',
  },
  {
    number: '32/34/35',
    label: 'När informerades de registrerade?',
    path: 'communication.date',
    note: 'communication.plannedDate when they will be informed later.',
  },
  {
    number: '32/34/35',
    label: 'Varför informeras de registrerade inte?',
    path: 'communication.justification',
    note: 'With communication.article34Condition; for "not-high-risk" the risk outcome explains it.',
  },
];
