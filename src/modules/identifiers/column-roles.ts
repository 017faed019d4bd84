import { parseBirthDate } from './birth-date.js';
import { parseEmail } from './email.js';
import { parseFrNir } from './fr-nir.js';
import { precheck, type ParseOptions } from './parse-result.js';
import { PHONE_CHARACTERS, parsePhone } from './phone.js';
import { parseSePersonnummer } from './se-personnummer.js';

/** What a column of a breach file may hold, as proposed to the person mapping the file. */
export type ColumnRole =
  'email' | 'phone' | 'fr-nir' | 'se-personnummer' | 'surname' | 'birth-surname' | 'usage-surname' | 'given-names' | 'birth-date';

// Header names in French, Swedish and English, comma-separated and written loosely: they are compared after compaction
// (see compact()), so case, accents, spaces, underscores and apostrophes do not matter.
const HEADER_NAMES: Readonly<Record<ColumnRole, string>> = {
  email:
    'email, e-mail, mail, courriel, adresse mail, adresse email, adresse e-mail, adresse courriel, email address, ' +
    'mail address, epost, e-post, epostadress, e-postadress, mejl, mejladress',
  phone:
    'telephone, tel, portable, mobile, phone, mobilnummer, telefon, telefonnummer, telefonnr, tel nr, mobiltelefon, mobil, ' +
    'mobilnr, phone number, phone no, mobile phone, mobile number, cell, cellphone, gsm, numero telephone, ' +
    'numero de telephone, num tel, no tel, n tel, tel portable, telephone portable, tel mobile, telephone mobile, msisdn',
  'fr-nir':
    'nir, numero secu, num secu, no secu, n secu, secu, num ss, numero ss, no ss, n ss, nss, securite sociale, ' +
    'n securite sociale, no securite sociale, n de securite sociale, numero securite sociale, numero de securite sociale, ' +
    'num securite sociale, insee, numero insee, n insee, matricule ins, ins nir',
  'se-personnummer': 'personnummer, pnr, personnr, person nr, samordningsnummer, personal identity number, personal number',
  surname: 'nom, last name, surname, family name, efternamn, nom de famille, nom famille, patronyme',
  'birth-surname':
    'nom naissance, nom de naissance, birth name, maiden name, birth surname, nom de jeune fille, nom jeune fille, ' +
    'nom patronymique, fodelsenamn, flicknamn',
  'usage-surname': "nom d'usage, nom usage, nom utilise, usage name, married name, nom marital, nom epouse, nom d'epouse",
  'given-names':
    'prenom, prenoms, first name, given name, given names, forename, forenames, fornamn, tilltalsnamn, prenom usuel, ' + 'premier prenom',
  'birth-date':
    'date naissance, date de naissance, ddn, dob, birth date, birthdate, date of birth, fodelsedatum, birthday, naissance, ' +
    'ne le, nee le, date nais, dt naissance, dt nais',
};

// Words that qualify a header without changing its role: "email_client", "patient_prenom". Numbers ("telephone_2") too.
const QUALIFIERS = new Set(
  (
    'client patient assure beneficiaire adherent user customer member contact person principal principale perso personnel ' +
    'personnelle primary main kund medlem'
  ).split(' '),
);

/** Header text → words: accents, case, camelCase, underscores, apostrophes and punctuation all become word breaks. */
function words(header: string): string[] {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function compact(header: string): string {
  return words(header).join('');
}

const ROLE_BY_COMPACT_NAME: ReadonlyMap<string, ColumnRole> = new Map(
  (Object.entries(HEADER_NAMES) as [ColumnRole, string][]).flatMap(([role, names]) =>
    names.split(',').map((name) => [compact(name), role] as const),
  ),
);

/**
 * Proposes the role of a breach-file column from its header, or null. Insensitive to case, accents, underscores, spaces,
 * punctuation and camelCase; qualifier words (client, patient, principal, …) and numbering ("telephone_2") are ignored.
 * Only a proposal: a person confirms the mapping.
 */
export function headerRole(headerName: string): ColumnRole | null {
  if (typeof headerName !== 'string' || headerName.length > 256) return null;
  const all = words(headerName);
  const exact = ROLE_BY_COMPACT_NAME.get(all.join(''));
  if (exact) return exact;
  const significant = all.filter((word) => !QUALIFIERS.has(word) && !/^\d+$/.test(word));
  if (significant.length === 0 || significant.length === all.length) return null;
  return ROLE_BY_COMPACT_NAME.get(significant.join('')) ?? null;
}

/**
 * Which identifier roles one cell value validates as, in the order email, phone, fr-nir, se-personnummer, birth-date.
 * Name roles are never returned: any text is a possible name. Meant to be run over a sample of a column's cells.
 */
export function valueRoles(value: string, options: ParseOptions): ColumnRole[] {
  if (precheck(value) !== null) return [];
  if (value.includes('@')) return parseEmail(value).ok ? ['email'] : [];
  const roles: ColumnRole[] = [];
  // libphonenumber is the costly parser: only call it on phone characters with 6 to 17 digits.
  const text = value.normalize('NFKC').trim();
  const digitCount = text.replace(/\D/g, '').length;
  if (PHONE_CHARACTERS.test(text) && digitCount >= 6 && digitCount <= 17 && parsePhone(value, options).ok) roles.push('phone');
  if (parseFrNir(value).ok) roles.push('fr-nir');
  if (parseSePersonnummer(value, options).ok) roles.push('se-personnummer');
  if (parseBirthDate(value, options).ok) roles.push('birth-date');
  return roles;
}
