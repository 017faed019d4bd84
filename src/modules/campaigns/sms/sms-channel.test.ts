import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  isE164,
  precheckSmsMessage,
  SMS_CHANNEL_STOPPING_REASONS,
  SMS_FAILURE_REASONS,
  stopsSmsChannel,
  type SmsSendResult,
} from './sms-channel.js';

describe('isE164', () => {
  const cases: [string, string, boolean][] = [
    ['a Swedish mobile', '+46701234567', true],
    ['a French mobile', '+33612345678', true],
    ['a Réunion mobile', '+262692123456', true],
    ['15 digits, the most E.164 allows', '+123456789012345', true],
    ['Niue, 7 digits', '+6834002', true],
    ['16 digits', '+1234567890123456', false],
    ['6 digits', '+683400', false],
    ['no plus', '46701234567', false],
    ['the 00 prefix', '0046701234567', false],
    ['a national number', '0701234567', false],
    ['country code 0', '+0701234567', false],
    ['spaces', '+46 70 123 45 67', false],
    ['dashes', '+46-70-1234567', false],
    ['a trailing newline', '+46701234567\n', false],
    ['full-width digits', '+４６701234567', false],
    ['empty', '', false],
  ];
  for (const [name, value, expected] of cases) {
    it(`${expected ? 'accepts' : 'refuses'} ${name}`, () => assert.equal(isE164(value), expected));
  }
});

describe('precheckSmsMessage', () => {
  it('refuses a number that is not E.164, then an empty text, and passes the rest', () => {
    assert.equal(precheckSmsMessage({ to: '070-123 45 67', text: 'Hej', reference: 'm1' }), 'not-e164');
    assert.equal(precheckSmsMessage({ to: '+46701234567', text: '', reference: 'm1' }), 'empty-message');
    assert.equal(precheckSmsMessage({ to: '+46701234567', text: 'Hej', reference: 'm1' }), undefined);
  });
});

describe('stopsSmsChannel', () => {
  it('stops the channel for account and configuration problems only', () => {
    const stopping = new Set<string>(SMS_CHANNEL_STOPPING_REASONS);
    for (const reason of SMS_FAILURE_REASONS) {
      assert.equal(stopsSmsChannel({ kind: 'rejected', reason }), stopping.has(reason), reason);
    }
    assert.deepEqual([...stopping].sort(), ['endpoint-invalid', 'insufficient-funds', 'provider-auth', 'sender-invalid']);
  });

  it('never stops it for a success, a retry or an unconfirmed send', () => {
    const others: SmsSendResult[] = [
      { kind: 'accepted', providerId: 's1', segments: 1 },
      { kind: 'retry', reason: 'rate-limited', retryAfterMs: 1000 },
      { kind: 'unknown', reason: 'timeout-after-send' },
    ];
    for (const result of others) assert.equal(stopsSmsChannel(result), false, result.kind);
  });
});
