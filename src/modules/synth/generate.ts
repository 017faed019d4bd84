import { validationError, type FieldIssue } from '../../platform/errors.js';
import { ageOn, daysInMonth, impossibleDayOfMonth, nextDay, pad2, pad3, parseDay, type Day } from './dates.js';
import { NAMES, type Culture, type Era, type NameEntry, type Sex } from './names.js';
import { formatNir, nirKey, reformatNir, wrongNirKey } from './nir.js';
import { datePart, formatPersonnummer, personnummer, reformatPersonnummer, withWrongCheckDigit } from './personnummer.js';
import {
  drawFrenchLandline,
  drawFrenchMobile,
  drawPhoneStyle,
  drawSwedishMobile,
  e164,
  formatPhone,
  nextPhoneStyle,
  type Phone,
} from './phone.js';
import {
  BIRTH_COUNTRIES,
  BUILDING_PREFIXES,
  CITIES,
  communeRange,
  DEPARTMENTS,
  FR_EMAIL_DOMAINS,
  FR_INSURERS,
  SE_EMAIL_DOMAINS,
  SE_IP_FIRST_OCTETS,
  SE_PRODUCTS,
  STREET_NAMES,
  STREET_TYPES,
} from './places.js';
import { createPrng, weighted, type Prng, type Weighted } from './prng.js';
import { createSeenFilter, type SeenFilter } from './seen-filter.js';

export const SYNTH_PROFILES = ['viamedis', 'chronopost', 'folksam'] as const;
export type SynthProfile = (typeof SYNTH_PROFILES)[number];

/**
 * - bad-key: NIR key or personnummer check digit wrong (only that identifier is unusable).
 * - duplicate: an earlier accepted person again, sometimes with its identifiers written differently.
 * - short-row: the row is cut to fewer columns (unusable as a whole).
 * - mixed-encoding: the row is meant to be written in another encoding than the file; its values are
 *   always chosen to hold accented letters. Recoverable, so it does not change the expected outcome.
 * - empty-identifiers: every identifier column is empty.
 * - bad-date: an impossible date of birth (viamedis date_naissance; folksam: the date inside the
 *   personnummer, with a valid check digit).
 */
export const SYNTH_DEFECTS = ['bad-key', 'duplicate', 'short-row', 'mixed-encoding', 'empty-identifiers', 'bad-date'] as const;
export type SynthDefect = (typeof SYNTH_DEFECTS)[number];

export const SYNTH_EXPECTED = ['accepted', 'rejected', 'duplicate'] as const;
export type SynthExpected = (typeof SYNTH_EXPECTED)[number];

/**
 * One data row and its ground truth. `values` follow `synthColumns(profile)` (fewer for a short row);
 * a missing optional value is ''. `expected` is what an ingest applying these rules must conclude:
 * - usable identifiers: viamedis nir, email, telephone, and name + date of birth (nom_naissance and,
 *   when set, nom_usage, with prenoms and date_naissance); chronopost telephone, email; folksam
 *   personnummer, email, telefon;
 * - rejected: a short row, or a row with no usable identifier;
 * - duplicate: every usable identifier already appeared in an earlier row, canonically (NIR: the 13
 *   characters before the key, upper-case; personnummer: 12 digits; phone: E.164; email: trimmed,
 *   lower-case; name + date of birth: folded names and the date);
 * - accepted otherwise.
 * The outcome does not depend on how names are matched: by surname and all given names, or by the
 * look-up's forms (surname whole, without particles or by part; first given name, its first word or the
 * first two joined). Nor on whether a rejected row's identifiers count as seen.
 */
export interface SynthRow {
  readonly values: string[];
  readonly defect: SynthDefect | null;
  readonly expected: SynthExpected;
}

export interface SynthOptions {
  readonly profile: SynthProfile;
  readonly rows: number;
  readonly seed: string;
  /** Share of rows with a defect, 0..1 (default 0). */
  readonly defectRate?: number;
  /** The day ages are computed on (personnummer '+' for people aged 100+), YYYY-MM-DD. */
  readonly today?: string;
  /** Which defects to draw from (default: every one that applies to the profile, see synthDefectKinds). */
  readonly defects?: readonly SynthDefect[];
}

