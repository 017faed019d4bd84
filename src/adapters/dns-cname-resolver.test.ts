import { strict as assert } from 'node:assert';
import { createSocket, type Socket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { after, before, describe, it } from 'node:test';
import { classifyRecipient } from '../modules/leak-audit/classify/index.js';
import { createDnsCnameResolver } from './dns-cname-resolver.js';

/**
 * A real DNS server over UDP on 127.0.0.1, authoritative for a small zone: CNAME and A records, NXDOMAIN for
 * names it does not know, SERVFAIL or no answer at all for the names told to behave so. Each query is logged.
 */
type ZoneEntry = { readonly cname: string } | { readonly a: string } | { readonly behaviour: 'servfail' | 'silent' };

const TYPE_A = 1;
const TYPE_CNAME = 5;
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;

interface DnsServer {
  readonly address: string;
  readonly queries: { readonly name: string; readonly type: number }[];
  close(): Promise<void>;
}

function encodeName(name: string): Buffer {
  const parts = name.split('.').filter((l) => l !== '');
  return Buffer.concat([...parts.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'ascii')])), Buffer.from([0])]);
}

function resourceRecord(type: number, rdata: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's name
  head.writeUInt16BE(type, 2);
  head.writeUInt16BE(1, 4); // class IN
  head.writeUInt32BE(60, 6); // TTL
  head.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([head, rdata]);
}

function answer(query: Buffer, zone: ReadonlyMap<string, ZoneEntry>, log: DnsServer['queries']): Buffer | undefined {
  if (query.length < 12) return undefined;
  let offset = 12;
  const labels: string[] = [];
  for (let length = query[offset]!; length !== 0; length = query[offset]!) {
    labels.push(query.subarray(offset + 1, offset + 1 + length).toString('ascii'));
    offset += 1 + length;
  }
  offset += 1;
  const type = query.readUInt16BE(offset);
  const question = query.subarray(12, offset + 4);
  const name = labels.join('.').toLowerCase();
  log.push({ name, type });

  const entry = zone.get(name);
  if (entry && 'behaviour' in entry && entry.behaviour === 'silent') return undefined;
  let rcode = 0;
  const answers: Buffer[] = [];
  if (!entry) rcode = RCODE_NXDOMAIN;
  else if ('behaviour' in entry) rcode = RCODE_SERVFAIL;
  else if ('cname' in entry && (type === TYPE_CNAME || type === TYPE_A)) answers.push(resourceRecord(TYPE_CNAME, encodeName(entry.cname)));
  else if ('a' in entry && type === TYPE_A) answers.push(resourceRecord(TYPE_A, Buffer.from(entry.a.split('.').map(Number))));
  // Otherwise the name exists without a record of that type: NOERROR with no answer (NODATA).

  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0); // id
  const rd = query.readUInt16BE(2) & 0x0100;
  header.writeUInt16BE(0x8000 | 0x0400 | rd | 0x0080 | rcode, 2); // QR, AA, RD as asked, RA, RCODE
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  return Buffer.concat([header, question, ...answers]);
}

