import { headerRole, valueRoles, type ColumnRole, type ParseOptions } from '../identifiers/index.js';
import type { FieldIssue } from '../../platform/errors.js';
import type { SourceEncoding, SourceFormat } from './source-format.js';

/** What a column of a breach file is used for. */
export type ColumnUse =
  | { readonly type: 'identifier'; readonly role: ColumnRole }
  | { readonly type: 'data'; readonly dataClass: string }
  | { readonly type: 'ignore' };

export interface PlannedColumn {
  readonly index: number;
  readonly name: string;
  readonly use: ColumnUse;
  /** How the use was decided: from the header name, from sampled values, by `--map`, or not at all. */
  readonly decidedBy: 'header' | 'values' | 'map' | 'none';
}

/** Everything that decides how a file is read and indexed; its digest identifies a run for resuming. */
export interface IngestPlan {
  readonly format: SourceFormat;
  readonly encoding: SourceEncoding;
  readonly bom: number;
  readonly delimiter: string | null;
  readonly header: boolean;
  readonly columns: readonly PlannedColumn[];
  readonly defaultRegion: string;
  readonly keepContacts: boolean;
}

/** The data class an identifier role contributes to a person's record. */
export const ROLE_DATA_CLASS: Readonly<Record<ColumnRole, string>> = {
  email: 'email-address',
  phone: 'phone-number',
  'fr-nir': 'fr-nir',
  'se-personnummer': 'se-personnummer',
  surname: 'name',
  'birth-surname': 'name',
  'usage-surname': 'name',
  'given-names': 'name',
  'birth-date': 'date-of-birth',
};

export const COLUMN_ROLES = Object.keys(ROLE_DATA_CLASS) as ColumnRole[];

/**
 * Header names (accents, case, spaces and punctuation folded) that say which data class a non-identifier
 * column holds, in French, Swedish and English. A suggestion only: `--map column=class` overrides it.
 */
const DATA_CLASS_HEADERS: readonly (readonly [RegExp, string])[] = [
  [
    /^(adresse|address|adress|rue|street|voie|ligne\d?|address\d|adresse\d|gatuadress|code ?postal|cp|postcode|zip|postnummer|postnr|ville|city|ort|commune|postort|pays|country|land)$/,
    'postal-address',
  ],
  [/^(organisme( complementaire)?|mutuelle|complementaire|assureur|insurer|health insurer|caisse|regime|amc|amo)$/, 'health-insurer'],
  [/^(sexe|sex|gender|genre|kon)$/, 'gender'],
  [/^(situation familiale|situation matrimoniale|marital status|civilstand|etat civil)$/, 'marital-status'],
  [/^(civilite|titre|title|salutation)$/, 'salutation'],
  [/^(produkt|produkter|forsakring|insurance product|product|produit|contrat|contract|garantie)$/, 'insurance-products'],
  [/^(ip|ip adress|ip address|ip adresse|adresse ip|ipv4|ipv6)$/, 'ip-address'],
  [/^(signature|signatur)$/, 'signature'],
  [/^(iban|rib|bic|kontonummer|account number)$/, 'iban'],
  [/^(numero client|customer number|customer id|kundnummer|client id|id client)$/, 'customer-number'],
  [/^(numero colis|tracking number|colis|kollinummer)$/, 'shipment-tracking-number'],
  [/^(employeur|employer|arbetsgivare)$/, 'employer'],
];

export function foldHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function dataClassFromHeader(name: string): string | null {
  const folded = foldHeader(name);
  for (const [pattern, code] of DATA_CLASS_HEADERS) if (pattern.test(folded)) return code;
  return null;
}

/** Share of non-empty sampled values a role must validate on before a column is proposed as that role. */
export const VALUE_SHARE = 0.6;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * Proposes a use for each column: the header name first, then the sampled values (the role that most
 * values validate as, if at least VALUE_SHARE of them do), then `--map` overrides win over both.
 */
export function proposeColumns(
  names: readonly string[],
  sample: readonly (readonly string[])[],
  options: ParseOptions,
  overrides: ReadonlyMap<number, ColumnUse>,
): PlannedColumn[] {
  return names.map((name, index) => {
    const override = overrides.get(index);
    if (override) return { index, name, use: override, decidedBy: 'map' };
    const role = headerRole(name);
    if (role) return { index, name, use: { type: 'identifier', role }, decidedBy: 'header' };
    const dataClass = dataClassFromHeader(name);
    if (dataClass) return { index, name, use: { type: 'data', dataClass }, decidedBy: 'header' };
    const values = sample.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
    if (values.length > 0) {
      const counts = new Map<ColumnRole, number>();
      let ips = 0;
      for (const v of values) {
        for (const r of valueRoles(v, options)) counts.set(r, (counts.get(r) ?? 0) + 1);
        if (IPV4.test(v)) ips++;
      }
      const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      if (best && best[1] >= values.length * VALUE_SHARE)
        return { index, name, use: { type: 'identifier', role: best[0] }, decidedBy: 'values' };
      if (ips >= values.length * VALUE_SHARE) return { index, name, use: { type: 'data', dataClass: 'ip-address' }, decidedBy: 'values' };
    }
    return { index, name, use: { type: 'ignore' }, decidedBy: 'none' };
  });
}

