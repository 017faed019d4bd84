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
      child.once('message', (m) => resolve(m as T));
      child.once('error', reject);
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

/** RSS every SAMPLE_MS, with the share of the work done at that moment; and this process's CPU time. */
function startSampler(progress: () => number) {
  const samples: { at: number; done: number; rss: number }[] = [];
  const start = performance.now();
  const cpu = process.cpuUsage();
  const take = () => samples.push({ at: performance.now() - start, done: progress(), rss: process.memoryUsage().rss });
  take();
  const timer = setInterval(take, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      take();
      const used = process.cpuUsage(cpu);
      return { samples, cpuMicros: used.user + used.system };
    },
  };
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
async function plainNodemailer(world: World, url: string, from: number, count: number, inFlight: number, noDelay: boolean) {
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
  let next = from;
  let done = 0;
  const end = from + count;
  const sampler = startSampler(() => done);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < end) {
        await sendOne(next++);
        done++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const { samples, cpuMicros } = sampler.stop();
  transport.close();
  return { rate: count / seconds, seconds, samples, cpuMicros };
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

    // The ceiling first, on a sink warmed up by the trials: the best sockets and sends in flight, then all.
    // Nagle's stall makes default sockets latency-bound, so they get a short trial only.
    const trials: string[] = [];
    let best = { inFlight: CONNECTIONS, noDelay: true, rate: 0 };
    for (const [noDelay, inFlight, count] of [
      [false, CONNECTIONS * 8, Math.min(TRIAL, 4_000)],
      [true, CONNECTIONS, TRIAL],
      [true, CONNECTIONS * 8, TRIAL],
      [true, CONNECTIONS * 64, TRIAL],
    ] as const) {
      const t = await plainNodemailer(world, sink.url, 1, count, inFlight, noDelay);
      const label = `${noDelay ? 'noDelay sockets' : 'default sockets'}, ${inFlight} in flight: ${int(t.rate)}/s`;
      trials.push(label);
      console.error(`ceiling trial, ${label}`);
      if (t.rate > best.rate) best = { inFlight, noDelay, rate: t.rate };
    }
    await sink.reset();
    const sinkCpu0 = (await sink.count()).cpuMicros;
    const ceiling = await plainNodemailer(world, sink.url, 1, PEOPLE, best.inFlight, best.noDelay);
    const ceilingCount = await sink.count();
    console.error(`ceiling: ${int(ceiling.rate)}/s`);
    if (ceilingCount.messages !== PEOPLE) throw new Error(`the sink counted ${ceilingCount.messages} ceiling messages, not ${PEOPLE}`);
    await sink.reset();
    const sinkCpu1 = (await sink.count()).cpuMicros;

    // The campaign: the real worker and SMTP channel, started as `campaign work` starts them.
    await world.campaigns.act(world.ctx, world.id, 'start');
    const sender = createSmtpCampaignSender({ url: sink.url, from: FROM, maxConnections: CONNECTIONS });
    let sent = 0;
    let handled = 0;
    let lastBatch = 0;
    const errors: unknown[] = [];
    let finished!: () => void;
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    const worker = createCampaignWorker({
      store: world.store,
      keys: () => Promise.resolve(world.keys),
      senders: [sender],
      clock: systemClock,
      workerId: `bench:${process.pid}`,
      onError: (error) => errors.push(error),
      onBatch: (_channel, results) => {
        handled += results.length;
        for (const r of results) if (r.kind === 'sent') sent++;
        lastBatch = performance.now();
        if (handled >= PEOPLE) finished();
      },
    });
    const progress = setInterval(() => console.error(`campaign: ${int(sent)} sent, RSS ${mib(process.memoryUsage().rss)}`), 10_000);
    const sampler = startSampler(() => handled);
    const start = performance.now();
    worker.start();
    await Promise.race([
      allDone,
      new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (errors.length > 20) {
            clearInterval(check);
            resolve();
          }
        }, 1000);
        void allDone.then(() => clearInterval(check));
      }),
    ]);
    const seconds = (lastBatch - start) / 1000;
    const { samples, cpuMicros } = sampler.stop();
    clearInterval(progress);
    await worker.stop();
    if (errors.length > 0) throw new Error(`the worker reported ${errors.length} errors, the first: ${String(errors[0])}`);
    const rate = sent / seconds;
    const campaignCount = await sink.count();
    const stats = await world.store.stats(world.id, isoInstant(new Date()));
    await world.store.completeFinished();
    const state = (await world.campaigns.get(world.ctx, world.id)).state;
    if (campaignCount.messages !== PEOPLE) throw new Error(`the sink counted ${campaignCount.messages} campaign messages, not ${PEOPLE}`);
    if (stats.messages.email.sent !== PEOPLE) throw new Error(`the outbox says ${stats.messages.email.sent} sent, not ${PEOPLE}`);

    const peak = Math.max(...samples.map((s) => s.rss));
    const ceilingPeak = Math.max(...ceiling.samples.map((s) => s.rss));
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
        int(PEOPLE),
        int(rate),
        (rate / ceiling.rate).toFixed(2),
        mib(rssAt(samples, PEOPLE, 0.1)),
        mib(rssAt(samples, PEOPLE, 0.5)),
        mib(rssAt(samples, PEOPLE, 1)),
        mib(peak),
        `${seconds.toFixed(0)} s`,
        `${int(cpuMicros / PEOPLE)} + ${int((campaignCount.cpuMicros - sinkCpu1) / PEOPLE)}`,
      ],
      [
        `plain nodemailer, ${best.noDelay ? 'noDelay sockets' : 'default sockets'}, ${best.inFlight} in flight (ceiling)`,
        int(PEOPLE),
        int(ceiling.rate),
        '1.00',
        mib(rssAt(ceiling.samples, PEOPLE, 0.1)),
        mib(rssAt(ceiling.samples, PEOPLE, 0.5)),
        mib(rssAt(ceiling.samples, PEOPLE, 1)),
        mib(ceilingPeak),
        `${ceiling.seconds.toFixed(0)} s`,
        `${int(ceiling.cpuMicros / PEOPLE)} + ${int((ceilingCount.cpuMicros - sinkCpu0) / PEOPLE)}`,
      ],
    ];
    notes.push(
      `Campaign: ${int(PEOPLE)} recipients with an e-mail address, sealed under the campaign's data key (createCampaignKeys) and queued through the store (addRecipients) in ${setupSeconds.toFixed(0)} s of setup, not timed; the campaign row as campaigns.create writes it, started through the service (template check). Timed: the sending only — claim, open, render, hand-over (group commit before each final dot), SMTP, record — by the worker with its defaults, as \`breachdesk campaign work\` runs it, on SQLite.`,
      `Checked at the end: the SMTP server counted ${int(campaignCount.messages)} messages (${mib(campaignCount.bytes)}, ${int(campaignCount.bytes / campaignCount.messages)} B each) and the outbox says ${int(stats.messages.email.sent)} sent, ${stats.uncertain} uncertain; the campaign is ${state}.`,
      `SMTP server: smtp-server in a child process (bench/smtp-sink.mjs), accepting and discarding, counting messages; both senders use ${CONNECTIONS} pooled connections to it. The two processes share the machine's cores.`,
      `Ceiling: nodemailer.createTransport({ pool: true, maxConnections: ${CONNECTIONS}, maxMessages: Infinity }).sendMail of the same messages (same headers, text and envelope) to the same server. Trials (${trials.join('; ')}); the best used for all ${int(PEOPLE)}. Default sockets keep Nagle's algorithm on, so the final dot waits for the server's delayed ACK (about 40 ms): noDelay sockets are given through nodemailer's getSocket option.`,
      `RSS: the whole process, sampled every ${SAMPLE_MS} ms, at the first sample after 10 %, 50 % and 100 % of the messages; it includes SQLite's page cache (up to 128 MiB).`,
      'Letters per second: see the `letters` case (`npm run bench -- letters`), which measures the PDF letter renderer of src/modules/campaigns/letters/; it is not repeated here.',
    );
    await world.services.close();
    return { title: 'Campaign: one million e-mails to a local SMTP server', table: rows, notes };
  } finally {
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
