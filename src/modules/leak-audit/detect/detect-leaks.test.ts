import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { CapturedRequest, Detection, Persona } from '../model.js';
import { createLeakDetector, detectLeaks } from './index.js';

// Fixtures follow tracker-leak-audit.md §2 (wire formats) and §6 (saved requests as offline fixtures). All values are
// fictitious canaries.
const ALPHA: Persona = {
  id: 'alpha',
  label: 'Swedish customer',
  region: 'SE',
  fields: {
    email: ['Audit+7f3k9q@Example.se'],
    phone: ['070-123 45 67'],
    'se-personnummer': ['19850312-9876'],
    'first-name': ['Idaaaa'],
    'last-name': ['Åkesson-Öberg'],
    postcode: ['114 55'],
    city: ['Stockholm'],
    street: ['Sveavägen 44'],
    'birth-date': ['1985-03-12'],
    'customer-number': ['KN-448812'],
    'policy-number': ['P 7731 0042'],
    'sensitive-term': ['Gravidförsäkring', 'pregnancy insurance'],
  },
};
const BRAVO: Persona = {
  id: 'bravo',
  label: 'French customer, Gmail',
  region: 'FR',
  fields: {
    email: ['canary.bravo@gmail.com'],
    phone: ['06 12 34 56 78'],
    'fr-nir': ['2 55 08 14 168 025 38'],
    'first-name': ['Bo'],
    'customer-number': ['448'],
  },
};

const EMAIL = 'audit+7f3k9q@example.se';

function hash(algorithm: string, text: string, encoding: 'hex' | 'base64' | 'base64url' = 'hex'): string {
  return createHash(algorithm).update(text, 'utf8').digest(encoding);
}
const sha256 = (text: string): string => hash('sha256', text);
const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');

let counter = 0;
function request(partial: Partial<CapturedRequest> & { url: string }): CapturedRequest {
  counter += 1;
  return {
    id: `r${counter}`,
    method: 'GET',
    headers: {},
    kind: 'image',
    pageUrl: 'https://www.folksam.se/',
    consent: 'accept-all',
    step: 'test',
    source: 'crawl',
    at: '2020-10-01T10:00:00Z',
    ...partial,
  };
}

const post = (url: string, body: CapturedRequest['body'], headers: Record<string, string> = {}): CapturedRequest =>
  request({ url, method: 'POST', kind: 'fetch', body, headers });

interface Expected {
  readonly personaId?: string;
  readonly field: Detection['field'];
  readonly location: Detection['location'];
  readonly chain: readonly string[];
  readonly vendorField?: string;
  readonly evidence?: string;
}

function pick(detection: Detection, expected: Expected): Expected {
  return {
    ...(expected.personaId === undefined ? {} : { personaId: detection.personaId }),
    field: detection.field,
    location: detection.location,
    chain: detection.chain,
    ...(expected.vendorField === undefined ? {} : { vendorField: detection.vendorField }),
    ...(expected.evidence === undefined ? {} : { evidence: detection.evidence }),
  };
}

function assertFound(detections: readonly Detection[], expected: Expected): void {
  const same = detections.some((detection) => {
    try {
      assert.deepEqual(pick(detection, expected), expected);
      return true;
    } catch {
      return false;
    }
  });
  const seen = detections.map((d) => `${d.field} ${JSON.stringify(d.location)} [${d.chain.join(', ')}] ${d.vendorField ?? ''}`);
  assert.ok(same, `expected ${JSON.stringify(expected)}\nfound:\n  ${seen.join('\n  ')}`);
}

const detector = createLeakDetector([ALPHA, BRAVO]);

