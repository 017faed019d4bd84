import type { z } from 'zod';
import type { breachInputSchema } from './breach.js';

/**
 * The seed catalogue: breaches loaded on first start (config `SEED`).
 *
 * Every fact here comes from the cited reports and nothing else: dates keep only the precision the
 * reports give ("end of January" is a month), counts say whether they are approximate, and fields the
 * reports are silent on (attack vectors, notification dates, ...) are left out rather than guessed.
 */
export type BreachSeed = z.input<typeof breachInputSchema>;

type Source = BreachSeed['sources'][number];

/** BleepingComputer's report, as copied verbatim. */
const REPORT_VIAMEDIS_ALMERYS_EN: Source = {
  url: 'https://topnews.media/?p=156355',
  title: 'Data breaches at Viamedis and Almerys impact over 33 million people in France',
  published: '2024-02-08',
  language: 'en',
};

const REPORT_VIAMEDIS_ALMERYS_TF1: Source = {
  url: 'https://www.tf1info.fr/sante/video-tf1-cyberattaques-contre-viamedis-et-almerys-le-tiers-payant-a-l-arret-des-patients-contraints-d-avancer-les-frais-les-opticiens-subissent-le-contrecoup-2285794.html',
  title: "Cyberattaques contre Viamedis et Almerys : le tiers payant à l'arrêt, des patients contraints d'avancer les frais",
  publisher: 'TF1 Info',
  published: '2024-02',
  language: 'fr',
};

const REPORT_CHRONOPOST_CDC: Source = {
  url: 'https://connexionfrance.com/news/data-of-more-than-200000-chronopost-clients-in-france-stolen-what-to-do-if-affected/707277',
  title: 'Data of more than 200,000 Chronopost clients in France stolen: what to do if affected',
  publisher: 'The Connexion',
  published: '2025-02-14',
  language: 'en',
};

const REPORT_FOLKSAM: Source = {
  url: 'https://rt.com/news/505424-sweden-data-leak-insurance-tech-giants/',
  title: "Sweden's largest insurer Folksam leaked data of 1 million customers to tech giants",
  publisher: 'RT',
  published: '2020-11-03',
  language: 'en',
};

/** CNIL's single figure for the two third-party payment operators together. */
const CNIL_COMBINED_COUNT = 33_000_000;

const CYBERATTACK_HOW_UNKNOWN = {
  en: 'Described as a cyberattack; the sources do not say how it was carried out.',
  fr: 'Décrite comme une cyberattaque ; les sources ne précisent pas comment elle a été menée.',
  sv: 'Beskrivs som ett cyberangrepp; källorna anger inte hur det genomfördes.',
} as const;

