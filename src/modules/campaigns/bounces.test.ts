import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readBounce } from './bounces.js';

const ID = '01KB2Q9V3N6W8X0Y2Z4A6B8C0D';

function dsn(options: { to?: string; status: string; action: string; messageId?: string }): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example>',
    `To: ${options.to ?? 'someone@colis.example'}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'The mail system could not deliver your message.',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example',
    '',
    'Final-Recipient: rfc822; person@example.org',
    `Action: ${options.action}`,
    `Status: ${options.status}`,
    '--b',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${options.messageId ?? '<other@example.org>'}`,
    '--b--',
    '',
  ].join('\r\n');
}

describe('readBounce', () => {
  it('reads the outbox key from the VERP address and bounces on a permanent failure', () => {
    const r = readBounce(dsn({ to: `dpo+${ID}.42.email@colis.example`, status: '5.1.1', action: 'failed' }));
    assert.deepEqual(r, { kind: 'bounce', key: { campaignId: ID, recipientNo: 42, channel: 'email' }, status: '5.1.1' });
  });

  it('falls back to the original Message-ID in the returned headers', () => {
    const r = readBounce(dsn({ status: '5.2.2', action: 'failed', messageId: `<${ID}.7.email@colis.example>` }));
    assert.deepEqual(r, { kind: 'bounce', key: { campaignId: ID, recipientNo: 7, channel: 'email' }, status: '5.2.2' });
  });

  it('does not bounce on a delay', () => {
    const r = readBounce(dsn({ to: `dpo+${ID}.42.email@colis.example`, status: '4.4.1', action: 'delayed' }));
    assert.equal(r.kind, 'not-final');
  });

  it('ignores messages that are not about a campaign message, or carry no status', () => {
    assert.deepEqual(readBounce(dsn({ status: '5.1.1', action: 'failed' })), { kind: 'unmatched', reason: 'no-campaign-address' });
    assert.deepEqual(readBounce(`To: dpo+${ID}.1.email@colis.example\r\n\r\nHello`), { kind: 'unmatched', reason: 'no-status' });
    assert.equal(readBounce(dsn({ to: `dpo+${ID}.1.fax@colis.example`, status: '5.1.1', action: 'failed' })).kind, 'unmatched');
  });
});