describe('detectLeaks: vendor wire formats', () => {
  const pnrPage = encodeURIComponent('https://www.folksam.se/mina-sidor/forsakring?pnr=198503129876&step=2');
  const tv1 = `tv.1~em.${hash('sha256', EMAIL, 'base64url')}~pn.${hash('sha256', '+46701234567', 'base64url')}~fn0.${hash('sha256', 'idaaaa', 'base64url')}~pc0.11455~co0.se`;
  const cases: [string, CapturedRequest, Expected[]][] = [
    [
      'Meta pixel ud[em], SHA-256 hex of the trimmed lower-case address',
      request({ url: `https://www.facebook.com/tr/?id=1234&ev=PageView&ud[em]=${sha256(EMAIL)}` }),
      [
        {
          field: 'email',
          location: { part: 'url', param: 'ud[em]' },
          chain: ['lower-case', 'sha256-hex'],
          vendorField: 'Meta advanced matching: em (e-mail, SHA-256)',
          evidence: sha256(EMAIL),
        },
      ],
    ],
    [
      'Meta automatic advanced matching udff[em] (es=automatic)',
      request({ url: `https://www.facebook.com/tr/?id=1234&ev=Lead&es=automatic&udff[em]=${sha256(EMAIL)}` }),
      [
        {
          field: 'email',
          location: { part: 'url', param: 'udff[em]' },
          chain: ['lower-case', 'sha256-hex'],
          vendorField: 'Meta automatic advanced matching (udff): em (e-mail, SHA-256)',
        },
      ],
    ],
    [
      "Meta ud[ph]/ud[fn]/ud[ln]/ud[db]/ud[zp]/ud[ct] with Meta's normalisation",
      request({
        url:
          `https://www.facebook.com/tr/?id=1234&ev=Purchase&ud[ph]=${sha256('46701234567')}&ud[fn]=${sha256('idaaaa')}` +
          `&ud[ln]=${sha256('akessonoberg')}&ud[db]=${sha256('19850312')}&ud[zp]=11455&ud[ct]=${sha256('stockholm')}`,
      }),
      [
        { field: 'phone', location: { part: 'url', param: 'ud[ph]' }, chain: ['e164-digits', 'sha256-hex'] },
        { field: 'first-name', location: { part: 'url', param: 'ud[fn]' }, chain: ['lower-case', 'sha256-hex'] },
        { field: 'last-name', location: { part: 'url', param: 'ud[ln]' }, chain: ['meta-name', 'strip-accents', 'sha256-hex'] },
        { field: 'birth-date', location: { part: 'url', param: 'ud[db]' }, chain: ['yyyymmdd', 'sha256-hex'] },
        {
          field: 'postcode',
          location: { part: 'url', param: 'ud[zp]' },
          chain: ['no-spaces'],
          vendorField: 'Meta advanced matching: zp (postcode, SHA-256)',
        },
        { field: 'city', location: { part: 'url', param: 'ud[ct]' }, chain: ['lower-case', 'sha256-hex'] },
      ],
    ],
    [
      'Meta cd[buttonText] and a personnummer in the page URL (dl)',
      request({
        url: `https://www.facebook.com/tr/?id=1234&ev=SubscribedButtonClick&dl=${pnrPage}&cd[buttonText]=Gravidf%C3%B6rs%C3%A4kring`,
      }),
      [
        {
          field: 'sensitive-term',
          location: { part: 'url', param: 'cd[buttonText]' },
          chain: ['url'],
          vendorField: 'Meta custom data: buttonText',
        },
        {
          field: 'se-personnummer',
          location: { part: 'url', param: 'dl?pnr' },
          chain: ['pnr-12', 'url'],
          vendorField: 'Meta page URL (dl)',
        },
      ],
    ],
    [
      'Meta pixel sent by POST as a form body',
      post('https://www.facebook.com/tr/', {
        text: `id=1234&ev=Lead&ud%5Bem%5D=${sha256(EMAIL)}`,
        contentType: 'application/x-www-form-urlencoded',
      }),
      [{ field: 'email', location: { part: 'body', param: 'ud[em]' }, chain: ['lower-case', 'sha256-hex'] }],
    ],
    [
      'Google user-provided data em=tv.1~em.<base64url>~pn.~fn0.~pc0.',
      request({ url: `https://www.googleadservices.com/pagead/conversion/123456/?label=x&em=${tv1}` }),
      [
        {
          field: 'email',
          location: { part: 'url', param: 'em=tv.1~em' },
          chain: ['lower-case', 'sha256-base64url'],
          vendorField: 'Google enhanced conversions (em=tv.1): em (e-mail, SHA-256)',
        },
        { field: 'phone', location: { part: 'url', param: 'em=tv.1~pn' }, chain: ['e164', 'sha256-base64url'] },
        { field: 'first-name', location: { part: 'url', param: 'em=tv.1~fn0' }, chain: ['lower-case', 'sha256-base64url'] },
        {
          field: 'postcode',
          location: { part: 'url', param: 'em=tv.1~pc0' },
          chain: ['no-spaces'],
          vendorField: 'Google enhanced conversions (em=tv.1): pc0 (postcode, plain text)',
        },
      ],
    ],
    [
      'GA4 ep.* / up.* / uid / dt',
      request({
        url:
          'https://region1.google-analytics.com/g/collect?v=2&tid=G-XXXX&en=login&ep.customer_email=audit%2B7f3k9q%40example.se' +
          '&up.policy_number=P77310042&uid=KN-448812&dt=Gravidf%C3%B6rs%C3%A4kring%20%E2%80%93%20Folksam',
      }),
      [
        {
          field: 'email',
          location: { part: 'url', param: 'ep.customer_email' },
          chain: ['lower-case', 'url'],
          vendorField: 'GA4 event parameter: customer_email',
          evidence: 'audit%2B7f3k9q%40example.se',
        },
        {
          field: 'policy-number',
          location: { part: 'url', param: 'up.policy_number' },
          chain: ['no-separators'],
          vendorField: 'GA4 user property: policy_number',
        },
        { field: 'customer-number', location: { part: 'url', param: 'uid' }, chain: [], vendorField: 'Google Analytics user_id (uid)' },
        {
          field: 'sensitive-term',
          location: { part: 'url', param: 'dt' },
          chain: ['url'],
          vendorField: 'Google Analytics page title (dt)',
        },
      ],
    ],
    [
      'GA4 batched POST body, one event per line',
      post('https://region1.google-analytics.com/g/collect?v=2&tid=G-XXXX', {
        text: 'en=page_view&ep.pnr=198503129876\nen=view_item&ep.item_slug=gravidforsakring',
        contentType: 'text/plain',
      }),
      [
        { field: 'se-personnummer', location: { part: 'body', param: 'ep.pnr' }, chain: ['pnr-12'] },
        { field: 'sensitive-term', location: { part: 'body', param: 'ep.item_slug' }, chain: ['lower-case', 'strip-accents'] },
      ],
    ],
    [
      'TikTok pixel JSON body: context.user hashed, properties plain',
      post('https://analytics.tiktok.com/api/v2/pixel', {
        text: JSON.stringify({
          event: 'CompletePayment',
          context: {
            page: { url: 'https://www.folksam.se/gravidforsakring' },
            user: { email: sha256(EMAIL), phone_number: sha256('+46701234567') },
          },
          properties: { contents: [{ content_name: 'Gravidförsäkring' }] },
        }),
        contentType: 'application/json',
      }),
      [
        {
          field: 'email',
          location: { part: 'body', param: 'context.user.email' },
          chain: ['lower-case', 'sha256-hex', 'json'],
          vendorField: 'TikTok identify: email (SHA-256)',
        },
        { field: 'phone', location: { part: 'body', param: 'context.user.phone_number' }, chain: ['e164', 'sha256-hex', 'json'] },
        {
          field: 'sensitive-term',
          location: { part: 'body', param: 'properties.contents[0].content_name' },
          chain: ['json'],
          vendorField: 'TikTok event property: contents[0].content_name',
        },
        {
          field: 'sensitive-term',
          location: { part: 'body', param: 'context.page.url' },
          chain: ['lower-case', 'strip-accents', 'json'],
          vendorField: 'TikTok page URL',
        },
      ],
    ],
    [
      'Adobe Analytics eVar v1 and prop c1 on a first-party CNAME',
      request({ url: 'https://smetrics.folksam.se/b/ss/folksamprod/1/JS-2.22.0/s1234?AQB=1&v1=KN-448812&c1=pregnancy-insurance&AQE=1' }),
      [
        { field: 'customer-number', location: { part: 'url', param: 'v1' }, chain: [], vendorField: 'Adobe Analytics eVar1' },
        { field: 'sensitive-term', location: { part: 'url', param: 'c1' }, chain: ['slug'], vendorField: 'Adobe Analytics prop1' },
      ],
    ],
  ];
  for (const [name, captured, expectations] of cases) {
    it(name, () => {
      const found = detector.detect(captured);
      for (const expected of expectations) assertFound(found, expected);
    });
  }
});

