import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { identifierInput, parseFrNir, parsePhone } from '../../src/modules/identifiers/index.js';

/** A synthetic person who is in two breaches, found by different identifiers in each. */
export interface CrossBreachPerson {
  readonly nir: string;
  readonly phone: string;
  readonly surname: string;
  readonly given: string;
  /** YYYY-MM-DD */
  readonly dob: string;
}

/**
 * Two breach files with one person in both, shaped like the seed reports: an Almerys file (NIR, date of
 * birth, marital status, insurer — no name, as the Almerys report says) from a synthetic Viamedis file, and
 * a Chronopost file (name, address, phone, signature) holding the same person's name and phone among
 * other synthetic rows. Alone, neither gives health-refund fraud (NIR + name + date of birth + insurer);
 * together they do: the cross-breach scenario of issue 5.
 */
export function crossBreachFiles(
  dir: string,
  viamedisCsv: string,
  chronopostCsv: string,
): { person: CrossBreachPerson; files: { almerys: string; chronopost: string } } {
  const [vHeader, ...vLines] = viamedisCsv.split('\n').filter((l) => l !== '');
  const vCols = vHeader!.split(',');
  const at = (cells: string[], name: string) => (cells[vCols.indexOf(name)] ?? '').trim();
  const rows = vLines.map((l) => l.split(',')).filter((c) => c.length === vCols.length);
  const chosen = rows.find(
    (c) => at(c, 'telephone') !== '' && parsePhone(at(c, 'telephone'), { today: '2026-11-27', defaultRegion: 'FR' }).ok,
  );
  if (!chosen) throw new Error('the synthetic Viamedis file has nobody with a phone number');
  const [d, m, y] = at(chosen, 'date_naissance').split('/');
  const person: CrossBreachPerson = {
    nir: at(chosen, 'nir'),
    phone: at(chosen, 'telephone'),
    surname: at(chosen, 'nom_naissance'),
    given: at(chosen, 'prenoms').split(' ')[0] ?? '',
    dob: `${y}-${m}-${d}`,
  };
  const almerysCols = ['nir', 'date_naissance', 'situation_familiale', 'organisme_complementaire'];
  const almerys = [almerysCols.join(','), ...rows.map((c) => almerysCols.map((n) => at(c, n)).join(','))].join('\n') + '\n';

  const [cHeader, ...cLines] = chronopostCsv.split('\n').filter((l) => l !== '');
  const cCols = cHeader!.split(',');
  const ours = cCols.map((name) =>
    name === 'nom'
      ? person.surname
      : name === 'prenom'
        ? person.given
        : name === 'adresse'
          ? '7 rue des Lilas'
          : name === 'code_postal'
            ? '69003'
            : name === 'ville'
              ? 'Lyon'
              : name === 'telephone'
                ? person.phone
                : name === 'signature'
                  ? 'SIG-0C0FFEE00001'
                  : '',
  );
  const chronopost = [cHeader, ...cLines.slice(0, 20), ours.join(','), ...cLines.slice(20)].join('\n') + '\n';
  const files = { almerys: join(dir, 'almerys.csv'), chronopost: join(dir, 'chronopost.csv') };
  writeFileSync(files.almerys, almerys);
  writeFileSync(files.chronopost, chronopost);
  return { person, files };
}

/** Every form in which the person's identifiers could appear: as typed, canonical, and hashed. */
export function identifierForms(person: CrossBreachPerson): string[] {
  const today = '2026-11-27';
  const values = new Set<string>([
    person.nir,
    person.nir.replace(/\s/g, ''),
    person.phone,
    person.phone.replace(/[\s.]/g, ''),
    person.surname,
  ]);
  const nir = parseFrNir(person.nir);
  if (nir.ok) values.add(nir.canonical).add(identifierInput(nir.kind, nir.canonical));
  const phone = parsePhone(person.phone, { today, defaultRegion: 'FR' });
  if (phone.ok) values.add(phone.canonical).add(identifierInput(phone.kind, phone.canonical)).add(phone.canonical.replace('+33', '0'));
  const forms = new Set<string>();
  for (const v of values) {
    if (v.length < 4) continue;
    forms.add(v);
    for (const algo of ['sha1', 'sha256']) forms.add(createHash(algo).update(v).digest('hex'));
  }
  return [...forms];
}