/** The fixed default for `today`, so that output never depends on the day it is generated. */
export const SYNTH_DEFAULT_TODAY = '2026-01-01';
/**
 * Row limits: the identifier spaces get crowded beyond them. A personnummer has at most 500 birth
 * numbers per day of birth and sex (Sweden has 10.5M people); NIR, phone and e-mail spaces are far larger.
 */
export const SYNTH_MAX_ROWS: Readonly<Record<SynthProfile, number>> = {
  viamedis: 100_000_000,
  chronopost: 100_000_000,
  folksam: 20_000_000,
};

const COLUMNS: Readonly<Record<SynthProfile, readonly string[]>> = {
  viamedis: [
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
  ],
  chronopost: ['nom', 'prenom', 'adresse', 'code_postal', 'ville', 'telephone', 'email', 'signature'],
  folksam: ['personnummer', 'fornamn', 'efternamn', 'email', 'telefon', 'produkt', 'ip_adress'],
};

const DEFECT_KINDS: Readonly<Record<SynthProfile, readonly SynthDefect[]>> = {
  viamedis: SYNTH_DEFECTS,
  // No national identifier and no date of birth in a delivery file.
  chronopost: ['duplicate', 'short-row', 'mixed-encoding', 'empty-identifiers'],
  folksam: SYNTH_DEFECTS,
};

/** Column names of a profile, in file order. */
export function synthColumns(profile: SynthProfile): string[] {
  return [...COLUMNS[profile]];
}

/** The defects that can occur in a profile's files. */
export function synthDefectKinds(profile: SynthProfile): SynthDefect[] {
  return [...DEFECT_KINDS[profile]];
}

/**
 * Generates `rows` rows lazily. Deterministic: the same options give the same rows on any machine.
 * Every identifier of a new person is fresh (never emitted before, checked against a Bloom filter
 * and redrawn on a possible hit), so a row is a duplicate only when it is one by construction.
 * Memory: the filter (at most 128 MiB) and a reservoir of 1,000 earlier people for duplicates.
 */
export function generateSynthRows(options: SynthOptions): Generator<SynthRow> {
  const issues: FieldIssue[] = [];
  if (!(SYNTH_PROFILES as readonly string[]).includes(options.profile)) issues.push({ path: 'profile', message: 'unknown profile' });
  const maxRows = SYNTH_MAX_ROWS[options.profile] ?? 0;
  if (!Number.isSafeInteger(options.rows) || options.rows < 0 || options.rows > maxRows) {
    issues.push({ path: 'rows', message: `must be an integer from 0 to ${maxRows}` });
  }
  const defectRate = options.defectRate ?? 0;
  if (!(defectRate >= 0 && defectRate <= 1)) issues.push({ path: 'defectRate', message: 'must be from 0 to 1' });
  const today = parseDay(options.today ?? SYNTH_DEFAULT_TODAY);
  if (!today) issues.push({ path: 'today', message: 'must be a date YYYY-MM-DD' });
  const applicable = DEFECT_KINDS[options.profile] ?? [];
  const kinds = options.defects ?? applicable;
  for (const kind of kinds) {
    if (!applicable.includes(kind)) issues.push({ path: 'defects', message: `${kind} does not apply to ${options.profile}` });
  }
  if (issues.length > 0 || !today) throw validationError(issues, 'synth options');

  const rng = createPrng(`${options.profile}\u0000${options.seed}`);
  const ctx: Ctx = { rng, seen: createSeenFilter(options.rows * (options.profile === 'viamedis' ? 8 : 4)), today };
  switch (options.profile) {
    case 'viamedis':
      return run(viamedis(ctx), ctx, options.rows, defectRate, kinds);
    case 'chronopost':
      return run(chronopost(ctx), ctx, options.rows, defectRate, kinds);
    case 'folksam':
      return run(folksam(ctx), ctx, options.rows, defectRate, kinds);
  }
}

