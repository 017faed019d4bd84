// Campaign e-mail signed with DKIM (RFC 6376), sent to a real SMTP server and verified by an independent
// verifier (test/support/dkim.ts) against the public key, as a receiving server would after its DNS look-up.
import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createSmtpCampaignSender } from '../src/adapters/smtp-campaign-sender.js';
import type { ChannelSender, OutgoingMessage } from '../src/modules/campaigns/index.js';
import { verifyDkim } from './support/dkim.js';
import { startTestSmtpServer, type TestSmtpServer } from './support/smtp.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const DOMAIN = 'colis.example';
const SELECTOR = 'bd2026';

const message = (n: number, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  key: { campaignId: 'c1', recipientNo: n, channel: 'email' },
  messageId: `c1.${n}.email`,
  locale: 'fr',
  subject: 'Violation de données : ce qui vous concerne',
  body: [
    'Madame, Monsieur,',
    '',
    'Le 12 février, des données vous concernant ont été exposées : nom, adresse postale et numéro de téléphone.   ',
    'Méfiez-vous des SMS de livraison.\t\tNe cliquez sur aucun lien.',
    'Une ligne très longue '.repeat(12),
    '',
    '',
  ].join('\n'),
  recipient: { v: 1, email: `personne${n}@example.org`, phone: null, name: ['Camille Martin'], address: [], country: 'FR', classes: [] },
  sender: null,
  ...overrides,
});

describe('campaign e-mail signed with DKIM', () => {
  let dir: string;
  let smtp: TestSmtpServer;
  let sender: ChannelSender;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'breachdesk-dkim-'));
    const keyFile = join(dir, 'dkim.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    smtp = await startTestSmtpServer();
    sender = createSmtpCampaignSender({
      url: smtp.url,
      from: 'Colis Express <dpo@colis.example>',
      maxConnections: 2,
      dkim: { domainName: DOMAIN, keySelector: SELECTOR, privateKeyFile: keyFile },
    });
  });

  after(async () => {
    await sender?.close?.();
    await smtp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('signs every message so that a receiver holding the public key verifies it, and a changed one fails', async () => {
    const batch = [message(1), message(2, { locale: 'sv', subject: 'Dataintrång: det här gäller dig', body: 'Hej!\n\nÅtgärder nu.\n' })];
    const outcomes = await sender.send(batch, async () => undefined);
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['sent', 'sent'],
    );
    assert.equal(smtp.received.length, 2);
    for (const mail of smtp.received) {
      assert.match(mail.raw, /^DKIM-Signature: /im);
      assert.equal(verifyDkim(mail.raw, publicKey, { domain: DOMAIN, selector: SELECTOR }), null);
      // The verifier is not a rubber stamp: a changed body or a changed signed header fails.
      const bodyChanged = mail.raw.replace(/\r\n\r\n([\s\S])/, '\r\n\r\nX$1');
      assert.match(verifyDkim(bodyChanged, publicKey, { domain: DOMAIN, selector: SELECTOR }) ?? '', /body hash/);
      const subjectChanged = mail.raw.replace(/^Subject: /m, 'Subject: Re: ');
      assert.match(verifyDkim(subjectChanged, publicKey, { domain: DOMAIN, selector: SELECTOR }) ?? '', /does not verify/);
      const otherKey = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
      assert.match(verifyDkim(mail.raw, otherKey, { domain: DOMAIN, selector: SELECTOR }) ?? '', /does not verify/);
    }
    // The signed fields include what a reader trusts.
    const h = /\bh=([^;]+)/.exec(smtp.received[0]!.raw.replace(/\r\n[ \t]+/g, ' '))?.[1]?.toLowerCase() ?? '';
    for (const name of ['from', 'to', 'subject', 'date', 'message-id'])
      assert.ok(
        h
          .split(':')
          .map((x) => x.trim())
          .includes(name),
        `h= signs ${name}`,
      );
  });
});
