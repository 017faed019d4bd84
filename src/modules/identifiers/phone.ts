// 'max' metadata: the default 'min' set only checks lengths, so it would accept numbers that cannot exist.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

import { accepted, precheck, rejected, type ParseOptions, type ParseResult } from './parse-result.js';

const DEFAULT_REGION = 'FR';

// What may appear in a typed phone number: digits, a leading +, and the separators people use. Letters are refused
// outright: libphonenumber would otherwise read "ext 12" as an extension or "FLOWERS" as keypad digits.
export const PHONE_CHARACTERS = /^[0-9+\s().\-/\u2010-\u2015]+$/;

// Regions sharing France's national dialling plan (leading 0 trunk prefix): a Réunion mobile is typed "0692 12 34 56" in
// France too. Overseas codes per gdpr-breach-workflow.md §5 (+262, +590, +594, +596, +508).
const FRENCH_PLAN_REGIONS: readonly CountryCode[] = ['FR', 'RE', 'YT', 'GP', 'BL', 'MF', 'GF', 'MQ', 'PM'];

/**
 * A phone number → E.164 ("+33612345678"), using libphonenumber-js with full metadata (private-lookup.md §2.2).
 * National numbers are read in `options.defaultRegion` (FR by default); when that region is in the French dialling plan
 * the other regions of the plan are tried too. Accepts spaces, dots, dashes, parentheses, the 00 international prefix and
 * the "+33 (0)6 …" form. Throws RangeError when defaultRegion is not a region libphonenumber knows (a caller bug).
 */
export function parsePhone(raw: string, options: ParseOptions): ParseResult {
  const region = defaultRegion(options);
  const early = precheck(raw);
  if (early) return rejected('phone', early);

  const typed = raw.normalize('NFKC').trim();
  if (!PHONE_CHARACTERS.test(typed)) return rejected('phone', 'bad-characters');
  // 00 is the international prefix everywhere in Europe; rewriting it makes "0046 …" work whatever the default region.
  const text = typed.startsWith('00') ? `+${typed.slice(2)}` : typed;
  if (text.indexOf('+') > 0 || text.indexOf('+') !== text.lastIndexOf('+')) return rejected('phone', 'bad-format');

  const first = parse(text, region);
  if (!first) return rejected('phone', 'not-a-phone-number');
  if (first.isValid()) return accepted('phone', first.number);

  if (!text.startsWith('+') && FRENCH_PLAN_REGIONS.includes(region)) {
    for (const other of FRENCH_PLAN_REGIONS) {
      if (other === region) continue;
      const candidate = parse(text, other);
      if (candidate?.isValid()) return accepted('phone', candidate.number);
    }
  }
  return rejected('phone', 'invalid-phone-number');
}

function parse(text: string, region: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, region);
  } catch {
    // parsePhoneNumberFromString is documented not to throw; this guards the "never throws on input" contract anyway.
    return undefined;
  }
}

function defaultRegion(options: ParseOptions): CountryCode {
  const region = (options.defaultRegion ?? DEFAULT_REGION).toUpperCase();
  if (isSupportedCountry(region)) return region;
  throw new RangeError('options.defaultRegion must be an ISO 3166 alpha-2 region with a phone numbering plan');
}
