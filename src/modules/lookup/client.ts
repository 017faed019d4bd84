import { hkdf } from '@noble/hashes/hkdf.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { randomBytes as nobleRandomBytes } from '@noble/hashes/utils.js';
import {
  identifierInput,
  parseEmail,
  parseFrNir,
  parseNameDob,
  parsePhone,
  parseSePersonnummer,
  type IdentifierKind,
  type NameDobField,
  type ParseOptions,
  type ParseResult,
  type RejectionReason,
} from '../identifiers/index.js';
import { blind, finalize } from '../oprf/client.js';
import { findInBucket } from './bucket-layout.js';
import { classesOfMask, decodeMeta, deriveEntryKeys, metadataAad, NONCE_BYTES, SEALED_BYTES } from './index-format.js';
import { verifyMerkleProof } from './merkle.js';
import { bucketUrlPath, fromHex, MANIFEST_FORMAT, type LookupManifest } from './publication.js';
import { bucketOf } from './bucket-layout.js';

/**
 * The look-up client: what runs on the person's own device, in the browser and in `breachdesk check`
 * (the same file; it imports no node: module). What it sends: blinded ristretto255 elements (uniformly
 * random to the server) and bucket numbers (`bucketBits` bits of a keyed output, to the static host).
 * What it never sends: the identifiers, their canonical forms, or anything computed from them without
 * the server's key. Flow (private-lookup.md §2.1): canonicalise → blind → evaluate → finalize → derive
 * bucket, tag and metadata key → fetch the bucket and check it against the manifest's Merkle root →
 * find the tag → open the metadata → which breaches, and which of this person's data classes.
 */

export const LOOKUP_FIELDS = ['email', 'phone', 'frNir', 'sePersonnummer', 'nameDob'] as const;
export type LookupField = (typeof LOOKUP_FIELDS)[number];

export interface LookupRequest {
  readonly email?: string;
  readonly phone?: string;
  readonly frNir?: string;
  readonly sePersonnummer?: string;
  readonly nameDob?: { readonly surname: string; readonly givenNames: string; readonly birthDate: string };
}

export interface PreparedInput {
  readonly field: LookupField;
  readonly kind: IdentifierKind;
  /** `breachdesk/v1|kind|canonical`: stays on the device. */
  readonly input: string;
}

export interface FieldProblem {
  readonly field: LookupField;
  readonly reason: RejectionReason;
  readonly part?: NameDobField;
}

/** Canonicalises what the person typed; blank fields are skipped, invalid ones reported by field. */
export function prepareLookup(request: LookupRequest, options: ParseOptions): { inputs: PreparedInput[]; problems: FieldProblem[] } {
  const inputs: PreparedInput[] = [];
  const problems: FieldProblem[] = [];
  const take = (field: LookupField, result: ParseResult) => {
    if (result.ok) inputs.push({ field, kind: result.kind, input: identifierInput(result.kind, result.canonical) });
    else problems.push({ field, reason: result.reason, ...(result.field ? { part: result.field } : {}) });
  };
  const filled = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '';
  if (filled(request.email)) take('email', parseEmail(request.email));
  if (filled(request.phone)) take('phone', parsePhone(request.phone, options));
  if (filled(request.frNir)) take('frNir', parseFrNir(request.frNir));
  if (filled(request.sePersonnummer)) take('sePersonnummer', parseSePersonnummer(request.sePersonnummer, options));
  const nd = request.nameDob;
  if (nd && (filled(nd.surname) || filled(nd.givenNames) || filled(nd.birthDate))) take('nameDob', parseNameDob(nd, options));
  return { inputs, problems };
}

export type LookupErrorCode = 'unavailable' | 'rate-limited' | 'protocol' | 'key-mismatch' | 'verification-failed';

export class LookupError extends Error {
  constructor(
    readonly code: LookupErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'LookupError';
  }
}

/** How the client reaches the evaluation server and the bucket host. */
export interface LookupTransport {
  manifest(): Promise<LookupManifest>;
  /** Throws LookupError('protocol') with `epochChanged` semantics via code 'protocol' when the epoch moved on. */
  evaluate(epoch: number, elements: readonly Uint8Array[]): Promise<Uint8Array[]>;
  bucket(manifest: LookupManifest, id: number): Promise<Uint8Array>;
}

export interface HttpTransportOptions {
  /** The breachdesk server: manifest and OPRF evaluation, e.g. https://breachdesk.example. */
  readonly apiBase: string;
  /** Where the bucket files are, when not on the server: the URL of a directory written by export-buckets. */
  readonly bucketsBase?: string;
  readonly fetch?: typeof fetch;
}

export class EpochChangedError extends LookupError {
  constructor() {
    super('protocol', 'The server moved to a new key epoch during the look-up');
  }
}