interface Ctx {
  readonly rng: Prng;
  readonly seen: SeenFilter;
  readonly today: Day;
}

type FreshKind = 'clean' | 'accent' | 'bad-key' | 'bad-date';

interface Drawn<P> {
  readonly person: P;
  readonly values: string[];
  /** Whether any identifier in `values` is usable. */
  readonly usable: boolean;
}

interface ProfileImpl<P> {
  readonly columns: readonly string[];
  readonly identifierColumns: readonly number[];
  /** A new person, every identifier fresh, written with the given defect. */
  fresh(kind: FreshKind): Drawn<P>;
  /** The same person's row again, identifiers possibly written another way. */
  vary(person: P, values: readonly string[]): string[];
}

const RESERVOIR_SIZE = 1000;

function* run<P>(impl: ProfileImpl<P>, ctx: Ctx, rows: number, defectRate: number, kinds: readonly SynthDefect[]): Generator<SynthRow> {
  const { rng } = ctx;
  const reservoir: { person: P; values: string[] }[] = [];
  let offered = 0;
  const withoutDuplicate = kinds.filter((k) => k !== 'duplicate');
  const width = impl.columns.length;

  for (let i = 0; i < rows; i++) {
    let defect: SynthDefect | null = kinds.length > 0 && rng.chance(defectRate) ? rng.pick(kinds) : null;
    if (defect === 'duplicate' && reservoir.length === 0) defect = withoutDuplicate.length > 0 ? rng.pick(withoutDuplicate) : null;
    switch (defect) {
      case null: {
        const drawn = impl.fresh('clean');
        if (drawn.usable) {
          // Reservoir sampling (Algorithm R): duplicates repeat people from anywhere earlier in the file.
          offered++;
          if (reservoir.length < RESERVOIR_SIZE) reservoir.push({ person: drawn.person, values: drawn.values });
          else {
            const j = rng.int(offered);
            if (j < RESERVOIR_SIZE) reservoir[j] = { person: drawn.person, values: drawn.values };
          }
        }
        yield { values: drawn.values, defect, expected: drawn.usable ? 'accepted' : 'rejected' };
        break;
      }
      case 'duplicate': {
        const source = rng.pick(reservoir);
        const values = rng.chance(0.4) ? [...source.values] : impl.vary(source.person, source.values);
        yield { values, defect, expected: 'duplicate' };
        break;
      }
      case 'mixed-encoding':
      case 'bad-key':
      case 'bad-date': {
        const drawn = impl.fresh(defect === 'mixed-encoding' ? 'accent' : defect);
        yield { values: drawn.values, defect, expected: drawn.usable ? 'accepted' : 'rejected' };
        break;
      }
      case 'short-row': {
        const drawn = impl.fresh('clean');
        yield { values: drawn.values.slice(0, rng.between(1, width - 1)), defect, expected: 'rejected' };
        break;
      }
      case 'empty-identifiers': {
        const drawn = impl.fresh('clean');
        for (const c of impl.identifierColumns) drawn.values[c] = '';
        yield { values: drawn.values, defect, expected: 'rejected' };
        break;
      }
    }
  }
}

// ---- people: shared parts -------------------------------------------------------------------

const BIRTH_YEARS: Weighted<number> = weighted(
  Array.from({ length: 2008 - 1925 + 1 }, (_, i) => {
    const y = 1925 + i;
    const w = y < 1935 ? 2 + (y - 1925) * 0.6 : y < 1945 ? 9 : y <= 1975 ? 14 : y <= 2000 ? 13 : 11;
    return [y, Math.round(w * 10)] as const;
  }),
);

function drawBirth(rng: Prng): Day {
  const y = BIRTH_YEARS.pick(rng);
  const m = rng.between(1, 12);
  return { y, m, d: rng.between(1, daysInMonth(y, m)) };
}

