import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The browser scripts, bundled on first use with esbuild (ADR 0009) from the same modules the server and
 * CLI run: identifiers, the OPRF client, the index format, the exposure rules and the action plan. Bundling
 * at run time instead of shipping a built file means a page can never run stale canonicalisation code
 * against a fresh index. Works from src/ (tsx, .ts) and from dist/ (compiled .js) alike.
 *
 * - check.js: the look-up page (src/web/client/check-page.ts).
 * - plan-pdf.js: the action plan's PDF writer (pdf-lib, ADR 0010), loaded only when someone asks for the
 *   PDF, so the look-up does not download it. It defines `globalThis.breachdeskPlanPdf`.
 */
export const CLIENT_SCRIPTS = ['check', 'plan-pdf'] as const;
export type ClientScript = (typeof CLIENT_SCRIPTS)[number];

const ENTRIES: Readonly<Record<ClientScript, string>> = { check: 'check-page', 'plan-pdf': 'plan-pdf' };
const bundles = new Map<ClientScript, Promise<string>>();

export function clientScript(name: ClientScript): Promise<string> {
  let bundle = bundles.get(name);
  if (!bundle) {
    bundle = (async () => {
      const ts = fileURLToPath(new URL(`./client/${ENTRIES[name]}.ts`, import.meta.url));
      const js = fileURLToPath(new URL(`./client/${ENTRIES[name]}.js`, import.meta.url));
      const result = await build({
        entryPoints: [existsSync(ts) ? ts : js],
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
      if (!out) throw new Error(`esbuild produced no output for ${name}.js`);
      return out.text;
    })();
    bundles.set(name, bundle);
    bundle.catch(() => bundles.delete(name)); // a failed build is retried on the next request
  }
  return bundle;
}
