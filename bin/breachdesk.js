#!/usr/bin/env node
// Entry point of the `breachdesk` command: runs the compiled CLI (built by `npm install`/`npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/main/cli.js', import.meta.url));
if (!existsSync(compiled)) {
  process.stderr.write('breachdesk is not built yet: run "npm run build" in the project folder first.\n');
  process.exit(1);
}
const { runCli } = await import(compiled);
process.exitCode = await runCli(process.argv.slice(2));
