import { accepted, precheck, rejected, type ParseResult } from './parse-result.js';

const MAX_LOCAL_LENGTH = 64; // RFC 5321 §4.5.3.1.1
const MAX_ADDRESS_LENGTH = 254; // RFC 5321 path limit (256) minus the angle brackets
const MAX_LABEL_LENGTH = 63; // RFC 1035 §2.3.4

// Local part: RFC 5322 atext plus any Unicode letter, mark or digit (RFC 6531), dot-separated. Quoted local parts are
// refused: nobody types one, and a breach row holding one is far more likely garbage.
const LOCAL_CHARACTER = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~.-]$/u;
// A domain label: letters (any script), marks and digits, hyphens inside only. Punycode labels (xn--…) match too.
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
const WHITESPACE_OR_CONTROL = /[\s\p{Cc}\p{Cf}]/u;

/**
 * Canonical form per private-lookup.md §2.2: trimmed, NFKC, lower-cased (the whole address: providers treat local parts
 * case-insensitively in practice, and a breach file's case is arbitrary). Accepts a `mailto:` prefix and surrounding <...>.
 * No provider-specific rewriting (dots or +tags at Gmail): a breach holds the literal address.
 * Unicode domains are kept as typed, not converted to punycode; an xn-- domain and its Unicode form do not match.
 */
export function parseEmail(raw: string): ParseResult {
  const early = precheck(raw);
  if (early) return rejected('email', early);

  let text = raw.normalize('NFKC').trim();
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  if (/^mailto:/i.test(text)) text = text.slice('mailto:'.length).trim();
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  const address = canonicalCase(text);

  if (address === '') return rejected('email', 'empty');
  if (WHITESPACE_OR_CONTROL.test(address)) return rejected('email', 'bad-characters');
  if (address.length > MAX_ADDRESS_LENGTH) return rejected('email', 'too-long');
  const at = address.indexOf('@');
  if (at === -1 || at !== address.lastIndexOf('@')) return rejected('email', 'bad-format');

  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === '' || domain === '') return rejected('email', 'bad-format');
  if (local.length > MAX_LOCAL_LENGTH) return rejected('email', 'too-long');
  for (const character of local) {
    if (!LOCAL_CHARACTER.test(character)) return rejected('email', 'bad-characters');
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return rejected('email', 'bad-format');

  const labels = domain.split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || labels.some((label) => label.length > MAX_LABEL_LENGTH || !LABEL.test(label))) {
    return rejected('email', 'bad-domain');
  }
  // An all-digit last label is an IP address or a typo, never a registrable domain.
  if (/^\d+$/.test(topLevel)) return rejected('email', 'bad-domain');

  return accepted('email', address);
}

/** NFKC then lower case, repeated until stable: lower-casing can produce text that NFKC changes again, and the canonical
 * form must be a fixed point of this parser. */
function canonicalCase(text: string): string {
  let current = text;
  for (let round = 0; round < 4; round += 1) {
    const next = current.normalize('NFKC').toLowerCase();
    if (next === current) break;
    current = next;
  }
  return current;
}
