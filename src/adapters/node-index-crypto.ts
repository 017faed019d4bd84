import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import type { IndexCrypto } from '../modules/lookup/index.js';

/** The index format's HKDF and AES-GCM on Node's OpenSSL: the builder's hot path. */
export const nodeIndexCrypto: IndexCrypto = {
  hkdfSha512: (ikm, salt, info, length) => new Uint8Array(hkdfSync('sha512', ikm, salt, info, length)),
  aesGcmSeal(key, nonce, plaintext, aad) {
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(aad);
    const head = cipher.update(plaintext);
    const tail = cipher.final();
    const out = new Uint8Array(head.length + tail.length + 16);
    out.set(head, 0);
    out.set(tail, head.length);
    out.set(cipher.getAuthTag(), head.length + tail.length);
    return out;
  },
  aesGcmOpen(key, nonce, sealed, aad) {
    if (sealed.length < 16) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce);
      decipher.setAAD(aad);
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      const head = decipher.update(sealed.subarray(0, sealed.length - 16));
      const tail = decipher.final();
      const out = new Uint8Array(head.length + tail.length);
      out.set(head, 0);
      out.set(tail, head.length);
      return out;
    } catch {
      return null;
    }
  },
};