function eraOf(birth: Day): Era {
  return birth.y < 1955 ? 0 : birth.y < 1985 ? 1 : 2;
}

/** `count` distinct given names; the first from the accented names when `accented`. */
function drawGivenNames(rng: Prng, culture: Culture, sex: Sex, era: Era, count: number, accented: boolean): NameEntry[] {
  const names: NameEntry[] = [NAMES[culture].given(sex, era, accented).pick(rng)];
  const table = NAMES[culture].given(sex, era, false);
  for (let tries = 0; names.length < count && tries < 20; tries++) {
    const next = table.pick(rng);
    if (!names.some((n) => n.key === next.key)) names.push(next);
  }
  return names;
}

/** 0: upper case with accents (LEFÈVRE), 1: without (LEFEVRE), 2: as written; French registries do all three. */
function caseName(name: NameEntry, style: number): string {
  return style === 0 ? name.upper : style === 1 ? name.upperAscii : name.text;
}

function caseNames(names: readonly NameEntry[], style: number): string {
  let out = caseName(names[0] as NameEntry, style);
  for (let i = 1; i < names.length; i++) out += ` ${caseName(names[i] as NameEntry, style)}`;
  return out;
}

interface Email {
  readonly local: string;
  readonly domain: string;
}

/** Derived from the person's names, lower-case ASCII; digits appended until it was never emitted. */
function drawEmail(ctx: Ctx, domains: Weighted<string>, given: NameEntry, surname: NameEntry, birth: Day): Email {
  const { rng, seen } = ctx;
  const g = given.email;
  const s = surname.email;
  const i = g.charAt(0);
  const yy = pad2(birth.y % 100);
  const x = rng.float();
  let local =
    x < 0.34
      ? `${g}.${s}`
      : x < 0.44
        ? `${g}${s}`
        : x < 0.54
          ? `${i}${s}`
          : x < 0.59
            ? `${i}.${s}`
            : x < 0.67
              ? `${s}.${g}`
              : x < 0.71
                ? `${g}_${s}`
                : x < 0.79
                  ? `${g}.${s}${yy}`
                  : x < 0.84
                    ? `${g}${birth.y}`
                    : x < 0.88
                      ? `${s}${i}`
                      : x < 0.94
                        ? `${g}.${s}${rng.between(1, 99)}`
                        : `${s}${yy}`;
  const domain = domains.pick(rng);
  const base = local;
  for (let tries = 0; !seen.claim(`e:${local}@${domain}`); tries++) {
    local = `${base}${rng.int(10 ** Math.min(2 + (tries >> 2), 7))}`;
  }
  return { local, domain };
}

/** 0: lower case (most), 1: Capitalised.Parts, 2: UPPER. */
function drawEmailStyle(rng: Prng): number {
  const x = rng.float();
  return x < 0.88 ? 0 : x < 0.96 ? 1 : 2;
}

function formatEmail(email: Email, style: number): string {
  const address = `${email.local}@${email.domain}`;
  if (style === 2) return address.toUpperCase();
  if (style === 1)
    return `${email.local.replace(/(^|[._-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase())}@${email.domain}`;
  return address;
}

/** Another case of the same address, sometimes with a stray trailing space (canonically equal). */
function reformatEmail(written: string, email: Email, rng: Prng): string {
  const lower = `${email.local}@${email.domain}`;
  const other = written === lower ? formatEmail(email, rng.chance(0.5) ? 1 : 2) : lower;
  return rng.chance(0.15) ? `${other} ` : other;
}

function drawFreshPhone(ctx: Ctx, draw: (rng: Prng) => Phone): Phone {
  let phone = draw(ctx.rng);
  while (!ctx.seen.claim(`t:${e164(phone)}`)) phone = draw(ctx.rng);
  return phone;
}

function reformatPhone(written: string, phone: Phone, rng: Prng): string {
  const style = drawPhoneStyle(phone, rng);
  const again = formatPhone(phone, style);
  return again === written ? formatPhone(phone, nextPhoneStyle(phone, style)) : again;
}