describe('detectLeaks: every hash in every digest encoding', () => {
  for (const algorithm of ['md5', 'sha1', 'sha256', 'sha512']) {
    for (const encoding of ['hex', 'base64', 'base64url'] as const) {
      const digest = hash(algorithm, EMAIL, encoding);
      it(`${algorithm} ${encoding}`, () => {
        const found = detector.detect(request({ url: `https://collector.example/c?h=${encodeURIComponent(digest)}` }));
        // Percent-encoding '+', '/' or '=' adds 'url'; a digest without '+' or '/' reads the same in both alphabets, and
        // base64 names it then.
        const sent = encodeURIComponent(digest) === digest ? [] : ['url'];
        const chain = ['lower-case', `${algorithm}-${encoding}`, ...sent];
        const alternative = ['lower-case', `${algorithm}-base64`, ...sent];
        assert.ok(
          found.some(
            (d) =>
              d.field === 'email' &&
              (JSON.stringify(d.chain) === JSON.stringify(chain) ||
                (encoding === 'base64url' && JSON.stringify(d.chain) === JSON.stringify(alternative))),
          ),
          JSON.stringify(found.map((d) => d.chain)),
        );
      });
    }
  }
  it('upper-case hex, and padded base64 sent unencoded (its + is not a space)', () => {
    const upper = hash('sha256', EMAIL).toUpperCase();
    const padded = hash('sha1', 'Idaaaa', 'base64');
    const found = detector.detect(request({ url: `https://collector.example/c?a=${upper}&b=${padded}` }));
    assertFound(found, { field: 'email', location: { part: 'url', param: 'a' }, chain: ['lower-case', 'sha256-hex', 'upper-case'] });
    assertFound(found, { field: 'first-name', location: { part: 'url', param: 'b' }, chain: ['sha1-base64'] });
  });
});

