import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { parseOrThrow } from '../../platform/validation.js';
import type { OprfEvaluator } from '../oprf/index.js';
import { MAX_EVALUATION_BATCH, type LookupManifest } from './publication.js';

/** What the routes need from the server's own publication (src/main/lookup-publisher.ts). */
export interface PublicationSource {
  /** The current manifest and the directory its bucket files are in, or null before the first publication. */
  current(): { readonly manifest: LookupManifest; readonly json: string; readonly dir: string } | null;
}

export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly retryAfterSeconds: number;
  readonly scope: 'client' | 'global' | null;
}

export interface LookupRoutesOptions {
  readonly publications: PublicationSource;
  /** The key in service now: read per request, because a key rotation swaps it without a restart. */
  readonly activeKey: () => { readonly evaluator: OprfEvaluator; readonly epoch: number };
  /** Charges `cost` evaluations to the caller; null: no limits (tests and benchmarks only). */
  readonly rateLimit: ((request: FastifyRequest, cost: number) => Promise<RateLimitDecision>) | null;
}

const ELEMENT_B64URL = /^[A-Za-z0-9_-]{43}$/;
const evaluateBody = z
  .object({
    epoch: z.number().int().min(1),
    elements: z.array(z.string().max(64)).min(1),
  })
  .strict();
const bucketParams = z.object({
  publication: z.string().regex(/^[0-9a-f]{32}$/, 'a publication id is 32 hex digits'),
  bucket: z.string().regex(/^[0-9a-f]{1,6}\.bin$/, 'a bucket is its hex number followed by .bin'),
});

/**
 * The private look-up's HTTP adapter (issue 4, private-lookup.md §2.1):
 * - POST /api/v1/oprf/evaluate: a few blinded elements in, the same number evaluated out. Malformed
 *   bodies, oversized batches and invalid points are refused before anything is charged or evaluated.
 * - GET /api/v1/lookup/manifest: the current publication's manifest (short cache; ETag).
 * - GET /api/v1/lookup/{publication}/{bucket}.bin: immutable, padded bucket files.
 * Nothing here logs a request body: a blinded element is random, but there is no reason to keep it.
 */
export function registerLookupRoutes(app: FastifyInstance, options: LookupRoutesOptions): void {
  const { publications } = options;

  app.post('/api/v1/oprf/evaluate', { bodyLimit: 4096 }, async (request, reply) => {
    const body = parseOrThrow(evaluateBody, request.body, 'body');
    if (body.elements.length > MAX_EVALUATION_BATCH) {
      throw new AppError(
        'OPRF_BATCH_TOO_LARGE',
        `At most ${MAX_EVALUATION_BATCH} elements per request; this one has ${body.elements.length}`,
        {
          data: { max: MAX_EVALUATION_BATCH, received: body.elements.length },
        },
      );
    }
    const { evaluator, epoch } = options.activeKey();
    const elements = body.elements.map((text, i) => decodeElement(evaluator, text, i));
    if (body.epoch !== epoch) {
      throw new AppError(
        'LOOKUP_EPOCH_UNKNOWN',
        `This server evaluates under key epoch ${epoch}, not ${body.epoch}: fetch the manifest again`,
        {
          data: { epoch, requested: body.epoch },
        },
      );
    }
    if (options.rateLimit) {
      let decision: RateLimitDecision;
      try {
        decision = await options.rateLimit(request, elements.length);
      } catch (cause) {
        // Fail closed: without the shared counter the endpoint would be an unlimited membership oracle.
        throw new AppError('RATE_LIMIT_UNAVAILABLE', 'The look-up service cannot check its rate limits right now; try again shortly', {
          cause,
        });
      }
      if (!decision.allowed) {
        void reply.header('retry-after', String(decision.retryAfterSeconds));
        throw new AppError(
          'RATE_LIMITED',
          decision.scope === 'global'
            ? `The look-up service is at capacity; try again in ${decision.retryAfterSeconds} s`
            : `Too many look-ups from this address; try again in ${decision.retryAfterSeconds} s`,
          { data: { retryAfterSeconds: decision.retryAfterSeconds, scope: decision.scope } },
        );
      }
    }
    const evaluated = elements.map((e) => Buffer.from(evaluator.blindEvaluate(e)).toString('base64url'));
    void reply.header('cache-control', 'no-store');
    return { epoch, evaluated };
  });

  app.get('/api/v1/lookup/manifest', async (request, reply) => {
    const current = publications.current();
    if (!current) throw new AppError('LOOKUP_NOT_PUBLISHED', 'The look-up index has not been published yet; try again in a minute');
    const etag = `"${current.manifest.publication}-${current.manifest.epoch}"`;
    void reply.header('etag', etag).header('cache-control', 'public, max-age=60').type('application/json; charset=utf-8');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return current.json;
  });

  app.get('/api/v1/lookup/:publication/:bucket', async (request, reply) => {
    const { publication, bucket } = parseOrThrow(bucketParams, request.params, 'path');
    const current = publications.current();
    if (!current) throw new AppError('LOOKUP_NOT_PUBLISHED', 'The look-up index has not been published yet');
    let bytes: Buffer;
    try {
      bytes = await readFile(join(current.dir, publication, bucket));
    } catch {
      throw new AppError('ROUTE_NOT_FOUND', `No bucket ${bucket} in publication ${publication}`);
    }
    void reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${publication}-${bucket}"`)
      .type('application/octet-stream');
    return bytes;
  });
}

/**
 * A blinded element: base64url of the 32-byte canonical encoding of a ristretto255 point other than the
 * identity. Checked here, before any charge or evaluation, by the backend's decode-only check (libsodium's
 * is_valid_point natively: a noble decode costs about 140 µs, half of a whole native evaluation).
 */
function decodeElement(evaluator: OprfEvaluator, text: string, index: number): Uint8Array {
  const invalid = (why: string) =>
    new AppError('OPRF_INVALID_ELEMENT', `elements[${index}] ${why}`, { issues: [{ path: `elements.${index}`, message: why }] });
  if (!ELEMENT_B64URL.test(text)) throw invalid('is not 32 bytes in base64url (43 characters)');
  const bytes = new Uint8Array(Buffer.from(text, 'base64url'));
  try {
    evaluator.checkElement(bytes);
  } catch {
    throw invalid('is not a valid non-identity ristretto255 element');
  }
  return bytes;
}