// ---- viamedis: French health third-party payment ----------------------------------------------

interface ViamedisPerson {
  readonly sex: Sex;
  readonly birth: Day;
  readonly given: readonly NameEntry[];
  readonly surname: NameEntry;
  readonly usage: NameEntry | null;
  readonly nirBody: string;
  readonly nirKey: number;
  readonly marital: string;
  readonly insurer: string;
  readonly email: Email | null;
  readonly phone: Phone | null;
  readonly accent: boolean;
}

const MARITAL_LABELS = {
  M: ['Célibataire', 'Marié', 'Pacsé', 'Concubinage', 'Divorcé', 'Veuf'],
  F: ['Célibataire', 'Mariée', 'Pacsée', 'Concubinage', 'Divorcée', 'Veuve'],
} as const;
const MARITAL_BY_AGE = [
  [30, weighted([0, 1, 2, 3, 4, 5].map((i) => [i, [70, 10, 12, 8, 0, 0][i] ?? 0] as const))],
  [60, weighted([0, 1, 2, 3, 4, 5].map((i) => [i, [28, 42, 10, 8, 11, 1][i] ?? 0] as const))],
  [75, weighted([0, 1, 2, 3, 4, 5].map((i) => [i, [10, 55, 3, 3, 14, 15][i] ?? 0] as const))],
  [200, weighted([0, 1, 2, 3, 4, 5].map((i) => [i, [8, 40, 1, 1, 8, 42][i] ?? 0] as const))],
] as const;
// Chance that a woman is known by a usage (married) name, by status index.
const USAGE_NAME_CHANCE = [0, 0.52, 0.03, 0.03, 0.22, 0.52];

/**
 * Name + date of birth keys, letters only (the coarsest fold, so that freshness here implies freshness under any finer
 * one). A person is new when both the whole-surname + first-given-name key and the whole-surname + all-given-names key
 * are; then every form an ingest may match by is recorded: each surname form (birth and usage) with the first given
 * name, the first word of a compound one, or the first two joined, and each whole surname with all the given names.
 */
function claimNameDob(seen: SeenFilter, surname: NameEntry, usage: NameEntry | null, given: readonly NameEntry[], dob: string): boolean {
  const first = given[0] as NameEntry;
  let all = '';
  for (const g of given) all += g.key;
  const primary = `n:${surname.key}|${first.key}|${dob}`;
  const whole = `n:${surname.key}|${all}|${dob}`;
  if (!seen.claim(primary) || (whole !== primary && !seen.claim(whole))) return false;
  const second = given[1];
  const givenForms = [first.key, first.firstWord ?? (second ? first.key + second.key : null)];
  for (const name of usage ? [surname, usage] : [surname]) {
    for (const form of name.surnameKeys) for (const g of givenForms) if (g !== null) seen.claim(`n:${form}|${g}|${dob}`);
    seen.claim(`n:${name.key}|${all}|${dob}`);
  }
  return true;
}

function drawNirBody(ctx: Ctx, sex: Sex, birth: Day): string {
  const { rng, seen } = ctx;
  const head = `${sex === 'M' ? '1' : '2'}${pad2(birth.y % 100)}${pad2(birth.m)}`;
  for (let tries = 0; ; tries++) {
    let place: string;
    if (rng.chance(0.08)) place = `99${BIRTH_COUNTRIES.pick(rng)}`;
    else {
      const department = DEPARTMENTS.pick(rng);
      const [from, to] = communeRange(department);
      // Corsica was one department, 20, until 1976; NIRs of people born there before keep it.
      place = (birth.y < 1976 && (department === '2A' || department === '2B') ? '20' : department) + pad3(rng.between(from, to));
    }
    const body = head + place + pad3(rng.between(1, 999));
    if (seen.claim(`r:${body}`)) return body;
    if (tries > 1000) throw new Error('NIR space exhausted');
  }
}

