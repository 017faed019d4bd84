import { sha512 } from '@noble/hashes/sha2.js';
import { type Sha512 } from './rfc9497.js';

/** SHA-512 from @noble/hashes, for code that must also run in the browser. */
export const nobleSha512: Sha512 = (parts) => {
  const h = sha512.create();
  for (const part of parts) h.update(part);
  return h.digest();
};
