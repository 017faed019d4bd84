import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { createCampaignKeys } from '../src/adapters/campaign-keys.js';
import { createSmtpCampaignSender } from '../src/adapters/smtp-campaign-sender.js';
import { createServices, type Services } from '../src/main/services.js';
import {
  campaignConfigSchema,
  createCampaigns,
  createCampaignsStore,
  createCampaignWorker,
  defaultTemplates,
  exposedList,
  messageKey,
  planLink,
  renderMessage,
  type RecipientRecord,
  type StoredCampaignConfig,
} from '../src/modules/campaigns/index.js';
import type { RecipientInsert } from '../src/modules/campaigns/campaigns.store.js';
import type { DeskContext } from '../src/modules/organisations/index.js';
import { isoInstant, systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { newId } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';
import type { BenchResult } from './run.js';

const PEOPLE = Number(process.env['BENCH_CAMPAIGN_PEOPLE'] ?? '1000000');
/** Pooled SMTP connections, the same for the ceiling and the campaign (the default of CAMPAIGN_SMTP_CONNECTIONS). */
const CONNECTIONS = Number(process.env['BENCH_CAMPAIGN_CONNECTIONS'] ?? '8');
/** Messages per trial when looking for the ceiling's best sockets and number of sends in flight. */
const TRIAL = Math.min(PEOPLE, 20_000);
/**
 * The ceiling and the campaign alternate in this many segments, so that load from elsewhere on a shared
 * machine weighs on both alike: their ratio stays meaningful when the absolute rates drift.
 */
const SEGMENTS = Number(process.env['BENCH_CAMPAIGN_SEGMENTS'] ?? '10');
const SAMPLE_MS = 250;
const FROM = 'Colis Express <dpo@colis.example>';
const SLUG = 'colis-express-2026';
const CLASSES = ['name', 'postal-address', 'phone-number', 'email-address'];

/** A person's kinds of exposed data: everyone has an e-mail address, the rest varies. */
const classesOf = (n: number) => CLASSES.filter((c, i) => c === 'email-address' || ((n >>> i) & 1) === 1);
const emailOf = (n: number) => `client.${n}@colis-clients.example`;

interface Sink {
  readonly url: string;
  count(): Promise<{ messages: number; bytes: number; cpuMicros: number }>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The SMTP sink (bench/smtp-sink.mjs) in a child process: its CPU is not the sender's. */
async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(new URL('./smtp-sink.mjs', import.meta.url).pathname, [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      child.once('error', fail);
      child.once('message', (m) => {
        child.off('error', fail);
        resolve(m as T);
      });
    });
  const { port } = await next<{ port: number }>();
  return {
    url: `smtp://127.0.0.1:${port}`,
    async count() {
      const answer = next<{ messages: number; bytes: number; cpuMicros: number }>();
      child.send({ type: 'count' });
      return answer;
    },
    async reset() {
      const answer = next<unknown>();
      child.send({ type: 'reset' });
      await answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      }),
  };
}

