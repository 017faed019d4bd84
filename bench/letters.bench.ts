import { cpus, loadavg } from 'node:os';

import {
  formatPostalAddress,
  letterManifestCsv,
  renderLetterBatch,
  type LetterInput,
  type ManifestLetter,
} from '../src/modules/campaigns/letters/index.js';
import type { BenchResult } from './run.js';

const SIZES = (process.env['BENCH_LETTERS'] ?? '500,1000').split(',').map(Number);
const RUNS = 3;
const TARGET = 100; // letters per second, for batches of 500–1,000

const GIVEN = ['Marie', 'Jean', 'Anna', 'Lars', 'Élodie', 'François', 'Åsa', 'Björn', 'Zofia', 'Chloé'];
const SURNAMES = ['DUPONT', 'MARTIN', 'Andersson', 'Johansson', 'Lefèvre', 'Nyström', 'Wałęsa', 'Öberg', 'Bernard', 'Lindqvist'];
const FR_STREETS = [
  'rue des Lilas',
  'avenue du Maréchal de Lattre de Tassigny',
  'boulevard Voltaire',
  "allée de l'Église",
  'chemin du Moulin',
];
const FR_TOWNS = ['69003 Lyon', '75011 Paris', '13008 Marseille', '42100 Saint-Étienne', '33000 Bordeaux'];
const SE_STREETS = ['Storgatan', 'Drottninggatan', 'Kungsvägen', 'Östra Hamngatan', 'Sveavägen'];
const SE_TOWNS = ['114 55 Stockholm', '211 20 Malmö', '411 06 Göteborg', '753 20 Uppsala', '582 24 Linköping'];

const FR_BODY = [
  'Madame, Monsieur,',
  'Nous vous informons qu’un incident de sécurité survenu le 12 février 2027 a exposé des données personnelles vous concernant : votre nom, votre adresse postale, votre date de naissance et votre numéro d’adhérent.',
  'Les conséquences possibles sont des tentatives d’hameçonnage ou d’usurpation d’identité utilisant ces informations. Aucune donnée bancaire n’a été exposée.',
  'Nous avons fermé l’accès utilisé, renforcé l’authentification de nos outils et déposé plainte. La CNIL a été notifiée le 14 février 2027.',
  'Nous vous conseillons de vous méfier de tout message qui se réclamerait de nous et vous demanderait des informations, et de ne jamais communiquer vos codes.',
  'Pour toute question, notre délégué à la protection des données est joignable à dpo@mutuelle.example ou au 01 23 45 67 89, du lundi au vendredi.',
  'Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
];
const SE_BODY = [
  'Hej,',
  'Vi vill informera dig om att en säkerhetsincident den 12 februari 2027 har exponerat personuppgifter om dig: ditt namn, din postadress, ditt födelsedatum och ditt kundnummer.',
  'Möjliga följder är nätfiske eller identitetsstöld med hjälp av uppgifterna. Inga bankuppgifter har exponerats.',
  'Vi har stängt den åtkomst som användes, skärpt inloggningen till våra system och polisanmält händelsen. IMY underrättades den 14 februari 2027.',
  'Var misstänksam mot meddelanden som påstår sig komma från oss och ber om uppgifter, och lämna aldrig ut dina koder.',
  'Har du frågor når du vårt dataskyddsombud på dso@forsakring.example eller 08-123 456 78, vardagar.',
  'Med vänliga hälsningar',
];

interface Person {
  readonly letter: LetterInput;
  readonly manifest: ManifestLetter;
}

