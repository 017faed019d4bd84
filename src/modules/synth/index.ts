export {
  generateSynthRows,
  SYNTH_DEFAULT_TODAY,
  SYNTH_DEFECTS,
  SYNTH_EXPECTED,
  SYNTH_MAX_ROWS,
  SYNTH_PROFILES,
  synthColumns,
  synthDefectKinds,
  type SynthDefect,
  type SynthExpected,
  type SynthOptions,
  type SynthProfile,
  type SynthRow,
} from './generate.js';
export { createDelimitedFormatter, jsonlRecord, SYNTH_FORMATS, type SynthFormat } from './records.js';
export { encodeWindows1252, isWindows1252Encodable } from './windows-1252.js';
