import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { ContactSealer } from '../modules/ingestion/index.js';

const AAD = Buffer.from('breachdesk/contact/v1');

/**
 * Contact details kept for notifying people are sealed with AES-256-GCM under a key derived from the
 * contacts key file, and keyed by an HMAC of the person's first identifier: the database never holds
 * either in clear. (Issue 7 wraps a data key per campaign; this key is the master it will wrap with.)
 */
export function createContactSealer(contactsKey: Uint8Array): ContactSealer {
  const macKey = Buffer.from(hkdfSync('sha256', contactsKey, AAD, 'mac', 32));
  const encKey = Buffer.from(hkdfSync('sha256', contactsKey, AAD, 'enc', 32));
  return {
    keyOf: (input) => new Uint8Array(createHmac('sha256', macKey).update(input).digest().subarray(0, 16)),
    seal(plaintext) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, nonce);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return new Uint8Array(Buffer.concat([nonce, body, cipher.getAuthTag()]));
    },
  };
}

/** Opens what createContactSealer sealed (to copy it into a campaign). Throws when it was not sealed by this key. */
export function createContactOpener(contactsKey: Uint8Array): (sealed: Uint8Array) => Uint8Array {
  const encKey = Buffer.from(hkdfSync('sha256', contactsKey, AAD, 'enc', 32));
  return (sealed) => {
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    const decipher = createDecipheriv('aes-256-gcm', encKey, bytes.subarray(0, 12));
    decipher.setAAD(AAD);
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]));
  };
}
