import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isAppError } from '../../../platform/errors.js';
import type { Recipient } from '../model.js';
import {
  classifyRecipient,
  CNAME_CLOAKING_TARGETS,
  COLLECTOR_PATHS,
  findEntity,
  registrableDomainOf,
  type ClassifyContext,
  type ExtraEntity,
} from './index.js';

const FOLKSAM: ClassifyContext = { firstPartyDomains: ['folksam.se'] };

describe('classifyRecipient: registrable domain, party and company', () => {
  const cases: readonly { url: string; context?: ClassifyContext; expected: Recipient }[] = [
    {
      url: 'https://connect.facebook.net/en_US/fbevents.js',
      expected: {
        host: 'connect.facebook.net',
        registrableDomain: 'facebook.net',
        party: 'third',
        company: 'Facebook',
        category: 'social',
      },
    },
    {
      url: 'https://www.facebook.com/tr/?id=123&ev=PageView&dl=https%3A%2F%2Fwww.folksam.se%2F',
      expected: { host: 'www.facebook.com', registrableDomain: 'facebook.com', party: 'third', company: 'Facebook', category: 'social' },
    },
    {
      url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-XXXX',
      expected: {
        host: 'www.google-analytics.com',
        registrableDomain: 'google-analytics.com',
        party: 'third',
        company: 'Google',
        category: 'analytics',
      },
    },
    {
      url: 'https://www.googleadservices.com/pagead/conversion/123/?em=tv.1~em.abc',
      expected: {
        host: 'www.googleadservices.com',
        registrableDomain: 'googleadservices.com',
        party: 'third',
        company: 'Google',
        category: 'ad',
      },
    },
    {
      url: 'https://analytics.tiktok.com/i18n/pixel/events.js',
      expected: {
        host: 'analytics.tiktok.com',
        registrableDomain: 'tiktok.com',
        party: 'third',
        company: 'ByteDance Ltd',
        category: 'social',
      },
    },
    {
      url: 'https://px.ads.linkedin.com/collect/?pid=1&conversionId=2&fmt=gif',
      expected: { host: 'px.ads.linkedin.com', registrableDomain: 'linkedin.com', party: 'third', company: 'LinkedIn Ads', category: 'ad' },
    },
    {
      url: 'https://bat.bing.com/action/0?ti=1&evt=pageLoad',
      expected: { host: 'bat.bing.com', registrableDomain: 'bing.com', party: 'third', company: 'Bing Ads', category: 'ad' },
    },
    {
      // The Adobe collector host itself, reached openly: third party by domain, no disguise to report.
      url: 'https://folksam.sc.omtrdc.net/b/ss/folksamprod/1/JS-2.22.0/s1234?g=https%3A%2F%2Fwww.folksam.se',
      context: FOLKSAM,
      expected: { host: 'folksam.sc.omtrdc.net', registrableDomain: 'omtrdc.net', party: 'third', company: 'Adobe', category: 'analytics' },
    },
    {
      url: 'https://www.clarity.ms/tag/abc',
      expected: { host: 'www.clarity.ms', registrableDomain: 'clarity.ms', party: 'third', company: 'Microsoft', category: 'utility' },
    },
    {
      url: 'https://www.folksam.se/forsakringar/gravidforsakring?pnr=1',
      context: FOLKSAM,
      expected: { host: 'www.folksam.se', registrableDomain: 'folksam.se', party: 'first' },
    },
    {
      url: 'https://kund.folksam.se/mina-sidor',
      context: { firstPartyDomains: ['www.folksam.se'] },
      expected: { host: 'kund.folksam.se', registrableDomain: 'folksam.se', party: 'first' },
    },
    {
      url: 'https://folksam.com/',
      context: FOLKSAM,
      expected: { host: 'folksam.com', registrableDomain: 'folksam.com', party: 'third' },
    },
    {
      // A .co.uk registrable domain: two labels of public suffix, so bbc.co.uk, not co.uk.
      url: 'https://www.bbc.co.uk/news',
      context: { firstPartyDomains: ['bbc.co.uk'] },
      expected: { host: 'www.bbc.co.uk', registrableDomain: 'bbc.co.uk', party: 'first' },
    },
    {
      url: 'https://shop.other.co.uk/basket',
      context: { firstPartyDomains: ['bbc.co.uk'] },
      expected: { host: 'shop.other.co.uk', registrableDomain: 'other.co.uk', party: 'third' },
    },
    {
      // The private section of the list: two GitHub Pages sites are two parties.
      url: 'https://someone-else.github.io/x.js',
      context: { firstPartyDomains: ['breachdesk.github.io'] },
      expected: {
        host: 'someone-else.github.io',
        registrableDomain: 'someone-else.github.io',
        party: 'third',
        company: 'GitHub',
        category: 'utility',
      },
    },
    {
      url: 'http://192.0.2.10:8080/collect?x=1',
      context: FOLKSAM,
      expected: { host: '192.0.2.10', registrableDomain: '192.0.2.10', party: 'third' },
    },
    {
      url: 'http://192.0.2.10/',
      context: { firstPartyDomains: ['192.0.2.10'] },
      expected: { host: '192.0.2.10', registrableDomain: '192.0.2.10', party: 'first' },
    },
    {
      url: 'http://[::1]:3000/api',
      context: { firstPartyDomains: ['::1'] },
      expected: { host: '::1', registrableDomain: '::1', party: 'first' },
    },
    {
      url: 'http://localhost:3000/kund',
      context: { firstPartyDomains: ['localhost'] },
      expected: { host: 'localhost', registrableDomain: 'localhost', party: 'first' },
    },
    {
      url: 'http://localhost:3000/kund',
      context: FOLKSAM,
      expected: { host: 'localhost', registrableDomain: 'localhost', party: 'third' },
    },
    {
      url: 'HTTPS://WWW.Folksam.SE./x',
      context: FOLKSAM,
      expected: { host: 'www.folksam.se', registrableDomain: 'folksam.se', party: 'first' },
    },
    {
      url: 'wss://ws.folksam.se/socket',
      context: FOLKSAM,
      expected: { host: 'ws.folksam.se', registrableDomain: 'folksam.se', party: 'first' },
    },
  ];
  for (const { url, context, expected } of cases) {
    it(`${url} → ${expected.party} party, ${expected.registrableDomain}, ${expected.company ?? 'no company'}`, () => {
      assert.deepEqual(classifyRecipient(url, context ?? { firstPartyDomains: [] }), expected);
    });
  }
});

