import {
  BREACH_SORTS,
  breachTitle,
  CAUSE_ACTOR_LABELS,
  CAUSE_VECTOR_LABELS,
  DATA_CLASSES,
  ENISA_CATEGORIES,
  NATURE_LABELS,
  SECTOR_LABELS,
  SECTORS,
  findAuthority,
  findDataClass,
  type BreachPage,
  type BreachQuery,
  type BreachSort,
  type Breach,
  type BreachView,
  type EnisaCategory,
} from '../../modules/catalogue/index.js';
import type { Locale } from '../../platform/locale.js';
import { format, type Messages } from '../i18n.js';
import { countryName, formatCount, formatInstant, formatPartialDate } from './format.js';
import { html, type SafeHtml } from './html.js';
import { href, layout, type PageContext } from './layout.js';

export interface ListPageData {
  readonly page: BreachPage;
  readonly query: BreachQuery;
  readonly facets: { countries: string[]; sectors: string[] };
  readonly dataClassUsage: Map<string, number>;
}

const SORT_LABEL: Record<BreachSort, keyof Messages> = {
  date: 'sortDate',
  size: 'sortSize',
  added: 'sortAdded',
  title: 'sortTitle',
};

export function renderBreachList(ctx: PageContext, data: ListPageData): string {
  const { m, locale } = ctx;
  const { page, query } = data;
  const collator = collatorFor(locale);
  const usedClasses = DATA_CLASSES.filter((dc) => (data.dataClassUsage.get(dc.code) ?? 0) > 0).sort((a, b) =>
    collator.compare(a.labels[locale], b.labels[locale]),
  );
  const countries = [...data.facets.countries].sort((a, b) => collator.compare(countryName(locale, a), countryName(locale, b)));
  const sectors = SECTORS.filter((s) => data.facets.sectors.includes(s));

  const option = (value: string, label: string, selected: string | undefined) =>
    html`<option value="${value}" ${value === (selected ?? '') ? html`selected` : ''}>${label}</option>`;

  const filters = html` <form class="filters" method="get" action="/" role="search">
    <fieldset>
      <legend>${m.filters}</legend>
      <input type="hidden" name="lang" value="${locale}" />
      <div>
        <label for="f-text">${m.filterText}</label>
        <input type="search" id="f-text" name="text" value="${query.text ?? ''}" maxlength="100" />
      </div>
      <div>
        <label for="f-country">${m.filterCountry}</label>
        <select id="f-country" name="country">
          ${option('', m.filterAny, query.country)}${countries.map((c) => option(c, countryName(locale, c), query.country))}
        </select>
      </div>
      <div>
        <label for="f-sector">${m.filterSector}</label>
        <select id="f-sector" name="sector">
          ${option('', m.filterAny, query.sector)}${sectors.map((s) => option(s, SECTOR_LABELS[s][locale], query.sector))}
        </select>
      </div>
      <div>
        <label for="f-data">${m.filterDataClass}</label>
        <select id="f-data" name="dataClass">
          ${option('', m.filterAny, query.dataClass)}${usedClasses.map((dc) =>
            option(dc.code, `${dc.labels[locale]} (${data.dataClassUsage.get(dc.code) ?? 0})`, query.dataClass),
          )}
        </select>
      </div>
      <div>
        <label for="f-sort">${m.sortBy}</label>
        <select id="f-sort" name="sort">
          ${BREACH_SORTS.map((s) => option(s, m[SORT_LABEL[s]], query.sort))}
        </select>
      </div>
      <div>
        <label for="f-order">${m.order}</label>
        <select id="f-order" name="order">
          ${option('desc', m.orderDesc, query.order)}${option('asc', m.orderAsc, query.order)}
        </select>
      </div>
    </fieldset>
    <div class="actions"><button type="submit">${m.apply}</button> <a href="${href(ctx, '/')}">${m.reset}</a></div>
  </form>`;

  const countText = page.total === 1 ? m.resultsCountOne : format(m.resultsCount, { n: page.total });
  const rows = page.items.map(({ breach: b }) => {
    const date = b.dates.occurredFrom ?? b.dates.publicDisclosure ?? b.dates.awareness;
    return html`<tr>
      <th scope="row">
        <a href="${href(ctx, `/breaches/${b.slug}`)}">${titleIn(b, locale)}</a>
        <div class="org">${b.organisation.name} · ${SECTOR_LABELS[b.sector][locale]} ${flagBadges(m, b.flags)}</div>
      </th>
      <td data-label="${m.colCountry}">${countryName(locale, b.country)}</td>
      <td class="num" data-label="${m.colDate}">${date ? formatPartialDate(locale, date) : m.unknown}</td>
      <td class="num" data-label="${m.colPeople}">${formatCount(locale, m, b.peopleAffected)}</td>
      <td data-label="${m.colData}">
        <ul class="chips">
          ${b.dataClasses.map((code) => html`<li class="chip">${findDataClass(code)?.labels[locale] ?? code}</li>`)}
        </ul>
      </td>
    </tr>`;
  });

  const pages = Math.max(1, Math.ceil(page.total / query.limit));
  const current = Math.floor(query.offset / query.limit) + 1;
  const pageParams = (offset: number) => ({
    country: query.country,
    sector: query.sector,
    dataClass: query.dataClass,
    text: query.text,
    sort: query.sort,
    order: query.order,
    offset: String(offset),
  });
  const pager =
    pages > 1
      ? html`<nav class="pager" aria-label="${format(m.pageOf, { page: current, pages })}">
          ${current > 1 ? html`<a href="${href(ctx, '/', pageParams(query.offset - query.limit))}" rel="prev">${m.previous}</a>` : ''}
          <span>${format(m.pageOf, { page: current, pages })}</span>
          ${current < pages ? html`<a href="${href(ctx, '/', pageParams(query.offset + query.limit))}" rel="next">${m.next}</a>` : ''}
        </nav>`
      : '';

  const body = html` <h1>${m.listTitle}</h1>
    <p class="lede">${m.listIntro}</p>
    ${filters}
    <p role="status" id="results-count">${countText}</p>
    ${
      page.items.length === 0
        ? html`<p>${m.noResults}</p>`
        : html`<table>
            <caption>
              ${m.listTitle}: ${countText}
            </caption>
            <thead>
              <tr>
                <th scope="col">${m.colBreach}</th>
                <th scope="col">${m.colCountry}</th>
                <th scope="col">${m.colDate}</th>
                <th scope="col">${m.colPeople}</th>
                <th scope="col">${m.colData}</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
    }
    ${pager}`;
  return layout(ctx, m.listTitle, body);
}

// localeCompare(x, locale) builds a collator on every call: far too slow for sorting menus on each request.
const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale);
    collators.set(locale, c);
  }
  return c;
}

function flagBadges(m: Messages, flags: BreachView['breach']['flags']): SafeHtml {
  return html`${flags.verified ? html`<span class="badge ok">${m.verified}</span>` : html`<span class="badge warn">${m.unverified}</span>`}
  ${flags.fabricated ? html`<span class="badge bad">${m.fabricated}</span>` : ''}
  ${flags.sensitive ? html`<span class="badge warn">${m.sensitive}</span>` : ''}
  ${flags.retired ? html`<span class="badge bad">${m.retired}</span>` : ''}`;
}

const CATEGORY_LABEL: Record<EnisaCategory, keyof Messages> = {
  simple: 'categorySimple',
  behavioural: 'categoryBehavioural',
  financial: 'categoryFinancial',
  sensitive: 'categorySensitive',
};

/** The link to the organisation's public notice (GDPR Art. 34(3)(c)), when it published one. */
const NOTICE_LINK = {
  en: 'Read the organisation’s public notice to the people concerned: what happened and what to do',
  fr: 'Lire l’avis public de l’organisation aux personnes concernées : ce qui s’est passé et que faire',
  sv: 'Läs organisationens offentliga meddelande till de berörda: vad som hände och vad du bör göra',
} as const;

/** A title in the page's language, or the English one marked as English (WCAG 3.1.2, language of parts). */
function titleHtml(title: { readonly text: string; readonly lang: Locale }, locale: Locale): SafeHtml {
  return title.lang === locale ? html`${title.text}` : html`<span lang="${title.lang}">${title.text}</span>`;
}

const titleIn = (b: Pick<Breach, 'title' | 'titleTranslations'>, locale: Locale): SafeHtml => titleHtml(breachTitle(b, locale), locale);

export function renderBreachPage(
  ctx: PageContext,
  view: BreachView,
  relatedTitles: Map<string, { readonly text: string; readonly lang: Locale }>,
  hasNotice = false,
): string {
  const { m, locale } = ctx;
  const b = view.breach;
  const authority = b.authority ? findAuthority(b.authority.code) : undefined;

  const timeline: { label: string; date: string }[] = [];
  const d = b.dates;
  if (d.occurredFrom && d.occurredTo && d.occurredFrom === d.occurredTo) timeline.push({ label: m.occurred, date: d.occurredFrom });
  else {
    if (d.occurredFrom) timeline.push({ label: m.occurredFrom, date: d.occurredFrom });
    if (d.occurredTo) timeline.push({ label: m.occurredTo, date: d.occurredTo });
  }
  if (d.awareness) timeline.push({ label: m.awareness, date: d.awareness });
  if (d.authorityNotified) timeline.push({ label: m.authorityNotified, date: d.authorityNotified });
  if (d.publicDisclosure) timeline.push({ label: m.publicDisclosure, date: d.publicDisclosure });
  // Stable sort by date; equal partial dates keep the legal order above.
  timeline.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));

  const groups = ENISA_CATEGORIES.map((category) => ({
    category,
    classes: b.dataClasses.map((code) => findDataClass(code)).filter((dc) => dc?.enisa === category),
  })).filter((g) => g.classes.length > 0);

  const served = b.organisation.controllersServed;
  const facts = html` <dl class="facts">
    <dt>${m.organisation}</dt>
    <dd>
      ${b.organisation.name}${b.organisation.domain ? html` (${b.organisation.domain})` : ''}<br />
      <span class="org">${b.organisation.role === 'processor' ? m.roleProcessor : m.roleController}</span>
    </dd>
    ${
      served
        ? html`<dt>${m.controllersServed}</dt>
            <dd>
              ${served.count ? format(m.controllersServedCount, { n: served.count }) : ''}${
                served.names.length > 0 ? html`: ${served.names.join(', ')}` : ''
              }${served.description ? html`<br /><span class="org">${served.description[locale]}</span>` : ''}
            </dd>`
        : ''
    }
    <dt>${m.country}</dt>
    <dd>${countryName(locale, b.country)}</dd>
    <dt>${m.sector}</dt>
    <dd>${SECTOR_LABELS[b.sector][locale]}</dd>
    <dt>${m.peopleAffected}</dt>
    <dd>
      ${formatCount(locale, m, b.peopleAffected)}${
        b.peopleAffected.note ? html`<br /><span class="org">${b.peopleAffected.note[locale]}</span>` : ''
      }
    </dd>
    <dt>${m.recordsAffected}</dt>
    <dd>
      ${formatCount(locale, m, b.recordsAffected)}${
        b.recordsAffected.note ? html`<br /><span class="org">${b.recordsAffected.note[locale]}</span>` : ''
      }
    </dd>
    <dt>${m.nature}</dt>
    <dd>
      <ul class="chips">
        ${b.nature.map((n) => html`<li class="chip">${NATURE_LABELS[n][locale]}</li>`)}
      </ul>
    </dd>
    <dt>${m.cause}</dt>
    <dd>
      ${CAUSE_ACTOR_LABELS[b.cause.actor][locale]}:
      ${CAUSE_VECTOR_LABELS[b.cause.vector][locale]}${
        b.cause.details ? html`<br /><span class="org">${b.cause.details[locale]}</span>` : ''
      }
    </dd>
    ${
      b.disclosedTo.length > 0
        ? html`<dt>${m.disclosedTo}</dt>
            <dd>${b.disclosedTo.join(', ')}</dd>`
        : ''
    }
    ${
      authority
        ? html`<dt>${m.authority}</dt>
            <dd>
              <a href="${authority.url}">${authority.name}</a>${
                b.authority?.caseReference ? html`<br />${m.caseReference}: ${b.authority.caseReference}` : ''
              }
            </dd>`
        : ''
    }
    <dt>${m.status}</dt>
    <dd>${flagBadges(m, b.flags)}</dd>
  </dl>`;

  const body = html` <p><a href="${href(ctx, '/')}">← ${m.backToList}</a></p>
    <h1>${titleIn(b, locale)}</h1>
    <p class="lede">${b.organisation.name} · ${countryName(locale, b.country)}</p>
    ${hasNotice ? html`<p class="notice"><a href="${href(ctx, `/notices/${b.slug}`)}">${NOTICE_LINK[locale]}</a></p>` : ''}
    <section aria-labelledby="h-facts">
      <h2 id="h-facts">${m.factsHeading}</h2>
      ${facts}
    </section>
    <section aria-labelledby="h-leaked">
      <h2 id="h-leaked">${m.whatLeakedHeading}</h2>
      <p>${m.whatLeakedIntro}</p>
      <div class="leak-groups">
        ${groups.map(
          (g) =>
            html`<section>
              <h3>${m[CATEGORY_LABEL[g.category]]}</h3>
              <ul>
                ${g.classes.map((dc) => html`<li>${dc?.labels[locale] ?? ''}</li>`)}
              </ul>
            </section>`,
        )}
      </div>
    </section>
    <section aria-labelledby="h-timeline">
      <h2 id="h-timeline">${m.timelineHeading}</h2>
      ${
        timeline.length === 0
          ? html`<p>${m.noDates}</p>`
          : html`<ol class="timeline">
              ${timeline.map((t) => html`<li><strong>${formatPartialDate(locale, t.date)}</strong>: ${t.label}</li>`)}
            </ol>`
      }
    </section>
    <section aria-labelledby="h-desc">
      <h2 id="h-desc">${m.descriptionHeading}</h2>
      ${b.description[locale].split(/\n\s*\n/).map((p) => html`<p>${p}</p>`)}
    </section>
    ${
      view.related.length > 0
        ? html`<section aria-labelledby="h-related">
            <h2 id="h-related">${m.relatedHeading}</h2>
            <ul>
              ${view.related.map((slug) => {
                const title = relatedTitles.get(slug);
                return html`<li><a href="${href(ctx, `/breaches/${slug}`)}">${title ? titleHtml(title, locale) : slug}</a></li>`;
              })}
            </ul>
          </section>`
        : ''
    }
    <section aria-labelledby="h-sources">
      <h2 id="h-sources">${m.sourcesHeading}</h2>
      <ol>
        ${b.sources.map(
          (s) =>
            html`<li>
              <a href="${s.url}" rel="noopener noreferrer" ${s.language ? html`hreflang="${s.language}" lang="${s.language}"` : ''}
                >${s.title}</a
              >${s.publisher ? html`, ${s.publisher}` : ''}${s.published ? html`, ${formatPartialDate(locale, s.published)}` : ''}
            </li>`,
        )}
      </ol>
    </section>
    <p class="org">
      ${format(m.lastUpdated, { added: formatInstant(locale, b.addedAt), modified: formatInstant(locale, b.modifiedAt) })}
    </p>`;
  return layout(ctx, breachTitle(b, locale).text, body);
}

export function renderMessagePage(ctx: PageContext, title: string, text: string): string {
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1>
      <p>${text}</p>
      <p><a href="${href(ctx, '/')}">${ctx.m.backToList}</a></p>`,
  );
}
