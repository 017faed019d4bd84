import type { CommunicationReport } from '../../modules/incidents/communication-check/index.js';
import {
  AVAILABILITY_LOSS,
  CONFIDENTIALITY_LOSS,
  CONSEQUENCE_SEVERITIES,
  DPC_BASE,
  EI_VALUES,
  INFORM_INDIVIDUALS,
  INTEGRITY_LOSS,
  RISK_MESSAGES,
  UNINTELLIGIBILITY,
  type InformIndividuals,
  type NotificationProposal,
  type SeverityResult,
} from '../../modules/incidents/risk/index.js';
import { SECTORS } from '../../modules/catalogue/vocabulary.js';
import type { ProcessorLink } from '../../modules/incidents/index.js';
import type { DeskContext, SessionInfo } from '../../modules/organisations/index.js';
import { can } from '../../modules/organisations/index.js';
import type { Locale } from '../../platform/locale.js';
import { html, type SafeHtml } from './html.js';
import { href, layout, type PageContext } from './layout.js';

/**
 * The desk's two advisers in the console (issue 6 parts 4 and 6): the risk assessment form, its proposal
 * with the reasons and the decision the person records, and the check of a draft to individuals.
 * Plain forms; labels come from the risk module's own messages where it has them.
 */
const en = {
  assessTitle: 'Assess the risk',
  assessIntro: 'Each factor of the ENISA method with its value and your reason; the tool proposes, you decide and say why.',
  dpc: 'Data processing context (DPC): the most sensitive data involved',
  ei: 'Ease of identification (EI)',
  confidentiality: 'Loss of confidentiality',
  integrity: 'Loss of integrity',
  availability: 'Loss of availability',
  malicious: 'Malicious intent',
  reason: 'Why',
  consequences: 'Likely consequences for the people',
  vulnerable: 'Children or other vulnerable people are concerned',
  special: 'Special categories of data (GDPR Art. 9) or criminal data are involved',
  people: 'Number of people concerned (blank if unknown)',
  controller: 'The controller’s activity makes it worse (e.g. health, social security)',
  unintelligible: 'Were the data unintelligible to whoever got them (e.g. encrypted, key safe)?',
  subsequent: 'Measures taken since mean the high risk is no longer likely (Art. 34(3)(b))',
  disproportionate: 'Informing each person would involve disproportionate effort (Art. 34(3)(c))',
  propose: 'Work out the proposal',
  result: 'Proposal',
  score: 'ENISA severity',
  notify: 'Notify the supervisory authority',
  inform: 'Inform the people concerned',
  yes: 'Yes',
  no: 'No',
  decision: 'Your decision',
  decisionReason: 'Your reason (required; above all if you depart from the proposal)',
  record: 'Record the decision',
  informOptions: {
    required: 'Yes, individually (Art. 34(1))',
    'not-required': 'Not required: no high risk',
    'exempt-34-3-a': 'Exempt: data unintelligible (Art. 34(3)(a))',
    'exempt-34-3-b': 'Exempt: high risk no longer likely (Art. 34(3)(b))',
    'public-communication-34-3-c': 'Public communication instead (Art. 34(3)(c))',
  },
  checkTitle: 'Check a letter or email to the people concerned',
  checkIntro: 'Paste the draft. The check says whether it has what GDPR Art. 34(2) requires, and what is missing.',
  draft: 'Draft',
  language: 'Language of the draft',
  detect: 'Detect',
  check: 'Check',
  complete: 'The draft has every element Art. 34(2) requires.',
  incomplete: 'Missing:',
  present: 'present',
  absent: 'missing',
  clarity: 'Clarity',
  back: 'Back to the organisation',
  processors: 'Processors',
  processorsIntro: 'Organisations that process personal data for you. Only they can pass an incident on to you (GDPR Art. 33(2)).',
  noProcessors: 'None declared.',
  processorSlug: 'The processor’s identifier on breachdesk (its slug)',
  declare: 'Declare as our processor',
  passOnTitle: 'Pass this incident on to the controllers you serve',
  passOnIntro: 'Each controller gets its own incident, linked to this one, and its own 72-hour clock from now.',
  noControllers: 'No organisation has declared you as its processor yet.',
  passOn: 'Pass on',
  publishTitle: 'Publish in the public catalogue',
  publishIntro: 'Dates, numbers, data, nature and cause come from this incident; you give the public texts and your notice.',
  slug: 'Identifier of the public entry (lower-case letters, digits, hyphens)',
  sector: 'Sector',
  descriptionEn: 'Public description in English',
  descriptionFr: 'Public description in French',
  descriptionSv: 'Public description in Swedish',
  sourceUrl: 'Address of your public notice (https://…)',
  sourceTitle: 'Title of your public notice',
  publish: 'Publish',
} as const;