describe('detectLeaks: encodings and request parts', () => {
  const gzipJsonBase64 = b64(gzipSync(JSON.stringify({ user: { mail: EMAIL } })));
  const viaUrl = (text: string): string[] => (encodeURIComponent(text) === text ? [] : ['url']);
  // Text in the base64url alphabet without '-' or '_' is also plain base64; the detector names it base64 then.
  const alphabet = (token: string): string => (/[-_]/.test(token) ? 'base64url' : 'base64');
  const addressToken = Buffer.from(EMAIL).toString('base64url');
  const pathToken = Buffer.from(`${EMAIL}|x`).toString('base64url');
  const cases: [string, CapturedRequest, Expected][] = [
    [
      'double URL-encoding',
      request({ url: 'https://collector.example/c?q=audit%252B7f3k9q%2540example.se' }),
      { field: 'email', location: { part: 'url', param: 'q' }, chain: ['lower-case', 'url', 'url'] },
    ],
    [
      'base64 of gzip of JSON in a parameter (3 layers)',
      request({ url: `https://collector.example/c?d=${encodeURIComponent(gzipJsonBase64)}` }),
      {
        field: 'email',
        location: { part: 'url', param: 'd.user.mail' },
        chain: ['lower-case', 'json', 'gzip', 'base64', ...viaUrl(gzipJsonBase64)],
      },
    ],
    [
      'gzip body (Content-Encoding) of JSON holding base64 (3 layers)',
      post(
        'https://collector.example/e',
        { base64: b64(gzipSync(JSON.stringify({ p: b64(EMAIL) }))), contentType: 'application/json' },
        {
          'content-encoding': 'gzip',
        },
      ),
      { field: 'email', location: { part: 'body', param: 'p' }, chain: ['lower-case', 'base64', 'json', 'gzip'] },
    ],
    [
      'deflate body found by its zlib magic, without a header',
      post('https://collector.example/e', { base64: b64(deflateSync(`pnr=198503129876`)) }),
      { field: 'se-personnummer', location: { part: 'body', param: 'pnr' }, chain: ['pnr-12', 'deflate'] },
    ],
    [
      'base64url of the plain address',
      request({ url: `https://collector.example/c?t=${addressToken}` }),
      { field: 'email', location: { part: 'url', param: 't' }, chain: ['lower-case', alphabet(addressToken)] },
    ],
    [
      'a base64 token inside a path',
      request({ url: `https://collector.example/p/${pathToken}/pixel.gif` }),
      { field: 'email', location: { part: 'url' }, chain: ['lower-case', alphabet(pathToken)] },
    ],
    [
      'JSON \\u escapes in a text/plain beacon',
      post('https://collector.example/b', { text: 'var u = "audit+7f3k9q\\u0040example.se";', contentType: 'text/plain' }),
      { field: 'email', location: { part: 'body' }, chain: ['lower-case', 'json'] },
    ],
    [
      'the Referer header carries the personnummer of the page',
      request({ url: 'https://collector.example/px.gif', headers: { referer: 'https://www.folksam.se/mina-sidor?pnr=19850312-9876' } }),
      { field: 'se-personnummer', location: { part: 'header', name: 'referer' }, chain: [], evidence: '19850312-9876' },
    ],
    [
      'a cookie value',
      request({
        url: 'https://collector.example/px.gif',
        headers: { cookie: '_fbp=fb.1.1600000000.123; user_email=audit%2B7f3k9q%40example.se' },
      }),
      { field: 'email', location: { part: 'cookie', name: 'user_email' }, chain: ['lower-case', 'url'] },
    ],
    [
      'a WebSocket frame (session replay)',
      request({
        url: 'wss://ws.replay.example/socket',
        kind: 'websocket-frame',
        body: { text: JSON.stringify({ t: 'input', v: '0701234567' }) },
      }),
      { field: 'phone', location: { part: 'websocket', param: 'v' }, chain: ['national', 'json'] },
    ],
    [
      'a simple multipart body',
      post('https://collector.example/m', {
        text: '--XyZ\r\nContent-Disposition: form-data; name="ud[em]"\r\n\r\n' + sha256(EMAIL) + '\r\n--XyZ--\r\n',
        contentType: 'multipart/form-data; boundary=XyZ',
      }),
      { field: 'email', location: { part: 'body', param: 'ud[em]' }, chain: ['lower-case', 'sha256-hex'] },
    ],
    [
      "Google's Gmail rule (dots removed before @)",
      request({ url: `https://collector.example/c?e=${sha256('canarybravo@gmail.com')}` }),
      { personaId: 'bravo', field: 'email', location: { part: 'url', param: 'e' }, chain: ['gmail-dots-removed', 'sha256-hex'] },
    ],
    [
      'a French NIR with spaces, in a form',
      post('https://collector.example/f', { text: 'nir=2+55+08+14+168+025+38', contentType: 'application/x-www-form-urlencoded' }),
      { personaId: 'bravo', field: 'fr-nir', location: { part: 'body', param: 'nir' }, chain: ['url'] },
    ],
    [
      'a French mobile in E.164 from a national canary',
      request({ url: 'https://collector.example/c?tel=%2B33612345678' }),
      { personaId: 'bravo', field: 'phone', location: { part: 'url', param: 'tel' }, chain: ['e164', 'url'] },
    ],
    [
      'a short first name as a whole parameter value',
      request({ url: 'https://collector.example/c?fn=bo' }),
      { personaId: 'bravo', field: 'first-name', location: { part: 'url', param: 'fn' }, chain: ['lower-case'] },
    ],
    [
      'a 3-digit customer number as a whole parameter value',
      request({ url: 'https://collector.example/c?kundnr=448' }),
      { personaId: 'bravo', field: 'customer-number', location: { part: 'url', param: 'kundnr' }, chain: [] },
    ],
  ];
  for (const [name, captured, expected] of cases) {
    it(name, () => assertFound(detector.detect(captured), expected));
  }

  it('stops at three nested layers (a fourth base64 is not undone)', () => {
    const four = b64(b64(b64(b64(EMAIL))));
    assert.deepEqual(detector.detect(request({ url: `https://collector.example/c?x=${encodeURIComponent(four)}` })), []);
    const three = b64(b64(b64(EMAIL)));
    assert.equal(detector.detect(request({ url: `https://collector.example/c?x=${encodeURIComponent(three)}` })).length, 1);
  });

  it('reports a form once where a longer form contains it (E.164 digits inside E.164)', () => {
    const found = detector.detect(request({ url: 'https://collector.example/c?p=%2B46701234567' }));
    assert.deepEqual(
      found.map((d) => d.chain),
      [['e164', 'url']],
    );
  });
});

