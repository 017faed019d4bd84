import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { AppError } from '../../../platform/errors.js';
import { importHar, WEBSOCKET_FRAME_METHOD } from './har-import.js';

const fixture = (name: string): Promise<string> =>
  readFile(new URL(`../../../../test/fixtures/leak-audit/${name}`, import.meta.url), 'utf8');

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError, `not an AppError: ${String(error)}`);
    return error;
  }
  assert.fail('did not throw');
}

describe('importHar: recordings of the test shop', () => {
  it('reads every entry of the logged-in recording, with Chromium extras: beacons, initiators, binary bodies, WebSocket frames', async () => {
    const { requests, skipped } = importHar(await fixture('shop-logged-in.har'), { file: 'shop-logged-in.har', consent: 'accept-all' });
    assert.deepEqual(skipped, []);
    assert.ok(requests.every((r) => r.source === 'har' && r.consent === 'accept-all' && r.step === 'har:shop-logged-in.har'));
    assert.equal(new Set(requests.map((r) => r.id)).size, requests.length, 'ids are unique');

    const beacon = requests.find((r) => r.url.startsWith('http://www.google-analytics.test/g/collect'));
    assert.equal(beacon?.kind, 'beacon');
    assert.equal(beacon?.method, 'POST');
    assert.match(beacon?.url ?? '', /uid=KN-7730291&.*ep\.customer_email=audit%2B7f3k9q%40example\.se/);
    assert.equal(beacon?.body?.text, 'en=view_policy&ep.policy_number=POL-55190374');
    assert.equal(beacon?.initiator, 'http://www.googletagmanager.test/gtag/js?id=G-SHOPTEST');
    assert.equal(beacon?.pageUrl, 'http://www.shop.test/account', 'the page is its first document, Playwright titles are not URLs');

    const cname = requests.find((r) => r.url.startsWith('http://smetrics.shop.test/b/ss/'));
    assert.equal(cname?.headers['cookie'], `crm_email=${Buffer.from('audit+7f3k9q@example.se').toString('base64')}`);
    assert.equal(cname?.kind, 'image');

    const gzip = requests.find((r) => r.url === 'http://www.clarity.test/collect');
    assert.equal(gzip?.body?.contentType, 'application/x-clarity-gzip');
    assert.deepEqual(
      [...Buffer.from(gzip?.body?.base64 ?? '', 'base64').subarray(0, 2)],
      [0x1f, 0x8b],
      'still gzip: decoding is the detector’s job',
    );

    const frames = requests.filter((r) => r.kind === 'websocket-frame');
    assert.equal(frames.length, 1);
    assert.equal(frames[0]?.method, WEBSOCKET_FRAME_METHOD);
    assert.equal(frames[0]?.url, 'ws://ws.hotjar.test/api/v2/client/ws');
    assert.match(frames[0]?.body?.text ?? '', /"email":"audit\+7f3k9q@example\.se"/);
    assert.equal(frames[0]?.pageUrl, 'http://www.shop.test/account/activity');

    const documents = requests.filter((r) => r.kind === 'document').map((r) => r.url);
    assert.deepEqual(documents, ['http://www.shop.test/account', 'http://www.shop.test/account/activity']);
    assert.ok(requests.every((r) => Object.keys(r.headers).every((name) => name === name.toLowerCase())));
  });

  it('reads the anonymous recording: the form POST body, the confirmation URL, Referer headers', async () => {
    const { requests, skipped } = importHar(await fixture('shop-anonymous.har'), { file: 'shop-anonymous.har' });
    assert.deepEqual(skipped, []);
    assert.ok(
      requests.every((r) => r.consent === 'no-choice'),
      'no-choice unless told',
    );
    const lead = requests.find((r) => r.method === 'POST' && r.url === 'http://www.facebook.test/tr/');
    assert.match(
      lead?.body?.text ?? '',
      /ud%5Bph%5D=[0-9a-f]{64}&udff%5Bfn%5D=[0-9a-f]{64}&cd%5Bcontent_name%5D=gravidf%C3%B6rs%C3%A4kring/,
    );
    const fromConfirm = requests.filter(
      (r) => r.pageUrl.startsWith('http://www.shop.test/confirm?') && !r.url.startsWith('http://www.shop.test/'),
    );
    assert.ok(fromConfirm.length >= 4);
    for (const r of fromConfirm) assert.match(r.headers['referer'] ?? '', /email=audit%2B7f3k9q%40example\.se/);
    assert.ok(requests.some((r) => r.kind === 'script' && r.url === 'http://connect.facebook.test/en_US/fbevents.js'));
  });
});

