import { parseEmail } from './email.js';
import { parseFrNir } from './fr-nir.js';
import type { IdentifierKind } from './identifier-kind.js';
import type { ParseOptions, ParseResult } from './parse-result.js';
import { parsePhone } from './phone.js';
import { parseSePersonnummer } from './se-personnummer.js';

/** Dispatches a single-field identifier to its parser. Throws RangeError for a kind outside the union (a caller bug). */
export function parseIdentifier(kind: Exclude<IdentifierKind, 'name-dob'>, raw: string, options: ParseOptions): ParseResult {
  switch (kind) {
    case 'email':
      return parseEmail(raw);
    case 'phone':
      return parsePhone(raw, options);
    case 'fr-nir':
      return parseFrNir(raw);
    case 'se-personnummer':
      return parseSePersonnummer(raw, options);
    default: {
      const unknown: never = kind;
      throw new RangeError(`parseIdentifier does not handle the kind ${String(unknown)}`);
    }
  }
}
