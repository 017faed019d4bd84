import nodemailer from 'nodemailer';
import { MailDeliveryError, type Mailer } from '../modules/alerts/index.js';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:port or smtps://… (nodemailer's connection URL). */
  readonly url: string;
  /** The From address, e.g. "breachdesk <alerts@example.org>". */
  readonly from: string;
}

/** Errors nodemailer reports with no SMTP reply: the connection, DNS or TLS failed, so a retry may work. */
const describe = (error: unknown): { permanent: boolean; detail: string } => {
  const e = error as { responseCode?: number; response?: string; code?: string };
  if (typeof e.responseCode === 'number') {
    // The reply text can echo the recipient ("<x@y>: mailbox unavailable"): keep only the code and the enhanced status.
    const enhanced = typeof e.response === 'string' ? (/\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(e.response)?.[0] ?? '') : '';
    return { permanent: e.responseCode >= 500 && e.responseCode < 600, detail: `SMTP ${e.responseCode}${enhanced ? ` ${enhanced}` : ''}` };
  }
  return { permanent: false, detail: typeof e.code === 'string' ? e.code : 'connection failed' };
};

/**
 * Defaults added to the connection URL unless it sets them. The timeouts keep one send well inside the
 * outbox's lease (SEND_LEASE_MS, 5 min), where nodemailer's own would allow 10 minutes of silence.
 */
const URL_DEFAULTS: Readonly<Record<string, string>> = {
  pool: 'true',
  connectionTimeout: '30000',
  greetingTimeout: '30000',
  socketTimeout: '60000',
};

/** The connection URL with URL_DEFAULTS for what it leaves out (nodemailer reads options from the query). */
export function smtpUrlWithDefaults(url: string): string {
  const q = url.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  for (const [name, value] of Object.entries(URL_DEFAULTS)) if (!params.has(name)) params.set(name, value);
  return `${q < 0 ? url : url.slice(0, q)}?${params.toString()}`;
}

/** Mail through a real SMTP server with nodemailer: pooled connections, plain-text UTF-8 messages. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(smtpUrlWithDefaults(options.url));
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, headers: { ...mail.headers } });
      } catch (error) {
        const { permanent, detail } = describe(error);
        throw new MailDeliveryError(`The SMTP server did not accept the message: ${detail}`, permanent, detail);
      }
    },
    close: () => transport.close(),
  };
}
