import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { CampaignKeys, RecipientSealer } from '../modules/campaigns/index.js';
import { createContactOpener } from './contact-sealer.js';

const KEK_INFO = 'breachdesk/campaign-kek/v1';
const NONCE = 12;
const TAG = 16;

function seal(key: Buffer, plaintext: Uint8Array, aad: string): Uint8Array {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return new Uint8Array(Buffer.concat([nonce, body, cipher.getAuthTag()]));
}

function open(key: Buffer, sealed: Uint8Array, aad: string): Uint8Array {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < NONCE + TAG) throw new Error('sealed value is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
  return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(NONCE, bytes.length - TAG)), decipher.final()]));
}

function recipientSealer(dataKey: Buffer): RecipientSealer {
  return { seal: (plaintext, aad) => seal(dataKey, plaintext, aad), open: (sealed, aad) => open(dataKey, sealed, aad) };
}

/**
 * Envelope encryption for campaigns (issue 7): each campaign gets a random 256-bit data key that seals its
 * recipients (AES-256-GCM, the row's campaign and number as associated data, so rows cannot be swapped);
 * the data key is stored wrapped by a key-encryption key derived from the master contacts key file.
 * Deleting the wrapped key when the campaign is purged makes every copy of its rows unreadable, backups
 * included. The master also opens the contacts `ingest --keep-contacts` sealed, to copy them in.
 */
export function createCampaignKeys(master: { readonly id: string; readonly secret: Uint8Array }): CampaignKeys {
  const kek = Buffer.from(hkdfSync('sha256', master.secret, Buffer.alloc(0), KEK_INFO, 32));
  const openContact = createContactOpener(master.secret);
  return {
    masterKeyId: master.id,
    newDataKey(campaignId) {
      const dataKey = randomBytes(32);
      return { wrapped: seal(kek, dataKey, `campaign:${campaignId}`), sealer: recipientSealer(dataKey) };
    },
    unwrap: (campaignId, wrapped) => recipientSealer(Buffer.from(open(kek, wrapped, `campaign:${campaignId}`))),
    openContact,
  };
}
