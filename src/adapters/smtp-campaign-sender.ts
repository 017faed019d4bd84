import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { ChannelSender, OutgoingMessage, SendOutcome } from '../modules/campaigns/index.js';

export interface SmtpCampaignSenderOptions {
  /** smtp://user:pass@host:port or smtps://… */
  readonly url: string;
  /** The From address, e.g. "Viamedis <dpo@viamedis.example>". */
  readonly from: string;
  /** Pooled connections kept open to the server. */
  readonly maxConnections?: number;
  /** Signs every message with DKIM (RFC 6376) when given. */
  readonly dkim?: { readonly domainName: string; readonly keySelector: string; readonly privateKeyFile: string };
}

/** The envelope sender: bounces come back to local+<message id>@domain (VERP), so each names its message. */
function envelopeFrom(from: string, messageId: string): string {
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at)}+${messageId}${address.slice(at)}`;
}

function domainOf(from: string): string {
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  return address.slice(address.lastIndexOf('@') + 1) || 'breachdesk.invalid';
}

/** The SMTP status without the reply text, which may echo the address ("<x@y>: unknown"). */
function statusOf(error: { responseCode?: number; response?: string; code?: string; command?: string }): string {
  if (typeof error.responseCode === 'number') {
    const enhanced = typeof error.response === 'string' ? (/\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(error.response)?.[0] ?? '') : '';
    return `SMTP ${error.responseCode}${enhanced ? ` ${enhanced}` : ''}${error.command ? ` (${error.command})` : ''}`;
  }
  return typeof error.code === 'string' ? error.code : 'connection failed';
}

/**
 * A message whose bytes flow at once but whose end (and so the SMTP terminating dot) waits for `gate`:
 * the server can only accept the message after the outbox has recorded the hand-over.
 */
class GatedMessage extends Readable {
  private started = false;
  constructor(
    private readonly bytes: Buffer,
    private readonly gate: () => Promise<void>,
  ) {
    super();
  }
  override _read(): void {
    if (this.started) return;
    this.started = true;
    this.push(this.bytes);
    this.gate().then(
      () => this.push(null),
      (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

/**
 * Campaign e-mail over SMTP with nodemailer: pooled connections, optional DKIM, plain-text UTF-8. Each
 * message is composed first, streamed to the server, and its final dot held until the hand-over is
 * recorded. Outcomes: accepted → sent; 5xx to RCPT TO or after the data → bounced (the next channel);
 * 4xx, a connection failure before the dot, or a refused sender → retry; a connection lost after the dot
 * → sent, uncertain (the server may have it: never sent twice).
 */
export function createSmtpCampaignSender(
  options: SmtpCampaignSenderOptions,
): ChannelSender & { readonly transport: nodemailer.Transporter } {
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 8,
    maxMessages: Infinity,
    ...(options.dkim
      ? {
          dkim: {
            domainName: options.dkim.domainName,
            keySelector: options.dkim.keySelector,
            privateKey: readFileSync(options.dkim.privateKeyFile, 'utf8'),
          },
        }
      : {}),
  } as nodemailer.TransportOptions);
  const domain = domainOf(options.from);

  const sendOne = async (message: OutgoingMessage, handOver: () => Promise<void>): Promise<SendOutcome> => {
    const to = message.recipient.email;
    if (to === null) return { kind: 'failed', detail: 'no-email-address' };
    const raw = await new MailComposer({
      from: options.from,
      to,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.messageId}@${domain}>`,
      headers: { 'Content-Language': message.locale, 'Auto-Submitted': 'auto-generated' },
    })
      .compile()
      .build();
    let released = false;
    try {
      await transport.sendMail({
        envelope: { from: envelopeFrom(options.from, message.messageId), to: [to] },
        raw: new GatedMessage(raw, async () => {
          await handOver();
          released = true;
        }),
      });
      return { kind: 'sent' };
    } catch (error) {
      const e = error as { responseCode?: number; command?: string; code?: string; message?: string };
      const detail = statusOf(e);
      if (typeof e.responseCode === 'number') {
        if (e.responseCode >= 500 && (e.command === 'RCPT TO' || released)) return { kind: 'bounced', detail };
        return { kind: 'retry', detail };
      }
      // No SMTP answer: before the dot the server discards the transaction; after it, it may have the message.
      if (released) return { kind: 'sent', uncertain: true, detail: `answer not seen: ${detail}` };
      return { kind: 'retry', detail };
    }
  };

  return {
    channel: 'email',
    transport,
    send: (batch, handOver) => Promise.all(batch.map((m, i) => sendOne(m, () => handOver(i)))),
    close: () => {
      transport.close();
      return Promise.resolve();
    },
  };
}
