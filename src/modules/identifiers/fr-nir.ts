import { accepted, precheck, rejected, type ParseResult } from './parse-result.js';

// Separators people put in a NIR ("2 55 08 14 168 025 38", "2.55.08.14.168.025-38"), dropped before anything else.
const SEPARATORS = /[\s.\-_\u2010-\u2015]/g;
// First digit: 1/2 = man/woman; 3/4 and 7/8 are the provisional and foreign-born registrations that occur in real files
// ("first digit 8 (provisional)", gdpr-breach-workflow.md §5).
const SEX_DIGITS = new Set(['1', '2', '3', '4', '7', '8']);

/**
 * A French NIR (social-security number) → its 13 characters without the key, Corsican 2A/2B kept as letters
 * (private-lookup.md §2.2). Structure per gdpr-breach-workflow.md §5: sex (1), year (2), month (2), department (2),
 * commune or country (3), order (3), then an optional 2-digit key. A 13-character NIR is accepted on structure alone,
 * because people often leave the key out. A 15-character one must carry the right key.
 *
 * The key is checked before the fields: a wrong key means a mistyped character somewhere, and that typo may also be what
 * broke a field, so "check digits do not match" is the more useful answer. It also means every single-digit substitution
 * of a valid 15-character NIR is reported as 'bad-check-digit' (97 is prime and never divides d·10^k for 0 < |d| < 10).
 */
export function parseFrNir(raw: string): ParseResult {
  const early = precheck(raw);
  if (early) return rejected('fr-nir', early);

  const text = raw.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
  if (!/^[0-9AB]*$/.test(text)) return rejected('fr-nir', 'bad-characters');
  if (text.length !== 13 && text.length !== 15) return rejected('fr-nir', 'bad-length');

  const body = text.slice(0, 13);
  const department = body.slice(5, 7);
  // Letters are only valid as the Corsican departments 2A and 2B.
  if (/[AB]/.test(body.slice(0, 6)) || /[AB]/.test(text.slice(7))) return rejected('fr-nir', 'bad-characters');
  if (/[AB]/.test(department) && department !== '2A' && department !== '2B') return rejected('fr-nir', 'bad-department');

  if (text.length === 15 && Number(text.slice(13)) !== nirKey(body)) return rejected('fr-nir', 'bad-check-digit');

  if (!SEX_DIGITS.has(body.charAt(0))) return rejected('fr-nir', 'bad-sex-digit');
  const month = Number(body.slice(3, 5));
  // 01–12 are real months; 20–42 and 50–99 are used by INSEE for incomplete or provisional records
  // ("Months 20–30/50 (incomplete records) … occur", gdpr-breach-workflow.md §5).
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return rejected('fr-nir', 'bad-month');
  // 01–95 and 2A/2B in mainland France (20 for Corsicans born before 1976), 96–98 overseas and former territories,
  // 99 born abroad.
  if (department === '00') return rejected('fr-nir', 'bad-department');

  return accepted('fr-nir', body);
}

/**
 * The NIR key, 97 − (N mod 97), where N is the 13-character body read as a number with 2A → 19 and 2B → 18
 * (gdpr-breach-workflow.md §5). Computed digit by digit so N never leaves safe integer range.
 */
export function nirKey(body: string): number {
  const digits = body.slice(0, 5) + body.slice(5, 7).replace('2A', '19').replace('2B', '18') + body.slice(7);
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return 97 - remainder;
}
