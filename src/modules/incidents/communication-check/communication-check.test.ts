import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

import { LOCALES, type Locale } from '../../../platform/locale.js';
import {
  checkCommunication,
  CLARITY_RULES,
  COMMUNICATION_MESSAGES,
  DATE_RULES,
  detectLanguage,
  ELEMENT_CODES,
  ELEMENT_PARTS,
  ELEMENT_RULES,
  findRule,
  FINDING_CODES,
  MAX_ELEMENT_EVIDENCE,
  MISSING_REASONS,
  RULE_PARTS,
  STOP_WORDS,
  type CommunicationReport,
  type ElementCode,
  type Evidence,
  type MissingReason,
  type PhraseRule,
} from './index.js';

// ---------------------------------------------------------------------------------------------
// Drafts, written for these tests. Names, addresses and numbers are made up.
// ---------------------------------------------------------------------------------------------

/** A complementary health insurer's letter after the Viamedis breach (workflow reference §4.3, Viamedis/Almerys). */
const VIAMEDIS = `Objet : Information importante concernant la sécurité de vos données personnelles

Madame, Monsieur,

Nous vous informons que notre prestataire Viamedis, qui gère le tiers payant de votre complémentaire santé, a été victime d'une cyberattaque. Entre le 29 janvier et le 1er février 2024, une personne non autorisée a utilisé les identifiants de connexion d'un professionnel de santé pour accéder à sa plateforme.

Les données concernées sont : votre nom et prénom, votre date de naissance, votre numéro de sécurité sociale, le nom de votre organisme complémentaire et les garanties de votre contrat. Vos coordonnées bancaires, vos données médicales et vos adresses postale et e-mail ne sont pas concernées.

Quelles conséquences pour vous ? Ces informations pourraient être utilisées pour des tentatives d'hameçonnage (phishing) : de faux messages ou appels se faisant passer pour votre mutuelle, l'Assurance maladie ou un professionnel de santé, afin d'obtenir vos coordonnées bancaires.

Dès qu'elle a eu connaissance de l'attaque, Viamedis a fermé l'accès frauduleux et réinitialisé les mots de passe des professionnels de santé. Une plainte a été déposée et la CNIL a été notifiée le 2 février 2024. Nous renforçons nos contrôles sur nos prestataires.

Nos recommandations :
- Soyez vigilant face à tout message ou appel concernant vos remboursements de soins.
- Ne communiquez jamais vos coordonnées bancaires ni vos codes par téléphone ou par e-mail.
- Vérifiez régulièrement vos relevés de remboursement et vos comptes bancaires.

Pour toute question, vous pouvez contacter notre délégué à la protection des données par e-mail à dpo@mutuelle-exemple.fr ou par courrier : Délégué à la protection des données, Mutuelle Exemple, 12 rue des Lilas, 75009 Paris.

Nous vous prions de nous excuser pour la gêne occasionnée.

Le service Relations adhérents`;

/** An insurer's e-mail about tracking pixels (Folksam-style: personnummer and purchases sent to Meta and Google). */
const FOLKSAM = `Ämne: Information om hur dina personuppgifter har delats

Hej,

Vi på Folksam har upptäckt att personuppgifter om dig har delats med Meta (Facebook) och Google. Det har skett via så kallade spårningspixlar, små kodsnuttar på vår webbplats och i våra appar som skickar information om besöken till dessa företag. Delningen har pågått sedan 2015 och upptäcktes vid en intern granskning i oktober 2020.

Uppgifterna som har skickats är ditt personnummer, vilka försäkringar du har köpt eller tittat på och din IP-adress. Inga bankuppgifter eller lösenord har delats.

Vad kan det innebära för dig? Risken är att uppgifterna kan användas för riktad reklam. Det finns också en risk att bedragare använder kunskapen om dina försäkringar för att utge sig för att vara Folksam, så kallat nätfiske.

Vi har stängt av pixlarna, begärt att Meta och Google raderar uppgifterna och anmält händelsen till Integritetsskyddsmyndigheten (IMY). Vi kommer att se över alla verktyg som används på våra webbplatser.

Så skyddar du dig:
- Var uppmärksam på mejl, sms och samtal där någon utger sig för att vara Folksam.
- Klicka inte på länkar i meddelanden du inte väntat dig och lämna aldrig ut dina BankID-uppgifter.
- Kontrollera dina försäkringar och betalningar på Mina sidor.

Har du frågor kan du kontakta vårt dataskyddsombud på dataskyddsombud@folksam-exempel.se eller ringa kundservice på 0771-950 950.

Med vänliga hälsningar
Folksam`;

/** A retailer's e-mail after a stolen staff password let someone copy customer records. */
const NORTHWIND = `Subject: Important: a data breach affecting your Northwind account

Dear customer,

On 14 March 2025 we discovered that an unauthorised person had accessed one of our customer databases using a stolen employee password. They copied the names, email addresses, phone numbers and delivery addresses of about 48,000 customers, including you. Your payment card details and your own password were not in this database.

What this means for you: criminals could use these details to send you convincing phishing emails or text messages that appear to come from Northwind, or to attempt other scams.

What we have done: we closed the access within two hours, reset all staff passwords and turned on two-factor authentication for every staff account. We have reported the breach to the Information Commissioner's Office and to the police.

What you should do:
- Be wary of any email, text or call that claims to be from Northwind and asks for payment or personal details.
- Do not click on links in unexpected messages; type our address into your browser yourself.
- Tell us about any suspicious message by forwarding it to us.

If you have any questions, contact our Data Protection Officer at dpo@northwind-example.co.uk or call our dedicated line on 0800 123 4567 (free, Monday to Friday, 9am to 6pm). You can also write to: Data Protection Officer, Northwind Outfitters, 20 Market Street, Leeds LS1 6DT.

We are sorry this has happened.

The Northwind team`;

/** Modelled on the e-mail the CNIL found lacking in the Free case (workflow reference §2.3): vague, no contact, no consequences, no measures. */
const FREE_LIKE = `Objet : Information concernant vos données personnelles

Chère abonnée, cher abonné,

Nous vous informons que votre opérateur a récemment fait l'objet d'un incident de sécurité ayant pu concerner certaines de vos données personnelles.

Restez vigilants.

Nous vous remercions de votre confiance.

L'équipe Exemple Télécom`;

