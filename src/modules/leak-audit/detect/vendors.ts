/**
 * Vendor decoders: name what a parameter is for the main tracking tools (tracker-leak-audit.md §2 and §3.1 step 5).
 * Labels only, no matching: a canary found in a labelled field gets `vendorField`, and a low-entropy canary is found in it
 * because the field is a whole value. Parameter names marked [unverified] in the reference are labelled as such.
 */

export interface RequestTarget {
  readonly host: string;
  readonly path: string;
}

const META_USER_DATA: Readonly<Record<string, string>> = {
  em: 'e-mail, SHA-256',
  ph: 'phone, SHA-256',
  fn: 'first name, SHA-256',
  ln: 'last name, SHA-256',
  db: 'date of birth, SHA-256',
  ge: 'gender, SHA-256',
  ct: 'city, SHA-256',
  city: 'city, SHA-256',
  st: 'state, SHA-256',
  state: 'state, SHA-256',
  zp: 'postcode, SHA-256',
  country: 'country, SHA-256',
  cn: 'country, SHA-256',
  external_id: 'external id, SHA-256 recommended',
};

const GOOGLE_USER_DATA: Readonly<Record<string, string>> = {
  em: 'e-mail, SHA-256',
  pn: 'phone, SHA-256',
  fn: 'first name, SHA-256',
  ln: 'last name, SHA-256',
  sa: 'street, SHA-256 [unverified]',
  ct: 'city [unverified]',
  rg: 'region [unverified]',
  pc: 'postcode, plain text',
  co: 'country, plain text',
};

const GA_PAGE_FIELDS: Readonly<Record<string, string>> = {
  dl: 'page URL (dl)',
  dr: 'referrer (dr)',
  dt: 'page title (dt)',
  uid: 'user_id (uid)',
  cid: 'client id (cid)',
};

const ADOBE_FIELDS: Readonly<Record<string, string>> = {
  g: 'page URL (g)',
  '-g': 'page URL overflow (-g)',
  r: 'referrer (r)',
  pageName: 'page name',
  gn: 'page name (gn)',
  products: 'products',
  events: 'events',
};

const BING_FIELDS: Readonly<Record<string, string>> = {
  p: 'page URL (p) [unverified]',
  r: 'referrer (r) [unverified]',
  tl: 'page title (tl) [unverified]',
};

function isMeta(target: RequestTarget): boolean {
  return /(^|\.)facebook\.(com|net)$/.test(target.host) || /^\/tr\/?$/.test(target.path);
}

function isGoogleAnalytics(target: RequestTarget): boolean {
  return (
    /(^|\.)(google-analytics\.com|analytics\.google\.com|doubleclick\.net)$/.test(target.host) || /\/(g|j)?\/?collect$/.test(target.path)
  );
}

function isAdobe(target: RequestTarget): boolean {
  return target.path.includes('/b/ss/');
}

/** The label of a query or form parameter, or undefined. */
export function parameterLabel(target: RequestTarget, name: string): string | undefined {
  const meta = /^(ud|udff|cd)\[([^\]]+)\]$/.exec(name);
  if (meta) {
    const [, group, key] = meta as unknown as [string, string, string];
    if (group === 'cd') return `Meta custom data: ${key}`;
    const what = META_USER_DATA[key] ?? 'unknown key';
    return group === 'ud' ? `Meta advanced matching: ${key} (${what})` : `Meta automatic advanced matching (udff): ${key} (${what})`;
  }
  const ga4 = /^(ep|epn|up|upn)\.(.+)$/.exec(name);
  if (ga4) {
    const [, group, key] = ga4 as unknown as [string, string, string];
    const kind = { ep: 'event parameter', epn: 'numeric event parameter', up: 'user property', upn: 'numeric user property' }[group];
    return `GA4 ${kind ?? 'parameter'}: ${key}`;
  }
  if (isMeta(target)) {
    if (name === 'dl') return 'Meta page URL (dl)';
    if (name === 'rl') return 'Meta referrer (rl)';
  }
  if (isGoogleAnalytics(target)) {
    const field = GA_PAGE_FIELDS[name];
    if (field) return `Google Analytics ${field}`;
  }
  if (isAdobe(target)) {
    const evar = /^v(\d{1,3})$/.exec(name);
    if (evar) return `Adobe Analytics eVar${evar[1]}`;
    const prop = /^c(\d{1,2})$/.exec(name);
    if (prop) return `Adobe Analytics prop${prop[1]}`;
    const list = /^l([1-3])$/.exec(name);
    if (list) return `Adobe Analytics list var ${list[1]}`;
    if (name.startsWith('c.') || name.endsWith('.c')) return `Adobe Analytics context data: ${name}`;
    const field = ADOBE_FIELDS[name];
    if (field) return `Adobe Analytics ${field}`;
  }
  if (target.host === 'bat.bing.com') {
    const field = BING_FIELDS[name];
    if (field) return `Microsoft UET ${field}`;
  }
  return undefined;
}

/** The label of one slot of Google's user-provided data, `em=tv.1~em.<h>~pn.<h>~fn0.<h>~…~pc0.<postcode>`. */
export function googleUserDataLabel(key: string): string {
  const base = key.replace(/\d+$/, '');
  return `Google enhanced conversions (em=tv.1): ${key} (${GOOGLE_USER_DATA[base] ?? 'unknown key'})`;
}

/** The label of a JSON leaf in a request body (TikTok pixel events), by its path "context.user.email". */
export function jsonLabel(target: RequestTarget, path: string): string | undefined {
  if (!/(^|\.)tiktok(w)?\.com$/.test(target.host)) return undefined;
  // Batched events ("batch[0].context…") carry the same fields as single ones.
  const relative = path.replace(/^\w*\[\d+\]\./, '');
  const user = /^context\.user\.(email|phone_number|external_id)$/.exec(relative);
  if (user) return `TikTok identify: ${user[1]} (SHA-256)`;
  if (relative === 'context.page.url') return 'TikTok page URL';
  if (relative === 'context.page.referrer') return 'TikTok referrer';
  const property = /^properties\.(.+)$/.exec(relative);
  if (property) return `TikTok event property: ${property[1]}`;
  return undefined;
}
