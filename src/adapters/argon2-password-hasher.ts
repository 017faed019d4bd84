import argon2 from 'argon2';
import type { PasswordHasher } from '../modules/organisations/index.js';

/**
 * argon2id with OWASP's minimum parameters for it (19 MiB, 2 passes, 1 lane): about 30–60 ms per hash on
 * one core, run on libuv's thread pool so the event loop keeps serving. The PHC string records the
 * parameters, so raising them later only affects new hashes; old ones still verify.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function createArgon2PasswordHasher(): PasswordHasher {
  return {
    hash: (password) => argon2.hash(password, ARGON2_OPTIONS),
    async verify(hash, password) {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false; // not a PHC string we can read: never a match
      }
    },
  };
}