/**
 * Parses `--map column=use` options: column is a header name (case-insensitive) or a 1-based number;
 * use is an identifier role, a data-class code, or `ignore`. Every problem is reported, not just the first.
 */
export function parseColumnOverrides(
  maps: readonly string[],
  names: readonly string[],
  dataClassCodes: ReadonlySet<string>,
): { overrides: Map<number, ColumnUse>; issues: FieldIssue[] } {
  const overrides = new Map<number, ColumnUse>();
  const issues: FieldIssue[] = [];
  for (const m of maps) {
    const eq = m.lastIndexOf('=');
    if (eq <= 0 || eq === m.length - 1) {
      issues.push({ path: `--map ${m}`, message: 'expected column=kind' });
      continue;
    }
    const col = m.slice(0, eq).trim();
    const what = m.slice(eq + 1).trim();
    let index = names.findIndex((n) => n.toLowerCase() === col.toLowerCase());
    if (index < 0 && /^\d+$/.test(col)) index = Number(col) - 1;
    if (index < 0 || index >= names.length) {
      issues.push({ path: `--map ${col}`, message: `no such column (columns: ${names.map((n, i) => n || `#${i + 1}`).join(', ')})` });
      continue;
    }
    let use: ColumnUse | null = null;
    if (what === 'ignore') use = { type: 'ignore' };
    else if ((COLUMN_ROLES as string[]).includes(what)) use = { type: 'identifier', role: what as ColumnRole };
    else if (dataClassCodes.has(what)) use = { type: 'data', dataClass: what };
    if (!use) {
      issues.push({
        path: `--map ${col}`,
        message: `unknown kind "${what}": use one of ${COLUMN_ROLES.join(', ')}, a data-class code, or ignore`,
      });
      continue;
    }
    overrides.set(index, use);
  }
  return { overrides, issues };
}

/** The data class a column contributes, or null for ignored columns. */
export function columnDataClass(use: ColumnUse): string | null {
  switch (use.type) {
    case 'identifier':
      return ROLE_DATA_CLASS[use.role];
    case 'data':
      return use.dataClass;
    case 'ignore':
      return null;
  }
}

/** Problems that make a plan unusable: no identifier at all, or a name + date of birth missing a part. */
export function planIssues(columns: readonly PlannedColumn[]): { issues: FieldIssue[]; warnings: string[] } {
  const issues: FieldIssue[] = [];
  const warnings: string[] = [];
  const roles = new Set(columns.flatMap((c) => (c.use.type === 'identifier' ? [c.use.role] : [])));
  const hasSurname = roles.has('surname') || roles.has('birth-surname') || roles.has('usage-surname');
  const nameParts = [hasSurname, roles.has('given-names'), roles.has('birth-date')];
  const nameDob = nameParts.every(Boolean);
  if (nameParts.some(Boolean) && !nameDob) {
    const missing = [!hasSurname && 'surname', !roles.has('given-names') && 'given-names', !roles.has('birth-date') && 'birth-date'].filter(
      Boolean,
    );
    warnings.push(
      `name + date of birth look-ups need a ${missing.join(' and a ')} column: names are recorded as exposed but cannot be looked up`,
    );
  }
  const direct = ['email', 'phone', 'fr-nir', 'se-personnummer'].some((r) => roles.has(r as ColumnRole));
  if (!direct && !nameDob) {
    issues.push({
      path: 'columns',
      message:
        'no column holds an identifier a person can look up (email, phone, fr-nir, se-personnummer, or surname + given-names + birth-date)',
    });
  }
  for (const c of columns)
    if (c.decidedBy === 'none')
      warnings.push(`column ${c.name || `#${c.index + 1}`} is not used (map it with --map "${c.name || c.index + 1}=<kind>" or =ignore)`);
  for (const role of ['surname', 'birth-surname', 'usage-surname', 'given-names', 'birth-date'] as const) {
    const n = columns.filter((c) => c.use.type === 'identifier' && c.use.role === role).length;
    if (n > 1)
      issues.push({ path: 'columns', message: `${n} columns are mapped to ${role}; map one and set the others to a data class or ignore` });
  }
  return { issues, warnings };
}
