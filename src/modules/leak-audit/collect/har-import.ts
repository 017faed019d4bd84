/**
 * HAR 1.2 → CapturedRequest[] (reference §4.1): for flows a script cannot do (BankID, Freja) an auditor
 * records them in a browser and exports a HAR. Pure: the caller reads the file.
 *
 * A HAR that is not one (not JSON, no `log.entries` array) is refused with an AppError naming the file and
 * the JSON path. An entry that cannot be used is not dropped silently: it is listed in `skipped` with its
 * index and the path and reason (`log.entries[12].request.url: missing`). Messages never quote values, which
 * are personal data.
 */
import { AppError, validationError } from '../../../platform/errors.js';
import { findJsonSyntaxError } from '../../../platform/json-syntax.js';
import type { CapturedRequest, ConsentState, RequestKind } from '../model.js';

export interface HarImportOptions {
  /** Shown in messages and in each request's step (`har:<file>`); a name, not necessarily a path. */
  readonly file: string;
  /** The consent state the recording was made in; `no-choice` when not said. */
  readonly consent?: ConsentState;
  /** Prefix of the request ids, so two imports in one audit do not clash. Default `h`: `h0`, `h1`, `h3.ws0`. */
  readonly idPrefix?: string;
}

export interface HarSkippedEntry {
  readonly index: number;
  /** `log.entries[3].request.url: missing`. */
  readonly reason: string;
}

export interface HarImportResult {
  readonly requests: CapturedRequest[];
  readonly skipped: HarSkippedEntry[];
}

/** The method recorded for a WebSocket frame sent by the page (a frame has none of its own). */
export const WEBSOCKET_FRAME_METHOD = 'WEBSOCKET';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

class EntryProblem extends Error {}

/** Parses HAR text. Throws INPUT_JSON_INVALID or VALIDATION_FAILED only when the file as a whole is unusable. */
export function importHar(text: string, options: HarImportOptions): HarImportResult {
  const { file } = options;
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (cause) {
    const where = findJsonSyntaxError(text.replace(/^\uFEFF/, ''));
    const at = where ? `:${where.line}:${where.column}` : '';
    throw new AppError('INPUT_JSON_INVALID', `${file}${at}: not valid JSON${where ? `: expected ${where.expected}` : ''}`, {
      cause,
      data: { file, ...(where ? { line: where.line, column: where.column } : {}) },
    });
  }
  const fail = (path: string, message: string): never => {
    throw validationError([{ path, message }], `HAR file ${file}`);
  };
  if (!isObject(root)) fail('', 'not a HAR file: the top level must be an object with a "log"');
  const log = (root as Json)['log'];
  if (!isObject(log)) fail('log', log === undefined ? 'missing' : 'must be an object');
  const entries = (log as Json)['entries'];
  if (!Array.isArray(entries)) fail('log.entries', entries === undefined ? 'missing' : 'must be an array');
  const pagesRaw = (log as Json)['pages'];
  if (pagesRaw !== undefined && !Array.isArray(pagesRaw)) fail('log.pages', 'must be an array');

  const pages = new Map<string, Json>();
  for (const page of (pagesRaw as unknown[] | undefined) ?? []) {
    if (isObject(page) && typeof page['id'] === 'string') pages.set(page['id'], page);
  }
  const entryList = entries as unknown[];
  const documentUrlAt = documentUrlsInOrder(entryList);
  const consent = options.consent ?? 'no-choice';
  const prefix = options.idPrefix ?? 'h';
  const step = `har:${file}`;
  const requests: CapturedRequest[] = [];
  const skipped: HarSkippedEntry[] = [];

  entryList.forEach((entry, index) => {
    const at = `log.entries[${index}]`;
    try {
      requests.push(...convertEntry(entry, at, { id: `${prefix}${index}`, consent, step, pages, documentUrl: documentUrlAt[index] }));
    } catch (error) {
      if (!(error instanceof EntryProblem)) throw error;
      skipped.push({ index, reason: error.message });
    }
  });
  return { requests, skipped };
}

interface EntryContext {
  readonly id: string;
  readonly consent: ConsentState;
  readonly step: string;
  readonly pages: ReadonlyMap<string, Json>;
  /** The last document loaded in the entry's page up to this entry. */
  readonly documentUrl: string | undefined;
}

