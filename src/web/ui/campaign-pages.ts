import {
  CHANNELS,
  MESSAGE_STATES,
  RECIPIENT_STATES,
  type CampaignAction,
  type CampaignState,
  type CampaignStats,
  type CampaignView,
  type Channel,
  type MessageState,
  type TemplateProblem,
} from '../../modules/campaigns/index.js';
import type { CommunicationReport } from '../../modules/incidents/communication-check/index.js';
import type { PublishedEntry } from '../../modules/notices/index.js';
import type { DeskContext, SessionInfo } from '../../modules/organisations/index.js';
import { can } from '../../modules/organisations/index.js';
import type { FieldIssue } from '../../platform/errors.js';
import { LOCALES, type Locale } from '../../platform/locale.js';
import { format } from '../i18n.js';
import { renderCommunicationReport } from './desk-advice-pages.js';
import { formatInstant, formatNumber } from './format.js';
import { html, type SafeHtml } from './html.js';
import { href, layout, type PageContext } from './layout.js';

/**
 * The console's notification campaigns (issue 7): the incident's "Inform the people" page (its campaigns,
 * creating one, and the public notice), a campaign's page (state and actions, live progress, the messages
 * with their Art. 34(2) check) and its settings. Plain forms without script; a running campaign's page
 * reloads itself every 5 seconds (a meta refresh the person can turn off).
 */

type Desk = DeskContext & { session: SessionInfo | null };

interface CampaignMessages {
  readonly informTitle: string;
  readonly informIntro: string;
  readonly campaigns: string;
  readonly noCampaigns: string;
  readonly name: string;
  readonly state: string;
  readonly people: string;
  readonly created: string;
  readonly newCampaign: string;
  readonly newCampaignHint: string;
  readonly entry: string;
  readonly noEntries: string;
  readonly channelOrder: string;
  readonly channelSlots: readonly [string, string, string];
  readonly noChannel: string;
  readonly channels: Readonly<Record<Channel, string>>;
  readonly languages: string;
  /** The languages' names in the page's language ("French" in English, "français" in French). */
  readonly languageNames: Readonly<Record<Locale, string>>;
  readonly languagesHint: string;
  readonly alsoIn: string;
  readonly letterSender: string;
  readonly letterSenderHint: string;
  readonly letterName: string;
  readonly letterLines: string;
  readonly create: string;
  readonly invalid: string;
  readonly conflict: string;
  readonly states: Readonly<Record<CampaignState, string>>;
  readonly actionsTitle: string;
  readonly actions: Readonly<Record<CampaignAction, string>>;
  readonly readOnly: string;
  readonly noAction: string;
  readonly progress: string;
  readonly recipientStates: Readonly<Record<'pending' | 'reached' | 'unreachable', string>>;
  readonly ofPeople: string;
  readonly delivery: string;
  readonly channel: string;
  readonly messageStates: Readonly<Record<MessageState, string>>;
  readonly lastMinute: string;
  readonly uncertain: string;
  readonly failures: string;
  readonly noFailures: string;
  readonly count: string;
  readonly live: string;
  readonly liveOff: string;
  readonly refresh: string;
  readonly stopLive: string;
  readonly startLive: string;
  readonly templates: string;
  readonly templatesHint: string;
  readonly templatesLocked: string;
  readonly subject: string;
  readonly body: string;
  readonly templateFor: string;
  readonly defaultLanguage: string;
  readonly notWritten: string;
  readonly saveTemplates: string;
  readonly checkTitle: string;
  readonly canStart: string;
  readonly cannotStart: string;
  readonly settings: string;
  readonly settingsIntro: string;
  readonly rate: string;
  readonly noLimit: string;
  readonly changeSettings: string;
  readonly retentionDays: string;
  readonly retryHours: string;
  readonly save: string;
  readonly retention: string;
  readonly purgeAfter: string;
  readonly startedAt: string;
  readonly backToIncident: string;
  readonly backToCampaign: string;
  readonly backToInform: string;
  readonly problem: string;
}

const en: CampaignMessages = {
  informTitle: 'Inform the people',
  informIntro:
    'GDPR Art. 34: when the breach is likely to result in a high risk to people, tell them without undue delay: directly, by a campaign of e-mails, text messages and letters, or, when that would involve disproportionate effort, by a public notice (Art. 34(3)(c)).',
  campaigns: 'Notification campaigns',
  noCampaigns: 'No campaign for this incident yet.',
  name: 'Name',
  state: 'State',
  people: 'People',
  created: 'Created',
  newCampaign: 'Create a campaign',
  newCampaignHint:
    'The people are those of a catalogue entry your organisation published, whose contact details were kept when the file was ingested (breachdesk ingest --keep-contacts). The messages start from the incident’s words; you edit and check them before starting.',
  entry: 'Catalogue entry whose people are informed',
  noEntries: 'Your organisation has published no catalogue entry yet: publish one from the incident page first.',
  channelOrder: 'Channels, in the order they are tried for each person',
  channelSlots: ['First', 'Then, if it fails', 'Then, if that fails too'],
  noChannel: '— none —',
  channels: { email: 'E-mail', sms: 'Text message (SMS)', letter: 'Letter' },
  languages: 'Languages of the messages',
  languageNames: { en: 'English', fr: 'French', sv: 'Swedish' },
  languagesHint: 'The messages are written in {language}; people whose language has no message get that one. Add languages:',
  alsoIn: 'Also in {language}',
  letterSender: 'Sender of the letters',
  letterSenderHint: 'Required when letters are sent: printed as the return address.',
  letterName: 'Sender name',
  letterLines: 'Return address (one line each, at most 5)',
  create: 'Create the draft',
  invalid: 'Not saved. Fix these fields:',
  conflict: 'Someone else changed this campaign meanwhile. Reload the page and apply your changes again.',
  states: {
    draft: 'Draft',
    running: 'Running',
    paused: 'Paused',
    completed: 'Completed',
    cancelled: 'Cancelled',
    closed: 'Closed',
    purged: 'Purged: contact details deleted',
  },
  actionsTitle: 'What you can do',
  actions: {
    start: 'Start sending',
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel the campaign',
    close: 'Close the campaign (the retention period starts)',
  },
  readOnly: 'Your role lets you follow this campaign, not act on it.',
  noAction: 'Nothing more can be done with this campaign.',
  progress: 'Progress',
  recipientStates: { reached: 'Reached', pending: 'Pending', unreachable: 'Unreachable' },
  ofPeople: '{n} of {total} people',
  delivery: 'Messages per channel',
  channel: 'Channel',
  messageStates: {
    queued: 'Queued',
    sending: 'Sending',
    sent: 'Sent',
    delivered: 'Delivered',
    bounced: 'Bounced',
    failed: 'Failed',
    cancelled: 'Cancelled',
  },
  lastMinute: 'Sent in the last minute',
  uncertain: 'Sent without a confirmed answer (a worker stopped while sending; never sent twice): {n}',
  failures: 'Most frequent failure reasons',
  noFailures: 'No failure so far.',
  count: 'Count',
  live: 'This page updates itself every 5 seconds while the campaign runs.',
  liveOff: 'Automatic updates are off.',
  refresh: 'Refresh now',
  stopLive: 'Stop updating automatically',
  startLive: 'Update automatically',
  templates: 'Messages',
  templatesHint:
    'Placeholders: {{organisation}}, {{exposed}} (the kinds of the person’s own data that leaked), {{planLink}} (required: the link to their action plan), {{reference}} and {{contact}}. Each message must pass the Art. 34(2) check before the campaign can start. Leave a language empty to send the default language instead.',
  templatesLocked: 'The messages can be changed only while the campaign is a draft.',
  subject: 'Subject',
  body: 'Text',
  templateFor: '{channel} in {language}',
  defaultLanguage: '(default language)',
  notWritten: 'Not written: people with this language get the message in the default language.',
  saveTemplates: 'Save the messages',
  checkTitle: 'Art. 34(2) check',
  canStart: 'Every message has what Art. 34(2) requires.',
  cannotStart: 'The campaign cannot start until these messages are complete:',
  settings: 'Sending rate and retention',
  settingsIntro:
    'The rate limits each worker process, per channel; 0 means no limit. The contact details are deleted this many days after the campaign closes.',
  rate: '{channel}: messages per second',
  noLimit: 'no limit',
  changeSettings: 'Change the sending rate and retention',
  retentionDays: 'Days the contact details are kept after closing (0 to 365)',
  retryHours: 'Hours a channel is retried before the next one is tried (0 to 168)',
  save: 'Save',
  retention: 'Contact details kept {n} days after closing',
  purgeAfter: 'Contact details deleted after',
  startedAt: 'Started',
  backToIncident: 'Back to the incident: {title}',
  backToCampaign: 'Back to the campaign: {name}',
  backToInform: 'Back to informing the people',
  problem: 'Not done:',
};

