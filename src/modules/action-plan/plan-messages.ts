import type { Locale } from '../../platform/locale.js';
import type { ScenarioId } from '../exposure/scenarios.js';
import type { PlanCountry, SourceId, StepId, Urgency } from './action-plan.js';

/**
 * Every person-facing word of the action plan, in English, French and Swedish. Plain language, short
 * sentences, "you". The languages are written, not translated word for word: a French reader gets French
 * institutions first, a Swedish reader Swedish ones, whatever the country the plan is for.
 *
 * Placeholders: {classes} (the person's leaked data, a list), {breaches} (breach titles, a list),
 * {groups} (for cross-breach risks: each breach with the data that came from it), {months} (from the
 * step's deadline).
 */

/** A text that may differ with the country the plan is for. */
export type ByCountry = string | Readonly<Record<PlanCountry, string>>;

export interface ActionText {
  readonly text: string;
  /** Only in plans for these countries; in all when absent. */
  readonly countries?: readonly PlanCountry[];
  /** Only when the step answers this scenario for the person. */
  readonly scenario?: ScenarioId;
  /** Only when one of these data classes is behind the step (for a general step: among all the person's data). */
  readonly dataClasses?: readonly string[];
  /** Only when a Chronopost breach is behind the step. */
  readonly chronopost?: true;
}

export interface StepText {
  readonly title: string;
  readonly actions: readonly ActionText[];
  /** The time limit in words, for steps with a deadline. */
  readonly deadline?: ByCountry;
  /** Why, for the general steps (no scenario): `some` names the person's breaches, `none` when there are none. */
  readonly why?: { readonly some: string; readonly none: string };
}

/** Why a scenario's step matters: `single` when one breach holds all the data, `cross` when it takes several. */
export interface WhyText {
  readonly single: string;
  /** For scenarios that need two or more kinds of data (only those can be cross-breach). */
  readonly cross?: string;
}

export interface PlanMessages {
  readonly title: string;
  readonly intro: string;
  readonly countries: Readonly<Record<PlanCountry, string>>;
  readonly urgencies: Readonly<Record<Urgency, string>>;
  readonly labels: {
    readonly summary: string;
    readonly noExposure: string;
    readonly why: string;
    readonly actions: string;
    readonly deadline: string;
    readonly sources: string;
    readonly generatedOn: string;
  };
  readonly disclaimer: string;
  /** How lists and titles are written inside sentences. */
  readonly grammar: {
    readonly and: string;
    readonly quoteOpen: string;
    readonly quoteClose: string;
    /** One breach and the data from it, in a cross-breach explanation. */
    readonly group: string;
    readonly groupSeparator: string;
    /** Between a label and what it labels: French puts a (no-break) space before the colon. */
    readonly colon: string;
  };
  readonly steps: Readonly<Record<StepId, StepText>>;
  readonly why: Readonly<Record<ScenarioId, WhyText>>;
  readonly sources: Readonly<Record<SourceId, string>>;
}

const ONLINE_BANKING = ['online-banking-credentials'];
const SECURITY_QUESTIONS = ['security-questions'];

