import type { EnisaCategory } from '../../catalogue/taxonomy.js';
import type { Locale } from '../../../platform/locale.js';
import type { EiLevel, SeverityLevel } from './enisa.js';
import type { ReasonCode } from './reasons.js';
import type { BreachType, ConsequenceSeverity } from './risk-proposal.js';

/**
 * Every word of the risk proposal, in English, French and Swedish, for the organisation's desk. Plain
 * language; the legal terms are those of the GDPR's text in each language ("sans retard injustifié"
 * is "dans les meilleurs délais", "utan onödigt dröjsmål"). A text proposes and explains; it never
 * says the law has been decided.
 *
 * Placeholders: {classes} (data-class labels, a list), {category} (ENISA data category), {base} and
 * {score} (numbers), {level} (ENISA severity level), {types} (breach types, a list), {ei} (EI level),
 * {consequences} (the person's rating), {count} (number of people). reasons.ts lists which text uses which.
 */

export interface RiskMessages {
  readonly disclaimer: string;
  readonly grammar: { readonly and: string; readonly quoteOpen: string; readonly quoteClose: string };
  readonly levels: Readonly<Record<SeverityLevel, string>>;
  readonly categories: Readonly<Record<EnisaCategory, string>>;
  readonly eiLevels: Readonly<Record<EiLevel, string>>;
  readonly breachTypes: Readonly<Record<BreachType, string>>;
  readonly consequences: Readonly<Record<ConsequenceSeverity, string>>;
  readonly reasons: Readonly<Record<ReasonCode, string>>;
}