/** RSS every SAMPLE_MS while `progress()` is not null, with the messages done at that moment. */
function startSampler(progress: () => number | null) {
  const samples: { done: number; rss: number }[] = [];
  const take = () => {
    const done = progress();
    if (done !== null) samples.push({ done, rss: process.memoryUsage().rss });
  };
  const timer = setInterval(take, SAMPLE_MS);
  return {
    take,
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

/** Wall and CPU time of this process over `work`. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; cpuMicros: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - start) / 1000, cpuMicros: used.user + used.system };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** The first RSS sample once `share` of the messages were done. */
function rssAt(samples: readonly { done: number; rss: number }[], total: number, share: number): number {
  return (samples.find((s) => s.done >= total * share) ?? samples[samples.length - 1]!).rss;
}

/** The world: an organisation, its incident, and a running e-mail campaign to `people` people. */
async function createWorld(dataDir: string, people: number) {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED: 'false', PUBLIC_BASE_URL: 'https://breachdesk.test' });
  const services: Services = await createServices(config, createLogger({ level: 'silent' }));
  await services.organisations.createOrganisation(
    { slug: 'colis', name: 'Colis Express', country: 'FR' },
    { email: 'dpo@colis.example', displayName: 'DPO Colis', password: 'a long enough password' },
    'cli:bench',
  );
  const ctx: DeskContext = await services.organisations.operatorContext('colis', 'cli:bench');
  const nature = 'Un tiers a copié le fichier des clients depuis un serveur de test mal protégé.';
  const consequences = 'des tentatives d’hameçonnage par SMS ou par e-mail, par exemple de faux avis de livraison.';
  const measures = 'nous avons fermé le serveur, changé tous les accès et porté plainte.';
  const { incident } = await services.incidents.create(ctx, {
    title: 'Fuite du fichier clients',
    description: nature,
    timeline: { awarenessAt: '2026-11-20T09:00:00Z' },
    nature: { types: ['confidentiality'] },
    cause: { actor: 'external-malicious' },
    dataSubjects: { byCountry: [{ country: 'FR', people: { precision: 'exact', count: people } }] },
    dataClasses: CLASSES,
    contacts: { contactPoint: { name: 'Délégué à la protection des données', email: 'dpo@colis.example', phone: '+33 1 23 45 67 89' } },
    consequences: { description: consequences },
    measures: { taken: measures },
  });

  // The campaign row as campaigns.create writes it (the same config, templates and data key), without
  // copying a million kept contacts out of an ingest: the recipients are sealed here with the real keys.
  const facts = { nature, consequences, measures };
  const config$: StoredCampaignConfig = {
    ...campaignConfigSchema.parse({
      channels: ['email'],
      defaultLocale: 'fr',
      templates: defaultTemplates(['email'], ['fr'], { en: facts, fr: facts, sv: facts }),
    }),
    facts: {
      organisation: 'Colis Express',
      contact: 'Délégué à la protection des données, dpo@colis.example, +33 1 23 45 67 89',
      breachSlug: SLUG,
      breachClasses: CLASSES,
      planBaseUrl: 'https://breachdesk.test',
    },
  };
  const keys = createCampaignKeys({ id: 'bench', secret: new Uint8Array(randomBytes(32)) });
  const store = createCampaignsStore(services.database.db, { skipLocked: false });
  const at = new Date();
  const id = newId(at);
  const { wrapped, sealer } = keys.newDataKey(id);
  await store.insertCampaign({
    id,
    organisation_id: ctx.organisation.id,
    incident_id: incident.id,
    breach_id: 1,
    name: 'Information des clients',
    state: 'draft',
    config: JSON.stringify(config$),
    data_key_wrapped: wrapped,
    master_key_id: keys.masterKeyId,
    recipients: people,
    revision: 1,
    created_by: ctx.actor,
    created_at: isoInstant(at),
    started_at: null,
    closed_at: null,
    purge_after: null,
    purged_at: null,
  });
  const encoder = new TextEncoder();
  for (let from = 1; from <= people; from += 10_000) {
    const rows: RecipientInsert[] = [];
    for (let n = from; n < Math.min(from + 10_000, people + 1); n++) {
      const record: RecipientRecord = { v: 1, email: emailOf(n), phone: null, name: [], address: [], country: 'FR', classes: classesOf(n) };
      rows.push({
        recipientNo: n,
        sealed: sealer.seal(encoder.encode(JSON.stringify(record)), `${id}:${n}`),
        channels: ['email'],
        locale: 'fr',
      });
    }
    await store.addRecipients(id, rows, isoInstant(at));
  }
  const campaigns = createCampaigns({
    db: services.database.db,
    store,
    clock: systemClock,
    newId,
    organisations: services.organisations,
    incidents: services.incidents,
    keys: () => Promise.resolve(keys),
    planBaseUrl: 'https://breachdesk.test',
  });
  return { services, ctx, campaigns, store, keys, id, config: config$ };
}

type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * The ceiling: plain nodemailer, pooled like the campaign's sender, sending the same messages (the same
 * headers, text and envelope) with `inFlight` sendMail calls outstanding at a time.
 */