const fr: CampaignMessages = {
  informTitle: 'Informer les personnes',
  informIntro:
    'RGPD, art. 34 : lorsque la violation est susceptible d’engendrer un risque élevé pour les personnes, informez-les dans les meilleurs délais : directement, par une campagne d’e-mails, de SMS et de courriers, ou, si cela exigeait des efforts disproportionnés, par un avis public (art. 34.3.c).',
  campaigns: 'Campagnes d’information',
  noCampaigns: 'Aucune campagne pour cette violation.',
  name: 'Nom',
  state: 'État',
  people: 'Personnes',
  created: 'Créée',
  newCampaign: 'Créer une campagne',
  newCampaignHint:
    'Les personnes sont celles d’une fiche du catalogue publiée par votre organisation, dont les coordonnées ont été conservées lors de l’import du fichier (breachdesk ingest --keep-contacts). Les messages partent des termes de la violation ; vous les modifiez et les vérifiez avant le lancement.',
  entry: 'Fiche du catalogue dont les personnes sont informées',
  noEntries: 'Votre organisation n’a encore publié aucune fiche : publiez-en une depuis la page de la violation.',
  channelOrder: 'Canaux, dans l’ordre où ils sont essayés pour chaque personne',
  channelSlots: ['D’abord', 'Puis, en cas d’échec', 'Puis, en cas de nouvel échec'],
  noChannel: '— aucun —',
  channels: { email: 'E-mail', sms: 'SMS', letter: 'Courrier' },
  languages: 'Langues des messages',
  languageNames: { en: 'anglais', fr: 'français', sv: 'suédois' },
  languagesHint:
    'Les messages sont rédigés en {language} ; les personnes dont la langue n’a pas de message reçoivent celui-ci. Ajouter des langues :',
  alsoIn: 'Aussi en {language}',
  letterSender: 'Expéditeur des courriers',
  letterSenderHint: 'Obligatoire si des courriers sont envoyés : imprimé comme adresse de retour.',
  letterName: 'Nom de l’expéditeur',
  letterLines: 'Adresse de retour (une ligne chacune, 5 au plus)',
  create: 'Créer le brouillon',
  invalid: 'Non enregistré. Corrigez ces champs :',
  conflict: 'Quelqu’un d’autre a modifié cette campagne entre-temps. Rechargez la page et refaites vos modifications.',
  states: {
    draft: 'Brouillon',
    running: 'En cours',
    paused: 'En pause',
    completed: 'Terminée',
    cancelled: 'Annulée',
    closed: 'Clôturée',
    purged: 'Purgée : coordonnées supprimées',
  },
  actionsTitle: 'Ce que vous pouvez faire',
  actions: {
    start: 'Lancer l’envoi',
    pause: 'Mettre en pause',
    resume: 'Reprendre',
    cancel: 'Annuler la campagne',
    close: 'Clôturer la campagne (la durée de conservation commence)',
  },
  readOnly: 'Votre rôle vous permet de suivre cette campagne, pas d’agir dessus.',
  noAction: 'Plus aucune action n’est possible sur cette campagne.',
  progress: 'Avancement',
  recipientStates: { reached: 'Jointes', pending: 'En attente', unreachable: 'Injoignables' },
  ofPeople: '{n} personnes sur {total}',
  delivery: 'Messages par canal',
  channel: 'Canal',
  messageStates: {
    queued: 'En file',
    sending: 'En cours d’envoi',
    sent: 'Envoyés',
    delivered: 'Distribués',
    bounced: 'Rejetés',
    failed: 'En échec',
    cancelled: 'Annulés',
  },
  lastMinute: 'Envoyés dans la dernière minute',
  uncertain: 'Envoyés sans réponse confirmée (un processus s’est arrêté pendant l’envoi ; jamais renvoyés) : {n}',
  failures: 'Causes d’échec les plus fréquentes',
  noFailures: 'Aucun échec pour l’instant.',
  count: 'Nombre',
  live: 'Cette page se met à jour toutes les 5 secondes pendant l’envoi.',
  liveOff: 'La mise à jour automatique est désactivée.',
  refresh: 'Actualiser',
  stopLive: 'Arrêter la mise à jour automatique',
  startLive: 'Mettre à jour automatiquement',
  templates: 'Messages',
  templatesHint:
    'Variables : {{organisation}}, {{exposed}} (les types de données de la personne qui ont fuité), {{planLink}} (obligatoire : le lien vers son plan d’action), {{reference}} et {{contact}}. Chaque message doit passer la vérification de l’art. 34.2 avant le lancement. Laissez une langue vide pour envoyer la langue par défaut à la place.',
  templatesLocked: 'Les messages ne peuvent être modifiés que tant que la campagne est un brouillon.',
  subject: 'Objet',
  body: 'Texte',
  templateFor: '{channel} en {language}',
  defaultLanguage: '(langue par défaut)',
  notWritten: 'Non rédigé : les personnes de cette langue reçoivent le message dans la langue par défaut.',
  saveTemplates: 'Enregistrer les messages',
  checkTitle: 'Vérification de l’art. 34.2',
  canStart: 'Chaque message contient ce qu’exige l’art. 34.2.',
  cannotStart: 'La campagne ne peut pas être lancée tant que ces messages sont incomplets :',
  settings: 'Cadence d’envoi et conservation',
  settingsIntro:
    'La cadence limite chaque processus d’envoi, par canal ; 0 signifie sans limite. Les coordonnées sont supprimées ce nombre de jours après la clôture.',
  rate: '{channel} : messages par seconde',
  noLimit: 'sans limite',
  changeSettings: 'Modifier la cadence d’envoi et la conservation',
  retentionDays: 'Jours de conservation des coordonnées après la clôture (0 à 365)',
  retryHours: 'Heures de nouvelles tentatives sur un canal avant de passer au suivant (0 à 168)',
  save: 'Enregistrer',
  retention: 'Coordonnées conservées {n} jours après la clôture',
  purgeAfter: 'Coordonnées supprimées après le',
  startedAt: 'Lancée',
  backToIncident: 'Retour à la violation : {title}',
  backToCampaign: 'Retour à la campagne : {name}',
  backToInform: 'Retour à l’information des personnes',
  problem: 'Non effectué :',
};