const en: RiskMessages = {
  disclaimer:
    'This is a proposal worked out from your answers, to support your decision. It is not a legal decision or legal advice: you, as the controller, decide whether to notify the supervisory authority and whether to inform the people concerned, and the decision remains yours. If in doubt, ask your data protection officer.',
  grammar: { and: 'and', quoteOpen: '“', quoteClose: '”' },
  levels: { low: 'low', medium: 'medium', high: 'high', 'very-high': 'very high' },
  categories: { simple: 'simple data', behavioural: 'behavioural data', financial: 'financial data', sensitive: 'sensitive data' },
  eiLevels: { negligible: 'negligible', limited: 'limited', significant: 'significant', maximum: 'maximum' },
  breachTypes: { confidentiality: 'confidentiality', integrity: 'integrity', availability: 'availability' },
  consequences: { minor: 'minor', moderate: 'moderate', severe: 'severe', 'to-be-determined': 'not yet known' },
  reasons: {
    'dpc-base-highest-category':
      'Proposed DPC base: {base} ({category}), from {classes}. When the breached data fall in several ENISA categories, the highest is kept.',
    'dpc-note-unspecified-data':
      'What leaked is not yet known, so the base only reflects “personal data (not specified)”. Revise the DPC as soon as the data are known; the notification can be completed in phases.',
    'dpc-note-national-id-number':
      '{classes}: ENISA counts national identity numbers as simple data. If, with the other breached data, they allow identity fraud, raise the DPC (volume or content per person) and write down why.',
    'dpc-note-credentials':
      '{classes}: login data take the category of what they open. If they open a bank account, a health account or other sensitive data, use that category as the DPC base and write down why.',
    'enisa-severity': 'ENISA severity: {score}, which is {level} (SE = DPC × EI + CB).',
    'high-risk-enisa':
      'An ENISA severity of {level} means significant, possibly lasting consequences for the people concerned. This points to a high risk to their rights and freedoms.',
    'edpb-breach-types': 'Type of breach: {types}.',
    'edpb-special-categories':
      'Special-category or criminal-offence data are involved (GDPR Art. 9 or 10). For such data, the EDPB says damage should be considered likely to occur. This points to a high risk.',
    'edpb-ease-of-identification': 'Ease of identification: {ei}. The more easily the people can be identified, the greater the risk.',
    'edpb-consequences': 'You rate the likely consequences as {consequences}.',
    'edpb-consequences-severe':
      'You rate the likely consequences as severe (for example identity theft, fraud, financial loss, discrimination or damage to reputation). This points to a high risk.',
    'edpb-consequences-to-be-determined':
      'The consequences are not yet known. Assess the risk now with what you know, without waiting for the investigation to end, and complete the notification later. When in doubt, notify.',
    'edpb-vulnerable-individuals-high':
      'Children or other vulnerable people are among those affected. They may be at greater risk; with a severity of medium or more, this points to a high risk.',
    'edpb-vulnerable-individuals':
      'Children or other vulnerable people are among those affected. They may be at greater risk, so the low severity alone does not show that a risk is unlikely.',
    'edpb-number-of-individuals': 'Number of people affected: {count}. The more people are affected, the greater the impact can be.',
    'edpb-number-unknown':
      'The number of people affected is not yet known. Give an approximate number as soon as you can; the notification can be completed later.',
    'edpb-controller-characteristics':
      'The nature of your organisation (for example a medical organisation) makes the breach weigh more for the people concerned.',
    'hint-vulnerable-not-in-dpc':
      'The DPC has no increase for the characteristics of the people. ENISA raises it when they are, for example, minors: check whether it should be raised.',
    'hint-controller-not-in-dpc':
      'The DPC has no increase for the characteristics of the controller. ENISA raises it when the organisation itself reveals something about the people (an online pharmacy rather than a stationery shop): check whether it should be raised.',
    'mitigating-unintelligible':
      'The data were unintelligible to whoever got them (for example strongly encrypted) and the key is not compromised.',
    'mitigating-subsequent-measures': 'Measures taken since the breach mean the risk to the people is no longer likely to materialise.',
    'mitigating-no-evidence-of-illegal-processing': 'There is no evidence that the data have been processed unlawfully.',
    'mitigating-dpc-lowered':
      'The DPC was lowered because the data are known to be invalid, were already public, or reveal less than their category suggests.',
    'authority-notify-risk':
      'Notifying the supervisory authority is proposed: the assessment (ENISA severity {level}, and the factors above) does not rule out a risk to the rights and freedoms of the people concerned.',
    'authority-notify-when-in-doubt':
      'The ENISA severity is low, but the assessment does not rule out a risk: that would take consequences rated minor, no vulnerable people affected and at least one mitigating fact on record. When in doubt, notify: notifying the supervisory authority is proposed.',
    'authority-not-required-unlikely-risk':
      'The breach appears unlikely to result in a risk: low ENISA severity, consequences rated minor and mitigating facts on record. Notifying the supervisory authority may then not be required. Record your reasoning; if new facts point to a risk, notify without undue delay.',
    'authority-deadline-72h':
      'Notify without undue delay and, where feasible, within 72 hours of becoming aware of the breach; after that, give the reasons for the delay. The information can be given in phases: an initial notification now, the details later.',
    'authority-high-risk-act-fast': 'When the risk is high, even 72 hours can be judged too slow: act as fast as you can.',
    'authority-34-3-not-for-authority':
      'The Art. 34(3) conditions concern informing the people only. Only a breach unlikely to result in a risk need not be notified to the supervisory authority, and the assessment (ENISA severity {level}) does not show that. When in doubt, notify.',
    'register-every-breach':
      'Whatever you decide, record the breach in your internal register: the facts, its effects, the remedial action taken and the reasoning behind your decision (GDPR Art. 33(5)).',
    'individuals-required-high-risk':
      'The breach is likely to result in a high risk and no Art. 34(3) condition is claimed: informing the people concerned without undue delay is proposed.',
    'individuals-not-high-risk':
      'The assessment (ENISA severity {level}) does not point to a high risk, so informing the people concerned is not proposed. You may still choose to tell them.',
    'individuals-content':
      'Describe the breach in clear and plain language, with at least a contact point, the likely consequences and the measures taken or proposed. The CNIL found that an operator’s email to its customers lacked such details, in breach of Art. 34.',
    'individuals-law-enforcement':
      'The breach was malicious: coordinate the message to the people concerned with the supervisory authority and, where involved, the police, so as not to hamper an investigation.',
    'individuals-exempt-34-3-a':
      'The data were unintelligible to anyone not authorised (for example encrypted, with the key safe): under Art. 34(3)(a), informing each person is not required.',
    'individuals-exempt-34-3-b':
      'Measures taken since the breach ensure that the high risk is no longer likely to materialise: under Art. 34(3)(b), informing each person is not required.',
    'individuals-public-communication-34-3-c':
      'Informing each person would involve disproportionate effort: under Art. 34(3)(c), make a public communication or similar measure instead, one that informs the people concerned in an equally effective manner.',
    'exemption-a-protection-not-intact':
      'The protection of the data may have been broken (the key may be compromised) or cannot be assessed: the Art. 34(3)(a) condition is not met.',
    'exemption-a-not-for-availability-integrity':
      'Encryption makes data unintelligible, but it does not undo a loss of availability or integrity: the Art. 34(3)(a) condition is not relied on for this breach.',
    'individuals-authority-may-order':
      'The supervisory authority may still require you to inform the people concerned, or decide that an Art. 34(3) condition is met.',
  },
};

