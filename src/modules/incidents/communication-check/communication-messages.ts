import type { Locale } from '../../../platform/locale.js';
import type { ElementCode } from './communication-rules.js';
import type { FindingCode, MissingReason } from './communication-check.js';

/**
 * Every word of the communication report, in English, French and Swedish, written for the person who
 * drafts the letter. Each "missing" text says what is lacking, gives an example and cites the GDPR
 * provision in the form usual in that language (Art. 34(2) / art. 34.2 / artikel 34.2).
 *
 * Placeholders: {count} and {limit} (long sentences), {phrases} (the quoted wording found).
 */
export interface CommunicationMessages {
  /** The element names, as headings. */
  readonly elements: Readonly<Record<ElementCode, string>>;
  readonly missing: Readonly<Record<MissingReason, string>>;
  readonly findings: Readonly<Record<FindingCode, string>>;
  /** Quotation marks around a phrase quoted from the draft. */
  readonly quote: { readonly open: string; readonly close: string };
  readonly listSeparator: string;
}

const en: CommunicationMessages = {
  elements: {
    nature: 'Nature of the breach',
    'contact-point': 'Contact point (DPO)',
    consequences: 'Likely consequences',
    measures: 'Measures taken or proposed',
    advice: 'What the person should do',
  },
  missing: {
    'nature-none':
      'The draft does not say what happened or which data were involved. Art. 34(2) GDPR: describe the nature of the breach in clear and plain language (for example “someone accessed our customer files without authorisation”) and list the data concerned (name, address, social security number, bank details…).',
    'nature-no-event':
      'The draft names data but not what happened to them (unauthorised access, theft, leak, sending by mistake…). Art. 34(2) GDPR: describe the nature of the breach in clear and plain language.',
    'nature-no-data':
      'The draft says what happened but not which data were involved. Art. 34(2) GDPR: the nature of the breach includes the data concerned (for example name, date of birth, social security number, bank details).',
    'contact-none':
      'No contact point. Art. 34(2) and Art. 33(3)(b) GDPR: give the name and contact details of the data protection officer (DPO) or another contact point: an e-mail address, a phone number, a postal address or a web page.',
    'contact-no-details':
      'A contact point or DPO is named, but no way to reach them is given next to it. Art. 34(2) and Art. 33(3)(b) GDPR require contact details: an e-mail address, a phone number, a postal address or a web page.',
    'contact-no-mention':
      'Contact details appear, but the draft does not say who answers there about the breach. Art. 34(2) and Art. 33(3)(b) GDPR: name the data protection officer (DPO) or the contact point.',
    'consequences-none':
      'The draft does not describe the likely consequences for the person, such as phishing messages that use their data, fraud or identity theft. Art. 34(2) and Art. 33(3)(c) GDPR.',
    'measures-none':
      'The draft does not say what the organisation has done or will do about the breach (closing the access, resetting passwords, filing a complaint, notifying the supervisory authority…). Art. 34(2) and Art. 33(3)(d) GDPR.',
    'advice-none':
      'The draft does not tell the person what to do. Give concrete steps: be wary of messages that use their data, do not click on links, change the password, check bank statements. Art. 34(2) and Art. 33(3)(d) GDPR (measures to mitigate the possible adverse effects).',
  },
  findings: {
    'long-sentences': 'Sentences longer than {limit} words: {count}. Art. 34(2) GDPR asks for clear and plain language; split them.',
    'vague-wording': 'Vague wording: {phrases}. Say plainly what happened, to which data, and what was done (Art. 34(2) GDPR).',
    jargon: 'Jargon: {phrases}. Use everyday words or explain them (Art. 34(2) GDPR, clear and plain language).',
    'no-breach-date':
      'No date found. Say when the breach happened or was discovered, even approximately, so that people can tell which messages or debits may be linked to it.',
  },
  quote: { open: '“', close: '”' },
  listSeparator: ', ',
};