const en: PlanMessages = {
  title: 'Your action plan after a data breach',
  intro:
    'These steps are based on the data about you that leaked. Start at the top: the most urgent steps come first. Tick each step once you have done it.',
  countries: {
    FR: 'Advice if you live in France',
    SE: 'Advice if you live in Sweden',
    other: 'Advice if you live outside France and Sweden',
  },
  urgencies: {
    now: 'Do it now',
    'this-week': 'This week',
    ongoing: 'From now on',
    'if-it-happens': 'If it happens to you',
  },
  labels: {
    summary: 'What leaked about you',
    noExposure: 'We found none of your data in the breaches we know of.',
    why: 'Why',
    actions: 'What to do',
    deadline: 'Time limit',
    sources: 'Sources',
    generatedOn: 'Made on',
  },
  disclaimer:
    'This plan gives general advice based on public sources. It is not legal advice. Time limits can depend on your bank and on the law of your country: if you are unsure, ask your bank or an adviser. This document contains no identifier of yours, such as your email address or your social security number.',
  grammar: { and: 'and', quoteOpen: '“', quoteClose: '”', group: '{classes} in {breaches}', groupSeparator: '; ', colon: ': ' },
  steps: {
    'secure-accounts': {
      title: 'Change your passwords and turn on two-step login',
      actions: [
        { text: 'Change the password of every account linked to these breaches.' },
        {
          text: 'Change it everywhere else you used the same password. Use a different password for each account: a password manager makes this easy.',
        },
        { text: 'Turn on two-step verification (a code from an app or by text message) wherever it is offered.' },
        { text: 'Change your security questions and their answers.', dataClasses: SECURITY_QUESTIONS },
        { text: 'Your online banking login leaked: call your bank and change it now.', dataClasses: ONLINE_BANKING },
      ],
    },
    'block-payment-card': {
      title: 'Block your bank card and check your payments',
      actions: [
        { text: 'Call your bank or use its app to block the card, and order a new one.' },
        { text: 'Go through your statements for payments you did not make. Keep checking them over the coming months.' },
        { text: 'Contest any payment you did not make with your bank straight away.' },
        { text: 'As a rule, the bank must refund a payment you did not authorise by the end of the next business day.' },
      ],
      deadline:
        'Contest a payment you did not make without delay, and at the latest {months} months after the debit date. The limit can be shorter if the merchant’s bank is outside the EU/EEA: ask your bank.',
    },
    'check-direct-debits': {
      title: 'Check your direct debits and who may debit your account',
      actions: [
        {
          text: 'In your online banking, check the list of creditors allowed to debit your account (your direct debit mandates). Ask your bank about any you do not recognise.',
          countries: ['FR', 'other'],
        },
        {
          text: 'In your internet bank, check which direct debits (autogiro) and creditors may take money from your account. Ask your bank about any you do not recognise.',
          countries: ['SE'],
        },
        { text: 'Check your statements every month for debits you do not recognise.' },
        {
          text: 'A debit you did not authorise: contest it with your bank without delay. The bank must refund it by the end of the next business day, with any fees.',
          countries: ['FR'],
        },
        {
          text: 'A debit you did not authorise: contest it with your bank without delay. As a rule, the bank must refund it by the end of the next business day.',
          countries: ['SE', 'other'],
        },
        {
          text: 'A debit you did authorise but dispute: you can ask for a refund within 8 weeks. The bank then has 10 business days to answer you.',
          countries: ['FR'],
        },
        {
          text: 'A debit you did authorise but dispute: for a SEPA direct debit in euros, you can ask for a refund within 8 weeks, and the bank has 10 business days to answer you. For other direct debits (autogiro in kronor), a refund depends on the terms agreed: ask your bank.',
          countries: ['SE', 'other'],
        },
      ],
      deadline: {
        FR: 'Debit you did not authorise: without delay, and at the latest {months} months after the debit date (70 days if the payee’s bank is outside the EU/EEA). Debit you authorised: 8 weeks.',
        SE: 'Debit you did not authorise: without delay, and at the latest {months} months after the debit date. Debit you authorised: 8 weeks for a SEPA debit in euros; for others, ask your bank. The limit can be shorter if the payee’s bank is outside the EU/EEA: ask your bank.',
        other:
          'Debit you did not authorise: without delay, and at the latest {months} months after the debit date. Debit you authorised: 8 weeks for a SEPA debit in euros; for others, ask your bank. The limit can be shorter if the payee’s bank is outside the EU/EEA: ask your bank.',
      },
    },
    'replace-identity-documents': {
      title: 'Cancel and renew your identity documents',
      actions: [
        {
          text: 'Have the identity documents whose copies or numbers leaked cancelled, and apply for new ones.',
          countries: ['FR', 'other'],
        },
        {
          text: 'Ask the police, or whoever issued the document, whether an identity document whose copy or number leaked can be cancelled and replaced.',
          countries: ['SE'],
        },
        { text: 'Keep every piece of evidence: the breach notice, and the letters and messages you receive.' },
      ],
    },
    'guard-identity': {
      title: 'Guard against loans and contracts in your name',
      actions: [
        { text: 'Tell your banks that your identity data leaked, so that they take extra care with requests made in your name.' },
        {
          text: 'Ask the Banque de France whether a credit or cheque incident has been recorded in your name (the FICP and FCC files).',
          countries: ['FR'],
        },
        {
          text: 'Place a fraud block (bedrägerispärr) with a credit bureau such as UC. Anyone who runs a credit check on you then gets a warning to check your identity carefully.',
          countries: ['SE'],
        },
        { text: 'Watch your post and email for loans, orders or contracts you did not ask for, and act at once.' },
      ],
    },
    'check-health-insurance-account': {
      title: 'Watch out for fake health-refund offers',
      actions: [
        {
          text: 'Be wary of any call, text or email about a healthcare refund, even when the person knows your social security number.',
        },
        { text: 'Never give your bank details or a code to someone who contacts you about a refund.' },
        {
          text: 'Check your health insurance accounts regularly, on ameli.fr and with your mutuelle (top-up insurer), for refunds or changes you do not recognise.',
        },
        { text: 'Your insurers must tell you about the breach individually. If you have had no letter or email, ask them.' },
      ],
    },
    'ask-the-organisation': {
      title: 'Ask each organisation what it holds about you',
      actions: [
        {
          text: 'Write to the organisation behind each breach. Ask what data it holds about you, what exactly leaked and what it is doing about it. This is your right of access (GDPR Article 15).',
        },
        { text: 'As a rule, it must answer within one month.' },
        {
          // The Viamedis/Almerys leak held insured people *and their families* (anchors-hibp-monitor.md §5 items 1 and 5).
          text: 'Family members covered by the same health insurance (a spouse, children) may be in the breach too: ask about them as well, and warn them about refund scams.',
          dataClasses: ['health-insurer', 'health-insurance-cover', 'healthcare-reimbursements'],
        },
        { text: 'Only the organisation can tell you whether you are affected: the CNIL cannot.', countries: ['FR'] },
        { text: 'Be wary of sites that claim to hold the leaked data and ask for your details.' },
      ],
      why: {
        some: 'Your data is in {breaches}. You have the right to know what each organisation holds about you and what happened.',
        none: 'You have the right to know what an organisation holds about you.',
      },
    },
    'beware-delivery-texts': {
      title: 'Ignore delivery texts that ask you to click or pay',
      actions: [
        { text: 'Do not click links in delivery texts. To track a parcel, type the carrier’s website address yourself or use its app.' },
        { text: 'Never pay a fee or give card details because a text asks you to.' },
        { text: 'Texts from Chronopost only ever come from the number 38004.', chronopost: true },
        { text: 'Chronopost never asks for an identity document or a fee for a delivery within France.', chronopost: true },
        { text: 'Forward any suspicious text claiming to be from Chronopost to abuse@chronopost.fr.', chronopost: true },
      ],
    },
    'beware-phishing': {
      title: 'Be careful with emails, texts and calls',
      actions: [
        {
          text: 'Do not click links or open attachments in unexpected emails, even when they use your real name or details.',
          scenario: 'email-phishing',
        },
        { text: 'Type the website address of your bank, insurer or public service yourself instead of following a link.' },
        {
          text: 'If someone calls about your bank, insurance or a parcel, hang up and call back on a number you know, such as the one on your card or contract.',
          scenario: 'phone-scam',
        },
        { text: 'Never give a password, or a code you received by text, to someone who calls you.', scenario: 'phone-scam' },
        {
          text: 'Never log in or sign anything with BankID because someone who called you asked you to.',
          scenario: 'phone-scam',
          countries: ['SE'],
        },
      ],
    },
    'expect-targeted-scams': {
      title: 'Expect scams that mention your real products',
      actions: [
        {
          text: 'Scammers may know which products or insurance you have. A message that mentions them is no proof that it is genuine.',
        },
        {
          text: 'Before acting on such a message, call the company back on a number you know, such as the one in your contract or on its official website.',
        },
        { text: 'Never give an identity number, bank details or a login code in reply.' },
      ],
    },
    'watch-for-forged-documents': {
      title: 'Watch for documents signed in your name',
      actions: [
        { text: 'Read your post carefully: look out for contracts, subscriptions or debts you do not recognise.' },
        {
          text: 'If a document carries a signature that is not yours, contest it in writing with the organisation at once, and keep a copy.',
        },
      ],
    },
    'sign-up-for-alerts': {
      title: 'Sign up for alerts about future breaches',
      actions: [
        { text: 'Sign up for alerts about future breaches, so that you hear quickly when your data turns up in a new one.' },
        { text: 'When you learn of a new breach, come back and make a new plan: the steps depend on what leaked.' },
      ],
      why: {
        some: 'New breaches come to light all the time. The sooner you know, the sooner you can act.',
        none: 'New breaches come to light all the time. The sooner you know, the sooner you can act.',
      },
    },
    'report-identity-theft': {
      title: 'If someone uses your identity: report it',
      actions: [
        {
          text: 'File a complaint with the police or the gendarmerie for each incident (each loan, order or account opened in your name).',
          countries: ['FR'],
        },
        {
          text: 'Report each incident to the police (each loan, order or account opened in your name), online at polisen.se or by phone on 114 14.',
          countries: ['SE'],
        },
        {
          text: 'File a complaint with the police for each incident (each loan, order or account opened in your name).',
          countries: ['other'],
        },
        { text: 'Keep all the evidence, and report the fraud to the platforms or companies involved.' },
        {
          text: 'Send a sworn statement and a copy of your complaint to any organisation that asks you to pay for a purchase, loan or contract that is not yours.',
          countries: ['FR'],
        },
        {
          text: 'Dispute in writing any demand to pay for a purchase, loan or contract that is not yours, with a copy of your police report. If the claim goes to the Enforcement Authority (Kronofogden), dispute it there too.',
          countries: ['SE'],
        },
        {
          text: 'Dispute in writing any demand to pay for a purchase, loan or contract that is not yours, with a copy of your police report.',
          countries: ['other'],
        },
      ],
    },
    'report-scams': {
      title: 'If you receive a scam or fall for one: report it',
      actions: [
        { text: 'If you gave your bank details or paid: call your bank straight away to block the payment and your card.' },
        { text: 'Report the scam attempt on Signal Arnaques, and get help from cybermalveillance.gouv.fr.', countries: ['FR'] },
        { text: 'Forward scam texts to 33700.', countries: ['FR'] },
        { text: 'If you lost money, also file a complaint with the police or the gendarmerie.', countries: ['FR'] },
        { text: 'Report fraud and attempted fraud to the police, at polisen.se or by phone on 114 14.', countries: ['SE'] },
        { text: 'Report it to the police or to your country’s anti-fraud service.', countries: ['other'] },
      ],
    },
    'resist-blackmail': {
      title: 'If someone threatens to reveal your data: do not pay',
      actions: [
        { text: 'Never pay, and do not reply to the blackmailer. Paying is no guarantee that the data stays secret.' },
        { text: 'Keep the evidence: screenshots of the messages, with the dates and the sender’s address or number.' },
        { text: 'Report it to the police or the gendarmerie.', countries: ['FR'] },
        { text: 'Report it to the police, at polisen.se or by phone on 114 14.', countries: ['SE'] },
        { text: 'Report it to the police.', countries: ['other'] },
      ],
    },
    'complain-to-authority': {
      title: 'If the organisation did not inform you: complain',
      actions: [
        { text: 'When a breach puts you at high risk, the organisation must tell you directly (GDPR Article 34).' },
        {
          text: 'If it did not, or does not answer your questions, complain to the CNIL on cnil.fr (GDPR Article 77). Complaints count: over 2,500 of them fed the CNIL’s case against Free.',
          countries: ['FR'],
        },
        {
          text: 'If it did not, or does not answer your questions, complain to IMY, the Swedish Authority for Privacy Protection, on imy.se (GDPR Article 77).',
          countries: ['SE'],
        },
        {
          text: 'If it did not, or does not answer your questions, complain to your country’s data protection authority (GDPR Article 77). The European Data Protection Board lists them on edpb.europa.eu.',
          countries: ['other'],
        },
      ],
      why: {
        some: 'Organisations must warn the people a breach puts at high risk, and tell them what to do. Your complaint lets the authority act.',
        none: 'Organisations must warn the people a breach puts at high risk, and tell them what to do. Your complaint lets the authority act.',
      },
    },
  },
  why: {
    'account-takeover': {
      single:
        'Your {classes} leaked in {breaches}. Anyone holding this data can try to get into your accounts, including the ones where you used the same password.',
    },
    'email-phishing': {
      single: 'Your {classes} leaked in {breaches}. Scammers can send you emails that look genuine because they use your real details.',
    },
    'fake-delivery-phishing': {
      single: 'Your {classes} leaked in {breaches}. With them, scammers can send you fake delivery texts that look genuine.',
      cross:
        'Your data comes from different breaches: {groups}. Put together, it lets scammers send you fake delivery texts that look genuine.',
    },
    'forged-documents': {
      single: 'Your {classes} leaked in {breaches}. Someone could use them to forge a contract or a letter in your name.',
      cross: 'Your data comes from different breaches: {groups}. Put together, it lets someone forge a contract or a letter in your name.',
    },
    'health-refund-fraud': {
      single: 'Your {classes} leaked in {breaches}. A scammer can pose as your health insurer and offer you a refund that sounds real.',
      cross:
        'Your data comes from different breaches: {groups}. Put together, it lets a scammer pose as your health insurer and offer you a refund that sounds real.',
    },
    'identity-fraud': {
      single: 'Your {classes} leaked in {breaches}. That is enough to pose as you, for example to open an account or take out a loan.',
      cross:
        'Your data comes from different breaches: {groups}. Put together, it is enough to pose as you, for example to open an account or take out a loan.',
    },
    'identity-theft': {
      single: 'Your {classes} leaked in {breaches}. Someone could use them to pose as you with banks, shops and public services.',
    },
    'payment-card-fraud': {
      single: 'Your {classes} leaked in {breaches}. Someone could use them to pay with your card.',
    },
    'phone-scam': {
      single: 'Your {classes} leaked in {breaches}. Scammers can call or text you, posing as your bank, your insurer or a delivery firm.',
    },
    'sensitive-data-blackmail': {
      single: 'Your {classes} leaked in {breaches}. This is sensitive data: someone could threaten to reveal it unless you pay.',
    },
    'sepa-direct-debit-fraud': {
      single: 'Your {classes} leaked in {breaches}. With it, a fraudster can set up direct debits from your account.',
    },
    'targeted-phishing': {
      single:
        'Your {classes} leaked in {breaches}. Scammers use real details like these to make a message look genuine, posing as your health insurance, your bank or a delivery firm.',
    },
    'targeted-profiling-scam': {
      single:
        'Your {classes} leaked in {breaches}. Scammers can mention what you bought or which insurance you have to make their messages convincing.',
      cross:
        'Your data comes from different breaches: {groups}. Put together, it lets scammers mention what you bought or which insurance you have to make their messages convincing.',
    },
  },
  sources: {
    'banque-de-france-sepa': 'Banque de France: SEPA direct debits (in French)',
    'chronopost-sms': 'Chronopost: is this text really from Chronopost? (in French)',
    cnil: 'CNIL, the French data protection authority',
    'cnil-advice': 'CNIL: what to do after a data leak (in French)',
    'cnil-iban': 'CNIL: if your IBAN was stolen (in French)',
    'cybermalveillance-leak': 'Cybermalveillance.gouv.fr: what to do after a data leak (in French)',
    edpb: 'European Data Protection Board: the national authorities',
    'gdpr-art-12': 'GDPR, Article 12: time to answer',
    'gdpr-art-15': 'GDPR, Article 15: right of access',
    'gdpr-art-34': 'GDPR, Article 34: duty to inform you',
    'gdpr-art-77': 'GDPR, Article 77: right to complain',
    'gendarmerie-identity': 'Gendarmerie: identity theft (in French)',
    'generali-identity': 'Generali: getting identity theft recognised (in French)',
    ameli: 'ameli.fr: your French health insurance account (in French)',
    imy: 'IMY, the Swedish Authority for Privacy Protection',
    polisen: 'Swedish Police: polisen.se, phone 114 14 (in Swedish)',
    'psd2-art-71': 'Payment Services Directive (PSD2), Article 71: 13 months to report',
    'psd2-art-73': 'PSD2, Article 73: refund of unauthorised payments',
    'psd2-art-76-77': 'PSD2, Articles 76–77: refund of direct debits within 8 weeks',
    'signal-arnaques': 'Signal Arnaques: report a scam (in French)',
    'spam-33700': '33700: report spam texts (in French)',
    'uc-fraud-block': 'UC: fraud block (bedrägerispärr) (in Swedish)',
  },
};