function plainNodemailer(world: World, url: string, inFlight: number, noDelay: boolean) {
  // host and port, not url: given a url, createTransport keeps only what the url says and drops pool and
  // maxConnections (nodemailer 8), which would open a connection per message.
  const { hostname, port } = new URL(url);
  const transport = nodemailer.createTransport({
    host: hostname,
    port: Number(port),
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Infinity,
    // nodemailer leaves Nagle's algorithm on: the final dot, a small write after the data, then waits for
    // the server's delayed ACK (about 40 ms on Linux). A socket of our own with noDelay removes the wait.
    ...(noDelay
      ? {
          getSocket: (_options: unknown, callback: (error: Error | null, socket?: { connection: Socket }) => void) => {
            const socket = connect(Number(port), hostname);
            socket.setNoDelay(true);
            socket.once('connect', () => callback(null, { connection: socket }));
            socket.once('error', (error) => callback(error));
          },
        }
      : {}),
  });
  const { config, id } = world;
  // The texts of each kind of person, split around the reference, so that the loop only joins strings.
  const MARK = '\u0000';
  const variants = new Map<number, { subject: string; before: string; after: string }>();
  const textOf = (n: number) => {
    const v = n & 7;
    let t = variants.get(v);
    if (!t) {
      const classes = classesOf(n);
      const r = renderMessage(config, 'email', 'fr', {
        organisation: config.facts.organisation,
        exposed: exposedList(classes, 'fr'),
        planLink: planLink(config.facts.planBaseUrl, 'fr', SLUG, classes),
        reference: MARK,
        contact: config.facts.contact,
      });
      const [before, after] = r.body.split(MARK) as [string, string];
      variants.set(v, (t = { subject: r.subject, before, after }));
    }
    return t;
  };
  const sendOne = async (n: number) => {
    const t = textOf(n);
    const key = messageKey(id, n, 'email');
    await transport.sendMail({
      from: FROM,
      to: emailOf(n),
      subject: t.subject,
      text: t.before + key + t.after,
      messageId: `<${key}@colis.example>`,
      headers: { 'Content-Language': 'fr', 'Auto-Submitted': 'auto-generated' },
      envelope: { from: `dpo+${key}@colis.example`, to: [emailOf(n)] },
    });
  };
  return {
    /** Sends the messages of people first … first + count - 1. */
    async send(first: number, count: number): Promise<void> {
      let next = first;
      const end = first + count;
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < end) await sendOne(next++);
        }),
      );
    },
    close: () => transport.close(),
  };
}

/**
 * `breachdesk campaign work` on a one-million-person e-mail campaign (issue 7), against plain nodemailer
 * sending the same messages to the same SMTP server (the ceiling). The server, smtp-server accepting and
 * discarding, runs in a child process. Only the sending is timed: claim, open, render, hand-over, SMTP,
 * record, with the worker's defaults, on SQLite.
 */