describe('detectLeaks: false-positive guards (tracker-leak-audit.md §3.5)', () => {
  const blank: Persona = { id: 'blank', label: 'empty fields', fields: { email: ['', '   '], 'first-name': [' '] } };
  const quiet = createLeakDetector([ALPHA, BRAVO, blank]);
  const cases: [string, CapturedRequest][] = [
    ['a 3-digit number inside a long id', request({ url: 'https://collector.example/c?id=99448710&ref=A448B' })],
    ['a postcode inside a longer digit run', request({ url: 'https://collector.example/c?ts=1234567891145599&p=11455x' })],
    ['a 10-digit personnummer inside a longer digit run', request({ url: 'https://collector.example/c?n=98503129876123' })],
    ['a short name inside a word', request({ url: 'https://collector.example/c?t=Bosse%20and%20Idaaaason' })],
    ['a city in free text', request({ url: 'https://collector.example/c?dt=Welcome%20to%20Stockholm%20offices' })],
    [
      'the SHA-256 and MD5 of the empty string (a tag hashing an empty field)',
      request({
        url:
          'https://www.facebook.com/tr/?id=1&ev=PageView&ud[em]=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' +
          '&ud[fn]=d41d8cd98f00b204e9800998ecf8427e&x=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU',
      }),
    ],
    [
      'a clean request',
      request({
        url: 'https://region1.google-analytics.com/g/collect?v=2&tid=G-XXXX&cid=123.456&en=page_view&dl=https%3A%2F%2Fwww.folksam.se%2F',
        headers: { 'user-agent': 'Mozilla/5.0', referer: 'https://www.folksam.se/', cookie: '_ga=GA1.1.123.456' },
      }),
    ],
  ];
  for (const [name, captured] of cases) {
    it(`finds nothing in ${name}`, () => assert.deepEqual(quiet.detect(captured), []));
  }
});