const sv: CampaignMessages = {
  informTitle: 'Informera de berörda',
  informIntro:
    'Artikel 34 GDPR: när incidenten sannolikt leder till en hög risk för de berörda ska de informeras utan onödigt dröjsmål: direkt, med en kampanj av e-post, sms och brev, eller, om det skulle innebära en oproportionerlig ansträngning, genom ett offentligt meddelande (artikel 34.3 c).',
  campaigns: 'Informationskampanjer',
  noCampaigns: 'Ingen kampanj för den här incidenten ännu.',
  name: 'Namn',
  state: 'Status',
  people: 'Personer',
  created: 'Skapad',
  newCampaign: 'Skapa en kampanj',
  newCampaignHint:
    'Personerna är de i en katalogpost som din organisation har publicerat, vars kontaktuppgifter sparades när filen lästes in (breachdesk ingest --keep-contacts). Meddelandena utgår från incidentens egna ord; du redigerar och kontrollerar dem innan du startar.',
  entry: 'Katalogpost vars berörda informeras',
  noEntries: 'Din organisation har inte publicerat någon katalogpost ännu: publicera en från incidentens sida först.',
  channelOrder: 'Kanaler, i den ordning de prövas för varje person',
  channelSlots: ['Först', 'Sedan, om det misslyckas', 'Sedan, om även det misslyckas'],
  noChannel: '— ingen —',
  channels: { email: 'E-post', sms: 'Sms', letter: 'Brev' },
  languages: 'Meddelandenas språk',
  languageNames: { en: 'engelska', fr: 'franska', sv: 'svenska' },
  languagesHint: 'Meddelandena skrivs på {language}; den vars språk saknar ett meddelande får det. Lägg till språk:',
  alsoIn: 'Även på {language}',
  letterSender: 'Brevens avsändare',
  letterSenderHint: 'Krävs när brev skickas: trycks som returadress.',
  letterName: 'Avsändarens namn',
  letterLines: 'Returadress (en rad var, högst 5)',
  create: 'Skapa utkastet',
  invalid: 'Inte sparat. Rätta dessa fält:',
  conflict: 'Någon annan har ändrat kampanjen under tiden. Ladda om sidan och gör om dina ändringar.',
  states: {
    draft: 'Utkast',
    running: 'Pågår',
    paused: 'Pausad',
    completed: 'Klar',
    cancelled: 'Avbruten',
    closed: 'Stängd',
    purged: 'Rensad: kontaktuppgifterna raderade',
  },
  actionsTitle: 'Vad du kan göra',
  actions: {
    start: 'Börja skicka',
    pause: 'Pausa',
    resume: 'Återuppta',
    cancel: 'Avbryt kampanjen',
    close: 'Stäng kampanjen (lagringstiden börjar)',
  },
  readOnly: 'Din roll låter dig följa kampanjen, inte agera.',
  noAction: 'Inget mer kan göras med den här kampanjen.',
  progress: 'Förlopp',
  recipientStates: { reached: 'Nådda', pending: 'Väntar', unreachable: 'Kan inte nås' },
  ofPeople: '{n} av {total} personer',
  delivery: 'Meddelanden per kanal',
  channel: 'Kanal',
  messageStates: {
    queued: 'I kö',
    sending: 'Skickas',
    sent: 'Skickade',
    delivered: 'Levererade',
    bounced: 'Studsade',
    failed: 'Misslyckade',
    cancelled: 'Avbrutna',
  },
  lastMinute: 'Skickade senaste minuten',
  uncertain: 'Skickade utan bekräftat svar (en process stannade under sändningen; skickas aldrig två gånger): {n}',
  failures: 'Vanligaste orsakerna till fel',
  noFailures: 'Inga fel hittills.',
  count: 'Antal',
  live: 'Sidan uppdateras var 5:e sekund medan kampanjen pågår.',
  liveOff: 'Den automatiska uppdateringen är avstängd.',
  refresh: 'Uppdatera nu',
  stopLive: 'Sluta uppdatera automatiskt',
  startLive: 'Uppdatera automatiskt',
  templates: 'Meddelanden',
  templatesHint:
    'Platshållare: {{organisation}}, {{exposed}} (de slags uppgifter om personen som läckt), {{planLink}} (krävs: länken till personens åtgärdsplan), {{reference}} och {{contact}}. Varje meddelande måste klara kontrollen enligt artikel 34.2 innan kampanjen kan starta. Lämna ett språk tomt för att skicka standardspråket i stället.',
  templatesLocked: 'Meddelandena kan bara ändras medan kampanjen är ett utkast.',
  subject: 'Ämne',
  body: 'Text',
  templateFor: '{channel} på {language}',
  defaultLanguage: '(standardspråk)',
  notWritten: 'Inte skrivet: personer med det här språket får meddelandet på standardspråket.',
  saveTemplates: 'Spara meddelandena',
  checkTitle: 'Kontroll enligt artikel 34.2',
  canStart: 'Varje meddelande innehåller det artikel 34.2 kräver.',
  cannotStart: 'Kampanjen kan inte starta förrän dessa meddelanden är fullständiga:',
  settings: 'Sändningstakt och lagring',
  settingsIntro:
    'Takten begränsar varje sändningsprocess, per kanal; 0 betyder ingen gräns. Kontaktuppgifterna raderas så många dagar efter att kampanjen stängts.',
  rate: '{channel}: meddelanden per sekund',
  noLimit: 'ingen gräns',
  changeSettings: 'Ändra sändningstakt och lagring',
  retentionDays: 'Dagar kontaktuppgifterna sparas efter stängning (0 till 365)',
  retryHours: 'Timmar en kanal prövas igen innan nästa prövas (0 till 168)',
  save: 'Spara',
  retention: 'Kontaktuppgifterna sparas {n} dagar efter stängning',
  purgeAfter: 'Kontaktuppgifterna raderas efter',
  startedAt: 'Startad',
  backToIncident: 'Tillbaka till incidenten: {title}',
  backToCampaign: 'Tillbaka till kampanjen: {name}',
  backToInform: 'Tillbaka till att informera de berörda',
  problem: 'Inte utfört:',
};

