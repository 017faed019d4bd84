import { after, before, describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

import { pdfText, popplerSkipReason, renderPdfPages } from '../../../test/support/pdf.js';
import { LOCALES, type Locale } from '../../platform/locale.js';
import { paginate, type PdfFonts } from '../action-plan/plan-pdf.js';
import { SEED_BREACHES } from '../catalogue/seed-breaches.js';
import { validateIncidentDraft, type IncidentDocument, type IncidentDraftInput } from './model/incident.js';
import {
  buildAuthorityNotification,
  NOTIFICATION_SECTIONS,
  type AuthorityNotification,
  type NotificationOptions,
  type NotifyingOrganisation,
} from './model/notification.js';
import { NOTIFICATION_FIELD_PATHS, NOTIFICATION_MEMBER_KEYS, NOTIFICATION_PDF_MESSAGES } from './notification-pdf-messages.js';
import { layoutNotification, notificationPathLabel, renderNotificationPdf } from './notification-pdf.js';

/**
 * The Viamedis breach (catalogue seed) on the processor's desk, notified to the CNIL and then completed.
 * The public facts come from the seed; contacts, times and the follow-up's answers are invented test data.
 */
const seed = SEED_BREACHES.find((b) => b.slug === 'viamedis');
if (!seed) assert.fail('no viamedis seed');

const ORGANISATION: NotifyingOrganisation = {
  name: 'Viamedis',
  country: 'FR',
  identifier: { type: 'company-id', value: '123456789' },
  sector: 'private',
  size: 'sme',
  contactDetails: { postalAddress: '1 rue de l’Exemple, 75001 Paris', email: 'contact@viamedis.example' },
  dpo: { name: 'Délégué Exemple', email: 'dpo@viamedis.example' },
};

const count = (c: (typeof seed)['peopleAffected']) => ({
  precision: c.precision,
  ...(c.count === undefined ? {} : { count: c.count }),
  ...(c.atLeast === undefined ? {} : { atLeast: c.atLeast }),
});

const INITIAL: IncidentDraftInput = {
  title: seed.title,
  reference: 'INC-2024-001',
  notification: { type: 'initial' },
  authority: { code: 'fr-cnil' },
  timeline: {
    ...(seed.dates.occurredFrom ? { occurredFrom: seed.dates.occurredFrom } : {}),
    ...(seed.dates.occurredTo ? { occurredTo: seed.dates.occurredTo } : {}),
    awarenessAt: '2024-01-29T18:00:00+01:00',
    discoveredBy: { by: 'internal' },
  },
  nature: { types: [...seed.nature] },
  incidentNature: { kinds: ['hacking-malware'] },
  cause: { actor: seed.cause.actor, vector: seed.cause.vector },
  description: 'Accès frauduleux au portail des professionnels de santé ; procès-verbal reçu, façon de faire établie.',
  dataSubjects: {
    categories: ['customers', 'other'],
    description: 'Bénéficiaires de complémentaires santé et professionnels de santé.',
    byCountry: [{ country: 'FR', people: count(seed.peopleAffected) }],
  },
  dataClasses: [...seed.dataClasses],
  records: count(seed.recordsAffected),
  contacts: { contactPoint: { name: 'Cellule de crise', email: 'crise@viamedis.example' } },
  consequences: {
    impacts: ['identity-theft', 'fraud'],
    description: 'Hameçonnage crédible au remboursement de soins.',
    severity: 'severe',
  },
  measures: { taken: 'Plateforme de tiers payant arrêtée.' },
  otherAuthorities: [{ kind: 'prosecutor', name: 'Parquet de Paris' }],
  processorRelation: { role: 'processor', controllersCount: 84 },
};

/** The follow-up: what the initial notification left open, and a revised measure. */
const FOLLOW_UP: IncidentDraftInput = {
  ...INITIAL,
  notification: { type: 'follow-up' },
  authority: { code: 'fr-cnil', caseReference: 'CNIL-2024-0042' },
  contacts: {
    ...INITIAL.contacts,
    reporter: { name: 'Rapporteur Exemple', function: 'dpo', email: 'dpo@viamedis.example' },
  },
  timeline: { ...INITIAL.timeline, containedAt: '2024-01-30T09:00:00+01:00' },
  systems: ['Portail des professionnels de santé'],
  priorMeasures: { kinds: ['policies', 'access-levels'] },
  consequences: { ...INITIAL.consequences, confidentiality: ['disclosed-beyond-purpose'] },
  riskOutcome: { level: 'high', methodology: 'ENISA severity and EDPB factors' },
  measures: { taken: 'Plateforme de tiers payant arrêtée ; mots de passe réinitialisés.', preventive: ['mfa', 'audits'] },
  communication: { status: 'done', at: '2024-02-05', channels: ['email', 'letter'] },
  crossBorder: { processing: false },
};

function documentOf(draft: IncidentDraftInput): IncidentDocument {
  const result = validateIncidentDraft(draft);
  if (!result.ok) assert.fail(JSON.stringify(result.issues));
  return { id: 'incident-viamedis', createdAt: '2024-01-29T18:00:00Z', modifiedAt: '2024-01-29T18:00:00Z', ...result.value };
}

function notify(draft: IncidentDraftInput, options: NotificationOptions): AuthorityNotification {
  const built = buildAuthorityNotification(documentOf(draft), ORGANISATION, options);
  if (!built.ok) assert.fail(JSON.stringify(built.issues));
  return built.notification;
}

const V1 = notify(INITIAL, { version: 1, kind: 'initial', issuedAt: '2024-01-31T12:00:00+01:00' });
const V2 = notify(FOLLOW_UP, { version: 2, kind: 'follow-up', issuedAt: '2024-02-06T10:30:00+01:00', previous: V1 });

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

async function embedFonts(): Promise<PdfFonts> {
  const doc = await PDFDocument.create();
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
}

describe('the notifications under test', () => {
  it('are an incomplete initial notification and a follow-up that changes fields', () => {
    assert.equal(V1.body.notification.subType, 'incomplete');
    assert.ok(V1.missing.length > 0);
    assert.equal(V2.kind, 'follow-up');
    assert.ok(V2.changes.some((c) => c.path === 'riskOutcome.outcome' && c.after === 'high'));
    assert.ok(V2.changes.some((c) => c.path === 'measures.taken'));
  });
});

const popplerSkip = popplerSkipReason();

describe('the notification PDF through poppler', { skip: popplerSkip }, () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'notification-pdf-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: readonly { name: string; notification: AuthorityNotification; locale: Locale; expected: readonly string[] }[] = [
    {
      name: 'initial',
      notification: V1,
      locale: 'fr',
      expected: [
        'Notification initiale, Version 1',
        'Émise le: 2024-01-31 11:00 UTC',
        "Commission nationale de l'informatique et des libertés (CNIL)",
        'Type de violation Confidentialité',
        "Information reçue de l'autre partie le pas encore connu",
        'Accès frauduleux au portail des professionnels de santé ; procès-verbal reçu, façon de faire établie.',
        "Nature de l'incident Piratage ou logiciel malveillant",
        'Nombre de personnes concernées au moins environ 33',
        'Procureur de la République, Parquet de Paris',
        'Nombre de responsables du traitement concernés 84',
        'Reste à compléter',
        '3.5 Mesures en place avant la violation – Mesures en place avant la violation',
        'RGPD, art. 33',
      ],
    },
    {
      name: 'follow-up',
      notification: V2,
      locale: 'en',
      expected: [
        'Follow-up notification, Version 2',
        'Supervisory authority: Commission nationale',
        'case reference CNIL-2024-0042',
        'Previous notification CNIL-2024-0042',
        'Number of data subjects at least approximately 33,000,000',
        'Nature of the incident Hacking or malware',
        'Changes since version 1',
        '4.2 Risk outcome – Outcome of the risk assessment: More information needed -> High risk',
        '4.3–4.4 Measures – Measures taken: Plateforme de tiers payant arrêtée. -> Plateforme de tiers payant arrêtée ; mots de passe',
        'GDPR Art. 33',
      ],
    },
    {
      name: 'follow-up',
      notification: V2,
      locale: 'sv',
      expected: [
        'Komplettering av anmälan, Version 2',
        'Tillsynsmyndighet:',
        'Antal registrerade minst cirka 33',
        'Ändringar sedan version 1',
        '4.2 Riskbedömning – Resultat av riskbedömningen: Mer information behövs -> Hög risk',
        'Åtgärder för att förhindra en liknande incident Flerfaktorsautentisering, Granskningar',
        'Gränsöverskridande behandling Nej',
        'ännu inte känt',
        'GDPR art. 33',
      ],
    },
  ];

  for (const { name, notification, locale, expected } of cases) {
    it(`${name} (${locale}): a first page with ink, and the template's text back exactly`, async () => {
      const messages = NOTIFICATION_PDF_MESSAGES[locale];
      const pdf = await renderNotificationPdf(notification, { locale, organisationName: 'Viamedis SAS' });
      const file = join(dir, `${name}-${locale}.pdf`);
      writeFileSync(file, pdf);

      const images = join(dir, `pages-${name}-${locale}`);
      mkdirSync(images);
      const [first] = await renderPdfPages(file, images, { dpi: 30, firstPageOnly: true });
      assert.ok(first && first.inkShare > 0.02 && first.inkShare < 0.4, `inked pixels on page 1: ${first?.inkShare}`);
      assert.ok(first.height > first.width, 'portrait');

      const text = await pdfText(file);
      assert.ok(text.includes(collapse(messages.title)), `${locale}: title`);
      assert.ok(text.includes('Viamedis SAS'), `${locale}: organisation name`);
      assert.ok(text.includes(notification.incidentId), `${locale}: incident id`);
      let from = 0;
      for (const section of NOTIFICATION_SECTIONS) {
        const heading = `${section.number} ${messages.sections[section.key]}`;
        const at = text.indexOf(heading, from);
        assert.ok(at >= 0, `${locale}: section "${heading}" after the previous one`);
        from = at + heading.length;
      }
      for (const phrase of expected) assert.ok(text.includes(phrase), `${locale}: "${phrase}" in the text`);

      const pages = (await PDFDocument.load(pdf)).getPageCount();
      assert.ok(pages >= 3, `several pages (${pages})`);
      for (let n = 1; n <= pages; n++) assert.match(text, new RegExp(`(^| )${n} ?/ ?${pages}( |$)`), `page number ${n} / ${pages}`);
    });
  }

  it('writes French and Swedish letters exactly (é, è, ç, à, å, ä, ö)', async () => {
    const fr = join(dir, 'accents-fr.pdf');
    writeFileSync(fr, await renderNotificationPdf(V1, { locale: 'fr', organisationName: 'Société Générale de Tiers Payant' }));
    const frText = await pdfText(fr);
    for (const phrase of [
      "Notification d'une violation de données à caractère personnel",
      'Société Générale',
      'procès-verbal reçu, façon',
    ]) {
      assert.ok(frText.includes(phrase), phrase);
    }
    const sv = join(dir, 'accents-sv.pdf');
    writeFileSync(sv, await renderNotificationPdf(V2, { locale: 'sv', organisationName: 'Försäkringsbolaget Väst AB' }));
    const svText = await pdfText(sv);
    for (const phrase of [
      'Anmälan av personuppgiftsincident',
      'Försäkringsbolaget Väst AB',
      'Återstår att komplettera',
      '6.2–6.3 Gränsöverskridande',
    ]) {
      assert.ok(svText.includes(phrase), phrase);
    }
  });
});