type AdviceMessages = {
  readonly [K in keyof typeof en]: K extends 'informOptions' ? Readonly<Record<InformIndividuals, string>> : string;
};

const fr: AdviceMessages = {
  assessTitle: 'Évaluer le risque',
  assessIntro:
    'Chaque facteur de la méthode de l’ENISA, avec sa valeur et votre justification ; l’outil propose, vous décidez et dites pourquoi.',
  dpc: 'Contexte du traitement (DPC) : les données les plus sensibles en cause',
  ei: 'Facilité d’identification (EI)',
  confidentiality: 'Perte de confidentialité',
  integrity: 'Perte d’intégrité',
  availability: 'Perte de disponibilité',
  malicious: 'Intention malveillante',
  reason: 'Pourquoi',
  consequences: 'Conséquences probables pour les personnes',
  vulnerable: 'Des enfants ou d’autres personnes vulnérables sont concernés',
  special: 'Des données sensibles (art. 9 du RGPD) ou pénales sont en cause',
  people: 'Nombre de personnes concernées (vide si inconnu)',
  controller: 'L’activité du responsable aggrave le risque (santé, sécurité sociale…)',
  unintelligible: 'Les données étaient-elles incompréhensibles pour qui les a obtenues (chiffrées, clé intacte) ?',
  subsequent: 'Les mesures prises depuis rendent le risque élevé improbable (art. 34(3)(b))',
  disproportionate: 'Informer chaque personne exigerait des efforts disproportionnés (art. 34(3)(c))',
  propose: 'Établir la proposition',
  result: 'Proposition',
  score: 'Gravité ENISA',
  notify: 'Notifier l’autorité de contrôle',
  inform: 'Informer les personnes concernées',
  yes: 'Oui',
  no: 'Non',
  decision: 'Votre décision',
  decisionReason: 'Votre justification (obligatoire ; surtout si vous vous écartez de la proposition)',
  record: 'Enregistrer la décision',
  informOptions: {
    required: 'Oui, individuellement (art. 34(1))',
    'not-required': 'Non requis : pas de risque élevé',
    'exempt-34-3-a': 'Dispense : données incompréhensibles (art. 34(3)(a))',
    'exempt-34-3-b': 'Dispense : risque élevé devenu improbable (art. 34(3)(b))',
    'public-communication-34-3-c': 'Communication publique à la place (art. 34(3)(c))',
  },
  checkTitle: 'Vérifier un courrier ou un e-mail aux personnes concernées',
  checkIntro: 'Collez le projet. La vérification indique s’il contient ce qu’exige l’article 34(2) du RGPD, et ce qui manque.',
  draft: 'Projet',
  language: 'Langue du projet',
  detect: 'Détecter',
  check: 'Vérifier',
  complete: 'Le projet contient tous les éléments exigés par l’article 34(2).',
  incomplete: 'Il manque :',
  present: 'présent',
  absent: 'manquant',
  clarity: 'Clarté',
  back: 'Retour à l’organisation',
  processors: 'Sous-traitants',
  processorsIntro:
    'Les organismes qui traitent des données pour votre compte. Eux seuls peuvent vous transmettre une violation (RGPD, art. 33(2)).',
  noProcessors: 'Aucun déclaré.',
  processorSlug: 'L’identifiant du sous-traitant sur breachdesk',
  declare: 'Déclarer comme notre sous-traitant',
  passOnTitle: 'Transmettre cette violation aux responsables de traitement pour qui vous agissez',
  passOnIntro: 'Chaque responsable reçoit sa propre fiche, liée à celle-ci, et son propre délai de 72 heures à partir de maintenant.',
  noControllers: 'Aucun organisme ne vous a encore déclaré comme sous-traitant.',
  passOn: 'Transmettre',
  publishTitle: 'Publier dans le catalogue public',
  publishIntro: 'Dates, nombres, données, nature et cause viennent de cette fiche ; vous donnez les textes publics et votre avis.',
  slug: 'Identifiant de la fiche publique (minuscules, chiffres, tirets)',
  sector: 'Secteur',
  descriptionEn: 'Description publique en anglais',
  descriptionFr: 'Description publique en français',
  descriptionSv: 'Description publique en suédois',
  sourceUrl: 'Adresse de votre avis public (https://…)',
  sourceTitle: 'Titre de votre avis public',
  publish: 'Publier',
};

