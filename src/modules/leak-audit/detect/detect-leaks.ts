import type { CapturedRequest, Detection, FindingLocation, Persona } from '../model.js';
import {
  base64Kind,
  decodeBase64,
  decodeContentEncoding,
  embeddedBase64Tokens,
  hasPercentEscape,
  looksLikeJson,
  looksLikeQuery,
  looksLikeUrl,
  percentDecode,
  splitQuery,
  unescapeJsonText,
} from './decode.js';
import { buildNeedles, type Needle } from './needles.js';
import { createScanner, foldText, type Scanner } from './scanner.js';
import { googleUserDataLabel, jsonLabel, parameterLabel, type RequestTarget } from './vendors.js';
import { MAX_LAYERS, type EncodingStep } from './vocabulary.js';

/**
 * The leak detector (issue 8; tracker-leak-audit.md §3.1 and §3.5): finds every persona canary in every captured request,
 * in any normalised form, hash and nested encoding, and says where and how.
 *
 * How it works. The needle pool is built once per persona set (needles.ts): each value × each normalised form
 * (variants.ts) × (plain text, MD5/SHA-1/SHA-256/SHA-512 as hex, base64, base64url). Each request part — URL path
 * segments and query parameters, every header (Referer included; URL-valued headers are parsed), each cookie, the body
 * (Content-Encoding undone; form, JSON, multipart, GA4 batch lines, text) and WebSocket frames — is then decoded
 * backwards, up to MAX_LAYERS nested layers (percent-encoding, base64/base64url incl. tokens inside text, JSON documents
 * and \u escapes, gzip/deflate/brotli), and every layer is searched: whole values against the exact-value index, text
 * against the substring scanner (scanner.ts). URLs inside values (`dl`, Referer) and query strings inside values are parsed
 * into their own parameters ("dl?pnr"); Google's `em=tv.1~…` is split into its slots ("em=tv.1~pc0").
 *
 * False positives (§3.5; exact rules in needles.ts): low-entropy fields (postcode, city, birth date) and short forms
 * (< 4 characters, digits-only < 6) match only as a whole value — a parameter, JSON leaf, cookie, header, path segment or
 * vendor slot; short digits-only and short text forms need boundaries when matched inside text; empty values produce no
 * needle, so the empty string's digests never match. One report per value, form and place: the same needle found again
 * at the same location through a longer decoding chain is dropped, and a plain form contained in a longer plain form
 * found at the same place ("46701234567" inside "+46701234567") is dropped.
 *
 * Location: `param` names the parameter as sent ("ud[em]", "ep.customer_email"), a JSON path for JSON ("context.user.email",
 * "d.user.email" inside parameter d), "outer?inner" for a parameter of a URL inside a parameter, "em=tv.1~<slot>" for
 * Google's user data; path segments have no param. Evidence is the matched text when it sat on the wire as it is,
 * else the wire text of the parameter, header, cookie or body it was decoded from; at most 200 characters.
 */
export interface LeakDetector {
  detect(request: CapturedRequest): Detection[];
}

const MAX_EVIDENCE = 200;
/** Structural nesting (a URL in a parameter in a URL…), separate from encoding layers; it only ever shrinks the text. */
const MAX_NESTING = 4;
/** JSON leaves visited per document: a tracker event has dozens; a huge one is searched as text instead of walked. */
const MAX_JSON_LEAVES = 5000;

type Part = FindingLocation['part'];

interface Context {
  readonly part: Part;
  /** Header or cookie name. */
  readonly name?: string;
  readonly param?: string;
  readonly vendorField?: string;
  /** Encodings removed so far, outermost first. */
  readonly chain: readonly EncodingStep[];
  /** The text as it was on the wire for this parameter, header, cookie or body. */
  readonly wire: string;
  readonly depth: number;
  readonly nesting: number;
  /** Whether vendor decoders may label parameters here: the request's own URL and body, not URLs nested in values. */
  readonly labels: boolean;
}

