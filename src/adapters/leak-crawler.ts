/**
 * The leak audit's crawler (issue 8, reference §4.2): runs an audit configuration in headless Chromium
 * (Debian's /usr/bin/chromium driven by playwright-core; no browser is ever downloaded) and returns every
 * request the pages made as CapturedRequest records.
 *
 * Per consent state, a fresh browser context (a fresh profile): open the consent page and take the consent
 * steps, visit the start URLs and run the anonymous flows, then log in and keep the storage state; the
 * logged-in flows run in a second context built from that storage state. Service workers are blocked so
 * they cannot hide requests. Headers come from `request.allHeaders()` (so Cookie is there), bodies from
 * `request.postDataBuffer()`, sent WebSocket frames from `framesent`, and the initiating script from a CDP
 * session's `Network.requestWillBeSent` initiator stack (the frame's URL when there is none).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import {
  importHar,
  parseAuditConfig,
  parsePersonas,
  personaFor,
  resolveAuditConfig,
  WEBSOCKET_FRAME_METHOD,
  type AuditStep,
  type CrawlResult,
  type CrawlStepOutcome,
  type HarImportOptions,
  type HarImportResult,
  type LeakCrawler,
  type ResolvedAuditConfig,
  type StepTarget,
} from '../modules/leak-audit/collect/index.js';
import type { CapturedRequest, ConsentState, Persona, RequestKind } from '../modules/leak-audit/model.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The flags the end-to-end tests launch Debian's Chromium with (test/support/browser.ts). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface LeakCrawlerOptions {
  /** A browser to use (and not close); otherwise one is launched per crawl from `executablePath`. */
  readonly browser?: Browser;
  readonly executablePath?: string;
  /** More Chromium flags, e.g. `--host-resolver-rules` to point hosts at a test server. */
  readonly extraArgs?: readonly string[];
  readonly clock?: Clock;
  /** Viewport, locale and user agent of every context. Default: a 1280×900 desktop, sv-SE. */
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly locale?: string;
  readonly userAgent?: string;
  /**
   * Also keep each context's traffic as a HAR 1.2 file in `dir` (`<consent>-anonymous.har`,
   * `<consent>-logged-in.har`), as evidence to hand over; response bodies are left out.
   */
  readonly recordHar?: { readonly dir: string };
}

export async function launchAuditChromium(options: Pick<LeakCrawlerOptions, 'executablePath' | 'extraArgs'> = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: options.executablePath ?? DEFAULT_CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
  });
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export function createLeakCrawler(options: LeakCrawlerOptions = {}): LeakCrawler {
  const clock = options.clock ?? systemClock;
  return {
    async crawl(config) {
      const browser = options.browser ?? (await launchAuditChromium(options));
      try {
        return await crawlWith(browser, config, clock, options);
      } finally {
        if (!options.browser) await browser.close();
      }
    },
  };
}

