export const SYNTH_FORMATS = ['csv', 'tsv', 'jsonl'] as const;
export type SynthFormat = (typeof SYNTH_FORMATS)[number];

/** Formats one CSV/TSV record without its line ending; fields are quoted only when RFC 4180 requires it. */
export function createDelimitedFormatter(delimiter: string): (values: readonly string[]) => string {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new RangeError('the delimiter must be one character other than a quote or a line break');
  }
  const special = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter.replace(/[\\^\]-]/g, '\\$&')}]`);
  const field = (v: string): string => (special.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return (values) => {
    let out = '';
    for (let i = 0; i < values.length; i++) out += i === 0 ? field(values[i] as string) : delimiter + field(values[i] as string);
    return out;
  };
}

/**
 * One JSON object with the column names as keys. A short row is written the way a truncated export looks
 * in JSON Lines: the line is cut before its closing brace, so it is not valid JSON. (An object that merely
 * lacks keys is a normal JSON record whose missing values are empty.)
 */
export function jsonlRecord(columns: readonly string[], values: readonly string[]): string {
  const record: Record<string, string> = {};
  for (let i = 0; i < values.length && i < columns.length; i++) record[columns[i] as string] = values[i] as string;
  const json = JSON.stringify(record);
  return values.length < columns.length ? json.slice(0, -1) : json;
}