function convertEntry(entry: unknown, at: string, ctx: EntryContext): CapturedRequest[] {
  const problem = (path: string, message: string): never => {
    throw new EntryProblem(`${at}${path}: ${message}`);
  };
  if (!isObject(entry)) return problem('', 'must be an object');
  const request = entry['request'];
  if (!isObject(request)) return problem('.request', request === undefined ? 'missing' : 'must be an object');
  const url = request['url'];
  if (url === undefined) return problem('.request.url', 'missing');
  if (typeof url !== 'string') return problem('.request.url', 'must be a string');
  if (!URL.canParse(url)) return problem('.request.url', 'not an absolute URL');
  const method = request['method'];
  if (method === undefined) return problem('.request.method', 'missing');
  if (typeof method !== 'string' || method === '') return problem('.request.method', 'must be a non-empty string');
  const started = entry['startedDateTime'];
  if (started === undefined) return problem('.startedDateTime', 'missing');
  if (typeof started !== 'string' || Number.isNaN(Date.parse(started))) return problem('.startedDateTime', 'not an ISO 8601 date');

  const headers = readHeaders(request['headers'], `${at}.request.headers`);
  // A sanitised export (Chrome's default) drops the Cookie header but may keep request.cookies.
  if (headers['cookie'] === undefined) {
    const cookies = readCookies(request['cookies'], `${at}.request.cookies`);
    if (cookies !== '') headers['cookie'] = cookies;
  }
  const resourceType = typeof entry['_resourceType'] === 'string' ? entry['_resourceType'] : undefined;
  const kind = kindOf(resourceType, headers['sec-fetch-dest']);
  const pageref = typeof entry['pageref'] === 'string' ? entry['pageref'] : undefined;
  const pageUrl = pageUrlOf(pageref, ctx, url, kind, headers['referer']);
  const initiator = initiatorOf(entry['_initiator']);
  const body = readPostData(request['postData'], `${at}.request.postData`);
  const base = {
    pageUrl,
    consent: ctx.consent,
    step: ctx.step,
    source: 'har' as const,
    ...(initiator !== undefined ? { initiator } : {}),
  };
  const out: CapturedRequest[] = [
    {
      id: ctx.id,
      url,
      method: method.toUpperCase(),
      headers,
      ...(body ? { body } : {}),
      kind,
      at: new Date(started).toISOString(),
      ...base,
    },
  ];

  // Chromium's DevTools export keeps WebSocket frames on the handshake entry; the page's sent ones are requests too.
  const messages = entry['_webSocketMessages'];
  if (messages !== undefined) {
    if (!Array.isArray(messages)) return problem('._webSocketMessages', 'must be an array');
    let n = 0;
    messages.forEach((message, i) => {
      const path = `._webSocketMessages[${i}]`;
      if (!isObject(message)) return problem(path, 'must be an object');
      if (message['type'] !== 'send') return;
      const data = message['data'];
      if (typeof data !== 'string') return problem(`${path}.data`, data === undefined ? 'missing' : 'must be a string');
      const time = message['time'];
      const sentAt = typeof time === 'number' && Number.isFinite(time) ? new Date(time * 1000) : new Date(started);
      // Opcode 2 is a binary frame, which DevTools stores base64-encoded.
      const frameBody = message['opcode'] === 2 ? { base64: data } : { text: data };
      out.push({
        id: `${ctx.id}.ws${n++}`,
        url,
        method: WEBSOCKET_FRAME_METHOD,
        headers: {},
        body: frameBody,
        kind: 'websocket-frame',
        at: sentAt.toISOString(),
        ...base,
      });
    });
  }
  return out;
}

function readHeaders(value: unknown, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  if (value === undefined) return headers;
  if (!Array.isArray(value)) throw new EntryProblem(`${path}: must be an array`);
  value.forEach((header, i) => {
    if (!isObject(header) || typeof header['name'] !== 'string' || typeof header['value'] !== 'string')
      throw new EntryProblem(`${path}[${i}]: must be an object with string name and value`);
    const name = header['name'].toLowerCase();
    // HTTP/2 pseudo-headers (":authority") repeat the URL; they are not headers the page chose.
    if (name.startsWith(':')) return;
    const previous = headers[name];
    headers[name] = previous === undefined ? header['value'] : `${previous}${name === 'cookie' ? '; ' : ', '}${header['value']}`;
  });
  return headers;
}

function readCookies(value: unknown, path: string): string {
  if (value === undefined) return '';
  if (!Array.isArray(value)) throw new EntryProblem(`${path}: must be an array`);
  return value
    .map((cookie, i) => {
      if (!isObject(cookie) || typeof cookie['name'] !== 'string' || typeof cookie['value'] !== 'string')
        throw new EntryProblem(`${path}[${i}]: must be an object with string name and value`);
      return `${cookie['name']}=${cookie['value']}`;
    })
    .join('; ');
}

