// The private look-up, end to end over real HTTP: an ingested synthetic breach, the server's own
// publication, the client library (the code the browser runs), a static export served by real nginx, and
// the evaluation endpoint's refusals and rate limits. SQLite and the real PostgreSQL.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { blind } from '../src/modules/oprf/client.js';
import { publishToDirectory } from '../src/adapters/publication-files.js';
import { synthCommand } from '../src/cli/synth-command.js';
import { runCli } from '../src/main/cli.js';
import {
  createHttpTransport,
  LookupError,
  prepareLookup,
  runLookup,
  toBase64Url,
  type LookupRequest,
  type LookupResult,
  type LookupTransport,
} from '../src/modules/lookup/index.js';
import { postgresUnavailableReason } from './support/databases.js';
import { createIndexingEnv } from './support/indexing.js';
import { createLookupRateLimiter, rateLimitKeyFrom } from '../src/main/lookup-rate-limit.js';
import { createRedisRateLimitStore } from '../src/modules/ratelimit/index.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logger.js';
import { skipOutsideCi } from './support/skip.js';
import { serveLookup as serve, type Served } from './support/lookup-server.js';
import { nginxSkipReason, startNginx } from './support/nginx.js';

const TODAY = '2026-11-27';
const quietIo = { out: () => undefined, err: () => undefined };

interface Person {
  readonly nir: string;
  readonly surname: string;
  readonly given: string;
  readonly dob: string;
  readonly email: string;
  readonly phone: string;
}

/** Rows of a synthetic Viamedis-style file, as a person would type their own details. */
function peopleOf(file: string): Person[] {
  const [header, ...lines] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const cols = header!.split(',');
  const at = (cells: string[], name: string) => (cells[cols.indexOf(name)] ?? '').trim();
  return lines
    .map((l) => l.split(','))
    .filter((cells) => cells.length === cols.length)
    .map((cells) => {
      const [d, m, y] = at(cells, 'date_naissance').split('/');
      return {
        nir: at(cells, 'nir'),
        surname: at(cells, 'nom_naissance'),
        given: at(cells, 'prenoms').split(' ')[0] ?? '',
        dob: `${y}-${m}-${d}`,
        email: at(cells, 'email'),
        phone: at(cells, 'telephone'),
      };
    });
}

async function synth(dir: string, profile: string, rows: number, seed: string): Promise<string> {
  const file = join(dir, `${profile}-${seed}.csv`);
  const code = await synthCommand(['--profile', profile, '--rows', String(rows), '--seed', seed, '--defects', '0', '--out', file], quietIo);
  assert.equal(code, 0);
  return file;
}

async function check(transport: LookupTransport, request: LookupRequest, region = 'FR'): Promise<LookupResult> {
  const prepared = prepareLookup(request, { today: TODAY, defaultRegion: region });
  assert.deepEqual(prepared.problems, [], 'the test person typed valid identifiers');
  return runLookup(prepared.inputs, transport);
}

