import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  readonly to: string;
  readonly from: string;
  readonly message: string;
  readonly id: string;
}

export interface TestSmsServer {
  /** http://127.0.0.1:PORT, for SMS_46ELKS_BASE_URL. */
  readonly url: string;
  readonly received: ReceivedSms[];
  /** Numbers the provider refuses as invalid (a permanent failure). */
  refuse(number: string): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server speaking the part of 46elks' API that campaigns use (POST /a1/sms, form-encoded,
 * Basic auth): no mocked fetch. It answers like 46elks: JSON with an id, the parts and a cost.
 */
export async function startTestSmsServer(credentials: { username: string; password: string }): Promise<TestSmsServer> {
  const received: ReceivedSms[] = [];
  const refused = new Set<string>();
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/a1/sms') {
        res.writeHead(404).end('Not found');
        return;
      }
      if (req.headers.authorization !== expected) {
        res.writeHead(401).end('Unauthorized');
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('to') ?? '';
      if (refused.has(to)) {
        res.writeHead(400).end('Invalid to number');
        return;
      }
      const id = `s${(received.length + 1).toString(16).padStart(31, '0')}`;
      received.push({ to, from: form.get('from') ?? '', message: form.get('message') ?? '', id });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'created',
          direction: 'outgoing',
          from: form.get('from'),
          to,
          message: form.get('message'),
          id,
          parts: 1,
          cost: 3500,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    refuse: (n) => refused.add(n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
