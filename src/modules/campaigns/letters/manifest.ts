import type { LetterPages } from './letter-pdf.js';
import type { PostalAddress } from './postal-address.js';
import { csvField } from '../../../platform/csv.js';

/**
 * The manifest a print-and-mail house gets with a batch PDF: one CSV row per letter, in the PDF's order.
 *
 * What the house needs, and why each column is there:
 * - batch_file, first_page, page_count, sheets: to cut the print stream into mail pieces and check each envelope
 *   holds the right sheets (duplex: a letter fills pages first_page … first_page + 2 × sheets − 1, a blank back
 *   page included); sheets also give the weight step for postage.
 * - destination_country, postcode: to sort the mail for the postal operator (presorted mail is cheaper, and
 *   international mail is handed over apart).
 * - postage_class, envelope: which franking and which window envelope the piece takes.
 * - message_id: the reference printed in the letter; returned and undeliverable mail is reported by it, and the
 *   campaign marks that person's message failed.
 * Not the name or the address: they are already printed in the PDF and show through the window, so a second copy
 * in a spreadsheet that travels by e-mail or SFTP and sits in the house's systems would serve nothing
 * (data minimisation, GDPR Art. 5(1)(c)). `includeAddress` adds them for a house that needs them: one that prints
 * the address on the envelope itself (no window), fills registered-mail forms, or runs address correction (RNVP,
 * change-of-address files) before posting.
 */

/** The postage the campaign chose for a letter; the print house maps it to its operator's products. */
export const POSTAGE_CLASSES = ['priority', 'economy', 'registered', 'registered-with-receipt'] as const;
export type PostageClass = (typeof POSTAGE_CLASSES)[number];

export interface ManifestLetter {
  readonly messageId: string;
  /** From formatPostalAddress. */
  readonly address: PostalAddress;
  readonly postageClass: PostageClass;
}

export interface ManifestOptions {
  /** The PDF's file name as delivered to the house. */
  readonly batchFile: string;
  /** Adds the address lines in clear (address_line_1 … address_line_7). Off unless the house needs them. */
  readonly includeAddress?: boolean;
  /** Prefixes U+FEFF, which Excel needs to read UTF-8 accents. */
  readonly bom?: boolean;
}

export const MANIFEST_COLUMNS = [
  'batch_file',
  'message_id',
  'first_page',
  'page_count',
  'sheets',
  'destination_country',
  'postcode',
  'postage_class',
  'envelope',
] as const;
/** Six lines plus the country line of international mail (NF Z10-011). */
const ADDRESS_COLUMNS = [
  'address_line_1',
  'address_line_2',
  'address_line_3',
  'address_line_4',
  'address_line_5',
  'address_line_6',
  'address_line_7',
] as const;

/**
 * RFC 4180 CSV: a header row, every field quoted (inner quotes doubled, so commas and line breaks stay inside
 * their field), CRLF after every record. A cell starting with = + - @ (or a tab or carriage return) gets a
 * leading single quote so that a spreadsheet shows it as text instead of running it (OWASP "CSV injection").
 * Throws when a rendered letter has no manifest entry: the two come from the same campaign run.
 */
export function letterManifestCsv(pages: readonly LetterPages[], letters: readonly ManifestLetter[], options: ManifestOptions): string {
  const byId = new Map(letters.map((letter) => [letter.messageId, letter]));
  const header: string[] = [...MANIFEST_COLUMNS, ...(options.includeAddress === true ? ADDRESS_COLUMNS : [])];
  const rows = [header.map(csvField).join(',')];
  for (const page of pages) {
    const letter = byId.get(page.messageId);
    if (!letter) throw new Error(`letter ${page.messageId} is in the batch but not in the manifest's letters`);
    const cells: string[] = [
      options.batchFile,
      page.messageId,
      String(page.firstPage),
      String(page.pageCount),
      String(page.sheets),
      letter.address.country,
      letter.address.postcode ?? '',
      letter.postageClass,
      page.envelope,
    ];
    if (options.includeAddress === true) for (let i = 0; i < ADDRESS_COLUMNS.length; i++) cells.push(letter.address.lines[i] ?? '');
    rows.push(cells.map(csvField).join(','));
  }
  return `${options.bom === true ? '\uFEFF' : ''}${rows.join('\r\n')}\r\n`;
}

export { csvField };