const sv: AdviceMessages = {
  assessTitle: 'Bedöm risken',
  assessIntro: 'Varje faktor i ENISA:s metod med sitt värde och ditt skäl; verktyget föreslår, du beslutar och motiverar.',
  dpc: 'Behandlingens sammanhang (DPC): de känsligaste uppgifterna som berörs',
  ei: 'Hur lätt personerna kan identifieras (EI)',
  confidentiality: 'Förlust av konfidentialitet',
  integrity: 'Förlust av riktighet',
  availability: 'Förlust av tillgänglighet',
  malicious: 'Uppsåt',
  reason: 'Varför',
  consequences: 'Sannolika konsekvenser för personerna',
  vulnerable: 'Barn eller andra sårbara personer berörs',
  special: 'Känsliga personuppgifter (art. 9 GDPR) eller brottsuppgifter berörs',
  people: 'Antal berörda personer (tomt om okänt)',
  controller: 'Den personuppgiftsansvariges verksamhet förvärrar risken (vård, socialförsäkring …)',
  unintelligible: 'Var uppgifterna obegripliga för den som fick dem (krypterade, nyckeln säker)?',
  subsequent: 'Åtgärder sedan dess gör att den höga risken inte längre är sannolik (art. 34.3 b)',
  disproportionate: 'Att informera varje person skulle kräva oproportionerligt stor ansträngning (art. 34.3 c)',
  propose: 'Ta fram förslaget',
  result: 'Förslag',
  score: 'ENISA-allvarlighet',
  notify: 'Anmäla till tillsynsmyndigheten',
  inform: 'Informera de berörda',
  yes: 'Ja',
  no: 'Nej',
  decision: 'Ditt beslut',
  decisionReason: 'Ditt skäl (krävs; särskilt om du avviker från förslaget)',
  record: 'Registrera beslutet',
  informOptions: {
    required: 'Ja, var och en (art. 34.1)',
    'not-required': 'Krävs inte: ingen hög risk',
    'exempt-34-3-a': 'Undantag: uppgifterna obegripliga (art. 34.3 a)',
    'exempt-34-3-b': 'Undantag: hög risk inte längre sannolik (art. 34.3 b)',
    'public-communication-34-3-c': 'Offentligt meddelande i stället (art. 34.3 c)',
  },
  checkTitle: 'Kontrollera ett brev eller mejl till de berörda',
  checkIntro: 'Klistra in utkastet. Kontrollen visar om det innehåller det som artikel 34.2 i GDPR kräver, och vad som saknas.',
  draft: 'Utkast',
  language: 'Utkastets språk',
  detect: 'Avgör själv',
  check: 'Kontrollera',
  complete: 'Utkastet har alla delar som artikel 34.2 kräver.',
  incomplete: 'Saknas:',
  present: 'finns',
  absent: 'saknas',
  clarity: 'Tydlighet',
  back: 'Tillbaka till organisationen',
  processors: 'Personuppgiftsbiträden',
  processorsIntro: 'Organisationer som behandlar personuppgifter åt er. Bara de kan skicka vidare en incident till er (art. 33.2 GDPR).',
  noProcessors: 'Inga angivna.',
  processorSlug: 'Biträdets identifierare på breachdesk',
  declare: 'Ange som vårt biträde',
  passOnTitle: 'Skicka vidare incidenten till de personuppgiftsansvariga ni arbetar för',
  passOnIntro: 'Varje ansvarig får en egen incident, kopplad till denna, och en egen 72-timmarsfrist från nu.',
  noControllers: 'Ingen organisation har ännu angett er som biträde.',
  passOn: 'Skicka vidare',
  publishTitle: 'Publicera i den offentliga katalogen',
  publishIntro:
    'Datum, antal, uppgifter, art och orsak kommer från incidenten; ni skriver de offentliga texterna och anger ert meddelande.',
  slug: 'Den offentliga postens identifierare (gemener, siffror, bindestreck)',
  sector: 'Bransch',
  descriptionEn: 'Offentlig beskrivning på engelska',
  descriptionFr: 'Offentlig beskrivning på franska',
  descriptionSv: 'Offentlig beskrivning på svenska',
  sourceUrl: 'Adress till ert offentliga meddelande (https://…)',
  sourceTitle: 'Rubrik på ert offentliga meddelande',
  publish: 'Publicera',
};

