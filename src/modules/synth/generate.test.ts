import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { AppError } from '../../platform/errors.js';
import {
  generateSynthRows,
  SYNTH_DEFECTS,
  SYNTH_PROFILES,
  synthColumns,
  synthDefectKinds,
  type SynthOptions,
  type SynthProfile,
  type SynthRow,
} from './index.js';
import { allNameTexts } from './names.js';
import { isWindows1252Encodable } from './windows-1252.js';

// Everything below re-derives the rules independently of the generator (BigInt maths, NFD folding,
// libphonenumber), so a generator bug cannot hide behind a shared helper.

const TODAY = { y: 2026, m: 1, d: 1 };

function rowsOf(options: Partial<SynthOptions> & { profile: SynthProfile; rows: number }): SynthRow[] {
  return [...generateSynthRows({ seed: 'test-seed', ...options })];
}

function record(profile: SynthProfile, values: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(synthColumns(profile).map((c, i) => [c, values[i]]));
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The 13-character canonical NIR when the written value is a valid NIR, else undefined. */
function canonicalNir(written: string): string | undefined {
  const compact = written.replace(/\s+/g, '').toUpperCase();
  const match = /^([12]\d{4}(?:\d{2}|2A|2B)\d{6})(\d{2})$/.exec(compact);
  if (!match) return undefined;
  const body = match[1] as string;
  const n = BigInt(body.replace(/^(.{5})2A/, '$119').replace(/^(.{5})2B/, '$118'));
  return 97n - (n % 97n) === BigInt(match[2] as string) ? body : undefined;
}

/** The 12-digit canonical personnummer when valid (date, including samordningsnummer day + 60, and Luhn). */
function canonicalPersonnummer(written: string): string | undefined {
  let digits: string;
  const long = /^(\d{8})-?(\d{4})$/.exec(written);
  const short = /^(\d{6})([-+])(\d{4})$/.exec(written);
  if (long) digits = (long[1] as string) + (long[2] as string);
  else if (short) {
    const yy = Number((short[1] as string).slice(0, 2));
    let year = 2000 + yy > TODAY.y ? 1900 + yy : 2000 + yy;
    if (short[2] === '+') year -= 100;
    digits = String(year) + (short[1] as string).slice(2) + (short[3] as string);
  } else return undefined;
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  let d = Number(digits.slice(6, 8));
  if (d > 60) d -= 60;
  if (!isRealDate(y, m, d)) return undefined;
  // Standard Luhn over the 10 digits after the century: the sum including the check digit is a multiple of 10.
  let sum = 0;
  for (const [i, ch] of [...digits.slice(2)].entries()) {
    const v = Number(ch) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(v / 10) + (v % 10);
  }
  return sum % 10 === 0 ? digits : undefined;
}

function canonicalPhone(written: string, country: 'FR' | 'SE'): string | undefined {
  const phone = parsePhoneNumberFromString(written, country);
  return phone?.isValid() ? phone.number : undefined;
}

function canonicalEmail(written: string): string | undefined {
  const email = written.trim().toLowerCase();
  return /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(email) ? email : undefined;
}

/** A finer fold than the generator's (it keeps word boundaries), so agreement here is meaningful. */
function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/'/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

const PARTICLES = new Set([
  'd',
  'l',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'van',
  'von',
  'der',
  'af',
  'av',
  'da',
  'dos',
  'das',
  'di',
  'del',
]);

/** The forms a name-matching ingest may use (private look-up): whole, without particles, each of two parts. */
function surnameForms(surname: string): string[] {
  const whole = foldName(surname);
  const words = foldName(surname.replace(/'/g, ' ')).split(' ');
  let start = 0;
  while (start < words.length - 1 && PARTICLES.has(words[start]!)) start++;
  const bare = start === 0 ? whole : words.slice(start).join(' ');
  const parts = bare.split(' ');
  return [...new Set([whole, bare, ...(parts.length === 2 ? parts : [])])];
}

/** First given name (a hyphenated compound is one), its first word, or the first two joined. */
function givenForms(prenoms: string): string[] {
  const names = prenoms.split(/\s+/).map(foldName);
  const first = names[0]!;
  const words = first.split(' ');
  return [first, words.length > 1 ? words[0]! : names[1] ? `${first} ${names[1]}` : first];
}

/**
 * How name + date of birth is matched. 'whole': surname with all the given names. 'variants': every surname form
 * with the first given name's forms, as the private look-up indexes them. The truth must hold under both.
 */
type NameRule = 'whole' | 'variants';

/** Usable identifiers of a row under the documented ingest rules, canonical and tagged by kind. */
function usableIdentifiers(profile: SynthProfile, values: readonly string[], nameRule: NameRule): string[] {
  const r = record(profile, values);
  const ids: (string | undefined)[] = [];
  const tag = (kind: string, v: string | undefined) => (v === undefined ? undefined : `${kind}:${v}`);
  switch (profile) {
    case 'viamedis': {
      ids.push(tag('nir', r.nir ? canonicalNir(r.nir) : undefined));
      ids.push(tag('email', r.email ? canonicalEmail(r.email) : undefined));
      ids.push(tag('phone', r.telephone ? canonicalPhone(r.telephone, 'FR') : undefined));
      const dob = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(r.date_naissance ?? '');
      if (dob && r.prenoms && isRealDate(Number(dob[3]), Number(dob[2]), Number(dob[1]))) {
        const iso = `${dob[3]}-${dob[2]}-${dob[1]}`;
        for (const name of [r.nom_naissance, r.nom_usage]) {
          if (!name) continue;
          if (nameRule === 'whole') ids.push(`name:${foldName(name)}|${foldName(r.prenoms)}|${iso}`);
          else for (const sf of surnameForms(name)) for (const gf of givenForms(r.prenoms)) ids.push(`name:${sf}|${gf}|${iso}`);
        }
      }
      break;
    }
    case 'chronopost':
      ids.push(tag('phone', r.telephone ? canonicalPhone(r.telephone, 'FR') : undefined));
      ids.push(tag('email', r.email ? canonicalEmail(r.email) : undefined));
      break;
    case 'folksam':
      ids.push(tag('pnr', r.personnummer ? canonicalPersonnummer(r.personnummer) : undefined));
      ids.push(tag('email', r.email ? canonicalEmail(r.email) : undefined));
      ids.push(tag('phone', r.telefon ? canonicalPhone(r.telefon, 'SE') : undefined));
      break;
  }
  return ids.filter((id): id is string => id !== undefined);
}

/**
 * Recomputes every row's outcome with an exact Set. `seenFromRejected` also counts identifiers of
 * rejected rows as seen; the generator's rows must come out the same under both readings.
 */
function recompute(profile: SynthProfile, rows: readonly SynthRow[], seenFromRejected: boolean, nameRule: NameRule): string[] {
  const width = synthColumns(profile).length;
  const seen = new Set<string>();
  return rows.map((row) => {
    const short = row.values.length < width;
    const ids = usableIdentifiers(profile, [...row.values, ...Array<string>(width - row.values.length).fill('')], nameRule);
    const outcome = short || ids.length === 0 ? 'rejected' : ids.every((id) => seen.has(id)) ? 'duplicate' : 'accepted';
    if (outcome !== 'rejected' || seenFromRejected) for (const id of ids) seen.add(id);
    return outcome;
  });
}

const share = (n: number, of: number) => n / of;

describe('synth: generateSynthRows', () => {
  it('is deterministic: same options give the same rows, another seed other rows', () => {
    for (const profile of SYNTH_PROFILES) {
      const a = rowsOf({ profile, rows: 300, defectRate: 0.2 });
      const b = rowsOf({ profile, rows: 300, defectRate: 0.2 });
      const c = rowsOf({ profile, rows: 300, defectRate: 0.2, seed: 'other-seed' });
      assert.deepEqual(a, b, profile);
      assert.notDeepEqual(a, c, profile);
    }
  });

  it('does not depend on the machine: a fixed fingerprint of the output', () => {
    // If this changes, generated files change for everyone who relies on a seed: make it a deliberate choice.
    const hash = createHash('sha256');
    for (const profile of SYNTH_PROFILES) {
      for (const row of generateSynthRows({ profile, rows: 500, seed: 'fingerprint', defectRate: 0.1 })) {
        hash.update(`${JSON.stringify(row)}\n`);
      }
    }
    assert.equal(hash.digest('hex').slice(0, 16), '06c37e3b87027a00');
  });

  it('uses the documented columns and fills every row to full width unless it is a short row', () => {
    assert.deepEqual(synthColumns('viamedis'), [
      'nir',
      'nom_naissance',
      'nom_usage',
      'prenoms',
      'date_naissance',
      'sexe',
      'situation_familiale',
      'organisme_complementaire',
      'email',
      'telephone',
    ]);
    assert.deepEqual(synthColumns('chronopost'), ['nom', 'prenom', 'adresse', 'code_postal', 'ville', 'telephone', 'email', 'signature']);
    assert.deepEqual(synthColumns('folksam'), ['personnummer', 'fornamn', 'efternamn', 'email', 'telefon', 'produkt', 'ip_adress']);
    for (const profile of SYNTH_PROFILES) {
      const width = synthColumns(profile).length;
      for (const row of rowsOf({ profile, rows: 2000, defectRate: 0.3 })) {
        if (row.defect === 'short-row') assert.ok(row.values.length >= 1 && row.values.length < width);
        else assert.equal(row.values.length, width);
        assert.ok(row.values.every((v) => typeof v === 'string'));
      }
    }
  });

  it('writes valid NIRs consistent with the person, except bad-key ones', () => {
    const rows = rowsOf({ profile: 'viamedis', rows: 20000, defectRate: 0.1 });
    let spaced = 0;
    let corsica = 0;
    let abroad = 0;
    for (const row of rows) {
      if (row.defect === 'short-row' || row.defect === 'empty-identifiers') continue;
      const r = record('viamedis', row.values);
      const nir = r.nir as string;
      const body = canonicalNir(nir);
      if (row.defect === 'bad-key') {
        assert.equal(body, undefined, `bad-key NIR must fail its key: ${nir}`);
        assert.match(nir.replace(/ /g, ''), /^[12]\d{4}(?:\d{2}|2[AB])\d{8}$/i);
        continue;
      }
      assert.ok(body, `invalid NIR ${nir}`);
      const [, mm, yyyy] = (r.date_naissance as string).split('/');
      assert.equal(body.slice(0, 1), r.sexe === 'M' ? '1' : '2');
      assert.equal(body.slice(1, 3), (yyyy as string).slice(2));
      assert.equal(body.slice(3, 5), mm);
      assert.ok(/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|99)$/.test(body.slice(5, 7)), body);
      // Corsica is 20 for people born before 1976, 2A/2B after.
      if (body.slice(5, 7) === '20') assert.ok(Number(yyyy) < 1976, body);
      if (/2[AB]/.test(body.slice(5, 7))) assert.ok(Number(yyyy) >= 1976, body);
      assert.ok(Number(body.slice(10, 13)) >= 1, 'order number 001–999');
      if (nir.includes(' ')) spaced++;
      if (/^(2A|2B|20)$/.test(body.slice(5, 7))) corsica++;
      if (body.slice(5, 7) === '99') abroad++;
    }
    assert.ok(share(spaced, rows.length) > 0.1 && share(spaced, rows.length) < 0.35, `spaced ${spaced}`);
    assert.ok(corsica > 0, 'some people born in Corsica');
    assert.ok(share(abroad, rows.length) > 0.04 && share(abroad, rows.length) < 0.12, `abroad ${abroad}`);
  });

  it('checks the NIR key maths on the reference examples', () => {
    // gdpr-breach-workflow.md §5: 2 55 08 14 168 025 → 38, 1 78 05 99 330 108 → 17.
    assert.equal(canonicalNir('2 55 08 14 168 025 38'), '2550814168025');
    assert.equal(canonicalNir('1780599330108 17'), '1780599330108');
    assert.equal(canonicalNir('178059933010818'), undefined);
  });

  it('writes valid personnummer in every format, ~2% samordningsnummer, + for centenarians, except bad ones', () => {
    const rows = rowsOf({ profile: 'folksam', rows: 30000, defectRate: 0.1 });
    const formats = { long: 0, compact: 0, short: 0, plus: 0 };
    let coordination = 0;
    let checked = 0;
    for (const row of rows) {
      if (row.defect === 'short-row' || row.defect === 'empty-identifiers') continue;
      const written = row.values[0] as string;
      const pnr = canonicalPersonnummer(written);
      if (row.defect === 'bad-key' || row.defect === 'bad-date') {
        assert.equal(pnr, undefined, `${row.defect} personnummer must be invalid: ${written}`);
        continue;
      }
      assert.ok(pnr, `invalid personnummer ${written}`);
      checked++;
      if (/^\d{8}-\d{4}$/.test(written)) formats.long++;
      else if (/^\d{12}$/.test(written)) formats.compact++;
      else if (written.includes('+')) formats.plus++;
      else formats.short++;
      if (Number(pnr.slice(6, 8)) > 60) coordination++;
      if (written.includes('+')) assert.ok(TODAY.y - Number(pnr.slice(0, 4)) >= 100, written);
      else if (written.length === 11) assert.ok(TODAY.y - Number(pnr.slice(0, 4)) < 100, written);
    }
    assert.ok(formats.long > 0 && formats.compact > 0 && formats.short > 0 && formats.plus > 0, JSON.stringify(formats));
    assert.ok(share(coordination, checked) > 0.01 && share(coordination, checked) < 0.03, `samordningsnummer ${coordination}`);
  });

  it('gives the personnummer birth number the parity of the sex implied by the first name', () => {
    // Names are drawn from per-sex lists; a name only in one list tells the sex.
    const women = new Set(['Anna', 'Margareta', 'Birgitta', 'Kerstin', 'Åsa', 'Ingrid']);
    const men = new Set(['Lars', 'Anders', 'Björn', 'Åke', 'Sven', 'Göran']);
    let checked = 0;
    for (const row of rowsOf({ profile: 'folksam', rows: 5000 })) {
      const first = (row.values[1] as string).split(' ')[0] as string;
      const pnr = canonicalPersonnummer(row.values[0] as string) as string;
      const odd = Number(pnr.charAt(10)) % 2 === 1;
      if (women.has(first)) assert.equal(odd, false, row.values.join(','));
      if (men.has(first)) assert.equal(odd, true, row.values.join(','));
      if (women.has(first) || men.has(first)) checked++;
    }
    assert.ok(checked > 300);
  });

  it('writes phone numbers valid per libphonenumber-js, in several national and international forms', () => {
    const cases = [
      ['viamedis', 'telephone', 'FR'],
      ['chronopost', 'telephone', 'FR'],
      ['folksam', 'telefon', 'SE'],
    ] as const;
    for (const [profile, column, country] of cases) {
      const styles = new Set<string>();
      let count = 0;
      for (const row of rowsOf({ profile, rows: 4000, defectRate: 0.1 })) {
        const written = record(profile, row.values)[column];
        if (!written) continue;
        count++;
        const phone = parsePhoneNumberFromString(written, country);
        assert.ok(phone?.isValid(), `${profile}: invalid phone "${written}"`);
        assert.equal(phone?.country, country);
        styles.add(written.replace(/\d/g, '9'));
      }
      assert.ok(count > 1000, `${profile}: ${count} phones`);
      assert.ok(styles.size >= 4, `${profile}: styles ${[...styles].join(' / ')}`);
    }
  });

  it('writes dates of birth per profile, from 1925 to 2008, and impossible ones only as bad-date', () => {
    let bad = 0;
    for (const row of rowsOf({ profile: 'viamedis', rows: 10000, defectRate: 0.2 })) {
      if (row.defect === 'short-row' || row.defect === 'empty-identifiers') continue;
      const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(row.values[4] as string);
      assert.ok(match, row.values[4]);
      const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
      assert.ok(y >= 1925 && y <= 2008, String(y));
      assert.equal(isRealDate(y, m, d), row.defect !== 'bad-date', `${row.values[4]} ${row.defect}`);
      if (row.defect === 'bad-date') bad++;
    }
    assert.ok(bad > 100);
  });

  it('derives e-mail addresses from the names, ASCII, with some capitals', () => {
    let upper = 0;
    let fromName = 0;
    let total = 0;
    const domains = new Set<string>();
    for (const row of rowsOf({ profile: 'viamedis', rows: 5000 })) {
      const r = record('viamedis', row.values);
      if (!r.email) continue;
      total++;
      assert.match(r.email, /^[\x21-\x7e]+@[a-z0-9.-]+\.[a-z]+$/i);
      if (/[A-Z]/.test(r.email)) upper++;
      domains.add((r.email.split('@')[1] as string).toLowerCase());
      const local = foldName((r.email.split('@')[0] as string).replace(/\d+/g, ' '));
      const names = [r.nom_naissance, r.nom_usage, r.prenoms].filter(Boolean).map((n) => foldName(n as string).replace(/ /g, ''));
      if (names.some((n) => local.replace(/ /g, '').includes(n.slice(0, 4)))) fromName++;
    }
    assert.ok(share(total, 5000) > 0.55 && share(total, 5000) < 0.65, `email present ${total}`);
    assert.ok(share(upper, total) > 0.05 && share(upper, total) < 0.25, `upper ${upper}`);
    assert.ok(share(fromName, total) > 0.9, `derived from names ${fromName}/${total}`);
    for (const d of ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com']) assert.ok(domains.has(d), d);
  });

  it('fills optional columns at the documented rates', () => {
    const n = 10000;
    const present = (profile: SynthProfile, column: string, filter?: (r: Record<string, string | undefined>) => boolean) => {
      let count = 0;
      let of = 0;
      for (const row of rowsOf({ profile, rows: n })) {
        const r = record(profile, row.values);
        if (filter && !filter(r)) continue;
        of++;
        if (r[column]) count++;
      }
      return count / of;
    };
    const near = (value: number, target: number, label: string) => assert.ok(Math.abs(value - target) < 0.05, `${label}: ${value}`);
    near(present('viamedis', 'email'), 0.6, 'viamedis email');
    near(present('viamedis', 'telephone'), 0.5, 'viamedis telephone');
    near(
      present('viamedis', 'nom_usage', (r) => r.sexe === 'F'),
      0.3,
      'viamedis nom_usage of women',
    );
    assert.equal(
      present('viamedis', 'nom_usage', (r) => r.sexe === 'M'),
      0,
    );
    near(present('chronopost', 'telephone'), 0.85, 'chronopost telephone');
    near(present('chronopost', 'email'), 0.4, 'chronopost email');
    near(present('chronopost', 'signature'), 0.7, 'chronopost signature');
    near(present('folksam', 'email'), 0.7, 'folksam email');
    near(present('folksam', 'telefon'), 0.5, 'folksam telefon');
  });

  it('writes names with accents, hyphens, apostrophes and particles, and 1–3 prénoms', () => {
    const seen = { accent: false, hyphen: false, apostrophe: false, particle: false, three: false, swedish: false };
    for (const row of rowsOf({ profile: 'viamedis', rows: 5000 })) {
      const [, nom, , prenoms] = row.values as [string, string, string, string];
      const all = `${nom} ${prenoms}`;
      if (/[éèêëàçôîïüÉÈÊÀÇÔ]/.test(all)) seen.accent = true;
      if (/-/.test(all)) seen.hyphen = true;
      if (/'/.test(nom)) seen.apostrophe = true;
      if (/^(de|du|d') /i.test(nom) || /^de la /i.test(nom)) seen.particle = true;
      const count = prenoms.split(' ').length;
      assert.ok(count >= 1 && count <= 3, prenoms);
      if (count === 3) seen.three = true;
    }
    for (const row of rowsOf({ profile: 'folksam', rows: 3000 })) {
      if (/[åäöÅÄÖ]/.test(`${row.values[1]} ${row.values[2]}`)) seen.swedish = true;
    }
    assert.deepEqual(seen, { accent: true, hyphen: true, apostrophe: true, particle: true, three: true, swedish: true });
  });

  it('keeps every name and value encodable in Windows-1252', () => {
    for (const name of allNameTexts()) assert.ok(isWindows1252Encodable(name), name);
    for (const profile of SYNTH_PROFILES) {
      for (const row of rowsOf({ profile, rows: 2000, defectRate: 0.2 })) {
        for (const v of row.values) assert.ok(isWindows1252Encodable(v), v);
      }
    }
  });

  it('draws defects at the requested rate, spread over the kinds that apply', () => {
    for (const profile of SYNTH_PROFILES) {
      const n = 20000;
      const rows = rowsOf({ profile, rows: n, defectRate: 0.1 });
      const byKind = new Map<string, number>();
      for (const row of rows) if (row.defect) byKind.set(row.defect, (byKind.get(row.defect) ?? 0) + 1);
      const total = [...byKind.values()].reduce((a, b) => a + b, 0);
      // Binomial(20000, 0.1): sd ≈ 42; allow 5 sd.
      assert.ok(Math.abs(total - n * 0.1) < 210, `${profile}: ${total} defects`);
      assert.deepEqual([...byKind.keys()].sort(), synthDefectKinds(profile).sort(), profile);
      const each = total / byKind.size;
      for (const [kind, count] of byKind) assert.ok(count > each * 0.7 && count < each * 1.3, `${profile} ${kind}: ${count}`);
      assert.equal(rowsOf({ profile, rows: 2000 }).filter((r) => r.defect !== null).length, 0, `${profile}: no defect by default`);
    }
    assert.deepEqual(synthDefectKinds('chronopost').sort(), ['duplicate', 'empty-identifiers', 'mixed-encoding', 'short-row']);
    assert.deepEqual(synthDefectKinds('viamedis').sort(), [...SYNTH_DEFECTS].sort());
  });

  it('draws only the requested defect kinds', () => {
    const rows = rowsOf({ profile: 'viamedis', rows: 3000, defectRate: 0.5, defects: ['bad-date', 'short-row'] });
    const kinds = new Set(rows.map((r) => r.defect).filter((d) => d !== null));
    assert.deepEqual([...kinds].sort(), ['bad-date', 'short-row']);
  });

  it('labels every row exactly as an ingest applying the rules would', () => {
    for (const profile of SYNTH_PROFILES) {
      for (const [seed, rate] of [
        ['exact-1', 0.3],
        ['exact-2', 0.05],
        ['exact-3', 1],
      ] as const) {
        const rows = rowsOf({ profile, rows: 6000, seed, defectRate: rate });
        const expected = rows.map((r) => r.expected);
        for (const nameRule of ['whole', 'variants'] as const) {
          assert.deepEqual(recompute(profile, rows, false, nameRule), expected, `${profile} ${seed} ${nameRule}`);
          assert.deepEqual(recompute(profile, rows, true, nameRule), expected, `${profile} ${seed} ${nameRule}, rejected rows seen`);
        }
      }
    }
  });

  it('never gives a new person an identifier seen before, under any name-matching form', () => {
    // At this size, drawing names and numbers freely would repeat dozens of name + birth date pairs.
    const seen = new Set<string>();
    let rows = 0;
    for (const row of generateSynthRows({ profile: 'viamedis', rows: 100_000, seed: 'fresh' })) {
      rows++;
      const r = record('viamedis', row.values);
      const iso = (r.date_naissance as string).split('/').reverse().join('-');
      const primary = `name:${foldName(r.nom_naissance as string)}|${givenForms(r.prenoms as string)[0]}|${iso}`;
      const own = [
        `nir:${canonicalNir(r.nir as string)}`,
        ...(r.email ? [`email:${canonicalEmail(r.email)}`] : []),
        ...(r.telephone ? [`phone:${r.telephone.replace(/\D/g, '').replace(/^0/, '33')}`] : []),
        primary,
      ];
      for (const id of own) assert.ok(!seen.has(id), `row ${rows} reuses ${id.split(':')[0]}`);
      for (const id of own) seen.add(id);
      for (const name of [r.nom_naissance, r.nom_usage]) {
        if (name)
          for (const sf of surnameForms(name)) for (const gf of givenForms(r.prenoms as string)) seen.add(`name:${sf}|${gf}|${iso}`);
      }
    }
    assert.equal(rows, 100_000);
  });

  it('applies the per-defect outcomes', () => {
    for (const profile of SYNTH_PROFILES) {
      const rows = rowsOf({ profile, rows: 8000, defectRate: 0.5 });
      for (const row of rows) {
        switch (row.defect) {
          case 'short-row':
          case 'empty-identifiers':
            assert.equal(row.expected, 'rejected');
            break;
          case 'duplicate':
            assert.equal(row.expected, 'duplicate');
            break;
          case 'bad-key':
          case 'bad-date': {
            const r = record(profile, row.values);
            if (profile === 'viamedis') assert.equal(row.expected, 'accepted');
            else assert.equal(row.expected, r.email || r.telefon ? 'accepted' : 'rejected');
            break;
          }
          case 'mixed-encoding':
            assert.ok(
              row.values.some((v) => /[^ -~]/.test(v)),
              'a mixed-encoding row holds accented letters',
            );
            if (profile !== 'chronopost') assert.equal(row.expected, 'accepted');
            break;
          case null:
            if (profile !== 'chronopost') assert.equal(row.expected, 'accepted');
            break;
        }
      }
    }
  });

  it('repeats earlier people as duplicates, sometimes written differently', () => {
    const rows = rowsOf({ profile: 'viamedis', rows: 5000, defectRate: 0.3, defects: ['duplicate'] });
    const earlier = new Set<string>();
    let reformatted = 0;
    let duplicates = 0;
    for (const row of rows) {
      if (row.defect === 'duplicate') {
        duplicates++;
        if (!earlier.has(row.values.join('\u0000'))) reformatted++;
      } else earlier.add(row.values.join('\u0000'));
    }
    assert.ok(duplicates > 1000);
    assert.ok(reformatted > duplicates * 0.3 && reformatted < duplicates * 0.9, `${reformatted}/${duplicates}`);
  });

  it('rejects invalid options with every problem listed', () => {
    assert.throws(
      () => generateSynthRows({ profile: 'nope' as SynthProfile, rows: -1, seed: 's', defectRate: 2, today: '2025-02-30' }),
      (error: unknown) => error instanceof AppError && error.code === 'VALIDATION_FAILED' && error.issues.length === 4,
    );
    assert.throws(
      () => generateSynthRows({ profile: 'chronopost', rows: 1, seed: 's', defects: ['bad-key'] }),
      (error: unknown) => error instanceof AppError && /bad-key does not apply to chronopost/.test(error.message),
    );
  });
});