for (const kind of ['sqlite', 'postgres'] as const) {
  const skip = kind === 'postgres' ? ((await postgresUnavailableReason()) ?? false) : false;

  describe(`private look-up over HTTP (${kind})`, { skip, timeout: 180_000 }, () => {
    let dir: string;
    let served: Served;
    let inBreach: Person[];
    let notInBreach: Person[];
    let transport: LookupTransport;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'breachdesk-lookup-'));
      const env = await createIndexingEnv(kind, { workers: 1 });
      const viamedis = await synth(dir, 'viamedis', 300, 'lookup-in');
      const outsiders = await synth(dir, 'viamedis', 20, 'lookup-out');
      const folksam = await synth(dir, 'folksam', 100, 'lookup-se');
      // Enough entries for more than one bucket, so that look-ups go through real Merkle proofs.
      const chronopost = await synth(dir, 'chronopost', 7000, 'lookup-many');
      const base = { maps: [], keepContacts: false, restart: false, actor: 'test', inProcess: true } as const;
      await env.indexing.ingestFile(viamedis, { ...base, breachSlug: 'viamedis', defaultRegion: 'FR' });
      await env.indexing.ingestFile(folksam, { ...base, breachSlug: 'folksam', defaultRegion: 'SE' });
      await env.indexing.ingestFile(chronopost, { ...base, breachSlug: 'chronopost', defaultRegion: 'FR' });
      inBreach = peopleOf(viamedis);
      notInBreach = peopleOf(outsiders);
      served = await serve(env);
      transport = createHttpTransport({ apiBase: served.url });
    });

    after(async () => {
      await served?.app.close();
      served?.publisher.close();
      await served?.env.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('finds a person by each identifier, with exactly the data classes of their own row', async () => {
      const withEmail = inBreach.find((p) => p.email !== '' && p.phone !== '')!;
      const withoutEmail = inBreach.find((p) => p.email === '' && p.phone !== '')!;
      for (const person of [withEmail, withoutEmail]) {
        const result = await check(transport, {
          frNir: person.nir,
          phone: person.phone,
          nameDob: { surname: person.surname, givenNames: person.given, birthDate: person.dob },
          ...(person.email ? { email: person.email } : {}),
        });
        assert.equal(result.matches.length, 1);
        const match = result.matches[0]!;
        assert.equal(match.slug, 'viamedis');
        assert.deepEqual(
          [...match.fields].sort(),
          (person.email ? ['email', 'frNir', 'nameDob', 'phone'] : ['frNir', 'nameDob', 'phone']).sort(),
        );
        for (const c of ['fr-nir', 'name', 'date-of-birth', 'phone-number']) assert.ok(match.classes.includes(c), `${c} exposed`);
        assert.equal(match.classes.includes('email-address'), person.email !== '', 'email exposed only when the row had one');
      }
      // Each identifier alone finds the person too.
      const one = await check(transport, { frNir: withEmail.nir });
      assert.deepEqual(
        one.matches.map((m) => [m.slug, m.fields]),
        [['viamedis', ['frNir']]],
      );
    });

    it('finds nobody for people who are not in the breach', async () => {
      for (const person of notInBreach.slice(0, 5)) {
        const result = await check(transport, {
          frNir: person.nir,
          nameDob: { surname: person.surname, givenNames: person.given, birthDate: person.dob },
          ...(person.email ? { email: person.email } : {}),
        });
        assert.deepEqual(result.matches, [], 'an outsider is not found');
      }
    });

    it('looks up a Swedish personnummer in the Folksam breach', async () => {
      const rows = readFileSync(join(dir, 'folksam-lookup-se.csv'), 'utf8').split('\n');
      const header = rows[0]!.split(/[,;\t]/);
      const delimiter = rows[0]!.includes(';') ? ';' : rows[0]!.includes('\t') ? '\t' : ',';
      const pnrColumn = header.findIndex((h) => /personnummer/i.test(h));
      assert.ok(pnrColumn >= 0, `a personnummer column in ${rows[0]}`);
      const pnr = rows[1]!.split(delimiter)[pnrColumn]!;
      const result = await check(transport, { sePersonnummer: pnr }, 'SE');
      assert.deepEqual(
        result.matches.map((m) => m.slug),
        ['folksam'],
      );
      assert.ok(result.matches[0]!.classes.includes('se-personnummer'));
    });

    it('gives the same answers from a static export served by nginx, and refuses a tampered bucket', async (t) => {
      const reason = await nginxSkipReason();
      if (reason) return t.skip(reason);
      const exportDir = join(dir, 'export');
      const manifest = await publishToDirectory({
        index: served.env.indexing.index,
        epoch: served.env.indexing.epoch,
        key: served.env.indexing.key,
        evaluator: served.env.indexing.evaluator,
        dir: exportDir,
      });
      assert.equal(
        manifest.publication,
        served.publisher.current()!.manifest.publication,
        'the export is byte-identical to what the server serves',
      );
      const nginx = await startNginx(exportDir);
      try {
        const staticTransport = createHttpTransport({ apiBase: served.url, bucketsBase: nginx.url });
        const person = inBreach[3]!;
        const result = await check(staticTransport, { frNir: person.nir });
        assert.deepEqual(
          result.matches.map((m) => m.slug),
          ['viamedis'],
        );
        const outsider = await check(staticTransport, { frNir: notInBreach[0]!.nir });
        assert.deepEqual(outsider.matches, []);

        // One flipped bit in a bucket file on the mirror: the client refuses to read it.
        const tampered = join(dir, 'tampered');
        cpSync(exportDir, tampered, { recursive: true });
        const bucketDir = join(tampered, manifest.publication);
        for (const f of readdirSync(bucketDir)) {
          const bytes = readFileSync(join(bucketDir, f));
          bytes[100]! ^= 1;
          writeFileSync(join(bucketDir, f), bytes);
        }
        const evil = await startNginx(tampered);
        try {
          const evilTransport = createHttpTransport({ apiBase: served.url, bucketsBase: evil.url });
          await assert.rejects(
            check(evilTransport, { frNir: person.nir }),
            (e: unknown) => e instanceof LookupError && e.code === 'verification-failed',
          );
        } finally {
          await evil.stop();
        }
      } finally {
        await nginx.stop();
      }
    });

    it('answers on the command line (breachdesk check), from the server and from an export-buckets mirror behind nginx', async (t) => {
      const person = inBreach[5]!;
      const run = async (args: string[]) => {
        const lines: string[] = [];
        const code = await runCli(['check', ...args], { out: (l) => lines.push(l), err: (l) => lines.push(l) }, served.env.env);
        return { code, text: lines.join('\n') };
      };
      const found = await run(['--nir', person.nir, '--email', 'nobody.here@example.org', '--server', served.url]);
      assert.equal(found.code, 0, found.text);
      assert.match(found.text, /Found in 1 breach:\n {2}viamedis: French social security number \(NIR\), /);
      assert.match(found.text, /found by frNir;/);
      assert.ok(!found.text.includes(person.nir), 'the output does not repeat the identifier');
      // The plan, in Swedish for Sweden, as text and as a PDF written here.
      const pdf = join(dir, 'plan.pdf');
      const planned = await run([
        '--nir',
        person.nir,
        '--server',
        served.url,
        '--plan',
        '--lang',
        'sv',
        '--country',
        'SE',
        '--plan-pdf',
        pdf,
      ]);
      assert.equal(planned.code, 0, planned.text);
      assert.match(planned.text, /Din handlingsplan efter en dataläcka/);
      assert.match(planned.text, /\[ \] Skydda dig mot lån och avtal i ditt namn/);
      assert.match(planned.text, /bedrägerispärr/);
      assert.ok(!planned.text.includes(person.nir));
      assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
      const badPath = await run(['--nir', person.nir, '--server', served.url, '--plan-pdf', join(dir, 'no-such-dir', 'plan.pdf')]);
      assert.equal(badPath.code, 1);
      assert.match(badPath.text, /OUTPUT_FILE_UNWRITABLE/);
      const badLang = await run(['--nir', person.nir, '--server', served.url, '--plan', '--lang', 'de']);
      assert.equal(badLang.code, 2);
      const outsider = await run(['--nir', notInBreach[1]!.nir, '--server', served.url, '--json']);
      assert.equal(outsider.code, 0);
      assert.deepEqual((JSON.parse(outsider.text) as { matches: unknown[] }).matches, []);
      const invalid = await run(['--nir', '1 85 05 78 006 084 99', '--server', served.url]);
      assert.equal(invalid.code, 1);
      assert.match(invalid.text, /IDENTIFIER_INVALID[\s\S]*--nir: /);
      const unreachable = await run(['--nir', person.nir, '--server', 'http://127.0.0.1:9']);
      assert.equal(unreachable.code, 1);
      assert.match(unreachable.text, /LOOKUP_UNAVAILABLE/);

      const reason = await nginxSkipReason();
      if (reason) return t.skip(reason);
      const mirror = join(dir, 'mirror');
      const exported = await runCli(['export-buckets', mirror], quietIo, served.env.env);
      assert.equal(exported, 0);
      const nginx = await startNginx(mirror);
      try {
        const viaMirror = await run(['--nir', person.nir, '--server', served.url, '--buckets', nginx.url, '--json']);
        assert.equal(viaMirror.code, 0, viaMirror.text);
        assert.deepEqual(
          (JSON.parse(viaMirror.text) as { matches: { slug: string }[] }).matches.map((m) => m.slug),
          ['viamedis'],
        );
      } finally {
        await nginx.stop();
      }
    });

    it('serves buckets as immutable, padded files of one size, and the manifest with an ETag', async () => {
      const manifestRes = await fetch(`${served.url}/api/v1/lookup/manifest`);
      assert.equal(manifestRes.status, 200);
      const manifest = (await manifestRes.json()) as { publication: string; bucketBytes: number; bucketBits: number; canaries: unknown[] };
      assert.equal(manifest.canaries.length, 4);
      assert.ok(manifest.bucketBits >= 1, `several buckets (bits ${manifest.bucketBits}), so proofs are exercised`);
      const etag = manifestRes.headers.get('etag')!;
      assert.equal((await fetch(`${served.url}/api/v1/lookup/manifest`, { headers: { 'if-none-match': etag } })).status, 304);
      const bucket = await fetch(
        `${served.url}/api/v1/lookup/${manifest.publication}/${'0'.repeat(Math.max(1, Math.ceil(manifest.bucketBits / 4)))}.bin`,
      );
      assert.equal(bucket.status, 200);
      assert.match(bucket.headers.get('cache-control')!, /immutable/);
      assert.equal((await bucket.arrayBuffer()).byteLength, manifest.bucketBytes);
      assert.equal((await fetch(`${served.url}/api/v1/lookup/${manifest.publication}/../../etc.bin`)).status, 404);
      assert.equal((await fetch(`${served.url}/api/v1/lookup/${'0'.repeat(32)}/0.bin`)).status, 404);
    });
  });
}

