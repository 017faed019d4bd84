import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../platform/errors.js';
import { isoInstant, type Clock } from '../../platform/clock.js';
import type { DatabaseSchema } from '../../storage/schema.js';
import { appendAudit } from '../audit/index.js';

/**
 * API keys for writing to the catalogue. A key is `bd_<id>_<secret>`: the id finds the row, the 256-bit
 * random secret proves possession. Only SHA-256(secret) is stored: with that much entropy a slow hash
 * adds nothing, and verification stays cheap on every request.
 */
const KEY_PATTERN = /^bd_([0-9A-Z]{26})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

export interface ApiKeysDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
  readonly randomBytes: (n: number) => Buffer;
}

export type ApiKeys = ReturnType<typeof createApiKeys>;

export function createApiKeys(deps: ApiKeysDeps) {
  const { db, clock } = deps;
  return {
    /** Creates a key; the returned secret is shown once and never stored. */
    async create(name: string, actor: string): Promise<{ key: string; info: ApiKeyInfo }> {
      const trimmed = name.trim();
      if (trimmed === '' || trimmed.length > 100) {
        throw new AppError('VALIDATION_FAILED', 'API key name must be 1 to 100 characters', {
          issues: [{ path: 'name', message: 'must be 1 to 100 characters' }],
        });
      }
      const now = clock.now();
      const id = deps.newId(now);
      const secret = deps.randomBytes(32).toString('base64url');
      const info: ApiKeyInfo = { id, name: trimmed, createdAt: isoInstant(now), revokedAt: null, lastUsedAt: null };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('api_keys')
          .values({ id, name: trimmed, secret_hash: hashSecret(secret), created_at: info.createdAt, revoked_at: null, last_used_at: null })
          .execute();
        await appendAudit(trx, {
          id: deps.newId(now),
          occurredAt: info.createdAt,
          actor,
          action: 'api-key.create',
          subjectType: 'api-key',
          subjectId: id,
          details: { name: trimmed },
        });
      });
      return { key: `bd_${id}_${secret}`, info };
    },

    /** Returns the principal (`api-key:<id>`) for a valid, unrevoked key; AUTH_INVALID otherwise. */
    async authenticate(presented: string): Promise<string> {
      const match = KEY_PATTERN.exec(presented.trim());
      const invalid = new AppError('AUTH_INVALID', 'The API key is not valid');
      if (!match) throw invalid;
      const [, id, secret] = match as unknown as [string, string, string];
      const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
      const expected = Buffer.from(row?.secret_hash ?? '0'.repeat(64), 'hex');
      const actual = Buffer.from(hashSecret(secret), 'hex');
      if (!row || row.revoked_at !== null || !timingSafeEqual(expected, actual)) throw invalid;
      await db
        .updateTable('api_keys')
        .set({ last_used_at: isoInstant(clock.now()) })
        .where('id', '=', id)
        .execute();
      return `api-key:${id}`;
    },

    async revoke(id: string, actor: string): Promise<void> {
      const now = isoInstant(clock.now());
      await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('api_keys')
          .set({ revoked_at: now })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) {
          throw new AppError('VALIDATION_FAILED', `No active API key with id ${id}`, {
            issues: [{ path: 'id', message: 'no active key with this id' }],
          });
        }
        await appendAudit(trx, {
          id: deps.newId(clock.now()),
          occurredAt: now,
          actor,
          action: 'api-key.revoke',
          subjectType: 'api-key',
          subjectId: id,
          details: {},
        });
      });
    },

    async list(): Promise<ApiKeyInfo[]> {
      const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute();
      return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at, lastUsedAt: r.last_used_at }));
    },
  };
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