/** n letters: 6 in 10 to France, 3 to Sweden, 1 abroad; 1 in 4 long enough for a second page. */
function people(n: number): { people: Person[]; addressesPerSecond: number } {
  const out: Person[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const name = [SURNAMES[i % SURNAMES.length]!, GIVEN[(i * 7) % GIVEN.length]!];
    const kind = i % 10 < 6 ? 'FR' : i % 10 < 9 ? 'SE' : 'DE';
    const raw =
      kind === 'FR'
        ? [`${(i % 180) + 1} ${FR_STREETS[i % FR_STREETS.length]!}, ${FR_TOWNS[i % FR_TOWNS.length]!}`]
        : kind === 'SE'
          ? [`${SE_STREETS[i % SE_STREETS.length]!} ${(i % 90) + 1}`, SE_TOWNS[i % SE_TOWNS.length]!]
          : ['Goethestr. 13', '22767 Hamburg'];
    const address = formatPostalAddress({ name, address: raw }, { country: kind, senderCountry: 'FR' });
    if (!address.ok) throw new Error(`synthetic address ${i}: ${address.reason}`);
    const swedish = kind === 'SE';
    const body = swedish ? SE_BODY : FR_BODY;
    const long = i % 4 === 0;
    const paragraphs = long ? [...body.slice(0, -1), ...body.slice(1, -1), ...body.slice(1)] : body;
    const messageId = `01JP${String(i).padStart(8, '0')}`;
    out.push({
      letter: {
        messageId,
        locale: swedish ? 'sv' : 'fr',
        recipient: { lines: address.address.lines },
        sender: { name: 'Mutuelle Exemple', lines: ['Délégué à la protection des données', '1 place Bellecour', '69002 Lyon'] },
        place: 'Lyon',
        date: '2027-03-01',
        subject: swedish ? 'Personuppgiftsincident som rör dig' : 'Violation de données personnelles vous concernant',
        paragraphs,
        signature: ['Jean Martin', swedish ? 'Dataskyddsombud' : 'Délégué à la protection des données'],
      },
      manifest: { messageId, address: address.address, postageClass: 'priority' },
    });
  }
  return { people: out, addressesPerSecond: n / ((performance.now() - started) / 1000) };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * Campaign letters: one print-ready PDF per batch (renderLetterBatch), the French DL window envelope, letters
 * mixed as a French controller's campaign would be (France, Sweden, abroad; a quarter on two pages). Each size runs
 * three times after a warm-up batch; the median is reported. Wall time is what a worker waits; CPU time (user +
 * system, all threads, so the garbage collector's too) is less sensitive to other processes on a shared machine.
 */
export async function lettersBenchmark(): Promise<BenchResult> {
  const load = loadavg()[0]!;
  const warm = people(50).people.map((p) => p.letter);
  await renderLetterBatch(warm, { envelope: 'fr-dl-window-right', generatedOn: '2027-03-01' });
  const rssBefore = process.memoryUsage().rss;

  const rows: string[][] = [
    [
      'letters',
      'letter pages',
      'PDF pages (blanks included)',
      'PDF size',
      'wall time',
      'letters/s (wall)',
      'CPU time',
      'letters/s (CPU)',
      'peak RSS',
      'manifest',
    ],
  ];
  const notes: string[] = [];
  for (const size of SIZES) {
    const { people: batch, addressesPerSecond } = people(size);
    const letters = batch.map((p) => p.letter);
    const walls: number[] = [];
    const cpus: number[] = [];
    let pages = 0;
    let letterPages = 0;
    let bytes = 0;
    let manifestMs = 0;
    for (let run = 0; run < RUNS; run++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const result = await renderLetterBatch(letters, { envelope: 'fr-dl-window-right', generatedOn: '2027-03-01' });
      walls.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
      if (result.rejected.length > 0) throw new Error(`${result.rejected.length} letters rejected`);
      pages = result.pageTotal;
      letterPages = result.pages.reduce((sum, p) => sum + p.pageCount, 0);
      bytes = result.pdf.length;
      const m = performance.now();
      letterManifestCsv(
        result.pages,
        batch.map((p) => p.manifest),
        { batchFile: 'bench.pdf' },
      );
      manifestMs = performance.now() - m;
    }
    const wall = median(walls);
    const cpu = median(cpus);
    rows.push([
      fmt(size),
      fmt(letterPages),
      fmt(pages),
      `${(bytes / 2 ** 20).toFixed(1)} MiB`,
      `${(wall / 1000).toFixed(2)} s`,
      fmt(size / (wall / 1000)),
      `${(cpu / 1000).toFixed(2)} s`,
      fmt(size / (cpu / 1000)),
      mib(process.resourceUsage().maxRSS * 1024),
      `${manifestMs.toFixed(1)} ms`,
    ]);
    notes.push(
      `${fmt(size)} letters: wall times ${walls.map((w) => `${(w / 1000).toFixed(2)} s`).join(', ')}; addresses formatted at ${fmt(addressesPerSecond)}/s (formatPostalAddress, first call included).`,
    );
  }
  notes.push(
    `Target: at least ${TARGET} letters/s for batches of 500–1,000 (fonts embedded once per batch).`,
    `Peak RSS is the process's high-water mark (getrusage maxrss) after each size, tsx and the test data included; RSS was ${mib(rssBefore)} after the warm-up batch.`,
    `The machine is shared: 1-minute load average ${load.toFixed(2)} on ${cpus().length} cores when the run started.`,
  );
  return { title: 'Campaign letters: batch PDF for a print-and-mail house', table: rows, notes };
}