describe('the evaluation endpoint', { timeout: 120_000 }, () => {
  let limited: Served;
  let unlimited: Served;
  let other: Served;

  before(async () => {
    const env = await createIndexingEnv('sqlite', { workers: 1 });
    limited = await serve(env, '6/1h');
    unlimited = await serve(env);
    // Another installation with its own key: a server that would evaluate under a key it does not publish.
    other = await serve(await createIndexingEnv('sqlite', { workers: 1 }));
  });

  after(async () => {
    for (const s of [limited, unlimited, other]) {
      await s?.app.close();
      s?.publisher.close();
    }
    await limited?.env.close();
    await other?.env.close();
  });

  const post = (body: unknown, raw = false) =>
    fetch(`${limited.url}/api/v1/oprf/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw ? (body as string) : JSON.stringify(body),
    });
  const element = (i: number) => toBase64Url(blind(new TextEncoder().encode(`breachdesk/v1|email|person${i}@example.org`)).blindedElement);

  it('refuses malformed bodies, invalid points, oversized batches and an unknown epoch, and charges none of them', async () => {
    const cases: [unknown, number, string, boolean?][] = [
      ['{"epoch": 1, "elements": [', 400, 'INPUT_JSON_INVALID', true],
      [{ epoch: 1 }, 400, 'VALIDATION_FAILED'],
      [{ epoch: 1, elements: [] }, 400, 'VALIDATION_FAILED'],
      [{ epoch: 1, elements: ['not base64!'] }, 400, 'OPRF_INVALID_ELEMENT'],
      [{ epoch: 1, elements: [toBase64Url(new Uint8Array(32))] }, 400, 'OPRF_INVALID_ELEMENT'], // the identity
      [{ epoch: 1, elements: [toBase64Url(new Uint8Array(32).fill(0xff))] }, 400, 'OPRF_INVALID_ELEMENT'], // not canonical
      [{ epoch: 1, elements: Array.from({ length: 9 }, (_, i) => element(i)) }, 400, 'OPRF_BATCH_TOO_LARGE'],
      [{ epoch: 2, elements: [element(1)] }, 409, 'LOOKUP_EPOCH_UNKNOWN'],
      [{ epoch: 1, elements: [element(1)], extra: true }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code, raw] of cases) {
      const res = await post(body, raw);
      assert.equal(res.status, status, `${JSON.stringify(body).slice(0, 60)} → ${status}`);
      assert.equal(((await res.json()) as { code: string }).code, code);
    }
    // None of the refusals used the budget of 6: six evaluations still go through.
    const ok = await post({ epoch: 1, elements: Array.from({ length: 6 }, (_, i) => element(i)) });
    assert.equal(ok.status, 200);
    const body = (await ok.json()) as { epoch: number; evaluated: string[] };
    assert.equal(body.evaluated.length, 6);
    assert.equal(ok.headers.get('cache-control'), 'no-store');
    // The seventh is refused with 429 and a Retry-After.
    const refused = await post({ epoch: 1, elements: [element(7)] });
    assert.equal(refused.status, 429);
    assert.equal(((await refused.json()) as { code: string }).code, 'RATE_LIMITED');
    const retry = Number(refused.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 3600, `Retry-After ${retry}`);
  });

  it('lets the client detect a server that evaluates under another key (canary)', async () => {
    const honest = createHttpTransport({ apiBase: other.url });
    const elsewhere = createHttpTransport({ apiBase: unlimited.url });
    // The manifest of one installation, the evaluations of another: what a server switching keys looks like.
    const mixed: LookupTransport = {
      manifest: () => honest.manifest(),
      evaluate: (epoch, elements) => elsewhere.evaluate(epoch, elements),
      bucket: (manifest, id) => honest.bucket(manifest, id),
    };
    const prepared = prepareLookup({ email: 'someone@example.org' }, { today: TODAY });
    await assert.rejects(runLookup(prepared.inputs, mixed), (e: unknown) => e instanceof LookupError && e.code === 'key-mismatch');
    const result = await runLookup(prepared.inputs, honest);
    assert.deepEqual(result.matches, [], 'the honest pair answers normally');
  });
});

const redisUrl = loadConfig().redisUrl ?? 'redis://127.0.0.1:6379';
const redisSkip = skipOutsideCi(
  await createRedisRateLimitStore(redisUrl).then(
    async (store) => {
      await store.close();
      return false as const;
    },
    (error: unknown) => `Redis not reachable at ${redisUrl} (${(error as Error).message}): set REDIS_URL to run the shared rate-limit test`,
  ),
);

describe('rate limits shared through Redis by two server instances', { skip: redisSkip, timeout: 60_000 }, () => {
  it('counts a client once across instances and answers 429 with Retry-After on either', async () => {
    const env = await createIndexingEnv('sqlite', { workers: 1 });
    const config = loadConfig({ ...env.env, REDIS_URL: redisUrl, LOOKUP_RATE_CLIENT: '3/1h' });
    const logger = createLogger({ level: 'silent' });
    const secret = rateLimitKeyFrom(env.indexing.key.secretKey);
    // A fresh secret per run keeps this test's keys apart from any other run's.
    secret[0] = Math.floor(Math.random() * 256);
    const limiters = [await createLookupRateLimiter(config, logger, secret), await createLookupRateLimiter(config, logger, secret)];
    const first = await serve(env, limiters[0]);
    const second = await serve(env, limiters[1]);
    try {
      const element = (i: number) =>
        toBase64Url(blind(new TextEncoder().encode(`breachdesk/v1|email|shared${i}@example.org`)).blindedElement);
      const post = (s: Served, n: number) =>
        fetch(`${s.url}/api/v1/oprf/evaluate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ epoch: 1, elements: Array.from({ length: n }, (_, i) => element(i)) }),
        });
      assert.equal((await post(first, 2)).status, 200);
      assert.equal((await post(second, 1)).status, 200);
      const refused = await post(second, 1);
      assert.equal(refused.status, 429, 'the second instance knows what the first one charged');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.equal((await post(first, 1)).status, 429);
    } finally {
      for (const s of [first, second]) {
        await s.app.close();
        s.publisher.close();
      }
      for (const l of limiters) await l.close();
      await env.close();
    }
  });
});
