import type { ChannelSender, OutgoingMessage, SendOutcome } from '../modules/campaigns/index.js';
import { prepareSmsText, stopsSmsChannel, type SmsProvider, type SmsSendResult } from '../modules/campaigns/sms/index.js';

export interface SmsCampaignSenderOptions {
  readonly provider: SmsProvider;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  /** Fold characters outside GSM-7 (ê, ç, curly quotes…) to keep texts short, when that makes the whole text GSM-7. */
  readonly foldToGsm7?: boolean;
  /** How long a channel-wide refusal (bad credentials, no credit) keeps messages back before they are tried again. */
  readonly stopDelayMs?: number;
}

/** The outbox outcome of a provider's answer. */
export function smsOutcome(result: SmsSendResult, stopDelayMs: number): SendOutcome {
  switch (result.kind) {
    case 'accepted':
      return { kind: 'sent', providerId: result.providerId, detail: `${result.segments} segment(s)` };
    case 'unknown':
      // The provider may have the message (a timeout after the request left): never sent twice.
      return { kind: 'sent', uncertain: true, detail: `answer not seen: ${result.reason}` };
    case 'retry':
      return {
        kind: 'retry',
        detail: `sms ${result.reason}`,
        ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
      };
    case 'rejected':
      // A refusal of the whole channel (credentials, credit) is not this person's fault: hold, do not fall back.
      if (stopsSmsChannel(result)) return { kind: 'retry', detail: `sms channel stopped: ${result.reason}`, retryAfterMs: stopDelayMs };
      if (result.reason === 'invalid-number' || result.reason === 'blocked' || result.reason === 'not-e164') {
        return { kind: 'bounced', detail: `sms ${result.reason}` };
      }
      return { kind: 'failed', detail: `sms ${result.reason}` };
  }
}

/** The SMS channel of campaigns over an SmsProvider (adapters/sms-46elks.ts): one request per message. */
export function createSmsCampaignSender(options: SmsCampaignSenderOptions): ChannelSender {
  const concurrency = options.concurrency ?? 8;
  const stopDelayMs = options.stopDelayMs ?? 15 * 60_000;

  const sendOne = async (message: OutgoingMessage, handOver: () => Promise<void>): Promise<SendOutcome> => {
    const to = message.recipient.phone;
    if (to === null) return { kind: 'failed', detail: 'no-phone-number' };
    const text = prepareSmsText(message.body, { foldToGsm7: options.foldToGsm7 ?? false }).text;
    await handOver();
    return smsOutcome(await options.provider.send({ to, text, reference: message.messageId }), stopDelayMs);
  };

  return {
    channel: 'sms',
    async send(batch, handOver) {
      const outcomes: SendOutcome[] = new Array<SendOutcome>(batch.length);
      let next = 0;
      const lane = async () => {
        for (let i = next++; i < batch.length; i = next++) {
          try {
            outcomes[i] = await sendOne(batch[i]!, () => handOver(i));
          } catch (error) {
            // handOver refused: another worker holds the message; its outcome is ignored.
            outcomes[i] = { kind: 'retry', detail: error instanceof Error ? error.message : 'hand-over refused' };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, lane));
      return outcomes;
    },
  };
}
