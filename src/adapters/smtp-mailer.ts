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

/** Mail through a real SMTP server with nodemailer: pooled connections, plain-text UTF-8 messages. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(
    options.url.includes('?') || options.url.includes('pool=') ? options.url : `${options.url}?pool=true`,
  );
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