const fr: PlanMessages = {
  title: 'Votre plan d’action après une fuite de données',
  intro:
    'Ces étapes tiennent compte des données vous concernant qui ont fuité. Commencez par le haut\u00a0: les plus urgentes viennent en premier. Cochez chaque étape une fois faite.',
  countries: {
    FR: 'Conseils si vous vivez en France',
    SE: 'Conseils si vous vivez en Suède',
    other: 'Conseils si vous vivez ailleurs qu’en France ou en Suède',
  },
  urgencies: {
    now: 'À faire tout de suite',
    'this-week': 'Cette semaine',
    ongoing: 'Désormais',
    'if-it-happens': 'Si cela vous arrive',
  },
  labels: {
    summary: 'Ce qui a fuité vous concernant',
    noExposure: 'Nous n’avons trouvé aucune de vos données dans les fuites que nous connaissons.',
    why: 'Pourquoi',
    actions: 'Que faire',
    deadline: 'Délai',
    sources: 'Sources',
    generatedOn: 'Établi le',
  },
  disclaimer:
    'Ce plan donne des conseils généraux tirés de sources publiques. Ce n’est pas un avis juridique. Les délais peuvent dépendre de votre banque et du droit de votre pays\u00a0: en cas de doute, demandez à votre banque ou à un conseiller. Ce document ne contient aucun identifiant vous concernant, comme votre adresse e-mail ou votre numéro de sécurité sociale.',
  grammar: {
    and: 'et',
    quoteOpen: '«\u00a0',
    quoteClose: '\u00a0»',
    group: '{classes} dans {breaches}',
    groupSeparator: '\u00a0; ',
    colon: '\u00a0: ',
  },
  steps: {
    'secure-accounts': {
      title: 'Changez vos mots de passe et activez la double authentification',
      actions: [
        { text: 'Changez le mot de passe de chaque compte lié à ces fuites.' },
        {
          text: 'Changez-le aussi partout où vous utilisiez le même. Prenez un mot de passe différent pour chaque compte\u00a0: un gestionnaire de mots de passe vous facilite la tâche.',
        },
        { text: 'Activez la double authentification (un code reçu par application ou par SMS) partout où c’est possible.' },
        { text: 'Changez vos questions secrètes et leurs réponses.', dataClasses: SECURITY_QUESTIONS },
        {
          text: 'Vos identifiants de banque en ligne ont fuité\u00a0: appelez votre banque et changez-les tout de suite.',
          dataClasses: ONLINE_BANKING,
        },
      ],
    },
    'block-payment-card': {
      title: 'Faites opposition à votre carte et vérifiez vos paiements',
      actions: [
        {
          text: 'Faites opposition à votre carte auprès de votre banque, par téléphone ou dans l’application, et demandez-en une nouvelle.',
        },
        {
          text: 'Vérifiez vos relevés\u00a0: repérez les paiements que vous n’avez pas faits. Continuez à les surveiller dans les mois qui viennent.',
        },
        { text: 'Contestez aussitôt auprès de votre banque tout paiement que vous n’avez pas fait.' },
        {
          text: 'En principe, la banque doit vous rembourser un paiement que vous n’avez pas autorisé au plus tard à la fin du jour ouvrable suivant.',
        },
      ],
      deadline:
        'Contestez sans tarder, et au plus tard {months} mois après la date du débit. Le délai peut être plus court si la banque du commerçant est hors de l’UE ou de l’EEE\u00a0: renseignez-vous auprès de votre banque.',
    },
    'check-direct-debits': {
      title: 'Vérifiez vos prélèvements et les créanciers autorisés',
      actions: [
        {
          text: 'Dans votre banque en ligne, vérifiez la liste des créanciers autorisés à effectuer des prélèvements sur votre compte (vos mandats de prélèvement). Interrogez votre banque sur tout mandat que vous ne connaissez pas.',
          countries: ['FR', 'other'],
        },
        {
          text: 'Dans votre banque en ligne, vérifiez quels prélèvements (autogiro) et quels créanciers peuvent débiter votre compte. Interrogez votre banque sur ceux que vous ne connaissez pas.',
          countries: ['SE'],
        },
        { text: 'Vérifiez vos relevés chaque mois pour repérer les prélèvements inconnus.' },
        {
          text: 'Prélèvement que vous n’avez pas autorisé\u00a0: contestez-le sans tarder auprès de votre banque. Elle doit vous rembourser au plus tard à la fin du jour ouvrable suivant, frais compris.',
          countries: ['FR'],
        },
        {
          text: 'Prélèvement que vous n’avez pas autorisé\u00a0: contestez-le sans tarder auprès de votre banque. En principe, elle doit vous rembourser au plus tard à la fin du jour ouvrable suivant.',
          countries: ['SE', 'other'],
        },
        {
          text: 'Prélèvement autorisé mais contesté\u00a0: vous avez 8 semaines pour en demander le remboursement. La banque dispose ensuite de 10 jours ouvrables pour vous répondre.',
          countries: ['FR'],
        },
        {
          text: 'Prélèvement autorisé mais contesté\u00a0: pour un prélèvement SEPA en euros, vous avez 8 semaines pour en demander le remboursement, et la banque dispose de 10 jours ouvrables pour vous répondre. Pour les autres prélèvements (l’autogiro en couronnes suédoises), le remboursement dépend des conditions convenues\u00a0: renseignez-vous auprès de votre banque.',
          countries: ['SE', 'other'],
        },
      ],
      deadline: {
        FR: 'Prélèvement non autorisé\u00a0: sans tarder, et au plus tard dans les {months} mois suivant la date du débit (70 jours si la banque du créancier est hors de l’UE ou de l’EEE). Prélèvement autorisé\u00a0: 8 semaines.',
        SE: 'Prélèvement non autorisé\u00a0: sans tarder, et au plus tard dans les {months} mois suivant la date du débit. Prélèvement autorisé\u00a0: 8 semaines pour un prélèvement SEPA en euros\u00a0; pour les autres, renseignez-vous auprès de votre banque. Le délai peut être plus court si la banque du créancier est hors de l’UE ou de l’EEE\u00a0: renseignez-vous auprès de votre banque.',
        other:
          'Prélèvement non autorisé\u00a0: sans tarder, et au plus tard dans les {months} mois suivant la date du débit. Prélèvement autorisé\u00a0: 8 semaines pour un prélèvement SEPA en euros\u00a0; pour les autres, renseignez-vous auprès de votre banque. Le délai peut être plus court si la banque du créancier est hors de l’UE ou de l’EEE\u00a0: renseignez-vous auprès de votre banque.',
      },
    },
    'replace-identity-documents': {
      title: 'Faites annuler et refaire vos pièces d’identité',
      actions: [
        {
          text: 'Faites annuler les pièces d’identité dont la copie ou le numéro a fuité, et demandez-en de nouvelles.',
          countries: ['FR', 'other'],
        },
        {
          text: 'Demandez à la police, ou à l’autorité qui a délivré le document, si une pièce d’identité dont la copie ou le numéro a fuité peut être annulée et remplacée.',
          countries: ['SE'],
        },
        { text: 'Gardez toutes les preuves\u00a0: l’avis de fuite, les courriers et les messages que vous recevez.' },
      ],
    },
    'guard-identity': {
      title: 'Protégez-vous contre les crédits et contrats souscrits en votre nom',
      actions: [
        {
          text: 'Prévenez vos banques que vos données d’identité ont fuité, pour qu’elles redoublent de vigilance face aux demandes faites en votre nom.',
        },
        {
          text: 'Demandez à la Banque de France si un incident de crédit ou de chèque a été enregistré à votre nom (fichiers FICP et FCC).',
          countries: ['FR'],
        },
        {
          text: 'Faites enregistrer un blocage anti-fraude (bedrägerispärr) auprès d’un organisme suédois de renseignement sur le crédit, comme UC. Toute personne qui consulte votre solvabilité reçoit alors un avertissement lui demandant de bien vérifier votre identité.',
          countries: ['SE'],
        },
        {
          text: 'Surveillez votre courrier et vos e-mails\u00a0: crédits, commandes ou contrats que vous n’avez pas demandés. Réagissez tout de suite.',
        },
      ],
    },
    'check-health-insurance-account': {
      title: 'Méfiez-vous des faux remboursements de soins',
      actions: [
        {
          text: 'Méfiez-vous de tout appel, SMS ou e-mail au sujet d’un remboursement de soins, même si votre interlocuteur connaît votre numéro de sécurité sociale.',
        },
        { text: 'Ne donnez jamais vos coordonnées bancaires ni un code à quelqu’un qui vous contacte au sujet d’un remboursement.' },
        {
          text: 'Consultez régulièrement votre compte ameli et votre espace mutuelle pour repérer des remboursements ou des modifications que vous ne reconnaissez pas.',
        },
        {
          text: 'Votre mutuelle ou votre assureur doit vous informer individuellement de la fuite. Si vous n’avez reçu ni courrier ni e-mail, demandez-lui.',
        },
      ],
    },
    'ask-the-organisation': {
      title: 'Demandez à chaque organisme ce qu’il détient sur vous',
      actions: [
        {
          text: 'Écrivez à l’organisme à l’origine de chaque fuite. Demandez-lui quelles données il détient sur vous, ce qui a fuité exactement et ce qu’il fait pour y remédier. C’est votre droit d’accès (article 15 du RGPD).',
        },
        { text: 'En règle générale, il doit vous répondre sous un mois.' },
        {
          text: 'Les membres de votre famille couverts par la même complémentaire (conjoint, enfants, ayants droit) peuvent aussi figurer dans la fuite\u00a0: posez la question pour eux aussi, et prévenez-les des arnaques au remboursement.',
          dataClasses: ['health-insurer', 'health-insurance-cover', 'healthcare-reimbursements'],
        },
        { text: 'Seul l’organisme peut vous dire si vous êtes concerné\u00a0: la CNIL ne le peut pas.', countries: ['FR'] },
        { text: 'Méfiez-vous des sites qui prétendent détenir les données volées et vous demandent vos informations.' },
      ],
      why: {
        some: 'Vos données figurent dans {breaches}. Vous avez le droit de savoir ce que chaque organisme détient sur vous et ce qui s’est passé.',
        none: 'Vous avez le droit de savoir ce qu’un organisme détient sur vous.',
      },
    },
    'beware-delivery-texts': {
      title: 'Ignorez les SMS de livraison qui vous demandent de cliquer ou de payer',
      actions: [
        {
          text: 'Ne cliquez pas sur les liens des SMS de livraison. Pour suivre un colis, tapez vous-même l’adresse du site du transporteur ou utilisez son application.',
        },
        { text: 'Ne payez jamais de frais et ne donnez jamais vos données de carte parce qu’un SMS vous le demande.' },
        { text: 'Les SMS de Chronopost proviennent uniquement du numéro 38004.', chronopost: true },
        { text: 'Chronopost ne demande ni pièce d’identité ni frais pour une livraison en France.', chronopost: true },
        { text: 'Transférez tout SMS suspect se présentant comme venant de Chronopost à abuse@chronopost.fr.', chronopost: true },
      ],
    },
    'beware-phishing': {
      title: 'Méfiez-vous des e-mails, SMS et appels',
      actions: [
        {
          text: 'N’ouvrez pas les pièces jointes et ne cliquez pas sur les liens des e-mails inattendus, même s’ils citent votre vrai nom ou vos vraies informations.',
          scenario: 'email-phishing',
        },
        {
          text: 'Tapez vous-même l’adresse du site officiel de votre banque, de votre assureur ou de l’administration au lieu de suivre un lien.',
        },
        {
          text: 'Si l’on vous appelle au sujet de votre banque, de votre assurance ou d’un colis, raccrochez et rappelez l’organisme à un numéro que vous connaissez, par exemple celui de votre carte ou de votre contrat.',
          scenario: 'phone-scam',
        },
        { text: 'Ne donnez jamais un mot de passe, ni un code reçu par SMS, à quelqu’un qui vous appelle.', scenario: 'phone-scam' },
        {
          text: 'Ne vous connectez jamais avec BankID et ne signez rien avec BankID parce qu’une personne qui vous a appelé vous le demande.',
          scenario: 'phone-scam',
          countries: ['SE'],
        },
      ],
    },
    'expect-targeted-scams': {
      title: 'Attendez-vous à des arnaques qui citent vos vrais contrats',
      actions: [
        {
          text: 'Les escrocs peuvent savoir quels produits ou contrats d’assurance vous avez. Un message qui les cite n’est pas pour autant authentique.',
        },
        {
          text: 'Avant d’y donner suite, rappelez l’entreprise à un numéro que vous connaissez, par exemple celui de votre contrat ou de son site officiel.',
        },
        { text: 'Ne répondez jamais en donnant un numéro d’identification, vos coordonnées bancaires ou un code de connexion.' },
      ],
    },
    'watch-for-forged-documents': {
      title: 'Surveillez les documents signés en votre nom',
      actions: [
        { text: 'Lisez attentivement votre courrier\u00a0: repérez les contrats, abonnements ou dettes que vous ne connaissez pas.' },
        {
          text: 'Si un document porte une signature qui n’est pas la vôtre, contestez-le aussitôt par écrit auprès de l’organisme et gardez-en une copie.',
        },
      ],
    },
    'sign-up-for-alerts': {
      title: 'Inscrivez-vous aux alertes sur les futures fuites',
      actions: [
        {
          text: 'Inscrivez-vous aux alertes sur les futures fuites\u00a0: vous saurez vite si vos données apparaissent dans une nouvelle fuite.',
        },
        {
          text: 'Si vous apprenez l’existence d’une nouvelle fuite, revenez établir un nouveau plan\u00a0: les étapes dépendent de ce qui a fuité.',
        },
      ],
      why: {
        some: 'De nouvelles fuites sont découvertes sans cesse. Plus tôt vous le saurez, plus tôt vous pourrez agir.',
        none: 'De nouvelles fuites sont découvertes sans cesse. Plus tôt vous le saurez, plus tôt vous pourrez agir.',
      },
    },
    'report-identity-theft': {
      title: 'Si quelqu’un usurpe votre identité\u00a0: signalez-le',
      actions: [
        {
          text: 'Portez plainte au commissariat ou à la gendarmerie pour chaque fait (chaque crédit, commande ou compte ouvert à votre nom).',
          countries: ['FR'],
        },
        {
          text: 'Portez plainte auprès de la police suédoise pour chaque fait (chaque crédit, commande ou compte ouvert à votre nom), en ligne sur polisen.se ou au 114 14.',
          countries: ['SE'],
        },
        {
          text: 'Portez plainte auprès de la police pour chaque fait (chaque crédit, commande ou compte ouvert à votre nom).',
          countries: ['other'],
        },
        { text: 'Gardez toutes les preuves et signalez la fraude aux plateformes ou aux entreprises concernées.' },
        {
          text: 'Envoyez une déclaration sur l’honneur et une copie de votre plainte à tout organisme qui vous réclame de l’argent pour un achat, un crédit ou un contrat qui n’est pas le vôtre.',
          countries: ['FR'],
        },
        {
          text: 'Contestez par écrit toute demande de paiement pour un achat, un crédit ou un contrat qui n’est pas le vôtre, avec une copie de votre plainte. Si la créance est transmise à l’autorité suédoise de recouvrement (Kronofogden), contestez-la aussi auprès d’elle.',
          countries: ['SE'],
        },
        {
          text: 'Contestez par écrit toute demande de paiement pour un achat, un crédit ou un contrat qui n’est pas le vôtre, avec une copie de votre plainte.',
          countries: ['other'],
        },
      ],
    },
    'report-scams': {
      title: 'Si l’on tente de vous arnaquer ou si vous êtes victime\u00a0: signalez-le',
      actions: [
        {
          text: 'Si vous avez donné vos coordonnées bancaires ou payé\u00a0: appelez tout de suite votre banque pour bloquer le paiement et votre carte.',
        },
        { text: 'Signalez la tentative sur Signal Arnaques et faites-vous aider sur cybermalveillance.gouv.fr.', countries: ['FR'] },
        { text: 'Transférez les SMS frauduleux au 33700.', countries: ['FR'] },
        { text: 'Si vous avez perdu de l’argent, portez aussi plainte au commissariat ou à la gendarmerie.', countries: ['FR'] },
        { text: 'Signalez les escroqueries et les tentatives à la police suédoise, sur polisen.se ou au 114 14.', countries: ['SE'] },
        { text: 'Signalez-la à la police ou au service antifraude de votre pays.', countries: ['other'] },
      ],
    },
    'resist-blackmail': {
      title: 'Si l’on menace de révéler vos données\u00a0: ne payez pas',
      actions: [
        { text: 'Ne payez jamais et ne répondez pas au maître chanteur. Payer ne garantit pas que vos données resteront secrètes.' },
        { text: 'Gardez les preuves\u00a0: captures d’écran des messages, avec les dates et l’adresse ou le numéro de l’expéditeur.' },
        { text: 'Portez plainte au commissariat ou à la gendarmerie.', countries: ['FR'] },
        { text: 'Portez plainte auprès de la police suédoise, sur polisen.se ou au 114 14.', countries: ['SE'] },
        { text: 'Portez plainte auprès de la police.', countries: ['other'] },
      ],
    },
    'complain-to-authority': {
      title: 'Si l’organisme ne vous a pas prévenu\u00a0: adressez une plainte',
      actions: [
        { text: 'Quand une fuite vous expose à un risque élevé, l’organisme doit vous prévenir directement (article 34 du RGPD).' },
        {
          text: 'S’il ne l’a pas fait ou ne répond pas à vos questions, adressez une plainte à la CNIL sur cnil.fr (article 77 du RGPD). Les plaintes comptent\u00a0: plus de 2\u00a0500 ont nourri le dossier de la CNIL contre Free.',
          countries: ['FR'],
        },
        {
          text: 'S’il ne l’a pas fait ou ne répond pas à vos questions, adressez une plainte à l’IMY, l’autorité suédoise de protection des données, sur imy.se (article 77 du RGPD).',
          countries: ['SE'],
        },
        {
          text: 'S’il ne l’a pas fait ou ne répond pas à vos questions, adressez une plainte à l’autorité de protection des données de votre pays (article 77 du RGPD). Le Comité européen de la protection des données en donne la liste sur edpb.europa.eu.',
          countries: ['other'],
        },
      ],
      why: {
        some: 'Les organismes doivent prévenir les personnes qu’une fuite expose à un risque élevé et leur dire quoi faire. Votre plainte permet à l’autorité d’agir.',
        none: 'Les organismes doivent prévenir les personnes qu’une fuite expose à un risque élevé et leur dire quoi faire. Votre plainte permet à l’autorité d’agir.',
      },
    },
  },
  why: {
    'account-takeover': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Avec elles, on peut tenter d’entrer dans vos comptes, y compris ceux où vous utilisiez le même mot de passe.',
    },
    'email-phishing': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Les escrocs peuvent vous envoyer des e-mails crédibles, car ils utilisent vos vraies informations.',
    },
    'fake-delivery-phishing': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Les escrocs peuvent s’en servir pour vous envoyer de faux SMS de livraison crédibles.',
      cross:
        'Vos données proviennent de plusieurs fuites\u00a0: {groups}. Combinées, elles permettent aux escrocs de vous envoyer de faux SMS de livraison crédibles.',
    },
    'forged-documents': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Quelqu’un pourrait s’en servir pour falsifier un contrat ou un courrier à votre nom.',
      cross:
        'Vos données proviennent de plusieurs fuites\u00a0: {groups}. Combinées, elles permettent de falsifier un contrat ou un courrier à votre nom.',
    },
    'health-refund-fraud': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Un escroc peut se faire passer pour votre mutuelle ou l’Assurance maladie et vous proposer un faux remboursement très crédible.',
      cross:
        'Vos données proviennent de plusieurs fuites\u00a0: {groups}. Combinées, elles permettent à un escroc de se faire passer pour votre mutuelle ou l’Assurance maladie et de vous proposer un faux remboursement très crédible.',
    },
    'identity-fraud': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. C’est assez pour se faire passer pour vous, par exemple pour ouvrir un compte ou souscrire un crédit.',
      cross:
        'Vos données proviennent de plusieurs fuites\u00a0: {groups}. Combinées, elles suffisent à se faire passer pour vous, par exemple pour ouvrir un compte ou souscrire un crédit.',
    },
    'identity-theft': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Quelqu’un pourrait s’en servir pour se faire passer pour vous auprès de banques, de commerçants ou d’administrations.',
    },
    'payment-card-fraud': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Quelqu’un pourrait s’en servir pour payer avec votre carte.',
    },
    'phone-scam': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Des escrocs peuvent vous appeler ou vous écrire en se faisant passer pour votre banque, votre assureur ou un livreur.',
    },
    'sensitive-data-blackmail': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Ce sont des données sensibles\u00a0: quelqu’un pourrait menacer de les révéler si vous ne payez pas.',
    },
    'sepa-direct-debit-fraud': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Avec votre IBAN, un fraudeur peut mettre en place des prélèvements sur votre compte.',
    },
    'targeted-phishing': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Les escrocs se servent de vraies informations comme celles-ci pour rendre un message crédible, en se faisant passer pour l’Assurance maladie, votre banque ou un livreur.',
    },
    'targeted-profiling-scam': {
      single:
        'Ces données vous concernant ont fuité dans {breaches}\u00a0: {classes}. Les escrocs peuvent citer vos achats ou vos contrats d’assurance pour rendre leurs messages convaincants.',
      cross:
        'Vos données proviennent de plusieurs fuites\u00a0: {groups}. Combinées, elles permettent aux escrocs de citer vos achats ou vos contrats d’assurance pour rendre leurs messages convaincants.',
    },
  },
  sources: {
    'banque-de-france-sepa': 'Banque de France\u00a0: le prélèvement SEPA',
    'chronopost-sms': 'Chronopost\u00a0: le SMS ou l’e-mail reçu a-t-il bien été envoyé par Chronopost\u00a0?',
    cnil: 'CNIL, autorité française de protection des données',
    'cnil-advice': 'CNIL\u00a0: que faire en cas de fuite de données',
    'cnil-iban': 'CNIL\u00a0: vol de votre IBAN, comment vous protéger',
    'cybermalveillance-leak': 'Cybermalveillance.gouv.fr\u00a0: que faire en cas de fuite de données personnelles',
    edpb: 'Comité européen de la protection des données\u00a0: les autorités nationales',
    'gdpr-art-12': 'RGPD, article 12\u00a0: délai de réponse',
    'gdpr-art-15': 'RGPD, article 15\u00a0: droit d’accès',
    'gdpr-art-34': 'RGPD, article 34\u00a0: obligation de vous informer',
    'gdpr-art-77': 'RGPD, article 77\u00a0: droit d’introduire une réclamation',
    'gendarmerie-identity': 'Gendarmerie\u00a0: l’usurpation d’identité',
    'generali-identity': 'Generali\u00a0: faire reconnaître une usurpation d’identité',
    ameli: 'ameli.fr\u00a0: votre compte d’assurance maladie',
    imy: 'IMY, l’autorité suédoise de protection des données',
    polisen: 'Police suédoise\u00a0: polisen.se, tél. 114 14 (en suédois)',
    'psd2-art-71': 'Directive sur les services de paiement (DSP2), article 71\u00a0: 13 mois pour signaler',
    'psd2-art-73': 'DSP2, article 73\u00a0: remboursement des opérations non autorisées',
    'psd2-art-76-77': 'DSP2, articles 76 et 77\u00a0: remboursement des prélèvements sous 8 semaines',
    'signal-arnaques': 'Signal Arnaques\u00a0: signaler une arnaque',
    'spam-33700': '33700\u00a0: signaler un SMS indésirable',
    'uc-fraud-block': 'UC\u00a0: blocage anti-fraude (bedrägerispärr, en suédois)',
  },
};