function viamedis(ctx: Ctx): ProfileImpl<ViamedisPerson> {
  const { rng, seen, today } = ctx;
  const columns = COLUMNS.viamedis;

  function create(accent: boolean): ViamedisPerson {
    const sex: Sex = rng.chance(0.52) ? 'F' : 'M';
    let birth = drawBirth(rng);
    const age = ageOn(birth, today);
    const status = age < 18 ? 0 : (MARITAL_BY_AGE.find(([limit]) => age < limit) ?? MARITAL_BY_AGE[3])[1].pick(rng);
    const wantsUsage = sex === 'F' && rng.chance(USAGE_NAME_CHANCE[status] ?? 0);
    const accentSurname = accent && rng.chance(0.5);
    const count = rng.float() < (eraOf(birth) === 0 ? 0.35 : 0.5) ? 1 : rng.chance(0.75) ? 2 : 3;
    let given: NameEntry[] = [];
    let surname: NameEntry | undefined;
    let usage: NameEntry | null = null;
    // Name + date of birth is an identifier here: redraw until it was never emitted.
    for (let tries = 0; ; tries++) {
      given = drawGivenNames(rng, 'fr', sex, eraOf(birth), count, accent && !accentSurname);
      surname = NAMES.fr.surname(accentSurname).pick(rng);
      usage = null;
      if (wantsUsage) {
        const other = NAMES.fr.surname(false).pick(rng);
        if (other.key !== surname.key) usage = other;
      }
      if (claimNameDob(seen, surname, usage, given, datePart(birth.y, birth.m, birth.d))) break;
      if (tries % 50 === 49) birth = nextDay(birth);
    }
    const nirBody = drawNirBody(ctx, sex, birth);
    const email = rng.chance(0.6)
      ? drawEmail(ctx, FR_EMAIL_DOMAINS, given[0] as NameEntry, usage && rng.chance(0.7) ? usage : surname, birth)
      : null;
    const phone = rng.chance(0.5) ? drawFreshPhone(ctx, age >= 65 && rng.chance(0.5) ? drawFrenchLandline : drawFrenchMobile) : null;
    return {
      sex,
      birth,
      given,
      surname,
      usage,
      nirBody,
      nirKey: nirKey(nirBody),
      marital: MARITAL_LABELS[sex][status] ?? 'Célibataire',
      insurer: FR_INSURERS.pick(rng),
      email,
      phone,
      accent,
    };
  }

  function render(p: ViamedisPerson, kind: FreshKind): string[] {
    const nameStyle = rng.float() < 0.55 ? 0 : !p.accent && rng.chance(0.2) ? 1 : 2;
    const d = kind === 'bad-date' ? impossibleDayOfMonth(p.birth.y, p.birth.m, rng.int(6)) : p.birth.d;
    return [
      formatNir(p.nirBody, kind === 'bad-key' ? wrongNirKey(p.nirKey, rng) : p.nirKey, rng),
      caseName(p.surname, nameStyle),
      p.usage ? caseName(p.usage, nameStyle) : '',
      caseNames(p.given, nameStyle === 0 && rng.chance(0.5) ? 2 : nameStyle),
      `${pad2(d)}/${pad2(p.birth.m)}/${p.birth.y}`,
      p.sex,
      p.marital,
      p.insurer,
      p.email ? formatEmail(p.email, drawEmailStyle(rng)) : '',
      p.phone ? formatPhone(p.phone, drawPhoneStyle(p.phone, rng)) : '',
    ];
  }

  return {
    columns,
    identifierColumns: [0, 1, 2, 3, 4, 8, 9],
    fresh(kind) {
      const person = create(kind === 'accent');
      // A bad key still leaves name + date of birth; a bad date still leaves the NIR.
      return { person, values: render(person, kind), usable: true };
    },
    vary(p, values) {
      const out = [...values];
      if (rng.chance(0.6)) out[0] = reformatNir(values[0] ?? '', p.nirBody, p.nirKey);
      if (p.email && rng.chance(0.5)) out[8] = reformatEmail(values[8] ?? '', p.email, rng);
      if (p.phone && rng.chance(0.6)) out[9] = reformatPhone(values[9] ?? '', p.phone, rng);
      return out;
    },
  };
}