export const ADVICE_MESSAGES: Readonly<Record<Locale, AdviceMessages>> = { en, fr, sv };

const humanise = (code: string) => code.replace(/-/g, ' ');
const csrf = (session: SessionInfo | null) => (session ? html`<input type="hidden" name="_csrf" value="${session.csrfToken}" />` : '');

function select(id: string, label: string, options: readonly { value: string; label: string }[], selected: string): SafeHtml {
  return html`<div class="field">
    <label for="${id}">${label}</label>
    <select id="${id}" name="${id}">
      ${options.map((o) => html`<option value="${o.value}" ${o.value === selected ? html`selected` : ''}>${o.label}</option>`)}
    </select>
  </div>`;
}
const reasonField = (id: string, label: string) =>
  html`<div class="field"><label for="${id}">${label}</label><input id="${id}" name="${id}" type="text" required /></div>`;
const checkbox = (id: string, label: string) =>
  html`<div class="field choice"><input id="${id}" name="${id}" type="checkbox" value="on" /><label for="${id}">${label}</label></div>`;

/** The assessment form, prefilled with the DPC category proposed from the incident's data classes. */
export function renderAssessForm(
  ctx: PageContext,
  desk: DeskContext & { session: SessionInfo | null },
  incidentId: string,
  dpcCategory: string,
): SafeHtml {
  const m = ADVICE_MESSAGES[ctx.locale];
  const r = RISK_MESSAGES[ctx.locale];
  return html`<h2 id="assess">${m.assessTitle}</h2>
    <p class="hint">${m.assessIntro}</p>
    <form
      method="post"
      action="/console/${desk.organisation.slug}/incidents/${incidentId}/assess?lang=${ctx.locale}"
      class="check desk-form"
    >
      ${csrf(desk.session)}
      ${select(
        'dpcCategory',
        m.dpc,
        Object.keys(DPC_BASE).map((c) => ({ value: c, label: r.categories[c as keyof typeof r.categories] })),
        dpcCategory,
      )}
      ${reasonField('dpcReason', m.reason)}
      ${select(
        'ei',
        m.ei,
        Object.keys(EI_VALUES).map((e) => ({ value: e, label: r.eiLevels[e as keyof typeof r.eiLevels] })),
        'significant',
      )}
      ${reasonField('eiReason', m.reason)}
      ${select(
        'confidentiality',
        m.confidentiality,
        Object.keys(CONFIDENTIALITY_LOSS).map((c) => ({ value: c, label: humanise(c) })),
        'not-affected',
      )}
      ${select(
        'integrity',
        m.integrity,
        Object.keys(INTEGRITY_LOSS).map((c) => ({ value: c, label: humanise(c) })),
        'not-affected',
      )}
      ${select(
        'availability',
        m.availability,
        Object.keys(AVAILABILITY_LOSS).map((c) => ({ value: c, label: humanise(c) })),
        'not-affected',
      )}
      ${reasonField('cbReason', m.reason)} ${checkbox('malicious', m.malicious)}
      ${select(
        'consequences',
        m.consequences,
        CONSEQUENCE_SEVERITIES.map((c) => ({ value: c, label: r.consequences[c] })),
        'to-be-determined',
      )}
      ${checkbox('special', m.special)} ${checkbox('vulnerable', m.vulnerable)} ${checkbox('controllerCharacteristics', m.controller)}
      <div class="field"><label for="people">${m.people}</label><input id="people" name="people" type="number" min="0" step="1" /></div>
      ${select(
        'unintelligible',
        m.unintelligible,
        UNINTELLIGIBILITY.map((u) => ({ value: u, label: humanise(u) })),
        'no',
      )}
      ${checkbox('subsequent', m.subsequent)} ${checkbox('disproportionate', m.disproportionate)}
      <div class="field">
        <label for="measuresReason">${m.reason}</label><input id="measuresReason" name="measuresReason" type="text" />
      </div>
      <button type="submit">${m.propose}</button>
    </form>`;
}

