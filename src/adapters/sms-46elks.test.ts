// The 46elks adapter against a real HTTP server in this process that behaves like 46elks' /a1/sms endpoint and calls a real
// delivery-report endpoint back: no mocked fetch. Every result and error is searched for the number, the text and the password.
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../platform/clock.js';
import { isAppError } from '../platform/errors.js';
import { stopsSmsChannel, type SmsMessage, type SmsSendResult } from '../modules/campaigns/sms/index.js';
import {
  create46elksSmsProvider,
  ELKS_REFERENCE_PARAM,
  parse46elksDeliveryReport,
  parseRetryAfter,
  type Sms46elksOptions,
} from './sms-46elks.js';

const USERNAME = 'u2c1a5b7e9d0f3a4b6c8d0e1f2a3b4c5d';
const PASSWORD = 'F00B4R-pass_word:with-colon';
const PHONE = '+46701234567';
const UNALLOCATED = '+46700000999';
const TEXT = 'Hej Åsa! Dina uppgifter har läckt hos Exempel AB. Läs mer på exempel.se/lacka – svara inte 😀';
const REFERENCE = '01JBREACHDESKSMS000000001';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly form: Record<string, string>;
}

type Behaviour = (request: Received, response: ServerResponse) => void;

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * A small 46elks: POST /a1/sms (or /relay/a1/sms, behind a path prefix) with Basic auth and a form body. Knows one account,
 * refuses unallocated numbers with a body that echoes the number, and calls `whendelivered` back with "sent" then
 * "delivered". `next` replaces the behaviour for one request.
 */
async function startFakeElks() {
  const received: Received[] = [];
  let counter = 0;
  const fake = {
    url: '',
    received,
    next: undefined as Behaviour | undefined,
    server: createServer((request, response) => {
      void (async () => {
        const raw = await readBody(request);
        const entry: Received = {
          method: request.method ?? '',
          url: request.url ?? '',
          authorization: request.headers.authorization,
          contentType: request.headers['content-type'],
          form: Object.fromEntries(new URLSearchParams(raw)),
        };
        received.push(entry);
        const override = fake.next;
        fake.next = undefined;
        if (override) return override(entry, response);

        const json = (status: number, body: unknown) =>
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (entry.url !== '/a1/sms' && entry.url !== '/relay/a1/sms') return response.writeHead(404).end('Not found');
        if (entry.method !== 'POST') return response.writeHead(405).end('Method not allowed');
        if (entry.authorization !== basic(USERNAME, PASSWORD)) return response.writeHead(401).end('Invalid API credentials');
        const { from, to, message, whendelivered } = entry.form;
        if (!to || !/^\+[1-9]\d{6,14}$/.test(to) || to === UNALLOCATED) return response.writeHead(400).end(`Invalid to number ${to ?? ''}`);
        if (!message) return response.writeHead(400).end('Missing key message');
        const parts = message.length <= 70 ? 1 : Math.ceil(message.length / 67);
        const id = `s${(++counter).toString(16).padStart(32, '0')}`;
        json(200, {
          status: 'created',
          direction: 'outgoing',
          from,
          to,
          created: '2026-03-01T12:00:00.000000',
          parts,
          cost: 3500 * parts,
          id,
        });
        if (whendelivered) void callBack(whendelivered, id);
      })();
    }),
  };
  fake.url = await listen(fake.server);
  return fake;
}

/** What 46elks does with `whendelivered`: a form POST per state change; credentials in the URL become Basic auth. */
async function callBack(whendelivered: string, id: string): Promise<void> {
  const url = new URL(whendelivered);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (url.username) headers.authorization = basic(decodeURIComponent(url.username), decodeURIComponent(url.password));
  url.username = '';
  url.password = '';
  const forms: Record<string, string>[] = [
    { id, status: 'sent' },
    { id, status: 'delivered', delivered: '2026-03-01T12:00:05.123456' },
  ];
  for (const form of forms) {
    await fetch(url, { method: 'POST', headers, body: new URLSearchParams(form).toString() });
  }
}

