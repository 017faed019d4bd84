import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChannelSender, OutgoingMessage, SendOutcome } from '../modules/campaigns/index.js';
import {
  formatPostalAddress,
  letterManifestCsv,
  renderLetterBatch,
  type LetterInput,
  type ManifestLetter,
  type PostalAddress,
} from '../modules/campaigns/letters/index.js';

export interface LetterCampaignSenderOptions {
  /** Where the batches go: <dir>/<campaign id>/letters-<first message>.pdf and .csv, for the print-and-mail house. */
  readonly dir: string;
  /** Today as YYYY-MM-DD, written on the letters. */
  readonly today: () => string;
  /** Adds names and addresses to the manifest, for a house that prints envelopes. Off by default. */
  readonly manifestAddresses?: boolean;
}

/**
 * The letter channel: each batch of a campaign becomes one print-ready A4 PDF (the address in the window
 * of the sender country's window envelope) and its CSV manifest. The files are written under temporary
 * names, the hand-over is recorded, then they are renamed into place (atomic): a batch the print house
 * sees is always whole, and a letter is never in two batches.
 */
export function createLetterCampaignSender(options: LetterCampaignSenderOptions): ChannelSender {
  const sendCampaign = async (
    batch: readonly { message: OutgoingMessage; index: number }[],
    handOver: (index: number) => Promise<void>,
    outcomes: SendOutcome[],
  ): Promise<void> => {
    const inputs: LetterInput[] = [];
    const addresses = new Map<string, PostalAddress>();
    const indexOf = new Map<string, number>();
    const today = options.today();
    for (const { message, index } of batch) {
      const sender = message.sender;
      if (!sender) {
        outcomes[index] = { kind: 'failed', detail: 'letter-sender-missing' };
        continue;
      }
      const formatted = formatPostalAddress(
        { name: message.recipient.name, address: message.recipient.address },
        { country: message.recipient.country ?? sender.country, senderCountry: sender.country },
      );
      if (!formatted.ok) {
        outcomes[index] = { kind: 'failed', detail: formatted.reason };
        continue;
      }
      addresses.set(message.messageId, formatted.address);
      indexOf.set(message.messageId, index);
      inputs.push({
        messageId: message.messageId,
        locale: message.locale,
        recipient: { lines: formatted.address.lines },
        sender: { name: sender.name, lines: sender.lines },
        date: today,
        subject: message.subject,
        paragraphs: message.body.split(/\n{2,}/),
        signature: [sender.name],
      });
    }
    if (inputs.length === 0) return;
    const country = batch[0]!.message.sender?.country ?? 'FR';
    const rendered = await renderLetterBatch(inputs, {
      envelope: country === 'SE' ? 'se-c65-window-left' : 'fr-dl-window-right',
      generatedOn: today,
      title: 'Letters',
    });
    for (const r of rendered.rejected) outcomes[indexOf.get(r.messageId)!] = { kind: 'failed', detail: `letter ${r.reason} (${r.field})` };
    if (rendered.pages.length === 0) return;

    const campaignId = batch[0]!.message.key.campaignId;
    const dir = join(options.dir, campaignId);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const name = `letters-${rendered.pages[0]!.messageId.split('.').slice(1).join('-')}`;
    const letters: ManifestLetter[] = rendered.pages.map((p) => ({
      messageId: p.messageId,
      address: addresses.get(p.messageId)!,
      postageClass: 'priority',
    }));
    const csv = letterManifestCsv(rendered.pages, letters, {
      batchFile: `${name}.pdf`,
      bom: true,
      ...(options.manifestAddresses ? { includeAddress: true } : {}),
    });
    await writeFile(join(dir, `.${name}.pdf.tmp`), rendered.pdf, { mode: 0o600 });
    await writeFile(join(dir, `.${name}.csv.tmp`), csv, { mode: 0o600 });

    const held: number[] = [];
    await Promise.all(
      rendered.pages.map(async (p) => {
        const index = indexOf.get(p.messageId)!;
        try {
          await handOver(index);
          held.push(index);
        } catch {
          // Another worker took it over: it is not this batch's to print. (Rare: a lease ran out.)
        }
      }),
    );
    if (held.length !== rendered.pages.length) {
      // A batch must be whole: give the held ones back to the queue rather than print a partial file.
      for (const index of held) outcomes[index] = { kind: 'retry', detail: 'letter batch split by a lost lease' };
      return;
    }
    await rename(join(dir, `.${name}.pdf.tmp`), join(dir, `${name}.pdf`));
    await rename(join(dir, `.${name}.csv.tmp`), join(dir, `${name}.csv`));
    for (const p of rendered.pages) {
      outcomes[indexOf.get(p.messageId)!] = {
        kind: 'sent',
        providerId: `${campaignId}/${name}.pdf#${p.firstPage}`,
        detail: `${p.pageCount} page(s)`,
      };
    }
  };

  return {
    channel: 'letter',
    async send(batch, handOver) {
      const outcomes: SendOutcome[] = batch.map(() => ({ kind: 'retry', detail: 'not rendered' }));
      const byCampaign = new Map<string, { message: OutgoingMessage; index: number }[]>();
      batch.forEach((message, index) => {
        const list = byCampaign.get(message.key.campaignId) ?? [];
        list.push({ message, index });
        byCampaign.set(message.key.campaignId, list);
      });
      for (const group of byCampaign.values()) await sendCampaign(group, handOver, outcomes);
      return outcomes;
    },
  };
}