/** The proposal with its reasons, and the form on which the person records the decision. */
export function renderProposalPage(
  ctx: PageContext,
  desk: DeskContext & { session: SessionInfo | null },
  incident: { id: string; title: string },
  result: { severity: SeverityResult; proposal: NotificationProposal },
  inputJson: string,
): string {
  const m = ADVICE_MESSAGES[ctx.locale];
  const r = RISK_MESSAGES[ctx.locale];
  const { severity, proposal } = result;
  return layout(
    ctx,
    m.result,
    html`<h1>${m.result} · ${incident.title}</h1>
      <p data-level="${severity.level}"><strong>${m.score}: ${String(severity.score)} (${r.levels[severity.level]})</strong></p>
      <ul class="factors">
        ${severity.factors.map((f) => html`<li>${f.factor}: ${String(f.value)} — ${f.reason}</li>`)}
      </ul>
      <p data-notify="${String(proposal.notifyAuthority)}">${m.notify}: <strong>${proposal.notifyAuthority ? m.yes : m.no}</strong></p>
      <p data-inform="${proposal.informIndividuals}">${m.inform}: <strong>${m.informOptions[proposal.informIndividuals]}</strong></p>
      <ol class="reasons">
        ${proposal.reasons.map((line) => html`<li data-reason="${line.code}">${line.text[ctx.locale]}</li>`)}
      </ol>
      <p class="hint">${proposal.disclaimer[ctx.locale]}</p>
      <h2>${m.decision}</h2>
      <form
        method="post"
        action="/console/${desk.organisation.slug}/incidents/${incident.id}/assess/decide?lang=${ctx.locale}"
        class="check desk-form"
      >
        ${csrf(desk.session)}<input type="hidden" name="input" value="${inputJson}" />
        ${select(
          'notifyAuthority',
          m.notify,
          [
            { value: 'true', label: m.yes },
            { value: 'false', label: m.no },
          ],
          String(proposal.notifyAuthority),
        )}
        ${select(
          'informIndividuals',
          m.inform,
          INFORM_INDIVIDUALS.map((i) => ({ value: i, label: m.informOptions[i] })),
          proposal.informIndividuals,
        )}
        <div class="field">
          <label for="decision-reason">${m.decisionReason}</label><textarea id="decision-reason" name="reason" rows="4" required></textarea>
        </div>
        <button type="submit">${m.record}</button>
      </form>
      <p><a href="${href(ctx, `/console/${desk.organisation.slug}/incidents/${incident.id}`)}">${incident.title}</a></p>`,
  );
}