/** Our delivery-report endpoint: records each callback and answers 204, as the campaign route will. */
async function startWebhook() {
  const calls: { authorization: string | undefined; query: Record<string, string>; form: Record<string, string> }[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://localhost');
      calls.push({
        authorization: request.headers.authorization,
        query: Object.fromEntries(url.searchParams),
        form: Object.fromEntries(new URLSearchParams(raw)),
      });
      response.writeHead(204).end();
      waiters.splice(0).forEach((wake) => wake());
    })();
  });
  const url = await listen(server);
  const waitFor = async (count: number): Promise<void> => {
    const deadline = Date.now() + 5000;
    while (calls.length < count) {
      assert.ok(Date.now() < deadline, `expected ${count} callbacks, got ${calls.length}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return { server, url, calls, waitFor };
}

/** No form of the number, the text or the password in what the adapter gives back (result, error, stack). */
function assertNoPersonalData(value: unknown): void {
  const everything = [
    JSON.stringify(value),
    String(value),
    value instanceof Error ? `${value.stack} ${JSON.stringify(value.cause)}` : '',
  ].join(' ');
  const forbidden = [
    PHONE,
    PHONE.slice(1),
    encodeURIComponent(PHONE),
    UNALLOCATED,
    UNALLOCATED.slice(1),
    TEXT.slice(0, 12),
    'Åsa',
    'läckt',
    PASSWORD,
  ];
  for (const secret of forbidden) assert.ok(!everything.includes(secret), `leaks ${secret}: ${everything}`);
}

describe('46elks SMS provider', () => {
  let elks: Awaited<ReturnType<typeof startFakeElks>>;
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  before(async () => {
    [elks, webhook] = await Promise.all([startFakeElks(), startWebhook()]);
  });
  after(async () => {
    await Promise.all([stop(elks.server), stop(webhook.server)]);
  });

  const provider = (overrides: Partial<Sms46elksOptions> = {}) =>
    create46elksSmsProvider({
      username: USERNAME,
      password: PASSWORD,
      sender: 'Exempel',
      baseUrl: elks.url,
      timeoutMs: 2000,
      ...overrides,
    });

  /** Sends, checks that the result leaks nothing, and returns it with the request 46elks saw (if any). */
  async function send(overrides: Partial<Sms46elksOptions> = {}, message: Partial<SmsMessage> = {}) {
    const before = elks.received.length;
    const result = await provider(overrides).send({ to: PHONE, text: TEXT, reference: REFERENCE, ...message });
    assertNoPersonalData(result);
    return {
      result,
      request: elks.received.length > before ? elks.received[elks.received.length - 1] : undefined,
      requests: elks.received.length - before,
    };
  }

  it('sends one form-encoded POST with Basic auth, and returns the id, the parts and the cost', async () => {
    const { result, request } = await send({ accountCurrency: 'SEK' });
    assert.deepEqual(result, {
      kind: 'accepted',
      providerId: 's00000000000000000000000000000001',
      segments: 2,
      cost: { amount: 7000, decimals: 4, currency: 'SEK' },
    });
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/a1/sms');
    assert.equal(request.authorization, basic(USERNAME, PASSWORD));
    assert.match(request.contentType ?? '', /^application\/x-www-form-urlencoded/);
    // The text arrives byte for byte, Swedish letters, dash and emoji included; dontlog keeps it out of 46elks' history.
    assert.deepEqual(request.form, { from: 'Exempel', to: PHONE, message: TEXT, dontlog: 'message' });
  });

  it('asks for delivery reports carrying our reference, and parses the callbacks 46elks makes', async () => {
    const callsBefore = webhook.calls.length;
    const reportUrl = `${webhook.url.replace('http://', 'http://dlr:hook-secret@')}/sms/46elks?token=t0k`;
    const { result, request } = await send({ deliveryReportUrl: reportUrl, keepTextAtProvider: true });
    assert.equal(result.kind, 'accepted');
    const whendelivered = new URL(request!.form.whendelivered!);
    assert.equal(whendelivered.searchParams.get(ELKS_REFERENCE_PARAM), REFERENCE);
    assert.equal(whendelivered.searchParams.get('token'), 't0k');
    assert.equal(request!.form.dontlog, undefined);

    await webhook.waitFor(callsBefore + 2);
    const [sent, delivered] = webhook.calls.slice(callsBefore);
    assert.equal(sent!.authorization, basic('dlr', 'hook-secret'));
    assert.deepEqual(parse46elksDeliveryReport(sent!.form, sent!.query), {
      kind: 'progress',
      providerId: (result as { providerId: string }).providerId,
      reference: REFERENCE,
    });
    assert.deepEqual(parse46elksDeliveryReport(delivered!.form, delivered!.query), {
      kind: 'final',
      report: {
        providerId: (result as { providerId: string }).providerId,
        status: 'delivered',
        at: new Date('2026-03-01T12:00:05.123Z'),
        reference: REFERENCE,
      },
    });
  });

  it('works behind a path prefix', async () => {
    const { result, request } = await send({ baseUrl: `${elks.url}/relay/` });
    assert.equal(result.kind, 'accepted');
    assert.equal(request!.url, '/relay/a1/sms');
  });

  it('refuses a number that is not E.164, and an empty text, without any request', async () => {
    for (const to of ['070-123 45 67', '0046701234567', '46701234567', `${PHONE} `]) {
      const { result, requests } = await send({}, { to });
      assert.deepEqual(result, { kind: 'rejected', reason: 'not-e164' });
      assert.equal(requests, 0);
    }
    const { result, requests } = await send({}, { text: '' });
    assert.deepEqual(result, { kind: 'rejected', reason: 'empty-message' });
    assert.equal(requests, 0);
  });

  it('maps an invalid number to a permanent rejection for that message, without repeating the body', async () => {
    const { result } = await send({}, { to: UNALLOCATED });
    assert.deepEqual(result, { kind: 'rejected', reason: 'invalid-number', httpStatus: 400 });
    assert.equal(stopsSmsChannel(result), false);
  });

  it('maps 401 (wrong credentials) to provider-auth, which stops the channel', async () => {
    const { result, request } = await send({ password: 'wrong-password' });
    assert.equal(request!.authorization, basic(USERNAME, 'wrong-password'));
    assert.deepEqual(result, { kind: 'rejected', reason: 'provider-auth', httpStatus: 401 });
    assert.equal(stopsSmsChannel(result), true);
  });

  const refusals: [string, number, string, SmsSendResult][] = [
    ['402', 402, 'Payment required', { kind: 'rejected', reason: 'insufficient-funds', httpStatus: 402 }],
    [
      '403 "Not enough credits"',
      403,
      '{"error": "Not enough credits"}',
      { kind: 'rejected', reason: 'insufficient-funds', httpStatus: 403 },
    ],
    ['403 with any other text', 403, 'Forbidden', { kind: 'rejected', reason: 'provider-auth', httpStatus: 403 }],
    [
      '400 about the sender',
      400,
      'Invalid from. Text sender IDs are at most 11 characters.',
      { kind: 'rejected', reason: 'sender-invalid', httpStatus: 400 },
    ],
    ['400 echoing the number', 400, `Invalid to number: ${PHONE}`, { kind: 'rejected', reason: 'invalid-number', httpStatus: 400 }],
    ['403 about a blocked destination', 403, `Destination not allowed: ${PHONE}`, { kind: 'rejected', reason: 'blocked', httpStatus: 403 }],
    ['400 echoing the text', 400, `Bad request: message=${TEXT}`, { kind: 'rejected', reason: 'provider-rejected', httpStatus: 400 }],
    ['404', 404, 'Not found', { kind: 'rejected', reason: 'endpoint-invalid', httpStatus: 404 }],
  ];
  for (const [name, status, body, expected] of refusals) {
    it(`maps ${name}`, async () => {
      elks.next = (_request, response) => response.writeHead(status, { 'content-type': 'text/plain' }).end(body);
      const { result } = await send();
      assert.deepEqual(result, expected);
    });
  }

  it('stops the channel for credit, sender and endpoint problems, not for a number', () => {
    const stopping = refusals.filter(([, , , r]) => stopsSmsChannel(r)).map(([name]) => name);
    assert.deepEqual(stopping, ['402', '403 "Not enough credits"', '403 with any other text', '400 about the sender', '404']);
  });

  it('reports a wrong base URL as endpoint-invalid', async () => {
    const { result } = await send({ baseUrl: `${elks.url}/nowhere` });
    assert.deepEqual(result, { kind: 'rejected', reason: 'endpoint-invalid', httpStatus: 404 });
  });

  it('does not follow a redirect (it would carry the credentials elsewhere)', async () => {
    elks.next = (_request, response) => response.writeHead(302, { location: `${elks.url}/elsewhere` }).end();
    const { result, requests } = await send();
    assert.deepEqual(result, { kind: 'rejected', reason: 'endpoint-invalid', httpStatus: 302 });
    assert.equal(requests, 1);
  });

  it('maps 429 to a retry after the Retry-After seconds', async () => {
    elks.next = (_request, response) => response.writeHead(429, { 'retry-after': '30' }).end('Too many requests');
    assert.deepEqual((await send()).result, { kind: 'retry', reason: 'rate-limited', retryAfterMs: 30_000, httpStatus: 429 });
  });

  it('reads a Retry-After date against the clock', async () => {
    elks.next = (_request, response) => response.writeHead(429, { 'retry-after': 'Sun, 01 Mar 2026 12:02:00 GMT' }).end();
    const { result } = await send({ clock: fixedClock('2026-03-01T12:00:00Z') });
    assert.deepEqual(result, { kind: 'retry', reason: 'rate-limited', retryAfterMs: 120_000, httpStatus: 429 });
  });

  it('maps 500 and 503 to a retry, with Retry-After when given', async () => {
    elks.next = (_request, response) => response.writeHead(500).end(`Internal error while sending to ${PHONE}`);
    assert.deepEqual((await send()).result, { kind: 'retry', reason: 'provider-unavailable', httpStatus: 500 });
    elks.next = (_request, response) => response.writeHead(503, { 'retry-after': '5' }).end();
    assert.deepEqual((await send()).result, { kind: 'retry', reason: 'provider-unavailable', retryAfterMs: 5000, httpStatus: 503 });
  });

  it('reports a request with no answer in time as unconfirmed, not as a retry: 46elks did receive it', async () => {
    elks.next = () => undefined; // never answers
    const started = Date.now();
    const { result, request } = await send({ timeoutMs: 300 });
    assert.deepEqual(result, { kind: 'unknown', reason: 'timeout-after-send' });
    assert.ok(Date.now() - started < 2000);
    assert.equal(request!.form.to, PHONE, 'the server had the whole request');
  });

  it('reports a 200 whose body never completes as unconfirmed', async () => {
    elks.next = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id": "s1');
    };
    assert.deepEqual((await send({ timeoutMs: 300 })).result, { kind: 'unknown', reason: 'timeout-after-send', httpStatus: 200 });
  });

  it('reports a connection cut after the request as unconfirmed', async () => {
    elks.next = (_request, response) => response.socket?.destroy();
    const { result, request } = await send();
    assert.ok(request, 'the server had the request');
    assert.ok(result.kind === 'unknown' && result.reason === 'connection-lost', JSON.stringify(result));
    assert.match(result.detail ?? '', /^[A-Z][A-Z0-9_]+$/, 'an error code such as UND_ERR_SOCKET, never a message');
  });

  it('reports a 200 it cannot read as unconfirmed (sent, but no id)', async () => {
    elks.next = (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>OK</html>');
    assert.deepEqual((await send()).result, { kind: 'unknown', reason: 'response-unreadable', httpStatus: 200 });
    elks.next = (_request, response) => response.writeHead(200).end('{"status": "created"}');
    assert.deepEqual((await send()).result, { kind: 'unknown', reason: 'response-unreadable', httpStatus: 200 });
  });

  it('counts the segments itself when 46elks gives no parts, and leaves out a cost it was not given', async () => {
    elks.next = (_request, response) => response.writeHead(200).end('{"id": "sabc123", "status": "created"}');
    assert.deepEqual((await send()).result, { kind: 'accepted', providerId: 'sabc123', segments: 2 });
  });

  it('maps a 200 that is already failed to a rejection', async () => {
    elks.next = (_request, response) => response.writeHead(200).end('{"id": "sabc124", "status": "failed"}');
    assert.deepEqual((await send()).result, { kind: 'rejected', reason: 'provider-rejected', httpStatus: 200 });
  });

  it('retries when the connection cannot be made: nothing was sent', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await stop(closed);
    const { result } = await send({ baseUrl: url });
    assert.deepEqual(result, { kind: 'retry', reason: 'network', detail: 'ECONNREFUSED' });
  });
});

describe('create46elksSmsProvider options', () => {
  const base = { username: USERNAME, password: PASSWORD, sender: 'Exempel' };
  const cases: [string, Partial<Sms46elksOptions>, string][] = [
    ['plain http to a remote host', { baseUrl: 'http://api.46elks.com' }, 'baseUrl'],
    ['a base URL with credentials', { baseUrl: `https://${USERNAME}:${PASSWORD}@api.46elks.com` }, 'baseUrl'],
    ['a base URL that is not one', { baseUrl: 'api.46elks.com' }, 'baseUrl'],
    ['a sender of 12 characters', { sender: 'ExempelAB123' }, 'sender'],
    ['a sender with a space', { sender: 'Exempel AB' }, 'sender'],
    ['a sender of digits only that is not E.164', { sender: '12345' }, 'sender'],
    ['a username with a colon', { username: 'a:b' }, 'username'],
    ['an empty password', { password: '' }, 'password'],
    ['a zero timeout', { timeoutMs: 0 }, 'timeoutMs'],
    ['a delivery URL that is not http', { deliveryReportUrl: 'ftp://example.org/dlr' }, 'deliveryReportUrl'],
  ];
  for (const [name, overrides, field] of cases) {
    it(`refuses ${name} with CONFIG_INVALID naming the field, not the secret`, () => {
      assert.throws(
        () => create46elksSmsProvider({ ...base, ...overrides }),
        (error: unknown) => {
          assert.ok(isAppError(error));
          assert.equal(error.code, 'CONFIG_INVALID');
          assert.equal(error.data.field, field);
          assertNoPersonalData(error);
          return true;
        },
      );
    });
  }

  it('accepts an E.164 sender, a text sender and http to a loopback address', () => {
    for (const overrides of [
      { sender: '+46766861004' },
      { sender: 'ElkCo' },
      { baseUrl: 'http://localhost:8080' },
      { baseUrl: 'http://[::1]:8080' },
    ]) {
      assert.equal(typeof create46elksSmsProvider({ ...base, ...overrides }).send, 'function');
    }
  });
});