export async function campaignBenchmark(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'breachdesk-bench-campaign-'));
  const sink = await startSink();
  const notes: string[] = [];
  try {
    const setupStart = performance.now();
    const world = await createWorld(join(dir, 'data'), PEOPLE);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    console.error(`campaign: ${int(PEOPLE)} recipients sealed and queued in ${setupSeconds.toFixed(0)} s`);

    // Trials, which also warm the server up: the ceiling's best sockets and sends in flight. Nagle's stall
    // makes default sockets latency-bound, so they get a short trial only.
    const trials: string[] = [];
    let best = { inFlight: CONNECTIONS, noDelay: true, rate: 0 };
    for (const [noDelay, inFlight, count] of [
      [false, CONNECTIONS * 8, Math.min(TRIAL, 4_000)],
      [true, CONNECTIONS, TRIAL],
      [true, CONNECTIONS * 8, TRIAL],
      [true, CONNECTIONS * 64, TRIAL],
    ] as const) {
      const trial = plainNodemailer(world, sink.url, inFlight, noDelay);
      const t = await timed(() => trial.send(1, count));
      trial.close();
      const label = `${noDelay ? 'noDelay sockets' : 'default sockets'}, ${inFlight} in flight: ${int(count / t.seconds)}/s`;
      trials.push(label);
      console.error(`ceiling trial, ${label}`);
      if (count / t.seconds > best.rate) best = { inFlight, noDelay, rate: count / t.seconds };
    }

    // Then segment after segment: the ceiling sends the next share of the people, then the campaign worker
    // runs (started, and stopped once it has sent as many, as \`campaign work\` is on SIGTERM: it finishes
    // and records the batches it has claimed).
    await world.campaigns.act(world.ctx, world.id, 'start');
    const ceiling = plainNodemailer(world, sink.url, best.inFlight, best.noDelay);
    const totals = {
      ceiling: { messages: 0, seconds: 0, cpuMicros: 0, serverMicros: 0 },
      campaign: { messages: 0, seconds: 0, cpuMicros: 0, serverMicros: 0 },
    };
    let sent = 0;
    let handled = 0;
    let inCampaign = false;
    let inCeiling = false;
    const errors: unknown[] = [];
    const sampler = startSampler(() => (inCampaign ? handled : null));
    const ceilingSampler = startSampler(() => (inCeiling ? totals.ceiling.messages : null));
    const progress = setInterval(() => console.error(`campaign: ${int(sent)} sent, RSS ${mib(process.memoryUsage().rss)}`), 10_000);
    let ceilingNext = 1;
    const segments: string[] = [];
    for (let segment = 1; segment <= SEGMENTS; segment++) {
      const target = Math.round((segment * PEOPLE) / SEGMENTS);

      const share = target - ceilingNext + 1;
      const server0 = await sink.count();
      inCeiling = true;
      const c = await timed(() => ceiling.send(ceilingNext, share));
      inCeiling = false;
      const server1 = await sink.count();
      if (server1.messages - server0.messages !== share) throw new Error('the server did not count every ceiling message');
      Object.assign(totals.ceiling, {
        messages: totals.ceiling.messages + share,
        seconds: totals.ceiling.seconds + c.seconds,
        cpuMicros: totals.ceiling.cpuMicros + c.cpuMicros,
        serverMicros: totals.ceiling.serverMicros + server1.cpuMicros - server0.cpuMicros,
      });
      ceilingNext = target + 1;

      if (handled >= target) continue;
      const before = { handled, server: await sink.count() };
      let lastBatch = 0;
      let reached!: () => void;
      const enough = new Promise<void>((resolve) => (reached = resolve));
      const worker = createCampaignWorker({
        store: world.store,
        keys: () => Promise.resolve(world.keys),
        senders: [createSmtpCampaignSender({ url: sink.url, from: FROM, maxConnections: CONNECTIONS })],
        clock: systemClock,
        workerId: `bench:${process.pid}:${segment}`,
        onError: (error) => {
          errors.push(error);
          if (errors.length > 20) reached();
        },
        onBatch: (_channel, results) => {
          handled += results.length;
          for (const r of results) if (r.kind === 'sent') sent++;
          lastBatch = performance.now();
          if (handled >= target) reached();
        },
      });
      inCampaign = true;
      sampler.take();
      const cpu = process.cpuUsage();
      const start = performance.now();
      worker.start();
      await enough;
      await worker.stop();
      const used = process.cpuUsage(cpu);
      sampler.take();
      inCampaign = false;
      if (errors.length > 0) throw new Error(`the worker reported ${errors.length} errors, the first: ${String(errors[0])}`);
      const server = await sink.count();
      Object.assign(totals.campaign, {
        messages: totals.campaign.messages + handled - before.handled,
        seconds: totals.campaign.seconds + (lastBatch - start) / 1000,
        cpuMicros: totals.campaign.cpuMicros + used.user + used.system,
        serverMicros: totals.campaign.serverMicros + server.cpuMicros - before.server.cpuMicros,
      });
      segments.push(`${int(share / c.seconds)}/${int((handled - before.handled) / ((lastBatch - start) / 1000))}`);
      console.error(`segment ${segment}/${SEGMENTS}, messages/s: ceiling/campaign ${segments[segments.length - 1]}`);
    }
    clearInterval(progress);
    ceiling.close();
    const samples = sampler.stop();
    const ceilingSamples = ceilingSampler.stop();

    const stats = await world.store.stats(world.id, isoInstant(new Date()));
    await world.store.completeFinished();
    const state = (await world.campaigns.get(world.ctx, world.id)).state;
    const campaignMessages = totals.campaign.messages;
    if (campaignMessages !== PEOPLE || sent !== PEOPLE)
      throw new Error(`the campaign handled ${campaignMessages} and sent ${sent}, not ${PEOPLE}`);
    if (stats.messages.email.sent !== PEOPLE) throw new Error(`the outbox says ${stats.messages.email.sent} sent, not ${PEOPLE}`);
    const serverTotal = await sink.count();

    const rate = totals.campaign.messages / totals.campaign.seconds;
    const ceilingRate = totals.ceiling.messages / totals.ceiling.seconds;
    const peak = Math.max(...samples.map((x) => x.rss));
    const ceilingPeak = Math.max(...ceilingSamples.map((x) => x.rss));
    const perMessage = (t: typeof totals.campaign) => `${int(t.cpuMicros / t.messages)} + ${int(t.serverMicros / t.messages)}`;
    const rows = [
      [
        'sender',
        'messages',
        'messages/s',
        'ratio to ceiling',
        'RSS at 10 %',
        'RSS at 50 %',
        'RSS at 100 %',
        'peak RSS',
        'time',
        'CPU µs/message (sender + server)',
      ],
      [
        `campaign worker (defaults, ${CONNECTIONS} connections)`,
        int(totals.campaign.messages),
        int(rate),
        (rate / ceilingRate).toFixed(2),
        mib(rssAt(samples, PEOPLE, 0.1)),
        mib(rssAt(samples, PEOPLE, 0.5)),
        mib(rssAt(samples, PEOPLE, 1)),
        mib(peak),
        `${totals.campaign.seconds.toFixed(0)} s`,
        perMessage(totals.campaign),
      ],
      [
        `plain nodemailer, ${best.noDelay ? 'noDelay sockets' : 'default sockets'}, ${best.inFlight} in flight (ceiling)`,
        int(totals.ceiling.messages),
        int(ceilingRate),
        '1.00',
        mib(rssAt(ceilingSamples, PEOPLE, 0.1)),
        mib(rssAt(ceilingSamples, PEOPLE, 0.5)),
        mib(rssAt(ceilingSamples, PEOPLE, 1)),
        mib(ceilingPeak),
        `${totals.ceiling.seconds.toFixed(0)} s`,
        perMessage(totals.ceiling),
      ],
    ];
    notes.push(
      `Campaign: ${int(PEOPLE)} recipients with an e-mail address, sealed under the campaign's data key (createCampaignKeys) and queued through the store (addRecipients) in ${setupSeconds.toFixed(0)} s of setup, not timed; the campaign row as campaigns.create writes it, started through the service (template check). Timed: the sending only — claim, open, render, hand-over (group commit before each final dot), SMTP, record — by the worker with its defaults, as \`breachdesk campaign work\` runs it, on SQLite.`,
      `The ceiling and the campaign alternate in ${SEGMENTS} segments of ${int(PEOPLE / SEGMENTS)} people (the ceiling sends a segment's messages, then a campaign worker is started and stopped once it has sent as many, finishing and recording the batches it claimed, as on SIGTERM), so that load from elsewhere on the machine weighs on both alike. Messages/s per segment, ceiling/campaign: ${segments.join(', ')}.`,
      `Checked at the end: the SMTP server counted every message of each phase (${int(serverTotal.messages)} in all with the trials, ${int(serverTotal.bytes / serverTotal.messages)} B each) and the outbox says ${int(stats.messages.email.sent)} sent, ${stats.uncertain} uncertain; the campaign is ${state}.`,
      `SMTP server: smtp-server in a child process (bench/smtp-sink.mjs), accepting and discarding, counting messages; both senders use ${CONNECTIONS} pooled connections to it. The two processes share the machine's cores. CPU per message: this process (sender) + the server's.`,
      `Ceiling: nodemailer.createTransport({ pool: true, maxConnections: ${CONNECTIONS}, maxMessages: Infinity }).sendMail of the same messages (same headers, text and envelope) to the same server. Trials on ${int(TRIAL)} messages (${trials.join('; ')}); the best used for all ${int(PEOPLE)}. Default sockets keep Nagle's algorithm on, so the final dot waits for the server's delayed ACK (about 40 ms): noDelay sockets are given through nodemailer's getSocket option.`,
      `RSS: the whole process, sampled every ${SAMPLE_MS} ms while each sender runs, at the first sample after 10 %, 50 % and 100 % of its messages; it includes SQLite's page cache (up to 128 MiB) and the recipients' setup before it.`,
      'Letters per second: see the `letters` case (`npm run bench -- letters`), which measures the PDF letter renderer of src/modules/campaigns/letters/; it is not repeated here.',
    );
    await world.services.close();
    return { title: `Campaign: ${int(PEOPLE)} e-mails to a local SMTP server`, table: rows, notes };
  } finally {
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