describe('importHar: bad input', () => {
  it('refuses text that is not JSON, naming the file, line and column but not the text', async () => {
    const error = thrown(() => importHar('{ "log": { "entries": [ { "request": ', { file: 'cut.har' }));
    assert.equal(error.code, 'INPUT_JSON_INVALID');
    assert.match(error.message, /^cut\.har:1:\d+: not valid JSON/);
    const truncated = await fixture('malformed-truncated.har');
    const fromFile = thrown(() => importHar(truncated, { file: 'malformed-truncated.har' }));
    assert.equal(fromFile.code, 'INPUT_JSON_INVALID');
    assert.match(fromFile.message, /^malformed-truncated\.har:1:\d+: not valid JSON: expected a value, but the text ended/);
  });

  it('refuses a file that is not a HAR, with the JSON path', async () => {
    const noEntriesText = await fixture('malformed-no-entries.har');
    const noEntries = thrown(() => importHar(noEntriesText, { file: 'malformed-no-entries.har' }));
    assert.match(noEntries.message, /malformed-no-entries\.har: log\.entries: missing/);
    const error = thrown(() => importHar('{ "log": { "version": "1.2", "pages": [] } }', { file: 'x.har' }));
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.match(error.message, /x\.har: log\.entries: missing/);
    assert.deepEqual(error.issues, [{ path: 'log.entries', message: 'missing' }]);
    assert.match(thrown(() => importHar('[]', { file: 'a.har' })).message, /a\.har: \(root\): not a HAR file/);
    assert.match(thrown(() => importHar('{"log": 3}', { file: 'b.har' })).message, /b\.har: log: must be an object/);
    assert.match(thrown(() => importHar('{"log": {"entries": {}}}', { file: 'c.har' })).message, /c\.har: log\.entries: must be an array/);
  });

  it('keeps the usable entries and lists every other one with its path and reason', async () => {
    const { requests, skipped } = importHar(await fixture('malformed-entries.har'), { file: 'malformed-entries.har', idPrefix: 'm' });
    assert.deepEqual(skipped, [
      { index: 1, reason: 'log.entries[1].request.url: missing' },
      { index: 2, reason: 'log.entries[2].request.url: not an absolute URL' },
      { index: 3, reason: 'log.entries[3].startedDateTime: not an ISO 8601 date' },
      { index: 4, reason: 'log.entries[4]: must be an object' },
      { index: 5, reason: 'log.entries[5].request.headers: must be an array' },
    ]);
    assert.deepEqual(
      requests.map((r) => r.id),
      ['m0', 'm6'],
    );
    const [pixel, tiktok] = requests;
    assert.equal(pixel?.headers['cookie'], 'fr=abc; datr=def', 'a sanitised export keeps cookies in request.cookies');
    assert.equal(pixel?.pageUrl, 'https://www.example.test/kund', 'a page title that is a URL is the page');
    assert.equal(pixel?.initiator, 'https://connect.facebook.test/en_US/fbevents.js', 'from the parent stack');
    assert.equal(pixel?.kind, 'other');
    assert.equal(pixel?.at, '2026-01-15T10:00:00.000Z');
    assert.equal(tiktok?.method, 'POST');
    assert.deepEqual(tiktok?.headers, { 'x-a': '1, 2' });
    assert.deepEqual(tiktok?.body, { text: 'email=a%2Bb%40example.se&empty=', contentType: 'application/x-www-form-urlencoded' });
  });

  it('never quotes a value in a reason or a message', () => {
    const secret = 'audit+7f3k9q@example.se';
    const har = JSON.stringify({ log: { entries: [{ startedDateTime: 'x', request: { method: 'GET', url: secret } }] } });
    const { skipped } = importHar(har, { file: 'f.har' });
    assert.equal(skipped.length, 1);
    assert.ok(!skipped[0]!.reason.includes(secret));
    const error = thrown(() => importHar(`{"log": {"entries": [${JSON.stringify(secret)}`, { file: 'g.har' }));
    assert.ok(!error.message.includes(secret));
  });
});