/** Names the DPO but gives no way to reach them. */
const DPO_NO_DETAILS = `Madame, Monsieur,

Le 3 mars 2025, un courrier contenant votre nom, votre adresse et votre numéro d'adhérent a été envoyé par erreur à un autre adhérent. Cette personne nous l'a retourné et nous a confirmé ne pas l'avoir conservé.

Le risque pour vous est faible : il se limite à d'éventuels démarchages abusifs.

Nous avons renforcé le contrôle de nos envois : chaque pli est désormais vérifié par deux personnes.

Soyez attentif aux courriers ou appels inattendus se réclamant de notre mutuelle.

Pour toute question, vous pouvez contacter notre délégué à la protection des données.

Mutuelle Exemple`;

/** The Northwind e-mail as an HTML newsletter tool would send it: entities, inline tags inside phrases, a style block. */
const NORTHWIND_HTML = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Northwind</title>
<style>.phishing { color: red } /* fraud */</style></head>
<body>
<!-- tracking: fraud, scam, identity theft -->
<h1>Important: a data breach affecting your Northwind&nbsp;account</h1>
<p>Dear customer,</p>
<p>On 14&nbsp;March&nbsp;2025 we discovered that an <strong>unauthorised</strong> person had accessed one of our customer databases using a stolen employee password. They copied the names, email addresses, phone numbers and delivery addresses of about 48,000 customers, including you.</p>
<p>What this means for you: criminals could use these details to send you convincing <em>phishing</em> emails that appear to come from Northwind, or to attempt other scams.</p>
<p>What we&rsquo;ve done: we closed the access within two hours and we have reported the breach to the Information Commissioner&rsquo;s Office.</p>
<ul><li>Be wary of any email, text or call that claims to be from Northwind &amp; asks for payment.</li><li>Don&rsquo;t click on links in unexpected messages.</li></ul>
<p>If you have any questions, contact our Data Protection Officer at <a href="mailto:dpo@northwind-example.co.uk">dpo@northwind-example.co.uk</a> or call <a href="tel:+448001234567">0800&nbsp;123&nbsp;4567</a>.</p>
</body></html>`;

/** Swedish, with a DPO only reachable in the letterhead far above: not linked. */
const SV_LETTERHEAD = `Exempelbanken AB, Box 1234, 111 22 Stockholm, tel. 08-123 456 78

${'Vi skriver till dig om en personuppgiftsincident. '.repeat(8)}

Den 2 maj 2024 skickades ett kontoutdrag med ditt namn och ditt kontonummer av misstag till fel kund. Risken är liten, men det kan användas i bedrägeriförsök. Vi har kontaktat mottagaren, som har raderat brevet. Var uppmärksam på samtal från okända som påstår att de ringer från banken.