describe('classifyRecipient: the local test site (.test hosts) through extra entities', () => {
  const extraEntities: readonly ExtraEntity[] = [
    { domain: 'facebook.test', company: 'Meta', category: 'social' },
    { domain: '*.analytics.test', company: 'Google', category: 'analytics' },
    { domain: 'cdn.test', company: 'Test CDN', category: 'cdn' },
    { domain: 'ads.facebook.test', company: 'Meta Ads', category: 'ad' },
  ];
  const context: ClassifyContext = { firstPartyDomains: ['shop.test'], extraEntities };
  const cases: readonly { url: string; expected: Recipient }[] = [
    {
      url: 'http://connect.facebook.test:8443/en_US/fbevents.js',
      expected: { host: 'connect.facebook.test', registrableDomain: 'facebook.test', party: 'third', company: 'Meta', category: 'social' },
    },
    {
      url: 'http://facebook.test/tr/?id=1&ev=Lead',
      expected: { host: 'facebook.test', registrableDomain: 'facebook.test', party: 'third', company: 'Meta', category: 'social' },
    },
    {
      // The longest matching domain wins.
      url: 'http://px.ads.facebook.test/x',
      expected: { host: 'px.ads.facebook.test', registrableDomain: 'facebook.test', party: 'third', company: 'Meta Ads', category: 'ad' },
    },
    {
      url: 'http://www.analytics.test/g/collect',
      expected: {
        host: 'www.analytics.test',
        registrableDomain: 'analytics.test',
        party: 'third',
        company: 'Google',
        category: 'analytics',
      },
    },
    {
      url: 'http://www.shop.test/checkout',
      expected: { host: 'www.shop.test', registrableDomain: 'shop.test', party: 'first' },
    },
    {
      url: 'http://notfacebook.test/',
      expected: { host: 'notfacebook.test', registrableDomain: 'notfacebook.test', party: 'third' },
    },
  ];
  for (const { url, expected } of cases) {
    it(`${url} → ${expected.company ?? 'no company'}`, () => {
      assert.deepEqual(classifyRecipient(url, context), expected);
    });
  }

  it('an extra entity comes before third-party-web, so a caller can rename a company', () => {
    const r = classifyRecipient('https://connect.facebook.net/en_US/fbevents.js', {
      firstPartyDomains: [],
      extraEntities: [{ domain: 'facebook.net', company: 'Meta', category: 'social' }],
    });
    assert.equal(r.company, 'Meta');
  });
});

