// The real nginx that tests and benchmarks use as a static bucket (test/support/nginx.ts): bytes, types, CORS,
// ETags and a clean stop. Skipped with a message when nginx is missing, except in CI, where that fails the run.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { nginxSkipReason, startNginx, type StaticServer } from './support/nginx.js';

const MANIFEST = Buffer.from(`${JSON.stringify({ version: 1, shards: ['shard-000.bin'], note: 'Zoë, Łódź — ünïcode' }, null, 2)}\n`);
// Every byte value, then enough random bytes to go past a single socket write.
const SHARD = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300_000)]);

describe('nginx static server', { skip: await nginxSkipReason(), timeout: 60_000 }, () => {
  let root: string;
  let server: StaticServer;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'breachdesk-bucket-'));
    await writeFile(join(root, 'manifest.json'), MANIFEST);
    await writeFile(join(root, 'shard-000.bin'), SHARD);
    server = await startNginx(root, { extraHttpConfig: 'server_tokens off;' });
  });

  after(async () => {
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 at the port it reports', () => {
    assert.equal(server.url, `http://127.0.0.1:${server.port}`);
    assert.ok(server.port > 0);
  });

  it('serves JSON byte for byte with its type, CORS for every origin and an ETag', async () => {
    const res = await fetch(`${server.url}/manifest.json`, { headers: { Origin: 'http://example.test' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('etag') ?? '', /^"[0-9a-f]+-[0-9a-f]+"$/);
    assert.equal(res.headers.get('server'), 'nginx', 'extraHttpConfig (server_tokens off) is applied');
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), MANIFEST);
  });

  it('serves binary files byte for byte as application/octet-stream', async () => {
    const res = await fetch(`${server.url}/shard-000.bin`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/octet-stream');
    assert.equal(res.headers.get('content-length'), String(SHARD.length));
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.ok(res.headers.get('etag'));
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(SHARD));
  });

  it('answers a matching If-None-Match with 304', async () => {
    const first = await fetch(`${server.url}/shard-000.bin`);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const res = await fetch(`${server.url}/shard-000.bin`, { headers: { 'If-None-Match': etag } });
    assert.equal(res.status, 304);
    assert.equal((await res.arrayBuffer()).byteLength, 0);
  });

  it('answers 404 for a missing file, still with the CORS header', async () => {
    const res = await fetch(`${server.url}/shard-999.bin`);
    await res.arrayBuffer();
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  it('runs on a given port with several workers, and stop() frees the port', async () => {
    const port = await freePort();
    const second = await startNginx(root, { port, workerProcesses: 2 });
    try {
      assert.equal(second.port, port);
      assert.equal(second.url, `http://127.0.0.1:${port}`);
      const res = await fetch(`${second.url}/manifest.json`);
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), MANIFEST);
    } finally {
      await second.stop();
    }
    await second.stop(); // idempotent

    await assert.rejects(fetch(`${second.url}/manifest.json`), 'nothing answers after stop()');
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