Har du frågor kan du vända dig till vårt dataskyddsombud.`;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const element = (report: CommunicationReport, code: ElementCode) => {
  const found = report.elements.find((e) => e.code === code);
  assert.ok(found, code);
  return found;
};

/** What an excerpt should be for an original span: tags dropped, entities decoded, whitespace collapsed. */
const plain = (text: string): string =>
  text
    .replace(/<[^>]*>/g, ' ')
    .replaceAll('&nbsp;', '\u00a0')
    .replaceAll('&rsquo;', '\u2019')
    .replaceAll('&amp;', '&')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();

const allEvidence = (report: CommunicationReport): Evidence[] => [
  ...report.elements.flatMap((e) => e.evidence),
  ...report.clarity.findings.flatMap((f) => f.evidence),
];

const reasons = (report: CommunicationReport): Partial<Record<ElementCode, MissingReason>> =>
  Object.fromEntries(report.elements.filter((e) => e.reason !== undefined).map((e) => [e.code, e.reason]));

// ---------------------------------------------------------------------------------------------
// The rule tables
// ---------------------------------------------------------------------------------------------

const RULES: readonly PhraseRule[] = [...ELEMENT_RULES, ...CLARITY_RULES, ...DATE_RULES];

/**
 * One sentence per rule that the rule must find (`match` is the expected excerpt), and where useful a
 * near miss it must not find. A test checks that every rule has an entry.
 */
const EXAMPLES: Readonly<Record<string, { readonly text: string; readonly match: string; readonly miss?: string }>> = {
  'en.event.breach': { text: 'We are writing about a data breach.', match: 'breach' },
  'en.event.unauthorised': { text: 'An unauthorized third party gained access.', match: 'unauthorized third party' },
  'en.event.leak': { text: 'Your details were leaked online.', match: 'leaked' },
  'en.event.attack': { text: 'Our servers were hit by a cyber-attack.', match: 'cyber-attack' },
  'en.event.theft': { text: 'The files were accessed by a former employee.', match: 'accessed by' },
  'en.event.mistake': { text: 'A letter was sent to the wrong address.', match: 'sent to the wrong' },
  'en.event.tracking': { text: 'Page visits were shared with Meta.', match: 'shared with Meta' },
  'fr.event.leak': { text: 'Une fuite de données a eu lieu.', match: 'fuite' },
  'fr.event.violation': { text: 'Nous avons subi une violation de données personnelles.', match: 'violation de données personnelles' },
  'fr.event.unauthorised': { text: 'Un accès non autorisé à nos serveurs a été détecté.', match: 'accès non autorisé' },
  'fr.event.attack': { text: 'Notre prestataire a été piraté.', match: 'piraté' },
  'fr.event.theft': {
    text: "Il s'agit d'une utilisation frauduleuse d'identifiants.",
    match: "utilisation frauduleuse d'identifiants",
    miss: 'Une utilisation frauduleuse de votre carte serait une conséquence.',
  },
  'fr.event.mistake': { text: 'Ce courrier a été envoyé par erreur.', match: 'envoyé par erreur' },
  'fr.event.tracking': { text: 'Des pixels de suivi étaient installés.', match: 'pixels de suivi' },
  'sv.event.incident': { text: 'Vi har haft en personuppgiftsincident.', match: 'personuppgiftsincident' },
  'sv.event.unauthorised': { text: 'En obehörig person fick åtkomst.', match: 'obehörig person' },
  'sv.event.leak': { text: 'Uppgifterna har läckt ut.', match: 'läckt' },
  'sv.event.attack': { text: 'Vi utsattes för en cyberattack.', match: 'cyberattack' },
  'sv.event.theft': { text: 'Datorn har stulits.', match: 'stulits' },
  'sv.event.mistake': { text: 'Brevet har skickats av misstag.', match: 'skickats av misstag' },
  'sv.event.tracking': { text: 'Uppgifter har skickats till Google.', match: 'skickats till Google' },
  'en.data.identity': { text: 'It held your full name and date of birth.', match: 'full name' },
  'en.data.contact': {
    text: 'It held your email address.',
    match: 'email address',
    miss: 'Type the official address yourself.',
  },
  'en.data.financial': { text: 'Your IBAN was not exposed.', match: 'IBAN' },
  'en.data.credentials': { text: 'Hashed passwords were copied.', match: 'passwords' },
  'en.data.other': { text: 'Your purchase history was shared.', match: 'purchase' },
  'fr.data.identity': { text: 'Votre numéro de sécurité sociale est concerné.', match: 'numéro de sécurité sociale' },
  'fr.data.contact': {
    text: 'Vos nom, prénom, adresse, numéro de téléphone.',
    match: 'adresse',
    miss: "Écrivez-nous à l'adresse indiquée.",
  },
  'fr.data.financial': { text: 'Vos coordonnées bancaires (IBAN).', match: 'coordonnées bancaires' },
  'fr.data.credentials': { text: 'Vos mots de passe sont chiffrés.', match: 'mots de passe' },
  'fr.data.other': { text: 'Le nom de votre mutuelle.', match: 'mutuelle' },
  'sv.data.identity': { text: 'Ditt personnummer har skickats.', match: 'personnummer' },
  'sv.data.contact': { text: 'Din e-postadress och ditt telefonnummer.', match: 'e-postadress' },
  'sv.data.financial': { text: 'Ditt kontonummer syntes.', match: 'kontonummer' },
  'sv.data.credentials': { text: 'Byt lösenordet.', match: 'lösenordet' },
  'sv.data.other': { text: 'Uppgifter om din hälsa.', match: 'Uppgifter om din hälsa' },
  'any.contact-mention.mailbox': {
    text: 'Write to privacy.office@example.org.',
    match: 'privacy.office',
    miss: 'Write to sales@example.org.',
  },
  'en.contact-mention.dpo': { text: 'Our Data Protection Officer can help.', match: 'Data Protection Officer' },
  'en.contact-mention.service': { text: 'Please contact us on the number below.', match: 'contact us' },
  'fr.contact-mention.dpo': {
    text: 'Notre déléguée à la protection des données vous répondra.',
    match: 'déléguée à la protection des données',
  },
  'fr.contact-mention.service': {
    text: 'Un numéro vert est à votre disposition.',
    match: 'numéro vert',
    miss: 'Contactez votre banque sans tarder.',
  },
  'sv.contact-mention.dpo': { text: 'Du kan vända dig till dataskyddsombudet.', match: 'dataskyddsombudet' },
  'sv.contact-mention.service': { text: 'Vid frågor, ring oss.', match: 'Vid frågor' },
  'any.contact-details.email': { text: 'Écrivez à dpo@exemple.fr.', match: 'dpo@exemple.fr' },
  'any.contact-details.url': { text: 'See https://www.example.org/breach for updates.', match: 'https://www.example.org/breach' },
  'any.contact-details.phone': {
    text: 'Appelez le +33 (0)1 23 45 67 89.',
    match: '+33 (0)1 23 45 67 89',
    miss: 'Le 01.02.2024, puis le 05/03/2024 à 10h.',
  },
  'en.contact-details.postal': { text: 'Write to PO Box 42, Leeds.', match: 'PO Box 42' },
  'fr.contact-details.postal': { text: 'Écrivez au 8 bis, avenue Foch.', match: '8 bis, avenue' },
  'sv.contact-details.postal': { text: 'Skriv till Box 8114, 104 20 Stockholm.', match: 'Box 8114' },
  'en.consequence.scams': { text: 'Expect phishing attempts.', match: 'phishing' },
  'en.consequence.harm': { text: 'This could lead to identity theft.', match: 'identity theft' },
  'en.consequence.risk': { text: 'There is a risk of fraud.', match: 'risk of' },
  'fr.consequence.scams': { text: 'Attention aux tentatives de hameçonnage.', match: 'hameçonnage' },
  'fr.consequence.harm': {
    text: "Le risque principal est l'usurpation d'identité.",
    match: "usurpation d'identité",
  },
  'fr.consequence.risk': {
    text: 'Ces données pourraient être exploitées par des escrocs.',
    match: 'pourraient être exploitées',
    miss: "Il s'agit d'une utilisation frauduleuse d'identifiants.",
  },
  'sv.consequence.scams': { text: 'Se upp för nätfiske.', match: 'nätfiske' },
  'sv.consequence.harm': { text: 'Det kan leda till id-kapning.', match: 'id-kapning' },
  'sv.consequence.risk': { text: 'Uppgifterna kan komma att missbrukas.', match: 'kan komma att missbrukas' },
  'en.measure.done': { text: "We've immediately revoked the stolen keys.", match: "We've immediately revoked" },
  'en.measure.planned': { text: 'We are offering free credit monitoring.', match: 'We are offering', miss: 'We are writing to you.' },
  'en.measure.passive': { text: 'The flaw has been fixed.', match: 'has been fixed', miss: 'Your data has been exposed.' },
  'fr.measure.done': { text: 'Nous avons immédiatement coupé les accès.', match: 'Nous avons immédiatement coupé' },
  'fr.measure.planned': { text: 'Nous allons renforcer nos contrôles.', match: 'Nous allons' },
  'fr.measure.passive': {
    text: 'La faille a été corrigée.',
    match: 'a été corrigée',
    miss: 'Vos données ont été dérobées.',
  },
  'sv.measure.done': { text: 'Vi har omedelbart spärrat kontot.', match: 'Vi har omedelbart spärrat' },
  'sv.measure.past': { text: 'Vi polisanmälde händelsen.', match: 'Vi polisanmälde' },
  'sv.measure.planned': { text: 'Vi kommer att förstärka skyddet.', match: 'Vi kommer att förstärka' },
  'sv.measure.passive': { text: 'Pixlarna har tagits bort.', match: 'har tagits bort' },
  'en.advice.vigilance': { text: "Don't click on links in e-mails.", match: "Don't click" },
  'en.advice.accounts': { text: 'Change your password today.', match: 'Change your password' },
  'en.advice.recommend': { text: 'We recommend that you stay alert.', match: 'We recommend' },
  'fr.advice.vigilance': {
    text: 'Restez particulièrement vigilantes.',
    match: 'Restez particulièrement vigilantes',
  },
  'fr.advice.accounts': { text: 'Modifiez votre mot de passe.', match: 'Modifiez votre mot de passe' },
  'fr.advice.recommend': { text: 'Nous vous conseillons de changer de code.', match: 'Nous vous conseillons' },
  'sv.advice.vigilance': { text: 'Var extra vaksam på sms.', match: 'Var extra vaksam' },
  'sv.advice.accounts': { text: 'Byt ditt lösenord.', match: 'Byt ditt lösenord' },
  'sv.advice.recommend': { text: 'Vi rekommenderar dig att byta kod.', match: 'Vi rekommenderar dig' },
  'en.vague.security-incident': { text: 'We had a security incident.', match: 'security incident' },
  'en.vague.technical': { text: 'Due to a technical issue, some data was visible.', match: 'technical issue' },
  'en.vague.may-have-been': { text: 'Your data may have been viewed.', match: 'may have been' },
  'en.vague.certain-data': { text: 'Certain personal information was involved.', match: 'Certain personal information' },
  'en.vague.necessary-measures': { text: 'We took all necessary steps.', match: 'necessary steps' },
  'fr.vague.security-incident': { text: 'Un incident de sécurité est survenu.', match: 'incident de sécurité' },
  'fr.vague.technical': { text: 'Suite à un incident technique, vos données étaient visibles.', match: 'incident technique' },
  'fr.vague.may-have-been': { text: 'Vos données ont pu être consultées.', match: 'ont pu être' },
  'fr.vague.certain-data': { text: 'Certaines de vos données sont concernées.', match: 'Certaines de vos données' },
  'fr.vague.necessary-measures': { text: 'Nous avons pris les mesures nécessaires.', match: 'mesures nécessaires' },
  'sv.vague.security-incident': { text: 'Vi har haft en säkerhetsincident.', match: 'säkerhetsincident' },
  'sv.vague.technical': { text: 'Ett tekniskt problem uppstod.', match: 'tekniskt problem' },
  'sv.vague.may-have-been': { text: 'Vissa uppgifter kan ha påverkats.', match: 'kan ha' },
  'sv.vague.certain-data': { text: 'Vissa personuppgifter berördes.', match: 'Vissa personuppgifter' },
  'sv.vague.necessary-measures': { text: 'Vi har vidtagit nödvändiga åtgärder.', match: 'nödvändiga åtgärder' },
  'en.jargon.security': { text: 'The threat actor exfiltrated PII.', match: 'threat actor' },
  'en.jargon.legal': { text: 'We notified affected data subjects.', match: 'data subjects' },
  'fr.jargon.security': { text: "Le vecteur d'attaque est connu.", match: "vecteur d'attaque" },
  'fr.jargon.legal': { text: 'Notre sous-traitant a été attaqué.', match: 'sous-traitant' },
  'sv.jargon.security': { text: 'Lösenorden var hashade.', match: 'hashade' },
  'sv.jargon.legal': { text: 'Vårt personuppgiftsbiträde drabbades.', match: 'personuppgiftsbiträde' },
  'any.date.numeric': { text: 'Le 05/03/2024 au matin.', match: '05/03/2024' },
  'en.date.month': { text: 'It began on March 3rd.', match: 'March 3rd', miss: 'Some data may have been copied.' },
  'en.date.relative': { text: 'We found out yesterday.', match: 'yesterday' },
  'fr.date.month': { text: 'Le 1er août, nous avons constaté.', match: '1er août' },
  'fr.date.relative': { text: 'Depuis 2019, ce service…', match: 'Depuis 2019' },
  'sv.date.month': { text: 'Den 3 november upptäckte vi felet.', match: '3 november' },
  'sv.date.relative': { text: 'Det upptäcktes i fredags.', match: 'i fredags' },
};

describe('communication rule tables', () => {
  it('gives every rule a unique id that starts with its locale', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULES) assert.ok(rule.id.startsWith(`${rule.locale}.`), rule.id);
  });

  it('cites a section of a reference file for every rule', () => {
    for (const rule of RULES) assert.match(rule.source, /reference\/[\w-]+\.md §\d/, rule.id);
  });

  it('writes patterns in lower case, compiles them and never matches the empty string', () => {
    for (const rule of RULES) {
      assert.doesNotMatch(rule.pattern.replace(/\\[pP]\{\w+\}/g, ''), /\p{Lu}/u, rule.id);
      assert.doesNotThrow(() => new RegExp(rule.pattern, 'u'), rule.id);
      assert.deepEqual(findRule(rule, ''), [], rule.id);
      assert.doesNotMatch('', new RegExp(`^(?:${rule.pattern})$`, 'u'), rule.id);
    }
  });

  it('covers every part of every element in every language', () => {
    for (const part of RULE_PARTS) {
      for (const locale of LOCALES) {
        assert.ok(
          ELEMENT_RULES.some((r) => r.part === part && (r.locale === locale || r.locale === 'any')),
          `${part} has a rule for ${locale}`,
        );
      }
    }
    assert.deepEqual([...new Set(Object.values(ELEMENT_PARTS).flat())].sort(), [...RULE_PARTS].sort());
  });

  it('has an example for every rule', () => {
    assert.deepEqual(Object.keys(EXAMPLES).sort(), RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    const example = EXAMPLES[rule.id];
    if (example === undefined) continue;
    it(`${rule.id} finds “${example.match}”${example.miss === undefined ? '' : ' and not a near miss'}`, () => {
      const found = findRule(rule, example.text).map((e) => e.excerpt);
      assert.ok(found.includes(example.match), `${rule.id}: ${JSON.stringify(found)}`);
      if (example.miss !== undefined) assert.deepEqual(findRule(rule, example.miss), [], `${rule.id} on "${example.miss}"`);
    });
  }

  it('keeps the stop-word lists apart: no word counts for two languages', () => {
    const seen = new Map<string, Locale>();
    for (const locale of LOCALES) {
      for (const word of STOP_WORDS[locale]) {
        assert.equal(seen.get(word), undefined, `${word} in ${seen.get(word)} and ${locale}`);
        assert.match(word, /^[a-z]+$/, `${word} is folded`);
        seen.set(word, locale);
      }
    }
  });

  it('is pure: no node: import, no clock, no randomness in the module sources', () => {
    for (const file of ['index.ts', 'communication-check.ts', 'communication-rules.ts', 'communication-messages.ts', 'draft-text.ts']) {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8');
      assert.doesNotMatch(text, /from ['"]node:/, file);
      assert.doesNotMatch(text, /Date\.now|new Date|Math\.random|process\./, file);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Whole drafts
// ---------------------------------------------------------------------------------------------

describe('checking whole drafts', () => {
  const table: readonly {
    readonly name: string;
    readonly text: string;
    readonly locale: Locale;
    readonly missing: readonly ElementCode[];
    readonly reasons?: Partial<Record<ElementCode, MissingReason>>;
    readonly findings: readonly string[];
  }[] = [
    { name: 'French insurer letter after Viamedis', text: VIAMEDIS, locale: 'fr', missing: [], findings: ['long-sentences'] },
    { name: 'Swedish insurer e-mail about tracking pixels', text: FOLKSAM, locale: 'sv', missing: [], findings: [] },
    { name: 'English retailer e-mail', text: NORTHWIND, locale: 'en', missing: [], findings: [] },
    { name: 'the same e-mail in HTML', text: NORTHWIND_HTML, locale: 'en', missing: [], findings: [] },
    {
      name: 'Free-like e-mail: "incident de sécurité", "restez vigilants"',
      text: FREE_LIKE,
      locale: 'fr',
      missing: ['nature', 'contact-point', 'consequences', 'measures'],
      reasons: { nature: 'nature-none', 'contact-point': 'contact-none', consequences: 'consequences-none', measures: 'measures-none' },
      findings: ['vague-wording', 'no-breach-date'],
    },
    {
      name: 'letter naming the DPO without contact details',
      text: DPO_NO_DETAILS,
      locale: 'fr',
      missing: ['contact-point'],
      reasons: { 'contact-point': 'contact-no-details' },
      findings: [],
    },
    {
      name: 'Swedish letter whose only contact details are in a distant letterhead',
      text: SV_LETTERHEAD,
      locale: 'sv',
      missing: ['contact-point'],
      reasons: { 'contact-point': 'contact-no-details' },
      findings: [],
    },
  ];

  for (const row of table) {
    it(`${row.name}: ${row.missing.length === 0 ? 'complete' : `missing ${row.missing.join(', ')}`}`, () => {
      const report = checkCommunication({ text: row.text });
      assert.equal(report.locale, row.locale);
      assert.equal(report.language.source, 'detected');
      assert.deepEqual(report.missing, row.missing);
      assert.equal(report.complete, row.missing.length === 0);
      assert.deepEqual(reasons(report), row.reasons ?? {});
      assert.deepEqual(
        report.clarity.findings.map((f) => f.code),
        row.findings,
      );
      for (const e of report.elements) {
        assert.equal(e.present, e.evidence.length > 0 && e.missing === undefined, e.code);
        assert.equal(e.name, COMMUNICATION_MESSAGES[row.locale].elements[e.code]);
        assert.ok(e.evidence.length <= MAX_ELEMENT_EVIDENCE, e.code);
        if (!e.present) assert.equal(e.missing, COMMUNICATION_MESSAGES[row.locale].missing[e.reason!], e.code);
      }
    });
  }

  it('finds each part of the French letter where it is', () => {
    const report = checkCommunication({ text: VIAMEDIS });
    const excerpts = (code: ElementCode) => element(report, code).evidence.map((e) => e.excerpt);
    assert.ok(excerpts('nature').includes('cyberattaque'));
    assert.ok(excerpts('nature').includes('date de naissance'));
    assert.ok(excerpts('contact-point').includes('dpo@mutuelle-exemple.fr'));
    assert.ok(excerpts('contact-point').includes('délégué à la protection des données'));
    assert.ok(excerpts('consequences').includes('hameçonnage'));
    assert.deepEqual(excerpts('measures'), ['a fermé', 'a été déposée', 'a été notifiée', 'Nous renforçons']);
    assert.deepEqual(excerpts('advice'), ['Soyez vigilant', 'Ne communiquez jamais', 'Vérifiez régulièrement vos']);
  });

  it('explains what the Free-like e-mail lacks, in French, citing the articles', () => {
    const report = checkCommunication({ text: FREE_LIKE });
    assert.match(element(report, 'contact-point').missing ?? '', /art\. 33\.3 b\)/);
    assert.match(element(report, 'consequences').missing ?? '', /art\. 33\.3 c\)/);
    assert.match(element(report, 'measures').missing ?? '', /art\. 33\.3 d\)/);
    assert.match(element(report, 'nature').missing ?? '', /Art\. 34\.2 du RGPD/);
    const vague = report.clarity.findings.find((f) => f.code === 'vague-wording');
    assert.ok(vague);
    assert.deepEqual(
      vague.evidence.map((e) => e.excerpt),
      ['incident de sécurité', 'ayant pu', 'certaines de vos données'],
    );
    assert.match(vague.message, /«\u00a0incident de sécurité\u00a0»/);
    assert.deepEqual(
      element(report, 'advice').evidence.map((e) => e.excerpt),
      ['Restez vigilants'],
    );
  });

  it('does not call "incident de sécurité" vague once the draft says what happened', () => {
    const text = `Un incident de sécurité est survenu : un pirate a copié vos noms et adresses e-mail. ${VIAMEDIS}`;
    const codes = checkCommunication({ text }).clarity.findings.map((f) => f.code);
    assert.ok(!codes.includes('vague-wording'), codes.join());
  });

  it('tells data without an event apart from an event without data', () => {
    assert.equal(element(checkCommunication({ text: 'Votre nom et prénom sont concernés.' }), 'nature').reason, 'nature-no-event');
    assert.equal(element(checkCommunication({ text: 'Nous avons subi une cyberattaque.' }), 'nature').reason, 'nature-no-data');
  });

  it('reports contact details that no one is said to answer', () => {
    const report = checkCommunication({ text: 'A hacker copied your email address. 0800 123 4567.', locale: 'en' });
    assert.equal(element(report, 'contact-point').reason, 'contact-no-mention');
  });

  it('ignores words in comments, style blocks and attributes of an HTML draft', () => {
    const html =
      '<html><head><style>.fraud{}</style></head><body><!-- phishing, scam --><p title="identity theft">Bonjour,</p><p>Nous avons subi une cyberattaque.</p></body></html>';
    const report = checkCommunication({ text: html, locale: 'fr' });
    assert.equal(element(report, 'consequences').present, false);
    assert.deepEqual(
      element(report, 'nature').evidence.map((e) => html.slice(e.start, e.end)),
      ['cyberattaque'],
    );
  });

  it('uses the given locale over detection, and its messages', () => {
    const report = checkCommunication({ text: FREE_LIKE, locale: 'sv' });
    assert.equal(report.locale, 'sv');
    assert.equal(report.language.source, 'given');
    assert.equal(report.language.confidence, 1);
    assert.equal(element(report, 'measures').missing, COMMUNICATION_MESSAGES.sv.missing['measures-none']);
  });
});

describe('robustness of the matching', () => {
  const apostrophes = (text: string) => text.replaceAll("'", '\u2019');

  const variants: readonly { readonly name: string; readonly text: string }[] = [
    { name: 'typographic apostrophes', text: apostrophes(VIAMEDIS) },
    { name: 'NFD accents', text: VIAMEDIS.normalize('NFD') },
    { name: 'typographic apostrophes and NFD accents', text: apostrophes(VIAMEDIS).normalize('NFD') },
    { name: 'upper case', text: VIAMEDIS.toUpperCase() },
    { name: 'Windows line endings', text: VIAMEDIS.replaceAll('\n', '\r\n') },
    { name: 'hard-wrapped at 60 columns', text: VIAMEDIS.replace(/(.{50,60}) /g, '$1\n') },
  ];
  const reference = checkCommunication({ text: VIAMEDIS });
  const summary = (report: CommunicationReport) =>
    report.elements.map((e) => ({ code: e.code, present: e.present, rules: e.evidence.map((x) => x.rule) }));

  for (const { name, text } of variants) {
    it(`finds the same evidence with ${name}`, () => {
      const report = checkCommunication({ text });
      assert.equal(report.locale, 'fr');
      assert.deepEqual(summary(report), summary(reference));
      for (const e of allEvidence(report).filter((x) => x.rule !== 'sentence')) {
        assert.equal(plain(text.slice(e.start, e.end)), e.excerpt, `${e.rule} at ${e.start}`);
      }
    });
  }

  it('maps NFD evidence onto the whole decomposed word, combining marks included', () => {
    const text = 'Risque d’usurpation d’identité.'.normalize('NFD');
    const [hit] = element(checkCommunication({ text, locale: 'fr' }), 'consequences').evidence;
    assert.ok(hit);
    assert.equal(text.slice(hit.start, hit.end), 'usurpation d’identité'.normalize('NFD'));
    assert.equal(hit.excerpt, 'usurpation d’identité');
  });

  it('matches a phrase broken across lines', () => {
    const text = 'Écrivez à notre délégué à la\nprotection des données : dpo@exemple.fr';
    const report = checkCommunication({ text, locale: 'fr' });
    assert.equal(element(report, 'contact-point').present, true);
    const mention = element(report, 'contact-point').evidence.find((e) => e.rule === 'fr.contact-mention.dpo');
    assert.equal(mention && text.slice(mention.start, mention.end), 'délégué à la\nprotection des données');
  });

  it('points evidence at the right words of an HTML draft', () => {
    const report = checkCommunication({ text: NORTHWIND_HTML });
    const at = (code: ElementCode, rule: string) => {
      const e = element(report, code).evidence.find((x) => x.rule === rule);
      assert.ok(e, `${code} ${rule}`);
      return NORTHWIND_HTML.slice(e.start, e.end);
    };
    assert.equal(at('nature', 'en.event.unauthorised'), 'unauthorised</strong> person');
    assert.equal(at('contact-point', 'any.contact-details.email'), 'dpo@northwind-example.co.uk');
    assert.equal(at('advice', 'en.advice.vigilance'), 'Be wary');
    assert.equal(at('measures', 'en.measure.done'), 'we closed');
    for (const e of allEvidence(report)) {
      if (e.rule !== 'sentence') assert.equal(plain(NORTHWIND_HTML.slice(e.start, e.end)), e.excerpt, e.rule);
    }
    const apostrophe = checkCommunication({ text: '<p>Don&rsquo;t click on links.</p>', locale: 'en' });
    assert.deepEqual(
      element(apostrophe, 'advice').evidence.map((e) => e.excerpt),
      ['Don’t click'],
    );
  });

  it('points evidence at the right words of every draft', () => {
    for (const text of [VIAMEDIS, FOLKSAM, NORTHWIND, FREE_LIKE, DPO_NO_DETAILS, SV_LETTERHEAD]) {
      const report = checkCommunication({ text });
      for (const e of allEvidence(report)) {
        assert.ok(0 <= e.start && e.start < e.end && e.end <= text.length, e.rule);
        if (e.rule !== 'sentence') assert.equal(text.slice(e.start, e.end).replace(/\s+/g, ' '), e.excerpt, e.rule);
        else assert.ok(e.excerpt.length <= 80 && text.slice(e.start, e.end).startsWith(e.excerpt.replace(/…$/, '').split(' ')[0]!));
      }
    }
  });

  it('reports everything missing for an empty or blank draft, without failing', () => {
    for (const text of ['', '   \n\t  ', '<p></p>', '&nbsp;']) {
      const report = checkCommunication({ text });
      assert.equal(report.complete, false);
      assert.deepEqual(report.missing, ELEMENT_CODES);
      assert.deepEqual(report.language, { locale: 'en', source: 'detected', confidence: 0, scores: { en: 0, fr: 0, sv: 0 } });
      assert.deepEqual(reasons(report), {
        nature: 'nature-none',
        'contact-point': 'contact-none',
        consequences: 'consequences-none',
        measures: 'measures-none',
        advice: 'advice-none',
      });
      assert.deepEqual(
        { ...report.clarity, findings: report.clarity.findings.map((f) => f.code) },
        { sentences: 0, words: 0, averageSentenceWords: 0, longestSentenceWords: 0, longSentenceWords: 30, findings: ['no-breach-date'] },
      );
    }
  });

  it('checks a 1 MB draft completely and keeps the evidence short', () => {
    const copies = Math.ceil(1_000_000 / NORTHWIND_HTML.length);
    const text = Array.from({ length: copies }, () => NORTHWIND_HTML).join('\n');
    assert.ok(text.length >= 1_000_000);
    const report = checkCommunication({ text });
    assert.equal(report.complete, true);
    assert.equal(report.locale, 'en');
    for (const e of report.elements) assert.ok(e.evidence.length <= MAX_ELEMENT_EVIDENCE);
    const small = checkCommunication({ text: NORTHWIND_HTML });
    assert.equal(report.clarity.sentences, small.clarity.sentences * copies);
    assert.equal(report.clarity.averageSentenceWords, small.clarity.averageSentenceWords);
  });

  it('stays linear on adversarial input (no catastrophic backtracking)', () => {
    const size = 200_000;
    const inputs = [
      'a'.repeat(size),
      'a.'.repeat(size / 2),
      'a-'.repeat(size / 2) + '@',
      '0 '.repeat(size / 2),
      '0.'.repeat(size / 2),
      '<a '.repeat(size / 3),
      '<!--'.repeat(size / 4),
      '&amp'.repeat(size / 4),
      'nous avons '.repeat(size / 11),
      'dpo'.repeat(size / 3),
      '\u0301'.repeat(size),
      // Hundreds of thousands of matches of one rule.
      'breach '.repeat(size),
      'dpo@x.fr '.repeat(size / 4),
    ];
    for (const text of inputs) {
      const report = checkCommunication({ text });
      assert.equal(report.elements.length, ELEMENT_CODES.length);
    }
  });
});

describe('clarity', () => {
  it('counts words and sentences and flags long sentences with their place', () => {
    const long = `Nous vous écrivons ${'parce que nous voulons vraiment tout vous expliquer '.repeat(4)}aujourd'hui.`;
    const text = `Bonjour. Art. 34 du RGPD. ${long} Merci !`;
    const report = checkCommunication({ text, locale: 'fr' });
    assert.equal(report.clarity.sentences, 4);
    assert.equal(report.clarity.longestSentenceWords, 36);
    const finding = report.clarity.findings.find((f) => f.code === 'long-sentences');
    assert.ok(finding);
    assert.equal(finding.count, 1);
    assert.equal(finding.message, "Phrases de plus de 30 mots : 1. L'art. 34.2 du RGPD demande des termes clairs et simples ; coupez-les.");
    const [evidence] = finding.evidence;
    assert.ok(evidence);
    assert.equal(text.slice(evidence.start, evidence.end), long);
    assert.ok(evidence.excerpt.endsWith('…') && evidence.excerpt.length <= 80);
  });

  it('takes another threshold', () => {
    const report = checkCommunication({ text: NORTHWIND }, { longSentenceWords: 20 });
    const finding = report.clarity.findings.find((f) => f.code === 'long-sentences');
    assert.ok(finding && finding.count > 0);
    assert.match(finding.message, /longer than 20 words/);
  });

  it('flags jargon and hedging in each language', () => {
    const table: readonly { text: string; locale: Locale; vague: readonly string[]; jargon: readonly string[] }[] = [
      {
        text: 'A threat actor exfiltrated PII. Your data may have been viewed.',
        locale: 'en',
        vague: ['may have been'],
        jargon: ['threat actor', 'exfiltrated', 'PII'],
      },
      { text: 'Un incident technique a exposé des données hachées.', locale: 'fr', vague: ['incident technique'], jargon: ['hachées'] },
      {
        text: 'Vissa uppgifter kan ha påverkats hos vårt personuppgiftsbiträde.',
        locale: 'sv',
        vague: ['Vissa uppgifter', 'kan ha'],
        jargon: ['personuppgiftsbiträde'],
      },
    ];
    for (const row of table) {
      const findings = checkCommunication({ text: row.text, locale: row.locale }).clarity.findings;
      const excerpts = (code: string) => findings.find((f) => f.code === code)?.evidence.map((e) => e.excerpt) ?? [];
      assert.deepEqual(excerpts('vague-wording'), row.vague, row.text);
      assert.deepEqual(excerpts('jargon'), row.jargon, row.text);
    }
  });

  it('finds a date in the forms each language uses, and reports its absence', () => {
    const table: readonly { text: string; locale: Locale; dated: boolean }[] = [
      { text: 'On 3 May 2024 we found it.', locale: 'en', dated: true },
      { text: 'Your data may have been copied.', locale: 'en', dated: false },
      { text: 'Le 12/03/2024, nous avons constaté.', locale: 'fr', dated: true },
      { text: 'Nous avons constaté une fuite récemment.', locale: 'fr', dated: false },
      { text: 'Det hände i maj 2023.', locale: 'sv', dated: true },
      { text: 'Det hände nyligen.', locale: 'sv', dated: false },
    ];
    for (const row of table) {
      const codes = checkCommunication({ text: row.text, locale: row.locale }).clarity.findings.map((f) => f.code);
      assert.equal(!codes.includes('no-breach-date'), row.dated, row.text);
    }
  });
});