describe('classifyRecipient: disguised collectors by CNAME', () => {
  const cnames = new Map<string, readonly string[]>([
    ['smetrics.folksam.se', ['folksam.se.ssl.sc.omtrdc.net']],
    ['metrics.folksam.se', ['folksam.112.2o7.net']],
    ['t.folksam.se', ['t-folksam.edge.folksam.se', 'folksam.tracking.criteo.com']],
    ['www.folksam.se', ['www.folksam.se.cdn.cloudflare.net']],
    ['static.folksam.se', ['folksam.azureedge.msecnd.net']],
    ['info.folksam.se', ['123.group1.sites.hscoretemp.hubspot.net']],
    ['kund.folksam.se', ['kund.folksam.se.edgekey.net', 'e1234.a.akamaiedge.net']],
    ['gtm.folksam.se', ['ghs.googlehosted.com']],
  ]);
  const context: ClassifyContext = { firstPartyDomains: ['folksam.se'], cnames };

  const flagged: readonly { host: string; company: string; reason: RegExp }[] = [
    {
      host: 'smetrics.folksam.se',
      company: 'Adobe',
      reason: /smetrics\.folksam\.se → folksam\.se\.ssl\.sc\.omtrdc\.net.*\*\.sc\.omtrdc\.net/,
    },
    { host: 'metrics.folksam.se', company: 'Adobe', reason: /\*\.2o7\.net/ },
    // A first-party link in the middle is skipped; the tracker at the end of the chain counts.
    {
      host: 't.folksam.se',
      company: 'Criteo',
      reason: /t\.folksam\.se → t-folksam\.edge\.folksam\.se → folksam\.tracking\.criteo\.com, Criteo \(ad, per third-party-web\)/,
    },
  ];
  for (const { host, company, reason } of flagged) {
    it(`${host} is third party: a disguised ${company} collector`, () => {
      const r = classifyRecipient(`https://${host}/some/path?x=1`, context);
      assert.equal(r.party, 'third');
      assert.equal(r.registrableDomain, 'folksam.se');
      assert.equal(r.company, company);
      assert.equal(r.disguisedCollector?.company, company);
      assert.match(r.disguisedCollector?.reason ?? '', reason);
    });
  }

  const hosted = ['www.folksam.se', 'static.folksam.se', 'info.folksam.se', 'kund.folksam.se', 'gtm.folksam.se', 'unresolved.folksam.se'];
  for (const host of hosted) {
    it(`${host} stays first party: its chain reaches hosting or a CDN, or it was not resolved`, () => {
      const r = classifyRecipient(`https://${host}/`, context);
      assert.deepEqual(r, { host, registrableDomain: 'folksam.se', party: 'first' });
    });
  }

  it('a third-party host is not called disguised even when its CNAME reaches a tracker', () => {
    const r = classifyRecipient('https://metrics.partner.se/x', {
      firstPartyDomains: ['folksam.se'],
      cnames: new Map([['metrics.partner.se', ['partner.sc.omtrdc.net']]]),
    });
    assert.deepEqual(r, { host: 'metrics.partner.se', registrableDomain: 'partner.se', party: 'third' });
  });

  it('a CNAME to a tracker named only by an extra entity (the local test site)', () => {
    const r = classifyRecipient('http://collect.shop.test/e', {
      firstPartyDomains: ['shop.test'],
      cnames: new Map([['collect.shop.test', ['shop.collector.facebook.test']]]),
      extraEntities: [{ domain: 'facebook.test', company: 'Meta', category: 'social' }],
    });
    assert.equal(r.party, 'third');
    assert.equal(r.company, 'Meta');
    assert.deepEqual(r.disguisedCollector, {
      reason: 'CNAME cloaking: collect.shop.test → shop.collector.facebook.test, Meta (social, per the extra entities)',
      company: 'Meta',
    });
  });

  it('an extra entity of a non-tracking category is hosting, not cloaking', () => {
    const r = classifyRecipient('http://img.shop.test/a.png', {
      firstPartyDomains: ['shop.test'],
      cnames: new Map([['img.shop.test', ['shop.cdn.test']]]),
      extraEntities: [{ domain: 'cdn.test', company: 'Test CDN', category: 'cdn' }],
    });
    assert.equal(r.party, 'first');
    assert.equal(r.disguisedCollector, undefined);
  });

  it('CNAME answers are compared without case or a trailing dot', () => {
    const r = classifyRecipient('https://SMetrics.folksam.se/', {
      firstPartyDomains: ['folksam.se'],
      cnames: new Map([['smetrics.folksam.se', ['Folksam.SC.OMTRDC.NET.']]]),
    });
    assert.equal(r.disguisedCollector?.company, 'Adobe');
  });
});

