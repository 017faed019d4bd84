import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBreachInput, type BreachInput } from './breach.js';
import { SEED_BREACHES } from './seed-breaches.js';

const SOURCE_URLS = new Set([
  'https://topnews.media/?p=156355',
  'https://www.tf1info.fr/sante/video-tf1-cyberattaques-contre-viamedis-et-almerys-le-tiers-payant-a-l-arret-des-patients-contraints-d-avancer-les-frais-les-opticiens-subissent-le-contrecoup-2285794.html',
  'https://connexionfrance.com/news/data-of-more-than-200000-chronopost-clients-in-france-stolen-what-to-do-if-affected/707277',
  'https://rt.com/news/505424-sweden-data-leak-insurance-tech-giants/',
]);

const EXPECTED_SLUGS = ['viamedis', 'almerys', 'chronopost', 'caisse-des-depots-ircantec', 'folksam'];

const parsed: BreachInput[] = SEED_BREACHES.map((seed) => parseBreachInput(seed, `seed ${seed.slug}`));

function bySlug(slug: string): BreachInput {
  const breach = parsed.find((b) => b.slug === slug);
  assert.ok(breach, `seed ${slug} is missing`);
  return breach;
}

describe('SEED_BREACHES', () => {
  it('parses every seed with the breach schema', () => {
    for (const seed of SEED_BREACHES) {
      assert.doesNotThrow(() => parseBreachInput(seed, `seed ${seed.slug}`), seed.slug);
    }
  });

  it('has unique slugs', () => {
    const slugs = parsed.map((b) => b.slug);
    assert.equal(new Set(slugs).size, slugs.length);
  });

  it('contains the five expected breaches', () => {
    const slugs = new Set(parsed.map((b) => b.slug));
    for (const slug of EXPECTED_SLUGS) assert.ok(slugs.has(slug), slug);
  });

  it('only relates breaches that are in the seed', () => {
    const slugs = new Set(parsed.map((b) => b.slug));
    for (const breach of parsed) {
      for (const related of breach.relatedBreaches) assert.ok(slugs.has(related), `${breach.slug} → ${related}`);
    }
  });

  it('relates Viamedis and Almerys both ways', () => {
    assert.ok(bySlug('viamedis').relatedBreaches.includes('almerys'));
    assert.ok(bySlug('almerys').relatedBreaches.includes('viamedis'));
  });

  it('lists what Viamedis said was exposed, and not what it said was not', () => {
    const classes = bySlug('viamedis').dataClasses;
    for (const code of ['fr-nir', 'name', 'date-of-birth', 'health-insurer']) assert.ok(classes.includes(code), code);
    for (const code of ['email-address', 'phone-number', 'postal-address', 'iban', 'payment-card']) {
      assert.ok(!classes.includes(code), code);
    }
  });

  it('names the five companies Folksam disclosed data to', () => {
    const recipients = bySlug('folksam').disclosedTo;
    for (const company of ['Facebook', 'Google', 'Microsoft', 'LinkedIn', 'Adobe']) {
      assert.ok(recipients.includes(company), company);
    }
  });

  it('marks the CDC breach as unspecified data only', () => {
    assert.deepEqual(bySlug('caisse-des-depots-ircantec').dataClasses, ['unspecified-personal-data']);
  });

  it('cites only the four source reports', () => {
    for (const breach of parsed) {
      for (const source of breach.sources) assert.ok(SOURCE_URLS.has(source.url), `${breach.slug}: ${source.url}`);
    }
  });

  it('keeps dates at the precision the reports give', () => {
    assert.equal(bySlug('viamedis').dates.occurredFrom, '2024-01');
    assert.equal(bySlug('chronopost').dates.publicDisclosure, '2025-02-13');
    assert.equal(bySlug('caisse-des-depots-ircantec').dates.occurredFrom, undefined);
    assert.equal(bySlug('folksam').dates.occurredFrom, '2005');
  });
});
