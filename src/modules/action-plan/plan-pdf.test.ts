import { after, before, describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

import { pdfText, popplerSkipReason, renderPdfPages } from '../../../test/support/pdf.js';
import type { Locale } from '../../platform/locale.js';
import { SEED_BREACHES } from '../catalogue/seed-breaches.js';
import { assessExposure, type ExposureInput } from '../exposure/exposure.js';
import { SCENARIOS } from '../exposure/scenarios.js';
import { buildActionPlan, type PlanCountry } from './action-plan.js';
import { layoutPlan, paginate, renderPlanPdf, safeText, wrapText, type PdfFonts } from './plan-pdf.js';
import { renderPlanView, type PlanView } from './plan-view.js';

const TITLES: Readonly<Record<string, string>> = Object.fromEntries(SEED_BREACHES.map((b) => [b.slug, b.title]));
const SEEDS: readonly ExposureInput[] = SEED_BREACHES.map((b) => ({ slug: b.slug, classes: b.dataClasses }));
/** Every seed plus every scenario's classes: a plan with all sixteen steps, several pages long. */
const EVERYTHING: readonly ExposureInput[] = [
  ...SEEDS.filter((s) => s.slug !== 'viamedis'),
  ...SCENARIOS.map((rule) => ({ slug: `breach-${rule.id}`, classes: rule.requires.flat() })),
];
const GENERATED_ON = '2026-11-28';

function viewOf(matches: readonly ExposureInput[], locale: Locale, country: PlanCountry): PlanView {
  const exposure = assessExposure(matches);
  return renderPlanView(buildActionPlan(exposure, { country }), exposure, { locale, breachTitles: TITLES });
}

async function embedFonts(): Promise<PdfFonts> {
  const doc = await PDFDocument.create();
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

const popplerSkip = popplerSkipReason();

describe('the plan PDF through poppler', { skip: popplerSkip }, () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-pdf-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: readonly { locale: Locale; country: PlanCountry; expected: readonly string[] }[] = [
    {
      locale: 'en',
      country: 'other',
      expected: ['Your action plan after a data breach', 'Do it now', 'Advice if you live outside France and Sweden', 'Made on 2026-11-28'],
    },
    {
      locale: 'fr',
      country: 'FR',
      expected: [
        'Votre plan d’action après une fuite de données',
        'À faire tout de suite',
        'Méfiez-vous des faux remboursements de soins',
        'Activez la double authentification (un code reçu par application ou par SMS)',
        'Prélèvement non autorisé : sans tarder, et au plus tard dans les 13 mois suivant la date du débit',
        'Établi le 2026-11-28',
        // French typography: a space before the colon.
        'Date de naissance : Almerys',
      ],
    },
    {
      locale: 'sv',
      country: 'SE',
      expected: [
        'Din handlingsplan efter en dataläcka',
        'Råd för dig som bor i Sverige',
        'Spärra ditt bankkort och gå igenom dina betalningar',
        'Lägg in en bedrägerispärr hos ett kreditupplysningsföretag, till exempel UC.',
        'Polisanmäl varje händelse (varje lån, beställning eller konto i ditt namn) på polisen.se eller på telefon 114 14.',
        'Födelsedatum: Almerys third-party payment breach',
      ],
    },
  ];

  for (const { locale, country, expected } of cases) {
    it(`${locale} (${country}): renders a first page that is not blank, and its text comes back exactly`, async () => {
      const view = viewOf(EVERYTHING, locale, country);
      const pdf = await renderPlanPdf(view, { generatedOn: GENERATED_ON, ticked: new Set(['secure-accounts']) });
      const file = join(dir, `plan-${locale}.pdf`);
      writeFileSync(file, pdf);

      const images = join(dir, `pages-${locale}`);
      mkdirSync(images);
      const [first] = await renderPdfPages(file, images, { dpi: 30, firstPageOnly: true });
      // At 30 dpi text is anti-aliased grey: a text page has some ink, a blank one none, a broken one too much.
      assert.ok(first && first.inkShare > 0.03 && first.inkShare < 0.4, `inked pixels on page 1: ${first?.inkShare}`);
      assert.ok(first.height > first.width, 'portrait');

      const text = await pdfText(file);
      for (const phrase of expected) assert.ok(text.includes(phrase), `${locale}: "${phrase}" in the text`);
      for (const step of view.steps) assert.ok(text.includes(collapse(step.title)), `${locale}: title of ${step.id}`);
      assert.ok(text.includes(collapse(view.disclaimer)), 'disclaimer');

      const pages = (await PDFDocument.load(pdf)).getPageCount();
      assert.ok(pages >= 3, `several pages (${pages})`);
      // pdftotext drops the thin spaces around the slash of the drawn "n / N".
      for (let n = 1; n <= pages; n++) assert.match(text, new RegExp(`(^| )${n} ?/ ?${pages}( |$)`), `page number ${n} / ${pages}`);
    });
  }

  it('replaces characters outside WinAnsi instead of throwing', async () => {
    const view = viewOf(SEEDS, 'en', 'FR');
    const odd: PlanView = { ...view, title: 'Plan ≥ ✓ 中 Łódź ő', intro: 'Risk ≥ 4 → act\u202fnow' };
    const file = join(dir, 'odd.pdf');
    writeFileSync(file, await renderPlanPdf(odd, { generatedOn: GENERATED_ON }));
    const text = await pdfText(file);
    assert.ok(text.includes('Plan >= ? ? ?ódz o'), text.slice(0, 200));
    assert.ok(text.includes('Risk >= 4 -> act'), text.slice(0, 400));
  });
});

describe('the plan PDF bytes', () => {
  it('is byte-identical for the same view and date, and differs with the date or the ticks', async () => {
    const view = viewOf(EVERYTHING, 'sv', 'SE');
    const a = await renderPlanPdf(view, { generatedOn: GENERATED_ON });
    const b = await renderPlanPdf(view, { generatedOn: GENERATED_ON });
    assert.ok(Buffer.from(a).equals(Buffer.from(b)));
    assert.ok(!Buffer.from(a).equals(Buffer.from(await renderPlanPdf(view, { generatedOn: '2026-11-29' }))));
    assert.ok(
      !Buffer.from(a).equals(Buffer.from(await renderPlanPdf(view, { generatedOn: GENERATED_ON, ticked: new Set(['guard-identity']) }))),
    );
  });

  it('sets the metadata: title, language, dates from generatedOn, producer; no author', async () => {
    const view = viewOf(SEEDS, 'fr', 'FR');
    const doc = await PDFDocument.load(await renderPlanPdf(view, { generatedOn: GENERATED_ON }), { updateMetadata: false });
    assert.equal(doc.getTitle(), view.title);
    assert.equal(doc.getProducer(), 'breachdesk');
    assert.equal(doc.getCreator(), 'breachdesk');
    assert.equal(doc.getAuthor(), undefined);
    assert.equal(doc.getCreationDate()?.toISOString(), '2026-11-28T00:00:00.000Z');
    assert.equal(doc.getModificationDate()?.toISOString(), '2026-11-28T00:00:00.000Z');
    assert.equal(doc.catalog.lookup(PDFName.of('Lang'))?.toString(), '(fr)');
    const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    assert.deepEqual([Math.round(width), Math.round(height)], [595, 842], 'A4');
  });

  it('refuses a generatedOn that is not a calendar day', async () => {
    const view = viewOf([], 'en', 'other');
    for (const day of ['2026-02-30', '28/11/2026', '2026-11-28T10:00:00Z', '']) {
      await assert.rejects(renderPlanPdf(view, { generatedOn: day }), RangeError, day);
    }
  });
});

describe('layout', () => {
  it('never ends a page on a heading: urgency and step titles stay with their first line', async () => {
    const fonts = await embedFonts();
    const people = [EVERYTHING, SEEDS, ...SEEDS.map((s) => [s]), EVERYTHING.slice(3), EVERYTHING.slice(7)];
    let pagesSeen = 0;
    for (const matches of people) {
      for (const [locale, country] of [
        ['en', 'other'],
        ['fr', 'FR'],
        ['sv', 'SE'],
      ] as const) {
        const pages = paginate(layoutPlan(viewOf(matches, locale, country), { generatedOn: GENERATED_ON }, fonts));
        pagesSeen += pages.length;
        for (const [n, page] of pages.entries()) {
          const last = page.lines[page.lines.length - 1];
          assert.ok(last, `page ${n + 1} is not empty`);
          if (n < pages.length - 1) assert.equal(last.line.keepWithNext, false, `${locale}: page ${n + 1} ends on "${last.line.text}"`);
          for (const { y } of page.lines) assert.ok(y >= 60 && y <= 842 - 56, `y ${y} inside the margins`);
        }
      }
    }
    assert.ok(pagesSeen > 30, `exercised many page breaks (${pagesSeen} pages)`);
  });

  it('draws one checkbox per step, ticked as asked', async () => {
    const fonts = await embedFonts();
    const view = viewOf(EVERYTHING, 'en', 'FR');
    const lines = layoutPlan(view, { generatedOn: GENERATED_ON, ticked: new Set(['secure-accounts', 'report-scams']) }, fonts);
    const boxes = lines.filter((l) => l.checkbox);
    assert.deepEqual(
      boxes.map((l) => l.stepId),
      view.steps.map((s) => s.id),
    );
    assert.deepEqual(
      boxes.filter((l) => l.checkbox?.ticked).map((l) => l.stepId),
      ['secure-accounts', 'report-scams'],
    );
  });

  it('wraps by measured width, cuts a long URL, and keeps French punctuation with its word', async () => {
    const { regular } = await embedFonts();
    const width = 200;
    const url = 'https://www.banque-france.fr/fr/a-votre-service/particuliers/mieux-connaitre-moyens-paiement/prelevement-sepa';
    const lines = wrapText(`Source : ${url} et « Free Mobile » ; voilà !`, regular, 10, width);
    for (const line of lines) assert.ok(regular.widthOfTextAtSize(line, 10) <= width, line);
    assert.equal(lines.join('').replace(/ /g, ''), `Source:${url}et«FreeMobile»;voilà!`);
    for (const line of lines) assert.doesNotMatch(line, /^[:;!?»]|«$/, line);
    assert.deepEqual(wrapText('', regular, 10, width), ['']);
  });

  it('maps text to what the font can encode', async () => {
    const { regular } = await embedFonts();
    assert.equal(safeText('≥ ✓ 中', regular), '>= ? ?');
    assert.equal(safeText('Spärra, été, ça, Œuvre, 2 500 €, “quoted” – ok…', regular), 'Spärra, été, ça, Œuvre, 2 500 €, “quoted” – ok…');
    assert.equal(safeText('line\nbreak\u202f:\u200b', regular), 'line break\u00a0:');
    assert.equal(safeText('e\u0301', regular), 'é', 'composed first');
    assert.doesNotThrow(() => regular.encodeText(safeText('≥ ✓ 中 𝔘 🙂 ő', regular)));
  });
});