describe('parse46elksDeliveryReport', () => {
  const id = 's70df59406a1b4643b96f3f91e0bfb7b0';
  const cases: [string, Record<string, unknown>, Record<string, unknown> | undefined, unknown][] = [
    [
      'delivered, with the time',
      { id, status: 'delivered', delivered: '2024-05-04T13:38:15.123000' },
      undefined,
      { kind: 'final', report: { providerId: id, status: 'delivered', at: new Date('2024-05-04T13:38:15.123Z') } },
    ],
    [
      'delivered, with a space and no fraction',
      { id, status: 'delivered', delivered: '2024-05-04 13:38:15' },
      undefined,
      { kind: 'final', report: { providerId: id, status: 'delivered', at: new Date('2024-05-04T13:38:15Z') } },
    ],
    [
      'delivered, without the time',
      { id, status: 'delivered' },
      undefined,
      { kind: 'final', report: { providerId: id, status: 'delivered' } },
    ],
    ['failed', { id, status: 'failed' }, { ref: 'm1' }, { kind: 'final', report: { providerId: id, status: 'failed', reference: 'm1' } }],
    ['sent (handed to the carrier)', { id, status: 'sent' }, undefined, { kind: 'progress', providerId: id }],
    ['no id', { status: 'delivered' }, undefined, { kind: 'invalid', problem: 'missing-id' }],
    ['an id that is not a token', { id: 's1; drop', status: 'delivered' }, undefined, { kind: 'invalid', problem: 'bad-id' }],
    ['an id given twice (an array)', { id: [id, id], status: 'delivered' }, undefined, { kind: 'invalid', problem: 'bad-id' }],
    ['no status', { id }, undefined, { kind: 'invalid', problem: 'missing-status' }],
    ['an unknown status', { id, status: 'expired' }, undefined, { kind: 'invalid', problem: 'unknown-status' }],
    [
      'an impossible time',
      { id, status: 'delivered', delivered: '2024-02-30T13:38:15' },
      undefined,
      { kind: 'invalid', problem: 'bad-timestamp' },
    ],
    [
      'a time in another zone',
      { id, status: 'delivered', delivered: '2024-05-04T13:38:15+02:00' },
      undefined,
      { kind: 'invalid', problem: 'bad-timestamp' },
    ],
    ['an empty reference', { id, status: 'failed' }, { ref: '' }, { kind: 'invalid', problem: 'bad-reference' }],
  ];
  for (const [name, body, query, expected] of cases) {
    it(name, () => assert.deepEqual(parse46elksDeliveryReport(body, query), expected));
  }
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const cases: [string | null, number | undefined][] = [
    [null, undefined],
    ['0', 0],
    ['120', 120_000],
    [' 7 ', 7000],
    ['Sun, 01 Mar 2026 12:00:30 GMT', 30_000],
    ['Sun, 01 Mar 2026 11:00:00 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${expected}`, () => assert.equal(parseRetryAfter(value, now), expected));
  }
});