describe('language detection', () => {
  const table: readonly { name: string; text: string; locale: Locale }[] = [
    { name: 'French letter', text: VIAMEDIS, locale: 'fr' },
    { name: 'French letter, NFD and typographic apostrophes', text: VIAMEDIS.replaceAll("'", '’').normalize('NFD'), locale: 'fr' },
    { name: 'Swedish e-mail', text: FOLKSAM, locale: 'sv' },
    { name: 'Swedish e-mail, upper case', text: FOLKSAM.toUpperCase(), locale: 'sv' },
    { name: 'English e-mail', text: NORTHWIND, locale: 'en' },
    { name: 'English HTML e-mail', text: NORTHWIND_HTML, locale: 'en' },
    { name: 'short French deficient e-mail', text: FREE_LIKE, locale: 'fr' },
    { name: 'French letter without contact details', text: DPO_NO_DETAILS, locale: 'fr' },
    { name: 'Swedish letter', text: SV_LETTERHEAD, locale: 'sv' },
    { name: 'one French sentence', text: 'Vos données ont été volées.', locale: 'fr' },
    { name: 'one Swedish sentence', text: 'Vi har haft ett intrång och det är allvarligt.', locale: 'sv' },
    { name: 'one English sentence', text: 'Your data was stolen from our website.', locale: 'en' },
  ];
  for (const row of table) {
    it(`${row.name} → ${row.locale}`, () => {
      const guess = detectLanguage(row.text);
      assert.equal(guess.locale, row.locale);
      assert.equal(guess.source, 'detected');
      assert.ok(guess.confidence > 0.8, `confidence ${guess.confidence}`);
      assert.ok(guess.scores[row.locale] > 0);
      assert.deepEqual(checkCommunication({ text: row.text }).language, guess);
    });
  }

  it('falls back to English with zero confidence when there is nothing to go on', () => {
    assert.deepEqual(detectLanguage('0800 123 4567 — dpo@example.org'), {
      locale: 'en',
      source: 'detected',
      confidence: 0,
      scores: { en: 0, fr: 0, sv: 0 },
    });
  });
});

