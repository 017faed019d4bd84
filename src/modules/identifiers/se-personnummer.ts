import { checkBirthDate } from './birth-date.js';
import { parseToday } from './calendar.js';
import { accepted, precheck, rejected, type ParseOptions, type ParseResult } from './parse-result.js';

// Separators people type inside a personnummer, dropped first. '+' is not one of them: it carries the century.
const SEPARATORS = /[\s.\-_\u2010-\u2015]/g;
// Samordningsnummer: the day of birth plus 60 (gdpr-breach-workflow.md §5).
const COORDINATION_DAY_OFFSET = 60;

/**
 * A Swedish personnummer or samordningsnummer → 12 digits YYYYMMDDNNNC (private-lookup.md §2.2), the day kept as written
 * (+60 for a samordningsnummer). Accepts YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDDNNNC and YYYYMMDD-NNNC, with spaces.
 *
 * The century of a 10-digit form follows Skatteverket: '-' until the year the person turns 100, '+' from that year on
 * (gdpr-breach-workflow.md §5). So YY resolves to the most recent year ≤ today's year ending in YY, and '+' takes 100 more.
 * For a breach file written years ago, pass the file's date as `today`, or the century may be one too recent.
 *
 * The Luhn check (weights 2,1 over the 9 digits after the century) runs before the date check, so every single-digit
 * substitution among those 10 digits is reported as 'bad-check-digit'. The century digits of a 12-digit form are not
 * covered by any check digit; the date checks are all that guard them.
 */
export function parseSePersonnummer(raw: string, options: ParseOptions): ParseResult {
  const early = precheck(raw);
  if (early) return rejected('se-personnummer', early);
  const today = parseToday(options.today);

  const text = raw.normalize('NFKC').replace(SEPARATORS, '');
  if (!/^[0-9+]*$/.test(text)) return rejected('se-personnummer', 'bad-characters');
  const centenarian = text.includes('+');
  const digits = text.replace('+', '');
  if (!/^\d*$/.test(digits)) return rejected('se-personnummer', 'bad-format'); // more than one '+'
  if (digits.length !== 10 && digits.length !== 12) return rejected('se-personnummer', 'bad-length');
  // '+' belongs between YYMMDD and NNNC of the 10-digit form only.
  if (centenarian && (digits.length !== 10 || text.indexOf('+') !== 6)) return rejected('se-personnummer', 'bad-format');

  const short = digits.slice(-10);
  if (!luhnValid(short)) return rejected('se-personnummer', 'bad-check-digit');

  const yy = Number(short.slice(0, 2));
  const month = Number(short.slice(2, 4));
  const writtenDay = Number(short.slice(4, 6));
  const day = writtenDay > COORDINATION_DAY_OFFSET ? writtenDay - COORDINATION_DAY_OFFSET : writtenDay;
  let year: number;
  if (digits.length === 12) {
    year = Number(digits.slice(0, 4));
  } else {
    year = today.year - ((((today.year - yy) % 100) + 100) % 100);
    if (centenarian) year -= 100;
  }

  const problem = checkBirthDate(year, month, day, today.number);
  if (problem) return rejected('se-personnummer', problem);
  return accepted('se-personnummer', String(year) + short.slice(2));
}

/** Luhn over 10 digits: weights 2,1,2,1,… from the left, digit sums of the products, total ≡ 0 (mod 10). */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let index = 0; index < tenDigits.length; index += 1) {
    const product = Number(tenDigits.charAt(index)) * (index % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}