function readPostData(value: unknown, path: string): CapturedRequest['body'] | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw new EntryProblem(`${path}: must be an object`);
  const mimeType = typeof value['mimeType'] === 'string' && value['mimeType'] !== '' ? value['mimeType'] : undefined;
  const contentType = mimeType ? { contentType: mimeType } : {};
  const text = value['text'];
  if (text !== undefined && typeof text !== 'string') throw new EntryProblem(`${path}.text: must be a string`);
  if (typeof text === 'string' && text !== '') {
    // Not in HAR 1.2 for postData, but some exporters mark binary bodies as they do response content.
    if (value['encoding'] === 'base64') return { base64: text, ...contentType };
    return { text, ...contentType };
  }
  const params = value['params'];
  if (params === undefined) return text === '' ? { text: '', ...contentType } : undefined;
  if (!Array.isArray(params)) throw new EntryProblem(`${path}.params: must be an array`);
  // HAR 1.2: text and params are alternatives. Params are rebuilt as the form body they came from.
  const form = new URLSearchParams();
  params.forEach((param, i) => {
    if (!isObject(param) || typeof param['name'] !== 'string')
      throw new EntryProblem(`${path}.params[${i}]: must be an object with a string name`);
    const paramValue = param['value'];
    if (paramValue !== undefined && typeof paramValue !== 'string') throw new EntryProblem(`${path}.params[${i}].value: must be a string`);
    form.append(param['name'], paramValue ?? '');
  });
  return { text: form.toString(), ...contentType };
}

const KIND_BY_RESOURCE_TYPE: Readonly<Record<string, RequestKind>> = {
  document: 'document',
  xhr: 'xhr',
  fetch: 'fetch',
  ping: 'beacon',
  beacon: 'beacon',
  script: 'script',
  image: 'image',
  img: 'image',
  stylesheet: 'stylesheet',
};
const KIND_BY_FETCH_DEST: Readonly<Record<string, RequestKind>> = {
  document: 'document',
  iframe: 'document',
  script: 'script',
  image: 'image',
  style: 'stylesheet',
};

/** Chromium's `_resourceType` when there, else the Sec-Fetch-Dest header; fetch, XHR and beacons cannot be told apart by it. */
function kindOf(resourceType: string | undefined, fetchDest: string | undefined): RequestKind {
  if (resourceType !== undefined) return KIND_BY_RESOURCE_TYPE[resourceType.toLowerCase()] ?? 'other';
  return (fetchDest !== undefined ? KIND_BY_FETCH_DEST[fetchDest] : undefined) ?? 'other';
}

/**
 * For each entry, the URL of the last document its page loaded up to it: a Playwright recording keeps one
 * page across navigations and titles it with the document title, not a URL.
 */
function documentUrlsInOrder(entries: readonly unknown[]): (string | undefined)[] {
  const current = new Map<string, string>();
  return entries.map((entry) => {
    if (!isObject(entry) || typeof entry['pageref'] !== 'string') return undefined;
    const request = entry['request'];
    if (isObject(request) && typeof request['url'] === 'string') {
      const headers: unknown[] = Array.isArray(request['headers']) ? request['headers'] : [];
      const dest = headers.find((h) => isObject(h) && typeof h['name'] === 'string' && h['name'].toLowerCase() === 'sec-fetch-dest');
      const isDocument = entry['_resourceType'] === 'document' || (isObject(dest) && dest['value'] === 'document');
      if (isDocument) current.set(entry['pageref'], request['url']);
    }
    return current.get(entry['pageref']);
  });
}

/**
 * The page a request belongs to: the last document loaded in its page so far, else the page's URL as the
 * exporter wrote it (Chrome titles pages with their URL), else the Referer, else the request itself.
 */
function pageUrlOf(pageref: string | undefined, ctx: EntryContext, url: string, kind: RequestKind, referer: string | undefined): string {
  if (ctx.documentUrl !== undefined) return ctx.documentUrl;
  if (pageref !== undefined) {
    const page = ctx.pages.get(pageref);
    for (const candidate of [page?.['url'], page?.['_url'], page?.['title']]) {
      if (typeof candidate === 'string' && /^https?:\/\//i.test(candidate) && URL.canParse(candidate)) return candidate;
    }
  }
  if (kind === 'document') return url;
  return referer !== undefined && URL.canParse(referer) ? referer : url;
}

/** Chromium's `_initiator`: the innermost script of the stack, else the parser's document URL. */
function initiatorOf(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  let stack = value['stack'];
  for (let depth = 0; isObject(stack) && depth < 50; depth++) {
    const frames = stack['callFrames'];
    if (Array.isArray(frames)) {
      const frame: unknown = (frames as unknown[]).find((f) => isObject(f) && typeof f['url'] === 'string' && f['url'] !== '');
      if (isObject(frame)) return frame['url'] as string;
    }
    stack = stack['parent'];
  }
  return typeof value['url'] === 'string' && value['url'] !== '' ? value['url'] : undefined;
}
