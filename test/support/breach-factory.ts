import type { BreachSeed } from '../../src/modules/catalogue/seed-breaches.js';

/** A complete, valid breach input; override any field. Deep fields are replaced, not merged. */
export function validBreach(overrides: Record<string, unknown> = {}): BreachSeed {
  const base: BreachSeed = {
    slug: 'example-insurer',
    title: 'Example insurer customer breach',
    organisation: { name: 'Example Assurances', role: 'controller', domain: 'example.fr' },
    country: 'FR',
    sector: 'insurance',
    dates: { occurredFrom: '2025-03', publicDisclosure: '2025-04-02' },
    peopleAffected: { precision: 'approximate', count: 120000 },
    recordsAffected: { precision: 'unknown' },
    dataClasses: ['name', 'email-address', 'phone-number'],
    nature: ['confidentiality'],
    cause: { actor: 'external-malicious', vector: 'phishing' },
    authority: { code: 'fr-cnil', caseReference: null },
    sources: [{ url: 'https://example.org/news/1', title: 'Insurer reports breach', published: '2025-04-02', language: 'en' }],
    flags: { verified: true },
    description: {
      en: 'An attacker reached the customer database.',
      fr: 'Un attaquant a accédé à la base clients.',
      sv: 'En angripare kom åt kunddatabasen.',
    },
  };
  // Overrides may be deliberately invalid: tests feed them to the validator.
  return { ...base, ...overrides };
}
