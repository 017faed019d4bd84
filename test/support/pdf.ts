import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { skipOutsideCi } from './skip.js';

const run = promisify(execFile);
const PDFTOPPM = '/usr/bin/pdftoppm';
const PDFTOTEXT = '/usr/bin/pdftotext';

/** Why PDFs cannot be turned into images here (poppler-utils missing; scripts/ensure-poppler.sh), or false. */
export function popplerSkipReason(): string | false {
  return skipOutsideCi(existsSync(PDFTOPPM) && existsSync(PDFTOTEXT) ? false : 'poppler-utils missing: run scripts/ensure-poppler.sh');
}

export interface RenderedPage {
  readonly width: number;
  readonly height: number;
  /** Share of pixels darker than light grey (anti-aliased text counts): ink on the page. */
  readonly inkShare: number;
}

/**
 * Renders every page of a PDF to an image with poppler's pdftoppm (grey, PGM, so the test reads the pixels
 * without an image library) and measures each: a PDF that renders blank, or not at all, fails here.
 */
export async function renderPdfPages(
  pdfPath: string,
  outDir: string,
  options: { readonly dpi?: number; readonly firstPageOnly?: boolean } = {},
): Promise<RenderedPage[]> {
  const range = options.firstPageOnly ? ['-f', '1', '-l', '1'] : [];
  await run(PDFTOPPM, ['-gray', '-r', String(options.dpi ?? 40), ...range, pdfPath, join(outDir, 'page')]);
  const files = (await readdir(outDir)).filter((f) => /^page-\d+\.pgm$/.test(f)).sort();
  const pages: RenderedPage[] = [];
  for (const file of files) pages.push(measurePgm(await readFile(join(outDir, file))));
  return pages;
}

/** The PDF's text as pdftotext reads it (UTF-8), with every run of white space made one space. */
export async function pdfText(pdfPath: string): Promise<string> {
  const { stdout } = await run(PDFTOTEXT, ['-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.replace(/\s+/g, ' ').trim();
}

function measurePgm(bytes: Buffer): RenderedPage {
  // Binary PGM (P5): "P5", width, height, maxval (255 from pdftoppm), each separated by white space, then a byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = bytes.subarray(header[0].length);
  if (pixels.length < width * height) throw new Error('the PGM is truncated');
  let dark = 0;
  for (let i = 0; i < width * height; i++) if (pixels[i]! < 192) dark += 1;
  return { width, height, inkShare: dark / (width * height) };
}
