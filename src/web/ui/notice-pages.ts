import {
  NOTICE_TEXTS,
  noticeCheckLink,
  noticeSections,
  type NoticePreview,
  type NoticeTextsInput,
  type PublicNoticeView,
  type PublishedEntry,
} from '../../modules/notices/index.js';
import type { DeskContext, SessionInfo } from '../../modules/organisations/index.js';
import { can } from '../../modules/organisations/index.js';
import type { FieldIssue } from '../../platform/errors.js';
import { LOCALES, type Locale } from '../../platform/locale.js';
import { format } from '../i18n.js';
import { errorSummary, fieldAria, fieldError, languageName, type FieldSpec } from './campaign-pages.js';
import { renderCommunicationReport } from './desk-advice-pages.js';
import { formatInstant, formatPartialDate } from './format.js';
import { html, type SafeHtml } from './html.js';
import { href, layout, type PageContext } from './layout.js';

/**
 * The public notice (GDPR Art. 34(3)(c)): its section on the incident's "Inform the people" page (check,
 * publish, withdraw) and the public page itself, /notices/{slug}, which anyone can read without signing in.
 */

type Desk = DeskContext & { session: SessionInfo | null };

interface NoticeMessages {
  readonly title: string;
  readonly intro: string;
  readonly noEntry: string;
  readonly published: string;
  readonly withdrawn: string;
  readonly notPublished: string;
  readonly read: string;
  readonly entry: string;
  readonly contact: string;
  readonly noContact: string;
  readonly consequences: string;
  readonly measures: string;
  readonly consequencesTitle: string;
  readonly measuresTitle: string;
  readonly textsHint: string;
  readonly check: string;
  readonly publish: string;
  readonly republish: string;
  readonly withdraw: string;
  readonly resultIn: string;
  readonly complete: string;
  readonly incomplete: string;
  readonly invalid: string;
  readonly readOnly: string;
  readonly publicLabel: string;
  readonly publishedOn: string;
  readonly catalogue: string;
  readonly notFoundTitle: string;
  readonly notFoundText: string;
}

const en: NoticeMessages = {
  title: 'Public notice (Art. 34(3)(c))',
  intro:
    'When informing each person would involve disproportionate effort, inform them by a public communication that is equally effective. The notice is made of the catalogue entry (what happened, the data concerned) and the incident’s contact point; you write the likely consequences and the measures in each language. It is published only when it passes the Art. 34(2) check in English, French and Swedish, and its text stays as published until you publish it again.',
  noEntry: 'Publish the incident’s catalogue entry first (on the incident page): the notice is published under it.',
  published: 'Published on {date}',
  withdrawn: 'Withdrawn on {date}',
  notPublished: 'No notice published yet.',
  read: 'Read the public notice',
  entry: 'Catalogue entry',
  contact: 'Contact point (from the incident; change it there)',
  noContact: 'The incident has no contact point yet: add one, with an e-mail address or a phone number, on the incident page.',
  consequences: 'Likely consequences, in {language}',
  measures: 'Measures taken or proposed, in {language}',
  consequencesTitle: 'Likely consequences',
  measuresTitle: 'Measures taken or proposed',
  textsHint: 'They start from the incident’s own words; write each language’s version.',
  check: 'Check the notice',
  publish: 'Publish the notice',
  republish: 'Publish again (replaces the public text)',
  withdraw: 'Withdraw the notice',
  resultIn: 'The notice in {language}',
  complete: 'The notice has what Art. 34(2) requires in every language.',
  incomplete: 'Not published: the notice lacks what Art. 34(2) requires in:',
  invalid: 'Not published. Fix these fields:',
  readOnly: 'Publishing or withdrawing the notice is for owners and data protection officers.',
  publicLabel: 'Public notice',
  publishedOn: 'Published on {date}.',
  catalogue: 'This breach in the catalogue',
  notFoundTitle: 'No public notice here',
  notFoundText: 'There is no public notice for this breach, or it was withdrawn.',
};

