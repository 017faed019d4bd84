/**
 * A local web shop that leaks its customers' data to "third parties", for the leak audit's tests (issue 8).
 *
 * One node:http server on 127.0.0.1 (port 0) serves every host by its Host header. Chromium reaches it
 * through `--host-resolver-rules` (LEAK_SITE_RESOLVER_RULES): every `*.test` name maps to the server's port
 * and anything else fails to resolve, so nothing leaves the machine while `www.facebook.test` still looks
 * like a third party to the page. URLs carry no port (`http://www.shop.test/`), so recordings are stable.
 *
 * - First party `www.shop.test`: a consent banner on `/` (Accept all / Reject all), a password login wall
 *   (`/login` → `sid` cookie → `/account`, `/account/activity`), a quote form (`/quote`) whose page counts
 *   real key events, a confirmation page whose URL carries the e-mail (`/confirm?email=…`), and a clean
 *   control page (`/clean`) that loads every tracker with no personal data.
 * - Trackers: each vendor's script is served from its own host and sends its hits in that vendor's wire
 *   format (reference §2): Meta `/tr` with `ud[…]`, `udff[…]`, `cd[…]`; GA4 `/g/collect` by sendBeacon;
 *   Google Ads `em=tv.1~em.…`; TikTok JSON events; Adobe `/b/ss/` `vN`/`cN`, also on a first-party CNAME-style
 *   host (`smetrics.shop.test`) that receives a cookie; LinkedIn; Microsoft UET and a gzip'd Clarity-style
 *   upload; Hotjar-style deflate upload and WebSocket frame.
 * - Consent: trackers load when the `consent` cookie is `all`, and, as a planted fault, also when there is no
 *   answer yet on every page but `/` ("no-choice" is tracked). `none` (Reject all) loads no tracker at all.
 *
 * LEAK_SITE_LEAKS is the ground truth: every place a persona value reaches a host other than www.shop.test.
 * Run `node --import tsx test/support/leak-site.ts record-har` to rewrite the HAR fixtures from it.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createLeakCrawler, launchAuditChromium, loadAuditConfigFile } from '../../src/adapters/leak-crawler.js';
import type { CrawlResult } from '../../src/modules/leak-audit/collect/index.js';
import type { CapturedRequest, ConsentState, FindingLocation, Persona, PersonaField } from '../../src/modules/leak-audit/model.js';
import { CHROMIUM_PATH } from './browser.js';

/** The site's one customer: Skatteverket's test personnummer 19121212-1212 (never assigned to a person). */
export const LEAK_SITE_PERSONA = {
  id: 'tolvan',
  label: 'Test customer with a Skatteverket test personnummer',
  region: 'SE',
  fields: {
    email: ['audit+7f3k9q@example.se'],
    phone: ['070-123 45 67'],
    'se-personnummer': ['19121212-1212'],
    'first-name': ['Idaaaa'],
    'last-name': ['Tolvanssonn'],
    postcode: ['114 51'],
    'customer-number': ['KN-7730291'],
    'policy-number': ['POL-55190374'],
    'sensitive-term': ['gravidförsäkring'],
  },
} as const satisfies Persona;

/** The test account's password (not persona data: it is typed with a literal `value`). */
export const LEAK_SITE_PASSWORD = 'korrekt-häst-batteri';

export const FIRST_PARTY_HOST = 'www.shop.test';
export const LEAK_SITE_ORIGIN = `http://${FIRST_PARTY_HOST}`;

/** Chromium flags for a browser that reaches this site: `*.test` → the server, every other name unresolvable. */
export function leakSiteChromiumArgs(port: number): string[] {
  return [`--host-resolver-rules=MAP *.test 127.0.0.1:${port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`];
}

export const LEAK_VENDORS = ['meta', 'google-analytics', 'google-ads', 'tiktok', 'adobe', 'linkedin', 'microsoft', 'hotjar'] as const;
export type LeakVendor = (typeof LEAK_VENDORS)[number];

/**
 * One planted leak. `chain` lists, innermost first, the steps that turn the persona value into what is on
 * the wire, and only the steps that change its bytes: `url` (percent-encoding; twice = double-encoded),
 * `lowercase`, `digits-only`, `phone-e164` (+46…), `sha256-hex`, `sha256-base64url` (unpadded), `base64`,
 * `gzip`, `deflate`. Being inside a JSON document or a form body is not a step; `where.param` names the slot
 * (a query or form parameter, or a dotted JSON path).
 */
export interface PlantedLeak {
  readonly id: string;
  /** The first-party page (path, no query) whose load or script sent it. */
  readonly page: string;
  readonly field: PersonaField;
  readonly value: string;
  readonly vendor: LeakVendor;
  /** The receiving host. */
  readonly host: string;
  readonly chain: readonly string[];
  readonly where: FindingLocation;
  /** The states it happens in: never `reject-all`. */
  readonly consent: readonly ConsentState[];
}

/** The pages with planted leaks, and the control page that must yield no finding. */
export const LEAK_SITE_PAGES = {
  home: '/',
  login: '/login',
  account: '/account',
  activity: '/account/activity',
  quote: '/quote',
  confirm: '/confirm',
  clean: '/clean',
} as const;