export const CAMPAIGN_MESSAGES: Readonly<Record<Locale, CampaignMessages>> = { en, fr, sv };

/** A language's name in the page's language. */
export const languageName = (page: Locale, language: Locale): string => CAMPAIGN_MESSAGES[page].languageNames[language];

// --- Forms: field errors beside their field, and a summary that links to them ----------------------

/** A form field: its id, its label, and the issue paths that belong to it. */
export interface FieldSpec {
  readonly id: string;
  readonly label: string;
  /** Issues at these paths or under them. */
  readonly paths: readonly string[];
  /** Issues at exactly these paths (a parent whose children are other fields). */
  readonly exact?: readonly string[];
}

const belongs = (issue: FieldIssue, field: FieldSpec) =>
  (field.exact ?? []).includes(issue.path) || field.paths.some((p) => issue.path === p || issue.path.startsWith(`${p}.`));

export function messagesFor(issues: readonly FieldIssue[], field: FieldSpec): string[] {
  return issues.filter((i) => belongs(i, field)).map((i) => i.message);
}

/** aria attributes for a control: invalid, and described by its hint and its error. */
export function fieldAria(issues: readonly FieldIssue[], field: FieldSpec, hintId?: string): SafeHtml {
  const invalid = messagesFor(issues, field).length > 0;
  return html`${invalid ? html`aria-invalid="true"` : ''} ${describedBy(issues, field, hintId)}`;
}

/** For a group (fieldset): described by its hint and its error, without aria-invalid, which groups do not take. */
export function describedBy(issues: readonly FieldIssue[], field: FieldSpec, hintId?: string): SafeHtml | '' {
  const ids = [hintId, messagesFor(issues, field).length > 0 ? `${field.id}-error` : undefined].filter(Boolean).join(' ');
  return ids ? html`aria-describedby="${ids}"` : '';
}

export function fieldError(issues: readonly FieldIssue[], field: FieldSpec): SafeHtml | '' {
  const messages = messagesFor(issues, field);
  return messages.length > 0 ? html`<p class="field-error" id="${field.id}-error">${messages.join(' · ')}</p>` : '';
}

/** The errors at the top of a form, each linking to its field (those of no field name their path). */
export function errorSummary(title: string, issues: readonly FieldIssue[], fields: readonly FieldSpec[]): SafeHtml | '' {
  if (issues.length === 0) return '';
  return html`<div class="problem" role="alert">
    <p>${title}</p>
    <ul>
      ${issues.map((issue) => {
        const field = fields.find((f) => belongs(issue, f));
        return html`<li data-path="${issue.path}">
          ${field ? html`<a href="#${field.id}">${field.label}</a>` : html`<code>${issue.path || '—'}</code>`}: ${issue.message}
        </li>`;
      })}
    </ul>
  </div>`;
}

const csrf = (session: SessionInfo | null) => (session ? html`<input type="hidden" name="_csrf" value="${session.csrfToken}" />` : '');
const dateOf = (locale: Locale, iso: string | null) => (iso ? formatInstant(locale, iso) : '—');

// --- The incident's "Inform the people" page --------------------------------------------------------

/** What the create form was sent with, to show it again on an error. */
export interface CreateFormValues {
  readonly name: string;
  readonly breachSlug: string;
  readonly channels: readonly (Channel | '')[];
  readonly locales: readonly Locale[];
  readonly letterName: string;
  readonly letterLines: string;
}

export const emptyCreateForm = (entries: readonly PublishedEntry[], incidentId: string): CreateFormValues => ({
  name: '',
  breachSlug: entries.find((e) => e.incidentId === incidentId)?.slug ?? entries[0]?.slug ?? '',
  // Letters need a sender: they are added by choice, not by default.
  channels: ['email', 'sms', ''],
  locales: [],
  letterName: '',
  letterLines: '',
});

/** The language the organisation writes in, which the campaigns default to (as the campaigns service decides). */
export const organisationLocale = (country: string): Locale => (country === 'SE' ? 'sv' : country === 'FR' ? 'fr' : 'en');

export function createFormFields(m: CampaignMessages): FieldSpec[] {
  return [
    { id: 'campaign-name', label: m.name, paths: ['name'] },
    { id: 'campaign-entry', label: m.entry, paths: ['breachSlug'] },
    { id: 'campaign-channel-1', label: m.channelOrder, paths: ['channels'] },
    { id: 'campaign-locales', label: m.languages, paths: ['locales', 'defaultLocale', 'templates'] },
    { id: 'campaign-letter-name', label: `${m.letterSender}: ${m.letterName}`, paths: ['letterSender.name', 'letterSender'] },
    { id: 'campaign-letter-lines', label: `${m.letterSender}: ${m.letterLines}`, paths: ['letterSender.lines'] },
    { id: 'campaign-country', label: m.letterSender, paths: ['senderCountry'] },
  ];
}

