import { CHANNELS, type Channel } from './campaign.js';

/**
 * Reading bounces that arrive after the SMTP server accepted a message: delivery status notifications
 * (RFC 3464) sent to the envelope sender, which is local+<campaign>.<recipient>.<channel>@domain (VERP,
 * smtp-campaign-sender.ts). Pure: a raw message in, the outbox key and the verdict out. Only a permanent
 * failure (Action: failed, Status 5.x.x) bounces the message; a delay (4.x.x) is not a bounce.
 */

export interface BounceKey {
  readonly campaignId: string;
  readonly recipientNo: number;
  readonly channel: Channel;
}

export type BounceReading =
  | { readonly kind: 'bounce'; readonly key: BounceKey; readonly status: string }
  | { readonly kind: 'not-final'; readonly key: BounceKey; readonly status: string }
  | { readonly kind: 'unmatched'; readonly reason: 'no-campaign-address' | 'no-status' };

const VERP = /\+([0-9A-HJKMNP-TV-Z]{26})\.(\d{1,10})\.([a-z]+)@/i;
const MESSAGE_ID = /<([0-9A-HJKMNP-TV-Z]{26})\.(\d{1,10})\.([a-z]+)@[^>]+>/i;

function keyFrom(m: RegExpExecArray | null): BounceKey | null {
  if (!m) return null;
  const channel = m[3]!.toLowerCase();
  if (!(CHANNELS as readonly string[]).includes(channel)) return null;
  return { campaignId: m[1]!.toUpperCase(), recipientNo: Number(m[2]), channel: channel as Channel };
}

/** Reads one bounce message (the raw RFC 5322 text). Never returns an address: only the outbox key and the status. */
export function readBounce(raw: string): BounceReading {
  const headerEnd = raw.search(/\r?\n\r?\n/);
  const headers = headerEnd < 0 ? raw : raw.slice(0, headerEnd);
  // The VERP address in the headers the receiving MTA adds (To, Delivered-To, X-Original-To), else the
  // original Message-ID quoted in the returned headers.
  const key =
    keyFrom(
      VERP.exec(
        headers
          .split(/\r?\n/)
          .filter((l) => /^(to|delivered-to|x-original-to|envelope-to):/i.test(l))
          .join('\n'),
      ),
    ) ?? keyFrom(MESSAGE_ID.exec(raw.slice(Math.max(0, headerEnd))));
  if (!key) return { kind: 'unmatched', reason: 'no-campaign-address' };
  const status = /^Status:\s*([245])\.(\d{1,3})\.(\d{1,3})/im.exec(raw);
  const action = /^Action:\s*(\w+)/im.exec(raw)?.[1]?.toLowerCase();
  if (!status) return { kind: 'unmatched', reason: 'no-status' };
  const code = `${status[1]}.${status[2]}.${status[3]}`;
  if (status[1] === '5' && (action === undefined || action === 'failed')) return { kind: 'bounce', key, status: code };
  return { kind: 'not-final', key, status: code };
}