const TRACKED: readonly ConsentState[] = ['accept-all', 'no-choice'];
const p = LEAK_SITE_PERSONA.fields;
const EMAIL = p.email[0];
const PHONE_E164 = '+46701234567';
const PNR_DIGITS = '191212121212';

function leak(
  id: string,
  page: string,
  field: PersonaField,
  vendor: LeakVendor,
  host: string,
  chain: readonly string[],
  where: FindingLocation,
): PlantedLeak {
  const value = (LEAK_SITE_PERSONA.fields as Partial<Record<PersonaField, readonly string[]>>)[field]?.[0];
  if (value === undefined) throw new Error(`the persona has no ${field}`);
  return { id, page, field, value, vendor, host, chain, where, consent: TRACKED };
}

const base64Then = (json: string): string[] => {
  const b64 = Buffer.from(json).toString('base64');
  return encodeURIComponent(b64) === b64 ? ['base64'] : ['base64', 'url'];
};

/** JSON the TikTok act pixel base64-encodes on /account/activity; exported so the chain above is exact. */
const TIKTOK_ACT_JSON = JSON.stringify({ event: 'ViewContent', user: { email: EMAIL } });

export const LEAK_SITE_LEAKS: readonly PlantedLeak[] = [
  // /quote: Meta automatic advanced matching when the e-mail field changes, then the Lead event by POST.
  leak('quote-meta-ud-em', '/quote', 'email', 'meta', 'www.facebook.test', ['sha256-hex'], { part: 'url', param: 'ud[em]' }),
  leak('quote-meta-ud-ph', '/quote', 'phone', 'meta', 'www.facebook.test', ['phone-e164', 'digits-only', 'sha256-hex'], {
    part: 'body',
    param: 'ud[ph]',
  }),
  leak('quote-meta-udff-fn', '/quote', 'first-name', 'meta', 'www.facebook.test', ['lowercase', 'sha256-hex'], {
    part: 'body',
    param: 'udff[fn]',
  }),
  leak('quote-meta-cd', '/quote', 'sensitive-term', 'meta', 'www.facebook.test', ['url'], { part: 'body', param: 'cd[content_name]' }),
  // /quote: TikTok identify + SubmitForm, a JSON body.
  leak('quote-tiktok-email', '/quote', 'email', 'tiktok', 'analytics.tiktok.test', ['sha256-hex'], {
    part: 'body',
    param: 'context.user.email',
  }),
  leak('quote-tiktok-phone', '/quote', 'phone', 'tiktok', 'analytics.tiktok.test', ['phone-e164', 'sha256-hex'], {
    part: 'body',
    param: 'context.user.phone_number',
  }),
  leak('quote-tiktok-term', '/quote', 'sensitive-term', 'tiktok', 'analytics.tiktok.test', [], {
    part: 'body',
    param: 'properties.content_name',
  }),
  // /confirm?email=…&product=…: the page URL itself, in Meta's dl (encoded once more) and in every Referer.
  leak('confirm-meta-dl-email', '/confirm', 'email', 'meta', 'www.facebook.test', ['url', 'url'], { part: 'url', param: 'dl' }),
  leak('confirm-meta-dl-term', '/confirm', 'sensitive-term', 'meta', 'www.facebook.test', ['url', 'url'], { part: 'url', param: 'dl' }),
  ...(['connect.facebook.test', 'www.facebook.test', 'www.googletagmanager.test', 'www.googleadservices.test'] as const).flatMap((host) => {
    const vendor: LeakVendor = host.includes('facebook') ? 'meta' : 'google-ads';
    return [
      leak(`confirm-referer-email-${host}`, '/confirm', 'email', vendor, host, ['url'], { part: 'header', name: 'referer' }),
      leak(`confirm-referer-term-${host}`, '/confirm', 'sensitive-term', vendor, host, ['url'], { part: 'header', name: 'referer' }),
    ];
  }),
  // /confirm: Google Ads enhanced conversions read the e-mail and phone from the page.
  leak('confirm-ads-em', '/confirm', 'email', 'google-ads', 'www.googleadservices.test', ['sha256-base64url'], {
    part: 'url',
    param: 'em',
  }),
  // /account (logged in; values the server knows): GA4 by sendBeacon, Adobe eVar/prop, UET title, LinkedIn.
  leak('account-ga4-uid', '/account', 'customer-number', 'google-analytics', 'www.google-analytics.test', [], {
    part: 'url',
    param: 'uid',
  }),
  leak('account-ga4-email', '/account', 'email', 'google-analytics', 'www.google-analytics.test', ['url'], {
    part: 'url',
    param: 'ep.customer_email',
  }),
  leak('account-ga4-pnr', '/account', 'se-personnummer', 'google-analytics', 'www.google-analytics.test', ['digits-only'], {
    part: 'url',
    param: 'up.personnummer',
  }),
  leak('account-ga4-policy', '/account', 'policy-number', 'google-analytics', 'www.google-analytics.test', [], {
    part: 'body',
    param: 'ep.policy_number',
  }),
  leak('account-adobe-v1', '/account', 'customer-number', 'adobe', 'metrics.adobe.test', [], { part: 'url', param: 'v1' }),
  leak('account-adobe-c1', '/account', 'policy-number', 'adobe', 'metrics.adobe.test', [], { part: 'url', param: 'c1' }),
  leak('account-adobe-cname-cookie', '/account', 'email', 'adobe', 'smetrics.shop.test', ['base64'], { part: 'cookie', name: 'crm_email' }),
  leak('account-uet-tl-first', '/account', 'first-name', 'microsoft', 'bat.bing.test', [], { part: 'url', param: 'tl' }),
  leak('account-uet-tl-last', '/account', 'last-name', 'microsoft', 'bat.bing.test', [], { part: 'url', param: 'tl' }),
  leak('account-linkedin-email', '/account', 'email', 'linkedin', 'px.ads.linkedin.test', ['sha256-hex'], {
    part: 'url',
    param: 'email_sha256',
  }),
  // /account/activity: encoded uploads.
  leak('activity-clarity-gzip', '/account/activity', 'email', 'microsoft', 'www.clarity.test', ['gzip'], { part: 'body' }),
  leak('activity-hotjar-deflate', '/account/activity', 'customer-number', 'hotjar', 'in.hotjar.test', ['deflate'], {
    part: 'body',
    param: 'user_id',
  }),
  leak('activity-tiktok-base64-json', '/account/activity', 'email', 'tiktok', 'analytics.tiktok.test', base64Then(TIKTOK_ACT_JSON), {
    part: 'url',
    param: 'd',
  }),
  leak('activity-hotjar-ws-email', '/account/activity', 'email', 'hotjar', 'ws.hotjar.test', [], {
    part: 'websocket',
    param: 'attributes.email',
  }),
  leak('activity-hotjar-ws-phone', '/account/activity', 'phone', 'hotjar', 'ws.hotjar.test', ['phone-e164'], {
    part: 'websocket',
    param: 'attributes.phone',
  }),
];