interface Found {
  readonly key: string;
  readonly needle: Needle;
  readonly detection: Detection;
  readonly decodings: number;
  readonly group: string;
}

/**
 * Headers and cookies repeat across a crawl (the same User-Agent, consent cookie and Referer on thousands of requests) and
 * what is found in them depends on nothing else, so their finds are memoised per detector. Bounded; cleared when full.
 */
const MAX_CACHED_PARTS = 20_000;
type PartCache = Map<string, readonly Found[]>;

export function detectLeaks(requests: readonly CapturedRequest[], personas: readonly Persona[]): Detection[] {
  const detector = createLeakDetector(personas);
  return requests.flatMap((request) => detector.detect(request));
}

export function createLeakDetector(personas: readonly Persona[]): LeakDetector {
  const needles = buildNeedles(personas);
  const exactIndex = new Map<string, Needle[]>();
  for (const needle of needles) {
    const key = foldText(needle.text);
    const list = exactIndex.get(key);
    if (list) list.push(needle);
    else exactIndex.set(key, [needle]);
  }
  const scanner = createScanner(
    needles
      .filter((needle) => !needle.wholeValueOnly)
      .map((needle) => ({ text: needle.text, caseSensitive: needle.caseSensitive, boundary: needle.boundary, payload: needle })),
  );
  const longest = needles.reduce((max, needle) => Math.max(max, needle.text.length), 0);
  const cache: PartCache = new Map();
  return { detect: (request) => new RequestSearch(request, exactIndex, longest, scanner, cache).run() };
}

class RequestSearch {
  private found = new Map<string, Found>();
  private readonly target: RequestTarget;

  constructor(
    private readonly request: CapturedRequest,
    private readonly exactIndex: ReadonlyMap<string, readonly Needle[]>,
    /** Texts longer than the longest needle (plus padding) cannot equal one; they skip the whole-value look-up. */
    private readonly longest: number,
    private readonly scanner: Scanner<Needle>,
    private readonly cache: PartCache,
  ) {
    this.target = targetOf(request.url);
  }

  run(): Detection[] {
    const request = this.request;
    const websocket = request.kind === 'websocket-frame';
    if (!websocket) this.visitUrl(request.url, this.root('url', request.url));
    for (const [name, value] of Object.entries(request.headers)) {
      this.memoised(`${name}\u0000${value}`, () => {
        if (name === 'cookie') this.visitCookies(value);
        else this.visit(value, { ...this.root('header', value), name, labels: false });
      });
    }
    if (request.body) this.visitBody(request.body, websocket ? 'websocket' : 'body');
    return this.results();
  }

  /** Runs `search` once per distinct key and replays its finds (with this request's id) afterwards. */
  private memoised(key: string, search: () => void): void {
    let finds = this.cache.get(key);
    if (!finds) {
      const outer = this.found;
      this.found = new Map();
      search();
      finds = [...this.found.values()];
      this.found = outer;
      if (this.cache.size >= MAX_CACHED_PARTS) this.cache.clear();
      this.cache.set(key, finds);
    }
    for (const find of finds) {
      const previous = this.found.get(find.key);
      if (previous && previous.decodings <= find.decodings) continue;
      this.found.set(find.key, { ...find, detection: { ...find.detection, requestId: this.request.id } });
    }
  }

  private root(part: Part, wire: string): Context {
    return { part, chain: [], wire, depth: 0, nesting: 0, labels: true };
  }

  // ── Request parts ────────────────────────────────────────────────────────────────────────────────────────────────

  private visitCookies(header: string): void {
    for (const piece of header.split(';')) {
      const equals = piece.indexOf('=');
      if (equals === -1) continue;
      const name = piece.slice(0, equals).trim();
      const raw = piece.slice(equals + 1).trim();
      this.visitField(raw, { ...this.root('cookie', raw), name, labels: false });
    }
  }