export function createHttpTransport(options: HttpTransportOptions): LookupTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const api = options.apiBase.replace(/\/+$/, '');
  const bucketsBase = (options.bucketsBase ?? `${api}/api/v1/lookup`).replace(/\/+$/, '');
  const request = async (url: string, init?: RequestInit): Promise<Response> => {
    try {
      return await doFetch(url, init);
    } catch (error) {
      throw new LookupError(
        'unavailable',
        `Cannot reach ${new URL(url).origin}: ${error instanceof Error ? error.message : 'network error'}`,
      );
    }
  };
  return {
    async manifest() {
      const res = await request(`${api}/api/v1/lookup/manifest`, { headers: { accept: 'application/json' } });
      if (!res.ok) throw await httpError(res, 'the look-up manifest');
      const manifest = (await res.json()) as LookupManifest;
      if (manifest.format !== MANIFEST_FORMAT) throw new LookupError('protocol', `Unknown manifest format ${String(manifest.format)}`);
      return manifest;
    },
    async evaluate(epoch, elements) {
      const res = await request(`${api}/api/v1/oprf/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ epoch, elements: elements.map(toBase64Url) }),
      });
      if (res.status === 409) throw new EpochChangedError();
      if (!res.ok) throw await httpError(res, 'the evaluation');
      const body = (await res.json()) as { epoch?: unknown; evaluated?: unknown };
      if (body.epoch !== epoch || !Array.isArray(body.evaluated) || body.evaluated.length !== elements.length) {
        throw new LookupError('protocol', 'The server answered the evaluation with the wrong number of elements');
      }
      return body.evaluated.map((e) => {
        if (typeof e !== 'string') throw new LookupError('protocol', 'The server answered with a malformed element');
        return fromBase64Url(e);
      });
    },
    async bucket(manifest, id) {
      const url = `${bucketsBase}/${bucketUrlPath(manifest, id)}`;
      const res = await request(url);
      if (!res.ok) throw await httpError(res, `bucket ${id} of publication ${manifest.publication}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

async function httpError(res: Response, what: string): Promise<LookupError> {
  if (res.status === 429) {
    const retry = Number(res.headers.get('retry-after') ?? '60');
    return new LookupError(
      'rate-limited',
      `Too many look-ups from this address; try again in ${retry} s`,
      Number.isFinite(retry) ? retry : 60,
    );
  }
  let detail = '';
  try {
    const body = (await res.json()) as { detail?: unknown };
    if (typeof body.detail === 'string') detail = `: ${body.detail}`;
  } catch {
    // not a problem document
  }
  return new LookupError(
    res.status >= 500 || res.status === 404 ? 'unavailable' : 'protocol',
    `Fetching ${what} failed with HTTP ${res.status}${detail}`,
  );
}

export interface LookupMatch {
  readonly breachId: number;
  readonly slug: string;
  /** This person's data classes in that breach, as recorded from their own row. */
  readonly classes: readonly string[];
  /** Which of the fields the person filled in were found. */
  readonly fields: readonly LookupField[];
}

/**
 * What an alert subscription watches for one checked identifier: the bucket hash and full tag its index
 * entries have under this epoch's key. Derived from the OPRF output in the browser; it does not reveal the
 * identifier, and it is sent only if the person subscribes to alerts.
 */
export interface WatchValue {
  readonly field: LookupField;
  readonly epoch: number;
  readonly bucketHash: number;
  /** 16 bytes, base64url. */
  readonly tag: string;
}

export interface LookupResult {
  readonly epoch: number;
  readonly publication: string;
  readonly checked: readonly LookupField[];
  readonly matches: readonly LookupMatch[];
  /** One per checked input, in input order. */
  readonly watches: readonly WatchValue[];
}

export interface LookupOptions {
  readonly randomBytes?: (n: number) => Uint8Array;
  readonly subtle?: SubtleCrypto;
}

const encoder = new TextEncoder();
const nobleHkdf = {
  hkdfSha512: (ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number) => hkdf(sha512, ikm, salt, info, length),
};

/** Runs the whole private look-up for `inputs` (from prepareLookup). */
export async function runLookup(
  inputs: readonly PreparedInput[],
  transport: LookupTransport,
  options: LookupOptions = {},
): Promise<LookupResult> {
  try {
    return await attempt(inputs, transport, options);
  } catch (error) {
    // A rotation between fetching the manifest and evaluating: start again once with the new manifest.
    if (error instanceof EpochChangedError) return attempt(inputs, transport, options);
    throw error;
  }
}

async function attempt(inputs: readonly PreparedInput[], transport: LookupTransport, options: LookupOptions): Promise<LookupResult> {
  const random = options.randomBytes ?? nobleRandomBytes;
  const subtle = options.subtle ?? globalThis.crypto.subtle;
  const manifest = await transport.manifest();
  const checked = [...new Set(inputs.map((i) => i.field))];
  if (inputs.length === 0) return { epoch: manifest.epoch, publication: manifest.publication, checked, matches: [], watches: [] };
  if (manifest.canaries.length === 0) throw new LookupError('protocol', 'The manifest publishes no canary');

  // Evaluate: batches of maxBatch − 1 identifiers, each with one canary at a random place, so that a
  // server evaluating some requests under another key is caught (private-lookup.md §2.7).
  const outputs: Uint8Array[] = [];
  const perRequest = Math.max(1, manifest.maxBatch - 1);
  for (let start = 0; start < inputs.length; start += perRequest) {
    const chunk = inputs.slice(start, start + perRequest);
    const canary = manifest.canaries[randomIndex(random, manifest.canaries.length)]!;
    const items = [...chunk.map((c) => encoder.encode(c.input)), encoder.encode(canary.input)];
    const canaryAt = randomIndex(random, items.length);
    [items[canaryAt], items[items.length - 1]] = [items[items.length - 1]!, items[canaryAt]!];
    const blinded = items.map((x) => blind(x));
    const evaluated = await transport.evaluate(
      manifest.epoch,
      blinded.map((b) => b.blindedElement),
    );
    const finals = items.map((x, i) => {
      try {
        return finalize(x, blinded[i]!.blind, evaluated[i]!);
      } catch {
        throw new LookupError('protocol', 'The server answered with an invalid group element');
      }
    });
    if (!equalBytes(finals[canaryAt]!, fromHex(canary.output))) {
      throw new LookupError(
        'key-mismatch',
        'The server evaluated under a key other than the one it publishes: the answer cannot be trusted',
      );
    }
    finals.splice(canaryAt, 1);
    const restored = [...items];
    restored.splice(canaryAt, 1);
    // items were swapped: put outputs back in the order of `chunk`
    const byInput = new Map<string, Uint8Array>();
    restored.forEach((x, i) => byInput.set(new TextDecoder().decode(x), finals[i]!));
    for (const c of chunk) outputs.push(byInput.get(c.input)!);
  }

  // Buckets: fetched once each, checked against the Merkle root before anything is read from them.
  const keys = outputs.map((out) => deriveEntryKeys(nobleHkdf, out));
  const bucketIds = [...new Set(keys.map((k) => bucketOf(k.bucketHash, manifest.bucketBits)))];
  const root = fromHex(manifest.merkleRoot);
  const entryArea = manifest.bucketEntries * manifest.entryBytes;
  const buckets = new Map<number, Uint8Array>();
  await Promise.all(
    bucketIds.map(async (id) => {
      const bytes = await transport.bucket(manifest, id);
      if (bytes.length !== manifest.bucketBytes || !verifyMerkleProof(bytes.subarray(0, entryArea), id, bytes.subarray(entryArea), root)) {
        throw new LookupError(
          'verification-failed',
          `Bucket ${id} does not match the published manifest (publication ${manifest.publication})`,
        );
      }
      buckets.set(id, bytes.subarray(0, entryArea));
    }),
  );

  const aad = metadataAad(manifest.epoch);
  const found = new Map<number, { classes: Set<string>; fields: Set<LookupField> }>();
  for (let i = 0; i < inputs.length; i++) {
    const k = keys[i]!;
    const bucket = buckets.get(bucketOf(k.bucketHash, manifest.bucketBits))!;
    const candidates = findInBucket(bucket, k.tag);
    if (candidates.length === 0) continue;
    const aesKey = await subtle.importKey('raw', new Uint8Array(k.metaKey), { name: 'AES-GCM' }, false, ['decrypt']);
    for (const sealed of candidates) {
      if (sealed.length !== SEALED_BYTES) continue;
      let plain: Uint8Array;
      try {
        plain = new Uint8Array(
          await subtle.decrypt(
            { name: 'AES-GCM', iv: sealed.slice(0, NONCE_BYTES), additionalData: new Uint8Array(aad), tagLength: 128 },
            aesKey,
            sealed.slice(NONCE_BYTES),
          ),
        );
      } catch {
        continue; // an 8-byte tag collision with another entry or a dummy: not ours
      }
      const meta = decodeMeta(plain);
      const breach = meta ? manifest.breaches.find((b) => b.id === meta.breachId) : undefined;
      if (!meta || !breach) continue;
      const slot = found.get(breach.id) ?? { classes: new Set<string>(), fields: new Set<LookupField>() };
      for (const c of classesOfMask(breach.classes, meta.classMask)) slot.classes.add(c);
      slot.fields.add(inputs[i]!.field);
      found.set(breach.id, slot);
    }
  }
  const matches: LookupMatch[] = [...found.entries()]
    .map(([breachId, slot]) => ({
      breachId,
      slug: manifest.breaches.find((b) => b.id === breachId)!.slug,
      classes: [...slot.classes],
      fields: LOOKUP_FIELDS.filter((f) => slot.fields.has(f)),
    }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  const watches = inputs.map((input, i) => ({
    field: input.field,
    epoch: manifest.epoch,
    bucketHash: keys[i]!.bucketHash,
    tag: toBase64Url(keys[i]!.tag),
  }));
  return { epoch: manifest.epoch, publication: manifest.publication, checked, matches, watches };
}

function randomIndex(random: (n: number) => Uint8Array, n: number): number {
  const bytes = random(4);
  const v = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  return v % n; // n ≤ 8: the bias (< 2^-29) does not matter for hiding a canary
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += B64[n & 63]!;
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new LookupError('protocol', 'not base64url');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of text) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}