/** What the server saw: every HTTP request (with its body) and every WebSocket frame the browser sent. */
export interface SiteRequest {
  readonly host: string;
  readonly method: string;
  /** Path and query as sent. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** One submission of the quote form, with the key events the page counted per field (trusted events only). */
export interface QuoteSubmission {
  readonly fields: Readonly<Record<string, string>>;
  readonly typing: Readonly<Record<string, { readonly keydown: number; readonly input: number }>>;
}

export interface LeakSite {
  readonly port: number;
  /** http://www.shop.test */
  readonly origin: string;
  readonly requests: SiteRequest[];
  readonly websocketFrames: { readonly host: string; readonly path: string; readonly text: string }[];
  readonly quoteSubmissions: QuoteSubmission[];
  readonly logins: { readonly ok: boolean }[];
  close(): Promise<void>;
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export async function startLeakSite(): Promise<LeakSite> {
  const requests: SiteRequest[] = [];
  const websocketFrames: { host: string; path: string; text: string }[] = [];
  const quoteSubmissions: QuoteSubmission[] = [];
  const logins: { ok: boolean }[] = [];
  const sessions = new Set<string>();
  let sessionCounter = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const path = req.url ?? '/';
      if (path !== '/favicon.ico' && req.method !== 'OPTIONS')
        requests.push({ host, method: req.method ?? 'GET', path, headers: req.headers, body });
      try {
        route(host, req, res, body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      }
    });
  });

  function route(host: string, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? '/', `http://${host}`);
    res.setHeader('cache-control', 'no-store');
    if (req.method === 'OPTIONS') {
      res
        .writeHead(204, {
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type',
          'access-control-allow-credentials': 'true',
        })
        .end();
      return;
    }
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (host === FIRST_PARTY_HOST) return firstParty(req, res, url, body);
    const script = VENDOR_SCRIPTS[`${host}${url.pathname}`];
    if (script !== undefined) return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    if (req.method === 'GET' && /\/(tr|collect|conversion|b\/ss|action|act)\b/.test(url.pathname)) {
      return void res.writeHead(200, { 'content-type': 'image/gif' }).end(GIF);
    }
    if (req.method === 'POST') {
      return void res
        .writeHead(204, { 'access-control-allow-origin': req.headers.origin ?? '*', 'access-control-allow-credentials': 'true' })
        .end();
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }

  function cookiesOf(req: IncomingMessage): Map<string, string> {
    const out = new Map<string, string>();
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    return out;
  }

  function firstParty(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const cookies = cookiesOf(req);
    const consent = cookies.get('consent');
    const loggedIn = sessions.has(cookies.get('sid') ?? '');
    const html = (status: number, content: string): void =>
      void res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(content);
    const redirect = (location: string, headers: Record<string, string | string[]> = {}): void =>
      void res.writeHead(303, { location, ...headers }).end();
    // The planted consent fault: no answer counts as yes everywhere but the page that asks.
    const tracking = consent === 'all' || (consent === undefined && url.pathname !== '/');
    const page = (title: string, main: string, trackers: string, head = ''): string =>
      pageHtml({
        title,
        main,
        head,
        banner: consent === undefined,
        trackers: tracking ? trackers : '',
        homeTrackers: url.pathname === '/',
      });

    if (url.pathname.startsWith('/account') && !loggedIn) return redirect(`/login?next=${encodeURIComponent(url.pathname)}`);
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /':
        return html(200, page('Shop försäkringar', HOME_MAIN, HOME_TRACKERS));
      case 'GET /clean':
        return html(200, page('Om oss', '<h1>Om oss</h1><p>Vi säljer försäkringar.</p>', CLEAN_TRACKERS));
      case 'GET /login':
        return html(200, page('Logga in', LOGIN_MAIN, ''));
      case 'POST /login': {
        const form = new URLSearchParams(body.toString('utf8'));
        const ok = form.get('email') === EMAIL && form.get('password') === LEAK_SITE_PASSWORD;
        logins.push({ ok });
        if (!ok) return html(401, page('Logga in', `<p role="alert">Fel e-post eller lösenord.</p>${LOGIN_MAIN}`, ''));
        const sid = `s${++sessionCounter}`;
        sessions.add(sid);
        return redirect('/account', {
          'set-cookie': [
            `sid=${sid}; Path=/; HttpOnly; SameSite=Lax`,
            // A CRM cookie on the whole domain: it also goes to the Adobe collector behind smetrics.shop.test.
            `crm_email=${Buffer.from(EMAIL).toString('base64')}; Domain=shop.test; Path=/; SameSite=Lax`,
          ],
        });
      }
      case 'POST /logout':
        sessions.delete(cookies.get('sid') ?? '');
        return redirect('/', { 'set-cookie': 'sid=; Path=/; Max-Age=0' });
      case 'GET /account':
        return html(200, page(`Mina sidor – ${p['first-name'][0]} ${p['last-name'][0]}`, ACCOUNT_MAIN, ACCOUNT_TRACKERS));
      case 'GET /account/activity':
        return html(200, page('Aktivitet', '<h1>Aktivitet</h1><p id="done">Inga nya händelser.</p>', ACTIVITY_TRACKERS));
      case 'GET /quote':
        return html(200, page('Begär offert', QUOTE_MAIN, QUOTE_TRACKERS));
      case 'POST /quote': {
        const form = new URLSearchParams(body.toString('utf8'));
        const fields: Record<string, string> = {};
        for (const [name, value] of form) if (name !== 'typing') fields[name] = value;
        quoteSubmissions.push({ fields, typing: JSON.parse(form.get('typing') ?? '{}') as QuoteSubmission['typing'] });
        // The URL design fault: the confirmation page's address carries the e-mail and the product.
        const query = new URLSearchParams({ email: fields['email'] ?? '', product: fields['product'] ?? '' });
        return redirect(`/confirm?${query.toString()}`);
      }
      case 'GET /confirm':
        return html(200, page('Tack!', '<h1>Tack för din förfrågan</h1><p id="done">Vi återkommer.</p>', CONFIRM_TRACKERS, REFERRER_META));
      default:
        return html(404, page('Hittades inte', '<h1>Sidan finns inte</h1>', ''));
    }
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const key = req.headers['sec-websocket-key'];
    if (host !== 'ws.hotjar.test' || typeof key !== 'string') return void socket.destroy();
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const frame = readClientFrame(buffered);
        if (!frame) break;
        buffered = buffered.subarray(frame.length);
        if (frame.opcode === 0x1) websocketFrames.push({ host, path: req.url ?? '/', text: frame.payload.toString('utf8') });
        if (frame.opcode === 0x8) return void socket.end(Buffer.from([0x88, 0x00]));
      }
    });
    socket.on('error', () => socket.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: LEAK_SITE_ORIGIN,
    requests,
    websocketFrames,
    quoteSubmissions,
    logins,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** One masked client frame (RFC 6455 §5.2), or null when more bytes are needed. */
function readClientFrame(buffer: Buffer): { opcode: number; payload: Buffer; length: number } | null {
  if (buffer.length < 2) return null;
  const opcode = buffer[0]! & 0x0f;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (buffer[1]! & 0x80) !== 0;
  const mask = masked ? buffer.subarray(offset, offset + 4) : null;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return null;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
  return { opcode, payload, length: offset + length };
}

// ---------------------------------------------------------------------------------------------------------
// Pages. Inline scripts are the "site's tag configuration"; the vendor scripts below send the hits.

const REFERRER_META = '<meta name="referrer" content="no-referrer-when-downgrade">';

function pageHtml(opts: { title: string; main: string; head: string; banner: boolean; trackers: string; homeTrackers: boolean }): string {
  const banner = opts.banner
    ? `<div id="consent" role="dialog" aria-label="Kakor">
  <p>Vi och våra partner använder kakor.</p>
  <button type="button" id="accept">Godkänn alla</button> <button type="button" id="reject">Avvisa alla</button>
</div>
<script>
  document.getElementById('accept').addEventListener('click', () => {
    document.cookie = 'consent=all; Path=/; SameSite=Lax';
    document.getElementById('consent').remove();
    ${opts.homeTrackers ? 'loadHomeTrackers();' : ''}
  });
  document.getElementById('reject').addEventListener('click', () => {
    document.cookie = 'consent=none; Path=/; SameSite=Lax';
    document.getElementById('consent').remove();
  });
  function loadHomeTrackers() {
    const s = document.createElement('script');
    s.src = 'http://connect.facebook.test/en_US/fbevents.js';
    s.onload = () => fbq('track', 'PageView');
    document.head.append(s);
  }
</script>`
    : '';
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(opts.title)}</title>${opts.head}</head>
<body>
${banner}
<nav><a href="/">Hem</a> <a href="/quote">Offert</a> <a href="/account">Mina sidor</a> <a href="/clean">Om oss</a></nav>
<main>${opts.main}</main>
${opts.trackers}
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

const HOME_MAIN = '<h1>Shop försäkringar</h1><p>Välkommen.</p>';
const HOME_TRACKERS = `<script src="http://connect.facebook.test/en_US/fbevents.js"></script><script>fbq('track', 'PageView');</script>`;

const LOGIN_MAIN = `<h1>Logga in</h1>
<form method="post" action="/login">
  <label>E-post <input name="email" type="email" autocomplete="username"></label>
  <label>Lösenord <input name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">Logga in</button>
</form>`;

const ACCOUNT_MAIN = `<h1>Mina sidor</h1>
<p>Inloggad som ${escapeHtml(`${p['first-name'][0]} ${p['last-name'][0]}`)}. Kundnummer ${p['customer-number'][0]}.</p>
<p id="done">Dina försäkringar visas här.</p>`;

const QUOTE_MAIN = `<h1>Begär offert</h1>
<form id="quote" method="post" action="/quote">
  <label>E-post <input name="email" type="email" autocomplete="email"></label>
  <label>Telefon <input name="phone" type="tel" autocomplete="tel"></label>
  <label>Personnummer <input name="personnummer" inputmode="numeric"></label>
  <label>Förnamn <input name="firstName" autocomplete="given-name"></label>
  <label>Efternamn <input name="lastName" autocomplete="family-name"></label>
  <label>Postnummer <input name="postcode" autocomplete="postal-code"></label>
  <label>Försäkring <select name="product">
    <option value="hemförsäkring">Hemförsäkring</option>
    <option value="${p['sensitive-term'][0]}">Gravidförsäkring</option>
    <option value="bilförsäkring">Bilförsäkring</option>
  </select></label>
  <input type="hidden" name="typing">
  <button type="submit">Skicka</button>
</form>
<script>
  // Counts trusted key events per field, so the test can tell real typing from a value set by script.
  const typing = {};
  for (const input of document.querySelectorAll('#quote input:not([type=hidden])')) {
    typing[input.name] = { keydown: 0, input: 0 };
    input.addEventListener('keydown', (e) => { if (e.isTrusted) typing[input.name].keydown++; });
    input.addEventListener('input', (e) => {
      if (e.isTrusted) typing[input.name].input++;
      document.querySelector('#quote [name=typing]').value = JSON.stringify(typing);
    });
  }
</script>`;

const FB = `<script src="http://connect.facebook.test/en_US/fbevents.js"></script>`;
const GTAG = `<script src="http://www.googletagmanager.test/gtag/js?id=G-SHOPTEST"></script>`;
const TIKTOK = `<script src="http://analytics.tiktok.test/i18n/pixel/events.js"></script>`;
const ADOBE = `<script src="http://assets.adobedtm.test/launch/AppMeasurement.js"></script>`;
const LINKEDIN = `<script src="http://snap.licdn.test/li.lms-analytics/insight.min.js"></script>`;
const UET = `<script src="http://bat.bing.test/bat.js"></script>`;
const CLARITY = `<script src="http://www.clarity.test/tag/shoptest"></script>`;
const HOTJAR = `<script src="http://static.hotjar.test/c/hotjar.js"></script>`;

/** Every tracker the site has, each sending one hit with nothing personal: the control page. */
const CLEAN_TRACKERS = `${FB}${GTAG}${TIKTOK}${ADOBE}${LINKEDIN}${UET}${CLARITY}${HOTJAR}
<script>
  fbq('track', 'PageView');
  gtag('ga4', { en: 'page_view' }, ['en=scroll&epn.percent=90']);
  gtag('ads', {});
  ttq.track('ViewContent', { content_name: 'om-oss' }, {});
  ttq.act({ event: 'ViewContent' });
  s.t('metrics.adobe.test', { pageName: 'om-oss', v1: 'anonymous' });
  s.t('smetrics.shop.test', { pageName: 'om-oss' });
  lintrk('track', {});
  uetq.push('pageLoad');
  clarity.upload({ events: [{ kind: 'text', value: document.title }] }).then(() => {
    hj.upload({ user_id: null, page: 'om-oss' });
    hj.identify({ page: 'om-oss' });
    document.body.insertAdjacentHTML('beforeend', '<p id="done">klar</p>');
  });
</script>`;

const QUOTE_TRACKERS = `${FB}${TIKTOK}
<script>
  fbq('track', 'PageView');
  const form = document.getElementById('quote');
  // Automatic advanced matching, as an employee switched it on: the e-mail leaves when the field changes.
  form.elements.email.addEventListener('change', () => fbq('track', 'PageView', {}, { ud: { em: form.elements.email.value } }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const product = form.elements.product.value;
    await Promise.all([
      fbq('track', 'Lead', { content_name: product }, { method: 'POST', ud: { ph: form.elements.phone.value }, udff: { fn: form.elements.firstName.value } }),
      ttq.track('SubmitForm', { content_name: product }, { email: form.elements.email.value, phone_number: form.elements.phone.value }),
    ]);
    form.submit();
  });
</script>`;

const CONFIRM_TRACKERS = `${FB}${GTAG}
<script>
  fbq('track', 'PageView');
  // Enhanced conversions fed from the page's own URL.
  gtag('ads', { em: new URLSearchParams(location.search).get('email') });
</script>`;

const ACCOUNT_TRACKERS = `${GTAG}${ADOBE}${LINKEDIN}${UET}
<script>
  const customer = ${JSON.stringify({
    email: EMAIL,
    customerNumber: p['customer-number'][0],
    pnr: PNR_DIGITS,
    policy: p['policy-number'][0],
  })};
  gtag('ga4', { uid: customer.customerNumber, en: 'page_view', 'ep.customer_email': customer.email, 'up.personnummer': customer.pnr },
    ['en=view_policy&ep.policy_number=' + encodeURIComponent(customer.policy)]);
  s.t('metrics.adobe.test', { pageName: 'mina-sidor', v1: customer.customerNumber, c1: customer.policy });
  s.t('smetrics.shop.test', { pageName: 'mina-sidor' });
  lintrk('track', { email: customer.email });
  uetq.push('pageLoad');
</script>`;

const ACTIVITY_TRACKERS = `${TIKTOK}${CLARITY}${HOTJAR}
<script>
  const customer = ${JSON.stringify({ email: EMAIL, customerNumber: p['customer-number'][0], phone: PHONE_E164 })};
  ttq.act(${TIKTOK_ACT_JSON});
  Promise.all([
    clarity.upload({ events: [{ kind: 'text', value: customer.email }] }),
    hj.upload({ user_id: customer.customerNumber }),
  ]).then(() => hj.identify({ attributes: { email: customer.email, phone: customer.phone } }));
</script>`;

// ---------------------------------------------------------------------------------------------------------
// Vendor scripts, served from the vendors' hosts so the initiator of each hit is the vendor's script.

/** SHA-256 of a string's UTF-8 bytes, for pages that are not a secure context (no crypto.subtle on http). */
const SHA256_JS = `
function sha256Bytes(text) {
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  const K = [], H = [];
  for (let c = 2, n = 0; n < 64; c++) {
    let prime = true;
    for (let d = 2; d * d <= c; d++) if (c % d === 0) { prime = false; break; }
    if (!prime) continue;
    if (n < 8) H[n] = (Math.pow(c, 1 / 2) * 4294967296) | 0;
    K[n++] = (Math.pow(c, 1 / 3) * 4294967296) | 0;
  }
  const bytes = new TextEncoder().encode(text);
  const size = ((bytes.length + 9 + 63) >> 6) << 6;
  const m = new Uint8Array(size);
  m.set(bytes);
  m[bytes.length] = 0x80;
  const view = new DataView(m.buffer);
  view.setUint32(size - 4, bytes.length * 8);
  const w = new Array(64);
  for (let o = 0; o < size; o += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(o + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, h] = H;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
    H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, H[i]);
  return out;
}
const sha256Hex = (text) => Array.from(sha256Bytes(text), (b) => b.toString(16).padStart(2, '0')).join('');
const sha256B64url = (text) => btoa(String.fromCharCode(...sha256Bytes(text))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
const e164 = (phone) => { const d = String(phone).replace(/\\D/g, ''); return '+' + (d.startsWith('0') ? '46' + d.slice(1) : d); };
const pixel = (url) => new Promise((resolve) => { const img = new Image(); img.onload = img.onerror = () => resolve(); img.src = url; });
async function compress(format, value) {
  const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
`;

const VENDOR_SCRIPTS: Readonly<Record<string, string>> = {
  // Meta Pixel: ud[...] hashed as Meta's rules say (trim+lower; phone digits with country code), GET or POST.
  'connect.facebook.test/en_US/fbevents.js': `(() => {${SHA256_JS}
  const norm = (key, value) => {
    const v = String(value).trim().toLowerCase();
    return key === 'ph' ? e164(v).slice(1) : v;
  };
  window.fbq = (command, event, custom = {}, options = {}) => {
    if (command !== 'track') return Promise.resolve();
    const params = new URLSearchParams({ id: '808080', ev: event, dl: location.href });
    for (const [key, value] of Object.entries(options.ud || {})) params.append('ud[' + key + ']', sha256Hex(norm(key, value)));
    for (const [key, value] of Object.entries(options.udff || {})) params.append('udff[' + key + ']', sha256Hex(norm(key, value)));
    for (const [key, value] of Object.entries(custom)) params.append('cd[' + key + ']', value);
    if (options.method === 'POST') {
      return fetch('http://www.facebook.test/tr/', { method: 'POST', mode: 'no-cors', body: params, keepalive: true }).then(() => undefined);
    }
    return pixel('http://www.facebook.test/tr/?' + params);
  };
})();`,
  // gtag: GA4 hits by sendBeacon (query = the event, body = batched lines), Google Ads user-provided data.
  'www.googletagmanager.test/gtag/js': `(() => {${SHA256_JS}
  window.gtag = (command, params, lines = []) => {
    if (command === 'ga4') {
      const query = new URLSearchParams({ v: '2', tid: 'G-SHOPTEST', cid: '808.909', ...params });
      navigator.sendBeacon('http://www.google-analytics.test/g/collect?' + query, lines.join('\\n'));
      return Promise.resolve();
    }
    if (command === 'ads') {
      let url = 'http://www.googleadservices.test/pagead/conversion/909090/?label=lead&fmt=3';
      if (params.em) url += '&em=tv.1~em.' + sha256B64url(String(params.em).trim().toLowerCase());
      return pixel(url);
    }
    return Promise.resolve();
  };
})();`,
  // TikTok: events as JSON (context.user hashed), and an "act" pixel carrying base64 JSON.
  'analytics.tiktok.test/i18n/pixel/events.js': `(() => {${SHA256_JS}
  window.ttq = {
    track(event, properties, user) {
      const context = { page: { url: location.origin + location.pathname } , user: {} };
      if (user.email) context.user.email = sha256Hex(String(user.email).trim().toLowerCase());
      if (user.phone_number) context.user.phone_number = sha256Hex(e164(user.phone_number));
      const body = JSON.stringify({ event, context, properties });
      return fetch('http://analytics.tiktok.test/api/v2/pixel', { method: 'POST', mode: 'no-cors', body, keepalive: true }).then(() => undefined);
    },
    act(value) {
      return pixel('http://analytics.tiktok.test/api/v2/pixel/act?d=' + encodeURIComponent(btoa(JSON.stringify(value))));
    },
  };
})();`,
  // Adobe AppMeasurement: image requests to /b/ss/<rsid>/1/<version>/s<n> with pageName, vN (eVars), cN (props).
  'assets.adobedtm.test/launch/AppMeasurement.js': `(() => {
  let n = 0;
  window.s = {
    t(host, vars) {
      const q = new URLSearchParams({ AQB: '1', ...vars, g: location.origin + location.pathname, AQE: '1' });
      return pixel('http://' + host + '/b/ss/shopprod/1/JS-2.25.0/s' + (++n) + '?' + q);
    },
  };
  const pixel = (url) => new Promise((resolve) => { const img = new Image(); img.onload = img.onerror = () => resolve(); img.src = url; });
})();`,
  // LinkedIn Insight: collect pixel; the hashed e-mail parameter name is this site's (the reference leaves it unverified).
  'snap.licdn.test/li.lms-analytics/insight.min.js': `(() => {${SHA256_JS}
  window.lintrk = (command, data) => {
    const q = new URLSearchParams({ pid: '4711', conversionId: '2020', fmt: 'gif', url: location.origin + location.pathname });
    if (data.email) q.append('email_sha256', sha256Hex(String(data.email).trim().toLowerCase()));
    return pixel('http://px.ads.linkedin.test/collect/?' + q);
  };
})();`,
  // Microsoft UET: page loads with the page title (tl) and page URL (p).
  'bat.bing.test/bat.js': `(() => {
  window.uetq = {
    push(evt) {
      const url = 'http://bat.bing.test/action/0?ti=5005005&evt=' + evt + '&tl=' + encodeURIComponent(document.title) + '&p=' + encodeURIComponent(location.origin + location.pathname);
      const img = new Image();
      img.src = url;
    },
  };
})();`,
  // Clarity-style session recording: gzip'd JSON uploads.
  'www.clarity.test/tag/shoptest': `(() => {${SHA256_JS}
  window.clarity = {
    async upload(value) {
      const body = await compress('gzip', value);
      await fetch('http://www.clarity.test/collect', { method: 'POST', mode: 'cors', headers: { 'content-type': 'application/x-clarity-gzip' }, body });
    },
  };
})();`,
  // Hotjar-style: deflate'd uploads and a WebSocket that identifies the user.
  'static.hotjar.test/c/hotjar.js': `(() => {${SHA256_JS}
  window.hj = {
    async upload(value) {
      const body = await compress('deflate', value);
      await fetch('http://in.hotjar.test/api/v2/client/sites/4242/visit-data', { method: 'POST', mode: 'no-cors', body });
    },
    identify(value) {
      const ws = new WebSocket('ws://ws.hotjar.test/api/v2/client/ws');
      ws.addEventListener('open', () => { ws.send(JSON.stringify({ type: 'identify', ...value })); document.body.insertAdjacentHTML('beforeend', '<p id="ws-sent">skickat</p>'); });
    },
  };
})();`,
};

// ---------------------------------------------------------------------------------------------------------
// HAR fixtures

export const LEAK_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/leak-audit/', import.meta.url));
export const LEAK_AUDIT_CONFIG = join(LEAK_FIXTURES_DIR, 'shop.audit.yaml');

type HarJson = Record<string, unknown> & {
  log: Record<string, unknown> & { entries: Record<string, unknown>[]; pages?: Record<string, unknown>[] };
};

/**
 * Makes a Playwright HAR recording small and stable: fixed times, page ids and browser version, no response
 * headers or timings, no server port. With `crawl`, it also adds what Chromium's DevTools export has and
 * Playwright's does not: `_initiator`, the WebSocket frames (`_webSocketMessages`), and binary bodies
 * (base64, `encoding: "base64"`), taken from the crawl of the same context.
 */
export function normaliseHar(har: HarJson, crawl?: readonly CapturedRequest[]): HarJson {
  const pageIds = new Map<string, string>();
  const pageId = (id: unknown): string => {
    const key = String(id);
    if (!pageIds.has(key)) pageIds.set(key, `page_${pageIds.size + 1}`);
    return pageIds.get(key)!;
  };
  const at = (i: number): string => new Date(Date.UTC(2026, 0, 15, 10, 0, 0) + i * 100).toISOString();
  const remaining = [...(crawl ?? [])].filter((r) => r.kind !== 'websocket-frame');
  const entries = har.log.entries.map((entry, i) => {
    const request = entry['request'] as Record<string, unknown> & {
      url: string;
      method: string;
      headers: { name: string; value: string }[];
    };
    const match = remaining.findIndex((r) => r.method === request.method && r.url === request.url);
    const captured = match >= 0 ? remaining.splice(match, 1)[0] : undefined;
    const out: Record<string, unknown> = {
      ...(entry['pageref'] !== undefined ? { pageref: pageId(entry['pageref']) } : {}),
      startedDateTime: at(i),
      time: 0,
      request: {
        ...request,
        headers: request.headers.map((h) =>
          h.name.toLowerCase() === 'user-agent' ? { name: h.name, value: 'Mozilla/5.0 (breachdesk fixture) HeadlessChrome' } : h,
        ),
        ...(crawl && captured?.body?.base64 !== undefined
          ? {
              postData: {
                mimeType: captured.body.contentType ?? 'application/octet-stream',
                text: captured.body.base64,
                encoding: 'base64',
              },
            }
          : {}),
        // Playwright's recording leaves sendBeacon bodies empty; DevTools keeps them.
        ...(crawl && captured?.body?.text && (request['postData'] as { text?: string } | undefined)?.text === ''
          ? { postData: { mimeType: captured.body.contentType ?? 'text/plain', text: captured.body.text } }
          : {}),
      },
      response: {
        status: (entry['response'] as { status?: number }).status ?? 0,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [],
        content: { size: -1, mimeType: 'x-unknown' },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
      _resourceType: entry['_resourceType'],
    };
    if (crawl && captured?.initiator !== undefined && captured.initiator !== captured.pageUrl) {
      out['_initiator'] = {
        type: 'script',
        stack: { callFrames: [{ functionName: '', url: captured.initiator, lineNumber: 0, columnNumber: 0 }] },
      };
    }
    if (crawl && /^wss?:/.test(request.url)) {
      out['_webSocketMessages'] = crawl
        .filter((r) => r.kind === 'websocket-frame' && r.url === request.url)
        .map((r, n) => ({ type: 'send', time: Date.parse(at(i)) / 1000 + n / 10, opcode: 1, data: r.body?.text ?? '' }));
    }
    return out;
  });
  const pages = (har.log.pages ?? []).map((page, i) => ({
    ...page,
    id: pageId(page['id']),
    startedDateTime: at(i),
    pageTimings: { onContentLoad: -1, onLoad: -1 },
  }));
  return {
    log: {
      version: '1.2',
      creator: { name: 'Playwright', version: 'fixture' },
      browser: { name: 'chromium', version: 'fixture' },
      comment: crawl
        ? 'Recorded from test/support/leak-site.ts by playwright-core recordHar, normalised; bodies Playwright leaves empty (beacons, keepalive and binary bodies), _initiator and _webSocketMessages added from the crawl, as Chromium DevTools exports them.'
        : 'Recorded from test/support/leak-site.ts by playwright-core recordHar, normalised.',
      pages,
      entries,
    },
  };
}

/** Crawls the site in the accept-all state with HAR recording and rewrites the HAR fixtures. */
export async function writeHarFixtures(dir = LEAK_FIXTURES_DIR): Promise<CrawlResult> {
  const site = await startLeakSite();
  const work = await mkdtemp(join(tmpdir(), 'leak-har-'));
  const browser = await launchAuditChromium({ executablePath: CHROMIUM_PATH, extraArgs: leakSiteChromiumArgs(site.port) });
  try {
    const config = await loadAuditConfigFile(LEAK_AUDIT_CONFIG);
    const result = await createLeakCrawler({ browser, recordHar: { dir: work } }).crawl({
      ...config,
      consent: config.consent.filter((run) => run.state === 'accept-all'),
    });
    const read = async (name: string): Promise<HarJson> => JSON.parse(await readFile(join(work, name), 'utf8')) as HarJson;
    const loggedInSteps = new Set(config.flows.filter((f) => f.session === 'logged-in').map((f) => f.name));
    const loggedIn = result.requests.filter((r) => loggedInSteps.has(r.step.split(':')[0]!));
    const anonymous = result.requests.filter((r) => !loggedInSteps.has(r.step.split(':')[0]!));
    await writeFile(
      join(dir, 'shop-anonymous.har'),
      `${JSON.stringify(normaliseHar(await read('accept-all-anonymous.har'), anonymous), null, 1)}\n`,
    );
    await writeFile(
      join(dir, 'shop-logged-in.har'),
      `${JSON.stringify(normaliseHar(await read('accept-all-logged-in.har'), loggedIn), null, 1)}\n`,
    );
    return result;
  } finally {
    await browser.close();
    await site.close();
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'record-har') {
  await writeHarFixtures();
  console.log(`HAR fixtures written to ${LEAK_FIXTURES_DIR}`);
}