  private visitBody(body: NonNullable<CapturedRequest['body']>, part: 'body' | 'websocket'): void {
    const headers = this.request.headers;
    const bytes = body.base64 !== undefined ? Buffer.from(body.base64, 'base64') : Buffer.from(body.text ?? '', 'utf8');
    const { bytes: plain, step } = decodeContentEncoding(bytes, headers['content-encoding']);
    const text = step === undefined && body.text !== undefined ? body.text : plain.toString('utf8');
    const wire = body.text ?? body.base64 ?? '';
    const context: Context = { ...this.root(part, wire), chain: step ? [step] : [], depth: step ? 1 : 0 };
    const contentType = (body.contentType ?? headers['content-type'] ?? '').toLowerCase();
    const boundary = /multipart\/form-data;.*boundary="?([^";]+)"?/.exec(contentType)?.[1];
    if (boundary !== undefined) this.visitMultipart(text, boundary, context);
    else if (contentType.startsWith('application/x-www-form-urlencoded')) this.visitQuery(text, context);
    else this.visit(text, context);
  }

  private visitMultipart(text: string, boundary: string, context: Context): void {
    for (const section of text.split(`--${boundary}`)) {
      const split = section.indexOf('\r\n\r\n') !== -1 ? section.indexOf('\r\n\r\n') : section.indexOf('\n\n');
      if (split === -1) continue;
      const head = section.slice(0, split);
      const content = section
        .slice(split)
        .replace(/^\r?\n\r?\n/, '')
        .replace(/\r?\n$/, '');
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      const labelled = name === undefined ? undefined : parameterLabel(this.target, name);
      const field = this.withParam(context, name ?? context.param, content);
      this.visit(content, { ...field, vendorField: labelled ?? context.vendorField, labels: false });
    }
  }

  private visitUrl(url: string, context: Context): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      this.scanText(url, context);
      return;
    }
    const nested = context.nesting > 0 || context.part !== 'url' || context.param !== undefined;
    for (const segment of parsed.pathname.split('/')) {
      if (segment === '') continue;
      const decoded = percentDecode(segment, false);
      const chain: readonly EncodingStep[] = decoded === segment ? context.chain : [...context.chain, 'url'];
      this.visit(decoded, { ...context, chain, wire: nested ? context.wire : segment, nesting: context.nesting + 1 });
    }
    if (parsed.search.length > 1) this.visitQuery(parsed.search.slice(1), { ...context, nesting: context.nesting + (nested ? 1 : 0) });
    // A fragment is never sent with the request itself, but it is part of a URL sent as a value (dl, Referer).
    if (nested && parsed.hash.length > 1) this.visitField(parsed.hash.slice(1), { ...context, nesting: context.nesting + 1 });
  }

  /** Query strings and form bodies; one pair per '&', one query per line (GA4 batches). */
  private visitQuery(text: string, context: Context): void {
    for (const line of text.split(/\r?\n/)) {
      for (const { name, rawValue } of splitQuery(line)) {
        const param = context.param === undefined ? name : `${context.param}?${name}`;
        const labelled = context.labels ? parameterLabel(this.target, name) : undefined;
        const field: Context = {
          ...context,
          param,
          vendorField: labelled ?? context.vendorField,
          wire: context.part === 'header' || context.nesting > 0 ? context.wire : rawValue,
          labels: false,
        };
        if (name === 'em' && /^tv\.1(~|%7E)/i.test(rawValue)) this.visitGoogleUserData(rawValue, field);
        else this.visitField(rawValue, field);
      }
    }
  }

  /** A value as sent in a query, form or cookie: percent-decoded as the transport's own encoding (no layer counted). */
  private visitField(raw: string, context: Context): void {
    const forms = new Set([percentDecode(raw, true)]);
    // A '+' sent unencoded is a space in form encoding, but trackers also send base64 and "+46…" without encoding it.
    if (raw.includes('+')) forms.add(percentDecode(raw, false));
    for (const form of forms) {
      this.visit(form, form === raw ? context : { ...context, chain: [...context.chain, 'url'] });
    }
  }

  /** `tv.1~em.<h>~pn.<h>~fn0.<h>~ln0.<h>~pc0.<postcode>~co0.<country>` (tracker-leak-audit.md §2, Google Ads). */
  private visitGoogleUserData(raw: string, context: Context): void {
    const decoded = percentDecode(raw, true);
    const chain: readonly EncodingStep[] = decoded === raw ? context.chain : [...context.chain, 'url'];
    for (const slot of decoded.split('~').slice(1)) {
      const dot = slot.indexOf('.');
      if (dot === -1) continue;
      const key = slot.slice(0, dot);
      const value = slot.slice(dot + 1);
      this.visit(value, { ...context, chain, param: `${context.param ?? 'em'}=tv.1~${key}`, vendorField: googleUserDataLabel(key) });
    }
  }

  // ── Layers ───────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Searches one text, as a whole value and as text, and every decoding of it that fits within MAX_LAYERS. */
  private visit(text: string, context: Context): void {
    this.matchWhole(text, context);
    const trimmed = text.trim();
    if (trimmed === '') return;

    if (looksLikeJson(trimmed) && context.depth < MAX_LAYERS) {
      const parsed = parseJson(trimmed);
      if (parsed.ok) {
        this.walkJson(parsed.value, { ...context, chain: [...context.chain, 'json'], depth: context.depth + 1 });
        return;
      }
    }
    if (context.nesting < MAX_NESTING && looksLikeUrl(trimmed)) {
      this.visitUrl(trimmed, { ...context, nesting: context.nesting + 1 });
      return;
    }
    const base64 = base64Kind(trimmed) !== undefined;
    if (
      !base64 &&
      context.nesting < MAX_NESTING &&
      trimmed.includes('=') &&
      trimmed.split(/\r?\n/).every((l) => l === '' || looksLikeQuery(l))
    ) {
      this.visitQuery(trimmed, { ...context, nesting: context.nesting + 1 });
      return;
    }

    this.scanText(text, context);
    if (context.depth >= MAX_LAYERS) return;
    if (hasPercentEscape(text)) this.deeper(percentDecode(text, false), ['url'], context);
    if (base64) {
      const decoded = decodeBase64(trimmed);
      if (decoded) this.deeper(decoded.text, decoded.steps, context);
    } else {
      for (const token of embeddedBase64Tokens(text)) {
        const decoded = decodeBase64(token);
        if (decoded) this.deeper(decoded.text, decoded.steps, context);
      }
    }
    if (/\\(u[0-9A-Fa-f]{4}|\/)/.test(text)) this.deeper(unescapeJsonText(text), ['json'], context);
  }

  private deeper(decoded: string, steps: readonly EncodingStep[], context: Context): void {
    if (context.depth + steps.length > MAX_LAYERS) return;
    this.visit(decoded, { ...context, chain: [...context.chain, ...steps], depth: context.depth + steps.length });
  }

  private walkJson(root: unknown, context: Context): void {
    let leaves = 0;
    const walk = (node: unknown, path: string): void => {
      if (leaves >= MAX_JSON_LEAVES) return;
      if (typeof node === 'string' || typeof node === 'number') {
        leaves += 1;
        const param = context.param === undefined ? path : path === '' ? context.param : `${context.param}.${path}`;
        const labelled = context.labels ? jsonLabel(this.target, path) : undefined;
        const leaf = this.withParam(context, param || undefined, context.wire);
        this.visit(String(node), { ...leaf, vendorField: labelled ?? context.vendorField, labels: false });
        return;
      }
      if (Array.isArray(node)) {
        node.forEach((item, index) => walk(item, `${path}[${index}]`));
        return;
      }
      if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) walk(value, path === '' ? key : `${path}.${key}`);
      }
    };
    walk(root, '');
  }

  private withParam(context: Context, param: string | undefined, wire: string): Context {
    const { param: _previous, ...rest } = context;
    return param === undefined ? { ...rest, wire } : { ...rest, param, wire };
  }

  // ── Matching ─────────────────────────────────────────────────────────────────────────────────────────────────────

  private matchWhole(text: string, context: Context): void {
    if (text.length > this.longest + 8) return;
    const trimmed = text.trim();
    if (trimmed === '') return;
    const unpadded = trimmed.replace(/=+$/, '');
    for (const candidate of unpadded === trimmed || unpadded === '' ? [trimmed] : [trimmed, unpadded]) {
      for (const needle of this.exactIndex.get(foldText(candidate)) ?? []) {
        if (needle.caseSensitive && needle.text !== candidate) continue;
        this.record(needle, candidate, context);
      }
    }
  }

  private scanText(text: string, context: Context): void {
    for (const match of this.scanner.scan(text)) this.record(match.entry.payload, text.slice(match.start, match.end), context);
  }

  private record(needle: Needle, matched: string, context: Context): void {
    const chain: string[] = [...needle.steps];
    if (needle.hash) chain.push(needle.hash);
    const caseStep = caseChange(needle, matched);
    if (caseStep) chain.push(caseStep);
    for (let i = context.chain.length - 1; i >= 0; i -= 1) chain.push(context.chain[i]!);

    const location = locationOf(context);
    const group = [needle.personaId, needle.field, needle.value, JSON.stringify(location)].join('\u0000');
    const key = [group, needle.text, needle.hash ?? ''].join('\u0000');
    const previous = this.found.get(key);
    if (previous && previous.decodings <= context.chain.length) return;

    const evidence = context.chain.length === 0 ? matched : context.wire;
    const detection: Detection = {
      requestId: this.request.id,
      personaId: needle.personaId,
      field: needle.field,
      value: needle.value,
      chain,
      location,
      ...(context.vendorField === undefined ? {} : { vendorField: context.vendorField }),
      evidence: shorten(evidence),
    };
    this.found.set(key, { key, needle, detection, decodings: context.chain.length, group });
  }

  /** Drops a plain form found at a place where a longer plain form that contains it was also found. */
  private results(): Detection[] {
    const all = [...this.found.values()];
    return all
      .filter((found) => {
        if (found.needle.hash) return true;
        const text = foldText(found.needle.text);
        return !all.some(
          (other) =>
            other !== found &&
            other.group === found.group &&
            !other.needle.hash &&
            other.needle.text.length > found.needle.text.length &&
            foldText(other.needle.text).includes(text),
        );
      })
      .map((found) => found.detection);
  }
}

function caseChange(needle: Needle, matched: string): 'lower-case' | 'upper-case' | 'case-changed' | undefined {
  if (needle.caseSensitive || matched === needle.text) return undefined;
  if (matched === needle.text.toLowerCase()) return 'lower-case';
  if (matched === needle.text.toUpperCase()) return 'upper-case';
  return 'case-changed';
}

function locationOf(context: Context): FindingLocation {
  switch (context.part) {
    case 'header':
      return { part: 'header', name: context.name ?? '' };
    case 'cookie':
      return { part: 'cookie', name: context.name ?? '' };
    case 'url':
    case 'body':
    case 'websocket':
      return context.param === undefined ? { part: context.part } : { part: context.part, param: context.param };
  }
}

function targetOf(url: string): RequestTarget {
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname.toLowerCase(), path: parsed.pathname };
  } catch {
    return { host: '', path: '' };
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function shorten(text: string): string {
  return text.length <= MAX_EVIDENCE ? text : `${text.slice(0, MAX_EVIDENCE - 1)}…`;
}