const fr: NoticeMessages = {
  title: 'Avis public (art. 34.3.c)',
  intro:
    'Lorsque informer chaque personne exigerait des efforts disproportionnés, informez-les par une communication publique d’une efficacité équivalente. L’avis reprend la fiche du catalogue (ce qui s’est passé, les données concernées) et le point de contact de la violation ; vous rédigez les conséquences possibles et les mesures dans chaque langue. Il n’est publié que s’il passe la vérification de l’art. 34.2 en anglais, en français et en suédois, et son texte reste tel que publié jusqu’à une nouvelle publication.',
  noEntry: 'Publiez d’abord la fiche du catalogue de la violation (sur la page de la violation) : l’avis est publié sous cette fiche.',
  published: 'Publié le {date}',
  withdrawn: 'Retiré le {date}',
  notPublished: 'Aucun avis publié pour l’instant.',
  read: 'Lire l’avis public',
  entry: 'Fiche du catalogue',
  contact: 'Point de contact (celui de la violation ; modifiez-le là)',
  noContact:
    'La violation n’a pas encore de point de contact : ajoutez-en un, avec une adresse e-mail ou un numéro de téléphone, sur la page de la violation.',
  consequences: 'Conséquences possibles, en {language}',
  measures: 'Mesures prises ou envisagées, en {language}',
  consequencesTitle: 'Conséquences possibles',
  measuresTitle: 'Mesures prises ou envisagées',
  textsHint: 'Elles partent des termes de la violation ; rédigez la version de chaque langue.',
  check: 'Vérifier l’avis',
  publish: 'Publier l’avis',
  republish: 'Publier à nouveau (remplace le texte public)',
  withdraw: 'Retirer l’avis',
  resultIn: 'L’avis en {language}',
  complete: 'L’avis contient ce qu’exige l’art. 34.2 dans chaque langue.',
  incomplete: 'Non publié : l’avis ne contient pas ce qu’exige l’art. 34.2 en :',
  invalid: 'Non publié. Corrigez ces champs :',
  readOnly: 'Publier ou retirer l’avis revient aux propriétaires et aux délégués à la protection des données.',
  publicLabel: 'Avis public',
  publishedOn: 'Publié le {date}.',
  catalogue: 'Cette fuite dans le catalogue',
  notFoundTitle: 'Aucun avis public ici',
  notFoundText: 'Il n’y a pas d’avis public pour cette fuite, ou il a été retiré.',
};

const sv: NoticeMessages = {
  title: 'Offentligt meddelande (artikel 34.3 c)',
  intro:
    'När det skulle innebära en oproportionerlig ansträngning att informera var och en, informera dem genom ett offentligt meddelande som är lika effektivt. Meddelandet består av katalogposten (vad som hände, de berörda uppgifterna) och incidentens kontaktpunkt; du skriver de troliga konsekvenserna och åtgärderna på varje språk. Det publiceras bara om det klarar kontrollen enligt artikel 34.2 på engelska, franska och svenska, och texten står kvar som publicerad tills du publicerar igen.',
  noEntry: 'Publicera först incidentens katalogpost (på incidentens sida): meddelandet publiceras under den.',
  published: 'Publicerat {date}',
  withdrawn: 'Tillbakadraget {date}',
  notPublished: 'Inget meddelande publicerat ännu.',
  read: 'Läs det offentliga meddelandet',
  entry: 'Katalogpost',
  contact: 'Kontaktpunkt (incidentens; ändra den där)',
  noContact: 'Incidenten har ingen kontaktpunkt ännu: lägg till en, med e-postadress eller telefonnummer, på incidentens sida.',
  consequences: 'Troliga konsekvenser, på {language}',
  measures: 'Vidtagna eller planerade åtgärder, på {language}',
  consequencesTitle: 'Troliga konsekvenser',
  measuresTitle: 'Vidtagna eller planerade åtgärder',
  textsHint: 'De utgår från incidentens egna ord; skriv versionen för varje språk.',
  check: 'Kontrollera meddelandet',
  publish: 'Publicera meddelandet',
  republish: 'Publicera igen (ersätter den offentliga texten)',
  withdraw: 'Dra tillbaka meddelandet',
  resultIn: 'Meddelandet på {language}',
  complete: 'Meddelandet innehåller det artikel 34.2 kräver på varje språk.',
  incomplete: 'Inte publicerat: meddelandet saknar det artikel 34.2 kräver på:',
  invalid: 'Inte publicerat. Rätta dessa fält:',
  readOnly: 'Att publicera eller dra tillbaka meddelandet är för ägare och dataskyddsombud.',
  publicLabel: 'Offentligt meddelande',
  publishedOn: 'Publicerat {date}.',
  catalogue: 'Incidenten i katalogen',
  notFoundTitle: 'Inget offentligt meddelande här',
  notFoundText: 'Det finns inget offentligt meddelande för den här incidenten, eller så har det dragits tillbaka.',
};