async function crawlWith(browser: Browser, config: ResolvedAuditConfig, clock: Clock, options: LeakCrawlerOptions): Promise<CrawlResult> {
  const collected: Captured[] = [];
  const steps: CrawlStepOutcome[] = [];
  const redact = redactor(config.personas);
  const { stepMs, settleMs } = config.timeouts;

  const newContext = async (consent: ConsentState, storageState?: StorageState): Promise<Session> => {
    const harPath = options.recordHar
      ? resolve(options.recordHar.dir, `${consent}-${storageState ? 'logged-in' : 'anonymous'}.har`)
      : undefined;
    if (harPath) await mkdir(dirname(harPath), { recursive: true });
    const context = await browser.newContext({
      ...(harPath ? { recordHar: { path: harPath, content: 'omit' as const, mode: 'full' as const } } : {}),
      serviceWorkers: 'block',
      viewport: options.viewport ?? { width: 1280, height: 900 },
      locale: options.locale ?? 'sv-SE',
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      ...(storageState ? { storageState } : {}),
    });
    context.setDefaultTimeout(stepMs);
    context.setDefaultNavigationTimeout(stepMs);
    return openSession(context, consent, clock, collected);
  };

  /** Runs steps under `prefix` until one fails; true when all went through. */
  const runSteps = async (session: Session, prefix: string, list: readonly AuditStep[], persona: Persona): Promise<boolean> => {
    for (const step of list) {
      const name = `${prefix}: ${step.name ?? describeStep(step)}`;
      session.step = name;
      try {
        await runStep(session.page, step, persona);
        await settle(session.page, settleMs);
        steps.push({ consent: session.consent, step: name, ok: true });
      } catch (error) {
        steps.push({
          consent: session.consent,
          step: name,
          ok: false,
          error: redact(error instanceof Error ? error.message : String(error)),
        });
        return false;
      }
    }
    return true;
  };

  for (const run of config.consent) {
    const persona = personaFor(config);
    const anonymous = await newContext(run.state);
    let loggedInState: StorageState | undefined;
    try {
      await runSteps(anonymous, `consent ${run.state}`, [{ action: 'goto', url: run.url ?? config.startUrls[0]! }, ...run.steps], persona);
      for (const url of config.startUrls) await runSteps(anonymous, url, [{ action: 'goto', url, name: url }], persona);
      for (const flow of config.flows.filter((f) => f.session === 'anonymous')) {
        await runSteps(anonymous, flow.name, flow.steps, personaFor(config, flow.persona));
      }
      if (config.login) {
        const loginSteps: AuditStep[] = [
          ...(config.login.url ? [{ action: 'goto' as const, url: config.login.url }] : []),
          ...config.login.steps,
        ];
        if (await runSteps(anonymous, 'login', loginSteps, persona)) {
          loggedInState = await anonymous.context.storageState();
          if (config.login.saveStorageStateTo) await saveStorageState(config.login.saveStorageStateTo, run.state, loggedInState);
        }
      }
    } finally {
      await anonymous.close();
    }
    const loggedInFlows = config.flows.filter((f) => f.session === 'logged-in');
    if (loggedInFlows.length === 0) continue;
    if (!loggedInState) {
      for (const flow of loggedInFlows)
        steps.push({ consent: run.state, step: `${flow.name}: not run`, ok: false, error: 'the login failed' });
      continue;
    }
    // The login is not repeated: the logged-in flows start from the saved storage state.
    const loggedIn = await newContext(run.state, loggedInState);
    try {
      for (const flow of loggedInFlows) await runSteps(loggedIn, flow.name, flow.steps, personaFor(config, flow.persona));
    } finally {
      await loggedIn.close();
    }
  }

  collected.sort((a, b) => a.seq - b.seq);
  return { requests: collected.map((c, i) => ({ ...c.request, id: `r${i + 1}` })), steps };
}

// ---------------------------------------------------------------------------------------------------------
// Capture

interface Captured {
  readonly seq: number;
  readonly request: Omit<CapturedRequest, 'id'>;
}

interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly consent: ConsentState;
  step: string;
  close(): Promise<void>;
}

let sequence = 0;

const KIND_BY_RESOURCE_TYPE: Readonly<Record<string, RequestKind>> = {
  document: 'document',
  xhr: 'xhr',
  fetch: 'fetch',
  ping: 'beacon',
  script: 'script',
  image: 'image',
  stylesheet: 'stylesheet',
};

interface CdpInitiator {
  readonly type?: string;
  readonly url?: string;
  readonly stack?: CdpStack;
}
interface CdpStack {
  readonly callFrames?: readonly { readonly url?: string }[];
  readonly parent?: CdpStack;
}

/** The innermost script URL on the initiator stack, else the URL the parser was reading. */
function scriptOf(initiator: CdpInitiator | undefined): string | undefined {
  let stack = initiator?.stack;
  for (let depth = 0; stack && depth < 50; depth++) {
    const frame = stack.callFrames?.find((f) => typeof f.url === 'string' && f.url !== '');
    if (frame?.url) return frame.url;
    stack = stack.parent;
  }
  return initiator?.url || undefined;
}