// ---- chronopost: parcel delivery ---------------------------------------------------------------

interface ChronopostPerson {
  readonly given: NameEntry;
  readonly surname: NameEntry;
  readonly address: string;
  readonly postcode: string;
  readonly city: string;
  readonly phone: Phone | null;
  readonly email: Email | null;
  readonly signature: string;
}

function drawAddress(rng: Prng): string {
  const number = rng.chance(0.6) ? rng.between(1, 40) : rng.between(1, 250);
  const suffix = rng.chance(0.06) ? (rng.chance(0.8) ? ' bis' : ' ter') : '';
  const street = `${number}${suffix} ${STREET_TYPES.pick(rng)} ${rng.pick(STREET_NAMES)}`;
  return rng.chance(0.1) ? rng.pick(BUILDING_PREFIXES) + street : street;
}

function hex(rng: Prng, length: number): string {
  let out = '';
  while (out.length < length) out += rng.u32().toString(16).padStart(8, '0');
  return out.slice(0, length).toUpperCase();
}

function chronopost(ctx: Ctx): ProfileImpl<ChronopostPerson> {
  const { rng } = ctx;
  const columns = COLUMNS.chronopost;

  function create(accent: boolean): ChronopostPerson {
    const sex: Sex = rng.chance(0.52) ? 'F' : 'M';
    const birth = drawBirth(rng);
    const accentSurname = accent && rng.chance(0.5);
    const given = drawGivenNames(rng, 'fr', sex, eraOf(birth), 1, accent && !accentSurname)[0] as NameEntry;
    const surname = NAMES.fr.surname(accentSurname).pick(rng);
    const city = CITIES.pick(rng);
    return {
      given,
      surname,
      address: drawAddress(rng),
      postcode: rng.pick(city.postcodes),
      city: city.name,
      phone: rng.chance(0.85) ? drawFreshPhone(ctx, rng.chance(0.85) ? drawFrenchMobile : drawFrenchLandline) : null,
      email: rng.chance(0.4) ? drawEmail(ctx, FR_EMAIL_DOMAINS, given, surname, birth) : null,
      signature: rng.chance(0.7) ? `SIG-${hex(rng, 12)}` : '',
    };
  }

  function render(p: ChronopostPerson): string[] {
    const upper = rng.chance(0.5);
    return [
      upper ? p.surname.upper : p.surname.text,
      rng.chance(0.1) ? p.given.upper : p.given.text,
      rng.chance(0.15) ? p.address.toUpperCase() : p.address,
      p.postcode,
      rng.chance(0.4) ? p.city.toUpperCase() : p.city,
      p.phone ? formatPhone(p.phone, drawPhoneStyle(p.phone, rng)) : '',
      p.email ? formatEmail(p.email, drawEmailStyle(rng)) : '',
      p.signature,
    ];
  }

  return {
    columns,
    identifierColumns: [5, 6],
    fresh(kind) {
      const person = create(kind === 'accent');
      return { person, values: render(person), usable: person.phone !== null || person.email !== null };
    },
    vary(p, values) {
      const out = [...values];
      if (p.phone && rng.chance(0.7)) out[5] = reformatPhone(values[5] ?? '', p.phone, rng);
      if (p.email && rng.chance(0.5)) out[6] = reformatEmail(values[6] ?? '', p.email, rng);
      return out;
    },
  };
}

// ---- folksam: Swedish insurer ------------------------------------------------------------------

interface FolksamPerson {
  readonly birth: Day;
  readonly given: readonly NameEntry[];
  readonly surname: NameEntry;
  readonly pnr: string;
  readonly centenarian: boolean;
  readonly email: Email | null;
  readonly phone: Phone | null;
  readonly product: string;
  readonly ip: string;
}

