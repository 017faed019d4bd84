/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * One RFC 4180 field, always quoted, and formula-safe: a cell that a spreadsheet would run as a formula
 * gets a leading apostrophe. Used by every CSV a person opens in a spreadsheet (the Art. 33(5) register,
 * the letters' manifest).
 */
export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}