export const NOTICE_MESSAGES: Readonly<Record<Locale, NoticeMessages>> = { en, fr, sv };

const csrf = (session: SessionInfo | null) => (session ? html`<input type="hidden" name="_csrf" value="${session.csrfToken}" />` : '');

/** The notice form as sent (or as it starts: the incident's words, or the published notice's). */
export interface NoticeFormValues {
  readonly slug: string;
  readonly texts: NoticeTextsInput;
}

export interface NoticeSectionData {
  readonly incidentId: string;
  /** The catalogue entries published from this incident. */
  readonly entries: readonly PublishedEntry[];
  readonly notices: readonly PublicNoticeView[];
  readonly contact: string | null;
  readonly values: NoticeFormValues;
  /** After "check" or a refused publication: the check in each language. */
  readonly preview: NoticePreview | null;
  readonly issues: readonly FieldIssue[];
}

export function noticeFields(locale: Locale): FieldSpec[] {
  const m = NOTICE_MESSAGES[locale];
  return [
    { id: 'notice-entry', label: m.entry, paths: ['slug'] },
    ...(['consequences', 'measures'] as const).flatMap((part) =>
      LOCALES.map((l) => ({
        id: `notice-${part}-${l}`,
        label: format(m[part], { language: languageName(locale, l) }),
        paths: [`${part}.${l}`],
      })),
    ),
  ];
}