const fr: CommunicationMessages = {
  elements: {
    nature: 'Nature de la violation',
    'contact-point': 'Point de contact (DPO)',
    consequences: 'Conséquences probables',
    measures: 'Mesures prises ou envisagées',
    advice: 'Ce que la personne doit faire',
  },
  missing: {
    'nature-none':
      "Le projet ne dit ni ce qui s'est passé ni quelles données sont concernées. Art. 34.2 du RGPD : décrivez en des termes clairs et simples la nature de la violation (par exemple « une personne non autorisée a accédé à nos fichiers clients ») et listez les données concernées (nom, adresse, numéro de sécurité sociale, coordonnées bancaires…).",
    'nature-no-event':
      'Le projet cite des données mais ne dit pas ce qui leur est arrivé (accès non autorisé, vol, fuite, envoi par erreur…). Art. 34.2 du RGPD : décrivez en des termes clairs et simples la nature de la violation.',
    'nature-no-data':
      "Le projet dit ce qui s'est passé mais pas quelles données sont concernées. Art. 34.2 du RGPD : la nature de la violation comprend les données touchées (par exemple nom, date de naissance, numéro de sécurité sociale, coordonnées bancaires).",
    'contact-none':
      "Aucun point de contact. Art. 34.2 et art. 33.3 b) du RGPD : indiquez le nom et les coordonnées du délégué à la protection des données (DPO) ou d'un autre point de contact : adresse e-mail, numéro de téléphone, adresse postale ou page web.",
    'contact-no-details':
      "Un point de contact ou un DPO est nommé, mais aucun moyen de le joindre n'est donné à côté. Art. 34.2 et art. 33.3 b) du RGPD : donnez ses coordonnées (adresse e-mail, numéro de téléphone, adresse postale ou page web).",
    'contact-no-mention':
      'Des coordonnées figurent, mais le projet ne dit pas qui y répond au sujet de la violation. Art. 34.2 et art. 33.3 b) du RGPD : nommez le délégué à la protection des données (DPO) ou le point de contact.',
    'consequences-none':
      "Le projet ne décrit pas les conséquences probables pour la personne, comme des messages d'hameçonnage utilisant ses données, une fraude ou une usurpation d'identité. Art. 34.2 et art. 33.3 c) du RGPD.",
    'measures-none':
      "Le projet ne dit pas ce que l'organisme a fait ou va faire (fermeture de l'accès, réinitialisation des mots de passe, dépôt de plainte, notification à la CNIL…). Art. 34.2 et art. 33.3 d) du RGPD.",
    'advice-none':
      'Le projet ne dit pas à la personne quoi faire. Donnez des consignes concrètes : se méfier des messages qui utilisent ses données, ne pas cliquer sur les liens, changer le mot de passe, vérifier ses relevés bancaires. Art. 34.2 et art. 33.3 d) du RGPD (mesures pour atténuer les éventuelles conséquences négatives).',
  },
  findings: {
    'long-sentences': "Phrases de plus de {limit} mots : {count}. L'art. 34.2 du RGPD demande des termes clairs et simples ; coupez-les.",
    'vague-wording':
      "Formulations vagues : {phrases}. Dites simplement ce qui s'est passé, quelles données sont touchées et ce qui a été fait (art. 34.2 du RGPD).",
    jargon: 'Jargon : {phrases}. Employez des mots courants ou expliquez-les (art. 34.2 du RGPD, termes clairs et simples).',
    'no-breach-date':
      'Aucune date trouvée. Indiquez quand la violation a eu lieu ou a été découverte, même approximativement, pour que chacun puisse y rattacher des messages ou des prélèvements suspects.',
  },
  quote: { open: '«\u00a0', close: '\u00a0»' },
  listSeparator: ', ',
};