const fr: RiskMessages = {
  disclaimer:
    "Ceci est une proposition établie à partir de vos réponses, pour éclairer votre décision. Ce n'est ni une décision juridique ni un avis juridique : c'est à vous, responsable du traitement, de décider de notifier ou non l'autorité de contrôle et d'informer ou non les personnes concernées, et la décision vous appartient. En cas de doute, demandez l'avis de votre délégué à la protection des données.",
  grammar: { and: 'et', quoteOpen: '«\u00a0', quoteClose: '\u00a0»' },
  levels: { low: 'faible', medium: 'moyen', high: 'élevé', 'very-high': 'très élevé' },
  categories: {
    simple: 'données simples',
    behavioural: 'données comportementales',
    financial: 'données financières',
    sensitive: 'données sensibles',
  },
  eiLevels: { negligible: 'négligeable', limited: 'limitée', significant: 'importante', maximum: 'maximale' },
  breachTypes: { confidentiality: 'confidentialité', integrity: 'intégrité', availability: 'disponibilité' },
  consequences: { minor: 'mineures', moderate: 'modérées', severe: 'graves', 'to-be-determined': 'encore inconnues' },
  reasons: {
    'dpc-base-highest-category':
      "DPC de base proposé : {base} ({category}), d'après {classes}. Quand les données violées relèvent de plusieurs catégories ENISA, on retient la plus élevée.",
    'dpc-note-unspecified-data':
      'On ne sait pas encore quelles données ont fuité : la base ne reflète que «\u00a0données personnelles (non précisées)\u00a0». Révisez le DPC dès que les données sont connues ; la notification peut être complétée par étapes.',
    'dpc-note-national-id-number':
      "{classes} : l'ENISA classe les numéros d'identification nationaux parmi les données simples. Si, avec les autres données violées, ils permettent une usurpation d'identité, relevez le DPC (volume ou contenu par personne) et écrivez pourquoi.",
    'dpc-note-credentials':
      "{classes} : des identifiants de connexion prennent la catégorie de ce qu'ils ouvrent. S'ils donnent accès à un compte bancaire, à un compte santé ou à d'autres données sensibles, retenez cette catégorie comme base du DPC et écrivez pourquoi.",
    'enisa-severity': 'Gravité ENISA : {score}, soit un niveau {level} (SE = DPC × EI + CB).',
    'high-risk-enisa':
      'Un niveau de gravité ENISA {level} signifie des conséquences importantes, peut-être durables, pour les personnes concernées. Cela indique un risque élevé pour leurs droits et libertés.',
    'edpb-breach-types': 'Type de violation : {types}.',
    'edpb-special-categories':
      'Des données sensibles ou relatives aux infractions pénales sont en cause (articles 9 ou 10 du RGPD). Pour ces données, le CEPD estime que le dommage doit être considéré comme probable. Cela indique un risque élevé.',
    'edpb-ease-of-identification':
      "Facilité d'identification : {ei}. Plus les personnes sont faciles à identifier, plus le risque est grand.",
    'edpb-consequences': 'Vous estimez que les conséquences probables sont {consequences}.',
    'edpb-consequences-severe':
      "Vous estimez que les conséquences probables sont graves (par exemple usurpation d'identité, fraude, perte financière, discrimination ou atteinte à la réputation). Cela indique un risque élevé.",
    'edpb-consequences-to-be-determined':
      'Les conséquences ne sont pas encore connues. Évaluez le risque dès maintenant avec ce que vous savez, sans attendre la fin des investigations, et complétez la notification ensuite. En cas de doute, notifiez.',
    'edpb-vulnerable-individuals-high':
      "Des enfants ou d'autres personnes vulnérables font partie des personnes concernées. Elles peuvent être plus exposées ; avec un niveau de gravité moyen ou plus, cela indique un risque élevé.",
    'edpb-vulnerable-individuals':
      "Des enfants ou d'autres personnes vulnérables font partie des personnes concernées. Elles peuvent être plus exposées : le niveau de gravité faible ne suffit donc pas à montrer qu'un risque est improbable.",
    'edpb-number-of-individuals': "Nombre de personnes concernées : {count}. Plus elles sont nombreuses, plus l'impact peut être grand.",
    'edpb-number-unknown':
      "Le nombre de personnes concernées n'est pas encore connu. Donnez un nombre approximatif dès que possible ; la notification peut être complétée ensuite.",
    'edpb-controller-characteristics':
      'La nature de votre organisme (par exemple un établissement de santé) donne plus de poids à la violation pour les personnes concernées.',
    'hint-vulnerable-not-in-dpc':
      "Le DPC n'est pas relevé pour les caractéristiques des personnes. L'ENISA le relève quand il s'agit par exemple de mineurs : vérifiez s'il faut le faire.",
    'hint-controller-not-in-dpc':
      "Le DPC n'est pas relevé pour les caractéristiques du responsable du traitement. L'ENISA le relève quand l'organisme révèle lui-même quelque chose des personnes (une pharmacie en ligne plutôt qu'une papeterie) : vérifiez s'il faut le faire.",
    'mitigating-unintelligible':
      "Les données étaient incompréhensibles pour qui les a obtenues (par exemple chiffrées de façon robuste) et la clé n'est pas compromise.",
    'mitigating-subsequent-measures':
      "Les mesures prises depuis la violation font que le risque pour les personnes n'est plus susceptible de se matérialiser.",
    'mitigating-no-evidence-of-illegal-processing': "Rien n'indique que les données aient fait l'objet d'un traitement illicite.",
    'mitigating-dpc-lowered':
      'Le DPC a été abaissé parce que les données sont connues comme invalides, étaient déjà publiques ou en révèlent moins que leur catégorie ne le laisse penser.',
    'authority-notify-risk':
      "Il est proposé de notifier l'autorité de contrôle : l'évaluation (niveau de gravité ENISA {level} et facteurs ci-dessus) ne permet pas d'écarter un risque pour les droits et libertés des personnes concernées.",
    'authority-notify-when-in-doubt':
      "Le niveau de gravité ENISA est faible, mais l'évaluation ne permet pas d'écarter un risque : il faudrait des conséquences estimées mineures, aucune personne vulnérable concernée et au moins un fait atténuant établi. En cas de doute, notifiez : il est proposé de notifier l'autorité de contrôle.",
    'authority-not-required-unlikely-risk':
      "La violation paraît peu susceptible d'engendrer un risque : niveau de gravité ENISA faible, conséquences estimées mineures et faits atténuants établis. La notification à l'autorité de contrôle peut alors ne pas être requise. Consignez votre raisonnement ; si de nouveaux éléments font apparaître un risque, notifiez dans les meilleurs délais.",
    'authority-deadline-72h':
      'Notifiez dans les meilleurs délais et, si possible, 72 heures au plus tard après avoir pris connaissance de la violation ; au-delà, indiquez les motifs du retard. Les informations peuvent être communiquées par étapes : une notification initiale maintenant, une notification complémentaire ensuite.',
    'authority-high-risk-act-fast':
      'Quand le risque est élevé, même 72 heures peuvent être jugées trop longues : agissez aussi vite que possible.',
    'authority-34-3-not-for-authority':
      "Les conditions de l'article 34.3 ne concernent que l'information des personnes. Seule une violation peu susceptible d'engendrer un risque dispense de notifier l'autorité de contrôle, et l'évaluation (niveau de gravité ENISA {level}) ne le montre pas. En cas de doute, notifiez.",
    'register-every-breach':
      'Quelle que soit votre décision, inscrivez la violation dans votre registre interne : les faits, leurs effets, les mesures prises pour y remédier et le raisonnement qui fonde votre décision (article 33.5 du RGPD).',
    'individuals-required-high-risk':
      "La violation est susceptible d'engendrer un risque élevé et aucune condition de l'article 34.3 n'est invoquée : il est proposé d'informer les personnes concernées dans les meilleurs délais.",
    'individuals-not-high-risk':
      "L'évaluation (niveau de gravité ENISA {level}) n'indique pas de risque élevé : informer les personnes concernées n'est pas proposé. Vous pouvez tout de même choisir de les prévenir.",
    'individuals-content':
      "Décrivez la violation en des termes clairs et simples, avec au moins un point de contact, les conséquences probables et les mesures prises ou envisagées. La CNIL a retenu un manquement à l'article 34 contre un opérateur dont l'e-mail aux clients ne comprenait pas toutes ces précisions.",
    'individuals-law-enforcement':
      "La violation est malveillante : coordonnez le message aux personnes concernées avec l'autorité de contrôle et, le cas échéant, la police ou la justice, pour ne pas gêner l'enquête.",
    'individuals-exempt-34-3-a':
      "Les données étaient incompréhensibles pour toute personne non autorisée (par exemple chiffrées, la clé étant en sécurité) : selon l'article 34.3 a), informer chaque personne n'est pas requis.",
    'individuals-exempt-34-3-b':
      "Les mesures prises depuis la violation garantissent que le risque élevé n'est plus susceptible de se matérialiser : selon l'article 34.3 b), informer chaque personne n'est pas requis.",
    'individuals-public-communication-34-3-c':
      "Informer chaque personne exigerait des efforts disproportionnés : selon l'article 34.3 c), procédez plutôt à une communication publique ou à une mesure similaire qui informe les personnes concernées de manière tout aussi efficace.",
    'exemption-a-protection-not-intact':
      "La protection des données a peut-être été contournée (la clé pourrait être compromise) ou ne peut pas être évaluée : la condition de l'article 34.3 a) n'est pas remplie.",
    'exemption-a-not-for-availability-integrity':
      "Le chiffrement rend les données incompréhensibles, mais il ne remédie pas à une perte de disponibilité ou d'intégrité : la condition de l'article 34.3 a) n'est pas retenue pour cette violation.",
    'individuals-authority-may-order':
      "L'autorité de contrôle peut encore exiger que vous informiez les personnes concernées, ou décider qu'une condition de l'article 34.3 est remplie.",
  },
};

