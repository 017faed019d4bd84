import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';

import { excerptOf, foldDraft, foldPattern, originalSpan, sentencesOf } from './draft-text.js';

/** The original text behind each folded character, for checking the offset map. */
const origins = (original: string): string[] => {
  const folded = foldDraft(original);
  return [...folded.text].map((_, i) => original.slice(folded.starts[i], folded.ends[i]));
};

describe('folding a draft', () => {
  const table: readonly { name: string; text: string; folded: string }[] = [
    { name: 'empty', text: '', folded: '' },
    { name: 'case and accents', text: 'Délégué À LA Protection', folded: 'delegue a la protection' },
    { name: 'NFD accents', text: 'De\u0301le\u0301gue\u0301', folded: 'delegue' },
    { name: 'Swedish letters', text: 'Dataintrång för Åsa, Örjan', folded: 'dataintrang for asa, orjan' },
    { name: 'ligatures', text: 'Cœur, Æ', folded: 'coeur, ae' },
    { name: 'apostrophes and quotes', text: 'l’accès, l‘x, d`y, « oui », “yes”', folded: 'l\'acces, l\'x, d\'y, " oui ", "yes"' },
    { name: 'dashes and ellipsis', text: 'e–mail — x… fin', folded: 'e-mail - x. fin' },
    { name: 'whitespace runs and non-breaking spaces', text: '  a \t\u00a0b\u202fc  ', folded: 'a b c' },
    { name: 'a line break inside a phrase', text: 'fuite de\ndonnées', folded: 'fuite de donnees' },
    { name: 'a blank line is a break', text: 'Bonjour\n\nMadame', folded: 'bonjour\nmadame' },
    {
      name: 'a list item is a break',
      text: 'À faire :\n- changez\n* vérifiez\n1. signalez',
      folded: 'a faire :\n- changez\n* verifiez\n1. signalez',
    },
    { name: 'soft hyphen and zero-width space', text: 'sécu\u00adrité\u200b', folded: 'securite' },
    { name: 'entities', text: 'Don&rsquo;t &amp; caf&eacute; &#233;t&#xE9; &nbsp;x &bogus;', folded: "don't & cafe ete x &bogus;" },
    { name: 'inline tags join, block tags break', text: 'un<b>authorised</b> <p>access</p><br>now', folded: 'unauthorised\naccess\nnow' },
    {
      name: 'comments, style and script are skipped',
      text: 'a<!-- fraud --> b<style>.x{}</style> c<script>if (a<b) fraud()</script> d',
      folded: 'a b c d',
    },
    { name: 'angle brackets that are not tags stay', text: 'Jean <dpo@x.fr> a < b > c', folded: 'jean <dpo@x.fr> a < b > c' },
    { name: 'an unclosed tag stays text', text: 'x <p class="y', folded: 'x <p class="y' },
    { name: 'astral characters keep their two code units', text: 'a 🔒 b', folded: 'a 🔒 b' },
  ];
  for (const { name, text, folded } of table) {
    it(name, () => assert.equal(foldDraft(text).text, folded));
  }

  it('maps every folded character back to the original it came from', () => {
    assert.deepEqual(origins('É&eacute;<b>x</b>'), ['É', '&eacute;', 'x']);
    assert.deepEqual(origins('e\u0301t\u00e9'), ['e\u0301', 't', '\u00e9']);
    assert.deepEqual(origins('a\n\n<p>b'), ['a', '\n\n<p>', 'b']);
    assert.deepEqual(origins('œ'), ['œ', 'œ']);
    assert.deepEqual(origins('🔒'), ['🔒']);
  });

  it('gives spans that cover whole original words', () => {
    const text = '<p>Une <em>fuite</em> de donne\u0301es.</p>';
    const folded = foldDraft(text);
    const from = folded.text.indexOf('fuite de donnees');
    const span = originalSpan(folded, from, from + 'fuite de donnees'.length);
    assert.equal(text.slice(span.start, span.end), 'fuite</em> de donne\u0301es');
    assert.equal(excerptOf(text, span), 'fuite de données');
  });

  it('folds rule patterns like drafts, leaving regular-expression escapes alone', () => {
    assert.equal(foldPattern('délégué d’\\p{L}+ (?:à|a)'), "delegue d'\\p{L}+ (?:a|a)");
  });
});

describe('excerpts', () => {
  it('shortens long spans at a word boundary', () => {
    const text = 'mot '.repeat(50);
    const excerpt = excerptOf(text, { start: 0, end: text.length });
    assert.ok(excerpt.length <= 80 && excerpt.endsWith('…'), excerpt);
    assert.ok(!excerpt.includes('mo…'), excerpt);
  });
});

describe('sentences', () => {
  const table: readonly { text: string; words: readonly number[] }[] = [
    { text: '', words: [] },
    { text: 'Bonjour. Vos données ont fuité ! Pourquoi ?', words: [1, 4, 1] },
    { text: "Voir l'art. 34 du RGPD. Merci.", words: [5, 1] },
    { text: 'Se t.ex. IMY:s webbplats. Tack.', words: [4, 1] },
    { text: 'M. Dupont a écrit. J. Doe too.', words: [4, 3] },
    { text: 'Objet : fuite\n\nMadame, Monsieur,\n\nNous écrivons', words: [2, 2, 2] },
    { text: 'Mail dpo@exemple.fr now. Version 1.2 is out.', words: [3, 4] },
    { text: '1. Changez votre mot de passe.\n2. Vérifiez vos comptes.', words: [6, 4] },
    { text: 'Ends without a stop', words: [4] },
  ];
  for (const { text, words } of table) {
    it(`${JSON.stringify(text)} → ${words.join(', ') || 'none'}`, () => {
      assert.deepEqual(
        sentencesOf(foldDraft(text).text).map((s) => s.words),
        words,
      );
    });
  }
});
