import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';

import { LOCALES } from '../../../platform/locale.js';
import { REASON_CODES, REASON_RULES, reasonLine, RISK_MESSAGES, type ReasonParams } from './index.js';

/** A value for every placeholder, to render each text whole. */
const SAMPLE: Required<ReasonParams> = {
  classes: ['fr-nir', 'name'],
  category: 'financial',
  base: 3,
  score: 3.25,
  level: 'very-high',
  types: ['confidentiality', 'availability'],
  ei: 'significant',
  consequences: 'moderate',
  count: 33_000_000,
};

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('reason codes', () => {
  it('have one rule and one text per language each, and nothing else', () => {
    assert.deepEqual(Object.keys(REASON_RULES).sort(), [...REASON_CODES].sort());
    for (const locale of LOCALES) assert.deepEqual(Object.keys(RISK_MESSAGES[locale].reasons).sort(), [...REASON_CODES].sort(), locale);
    assert.equal(new Set(REASON_CODES).size, REASON_CODES.length);
  });

  it('cite what they rest on and a section of the reference', () => {
    for (const code of REASON_CODES) {
      const rule = REASON_RULES[code];
      assert.ok(rule.basis.length > 0, code);
      for (const b of rule.basis) assert.match(b, /GDPR (Art\.|Recital)|EDPB|ENISA|CNIL/, code);
      assert.match(rule.reference, /^§\d/, code);
    }
  });

  for (const code of REASON_CODES) {
    it(`${code}: text in en, fr and sv, placeholders declared and all filled`, () => {
      for (const locale of LOCALES) {
        const template = RISK_MESSAGES[locale].reasons[code];
        assert.ok(template.trim().length > 20, `${locale} text`);
        assert.deepEqual(placeholders(template), [...REASON_RULES[code].params].sort(), `${locale} placeholders`);
      }
      const line = reasonLine(code, SAMPLE);
      for (const locale of LOCALES) {
        const text = line.text[locale];
        assert.ok(text.trim() !== '', locale);
        assert.doesNotMatch(text, /[{}]|undefined|NaN|\[object/, `${locale}: ${text}`);
      }
    });
  }

  it('refuse to render with a placeholder missing', () => {
    assert.throws(() => reasonLine('enisa-severity', { score: 2 }), /needs the parameter level/);
  });

  it('render numbers, lists and labels in each language', () => {
    const line = reasonLine('dpc-base-highest-category', { classes: ['fr-nir', 'name'], category: 'simple', base: 1 });
    assert.equal(
      line.text.en,
      'Proposed DPC base: 1 (simple data), from “French social security number (NIR)” and “Name”. When the breached data fall in several ENISA categories, the highest is kept.',
    );
    assert.match(line.text.fr, /d'après «\u00a0Numéro de sécurité sociale \(NIR\)\u00a0» et «\u00a0Nom et prénom\u00a0»\./);
    assert.match(line.text.sv, /utifrån ”Franskt socialförsäkringsnummer \(NIR\)” och ”Namn”\./);
    assert.match(reasonLine('edpb-number-of-individuals', { count: 1_000_000 }).text.fr, /: 1\s000\s000\./);
  });
});

describe('labels and disclaimer', () => {
  it('are complete and non-empty in every language', () => {
    for (const locale of LOCALES) {
      const m = RISK_MESSAGES[locale];
      for (const group of [m.levels, m.categories, m.eiLevels, m.breachTypes, m.consequences, m.grammar]) {
        for (const [key, text] of Object.entries(group)) assert.ok(text.trim() !== '', `${locale} ${key}`);
      }
      assert.ok(m.disclaimer.length > 100, locale);
      assert.doesNotMatch(m.disclaimer, /[{}]/, locale);
    }
    assert.deepEqual(Object.keys(RISK_MESSAGES).sort(), [...LOCALES].sort());
  });
});