const keyOf = (method: string, url: string): string => `${method} ${url.replace(/#.*$/, '')}`;

async function openSession(context: BrowserContext, consent: ConsentState, clock: Clock, out: Captured[]): Promise<Session> {
  const pending = new Set<Promise<void>>();
  // CDP and Playwright report the same request through different sessions, in no guaranteed order between
  // them; initiators are queued per method+URL and matched to the requests in order once the context is done.
  const initiators = new Map<string, (string | undefined)[]>();
  const awaitingInitiator: { key: string; fallback: string | undefined; set: (initiator: string | undefined) => void }[] = [];
  // The step now running: set by the crawl through session.step, read by the listeners.
  const current = { step: 'open' };
  const track = (work: Promise<void>): void => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const watchPage = async (page: Page): Promise<void> => {
    try {
      const cdp = await context.newCDPSession(page);
      cdp.on(
        'Network.requestWillBeSent',
        (event: { type?: string; request: { url: string; method: string }; initiator?: CdpInitiator }) => {
          if (event.type === 'Preflight' || event.initiator?.type === 'preflight') return;
          const key = keyOf(event.request.method, event.request.url);
          initiators.set(key, [...(initiators.get(key) ?? []), scriptOf(event.initiator)]);
        },
      );
      cdp.on('Network.webSocketCreated', (event: { url: string; initiator?: CdpInitiator }) => {
        const key = keyOf(WEBSOCKET_FRAME_METHOD, event.url);
        initiators.set(key, [...(initiators.get(key) ?? []), scriptOf(event.initiator)]);
      });
      await cdp.send('Network.enable');
    } catch {
      // Not Chromium, or the page is already gone: requests fall back to their frame's URL.
    }
    page.on('websocket', (ws) => {
      // The frames of one socket share its initiator, taken from the queue once per socket.
      const frames: (Omit<CapturedRequest, 'id'> & { initiator?: string })[] = [];
      awaitingInitiator.push({
        key: keyOf(WEBSOCKET_FRAME_METHOD, ws.url()),
        fallback: page.url(),
        set: (initiator) => {
          if (initiator !== undefined) for (const frame of frames) frame.initiator = initiator;
        },
      });
      ws.on('framesent', ({ payload }) => {
        const body = typeof payload === 'string' ? { text: payload } : bodyOf(payload, undefined);
        const frame: Omit<CapturedRequest, 'id'> & { initiator?: string } = {
          url: ws.url(),
          method: WEBSOCKET_FRAME_METHOD,
          headers: {},
          ...(body ? { body } : {}),
          kind: 'websocket-frame',
          pageUrl: page.url(),
          consent,
          step: current.step,
          source: 'crawl',
          at: clock.now().toISOString(),
        };
        frames.push(frame);
        out.push({ seq: ++sequence, request: frame });
      });
    });
  };

  context.on('page', (page) => track(watchPage(page)));
  context.on('request', (request) => {
    const url = request.url();
    if (!/^https?:/i.test(url)) return;
    const seq = ++sequence;
    const at = clock.now().toISOString();
    const step = current.step;
    let pageUrl = url;
    let frameUrl: string | undefined;
    try {
      const frame = request.frame();
      frameUrl = frame.url() || undefined;
      const isTopNavigation = request.isNavigationRequest() && frame.parentFrame() === null;
      // A navigation's frame still shows the page being left: not where the request came from.
      if (request.isNavigationRequest()) frameUrl = undefined;
      if (!isTopNavigation) pageUrl = frame.page().url();
    } catch {
      // A service worker's request has no frame (service workers are blocked, but stay safe).
    }
    const kind = KIND_BY_RESOURCE_TYPE[request.resourceType()] ?? 'other';
    track(
      (async () => {
        const headers = await headersOf(request);
        const body = bodyOf(request.postDataBuffer(), headers['content-type']);
        const captured: Omit<CapturedRequest, 'id'> & { initiator?: string } = {
          url,
          method: request.method(),
          headers,
          ...(body ? { body } : {}),
          kind,
          pageUrl,
          consent,
          step,
          source: 'crawl',
          at,
        };
        out.push({ seq, request: captured });
        awaitingInitiator.push({
          key: keyOf(request.method(), url),
          fallback: frameUrl,
          set: (initiator) => {
            if (initiator !== undefined) captured.initiator = initiator;
          },
        });
      })(),
    );
  });

  const page = await context.newPage();
  // The page event has started watchPage: the CDP session must be listening before the first navigation.
  await Promise.all(pending);
  return {
    context,
    consent,
    page,
    get step() {
      return current.step;
    },
    set step(name: string) {
      current.step = name;
    },
    close: async () => {
      for (const open of context.pages()) await settle(open, 0);
      await Promise.all(pending);
      await context.close();
      for (const waiting of awaitingInitiator) waiting.set(initiators.get(waiting.key)?.shift() ?? waiting.fallback);
    },
  };
}

