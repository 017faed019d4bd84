import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressSealer, LinkTokens, TokenPurpose } from '../modules/alerts/index.js';

const INFO = Buffer.from('breachdesk/alerts/v1');
const TOKEN_MAC_BYTES = 20;

/**
 * The alerts key file's three uses, each under its own derived key: sealing subscribers' addresses
 * (AES-256-GCM, the subscription id as associated data so a sealed address cannot be moved to another row),
 * the keyed hash that tells two subscriptions of one address apart from others without storing it, and the
 * MACs that are the confirm and unsubscribe links.
 */
export function createAlertCrypto(secret: Uint8Array, keyId: string): { sealer: AddressSealer; tokens: LinkTokens } {
  const encKey = Buffer.from(hkdfSync('sha256', secret, INFO, 'address', 32));
  const macKey = Buffer.from(hkdfSync('sha256', secret, INFO, 'link-token', 32));
  const addressKeyKey = Buffer.from(hkdfSync('sha256', secret, INFO, 'address-key', 32));
  const mac = (id: string, purpose: TokenPurpose) =>
    createHmac('sha256', macKey).update(`${purpose}\u0000${id}`).digest().subarray(0, TOKEN_MAC_BYTES);

  const sealer: AddressSealer = {
    keyId,
    addressKey: (canonical) => createHmac('sha256', addressKeyKey).update(canonical, 'utf8').digest('base64url'),
    seal(plaintext, aad) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, nonce);
      cipher.setAAD(aad);
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return new Uint8Array(Buffer.concat([nonce, body, cipher.getAuthTag()]));
    },
    open(sealed, aad) {
      if (sealed.length < 12 + 16) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', encKey, sealed.subarray(0, 12));
        decipher.setAAD(aad);
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]));
      } catch {
        return null;
      }
    },
  };

  const tokens: LinkTokens = {
    make: (id, purpose) => `${id}.${mac(id, purpose).toString('base64url')}`,
    verify(token, purpose) {
      if (typeof token !== 'string' || token.length > 200) return null;
      const dot = token.lastIndexOf('.');
      if (dot <= 0) return null;
      const id = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1), 'base64url');
      const expected = mac(id, purpose);
      return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
    },
  };
  return { sealer, tokens };
}