const sv: CommunicationMessages = {
  elements: {
    nature: 'Vad som har hänt',
    'contact-point': 'Kontaktpunkt (dataskyddsombud)',
    consequences: 'Sannolika konsekvenser',
    measures: 'Vidtagna eller planerade åtgärder',
    advice: 'Vad personen bör göra',
  },
  missing: {
    'nature-none':
      'Utkastet säger inte vad som har hänt eller vilka uppgifter som berörs. Artikel 34.2 i dataskyddsförordningen (GDPR): beskriv incidentens art på ett klart och tydligt språk (till exempel ”en obehörig person kom åt vårt kundregister”) och ange vilka uppgifter som berörs (namn, adress, personnummer, bankuppgifter …).',
    'nature-no-event':
      'Utkastet nämner uppgifter men inte vad som har hänt med dem (obehörig åtkomst, stöld, läcka, utskick av misstag …). Artikel 34.2 i dataskyddsförordningen (GDPR): beskriv incidentens art på ett klart och tydligt språk.',
    'nature-no-data':
      'Utkastet säger vad som har hänt men inte vilka uppgifter som berörs. Artikel 34.2 i dataskyddsförordningen (GDPR): incidentens art omfattar vilka uppgifter det gäller (till exempel namn, personnummer, bankuppgifter).',
    'contact-none':
      'Ingen kontaktpunkt. Artikel 34.2 och artikel 33.3 b i dataskyddsförordningen (GDPR): ange namn och kontaktuppgifter till dataskyddsombudet eller en annan kontaktpunkt: e-postadress, telefonnummer, postadress eller webbsida.',
    'contact-no-details':
      'En kontaktpunkt eller ett dataskyddsombud nämns, men inget sätt att nå dem anges i närheten. Artikel 34.2 och artikel 33.3 b i dataskyddsförordningen (GDPR) kräver kontaktuppgifter: e-postadress, telefonnummer, postadress eller webbsida.',
    'contact-no-mention':
      'Kontaktuppgifter finns, men utkastet säger inte vem som svarar där om incidenten. Artikel 34.2 och artikel 33.3 b i dataskyddsförordningen (GDPR): ange dataskyddsombudet eller kontaktpunkten.',
    'consequences-none':
      'Utkastet beskriver inte de sannolika konsekvenserna för personen, till exempel nätfiske med hjälp av uppgifterna, bedrägerier eller identitetsstöld. Artikel 34.2 och artikel 33.3 c i dataskyddsförordningen (GDPR).',
    'measures-none':
      'Utkastet säger inte vad organisationen har gjort eller kommer att göra (stängt åtkomsten, återställt lösenord, polisanmält, anmält till IMY …). Artikel 34.2 och artikel 33.3 d i dataskyddsförordningen (GDPR).',
    'advice-none':
      'Utkastet säger inte vad personen bör göra. Ge konkreta råd: var vaksam på meddelanden som använder uppgifterna, klicka inte på länkar, byt lösenord, kontrollera kontoutdrag. Artikel 34.2 och artikel 33.3 d i dataskyddsförordningen (GDPR) (åtgärder för att mildra möjliga negativa effekter).',
  },
  findings: {
    'long-sentences':
      'Meningar med fler än {limit} ord: {count}. Artikel 34.2 i dataskyddsförordningen (GDPR) kräver ett klart och tydligt språk; dela upp dem.',
    'vague-wording':
      'Vaga formuleringar: {phrases}. Säg rakt ut vad som har hänt, vilka uppgifter det gäller och vad som har gjorts (artikel 34.2 GDPR).',
    jargon: 'Facktermer: {phrases}. Använd vardagliga ord eller förklara dem (artikel 34.2 GDPR, klart och tydligt språk).',
    'no-breach-date':
      'Inget datum hittades. Ange när incidenten inträffade eller upptäcktes, även ungefärligt, så att mottagarna kan koppla misstänkta meddelanden eller dragningar till den.',
  },
  quote: { open: '”', close: '”' },
  listSeparator: ', ',
};

export const COMMUNICATION_MESSAGES: Readonly<Record<Locale, CommunicationMessages>> = { en, fr, sv };