function campaignsTable(ctx: PageContext, desk: Desk, campaigns: readonly CampaignView[]): SafeHtml {
  const m = CAMPAIGN_MESSAGES[ctx.locale];
  if (campaigns.length === 0) return html`<p>${m.noCampaigns}</p>`;
  return html`<table class="campaigns">
    <thead>
      <tr>
        <th scope="col">${m.name}</th>
        <th scope="col">${m.state}</th>
        <th scope="col">${m.people}</th>
        <th scope="col">${m.created}</th>
      </tr>
    </thead>
    <tbody>
      ${campaigns.map(
        (c) =>
          html`<tr data-campaign="${c.id}" data-state="${c.state}">
            <td data-label="${m.name}"><a href="${href(ctx, `/console/${desk.organisation.slug}/campaigns/${c.id}`)}">${c.name}</a></td>
            <td data-label="${m.state}">${m.states[c.state]}</td>
            <td data-label="${m.people}">${formatNumber(ctx.locale, c.recipients)}</td>
            <td data-label="${m.created}">${dateOf(ctx.locale, c.createdAt)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function createForm(
  ctx: PageContext,
  desk: Desk,
  incidentId: string,
  entries: readonly PublishedEntry[],
  values: CreateFormValues,
  issues: readonly FieldIssue[],
): SafeHtml {
  const m = CAMPAIGN_MESSAGES[ctx.locale];
  if (entries.length === 0)
    return html`<h3>${m.newCampaign}</h3>
      <p>${m.noEntries}</p>`;
  const fields = createFormFields(m);
  const f = (id: string) => fields.find((x) => x.id === id)!;
  const own = organisationLocale(desk.organisation.country);
  const others = LOCALES.filter((l) => l !== own);
  return html`<h3 id="new-campaign">${m.newCampaign}</h3>
    <p class="hint" id="new-campaign-hint">${m.newCampaignHint}</p>
    ${errorSummary(m.invalid, issues, fields)}
    <form
      method="post"
      action="/console/${desk.organisation.slug}/incidents/${incidentId}/campaigns?lang=${ctx.locale}"
      class="check desk-form"
      aria-describedby="new-campaign-hint"
    >
      ${csrf(desk.session)}
      <div class="field">
        <label for="campaign-name">${m.name}</label>
        <input
          id="campaign-name"
          name="name"
          type="text"
          maxlength="200"
          required
          value="${values.name}"
          ${fieldAria(issues, f('campaign-name'))}
        />
        ${fieldError(issues, f('campaign-name'))}
      </div>
      <div class="field">
        <label for="campaign-entry">${m.entry}</label>
        <select id="campaign-entry" name="breachSlug" ${fieldAria(issues, f('campaign-entry'))}>
          ${entries.map((e) => html`<option value="${e.slug}" ${e.slug === values.breachSlug ? html`selected` : ''}>${e.slug}</option>`)}
        </select>
        ${fieldError(issues, f('campaign-entry'))}
      </div>
      <fieldset ${describedBy(issues, f('campaign-channel-1'))}>
        <legend>${m.channelOrder}</legend>
        ${m.channelSlots.map(
          (slot, i) =>
            html`<div class="field">
              <label for="campaign-channel-${String(i + 1)}">${slot}</label>
              <select
                id="campaign-channel-${String(i + 1)}"
                name="channel${String(i + 1)}"
                ${i === 0 ? fieldAria(issues, f('campaign-channel-1')) : ''}
              >
                ${i > 0 ? html`<option value="" ${values.channels[i] ? '' : html`selected`}>${m.noChannel}</option>` : ''}
                ${CHANNELS.map((c) => html`<option value="${c}" ${values.channels[i] === c ? html`selected` : ''}>${m.channels[c]}</option>`)}
              </select>
            </div>`,
        )}
        ${fieldError(issues, f('campaign-channel-1'))}
      </fieldset>
      <fieldset id="campaign-locales" ${describedBy(issues, f('campaign-locales'), 'campaign-locales-hint')}>
        <legend>${m.languages}</legend>
        <p class="hint" id="campaign-locales-hint">${format(m.languagesHint, { language: m.languageNames[own] })}</p>
        ${others.map(
          (l) =>
            html`<div class="field choice">
              <input
                id="campaign-locale-${l}"
                name="locales"
                type="checkbox"
                value="${l}"
                ${values.locales.includes(l) ? html`checked` : ''}
              /><label for="campaign-locale-${l}">${format(m.alsoIn, { language: m.languageNames[l] })}</label>
            </div>`,
        )}
        ${fieldError(issues, f('campaign-locales'))}
      </fieldset>
      <fieldset>
        <legend>${m.letterSender}</legend>
        <p class="hint" id="campaign-letter-hint">${m.letterSenderHint}</p>
        <div class="field">
          <label for="campaign-letter-name">${m.letterName}</label>
          <input
            id="campaign-letter-name"
            name="letterName"
            type="text"
            maxlength="120"
            value="${values.letterName}"
            ${fieldAria(issues, f('campaign-letter-name'), 'campaign-letter-hint')}
          />
          ${fieldError(issues, f('campaign-letter-name'))}
        </div>
        <div class="field">
          <label for="campaign-letter-lines">${m.letterLines}</label>
          <textarea id="campaign-letter-lines" name="letterLines" rows="4" ${fieldAria(issues, f('campaign-letter-lines'))}>
${values.letterLines}</textarea>
          ${fieldError(issues, f('campaign-letter-lines'))}
        </div>
      </fieldset>
      <button type="submit">${m.create}</button>
    </form>`;
}

export interface InformPageData {
  readonly incident: { readonly id: string; readonly title: string };
  readonly campaigns: readonly CampaignView[];
  readonly entries: readonly PublishedEntry[];
  readonly form: CreateFormValues;
  readonly issues: readonly FieldIssue[];
  /** The public notice section (notice-pages.ts). */
  readonly notice: SafeHtml | string;
}

export function renderInformPage(ctx: PageContext, desk: Desk, data: InformPageData): string {
  const m = CAMPAIGN_MESSAGES[ctx.locale];
  const incidentHref = href(ctx, `/console/${desk.organisation.slug}/incidents/${data.incident.id}`);
  return layout(
    ctx,
    `${m.informTitle} · ${data.incident.title}`,
    html`<h1>${m.informTitle}</h1>
      <p><a href="${incidentHref}">${format(m.backToIncident, { title: data.incident.title })}</a></p>
      <p class="lede">${m.informIntro}</p>
      <h2 id="campaigns">${m.campaigns}</h2>
      ${campaignsTable(ctx, desk, data.campaigns)}
      ${can(desk.role, 'incident.write') ? createForm(ctx, desk, data.incident.id, data.entries, data.form, data.issues) : ''}
      ${data.notice}`,
  );
}

// --- A campaign's page --------------------------------------------------------------------------

/** The template fields as sent, keyed `channel.locale.subject|body`, to show them again on an error. */
export type TemplateValues = Readonly<Record<string, string>>;

export const templateKey = (channel: Channel, locale: Locale, part: 'subject' | 'body') => `${channel}.${locale}.${part}`;

export function templateValuesOf(campaign: CampaignView): TemplateValues {
  const values: Record<string, string> = {};
  for (const channel of campaign.config.channels) {
    for (const locale of LOCALES) {
      const t = campaign.config.templates[channel]?.[locale];
      values[templateKey(channel, locale, 'subject')] = t?.subject ?? '';
      values[templateKey(channel, locale, 'body')] = t?.body ?? '';
    }
  }
  return values;
}

/** A banner above the page: what went wrong with the last action or save. */
export interface CampaignProblem {
  readonly kind: 'invalid' | 'conflict' | 'refused';
  readonly message?: string;
  readonly issues: readonly FieldIssue[];
}

export interface CampaignPageData {
  readonly campaign: CampaignView;
  readonly stats: CampaignStats;
  readonly problems: readonly TemplateProblem[];
  /** The Art. 34(2) report of each template shown, keyed `channel.locale`. */
  readonly reports: ReadonlyMap<string, CommunicationReport>;
  readonly templates: TemplateValues;
  readonly problem: CampaignProblem | null;
  /** Reload every 5 seconds (a running campaign, unless the person turned it off). */
  readonly live: boolean;
}

function templateFields(m: CampaignMessages, campaign: CampaignView): FieldSpec[] {
  return campaign.config.channels.flatMap((channel) =>
    LOCALES.flatMap((locale) => {
      const name = format(m.templateFor, { channel: m.channels[channel], language: m.languageNames[locale] });
      const base = `templates.${channel}.${locale}`;
      return [
        ...(channel === 'sms'
          ? []
          : [{ id: `tpl-${channel}-${locale}-subject`, label: `${name}: ${m.subject}`, paths: [`${base}.subject`] }]),
        { id: `tpl-${channel}-${locale}-body`, label: `${name}: ${m.body}`, paths: [`${base}.body`], exact: [base] },
      ];
    }),
  );
}

function problemBanner(m: CampaignMessages, problem: CampaignProblem | null, fields: readonly FieldSpec[]): SafeHtml | '' {
  if (!problem) return '';
  if (problem.kind === 'invalid') return errorSummary(m.invalid, problem.issues, fields);
  return html`<div class="problem" role="alert" data-problem="${problem.kind}">
    <p>${problem.kind === 'conflict' ? m.conflict : `${m.problem} ${problem.message ?? ''}`}</p>
  </div>`;
}

function actionsSection(ctx: PageContext, desk: Desk, campaign: CampaignView): SafeHtml {
  const m = CAMPAIGN_MESSAGES[ctx.locale];
  const base = `/console/${desk.organisation.slug}/campaigns/${campaign.id}`;
  const body =
    campaign.actions.length === 0
      ? html`<p>${m.noAction}</p>`
      : !can(desk.role, 'incident.decide')
        ? html`<p>${m.readOnly}</p>`
        : html`<div class="campaign-actions">
            ${campaign.actions.map(
              (action) =>
                html`<form method="post" action="${base}/actions/${action}?lang=${ctx.locale}" class="inline">
                  ${csrf(desk.session)}
                  <button type="submit" data-action="${action}" ${action === 'cancel' || action === 'close' ? html`class="secondary"` : ''}>
                    ${m.actions[action]}
                  </button>
                </form>`,
            )}
          </div>`;
  return html`<section aria-labelledby="actions-title">
    <h2 id="actions-title">${m.actionsTitle}</h2>
    ${body}
  </section>`;
}

function progressSection(ctx: PageContext, desk: Desk, campaign: CampaignView, stats: CampaignStats, live: boolean): SafeHtml {
  const m = CAMPAIGN_MESSAGES[ctx.locale];
  const n = (x: number) => formatNumber(ctx.locale, x);
  const total = RECIPIENT_STATES.reduce((sum, s) => sum + stats.recipients[s], 0);
  const done = stats.recipients.reached + stats.recipients.unreachable;
  const shown = CHANNELS.filter((c) => campaign.config.channels.includes(c) || MESSAGE_STATES.some((s) => stats.messages[c][s] > 0));
  const self = `/console/${desk.organisation.slug}/campaigns/${campaign.id}`;
  const running = campaign.state === 'running';
  return html`<section aria-labelledby="progress-title" class="campaign-progress">
    <h2 id="progress-title">${m.progress}</h2>
    ${
      running
        ? html`<p class="hint" data-live="${String(live)}">
            ${live ? m.live : m.liveOff} <a href="${href(ctx, self, live ? {} : { live: 'off' })}">${m.refresh}</a> ·
            ${
              live
                ? html`<a href="${href(ctx, self, { live: 'off' })}">${m.stopLive}</a>`
                : html`<a href="${href(ctx, self)}">${m.startLive}</a>`
            }
          </p>`
        : html`<p><a href="${href(ctx, self)}">${m.refresh}</a></p>`
    }
    <p>
      <label for="campaign-progress-bar">${format(m.ofPeople, { n: n(done), total: n(total) })}</label>
      <progress id="campaign-progress-bar" max="${String(Math.max(total, 1))}" value="${String(done)}">
        ${format(m.ofPeople, { n: n(done), total: n(total) })}
      </progress>
    </p>
    <dl class="facts recipients">
      ${RECIPIENT_STATES.map(
        (s) =>
          html`<dt>${m.recipientStates[s]}</dt>
            <dd data-recipients="${s}">${n(stats.recipients[s])}</dd>`,
      )}
    </dl>
    <h3>${m.delivery}</h3>
    <table class="campaign-messages">
      <thead>
        <tr>
          <th scope="col">${m.channel}</th>
          ${MESSAGE_STATES.map((s) => html`<th scope="col">${m.messageStates[s]}</th>`)}
          <th scope="col">${m.lastMinute}</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (c) =>
            html`<tr data-channel="${c}">
              <th scope="row" data-label="${m.channel}">${m.channels[c]}</th>
              ${MESSAGE_STATES.map((s) => html`<td data-label="${m.messageStates[s]}" data-state="${s}">${n(stats.messages[c][s])}</td>`)}
              <td data-label="${m.lastMinute}" data-state="last-minute">${n(stats.lastMinute[c])}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p data-uncertain="${String(stats.uncertain)}">${format(m.uncertain, { n: n(stats.uncertain) })}</p>
    <h3>${m.failures}</h3>
    ${
      stats.failures.length === 0
        ? html`<p>${m.noFailures}</p>`
        : html`<table class="campaign-failures">
            <thead>
              <tr>
                <th scope="col">${m.channel}</th>
                <th scope="col">${m.state}</th>
                <th scope="col">${m.problem}</th>
                <th scope="col">${m.count}</th>
              </tr>
            </thead>
            <tbody>
              ${stats.failures.map(
                (f) =>
                  html`<tr>
                    <td data-label="${m.channel}">${m.channels[f.channel]}</td>
                    <td data-label="${m.state}">${m.messageStates[f.state]}</td>
                    <td data-label="${m.problem}"><code>${f.detail}</code></td>
                    <td data-label="${m.count}">${n(f.count)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

function templatesSection(ctx: PageContext, desk: Desk, data: CampaignPageData, fields: readonly FieldSpec[]): SafeHtml {
  const m = CAMPAIGN_MESSAGES[ctx.locale];
  const { campaign } = data;
  const editable = campaign.state === 'draft' && can(desk.role, 'incident.write');
  const issues = data.problem?.kind === 'invalid' ? data.problem.issues : [];
  const field = (id: string) => fields.find((f) => f.id === id)!;
  const blocks = campaign.config.channels.flatMap((channel) =>
    LOCALES.map((locale) => {
      const isDefault = locale === campaign.config.defaultLocale;
      const subject = data.templates[templateKey(channel, locale, 'subject')] ?? '';
      const body = data.templates[templateKey(channel, locale, 'body')] ?? '';
      const written = subject.trim() !== '' || body.trim() !== '';
      if (!editable && !written) return '';
      const key = `${channel}-${locale}`;
      const title = html`${format(m.templateFor, { channel: m.channels[channel], language: m.languageNames[locale] })}
      ${isDefault ? m.defaultLanguage : ''}`;
      const report = data.reports.get(`${channel}.${locale}`);
      const subjectField = channel === 'sms' ? null : field(`tpl-${key}-subject`);
      const bodyField = field(`tpl-${key}-body`);
      return html`<fieldset class="template" data-template="${channel}.${locale}" lang="${locale}">
        <legend>${title}</legend>
        ${!written && !isDefault ? html`<p class="hint" id="tpl-${key}-hint">${m.notWritten}</p>` : ''}
        ${
          subjectField
            ? html`<div class="field">
                ${editable ? html`<label for="${subjectField.id}">${m.subject}</label>` : html`<p class="label">${m.subject}</p>`}
                ${
                  editable
                    ? html`<input
                        id="${subjectField.id}"
                        name="${templateKey(channel, locale, 'subject')}"
                        type="text"
                        maxlength="200"
                        value="${subject}"
                        ${fieldAria(issues, subjectField)}
                      />`
                    : html`<p id="${subjectField.id}">${subject}</p>`
                }
                ${fieldError(issues, subjectField)}
              </div>`
            : ''
        }
        <div class="field">
          ${editable ? html`<label for="${bodyField.id}">${m.body}</label>` : html`<p class="label">${m.body}</p>`}
          ${
            editable
              ? html`<textarea
                  id="${bodyField.id}"
                  name="${templateKey(channel, locale, 'body')}"
                  rows="${channel === 'sms' ? '4' : '12'}"
                  ${fieldAria(issues, bodyField, !written && !isDefault ? `tpl-${key}-hint` : undefined)}
                >
${body}</textarea>`
              : html`<pre class="template-text" id="${bodyField.id}">${body}</pre>`
          }
          ${fieldError(issues, bodyField)}
        </div>
        ${report ? renderCommunicationReport(ctx, report, { id: `check-${key}`, level: 4 }) : ''}
      </fieldset>`;
    }),
  );
  const problems = data.problems;
  return html`<section aria-labelledby="templates-title">
    <h2 id="templates-title">${m.templates}</h2>
    <p class="hint" id="templates-hint">${campaign.state === 'draft' ? m.templatesHint : m.templatesLocked}</p>
    <div class="campaign-check" data-complete="${String(problems.length === 0)}">
      <h3 id="check-title">${m.checkTitle}</h3>
      ${
        problems.length === 0
          ? html`<p>${m.canStart}</p>`
          : html`<p>${m.cannotStart}</p>
              <ul>
                ${problems.map(
                  (p) =>
                    html`<li data-problem="${p.channel}.${p.locale}">
                      ${format(m.templateFor, { channel: m.channels[p.channel], language: m.languageNames[p.locale] })}:
                      ${p.missing.join(', ')}
                    </li>`,
                )}
              </ul>`
      }
    </div>
    ${
      editable
        ? html`<form
            method="post"
            action="/console/${desk.organisation.slug}/campaigns/${campaign.id}/templates?lang=${ctx.locale}"
            class="check desk-form templates"
            aria-describedby="templates-hint"
          >
            ${csrf(desk.session)}<input type="hidden" name="revision" value="${String(campaign.revision)}" />
            ${blocks}
            <button type="submit">${m.saveTemplates}</button>
          </form>`
        : html`<div class="templates">${blocks}</div>`
    }
  </section>`;
}

export function renderCampaignPage(ctx: PageContext, desk: Desk, data: CampaignPageData): string {
  const m = CAMPAIGN_MESSAGES[ctx.locale];
  const { campaign } = data;
  const base = `/console/${desk.organisation.slug}`;
  const fields = templateFields(m, campaign);
  const config = campaign.config;
  const settable = !['closed', 'purged'].includes(campaign.state) && can(desk.role, 'incident.write');
  return layout(
    ctx,
    campaign.name,
    html`<h1>${campaign.name}</h1>
      <p><a href="${href(ctx, `${base}/incidents/${campaign.incidentId}/campaigns`)}">${m.backToInform}</a></p>
      ${problemBanner(m, data.problem, fields)}
      <dl class="facts campaign-facts">
        <dt>${m.state}</dt>
        <dd><strong data-state="${campaign.state}">${m.states[campaign.state]}</strong></dd>
        <dt>${m.entry}</dt>
        <dd><a href="${href(ctx, `/breaches/${config.facts.breachSlug}`)}">${config.facts.breachSlug}</a></dd>
        <dt>${m.people}</dt>
        <dd>${formatNumber(ctx.locale, campaign.recipients)}</dd>
        <dt>${m.channelOrder}</dt>
        <dd>${config.channels.map((c) => m.channels[c]).join(' → ')}</dd>
        <dt>${m.created}</dt>
        <dd>${dateOf(ctx.locale, campaign.createdAt)}</dd>
        ${
          campaign.startedAt
            ? html`<dt>${m.startedAt}</dt>
                <dd>${dateOf(ctx.locale, campaign.startedAt)}</dd>`
            : ''
        }
        <dt>${m.settings}</dt>
        <dd>
          ${config.channels
            .map((c) => `${m.channels[c]}: ${(config.rates[c] ?? 0) > 0 ? `${String(config.rates[c])}/s` : m.noLimit}`)
            .join(' · ')}<br />
          ${campaign.purgeAfter ? `${m.purgeAfter} ${dateOf(ctx.locale, campaign.purgeAfter)}` : format(m.retention, { n: config.retentionDays })}
          ${settable ? html`<br /><a href="${href(ctx, `${base}/campaigns/${campaign.id}/settings`)}">${m.changeSettings}</a>` : ''}
        </dd>
      </dl>
      ${actionsSection(ctx, desk, campaign)} ${progressSection(ctx, desk, campaign, data.stats, data.live)}
      ${templatesSection(ctx, desk, data, fields)}`,
    data.live ? { head: html`<meta http-equiv="refresh" content="5" />` } : {},
  );
}

// --- A campaign's settings ------------------------------------------------------------------------

/** The settings form as sent: raw strings, shown again on an error. */
export type SettingsValues = Readonly<Record<string, string>>;

export function settingsValuesOf(campaign: CampaignView): SettingsValues {
  const c = campaign.config;
  return {
    ...Object.fromEntries(CHANNELS.map((ch) => [`rate.${ch}`, String(c.rates[ch] ?? 0)])),
    retentionDays: String(c.retentionDays),
    retryHours: String(c.retryHours),
    letterName: c.letterSender?.name ?? '',
    letterLines: (c.letterSender?.lines ?? []).join('\n'),
  };
}

export function renderCampaignSettingsPage(
  ctx: PageContext,
  desk: Desk,
  campaign: CampaignView,
  values: SettingsValues,
  problem: CampaignProblem | null,
): string {
  const m = CAMPAIGN_MESSAGES[ctx.locale];
  const draft = campaign.state === 'draft';
  const base = `/console/${desk.organisation.slug}/campaigns/${campaign.id}`;
  const letters = draft && campaign.config.channels.includes('letter');
  const fields: FieldSpec[] = [
    ...campaign.config.channels.map((c) => ({
      id: `settings-rate-${c}`,
      label: format(m.rate, { channel: m.channels[c] }),
      paths: [`rates.${c}`],
    })),
    { id: 'settings-retention', label: m.retentionDays, paths: ['retentionDays'] },
    ...(draft ? [{ id: 'settings-retry', label: m.retryHours, paths: ['retryHours'] }] : []),
    ...(letters
      ? [
          { id: 'settings-letter-name', label: `${m.letterSender}: ${m.letterName}`, paths: ['letterSender.name', 'letterSender'] },
          { id: 'settings-letter-lines', label: `${m.letterSender}: ${m.letterLines}`, paths: ['letterSender.lines'] },
        ]
      : []),
  ];
  const issues = problem?.kind === 'invalid' ? problem.issues : [];
  const number = (field: FieldSpec, name: string, min: number, max: number, step: string) =>
    html`<div class="field">
      <label for="${field.id}">${field.label}</label>
      <input
        id="${field.id}"
        name="${name}"
        type="number"
        inputmode="decimal"
        min="${String(min)}"
        max="${String(max)}"
        step="${step}"
        required
        value="${values[name] ?? ''}"
        ${fieldAria(issues, field)}
      />
      ${fieldError(issues, field)}
    </div>`;
  const byId = (id: string) => fields.find((f) => f.id === id)!;
  return layout(
    ctx,
    `${m.settings} · ${campaign.name}`,
    html`<h1>${m.settings}</h1>
      <p><a href="${href(ctx, base)}">${format(m.backToCampaign, { name: campaign.name })}</a></p>
      <p class="hint" id="settings-hint">${m.settingsIntro}</p>
      ${problemBanner(m, problem, fields)}
      <form method="post" action="${base}/settings?lang=${ctx.locale}" class="check desk-form" aria-describedby="settings-hint">
        ${csrf(desk.session)}<input type="hidden" name="revision" value="${String(campaign.revision)}" />
        ${campaign.config.channels.map((c) => number(byId(`settings-rate-${c}`), `rate.${c}`, 0, c === 'sms' ? 10_000 : 100_000, 'any'))}
        ${number(byId('settings-retention'), 'retentionDays', 0, 365, '1')}
        ${draft ? number(byId('settings-retry'), 'retryHours', 0, 168, 'any') : ''}
        ${
          letters
            ? html`<fieldset>
                <legend>${m.letterSender}</legend>
                <div class="field">
                  <label for="settings-letter-name">${m.letterName}</label>
                  <input
                    id="settings-letter-name"
                    name="letterName"
                    type="text"
                    maxlength="120"
                    value="${values['letterName'] ?? ''}"
                    ${fieldAria(issues, byId('settings-letter-name'))}
                  />
                  ${fieldError(issues, byId('settings-letter-name'))}
                </div>
                <div class="field">
                  <label for="settings-letter-lines">${m.letterLines}</label>
                  <textarea id="settings-letter-lines" name="letterLines" rows="4" ${fieldAria(issues, byId('settings-letter-lines'))}>
${values['letterLines'] ?? ''}</textarea>
                  ${fieldError(issues, byId('settings-letter-lines'))}
                </div>
              </fieldset>`
            : ''
        }
        <button type="submit">${m.save}</button>
      </form>`,
  );
}

/** The incident page's way to the campaigns and the public notice. */
export function renderInformLink(ctx: PageContext, desk: DeskContext, incidentId: string): SafeHtml {
  const m = CAMPAIGN_MESSAGES[ctx.locale];
  return html`<p class="inform-link">
    <a href="${href(ctx, `/console/${desk.organisation.slug}/incidents/${incidentId}/campaigns`)}">${m.informTitle}</a>
  </p>`;
}