describe('classifyRecipient: disguised collectors by path on a first-party host', () => {
  const cases: readonly { url: string; id: string; company: string; category: string }[] = [
    {
      url: 'https://sgtm.folksam.se/g/collect?v=2&tid=G-ABC&dl=https%3A%2F%2Fwww.folksam.se',
      id: 'ga4-collect',
      company: 'Google',
      category: 'analytics',
    },
    { url: 'https://www.folksam.se/metrics/g/collect?v=2', id: 'ga4-collect', company: 'Google', category: 'analytics' },
    {
      url: 'https://smetrics.folksam.se/b/ss/folksamprod/1/JS-2.22.0/s123?g=x',
      id: 'adobe-appmeasurement',
      company: 'Adobe',
      category: 'analytics',
    },
    { url: 'https://www.folksam.se/tr/?id=1234567890&ev=PageView&dl=x', id: 'meta-pixel-tr', company: 'Facebook', category: 'social' },
    { url: 'https://capi.folksam.se/tr?id=1&ev=Lead', id: 'meta-pixel-tr', company: 'Facebook', category: 'social' },
  ];
  for (const { url, id, company, category } of cases) {
    it(`${url} → ${id} (${company})`, () => {
      const r = classifyRecipient(url, FOLKSAM);
      assert.equal(r.party, 'third');
      assert.equal(r.registrableDomain, 'folksam.se');
      assert.equal(r.company, company);
      assert.equal(r.category, category);
      assert.equal(r.disguisedCollector?.company, company);
      assert.match(r.disguisedCollector?.reason ?? '', new RegExp(`signature ${id}\\)$`));
    });
  }

  const ordinary = [
    'https://www.folksam.se/tr/', // a Turkish-language section, not a pixel hit
    'https://www.folksam.se/tr/forsakring?id=1', // no ev
    'https://www.folksam.se/collect', // legacy UA path: too common a word to call a collector from the path alone
    'https://www.folksam.se/g/collection',
    'https://www.folksam.se/gtag/js?id=G-1', // a script load, not a collector; not in the reference
    'https://www.folksam.se/matomo.php?idsite=1', // self-hosted analytics; not in the reference
    'https://www.folksam.se/api/event', // Plausible's path; not in the reference
  ];
  for (const url of ordinary) {
    it(`${url} stays first party`, () => {
      const r = classifyRecipient(url, FOLKSAM);
      assert.equal(r.party, 'first');
      assert.equal(r.disguisedCollector, undefined);
    });
  }

  it('a CNAME reason comes before a path reason', () => {
    const r = classifyRecipient('https://smetrics.folksam.se/b/ss/x/1', {
      ...FOLKSAM,
      cnames: new Map([['smetrics.folksam.se', ['folksam.sc.omtrdc.net']]]),
    });
    assert.match(r.disguisedCollector?.reason ?? '', /^CNAME cloaking/);
  });

  it('the vendor itself is not a disguised collector', () => {
    const r = classifyRecipient('https://www.google-analytics.com/g/collect?v=2', FOLKSAM);
    assert.equal(r.disguisedCollector, undefined);
  });
});

describe('classifyRecipient: input it cannot classify', () => {
  for (const url of ['not a url', 'data:text/plain,canary@example.se', 'about:blank', '/relative/path?pnr=19121212-1212']) {
    it(`${url.slice(0, 30)} → VALIDATION_FAILED, without the URL in the message`, () => {
      assert.throws(
        () => classifyRecipient(url, FOLKSAM),
        (e: unknown) => isAppError(e) && e.code === 'VALIDATION_FAILED' && !e.message.includes('canary') && !e.message.includes('19121212'),
      );
    });
  }
});

describe('the tables and helpers', () => {
  it('every collector path and CNAME target names its source in the reference', () => {
    for (const s of [...COLLECTOR_PATHS, ...CNAME_CLOAKING_TARGETS]) assert.match(s.source, /reference §\d/);
    assert.equal(new Set(COLLECTOR_PATHS.map((s) => s.id)).size, COLLECTOR_PATHS.length);
  });

  it('every collector path vendor host and CNAME target is known to third-party-web under the same company', () => {
    for (const s of COLLECTOR_PATHS) assert.ok(findEntity(s.vendorHost), s.vendorHost);
    for (const t of CNAME_CLOAKING_TARGETS) assert.equal(findEntity(`x.${t.suffix}`)?.company, t.company);
  });

  it('registrableDomainOf', () => {
    assert.equal(registrableDomainOf('a.b.folksam.se'), 'folksam.se');
    assert.equal(registrableDomainOf('*.Folksam.se.'), 'folksam.se');
    assert.equal(registrableDomainOf('www.gov.uk'), 'www.gov.uk');
    assert.equal(registrableDomainOf('[2001:db8::1]'), '2001:db8::1');
    assert.equal(registrableDomainOf('localhost'), 'localhost');
  });

  it('findEntity knows nothing of a private test domain without an extra entity', () => {
    assert.equal(findEntity('connect.facebook.test'), undefined);
    assert.equal(findEntity(''), undefined);
  });
});
