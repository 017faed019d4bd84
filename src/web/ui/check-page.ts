import { DATA_CLASSES } from '../../modules/catalogue/index.js';
import type { Locale } from '../../platform/locale.js';
import { CHECK_MESSAGES, REASON_TEXT, type CheckMessages } from './check-messages.js';
import { html, SafeHtml } from './html.js';
import { href, layout, type PageContext } from './layout.js';

/** What the browser script reads from the page (a JSON data block; CSP allows no inline script). */
export interface CheckPageData {
  readonly locale: Locale;
  readonly apiBase: string;
  readonly bucketsBase: string | null;
  readonly m: CheckMessages;
  readonly reasons: Readonly<Record<string, string>>;
  readonly fieldLabels: Readonly<Record<string, string>>;
  readonly classLabels: Readonly<Record<string, string>>;
  /** Per breach: its title in the page's language (`titleLang` says which one it is in), page and country. */
  readonly breaches: Readonly<Record<string, { title: string; titleLang: string; href: string; country: string }>>;
  /** Whether this server offers alerts about future breaches (SMTP_URL set). */
  readonly alerts: boolean;
}

export const DEFAULT_PHONE_REGION: Readonly<Record<Locale, 'FR' | 'SE'>> = { en: 'FR', fr: 'FR', sv: 'SE' };

/**
 * "Am I affected?". The inputs have no `name` attribute on purpose: if the script does not run, submitting
 * the form sends nothing at all. The script (/static/check.js, src/web/client/check-page.ts) does the
 * look-up in the browser and writes the result into the live region.
 */
export function renderCheckPage(
  ctx: PageContext,
  options: { bucketsBase: string | null; breaches: CheckPageData['breaches']; alerts?: boolean },
): string {
  const m = CHECK_MESSAGES[ctx.locale];
  const data: CheckPageData = {
    locale: ctx.locale,
    apiBase: '',
    bucketsBase: options.bucketsBase,
    m,
    reasons: REASON_TEXT[ctx.locale],
    fieldLabels: { email: m.email, phone: m.phone, frNir: m.frNir, sePersonnummer: m.sePersonnummer, nameDob: m.nameDobTitle },
    classLabels: Object.fromEntries(DATA_CLASSES.map((c) => [c.code, c.labels[ctx.locale]])),
    breaches: options.breaches,
    alerts: options.alerts ?? false,
  };
  // JSON in a data block: `<` is escaped so no value can close the element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const region = DEFAULT_PHONE_REGION[ctx.locale];
  const field = (id: string, label: string, attrs: { type?: string; autocomplete?: string; hint?: string; inputmode?: string }) =>
    html`<div class="field">
      <label for="${id}">${label}</label>
      ${attrs.hint ? html`<p class="hint" id="${id}-hint">${attrs.hint}</p>` : ''}
      <input
        id="${id}"
        type="${attrs.type ?? 'text'}"
        autocomplete="${attrs.autocomplete ?? 'off'}"
        ${attrs.inputmode ? html`inputmode="${attrs.inputmode}"` : ''}
        ${attrs.hint ? html`aria-describedby="${id}-hint"` : ''}
        spellcheck="false"
      />
    </div>`;
  return layout(
    ctx,
    m.title,
    html`<h1>${m.title}</h1>
      <p class="lead">${m.intro}</p>
      <section class="privacy" aria-labelledby="how">
        <h2 id="how">${m.howTitle}</h2>
        <div class="columns">
          <div>
            <h3>${m.sentTitle}</h3>
            <ul>
              <li>${m.sent1}</li>
              <li>${m.sent2}</li>
              <li>${m.sent3}</li>
            </ul>
          </div>
          <div>
            <h3>${m.notSentTitle}</h3>
            <ul>
              <li>${m.notSent1}</li>
              <li>${m.notSent2}</li>
            </ul>
          </div>
        </div>
      </section>
      <noscript><p class="notice">${m.noScript}</p></noscript>
      <form id="check-form" class="check" novalidate>
        <h2>${m.formTitle}</h2>
        <p>${m.formHint}</p>
        ${field('email', m.email, { type: 'email', autocomplete: 'email' })}
        ${field('phone', m.phone, { type: 'tel', autocomplete: 'tel', hint: m.phoneHint })}
        <div class="field">
          <label for="phone-country">${m.phoneCountry}</label>
          <select id="phone-country">
            <option value="FR" ${region === 'FR' ? html`selected` : ''}>${m.countryFR}</option>
            <option value="SE" ${region === 'SE' ? html`selected` : ''}>${m.countrySE}</option>
          </select>
        </div>
        ${field('fr-nir', m.frNir, { hint: m.frNirHint, inputmode: 'numeric' })}
        ${field('se-personnummer', m.sePersonnummer, { hint: m.sePersonnummerHint, inputmode: 'numeric' })}
        <fieldset>
          <legend>${m.nameDobTitle}</legend>
          ${field('surname', m.surname, { autocomplete: 'family-name' })}
          ${field('given-name', m.givenName, { autocomplete: 'given-name' })}
          ${field('birth-date', m.birthDate, { type: 'date', autocomplete: 'bday' })}
        </fieldset>
        <button type="submit">${m.submit}</button>
      </form>
      <section id="check-result" class="result" aria-live="polite" aria-labelledby="result-title" hidden>
        <h2 id="result-title" tabindex="-1">${m.resultTitle}</h2>
        <div id="check-output"></div>
      </section>
      <p><a href="${href(ctx, '/')}">${ctx.m.backToList}</a></p>
      <script type="application/json" id="check-data">
        ${new SafeHtml(json)}
      </script>
      <script src="/static/check.js" defer></script>`,
  );
}