describe('the notification PDF bytes', () => {
  it('is byte-identical for the same notification and options, and differs with the locale or the version', async () => {
    const options = { locale: 'sv', organisationName: 'Viamedis' } as const;
    const a = Buffer.from(await renderNotificationPdf(V2, options));
    assert.ok(a.equals(Buffer.from(await renderNotificationPdf(V2, options))));
    assert.ok(!a.equals(Buffer.from(await renderNotificationPdf(V2, { ...options, locale: 'en' }))));
    assert.ok(!a.equals(Buffer.from(await renderNotificationPdf(V1, options))));
  });

  it('sets the metadata: title, language, author, dates from issuedAt', async () => {
    const pdf = await renderNotificationPdf(V1, { locale: 'fr', organisationName: 'Viamedis' });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    assert.equal(doc.getTitle(), NOTIFICATION_PDF_MESSAGES.fr.title);
    assert.equal(doc.catalog.lookup(PDFName.of('Lang'))?.toString(), '(fr)');
    assert.equal(doc.getAuthor(), 'Viamedis');
    assert.equal(doc.getSubject(), 'Notification initiale, incident-viamedis/v1');
    assert.equal(doc.getProducer(), 'breachdesk');
    assert.equal(doc.getCreationDate()?.toISOString(), '2024-01-31T11:00:00.000Z');
    assert.equal(doc.getModificationDate()?.toISOString(), '2024-01-31T11:00:00.000Z');
    const page = doc.getPage(0);
    assert.deepEqual([Math.round(page.getWidth()), Math.round(page.getHeight())], [595, 842], 'A4');
  });
});

