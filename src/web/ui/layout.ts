import { LOCALES, type Locale } from '../../platform/locale.js';
import { LANGUAGE_NAMES, type Messages } from '../i18n.js';
import { html, type SafeHtml } from './html.js';

export interface PageContext {
  readonly locale: Locale;
  readonly m: Messages;
  /** Path and query of the current page without `lang`, for the language switcher. */
  readonly path: string;
  readonly query: URLSearchParams;
}

/** A link to `path` in the page's language. */
export function href(ctx: PageContext, path: string, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  q.set('lang', ctx.locale);
  return `${path}?${q.toString()}`;
}

function switchHref(ctx: PageContext, locale: Locale): string {
  const q = new URLSearchParams(ctx.query);
  q.set('lang', locale);
  return `${ctx.path}?${q.toString()}`;
}

/** `head`: more elements for the page's head (e.g. the refresh of a page that shows live figures). */
export function layout(ctx: PageContext, title: string, body: SafeHtml, options: { readonly head?: SafeHtml } = {}): string {
  const { m, locale } = ctx;
  return (
    '<!doctype html>\n' +
    html`<html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${m.siteName}</title>
        <meta name="description" content="${m.tagline}" />
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="alternate" type="application/atom+xml" title="${m.feedTitle}" href="/feeds/breaches.atom?lang=${locale}" />
        ${LOCALES.map((l) => html`<link rel="alternate" hreflang="${l}" href="${switchHref(ctx, l)}" /> `)} ${options.head ?? ''}
      </head>
      <body>
        <a class="skip" href="#main">${m.skipToContent}</a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="${href(ctx, '/')}">${m.siteName}</a>
            <nav aria-label="${m.siteName}">
              <ul>
                <li><a href="${href(ctx, '/')}">${m.navBreaches}</a></li>
                <li><a href="${href(ctx, '/check')}">${m.navCheck}</a></li>
                <li><a href="/api/docs">${m.navApi}</a></li>
                <li><a href="/feeds/breaches.atom?lang=${locale}">${m.navFeed}</a></li>
              </ul>
            </nav>
            <nav class="langs" aria-label="${m.language}">
              ${LOCALES.map(
                (l) =>
                  html`<a href="${switchHref(ctx, l)}" hreflang="${l}" lang="${l}" ${l === locale ? html`aria-current="true"` : ''}
                    >${LANGUAGE_NAMES[l]}</a
                  >`,
              )}
            </nav>
          </div>
        </header>
        <main id="main" tabindex="-1">${body}</main>
        <footer class="site"><p>${m.footer}</p></footer>
      </body>
    </html> `.value
  );
}