export function renderCommunicationCheckPage(
  ctx: PageContext,
  desk: DeskContext & { session: SessionInfo | null },
  draft: string,
  report: CommunicationReport | null,
): string {
  const m = ADVICE_MESSAGES[ctx.locale];
  return layout(
    ctx,
    m.checkTitle,
    html`<h1>${m.checkTitle}</h1>
      <p>${m.checkIntro}</p>
      <form method="post" action="/console/${desk.organisation.slug}/communication-check?lang=${ctx.locale}" class="check desk-form">
        ${csrf(desk.session)}
        <div class="field">
          <label for="draft">${m.draft}</label><textarea id="draft" name="text" rows="14" required>${draft}</textarea>
        </div>
        ${select(
          'locale',
          m.language,
          [
            { value: '', label: m.detect },
            { value: 'en', label: 'English' },
            { value: 'fr', label: 'Français' },
            { value: 'sv', label: 'Svenska' },
          ],
          '',
        )}
        <button type="submit">${m.check}</button>
      </form>
      ${report ? renderCommunicationReport(ctx, report) : ''}
      <p><a href="${href(ctx, `/console/${desk.organisation.slug}`)}">${m.back}</a></p>`,
  );
}

/** A heading of rank 2 to 5, for sections that sit at different depths on different pages. */
function heading(level: 2 | 3 | 4 | 5, text: string, id?: string): SafeHtml {
  const attrs = id ? html` id="${id}"` : '';
  switch (level) {
    case 2:
      return html`<h2${attrs}>${text}</h2>`;
    case 3:
      return html`<h3${attrs}>${text}</h3>`;
    case 4:
      return html`<h4${attrs}>${text}</h4>`;
    case 5:
      return html`<h5${attrs}>${text}</h5>`;
  }
}

/**
 * The result of the Art. 34(2) check: each element present (with the words found) or missing (with what
 * to add), then the clarity findings. `id` names the heading (unique per page); `level` its rank.
 */
export function renderCommunicationReport(
  ctx: PageContext,
  report: CommunicationReport,
  options: { readonly id?: string; readonly level?: 2 | 3 | 4 } = {},
): SafeHtml {
  const m = ADVICE_MESSAGES[ctx.locale];
  const id = options.id ?? 'report-title';
  const level = options.level ?? 2;
  return html`<section class="report" aria-labelledby="${id}" data-complete="${String(report.complete)}">
    ${heading(level, report.complete ? m.complete : m.incomplete, id)}
    <ul class="elements">
      ${report.elements.map(
        (e) =>
          html`<li data-element="${e.code}" data-present="${String(e.present)}">
            <strong>${e.name}</strong> (${e.article}):
            ${e.present ? m.present : m.absent}${e.present ? html`<br /><q>${e.evidence[0]?.excerpt ?? ''}</q>` : html`<br />${e.missing ?? ''}`}
          </li>`,
      )}
    </ul>
    ${
      report.clarity.findings.length > 0
        ? html`${heading((level + 1) as 3 | 4 | 5, m.clarity)}
            <ul class="clarity">
              ${report.clarity.findings.map((f) => html`<li data-finding="${f.code}">${f.message}</li>`)}
            </ul>`
        : ''
    }
  </section>`;
}

