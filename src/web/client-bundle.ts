import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The browser script of the look-up page, bundled on first use with esbuild (ADR 0009) from the same
 * modules the server and CLI run: identifiers, the OPRF client, the index format. Bundling at run time
 * instead of shipping a built file means the page can never run stale canonicalisation code against a
 * fresh index. Works from src/ (tsx, .ts) and from dist/ (compiled .js) alike.
 */
let bundle: Promise<string> | undefined;

export function checkPageScript(): Promise<string> {
  bundle ??= (async () => {
    const ts = fileURLToPath(new URL('./client/check-page.ts', import.meta.url));
    const js = fileURLToPath(new URL('./client/check-page.js', import.meta.url));
    const entry = existsSync(ts) ? ts : js;
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: ['es2022'],
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    });
    const out = result.outputFiles[0];
    if (!out) throw new Error('esbuild produced no output for the look-up page');
    return out.text;
  })();
  bundle.catch(() => {
    bundle = undefined; // a failed build is retried on the next request
  });
  return bundle;
}