const sv: PlanMessages = {
  title: 'Din handlingsplan efter en dataläcka',
  intro:
    'Stegen utgår från de uppgifter om dig som har läckt. Börja uppifrån – det mest brådskande kommer först. Bocka av varje steg när du är klar med det.',
  countries: {
    FR: 'Råd för dig som bor i Frankrike',
    SE: 'Råd för dig som bor i Sverige',
    other: 'Råd för dig som bor utanför Frankrike och Sverige',
  },
  urgencies: {
    now: 'Gör det nu',
    'this-week': 'Den här veckan',
    ongoing: 'Framöver',
    'if-it-happens': 'Om det händer dig',
  },
  labels: {
    summary: 'Det här har läckt om dig',
    noExposure: 'Vi hittade inga uppgifter om dig i de dataläckor vi känner till.',
    why: 'Varför',
    actions: 'Gör så här',
    deadline: 'Tidsfrist',
    sources: 'Källor',
    generatedOn: 'Skapad',
  },
  disclaimer:
    'Planen ger allmänna råd utifrån offentliga källor. Den är ingen juridisk rådgivning. Tidsfrister kan bero på din bank och på lagen i ditt land – fråga din bank eller en rådgivare om du är osäker. Dokumentet innehåller inga identitetsuppgifter om dig, som din e-postadress eller ditt personnummer.',
  grammar: { and: 'och', quoteOpen: '”', quoteClose: '”', group: '{classes} i {breaches}', groupSeparator: '; ', colon: ': ' },
  steps: {
    'secure-accounts': {
      title: 'Byt lösenord och slå på tvåstegsverifiering',
      actions: [
        { text: 'Byt lösenord på alla konton som berörs av läckorna.' },
        {
          text: 'Byt det också överallt där du har använt samma lösenord. Ha ett eget lösenord för varje konto – en lösenordshanterare gör det enkelt.',
        },
        { text: 'Slå på tvåstegsverifiering (en kod i en app eller via sms) överallt där det går.' },
        { text: 'Byt dina säkerhetsfrågor och svaren på dem.', dataClasses: SECURITY_QUESTIONS },
        { text: 'Dina inloggningsuppgifter till internetbanken har läckt: ring banken och byt dem direkt.', dataClasses: ONLINE_BANKING },
      ],
    },
    'block-payment-card': {
      title: 'Spärra ditt bankkort och gå igenom dina betalningar',
      actions: [
        { text: 'Ring banken eller använd bankens app för att spärra kortet, och beställ ett nytt.' },
        { text: 'Gå igenom kontoutdragen och leta efter köp du inte har gjort. Fortsätt att kontrollera dem de närmaste månaderna.' },
        { text: 'Reklamera direkt till banken varje betalning som du inte har gjort.' },
        { text: 'Som huvudregel ska banken betala tillbaka en betalning som du inte har godkänt senast vid slutet av nästa bankdag.' },
      ],
      deadline:
        'Reklamera utan dröjsmål, och senast {months} månader efter att pengarna drogs. Fristen kan vara kortare om säljarens bank ligger utanför EU/EES – fråga din bank.',
    },
    'check-direct-debits': {
      title: 'Kontrollera dina autogiron och vem som får dra pengar från ditt konto',
      actions: [
        {
          text: 'Logga in i internetbanken och kontrollera listan över betalningsmottagare som får dra pengar från ditt konto (dina medgivanden). Fråga banken om sådana du inte känner igen.',
          countries: ['FR', 'other'],
        },
        {
          text: 'Logga in i internetbanken och kontrollera vilka autogiron och betalningsmottagare som får dra pengar från ditt konto. Fråga banken om sådana du inte känner igen.',
          countries: ['SE'],
        },
        { text: 'Gå igenom kontoutdragen varje månad och leta efter dragningar du inte känner igen.' },
        {
          text: 'En dragning som du inte har godkänt: reklamera den till banken utan dröjsmål. Banken ska betala tillbaka senast vid slutet av nästa bankdag, avgifter inräknade.',
          countries: ['FR'],
        },
        {
          text: 'En dragning som du inte har godkänt: reklamera den till banken utan dröjsmål. Som huvudregel ska banken betala tillbaka senast vid slutet av nästa bankdag.',
          countries: ['SE', 'other'],
        },
        {
          text: 'En dragning som du har godkänt men ifrågasätter: du kan begära återbetalning inom 8 veckor. Banken har sedan 10 bankdagar på sig att svara dig.',
          countries: ['FR'],
        },
        {
          text: 'En dragning som du har godkänt men ifrågasätter: för SEPA-autogiro i euro kan du begära återbetalning inom 8 veckor, och banken har 10 bankdagar på sig att svara dig. För autogiro i kronor beror återbetalningen på villkoren ni har kommit överens om – fråga din bank.',
          countries: ['SE', 'other'],
        },
      ],
      deadline: {
        FR: 'Dragning du inte har godkänt: utan dröjsmål, och senast {months} månader efter att pengarna drogs (70 dagar om betalningsmottagarens bank ligger utanför EU/EES). Dragning du har godkänt: 8 veckor.',
        SE: 'Dragning du inte har godkänt: utan dröjsmål, och senast {months} månader efter att pengarna drogs. Dragning du har godkänt: 8 veckor för SEPA-autogiro i euro; för andra, fråga din bank. Fristen kan vara kortare om betalningsmottagarens bank ligger utanför EU/EES – fråga din bank.',
        other:
          'Dragning du inte har godkänt: utan dröjsmål, och senast {months} månader efter att pengarna drogs. Dragning du har godkänt: 8 veckor för SEPA-autogiro i euro; för andra, fråga din bank. Fristen kan vara kortare om betalningsmottagarens bank ligger utanför EU/EES – fråga din bank.',
      },
    },
    'replace-identity-documents': {
      title: 'Spärra och förnya dina id-handlingar',
      actions: [
        { text: 'Spärra de id-handlingar vars kopior eller nummer har läckt, och ansök om nya.', countries: ['FR', 'other'] },
        {
          text: 'Fråga polisen eller den som har utfärdat handlingen om en id-handling vars kopia eller nummer har läckt kan spärras och bytas ut.',
          countries: ['SE'],
        },
        { text: 'Spara alla bevis: meddelandet om läckan och de brev och meddelanden du får.' },
      ],
    },
    'guard-identity': {
      title: 'Skydda dig mot lån och avtal i ditt namn',
      actions: [
        { text: 'Berätta för dina banker att dina identitetsuppgifter har läckt, så att de är extra vaksamma mot ärenden i ditt namn.' },
        {
          text: 'Fråga Banque de France om någon kredit- eller checkincident har registrerats på dig (registren FICP och FCC).',
          countries: ['FR'],
        },
        {
          text: 'Lägg in en bedrägerispärr hos ett kreditupplysningsföretag, till exempel UC. Den som tar en kreditupplysning på dig får då en varning om att noga kontrollera din identitet.',
          countries: ['SE'],
        },
        { text: 'Håll koll på post och e-post om lån, beställningar eller avtal som du inte har bett om, och agera direkt.' },
      ],
    },
    'check-health-insurance-account': {
      title: 'Akta dig för falska erbjudanden om återbetalning av vårdkostnader',
      actions: [
        {
          text: 'Var misstänksam mot samtal, sms och mejl om återbetalning av vårdkostnader, även om den som hör av sig känner till ditt franska socialförsäkringsnummer.',
        },
        { text: 'Lämna aldrig ut bankuppgifter eller koder till någon som kontaktar dig om en återbetalning.' },
        {
          text: 'Kontrollera regelbundet ditt konto hos den franska sjukförsäkringen (ameli.fr) och hos din tilläggsförsäkring (mutuelle), så att du ser utbetalningar eller ändringar som du inte känner igen.',
        },
        { text: 'Dina försäkringsgivare måste informera dig direkt om läckan. Har du inte fått något brev eller mejl, fråga dem.' },
      ],
    },
    'ask-the-organisation': {
      title: 'Fråga varje organisation vilka uppgifter de har om dig',
      actions: [
        {
          text: 'Skriv till organisationen bakom varje läcka. Fråga vilka uppgifter de har om dig, vad som har läckt och vad de gör åt det. Det kallas registerutdrag och är din rätt enligt artikel 15 i dataskyddsförordningen (GDPR).',
        },
        { text: 'Som huvudregel ska de svara inom en månad.' },
        {
          text: 'Familjemedlemmar som omfattas av samma sjukförsäkring (make, maka, sambo, barn) kan också finnas med i läckan: fråga om dem också, och varna dem för bedrägerier om återbetalning.',
          dataClasses: ['health-insurer', 'health-insurance-cover', 'healthcare-reimbursements'],
        },
        { text: 'Bara organisationen kan tala om för dig om du berörs – det kan inte CNIL.', countries: ['FR'] },
        { text: 'Var försiktig med webbplatser som påstår att de har de läckta uppgifterna och ber om dina uppgifter.' },
      ],
      why: {
        some: 'Dina uppgifter finns i {breaches}. Du har rätt att få veta vilka uppgifter varje organisation har om dig och vad som har hänt.',
        none: 'Du har rätt att få veta vilka uppgifter en organisation har om dig.',
      },
    },
    'beware-delivery-texts': {
      title: 'Strunta i leveransmeddelanden som ber dig klicka eller betala',
      actions: [
        {
          text: 'Klicka inte på länkar i sms om leveranser. Vill du följa ett paket, skriv in transportföretagets adress själv eller använd dess app.',
        },
        { text: 'Betala aldrig en avgift och lämna aldrig ut kortuppgifter för att ett sms ber dig göra det.' },
        { text: 'Sms från Chronopost kommer bara från numret 38004.', chronopost: true },
        { text: 'Chronopost begär aldrig id-handlingar eller avgifter för leveranser inom Frankrike.', chronopost: true },
        { text: 'Vidarebefordra misstänkta sms som påstås komma från Chronopost till abuse@chronopost.fr.', chronopost: true },
      ],
    },
    'beware-phishing': {
      title: 'Var försiktig med mejl, sms och samtal',
      actions: [
        {
          text: 'Klicka inte på länkar och öppna inte bilagor i oväntade mejl, även om de innehåller ditt riktiga namn eller andra riktiga uppgifter.',
          scenario: 'email-phishing',
        },
        {
          text: 'Skriv själv in webbadressen till din bank, ditt försäkringsbolag eller myndigheten i stället för att följa en länk.',
        },
        {
          text: 'Om någon ringer om din bank, din försäkring eller ett paket: lägg på och ring tillbaka på ett nummer du vet är rätt, till exempel det som står på ditt kort eller i ditt avtal.',
          scenario: 'phone-scam',
        },
        { text: 'Lämna aldrig ut ett lösenord, eller en kod du har fått via sms, till någon som ringer dig.', scenario: 'phone-scam' },
        {
          text: 'Logga aldrig in och skriv aldrig under något med BankID för att någon som har ringt dig ber dig om det.',
          scenario: 'phone-scam',
          countries: ['SE'],
        },
      ],
    },
    'expect-targeted-scams': {
      title: 'Räkna med bedrägeriförsök som nämner dina riktiga produkter och försäkringar',
      actions: [
        {
          text: 'Bedragare kan veta vilka produkter eller försäkringar du har. Att ett meddelande nämner dem bevisar inte att det är äkta.',
        },
        {
          text: 'Innan du gör något: ring företaget på ett nummer du vet är rätt, till exempel det i ditt avtal eller på företagets officiella webbplats.',
        },
        { text: 'Lämna aldrig ut id-nummer, bankuppgifter eller inloggningskoder som svar.' },
      ],
    },
    'watch-for-forged-documents': {
      title: 'Håll utkik efter handlingar som skrivits under i ditt namn',
      actions: [
        { text: 'Läs din post noga och håll utkik efter avtal, abonnemang eller skulder som du inte känner igen.' },
        { text: 'Har en handling en namnteckning som inte är din? Bestrid den skriftligen hos organisationen direkt, och spara en kopia.' },
      ],
    },
    'sign-up-for-alerts': {
      title: 'Prenumerera på varningar om nya dataläckor',
      actions: [
        { text: 'Anmäl dig till varningar om nya dataläckor, så får du snabbt veta om dina uppgifter dyker upp i en ny läcka.' },
        { text: 'När du får veta om en ny läcka, kom tillbaka och gör en ny plan: stegen beror på vad som har läckt.' },
      ],
      why: {
        some: 'Nya dataläckor upptäcks hela tiden. Ju tidigare du får veta, desto snabbare kan du agera.',
        none: 'Nya dataläckor upptäcks hela tiden. Ju tidigare du får veta, desto snabbare kan du agera.',
      },
    },
    'report-identity-theft': {
      title: 'Om någon använder din identitet: anmäl det',
      actions: [
        {
          text: 'Gör en polisanmälan för varje händelse (varje lån, beställning eller konto i ditt namn) hos polisen eller gendarmeriet.',
          countries: ['FR'],
        },
        {
          text: 'Polisanmäl varje händelse (varje lån, beställning eller konto i ditt namn) på polisen.se eller på telefon 114 14.',
          countries: ['SE'],
        },
        { text: 'Polisanmäl varje händelse (varje lån, beställning eller konto i ditt namn).', countries: ['other'] },
        { text: 'Spara alla bevis och anmäl bedrägeriet till de plattformar eller företag som berörs.' },
        {
          text: 'Skicka en skriftlig försäkran på heder och samvete och en kopia av polisanmälan till den som kräver dig på betalning för ett köp, ett lån eller ett avtal som inte är ditt.',
          countries: ['FR'],
        },
        {
          text: 'Bestrid skriftligt varje krav på betalning för ett köp, ett lån eller ett avtal som inte är ditt, och bifoga en kopia av polisanmälan. Går kravet vidare till Kronofogden, bestrid det där också.',
          countries: ['SE'],
        },
        {
          text: 'Bestrid skriftligt varje krav på betalning för ett köp, ett lån eller ett avtal som inte är ditt, och bifoga en kopia av polisanmälan.',
          countries: ['other'],
        },
      ],
    },
    'report-scams': {
      title: 'Om någon försöker lura dig eller du har blivit lurad: anmäl det',
      actions: [
        { text: 'Har du lämnat ut bankuppgifter eller betalat? Ring banken direkt, spärra kortet och försök stoppa betalningen.' },
        { text: 'Anmäl försöket på Signal Arnaques och få hjälp på cybermalveillance.gouv.fr.', countries: ['FR'] },
        { text: 'Vidarebefordra bedrägeri-sms till 33700.', countries: ['FR'] },
        { text: 'Har du förlorat pengar ska du också göra en polisanmälan hos polisen eller gendarmeriet.', countries: ['FR'] },
        { text: 'Anmäl bedrägerier och bedrägeriförsök till polisen på polisen.se eller på telefon 114 14.', countries: ['SE'] },
        {
          text: 'Anmäl det till polisen eller till den myndighet som tar emot anmälningar om bedrägerier i ditt land.',
          countries: ['other'],
        },
      ],
    },
    'resist-blackmail': {
      title: 'Om någon hotar att avslöja dina uppgifter: betala inte',
      actions: [
        { text: 'Betala aldrig och svara inte utpressaren. Att betala är ingen garanti för att uppgifterna förblir hemliga.' },
        { text: 'Spara bevisen: skärmbilder av meddelandena, med datum och avsändarens adress eller nummer.' },
        { text: 'Anmäl utpressningen till polisen eller gendarmeriet.', countries: ['FR'] },
        { text: 'Anmäl utpressningen till polisen på polisen.se eller på telefon 114 14.', countries: ['SE'] },
        { text: 'Anmäl utpressningen till polisen.', countries: ['other'] },
      ],
    },
    'complain-to-authority': {
      title: 'Om organisationen inte har informerat dig: klaga',
      actions: [
        { text: 'När en läcka innebär en hög risk för dig måste organisationen informera dig direkt (artikel 34 i GDPR).' },
        {
          text: 'Har den inte gjort det, eller svarar den inte på dina frågor, kan du klaga hos den franska dataskyddsmyndigheten CNIL på cnil.fr (artikel 77 i GDPR). Klagomål gör skillnad: över 2\u00a0500 klagomål bidrog till CNIL:s ärende mot Free.',
          countries: ['FR'],
        },
        {
          text: 'Har den inte gjort det, eller svarar den inte på dina frågor, kan du lämna in ett klagomål till Integritetsskyddsmyndigheten (IMY) på imy.se (artikel 77 i GDPR).',
          countries: ['SE'],
        },
        {
          text: 'Har den inte gjort det, eller svarar den inte på dina frågor, kan du klaga hos dataskyddsmyndigheten i ditt land (artikel 77 i GDPR). Europeiska dataskyddsstyrelsen listar dem på edpb.europa.eu.',
          countries: ['other'],
        },
      ],
      why: {
        some: 'Organisationer måste varna dem som en läcka utsätter för hög risk och tala om vad de ska göra. Ditt klagomål gör att myndigheten kan agera.',
        none: 'Organisationer måste varna dem som en läcka utsätter för hög risk och tala om vad de ska göra. Ditt klagomål gör att myndigheten kan agera.',
      },
    },
  },
  why: {
    'account-takeover': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Den som har dem kan försöka ta sig in på dina konton, även dem där du har använt samma lösenord.',
    },
    'email-phishing': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Bedragare kan skicka mejl som ser äkta ut, eftersom de innehåller dina riktiga uppgifter.',
    },
    'fake-delivery-phishing': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Med dem kan bedragare skicka falska leveransmeddelanden som ser äkta ut.',
      cross:
        'Uppgifterna kommer från olika läckor: {groups}. Tillsammans gör de det möjligt för bedragare att skicka falska leveransmeddelanden som ser äkta ut.',
    },
    'forged-documents': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Någon skulle kunna använda dem för att förfalska ett avtal eller ett brev i ditt namn.',
      cross:
        'Uppgifterna kommer från olika läckor: {groups}. Tillsammans gör de det möjligt att förfalska ett avtal eller ett brev i ditt namn.',
    },
    'health-refund-fraud': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. En bedragare kan utge sig för att vara din sjukförsäkring och erbjuda en falsk återbetalning som låter trovärdig.',
      cross:
        'Uppgifterna kommer från olika läckor: {groups}. Tillsammans gör de det möjligt för en bedragare att utge sig för att vara din sjukförsäkring och erbjuda en falsk återbetalning som låter trovärdig.',
    },
    'identity-fraud': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Det räcker för att utge sig för att vara du, till exempel för att öppna ett konto eller ta ett lån.',
      cross:
        'Uppgifterna kommer från olika läckor: {groups}. Tillsammans räcker de för att utge sig för att vara du, till exempel för att öppna ett konto eller ta ett lån.',
    },
    'identity-theft': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Någon kan använda dem för att utge sig för att vara du hos banker, butiker och myndigheter.',
    },
    'payment-card-fraud': {
      single: 'De här uppgifterna om dig har läckt i {breaches}: {classes}. Någon kan använda dem för att betala med ditt kort.',
    },
    'phone-scam': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Bedragare kan ringa eller sms:a dig och utge sig för att vara din bank, ditt försäkringsbolag eller ett leveransföretag.',
    },
    'sensitive-data-blackmail': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Det är känsliga uppgifter: någon kan hota att avslöja dem om du inte betalar.',
    },
    'sepa-direct-debit-fraud': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Med ditt kontonummer kan en bedragare försöka dra pengar från ditt konto genom autogiro i ditt namn.',
    },
    'targeted-phishing': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Bedragare använder riktiga uppgifter som dessa för att få ett meddelande att se äkta ut, och utger sig för att vara ditt försäkringsbolag, din bank eller ett budföretag.',
    },
    'targeted-profiling-scam': {
      single:
        'De här uppgifterna om dig har läckt i {breaches}: {classes}. Bedragare kan nämna vad du har köpt eller vilka försäkringar du har för att göra sina meddelanden övertygande.',
      cross:
        'Uppgifterna kommer från olika läckor: {groups}. Tillsammans gör de det möjligt för bedragare att nämna vad du har köpt eller vilka försäkringar du har, så att meddelandena blir övertygande.',
    },
  },
  sources: {
    'banque-de-france-sepa': 'Banque de France: autogiro via SEPA (på franska)',
    'chronopost-sms': 'Chronopost: kommer sms:et verkligen från Chronopost? (på franska)',
    cnil: 'CNIL, den franska dataskyddsmyndigheten (på franska)',
    'cnil-advice': 'CNIL: vad du gör efter en dataläcka (på franska)',
    'cnil-iban': 'CNIL: om ditt IBAN har stulits (på franska)',
    'cybermalveillance-leak': 'Cybermalveillance.gouv.fr: vad du gör efter en dataläcka (på franska)',
    edpb: 'Europeiska dataskyddsstyrelsen: de nationella myndigheterna',
    'gdpr-art-12': 'GDPR, artikel 12: svarstid',
    'gdpr-art-15': 'GDPR, artikel 15: rätt till tillgång',
    'gdpr-art-34': 'GDPR, artikel 34: skyldighet att informera dig',
    'gdpr-art-77': 'GDPR, artikel 77: rätt att lämna in klagomål',
    'gendarmerie-identity': 'Gendarmerie: identitetsstöld (på franska)',
    'generali-identity': 'Generali: få en identitetsstöld erkänd (på franska)',
    ameli: 'ameli.fr: ditt konto hos den franska sjukförsäkringen (på franska)',
    imy: 'Integritetsskyddsmyndigheten (IMY)',
    polisen: 'Polisen: polisen.se, telefon 114 14',
    'psd2-art-71': 'Betaltjänstdirektivet (PSD2), artikel 71: 13 månader att anmäla',
    'psd2-art-73': 'PSD2, artikel 73: återbetalning av obehöriga transaktioner',
    'psd2-art-76-77': 'PSD2, artiklarna 76–77: återbetalning av autogiron inom 8 veckor',
    'signal-arnaques': 'Signal Arnaques: anmäl bedrägerier (på franska)',
    'spam-33700': '33700: anmäl skräp-sms (på franska)',
    'uc-fraud-block': 'UC: bedrägerispärr',
  },
};

export const PLAN_MESSAGES: Readonly<Record<Locale, PlanMessages>> = { en, fr, sv };
