import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { listAudit } from '../src/modules/audit/index.js';
import { documentedOperations } from '../src/web/openapi.js';
import { registeredRoutes } from '../src/web/app.js';
import { validBreach } from './support/breach-factory.js';
import { createTestApp, type TestApp } from './support/app.js';

const HIBP_FIELDS = [
  'AddedDate',
  'Attribution',
  'BreachDate',
  'DataClasses',
  'Description',
  'Domain',
  'IsFabricated',
  'IsMalware',
  'IsRetired',
  'IsSensitive',
  'IsSpamList',
  'IsStealerLog',
  'IsSubscriptionFree',
  'IsVerified',
  'LogoPath',
  'ModifiedDate',
  'Name',
  'PwnCount',
  'Title',
];

describe('HTTP API', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  const auth = () => ({ authorization: `Bearer ${t.key}` });

  describe('/api/v1 reads', () => {
    it('lists the five seed breaches with paging info', async () => {
      const res = await t.app.inject('/api/v1/breaches');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.total, 5);
      assert.equal(body.limit, 50);
      assert.deepEqual(body.items.map((b: { slug: string }) => b.slug).sort(), [
        'almerys',
        'caisse-des-depots-ircantec',
        'chronopost',
        'folksam',
        'viamedis',
      ]);
    });

    it('filters and sorts', async () => {
      const res = await t.app.inject('/api/v1/breaches?country=FR&dataClass=signature');
      assert.deepEqual(
        res.json().items.map((b: { slug: string }) => b.slug),
        ['chronopost'],
      );
      const bySize = (await t.app.inject('/api/v1/breaches?sort=size&order=asc')).json();
      assert.equal(bySize.items[0].slug, 'caisse-des-depots-ircantec');
    });

    it('rejects a bad query with field-level errors', async () => {
      const res = await t.app.inject('/api/v1/breaches?sort=colour&limit=9999');
      assert.equal(res.statusCode, 400);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      const body = res.json();
      assert.equal(body.code, 'VALIDATION_FAILED');
      assert.deepEqual(body.errors.map((e: { path: string }) => e.path).sort(), ['limit', 'sort']);
    });

    it('returns one breach with its ETag and related breaches', async () => {
      const res = await t.app.inject('/api/v1/breaches/viamedis');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers.etag, '"1"');
      const b = res.json();
      assert.equal(b.organisation.role, 'processor');
      assert.deepEqual(b.related, ['almerys']);
      assert.ok(b.dataClasses.includes('fr-nir'));
      assert.ok(!b.dataClasses.includes('email-address'));
    });

    it('answers 404 with a problem document for an unknown breach', async () => {
      const res = await t.app.inject('/api/v1/breaches/nope');
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'BREACH_NOT_FOUND');
    });

    it('serves the taxonomy with its version', async () => {
      const body = (await t.app.inject('/api/v1/data-classes')).json();
      assert.equal(body.version, 1);
      const nir = body.items.find((d: { code: string }) => d.code === 'fr-nir');
      assert.deepEqual(nir.lookupKinds, ['fr-nir']);
      assert.deepEqual(Object.keys(nir.labels).sort(), ['en', 'fr', 'sv']);
    });

    it('reports health', async () => {
      const res = await t.app.inject('/api/v1/health');
      assert.deepEqual(res.json(), { status: 'ok', database: 'reachable' });
    });
  });

  describe('/api/v1 writes', () => {
    it('requires an API key', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/breaches', payload: validBreach() });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'AUTH_REQUIRED');
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/breaches',
        headers: { 'x-api-key': `bd_${'0'.repeat(26)}_${'A'.repeat(43)}` },
        payload: validBreach(),
      });
      assert.equal(bad.statusCode, 401);
      assert.equal(bad.json().code, 'AUTH_INVALID');
    });

    it('rejects an invalid body as a whole, naming every field, and writes nothing', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/breaches',
        headers: auth(),
        payload: validBreach({ slug: 'half-written', country: 'XX', dates: { occurredFrom: '2024-13' } }),
      });
      assert.equal(res.statusCode, 400);
      const body = res.json();
      assert.equal(body.code, 'VALIDATION_FAILED');
      assert.deepEqual(body.errors.map((e: { path: string }) => e.path).sort(), ['country', 'dates.occurredFrom']);
      assert.equal((await t.app.inject('/api/v1/breaches/half-written')).statusCode, 404);
    });

    it('rejects malformed JSON with a clear 400', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/breaches',
        headers: { ...auth(), 'content-type': 'application/json' },
        payload: '{"slug": "x",',
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'INPUT_JSON_INVALID');
    });

    it('creates a breach, then refuses the same slug as a conflict', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/breaches', headers: auth(), payload: validBreach() });
      assert.equal(res.statusCode, 201);
      assert.equal(res.headers.location, '/api/v1/breaches/example-insurer');
      assert.equal(res.json().revision, 1);
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/breaches', headers: auth(), payload: validBreach() });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'BREACH_SLUG_CONFLICT');
    });

    it('replaces a breach, honouring If-Match, and refuses a slug change', async () => {
      const url = '/api/v1/breaches/example-insurer';
      const renamed = validBreach({ title: 'Example insurer: updated' });
      const mismatch = await t.app.inject({ method: 'PUT', url, headers: auth(), payload: validBreach({ slug: 'other-slug' }) });
      assert.equal(mismatch.statusCode, 400);
      assert.equal(mismatch.json().code, 'BREACH_SLUG_MISMATCH');
      const ok = await t.app.inject({ method: 'PUT', url, headers: { ...auth(), 'if-match': '"1"' }, payload: renamed });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.headers.etag, '"2"');
      const stale = await t.app.inject({
        method: 'PUT',
        url,
        headers: { ...auth(), 'if-match': '"1"' },
        payload: validBreach({ title: 'Lost update' }),
      });
      assert.equal(stale.statusCode, 409);
      assert.equal((await t.app.inject(url)).json().title, 'Example insurer: updated');
    });

    it('audits every write with the API key as actor', async () => {
      const entries = await listAudit(t.db.handle.db, { subjectType: 'breach', subjectId: 'example-insurer' });
      assert.deepEqual(
        entries.map((e) => e.action),
        ['breach.update', 'breach.create'],
      );
      assert.match(entries[0]?.actor ?? '', /^api-key:[0-9A-Z]{26}$/);
    });

    it('never logs the API key', () => {
      // The secret is base64url, which may itself contain '_': take everything after the 26-character id.
      const secret = /^bd_[0-9A-Z]{26}_(.+)$/.exec(t.key)![1]!;
      assert.ok(t.logs().length > 0, 'the app logged nothing: the test would prove nothing');
      assert.ok(!t.logs().includes(secret));
    });
  });

  describe('Have I Been Pwned v3 compatibility', () => {
    it('serves /api/v3/breaches with HIBP field names and types', async () => {
      const res = await t.app.inject('/api/v3/breaches');
      assert.equal(res.statusCode, 200);
      const all = res.json<Record<string, unknown>[]>();
      assert.ok(all.length >= 5);
      for (const b of all) {
        assert.deepEqual(Object.keys(b).sort(), HIBP_FIELDS);
        assert.equal(typeof b['PwnCount'], 'number');
        assert.match(b['BreachDate'] as string, /^\d{4}-\d{2}-\d{2}$/);
        assert.match(b['AddedDate'] as string, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        assert.ok(Array.isArray(b['DataClasses']));
        assert.equal(typeof b['IsVerified'], 'boolean');
      }
      const viamedis = all.find((b) => b['Name'] === 'Viamedis')!;
      assert.equal(viamedis['PwnCount'], 33_000_000);
      assert.equal(viamedis['Domain'], 'viamedis.fr');
      assert.ok((viamedis['DataClasses'] as string[]).includes('Social security numbers'));
      assert.ok((viamedis['DataClasses'] as string[]).includes('Dates of birth'));
      assert.match(viamedis['Description'] as string, /^<p>/);
    });

    it('filters by Domain, case-insensitively, under either spelling', async () => {
      for (const q of ['Domain=FOLKSAM.se', 'domain=folksam.se']) {
        const names = (await t.app.inject(`/api/v3/breaches?${q}`)).json().map((b: { Name: string }) => b.Name);
        assert.deepEqual(names, ['Folksam']);
      }
      assert.deepEqual((await t.app.inject('/api/v3/breaches?Domain=unknown.example')).json(), []);
    });

    it('revalidates the whole list with an ETag, and a change to the catalogue changes it', async () => {
      const first = await t.app.inject('/api/v3/breaches');
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]{22}"$/);
      const again = await t.app.inject({ url: '/api/v3/breaches', headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      const current = await t.catalogue.get('chronopost');
      const { addedAt: _a, modifiedAt: _m, ...input } = current.breach;
      await t.catalogue.update('chronopost', { ...input, title: 'Chronopost customer data breach (updated)' }, 'test');
      const changed = await t.app.inject({ url: '/api/v3/breaches', headers: { 'if-none-match': etag } });
      assert.equal(changed.statusCode, 200);
      assert.notEqual(changed.headers.etag, etag);
      assert.ok(changed.json().some((b: { Title: string }) => b.Title.endsWith('(updated)')));
    });

    it('serves /api/v3/breach/{name} case-insensitively, 404 otherwise', async () => {
      for (const name of ['CaisseDesDepotsIrcantec', 'caissedesdepotsircantec']) {
        const res = await t.app.inject(`/api/v3/breach/${name}`);
        assert.equal(res.statusCode, 200);
        assert.equal(res.json().Name, 'CaisseDesDepotsIrcantec');
      }
      assert.equal((await t.app.inject('/api/v3/breach/NoSuchBreach')).statusCode, 404);
    });

    it('serves /api/v3/latestbreach and /api/v3/dataclasses', async () => {
      const latest = (await t.app.inject('/api/v3/latestbreach')).json();
      assert.equal(latest.Name, 'ExampleInsurer');
      const classes = (await t.app.inject('/api/v3/dataclasses')).json<string[]>();
      assert.ok(classes.every((c) => typeof c === 'string'));
      assert.ok(classes.includes('Email addresses'));
      assert.equal(new Set(classes).size, classes.length);
    });
  });

  describe('feed, logos and documents', () => {
    it('serves an Atom feed of the breaches, in the requested language', async () => {
      const res = await t.app.inject('/feeds/breaches.atom?lang=fr');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /application\/atom\+xml/);
      assert.match(res.body, /^<\?xml version="1.0" encoding="utf-8"\?>/);
      assert.match(res.body, /xml:lang="fr"/);
      assert.equal(res.body.match(/<entry>/g)?.length, 6);
      assert.match(res.body, /<link rel="alternate" type="text\/html" href="http:\/\/localhost:80\/breaches\/viamedis\?lang=fr"\/>/);
    });

    it('serves a monogram logo as SVG', async () => {
      const res = await t.app.inject('/logos/folksam.svg');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /image\/svg\+xml/);
      assert.match(res.body, />F<\/text>/);
    });

    it('serves the committed OpenAPI description, and it matches the code', async () => {
      const served = (await t.app.inject('/api/docs')).json();
      const committed = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8'));
      assert.deepEqual(served, committed, 'docs/openapi.json is stale: run "npm run openapi" and commit it');
      assert.equal(served.openapi, '3.1.0');
    });

    it('documents every API route it serves, and serves every route it documents', () => {
      const served = new Set(
        registeredRoutes(t.app)
          .filter((r) => / \/(api|feeds)\//.test(r))
          .map((r) => r.replace(/:(\w+)/g, '{$1}')),
      );
      const documented = documentedOperations(JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8')));
      assert.deepEqual(
        [...served].filter((r) => !documented.has(r)),
        [],
        'served but undocumented',
      );
      assert.deepEqual(
        [...documented].filter((r) => !served.has(r)),
        [],
        'documented but not served',
      );
    });

    it('sets security headers', async () => {
      const res = await t.app.inject('/');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
    });
  });

  describe('web pages', () => {
    it('picks the language from Accept-Language, and ?lang= overrides and is remembered', async () => {
      const fr = await t.app.inject({ url: '/', headers: { 'accept-language': 'de-DE,fr;q=0.8,en;q=0.5' } });
      assert.match(fr.body, /<html lang="fr">/);
      assert.match(fr.body, /Catalogue des violations de données/);
      const sv = await t.app.inject('/?lang=sv');
      assert.match(sv.body, /<html lang="sv">/);
      assert.match(String(sv.headers['set-cookie']), /lang=sv/);
      const remembered = await t.app.inject({ url: '/breaches/folksam', headers: { cookie: 'lang=sv', 'accept-language': 'en' } });
      assert.match(remembered.body, /Vad som läckte/);
    });

    it('renders a breach page with facts, timeline, leaked data and sources', async () => {
      const res = await t.app.inject('/breaches/viamedis?lang=en');
      assert.equal(res.statusCode, 200);
      for (const text of [
        'Key facts',
        'Processor',
        '84 organisations',
        'more than 33,000,000',
        'Timeline',
        'What leaked',
        'Sources',
        'Almerys',
      ]) {
        assert.ok(res.body.includes(text), `missing "${text}"`);
      }
      assert.match(res.body, /href="https:\/\/topnews\.media\/\?p=156355"/);
    });

    it('titles a breach in the page’s language, and marks an untranslated title as English', async () => {
      const fr = await t.app.inject('/breaches/viamedis?lang=fr');
      assert.match(fr.body, /<h1>Violation de données chez Viamedis \(tiers payant\)<\/h1>/);
      assert.match(fr.body, /<title>Violation de données chez Viamedis \(tiers payant\)/);
      // The related breach, in French too.
      assert.match(fr.body, /<a href="\/breaches\/almerys[^"]*">Violation de données chez Almerys \(tiers payant\)<\/a>/);
      const sv = await t.app.inject('/?lang=sv');
      assert.match(sv.body, />Folksams kunduppgifter delades med techföretag</);
      const en = await t.app.inject('/breaches/viamedis?lang=en');
      assert.match(en.body, /<h1>Viamedis third-party payment breach<\/h1>/);
      // HIBP clients keep the English Title.
      assert.equal((await t.app.inject('/api/v3/breach/Viamedis')).json<{ Title: string }>().Title, 'Viamedis third-party payment breach');

      const untranslated = await t.app.inject({
        method: 'POST',
        url: '/api/v1/breaches',
        headers: auth(),
        payload: validBreach({ slug: 'english-only-title', title: 'English only title' }),
      });
      assert.equal(untranslated.statusCode, 201, untranslated.body);
      const page = await t.app.inject('/breaches/english-only-title?lang=fr');
      assert.match(page.body, /<h1><span lang="en">English only title<\/span><\/h1>/);
      const feed = await t.app.inject('/feeds/breaches.atom?lang=sv');
      assert.match(feed.body, /<title xml:lang="en">English only title<\/title>/);
      assert.match(feed.body, /<title>Dataintrång hos Viamedis<\/title>/);
    });

    it('keeps a page usable when a filter in the URL is invalid', async () => {
      const res = await t.app.inject('/?sort=colour&country=SE');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Folksam/);
      assert.doesNotMatch(res.body, /Chronopost/);
    });

    it('answers an unknown page with a localised 404 page', async () => {
      const res = await t.app.inject('/breaches/nope?lang=fr');
      assert.equal(res.statusCode, 404);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.body, /Page introuvable/);
    });

    it('escapes catalogue text in pages', async () => {
      const payload = validBreach({ slug: 'xss-test', title: '<script>alert(1)</script>' });
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/breaches', headers: auth(), payload })).statusCode, 201);
      const page = await t.app.inject('/breaches/xss-test');
      assert.ok(!page.body.includes('<script>alert(1)</script>'));
      assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    });
  });
});