/** The organisation page's processors section: who may pass incidents on to us, and declaring one (owners). */
export function renderProcessorsSection(
  ctx: PageContext,
  desk: DeskContext & { session: SessionInfo | null },
  processors: readonly ProcessorLink[],
): SafeHtml {
  const m = ADVICE_MESSAGES[ctx.locale];
  return html`<h2>${m.processors}</h2>
    <p class="hint">${m.processorsIntro}</p>
    ${
      processors.length === 0
        ? html`<p>${m.noProcessors}</p>`
        : html`<ul class="processors">
            ${processors.map((p) => html`<li data-processor="${p.slug}">${p.name} (${p.slug})</li>`)}
          </ul>`
    }
    ${
      can(desk.role, 'members.manage')
        ? html`<form method="post" action="/console/${desk.organisation.slug}/processors?lang=${ctx.locale}" class="check desk-form">
            ${csrf(desk.session)}
            <div class="field">
              <label for="processor-slug">${m.processorSlug}</label><input id="processor-slug" name="slug" type="text" required />
            </div>
            <button type="submit">${m.declare}</button>
          </form>`
        : ''
    }`;
}

/** On a processor's incident: pass it on to the controllers that declared this organisation. */
export function renderPassOnForm(
  ctx: PageContext,
  desk: DeskContext & { session: SessionInfo | null },
  incidentId: string,
  controllers: readonly ProcessorLink[],
): SafeHtml {
  const m = ADVICE_MESSAGES[ctx.locale];
  return html`<h2 id="pass-on">${m.passOnTitle}</h2>
    <p class="hint">${m.passOnIntro}</p>
    ${
      controllers.length === 0
        ? html`<p>${m.noControllers}</p>`
        : html`<form
            method="post"
            action="/console/${desk.organisation.slug}/incidents/${incidentId}/pass-on?lang=${ctx.locale}"
            class="check desk-form"
          >
            ${csrf(desk.session)}
            ${controllers.map(
              (c) =>
                html`<div class="field choice">
                  <input id="controller-${c.slug}" name="controllers" type="checkbox" value="${c.slug}" /><label for="controller-${c.slug}"
                    >${c.name}</label
                  >
                </div>`,
            )}
            <button type="submit">${m.passOn}</button>
          </form>`
    }`;
}

/** Publishing the incident's public catalogue entry: the organisation's own public texts and notice. */
export function renderPublishForm(ctx: PageContext, desk: DeskContext & { session: SessionInfo | null }, incidentId: string): SafeHtml {
  const m = ADVICE_MESSAGES[ctx.locale];
  const area = (id: string, label: string) =>
    html`<div class="field"><label for="${id}">${label}</label><textarea id="${id}" name="${id}" rows="3" required></textarea></div>`;
  return html`<h2 id="publish">${m.publishTitle}</h2>
    <p class="hint">${m.publishIntro}</p>
    <form
      method="post"
      action="/console/${desk.organisation.slug}/incidents/${incidentId}/publish?lang=${ctx.locale}"
      class="check desk-form"
    >
      ${csrf(desk.session)}
      <div class="field"><label for="publish-slug">${m.slug}</label><input id="publish-slug" name="slug" type="text" required /></div>
      ${select(
        'sector',
        m.sector,
        SECTORS.map((s) => ({ value: s, label: humanise(s) })),
        'other',
      )}
      ${area('descriptionEn', m.descriptionEn)} ${area('descriptionFr', m.descriptionFr)} ${area('descriptionSv', m.descriptionSv)}
      <div class="field"><label for="source-url">${m.sourceUrl}</label><input id="source-url" name="sourceUrl" type="url" required /></div>
      <div class="field">
        <label for="source-title">${m.sourceTitle}</label><input id="source-title" name="sourceTitle" type="text" required />
      </div>
      <button type="submit">${m.publish}</button>
    </form>`;
}
