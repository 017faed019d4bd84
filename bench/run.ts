// Benchmarks (npm run bench [-- name ...]). Results are appended to docs/benchmarks.md with the machine and
// the command, so every figure says where it was measured. Benchmarks never run in CI or in npm test.
import { cpus, freemem, totalmem } from 'node:os';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { campaignBenchmark } from './campaign.bench.js';
import { catalogueBenchmark } from './catalogue.bench.js';
import { ingestBenchmark } from './ingest.bench.js';
import { leakDetectBenchmark } from './leak-detect.bench.js';
import { lettersBenchmark } from './letters.bench.js';
import { lookupBenchmark } from './lookup.bench.js';

export interface BenchResult {
  readonly title: string;
  /** Markdown table rows, header first. */
  readonly table: string[][];
  readonly notes: string[];
}

const benches: Record<string, () => Promise<BenchResult>> = {
  campaign: campaignBenchmark,
  catalogue: catalogueBenchmark,
  ingest: ingestBenchmark,
  'leak-detect': leakDetectBenchmark,
  letters: lettersBenchmark,
  lookup: lookupBenchmark,
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(benches);
const target = new URL('../docs/benchmarks.md', import.meta.url);
if (!existsSync(target)) {
  writeFileSync(
    target,
    '# Benchmarks\n\nProduced by `npm run bench`; newest runs at the end. Figures are from one machine each; compare ratios within a run, not absolute numbers across machines.\n',
  );
}
const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node ${process.version}, ${process.platform}/${process.arch}`;
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`running ${name}…`);
  const result = await bench();
  const [header, ...rows] = result.table;
  const md = [
    '',
    `## ${result.title} — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${machine}. Command: \`npm run bench -- ${name}\`.`,
    '',
    `| ${header!.join(' | ')} |`,
    `|${header!.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...result.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  appendFileSync(target, md);
  console.log(md);
}