describe('layout', () => {
  it('shows every section and field in template order, "not known" for nulls, and never ends a page on a heading', async () => {
    const fonts = await embedFonts();
    for (const locale of LOCALES) {
      for (const notification of [V1, V2]) {
        const lines = layoutNotification(notification, { locale, organisationName: 'Viamedis' }, fonts);
        const m = NOTIFICATION_PDF_MESSAGES[locale];
        const texts = lines.map((l) => l.text);
        for (const section of NOTIFICATION_SECTIONS) {
          const heading = `${section.number} ${m.sections[section.key]}`;
          assert.ok(texts.includes(heading), `${locale}: ${heading}`);
        }
        const labels = new Set(texts);
        const shown = NOTIFICATION_FIELD_PATHS.filter((path) => labels.has(m.fields[path]));
        // Every field but the withdrawal reason (and, in the initial notification, the previous notification).
        assert.equal(shown.length, NOTIFICATION_FIELD_PATHS.length - (notification.version === 1 ? 2 : 1), locale);
        assert.ok(texts.includes(m.values.notKnown), `${locale}: a null shows as not known`);

        const pages = paginate(lines);
        for (const [n, page] of pages.entries()) {
          const last = page.lines[page.lines.length - 1];
          assert.ok(last, `page ${n + 1} is not empty`);
          if (n < pages.length - 1) assert.equal(last.line.keepWithNext, false, `${locale}: page ${n + 1} ends on "${last.line.text}"`);
        }
      }
    }
  });

  it('cuts long changed values, and lays out a withdrawal with its reason and no list of open fields', async () => {
    const fonts = await embedFonts();
    const long = 'x'.repeat(200);
    const changed: AuthorityNotification = { ...V2, changes: [{ path: 'nature.description', before: null, after: long }] };
    const text = layoutNotification(changed, { locale: 'en', organisationName: 'Viamedis' }, fonts)
      .map((l) => l.text)
      .join(' ');
    assert.match(text, /Description of the breach: not known yet -> x{60,69}…$/);

    const withdrawal = notify(
      { ...INITIAL, notification: { type: 'withdrawal', withdrawalReason: 'Déclarée deux fois par erreur.' } },
      { version: 2, kind: 'withdrawal', issuedAt: '2024-02-01T10:00:00Z', previous: V1 },
    );
    const texts = layoutNotification(withdrawal, { locale: 'fr', organisationName: 'Viamedis' }, fonts).map((l) => l.text);
    const m = NOTIFICATION_PDF_MESSAGES.fr;
    assert.ok(texts.includes("Retrait d'une notification, Version 2"));
    assert.ok(texts.includes(m.fields['notification.withdrawalReason']));
    assert.ok(texts.includes('Déclarée deux fois par erreur.'));
    assert.ok(!texts.includes(m.missing.heading));
    assert.ok(texts.includes('Modifications depuis la version 1'));
  });

  it('turns paths into labels: sections, fields, members of a field', () => {
    assert.equal(notificationPathLabel('reporter', 'en'), '2.2 Reporter');
    assert.equal(notificationPathLabel('nature.cause', 'fr'), '3.2 Nature de la violation – Origine');
    assert.equal(notificationPathLabel('dataSubjects.count.precision', 'sv'), '3.3 Registrerade – Antal registrerade, precision');
    assert.equal(notificationPathLabel('contacts.dpo.email', 'en'), '2.3 Contacts – Data protection officer, e-mail');
    assert.equal(notificationPathLabel('elsewhere.field', 'en'), 'elsewhere.field');
  });
});