export function renderNoticeSection(ctx: PageContext, desk: Desk, data: NoticeSectionData): SafeHtml {
  const m = NOTICE_MESSAGES[ctx.locale];
  const base = `/console/${desk.organisation.slug}/incidents/${data.incidentId}/notice`;
  const fields = noticeFields(ctx.locale);
  const byId = (id: string) => fields.find((f) => f.id === id)!;
  const status =
    data.notices.length === 0
      ? html`<p data-notice="none">${m.notPublished}</p>`
      : html`<ul class="notices">
          ${data.notices.map(
            (n) =>
              html`<li data-notice="${n.slug}" data-withdrawn="${String(n.withdrawnAt !== null)}">
                <strong>${n.slug}</strong>:
                ${
                  n.withdrawnAt
                    ? format(m.withdrawn, { date: formatInstant(ctx.locale, n.withdrawnAt) })
                    : html`${format(m.published, { date: formatInstant(ctx.locale, n.publishedAt) })} ·
                        <a href="${href(ctx, `/notices/${n.slug}`)}">${m.read}</a>
                        ${
                          can(desk.role, 'incident.decide')
                            ? html`<form method="post" action="${base}/withdraw?lang=${ctx.locale}" class="inline">
                                ${csrf(desk.session)}<input type="hidden" name="slug" value="${n.slug}" />
                                <button type="submit" class="secondary">${m.withdraw}</button>
                              </form>`
                            : ''
                        }`
                }
              </li>`,
          )}
        </ul>`;
  const preview = data.preview;
  const results = preview
    ? html`<section class="notice-check" aria-labelledby="notice-check-title" data-complete="${String(preview.problems.length === 0)}">
        <h3 id="notice-check-title">${preview.problems.length === 0 ? m.complete : m.incomplete}</h3>
        ${
          preview.problems.length > 0
            ? html`<ul>
                ${preview.problems.map((p) => html`<li data-problem="${p.locale}">${languageName(ctx.locale, p.locale)}: ${p.missing.join(', ')}</li>`)}
              </ul>`
            : ''
        }
        ${LOCALES.map(
          (l) =>
            html`<div lang="${l}" data-locale="${l}">
              <h4>${format(m.resultIn, { language: languageName(ctx.locale, l) })}</h4>
              ${renderCommunicationReport(ctx, preview.reports[l], { id: `notice-report-${l}`, level: 4 })}
            </div>`,
        )}
      </section>`
    : '';
  const area = (part: 'consequences' | 'measures', l: Locale) => {
    const field = byId(`notice-${part}-${l}`);
    return html`<div class="field" lang="${l}">
      <label for="${field.id}">${field.label}</label>
      <textarea id="${field.id}" name="${part}.${l}" rows="4" ${fieldAria(data.issues, field, 'notice-texts-hint')}>
${data.values.texts[part][l]}</textarea>
      ${fieldError(data.issues, field)}
    </div>`;
  };
  const form =
    data.entries.length === 0
      ? html`<p>${m.noEntry}</p>`
      : !can(desk.role, 'incident.decide')
        ? html`<p>${m.readOnly}</p>`
        : html`${errorSummary(m.invalid, data.issues, fields)}
            <form method="post" action="${base}?lang=${ctx.locale}" class="check desk-form notice-form">
              ${csrf(desk.session)}
              <div class="field">
                <label for="notice-entry">${m.entry}</label>
                <select id="notice-entry" name="slug" ${fieldAria(data.issues, byId('notice-entry'))}>
                  ${data.entries.map(
                    (e) => html`<option value="${e.slug}" ${e.slug === data.values.slug ? html`selected` : ''}>${e.slug}</option>`,
                  )}
                </select>
                ${fieldError(data.issues, byId('notice-entry'))}
              </div>
              <p><strong>${m.contact}:</strong> ${data.contact ?? html`<span class="problem">${m.noContact}</span>`}</p>
              <p class="hint" id="notice-texts-hint">${m.textsHint}</p>
              <fieldset>
                <legend>${m.consequencesTitle}</legend>
                ${LOCALES.map((l) => area('consequences', l))}
              </fieldset>
              <fieldset>
                <legend>${m.measuresTitle}</legend>
                ${LOCALES.map((l) => area('measures', l))}
              </fieldset>
              <div class="actions">
                <button type="submit" name="intent" value="check" class="secondary">${m.check}</button>
                <button type="submit" name="intent" value="publish">
                  ${data.notices.some((n) => n.slug === data.values.slug && n.withdrawnAt === null) ? m.republish : m.publish}
                </button>
              </div>
            </form>`;
  return html`<h2 id="notice">${m.title}</h2>
    <p class="hint">${m.intro}</p>
    ${status} ${results} ${form}`;
}

/** The public page: the notice in the reader's language, with the private check of their own data. */
export function renderPublicNoticePage(ctx: PageContext, notice: PublicNoticeView): string {
  const m = NOTICE_MESSAGES[ctx.locale];
  const { content } = notice;
  const link = noticeCheckLink('', ctx.locale, content, notice.slug);
  const sections = noticeSections(content, ctx.locale, link, (d) => formatPartialDate(ctx.locale, d));
  const title = NOTICE_TEXTS[ctx.locale].title(content.organisation);
  return layout(
    ctx,
    title,
    html`<article class="public-notice" data-notice="${notice.slug}">
      <p class="lede">${m.publicLabel} · ${format(m.publishedOn, { date: formatInstant(ctx.locale, notice.publishedAt) })}</p>
      <h1>${title}</h1>
      ${sections.map(
        (s) =>
          html`<section aria-labelledby="notice-${s.code}" data-section="${s.code}">
            <h2 id="notice-${s.code}">${s.heading}</h2>
            ${s.paragraphs.map((p) => html`<p>${p}</p>`)} ${s.link ? html`<p><a href="${s.link.href}">${s.link.text}</a></p>` : ''}
          </section>`,
      )}
      <p><a href="${href(ctx, `/breaches/${notice.slug}`)}">${m.catalogue}: ${content.title}</a></p>
    </article>`,
  );
}

export function renderNoNoticePage(ctx: PageContext): string {
  const m = NOTICE_MESSAGES[ctx.locale];
  return layout(
    ctx,
    m.notFoundTitle,
    html`<h1>${m.notFoundTitle}</h1>
      <p>${m.notFoundText}</p>
      <p><a href="${href(ctx, '/')}">${ctx.m.backToList}</a></p>`,
  );
}