function drawPersonnummer(ctx: Ctx, sex: Sex, birth: Day): { pnr: string; birth: Day } {
  const { rng, seen } = ctx;
  const coordination = rng.chance(0.02);
  let day = birth;
  for (let tries = 1; ; tries++) {
    // Birth numbers 001–999: odd for men (500 of them), even for women (499).
    const n = sex === 'M' ? 2 * rng.int(500) + 1 : 2 * rng.int(499) + 2;
    const pnr = personnummer(datePart(day.y, day.m, day.d + (coordination ? 60 : 0)), n);
    if (seen.claim(`p:${pnr}`)) return { pnr, birth: day };
    // This day's birth numbers are (nearly) used up: the person is born the next day instead.
    if (tries % 64 === 0) day = nextDay(day);
  }
}

function folksam(ctx: Ctx): ProfileImpl<FolksamPerson> {
  const { rng, today } = ctx;
  const columns = COLUMNS.folksam;

  function create(accent: boolean): FolksamPerson {
    const sex: Sex = rng.chance(0.51) ? 'F' : 'M';
    const drawn = drawPersonnummer(ctx, sex, drawBirth(rng));
    const birth = drawn.birth;
    const accentSurname = accent && rng.chance(0.5);
    const given = drawGivenNames(rng, 'se', sex, eraOf(birth), rng.chance(0.3) ? 2 : 1, accent && !accentSurname);
    const surname = NAMES.se.surname(accentSurname).pick(rng);
    const age = ageOn(birth, today);
    const product =
      age < 18
        ? SE_PRODUCTS.minor.pick(rng)
        : sex === 'F' && age >= 20 && age <= 44 && rng.chance(0.12)
          ? SE_PRODUCTS.pregnancy
          : SE_PRODUCTS.adult.pick(rng);
    return {
      birth,
      given,
      surname,
      pnr: drawn.pnr,
      centenarian: today.y - birth.y >= 100,
      email: rng.chance(0.7) ? drawEmail(ctx, SE_EMAIL_DOMAINS, given[0] as NameEntry, surname, birth) : null,
      phone: rng.chance(0.5) ? drawFreshPhone(ctx, drawSwedishMobile) : null,
      product,
      ip: `${rng.pick(SE_IP_FIRST_OCTETS)}.${rng.int(256)}.${rng.int(256)}.${rng.between(1, 254)}`,
    };
  }

  function render(p: FolksamPerson, kind: FreshKind): string[] {
    let pnr = p.pnr;
    if (kind === 'bad-key') pnr = withWrongCheckDigit(p.pnr, rng);
    if (kind === 'bad-date') {
      const day = impossibleDayOfMonth(p.birth.y, p.birth.m, rng.int(6));
      pnr = personnummer(`${p.birth.y}${pad2(p.birth.m)}${pad2(day)}`, Number(p.pnr.slice(8, 11)));
    }
    return [
      formatPersonnummer(pnr, p.centenarian, rng),
      caseNames(p.given, 2),
      p.surname.text,
      p.email ? formatEmail(p.email, drawEmailStyle(rng)) : '',
      p.phone ? formatPhone(p.phone, drawPhoneStyle(p.phone, rng)) : '',
      p.product,
      p.ip,
    ];
  }

  return {
    columns,
    identifierColumns: [0, 3, 4],
    fresh(kind) {
      const person = create(kind === 'accent');
      const personnummerUsable = kind !== 'bad-key' && kind !== 'bad-date';
      return {
        person,
        values: render(person, kind),
        usable: personnummerUsable || person.email !== null || person.phone !== null,
      };
    },
    vary(p, values) {
      const out = [...values];
      if (rng.chance(0.6)) out[0] = reformatPersonnummer(values[0] ?? '', p.pnr, p.centenarian);
      if (p.email && rng.chance(0.5)) out[3] = reformatEmail(values[3] ?? '', p.email, rng);
      if (p.phone && rng.chance(0.6)) out[4] = reformatPhone(values[4] ?? '', p.phone, rng);
      return out;
    },
  };
}