describe('detectLeaks: an audit of several requests and personas', () => {
  it('attributes each find to its request and persona', () => {
    const requests = [
      request({ id: 'meta', url: `https://www.facebook.com/tr/?id=1&ev=Lead&ud[em]=${sha256(EMAIL)}&ud[ph]=${sha256('33612345678')}` }),
      request({ id: 'clean', url: 'https://cdn.example/app.js' }),
      request({ id: 'ga', url: `https://www.google-analytics.com/g/collect?v=2&uid=KN-448812&ep.nir=2550814168025` }),
    ];
    const found = detectLeaks(requests, [ALPHA, BRAVO]).map((d) => `${d.requestId}/${d.personaId}/${d.field}`);
    assert.deepEqual(found.sort(), ['ga/alpha/customer-number', 'ga/bravo/fr-nir', 'meta/alpha/email', 'meta/bravo/phone']);
  });
});

describe('detectLeaks: repeated headers', () => {
  it('reports a cookie seen on several requests once per request, with that request id', () => {
    const cookie = { cookie: 'user_email=audit%2B7f3k9q%40example.se' };
    const first = request({ id: 'one', url: 'https://a.example/p.gif', headers: cookie });
    const second = request({ id: 'two', url: 'https://b.example/p.gif', headers: cookie });
    const found = detectLeaks([first, second, first], [ALPHA]).map((d) => `${d.requestId}/${d.field}/${d.chain.join(',')}`);
    assert.deepEqual(found, ['one/email/lower-case,url', 'two/email/lower-case,url', 'one/email/lower-case,url']);
  });
});

describe('detectLeaks: property — any supported chain applied to any e-mail is found', () => {
  type Layer = 'url' | 'base64' | 'base64url' | 'json' | 'gzip';
  const apply = (text: string, layer: Layer): string => {
    switch (layer) {
      case 'url':
        return encodeURIComponent(text);
      case 'base64':
        return b64(text);
      case 'base64url':
        return Buffer.from(text).toString('base64url');
      case 'json':
        return JSON.stringify({ v: text });
      case 'gzip':
        return b64(gzipSync(text)); // gzip needs a text carrier: counts as two layers
    }
  };
  const layerCount = (layers: readonly Layer[]): number => layers.reduce((n, layer) => n + (layer === 'gzip' ? 2 : 1), 0);

  it('holds for random addresses, normalisations, hashes and up to three layers', () => {
    fc.assert(
      fc.property(
        fc.emailAddress(),
        fc.boolean(),
        fc.constantFrom(undefined, ...(['md5', 'sha1', 'sha256', 'sha512'] as const)),
        fc.constantFrom('hex' as const, 'base64' as const, 'base64url' as const),
        fc.array(fc.constantFrom<Layer>('url', 'base64', 'base64url', 'json', 'gzip'), { maxLength: 3 }),
        (address, upper, algorithm, encoding, layers) => {
          fc.pre(layerCount(layers) <= 3);
          const entered = upper ? address.toUpperCase() : address;
          const normalised = address.toLowerCase();
          let wire = algorithm ? createHash(algorithm).update(normalised).digest(encoding) : normalised;
          for (const layer of layers) wire = apply(wire, layer);
          const persona: Persona = { id: 'p', label: 'random', fields: { email: [entered] } };
          const found = detectLeaks([request({ url: `https://collector.example/c?x=${encodeURIComponent(wire)}` })], [persona]);
          return found.some((d) => d.field === 'email');
        },
      ),
      { numRuns: 300 },
    );
  });
});