describe('report messages', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  /** How each language cites the GDPR provision behind each missing element. */
  const CITATIONS: Readonly<Record<Locale, Readonly<Record<ElementCode, readonly RegExp[]>>>> = {
    en: {
      nature: [/Art\. 34\(2\) GDPR/],
      'contact-point': [/Art\. 34\(2\)/, /Art\. 33\(3\)\(b\)/],
      consequences: [/Art\. 34\(2\)/, /Art\. 33\(3\)\(c\)/],
      measures: [/Art\. 34\(2\)/, /Art\. 33\(3\)\(d\)/],
      advice: [/Art\. 34\(2\)/, /Art\. 33\(3\)\(d\)/],
    },
    fr: {
      nature: [/Art\. 34\.2 du RGPD/],
      'contact-point': [/Art\. 34\.2/, /art\. 33\.3 b\)/],
      consequences: [/Art\. 34\.2/, /art\. 33\.3 c\)/],
      measures: [/Art\. 34\.2/, /art\. 33\.3 d\)/],
      advice: [/Art\. 34\.2/, /art\. 33\.3 d\)/],
    },
    sv: {
      nature: [/Artikel 34\.2 i dataskyddsförordningen/],
      'contact-point': [/Artikel 34\.2/, /artikel 33\.3 b/],
      consequences: [/Artikel 34\.2/, /artikel 33\.3 c/],
      measures: [/Artikel 34\.2/, /artikel 33\.3 d/],
      advice: [/Artikel 34\.2/, /artikel 33\.3 d/],
    },
  };
  const elementOf = (reason: MissingReason): ElementCode => {
    const prefix = reason.split('-')[0];
    return prefix === 'contact' ? 'contact-point' : (ELEMENT_CODES.find((c) => c === prefix) ?? 'nature');
  };

  it('has every text in every locale, none empty', () => {
    for (const locale of LOCALES) {
      const m = COMMUNICATION_MESSAGES[locale];
      assert.deepEqual(Object.keys(m.elements).sort(), [...ELEMENT_CODES].sort(), locale);
      assert.deepEqual(Object.keys(m.missing).sort(), [...MISSING_REASONS].sort(), locale);
      assert.deepEqual(Object.keys(m.findings).sort(), [...FINDING_CODES].sort(), locale);
      const texts = [
        ...Object.values(m.elements),
        ...Object.values(m.missing),
        ...Object.values(m.findings),
        m.quote.open,
        m.quote.close,
        m.listSeparator,
      ];
      for (const text of texts) assert.ok(text.trim().length > 0, `${locale}: empty text`);
    }
  });

  it('uses the same known placeholders in every locale and none in the missing texts', () => {
    const allowed: Readonly<Record<string, readonly string[]>> = {
      'long-sentences': ['count', 'limit'],
      'vague-wording': ['phrases'],
      jargon: ['phrases'],
      'no-breach-date': [],
    };
    for (const locale of LOCALES) {
      const m = COMMUNICATION_MESSAGES[locale];
      for (const code of FINDING_CODES) assert.deepEqual(placeholders(m.findings[code]), allowed[code], `${locale} ${code}`);
      for (const text of [...Object.values(m.elements), ...Object.values(m.missing)])
        assert.deepEqual(placeholders(text), [], `${locale}: ${text}`);
    }
  });

  it('cites the article behind each missing element, in the form of each language', () => {
    for (const locale of LOCALES) {
      for (const reason of MISSING_REASONS) {
        for (const citation of CITATIONS[locale][elementOf(reason)]) {
          assert.match(COMMUNICATION_MESSAGES[locale].missing[reason], citation, `${locale} ${reason}`);
        }
      }
    }
  });

  it('leaves no placeholder in any report', () => {
    for (const text of [VIAMEDIS, FOLKSAM, NORTHWIND, FREE_LIKE, DPO_NO_DETAILS, SV_LETTERHEAD, '']) {
      for (const locale of [undefined, ...LOCALES]) {
        const report = checkCommunication({ text, locale }, { longSentenceWords: 10 });
        const texts = [...report.elements.flatMap((e) => [e.name, e.missing ?? '']), ...report.clarity.findings.map((f) => f.message)];
        for (const t of texts) assert.doesNotMatch(t, /[{}]/, t);
      }
    }
  });
});