const sv: RiskMessages = {
  disclaimer:
    'Detta är ett förslag utifrån era svar, som stöd för ert beslut. Det är inget juridiskt beslut och ingen juridisk rådgivning: ni som personuppgiftsansvarig beslutar om anmälan till tillsynsmyndigheten och om information till de registrerade, och beslutet är ert. Fråga ert dataskyddsombud om ni är osäkra.',
  grammar: { and: 'och', quoteOpen: '”', quoteClose: '”' },
  levels: { low: 'låg', medium: 'medelhög', high: 'hög', 'very-high': 'mycket hög' },
  categories: {
    simple: 'enkla uppgifter',
    behavioural: 'beteendeuppgifter',
    financial: 'finansiella uppgifter',
    sensitive: 'känsliga uppgifter',
  },
  eiLevels: { negligible: 'försumbar', limited: 'begränsad', significant: 'betydande', maximum: 'maximal' },
  breachTypes: { confidentiality: 'konfidentialitet', integrity: 'integritet', availability: 'tillgänglighet' },
  consequences: { minor: 'lindriga', moderate: 'måttliga', severe: 'allvarliga', 'to-be-determined': 'ännu inte kända' },
  reasons: {
    'dpc-base-highest-category':
      'Föreslagen DPC-bas: {base} ({category}), utifrån {classes}. När de berörda uppgifterna hör till flera ENISA-kategorier används den högsta.',
    'dpc-note-unspecified-data':
      'Det är ännu inte känt vilka uppgifter som läckt, så basen speglar bara ”personuppgifter (ej specificerade)”. Ändra DPC så snart uppgifterna är kända; anmälan kan kompletteras i omgångar.',
    'dpc-note-national-id-number':
      '{classes}: ENISA räknar nationella identitetsnummer som enkla uppgifter. Om de tillsammans med de andra uppgifterna möjliggör identitetsbedrägeri, höj DPC (mängd eller innehåll per person) och skriv varför.',
    'dpc-note-credentials':
      '{classes}: inloggningsuppgifter får samma kategori som det de ger åtkomst till. Om de öppnar ett bankkonto, ett vårdkonto eller andra känsliga uppgifter, använd den kategorin som DPC-bas och skriv varför.',
    'enisa-severity': 'Allvarlighetsgrad enligt ENISA: {score}, alltså {level} (SE = DPC × EI + CB).',
    'high-risk-enisa':
      'En {level} allvarlighetsgrad enligt ENISA innebär betydande, kanske bestående, konsekvenser för de registrerade. Det tyder på en hög risk för deras rättigheter och friheter.',
    'edpb-breach-types': 'Typ av incident: {types}.',
    'edpb-special-categories':
      'Incidenten gäller känsliga personuppgifter eller uppgifter om lagöverträdelser (artikel 9 eller 10 i dataskyddsförordningen). För sådana uppgifter anser EDPB att skada ska anses sannolik. Det tyder på en hög risk.',
    'edpb-ease-of-identification': 'Identifierbarhet: {ei}. Ju lättare de registrerade kan identifieras, desto större är risken.',
    'edpb-consequences': 'Ni bedömer de sannolika konsekvenserna som {consequences}.',
    'edpb-consequences-severe':
      'Ni bedömer de sannolika konsekvenserna som allvarliga (till exempel identitetsstöld, bedrägeri, ekonomisk förlust, diskriminering eller skadat anseende). Det tyder på en hög risk.',
    'edpb-consequences-to-be-determined':
      'Konsekvenserna är ännu inte kända. Bedöm risken nu med det ni vet, utan att vänta på att utredningen blir klar, och komplettera anmälan senare. Anmäl hellre än inte om ni är osäkra.',
    'edpb-vulnerable-individuals-high':
      'Barn eller andra sårbara personer finns bland de registrerade. De kan löpa större risk; med en allvarlighetsgrad på medelhög eller mer tyder det på en hög risk.',
    'edpb-vulnerable-individuals':
      'Barn eller andra sårbara personer finns bland de registrerade. De kan löpa större risk, så den låga allvarlighetsgraden räcker inte för att visa att en risk är osannolik.',
    'edpb-number-of-individuals': 'Antal berörda personer: {count}. Ju fler som berörs, desto större kan följderna bli.',
    'edpb-number-unknown':
      'Antalet berörda personer är ännu inte känt. Ange ett ungefärligt antal så snart ni kan; anmälan kan kompletteras senare.',
    'edpb-controller-characteristics':
      'Er verksamhets art (till exempel en vårdgivare) gör att incidenten väger tyngre för de registrerade.',
    'hint-vulnerable-not-in-dpc':
      'DPC har inte höjts för de registrerades egenskaper. ENISA höjer den när det till exempel gäller minderåriga: kontrollera om den bör höjas.',
    'hint-controller-not-in-dpc':
      'DPC har inte höjts för den personuppgiftsansvariges egenskaper. ENISA höjer den när verksamheten i sig avslöjar något om personerna (ett nätapotek snarare än en pappershandel): kontrollera om den bör höjas.',
    'mitigating-unintelligible':
      'Uppgifterna var oläsliga för den som fick tag i dem (till exempel starkt krypterade) och nyckeln har inte röjts.',
    'mitigating-subsequent-measures':
      'Åtgärder som vidtagits efter incidenten gör att risken för de registrerade sannolikt inte längre kommer att förverkligas.',
    'mitigating-no-evidence-of-illegal-processing': 'Det finns inget som tyder på att uppgifterna har behandlats olagligt.',
    'mitigating-dpc-lowered':
      'DPC sänktes eftersom uppgifterna är kända som ogiltiga, redan var offentliga eller avslöjar mindre än deras kategori antyder.',
    'authority-notify-risk':
      'Förslaget är att anmäla incidenten till tillsynsmyndigheten: bedömningen (allvarlighetsgrad enligt ENISA: {level}, och faktorerna ovan) utesluter inte en risk för de registrerades rättigheter och friheter.',
    'authority-notify-when-in-doubt':
      'Allvarlighetsgraden enligt ENISA är låg, men bedömningen utesluter inte en risk: det skulle krävas att konsekvenserna bedöms som lindriga, att inga sårbara personer berörs och att minst en förmildrande omständighet är dokumenterad. Anmäl hellre än inte vid tvekan: förslaget är att anmäla incidenten till tillsynsmyndigheten.',
    'authority-not-required-unlikely-risk':
      'Det förefaller osannolikt att incidenten medför en risk: låg allvarlighetsgrad enligt ENISA, konsekvenser som bedöms som lindriga och dokumenterade förmildrande omständigheter. En anmälan till tillsynsmyndigheten krävs då kanske inte. Dokumentera ert resonemang; om nya uppgifter tyder på en risk, anmäl utan onödigt dröjsmål.',
    'authority-deadline-72h':
      'Anmäl utan onödigt dröjsmål och om möjligt inom 72 timmar från att ni fick vetskap om incidenten; ange annars skälen till förseningen. Uppgifterna får lämnas i omgångar: en första anmälan nu och kompletteringar senare.',
    'authority-high-risk-act-fast': 'När risken är hög kan även 72 timmar anses vara för lång tid: agera så snabbt ni kan.',
    'authority-34-3-not-for-authority':
      'Villkoren i artikel 34.3 gäller bara informationen till de registrerade. Bara en incident som sannolikt inte medför någon risk behöver inte anmälas till tillsynsmyndigheten, och det visar inte bedömningen (allvarlighetsgrad enligt ENISA: {level}). Anmäl hellre än inte vid tvekan.',
    'register-every-breach':
      'Oavsett vad ni beslutar, för in incidenten i ert interna register: omständigheterna, effekterna, de korrigerande åtgärderna och resonemanget bakom ert beslut (artikel 33.5 i dataskyddsförordningen).',
    'individuals-required-high-risk':
      'Incidenten medför sannolikt en hög risk och inget av villkoren i artikel 34.3 åberopas: förslaget är att informera de registrerade utan onödigt dröjsmål.',
    'individuals-not-high-risk':
      'Bedömningen (allvarlighetsgrad enligt ENISA: {level}) tyder inte på en hög risk, så det föreslås inte att de registrerade informeras. Ni kan ändå välja att informera dem.',
    'individuals-content':
      'Beskriv incidenten på ett klart och tydligt språk, med minst en kontaktpunkt, de sannolika konsekvenserna och de åtgärder som vidtagits eller föreslås. Den franska dataskyddsmyndigheten CNIL fann att en operatörs e-post till kunderna saknade sådana uppgifter och därmed bröt mot artikel 34.',
    'individuals-law-enforcement':
      'Incidenten var uppsåtlig: samordna meddelandet till de registrerade med tillsynsmyndigheten och, i förekommande fall, polisen, så att en utredning inte försvåras.',
    'individuals-exempt-34-3-a':
      'Uppgifterna var oläsliga för obehöriga (till exempel krypterade, med nyckeln i säkert förvar): enligt artikel 34.3 a krävs det inte att varje person informeras.',
    'individuals-exempt-34-3-b':
      'Åtgärder efter incidenten säkerställer att den höga risken sannolikt inte längre kommer att förverkligas: enligt artikel 34.3 b krävs det inte att varje person informeras.',
    'individuals-public-communication-34-3-c':
      'Att informera varje person skulle innebära en oproportionell ansträngning: enligt artikel 34.3 c ska ni i stället göra ett offentligt tillkännagivande eller vidta en liknande åtgärd som informerar de registrerade på ett lika effektivt sätt.',
    'exemption-a-protection-not-intact':
      'Skyddet av uppgifterna kan ha kringgåtts (nyckeln kan ha röjts) eller kan inte bedömas: villkoret i artikel 34.3 a är inte uppfyllt.',
    'exemption-a-not-for-availability-integrity':
      'Kryptering gör uppgifter oläsliga, men den avhjälper inte förlorad tillgänglighet eller integritet: villkoret i artikel 34.3 a åberopas inte för denna incident.',
    'individuals-authority-may-order':
      'Tillsynsmyndigheten kan ändå kräva att ni informerar de registrerade, eller besluta att ett av villkoren i artikel 34.3 är uppfyllt.',
  },
};

export const RISK_MESSAGES: Readonly<Record<Locale, RiskMessages>> = { en, fr, sv };