describe('messages', () => {
  /** Every leaf of a notification body: objects are walked, arrays and scalars are leaves. */
  function leafPaths(value: unknown, path = ''): string[] {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return Object.entries(value).flatMap(([key, member]) => leafPaths(member, path === '' ? key : `${path}.${key}`));
    }
    return [path];
  }

  it('has a label for every body field: each leaf of the body is in a listed field', () => {
    for (const notification of [V1, V2]) {
      for (const leaf of leafPaths(notification.body)) {
        assert.ok(
          NOTIFICATION_FIELD_PATHS.some((field) => leaf === field || leaf.startsWith(`${field}.`)),
          `${leaf} has no field label`,
        );
      }
    }
    for (const field of NOTIFICATION_FIELD_PATHS) {
      const [section] = field.split('.');
      assert.ok(
        NOTIFICATION_SECTIONS.some((s) => s.key === section),
        `${field} is in a section`,
      );
    }
  });

  it('is complete and non-empty in every locale', () => {
    /** Every text of the messages, by its keys (field keys hold dots, so keys stay a list). */
    const texts = (node: unknown, keys: readonly string[] = []): [string, unknown][] =>
      typeof node === 'object' && node !== null
        ? Object.entries(node).flatMap(([key, child]) => texts(child, [...keys, key]))
        : [[JSON.stringify(keys), node]];
    const english = texts(NOTIFICATION_PDF_MESSAGES.en).map(([key]) => key);
    for (const locale of LOCALES) {
      const messages = NOTIFICATION_PDF_MESSAGES[locale];
      const own = texts(messages);
      assert.deepEqual(own.map(([key]) => key).sort(), [...english].sort(), `${locale}: the same keys as English`);
      for (const [key, text] of own) assert.ok(typeof text === 'string' && text.trim() !== '', `${locale}: ${key} is empty`);
      for (const section of NOTIFICATION_SECTIONS) assert.ok(messages.sections[section.key], `${locale}: section ${section.key}`);
      for (const field of NOTIFICATION_FIELD_PATHS) assert.ok(messages.fields[field], `${locale}: field ${field}`);
      for (const member of NOTIFICATION_MEMBER_KEYS) assert.ok(messages.members[member], `${locale}: member ${member}`);
    }
    for (const section of NOTIFICATION_SECTIONS) assert.equal(NOTIFICATION_PDF_MESSAGES.en.sections[section.key], section.title);
  });
});