async function headersOf(request: Request): Promise<Record<string, string>> {
  // allHeaders() waits for the headers as sent (with Cookie); a request that never completes may not get them.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout(null), 5_000);
  });
  try {
    const raw = (await Promise.race([request.allHeaders(), timeout])) ?? request.headers();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw)) headers[name.toLowerCase()] = value;
    return headers;
  } catch {
    return { ...request.headers() };
  } finally {
    clearTimeout(timer);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bodyOf(buffer: Buffer | null, contentType: string | undefined): CapturedRequest['body'] | undefined {
  if (buffer === null) return undefined;
  const type = contentType ? { contentType } : {};
  try {
    return { text: utf8.decode(buffer), ...type };
  } catch {
    return { base64: buffer.toString('base64'), ...type };
  }
}

/** Lets late requests (debounced trackers, beacons, image loads) leave before the next step. */
async function settle(page: Page, ms: number): Promise<void> {
  if (page.isClosed()) return;
  try {
    await page.waitForLoadState('load', { timeout: 5_000 });
    if (ms > 0) await page.waitForTimeout(ms);
  } catch {
    // A page that never finishes loading still had its requests recorded.
  }
}

// ---------------------------------------------------------------------------------------------------------
// Steps

function locate(page: Page, target: StepTarget): Locator {
  if ('role' in target) {
    return page.getByRole(target.role as Parameters<Page['getByRole']>[0], {
      ...(target.name !== undefined ? { name: target.name } : {}),
      ...(target.exact !== undefined ? { exact: target.exact } : {}),
    });
  }
  if ('label' in target) return page.getByLabel(target.label, target.exact !== undefined ? { exact: target.exact } : {});
  if ('placeholder' in target) return page.getByPlaceholder(target.placeholder);
  if ('text' in target) return page.getByText(target.text, target.exact !== undefined ? { exact: target.exact } : {});
  return page.locator(target.selector);
}

function valueOf(persona: Persona, field: keyof Persona['fields'], index = 0): string {
  const value = persona.fields[field]?.[index];
  if (value === undefined) throw new AppError('VALIDATION_FAILED', `persona ${persona.id} has no value ${index} for ${field}`);
  return value;
}

async function runStep(page: Page, step: AuditStep, persona: Persona): Promise<void> {
  switch (step.action) {
    case 'goto':
      await page.goto(step.url, { waitUntil: 'load' });
      return;
    case 'click':
      await locate(page, step.target).click();
      return;
    case 'fill': {
      const value = step.field !== undefined ? valueOf(persona, step.field, step.index) : (step.value ?? '');
      const field = locate(page, step.target);
      await field.click();
      await field.clear();
      // Real key events, one character at a time, so keystroke listeners see what a person's typing gives them.
      await field.pressSequentially(value, { delay: 15 });
      return;
    }
    case 'press':
      if (step.target) await locate(page, step.target).press(step.key);
      else await page.keyboard.press(step.key);
      return;
    case 'waitFor':
      if (step.target) await locate(page, step.target).waitFor({ state: step.state ?? 'visible' });
      else if (step.url !== undefined) await page.waitForURL(step.url);
      else await page.waitForTimeout(step.ms ?? 0);
      return;
    case 'select': {
      const option = step.field !== undefined ? valueOf(persona, step.field, step.index) : (step.option ?? '');
      await locate(page, step.target).selectOption(option);
      return;
    }
  }
}

function describeTarget(target: StepTarget): string {
  if ('role' in target) return target.name !== undefined ? `${target.role} "${target.name}"` : target.role;
  if ('label' in target) return `field "${target.label}"`;
  if ('placeholder' in target) return `field with placeholder "${target.placeholder}"`;
  if ('text' in target) return `text "${target.text}"`;
  return target.selector;
}

/** A step's name for reports; never the value typed. */
export function describeStep(step: AuditStep): string {
  switch (step.action) {
    case 'goto':
      return `goto ${step.url}`;
    case 'click':
      return `click ${describeTarget(step.target)}`;
    case 'fill':
      return `type ${step.field ?? 'a literal value'} into ${describeTarget(step.target)}`;
    case 'press':
      return `press ${step.key}${step.target ? ` in ${describeTarget(step.target)}` : ''}`;
    case 'waitFor':
      return step.target
        ? `wait for ${describeTarget(step.target)}`
        : step.url !== undefined
          ? `wait for ${step.url}`
          : `wait ${step.ms ?? 0} ms`;
    case 'select':
      return `select ${step.field ?? 'an option'} in ${describeTarget(step.target)}`;
  }
}

/** Replaces every persona value (longest first) in a message by its field name. */
function redactor(personas: readonly Persona[]): (message: string) => string {
  const values = personas
    .flatMap((persona) => Object.entries(persona.fields).flatMap(([field, list]) => (list ?? []).map((value) => ({ field, value }))))
    .filter(({ value }) => value.length >= 3)
    .sort((a, b) => b.value.length - a.value.length);
  return (message) => values.reduce((text, { field, value }) => text.split(value).join(`[${field}]`), message);
}

async function saveStorageState(path: string, consent: ConsentState, state: StorageState): Promise<void> {
  const target = path.includes('{consent}') ? path.replaceAll('{consent}', consent) : path.replace(/(\.[^./]+)?$/, `.${consent}$1`);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, JSON.stringify(state, null, 2), { mode: 0o600 });
  } catch (cause) {
    throw new AppError('OUTPUT_FILE_UNWRITABLE', `${target}: the storage state could not be written`, { cause, data: { file: target } });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Files

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read';
    throw new AppError('INPUT_FILE_UNREADABLE', `${path}: ${reason}`, { cause, data: { file: path } });
  }
}

/**
 * Reads an audit configuration (YAML, or JSON by extension) and its personas (inline, or the file it names,
 * relative to the configuration), and checks them together.
 */
export async function loadAuditConfigFile(path: string): Promise<ResolvedAuditConfig> {
  const config = parseAuditConfig(await readText(path), path);
  let personas: Persona[];
  if (typeof config.personas === 'string') {
    const personasPath = resolve(dirname(path), config.personas);
    personas = parsePersonas(await readText(personasPath), personasPath);
  } else {
    personas = config.personas;
  }
  return resolveAuditConfig(config, personas, path);
}

/** Reads a HAR file and imports it (importHar), naming the file in every message and step. */
export async function importHarFile(path: string, options: Omit<HarImportOptions, 'file'> = {}): Promise<HarImportResult> {
  return importHar(await readText(path), { ...options, file: basename(path) });
}