export const SEED_BREACHES: readonly BreachSeed[] = [
  {
    slug: 'viamedis',
    title: 'Viamedis third-party payment breach',
    titleTranslations: {
      fr: 'Violation de données chez Viamedis (tiers payant)',
      sv: 'Dataintrång hos Viamedis',
    },
    organisation: {
      name: 'Viamedis',
      role: 'processor',
      domain: 'viamedis.fr',
      controllersServed: {
        count: 84,
        names: [],
        description: {
          en: '84 health organisations use Viamedis’s services, covering 20 million insured people. They were not named.',
          fr: '84 organismes de santé font appel aux services de Viamedis, qui couvrent 20 millions d’assurés. Leurs noms n’ont pas été communiqués.',
          sv: '84 organisationer inom hälsoområdet använder Viamedis tjänster, som omfattar 20 miljoner försäkrade. Deras namn har inte offentliggjorts.',
        },
      },
    },
    country: 'FR',
    sector: 'health-insurance',
    dates: {
      occurredFrom: '2024-01',
      publicDisclosure: '2024-02',
    },
    peopleAffected: {
      precision: 'approximate',
      count: CNIL_COMBINED_COUNT,
      atLeast: true,
      note: {
        en: 'The CNIL’s combined figure for the Viamedis and Almerys breaches together. Viamedis did not say how many of the 20 million people it serves were affected.',
        fr: 'Chiffre global de la CNIL pour les violations de Viamedis et d’Almerys réunies. Viamedis n’a pas précisé combien des 20 millions d’assurés qu’elle couvre sont touchés.',
        sv: 'CNIL:s sammanlagda siffra för intrången hos Viamedis och Almerys tillsammans. Viamedis har inte uppgett hur många av de 20 miljoner försäkrade som bolaget betjänar som berörs.',
      },
    },
    recordsAffected: { precision: 'unknown' },
    dataClasses: ['name', 'date-of-birth', 'civil-status', 'marital-status', 'fr-nir', 'health-insurer', 'health-insurance-cover'],
    nature: ['confidentiality', 'availability'],
    cause: {
      actor: 'external-malicious',
      vector: 'hacking',
      details: CYBERATTACK_HOW_UNKNOWN,
    },
    disclosedTo: [],
    authority: { code: 'fr-cnil', caseReference: null },
    sources: [REPORT_VIAMEDIS_ALMERYS_EN, REPORT_VIAMEDIS_ALMERYS_TF1],
    flags: { verified: true, sensitive: false, fabricated: false, retired: false },
    relatedBreaches: ['almerys'],
    description: {
      en: 'Viamedis, which handles third-party payment for supplementary health insurance in France, announced on LinkedIn that a cyberattack at the end of January 2024 had exposed data on beneficiaries and healthcare professionals. The data included names, dates of birth, civil and marital status, social security numbers, insurer details and the guarantees open to third-party payment; Viamedis said no bank details, email addresses, postal details or phone numbers were held on the affected systems. Its third-party payment platform was shut down, so many patients had to pay up front, for example at opticians. The CNIL, which counts more than 33 million people affected by the Viamedis and Almerys breaches together, opened an investigation, as did the Paris prosecutor’s office.',
      fr: 'Viamedis, qui gère le tiers payant de complémentaires santé en France, a annoncé sur LinkedIn qu’une cyberattaque survenue fin janvier 2024 avait exposé des données de bénéficiaires et de professionnels de santé. Sont concernés les noms, dates de naissance, état civil, situation matrimoniale, numéros de sécurité sociale, informations sur l’organisme assureur et garanties ouvertes au tiers payant ; selon Viamedis, les systèmes touchés ne contenaient ni coordonnées bancaires, ni adresses e-mail, ni adresses postales, ni numéros de téléphone. Sa plateforme de tiers payant a été coupée, et de nombreux patients ont dû avancer les frais, par exemple chez l’opticien. La CNIL, pour qui les violations de Viamedis et d’Almerys concernent au total plus de 33 millions de personnes, a ouvert une enquête, de même que le parquet de Paris.',
      sv: 'Viamedis, som sköter direktbetalning (tiers payant) för kompletterande sjukförsäkringar i Frankrike, meddelade på LinkedIn att ett cyberangrepp i slutet av januari 2024 hade exponerat uppgifter om försäkrade och vårdpersonal. Uppgifterna omfattade namn, födelsedatum, folkbokföringsuppgifter, civilstånd, franska socialförsäkringsnummer (NIR), uppgifter om försäkringsgivaren och vilka förmåner som kan betalas via direktbetalning; enligt Viamedis fanns inga bankuppgifter, e-postadresser, postadresser eller telefonnummer i de drabbade systemen. Plattformen för direktbetalning stängdes ned, och många patienter fick därför betala i förskott, till exempel hos optiker. Den franska dataskyddsmyndigheten CNIL, som uppger att intrången hos Viamedis och Almerys tillsammans berör mer än 33 miljoner personer, har inlett en utredning, och åklagarmyndigheten i Paris har också inlett en förundersökning.',
    },
  },
  {
    slug: 'almerys',
    title: 'Almerys third-party payment breach',
    titleTranslations: {
      fr: 'Violation de données chez Almerys (tiers payant)',
      sv: 'Dataintrång hos Almerys',
    },
    organisation: {
      name: 'Almerys',
      role: 'processor',
      domain: 'almerys.com',
    },
    country: 'FR',
    sector: 'health-insurance',
    dates: {
      occurredFrom: '2024-01',
    },
    peopleAffected: {
      precision: 'approximate',
      count: CNIL_COMBINED_COUNT,
      atLeast: true,
      note: {
        en: 'The CNIL’s combined figure for the Almerys and Viamedis breaches together; no separate figure for Almerys was given.',
        fr: 'Chiffre global de la CNIL pour les violations d’Almerys et de Viamedis réunies ; aucun chiffre propre à Almerys n’a été donné.',
        sv: 'CNIL:s sammanlagda siffra för intrången hos Almerys och Viamedis tillsammans; någon separat siffra för Almerys har inte angetts.',
      },
    },
    recordsAffected: { precision: 'unknown' },
    // Only what the reports attribute to both operators (TF1); the fuller list in report 000 is Viamedis's own statement.
    dataClasses: ['date-of-birth', 'marital-status', 'fr-nir', 'health-insurer', 'health-insurance-cover'],
    nature: ['confidentiality', 'availability'],
    cause: {
      actor: 'external-malicious',
      vector: 'hacking',
      details: CYBERATTACK_HOW_UNKNOWN,
    },
    disclosedTo: [],
    authority: { code: 'fr-cnil', caseReference: null },
    sources: [REPORT_VIAMEDIS_ALMERYS_EN, REPORT_VIAMEDIS_ALMERYS_TF1],
    flags: { verified: true, sensitive: false, fabricated: false, retired: false },
    relatedBreaches: ['viamedis'],
    description: {
      en: 'Almerys, which manages third-party payment for supplementary health insurance in France, suffered a cyberattack at the end of January 2024. Local media first reported the breach, citing anonymous sources, before Almerys had made any official statement; the CNIL then confirmed it and counts more than 33 million people affected by the Almerys and Viamedis breaches together. The compromised data included dates of birth, marital status, social security numbers, the name of the supplementary health insurer and contractual guarantees. The third-party payment platform was shut down, leaving many patients to pay up front, and both the CNIL and the Paris prosecutor’s office opened investigations.',
      fr: 'Almerys, qui gère le tiers payant de complémentaires santé en France, a subi une cyberattaque fin janvier 2024. La fuite a d’abord été rapportée par des médias locaux s’appuyant sur des sources anonymes, avant toute déclaration officielle d’Almerys, puis confirmée par la CNIL, pour qui les violations d’Almerys et de Viamedis concernent au total plus de 33 millions de personnes. Les données compromises comprennent la date de naissance, la situation matrimoniale, le numéro de sécurité sociale, le nom de la complémentaire santé et les garanties du contrat. La plateforme de tiers payant a été coupée, obligeant de nombreux patients à avancer les frais, et la CNIL comme le parquet de Paris ont ouvert une enquête.',
      sv: 'Almerys, som sköter direktbetalning (tiers payant) för kompletterande sjukförsäkringar i Frankrike, utsattes för ett cyberangrepp i slutet av januari 2024. Intrånget rapporterades först av lokala medier med hänvisning till anonyma källor, innan Almerys hade gjort något officiellt uttalande, och bekräftades sedan av den franska dataskyddsmyndigheten CNIL, som uppger att intrången hos Almerys och Viamedis tillsammans berör mer än 33 miljoner personer. De röjda uppgifterna omfattade födelsedatum, civilstånd, franska socialförsäkringsnummer (NIR), namnet på den kompletterande sjukförsäkringen och avtalade förmåner. Plattformen för direktbetalning stängdes ned, så många patienter fick betala i förskott, och både CNIL och åklagarmyndigheten i Paris har inlett utredningar.',
    },
  },
  {
    slug: 'chronopost',
    title: 'Chronopost customer data breach',
    titleTranslations: { fr: 'Fuite de données clients chez Chronopost', sv: 'Dataintrång hos Chronopost (kunduppgifter)' },
    organisation: {
      name: 'Chronopost',
      role: 'controller',
      domain: 'chronopost.fr',
    },
    country: 'FR',
    sector: 'logistics',
    dates: {
      occurredFrom: '2025-01',
      publicDisclosure: '2025-02-13',
    },
    peopleAffected: { precision: 'approximate', count: 210_000 },
    recordsAffected: { precision: 'unknown' },
    dataClasses: ['name', 'postal-address', 'signature', 'phone-number'],
    nature: ['confidentiality'],
    cause: {
      actor: 'external-malicious',
      vector: 'hacking',
      details: CYBERATTACK_HOW_UNKNOWN,
    },
    disclosedTo: [],
    authority: { code: 'fr-cnil', caseReference: null },
    sources: [REPORT_CHRONOPOST_CDC],
    flags: { verified: true, sensitive: false, fabricated: false, retired: false },
    relatedBreaches: [],
    description: {
      en: 'Parcel delivery company Chronopost confirmed to the AFP news agency on 13 February 2025 that it had been hit by a cyberattack at the end of January 2025. The attacker reached the surnames, first names and postal addresses of about 210,000 customers, along with the signatures they gave as proof of delivery and, in some cases, their phone numbers. The CNIL was notified, as French law requires.',
      fr: 'Le service de livraison de colis Chronopost a confirmé le 13 février 2025 à l’AFP avoir été victime d’une cyberattaque fin janvier 2025. Le pirate a eu accès aux noms, prénoms et adresses postales d’environ 210 000 clients, ainsi qu’aux signatures données comme preuve de livraison et, dans certains cas, à leur numéro de téléphone. La CNIL a été notifiée, comme l’exige la loi française.',
      sv: 'Paketleveransföretaget Chronopost bekräftade den 13 februari 2025 för nyhetsbyrån AFP att det hade utsatts för ett cyberangrepp i slutet av januari 2025. Angriparen kom åt efternamn, förnamn och postadresser för omkring 210 000 kunder, liksom de namnteckningar de lämnat som kvitto på leveransen och i vissa fall deras telefonnummer. Den franska dataskyddsmyndigheten CNIL underrättades, så som fransk lag kräver.',
    },
  },
  {
    slug: 'caisse-des-depots-ircantec',
    title: 'Caisse des Dépôts Ircantec pension fund breach',
    titleTranslations: {
      fr: 'Violation de données à l’Ircantec (Caisse des Dépôts)',
      sv: 'Dataintrång hos pensionskassan Ircantec (Caisse des Dépôts)',
    },
    organisation: {
      name: 'Caisse des Dépôts (Ircantec)',
      role: 'controller',
      domain: 'caissedesdepots.fr',
    },
    country: 'FR',
    sector: 'pensions',
    dates: {
      publicDisclosure: '2025-02-13',
    },
    peopleAffected: {
      precision: 'approximate',
      count: 70_000,
      note: {
        en: 'Around 70,000 people, including public service contractors and around 1,000 local elected representatives.',
        fr: 'Environ 70 000 personnes, dont des agents contractuels de la fonction publique et environ 1 000 élus locaux.',
        sv: 'Omkring 70 000 personer, bland dem kontraktsanställda i offentlig tjänst och omkring 1 000 lokala förtroendevalda.',
      },
    },
    recordsAffected: { precision: 'unknown' },
    dataClasses: ['unspecified-personal-data'],
    nature: ['confidentiality'],
    cause: {
      actor: 'external-malicious',
      vector: 'stolen-credentials',
      details: {
        en: 'The attacker appears to have had login details belonging to several public employers.',
        fr: 'Le pirate semble avoir disposé d’identifiants de connexion appartenant à plusieurs employeurs publics.',
        sv: 'Angriparen verkar ha haft inloggningsuppgifter som tillhörde flera offentliga arbetsgivare.',
      },
    },
    disclosedTo: [],
    authority: { code: 'fr-cnil', caseReference: null },
    sources: [REPORT_CHRONOPOST_CDC],
    flags: { verified: true, sensitive: false, fabricated: false, retired: false },
    relatedBreaches: [],
    description: {
      en: 'The Caisse des Dépôts, which manages Ircantec, a supplementary pension fund for public-sector employees, confirmed to the AFP news agency on 13 February 2025 that an attacker had gained unauthorised access to personal data of some Ircantec members during a cyberattack. Around 70,000 people are affected, including public service contractors and around 1,000 local elected representatives; the Caisse des Dépôts did not say which personal data was involved. The attacker appears to have used login details belonging to several public employers. Everyone affected was informed by email or post, the CNIL was notified, and no irregular activity had been seen in members’ personal online spaces.',
      fr: 'La Caisse des Dépôts, qui gère l’Ircantec, caisse de retraite complémentaire des agents publics, a confirmé le 13 février 2025 à l’AFP qu’un pirate avait obtenu, lors d’une cyberattaque, un accès non autorisé à des données personnelles de certains affiliés. Environ 70 000 personnes sont touchées, dont des agents contractuels de la fonction publique et environ 1 000 élus locaux ; la Caisse des Dépôts n’a pas précisé quelles données étaient en cause. Le pirate semble s’être servi d’identifiants de connexion appartenant à plusieurs employeurs publics. Toutes les personnes concernées ont été prévenues par e-mail ou par courrier, la CNIL a été notifiée et aucune activité anormale n’a été constatée dans les espaces personnels des affiliés.',
      sv: 'Caisse des Dépôts, som förvaltar Ircantec, en kompletterande pensionskassa för offentligt anställda, bekräftade den 13 februari 2025 för nyhetsbyrån AFP att en angripare vid ett cyberangrepp hade skaffat sig obehörig åtkomst till personuppgifter om vissa av Ircantecs anslutna. Omkring 70 000 personer berörs, bland dem kontraktsanställda i offentlig tjänst och omkring 1 000 lokala förtroendevalda; Caisse des Dépôts har inte angett vilka personuppgifter det gäller. Angriparen verkar ha använt inloggningsuppgifter som tillhörde flera offentliga arbetsgivare. Alla berörda har informerats via e-post eller brev, den franska dataskyddsmyndigheten CNIL har underrättats och ingen avvikande aktivitet har upptäckts på de anslutnas personliga sidor.',
    },
  },
  {
    slug: 'folksam',
    title: 'Folksam customer data shared with tech companies',
    titleTranslations: {
      fr: 'Données de clients de Folksam transmises à des géants du numérique',
      sv: 'Folksams kunduppgifter delades med techföretag',
    },
    organisation: {
      name: 'Folksam',
      role: 'controller',
      domain: 'folksam.se',
    },
    country: 'SE',
    sector: 'insurance',
    dates: {
      occurredFrom: '2005',
      occurredTo: '2020-10',
      awareness: '2020-10',
      publicDisclosure: '2020-11-03',
    },
    peopleAffected: {
      precision: 'approximate',
      count: 1_000_000,
      note: {
        en: 'Folksam’s figure; the company does not know which customers were affected.',
        fr: 'Chiffre de Folksam ; l’entreprise ne sait pas quels clients sont concernés.',
        sv: 'Folksams siffra; bolaget vet inte vilka kunder som berörs.',
      },
    },
    recordsAffected: { precision: 'unknown' },
    dataClasses: ['se-personnummer', 'insurance-products', 'health-related-purchases', 'ip-address'],
    nature: ['confidentiality'],
    cause: {
      actor: 'internal-non-malicious',
      vector: 'misconfigured-tracking',
      details: {
        en: 'Folksam says it shared the data by accident with digital partners, where it was used to tailor offers and advertising. An internal audit found the sharing.',
        fr: 'Folksam indique avoir transmis les données par erreur à des partenaires numériques, qui s’en servaient pour personnaliser offres et publicités. Le partage a été découvert lors d’un audit interne.',
        sv: 'Folksam uppger att uppgifterna av misstag delades med digitala partner, där de användes för att anpassa erbjudanden och annonser. Delningen upptäcktes vid en intern granskning.',
      },
    },
    disclosedTo: ['Facebook', 'Google', 'Microsoft', 'LinkedIn', 'Adobe'],
    authority: { code: 'se-imy', caseReference: null },
    sources: [REPORT_FOLKSAM],
    flags: { verified: true, sensitive: false, fabricated: false, retired: false },
    relatedBreaches: [],
    description: {
      en: 'Folksam, Sweden’s largest insurer, confirmed on 3 November 2020 that it had unintentionally passed personal data on about one million customers to digital partners including Facebook, Google, Microsoft, LinkedIn and Adobe, to tailor offers and advertising. The data included personal identity numbers, which insurance products customers had bought (including whether they had taken out pregnancy insurance) and the IP addresses of website visitors and logged-in customers; local media said the sharing went back to 2005, while Folksam said most of it took place after 2015. An internal audit uncovered it around the beginning of October 2020; Folksam has stopped the sharing, asked for the data to be deleted and says the recipients did not misuse it, but it does not know which customers are affected. It reported the breach to the Swedish data protection authority, which had not yet decided whether to investigate.',
      fr: 'Folksam, premier assureur de Suède, a confirmé le 3 novembre 2020 avoir transmis par erreur des données personnelles d’environ un million de clients à des partenaires numériques, dont Facebook, Google, Microsoft, LinkedIn et Adobe, afin de personnaliser offres et publicités. Ces données comprenaient le numéro d’identité personnel (personnummer), les produits d’assurance souscrits (y compris le fait d’avoir pris une assurance grossesse) ainsi que les adresses IP des visiteurs du site et des clients connectés ; selon la presse locale, ce partage remontait à 2005, mais Folksam affirme que l’essentiel a eu lieu après 2015. Le partage a été découvert lors d’un audit interne vers le début du mois d’octobre 2020 ; Folksam y a mis fin, a demandé la suppression des données et affirme que les destinataires n’en ont pas fait un usage abusif, mais ignore quels clients sont concernés. L’assureur a signalé la violation à l’autorité suédoise de protection des données, qui n’avait pas encore décidé d’ouvrir ou non une enquête.',
      sv: 'Folksam, Sveriges största försäkringsbolag, bekräftade den 3 november 2020 att bolaget av misstag hade delat personuppgifter om omkring en miljon kunder med digitala partner, bland andra Facebook, Google, Microsoft, Linkedin och Adobe, för att anpassa erbjudanden och annonser. Uppgifterna omfattade personnummer, vilka försäkringar kunderna hade köpt (bland annat om de hade tecknat en gravidförsäkring) och IP-adresser för både besökare på webbplatsen och inloggade kunder; enligt lokala medier pågick delningen ända sedan 2005, medan Folksam uppgav att det mesta delades efter 2015. Delningen upptäcktes vid en intern granskning runt början av oktober 2020; Folksam har stoppat den, begärt att uppgifterna raderas och säger att mottagarna inte har använt dem på något otillbörligt sätt, men vet inte vilka kunder som berörs. Bolaget har anmält händelsen till den svenska dataskyddsmyndigheten, som ännu inte hade beslutat om den skulle inleda en granskning.',
    },
  },
];