async function startDnsServer(zone: ReadonlyMap<string, ZoneEntry>): Promise<DnsServer> {
  const socket: Socket = createSocket('udp4');
  const queries: DnsServer['queries'] = [];
  socket.on('message', (message, remote) => {
    const reply = answer(message, zone, queries);
    if (reply) socket.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

const ZONE = new Map<string, ZoneEntry>([
  ['www.shop.test', { a: '192.0.2.1' }],
  ['smetrics.shop.test', { cname: 'shop.sc.omtrdc.net' }],
  ['shop.sc.omtrdc.net', { a: '192.0.2.2' }],
  ['t.shop.test', { cname: 'edge.shop.test' }],
  ['edge.shop.test', { cname: 'shop.tracking.criteo.com' }],
  ['shop.tracking.criteo.com', { a: '192.0.2.3' }],
  ['dangling.shop.test', { cname: 'gone.shop.test' }],
  ['loop1.shop.test', { cname: 'loop2.shop.test' }],
  ['loop2.shop.test', { cname: 'loop1.shop.test' }],
  ['broken.shop.test', { behaviour: 'servfail' }],
  ['slow.shop.test', { behaviour: 'silent' }],
  ['half.shop.test', { cname: 'slow.shop.test' }],
  // Five links that end, and six that do not.
  ...[0, 1, 2, 3, 4].map((i): [string, ZoneEntry] => [`five${i}.shop.test`, { cname: `five${i + 1}.shop.test` }]),
  ['five5.shop.test', { a: '192.0.2.5' }],
  ...[0, 1, 2, 3, 4, 5].map((i): [string, ZoneEntry] => [`six${i}.shop.test`, { cname: `six${i + 1}.shop.test` }]),
  ['six6.shop.test', { a: '192.0.2.6' }],
]);

describe('createDnsCnameResolver against a DNS server on 127.0.0.1', () => {
  let server: DnsServer;
  before(async () => {
    server = await startDnsServer(ZONE);
  });
  after(async () => {
    await server.close();
  });
  const resolverFor = (timeoutMs = 1000) => createDnsCnameResolver({ servers: [server.address], timeoutMs });
  const queriesFor = (name: string) => server.queries.filter((q) => q.name === name);

  it('the test server is a DNS server Node can use (A and CNAME)', async () => {
    const resolver = new Resolver({ timeout: 1000, tries: 1 });
    resolver.setServers([server.address]);
    assert.deepEqual(await resolver.resolve4('www.shop.test'), ['192.0.2.1']);
    assert.deepEqual(await resolver.resolveCname('smetrics.shop.test'), ['shop.sc.omtrdc.net']);
  });

  it('follows each chain level by level, target first; a host without CNAME has []', async () => {
    const { chains, failures } = await resolverFor().resolveCnameChains(['smetrics.shop.test', 't.shop.test', 'www.shop.test']);
    assert.deepEqual(
      [...chains],
      [
        ['smetrics.shop.test', ['shop.sc.omtrdc.net']],
        ['t.shop.test', ['edge.shop.test', 'shop.tracking.criteo.com']],
        ['www.shop.test', []],
      ],
    );
    assert.equal(failures.size, 0);
    assert.ok(
      queriesFor('edge.shop.test').some((q) => q.type === 5),
      'the second level was asked of the server',
    );
  });

  it('records each host failure with the chain found so far, and never throws', async () => {
    const started = Date.now();
    const { chains, failures } = await resolverFor(400).resolveCnameChains([
      'missing.shop.test',
      'dangling.shop.test',
      'loop1.shop.test',
      'broken.shop.test',
      'slow.shop.test',
      'half.shop.test',
      'smetrics.shop.test',
    ]);
    assert.ok(Date.now() - started < 2000, 'a silent server costs the timeout, not more');
    assert.deepEqual(chains.get('missing.shop.test'), []);
    assert.deepEqual(failures.get('missing.shop.test'), { code: 'NOT_FOUND', name: 'missing.shop.test', dnsCode: 'ENOTFOUND' });
    assert.deepEqual(chains.get('dangling.shop.test'), ['gone.shop.test']);
    assert.deepEqual(failures.get('dangling.shop.test'), { code: 'NOT_FOUND', name: 'gone.shop.test', dnsCode: 'ENOTFOUND' });
    assert.deepEqual(chains.get('loop1.shop.test'), ['loop2.shop.test']);
    assert.deepEqual(failures.get('loop1.shop.test'), { code: 'LOOP', name: 'loop2.shop.test' });
    assert.deepEqual(chains.get('broken.shop.test'), []);
    assert.deepEqual(failures.get('broken.shop.test'), { code: 'DNS_ERROR', name: 'broken.shop.test', dnsCode: 'ESERVFAIL' });
    assert.deepEqual(chains.get('slow.shop.test'), []);
    assert.equal(failures.get('slow.shop.test')?.code, 'TIMEOUT');
    assert.deepEqual(chains.get('half.shop.test'), ['slow.shop.test']);
    assert.deepEqual(failures.get('half.shop.test')?.name, 'slow.shop.test');
    // The good host beside them is unaffected.
    assert.deepEqual(chains.get('smetrics.shop.test'), ['shop.sc.omtrdc.net']);
    assert.equal(failures.has('smetrics.shop.test'), false);
  });

  it('follows up to five links: a chain of five ends normally, a sixth link is TOO_LONG', async () => {
    const { chains, failures } = await resolverFor().resolveCnameChains(['five0.shop.test', 'six0.shop.test']);
    assert.deepEqual(
      chains.get('five0.shop.test'),
      ['five1', 'five2', 'five3', 'five4', 'five5'].map((n) => `${n}.shop.test`),
    );
    assert.equal(failures.has('five0.shop.test'), false);
    assert.deepEqual(
      chains.get('six0.shop.test'),
      ['six1', 'six2', 'six3', 'six4', 'six5'].map((n) => `${n}.shop.test`),
    );
    assert.deepEqual(failures.get('six0.shop.test'), { code: 'TOO_LONG', name: 'six5.shop.test' });
    assert.equal(queriesFor('six6.shop.test').length, 0, 'the sixth target is never asked about');
  });

  it('normalises and de-duplicates the hosts; IP addresses and localhost are never asked about', async () => {
    const before = server.queries.length;
    const { chains, failures } = await resolverFor().resolveCnameChains(['192.0.2.10', '[::1]', 'localhost', 'app.localhost']);
    assert.deepEqual(
      [...chains],
      [
        ['192.0.2.10', []],
        ['::1', []],
        ['localhost', []],
        ['app.localhost', []],
      ],
    );
    assert.equal(failures.size, 0);
    assert.equal(server.queries.length, before);

    const again = await resolverFor().resolveCnameChains(['SMetrics.Shop.TEST.', 'smetrics.shop.test']);
    assert.deepEqual([...again.chains], [['smetrics.shop.test', ['shop.sc.omtrdc.net']]]);
  });

  it('an empty list asks nothing', async () => {
    const { chains, failures } = await resolverFor().resolveCnameChains([]);
    assert.equal(chains.size + failures.size, 0);
  });

  it('a server that is not there: every host fails, none throws', async () => {
    const gone = await startDnsServer(ZONE);
    const address = gone.address;
    await gone.close();
    const { chains, failures } = await createDnsCnameResolver({ servers: [address], timeoutMs: 400 }).resolveCnameChains([
      'smetrics.shop.test',
      'www.shop.test',
    ]);
    assert.deepEqual([...chains.values()], [[], []]);
    for (const host of ['smetrics.shop.test', 'www.shop.test']) {
      assert.ok(['TIMEOUT', 'DNS_ERROR'].includes(failures.get(host)?.code ?? ''), JSON.stringify(failures.get(host)));
    }
  });

  it('its chains are what classifyRecipient takes: a CNAME-cloaked collector on the test site', async () => {
    const { chains } = await resolverFor().resolveCnameChains(['smetrics.shop.test', 't.shop.test', 'www.shop.test']);
    const context = { firstPartyDomains: ['shop.test'], cnames: chains };
    assert.equal(classifyRecipient('http://smetrics.shop.test/b/ss/x/1', context).disguisedCollector?.company, 'Adobe');
    assert.equal(classifyRecipient('http://t.shop.test/e', context).disguisedCollector?.company, 'Criteo');
    assert.equal(classifyRecipient('http://www.shop.test/', context).party, 'first');
  });
});
