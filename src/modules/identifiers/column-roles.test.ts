import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { headerRole, valueRoles, type ColumnRole } from './column-roles.js';

const options = { today: '2025-06-15' };

describe('headerRole', () => {
  const expected: Record<ColumnRole, string[]> = {
    email: [
      'email',
      'e-mail',
      'E_Mail',
      'EMAIL',
      'courriel',
      'mail',
      'epost',
      'e_post',
      'E-postadress',
      'Adresse e-mail',
      'email_client',
      'eMail',
    ],
    phone: [
      'telephone',
      'téléphone',
      'Tél.',
      'tel',
      'portable',
      'mobile',
      'phone',
      'mobilnummer',
      'telefon',
      'telephone_2',
      'Numéro de téléphone',
      'phoneNumber',
    ],
    'fr-nir': [
      'nir',
      'NIR',
      'numero_secu',
      'num_ss',
      'securite_sociale',
      'N° sécurité sociale',
      'nss',
      'insee',
      'N° SS',
      'numéro de sécurité sociale',
    ],
    'se-personnummer': ['personnummer', 'pnr', 'personnr', 'Person-nr', 'PERSONNUMMER', 'samordningsnummer'],
    surname: ['nom', 'NOM', 'last_name', 'lastName', 'surname', 'efternamn', 'Efternamn', 'nom de famille', 'patient_nom'],
    'birth-surname': ['nom_naissance', 'nom_de_naissance', 'Nom de naissance', 'birth_name', 'maiden_name', 'nom de jeune fille'],
    'usage-surname': ['nom_usage', 'nom_d_usage', "Nom d'usage", 'NOM_USAGE', 'nom d’usage', 'married_name'],
    'given-names': [
      'prenom',
      'prénoms',
      'Prénom',
      'first_name',
      'firstName',
      'given_name',
      'given_names',
      'fornamn',
      'förnamn',
      'Tilltalsnamn',
      'prenom_1',
    ],
    'birth-date': [
      'date_naissance',
      'Date de naissance',
      'ddn',
      'DDN',
      'dob',
      'birth_date',
      'date_of_birth',
      'dateOfBirth',
      'fodelsedatum',
      'Födelsedatum',
      'birthdate',
    ],
  };
  for (const [role, headers] of Object.entries(expected)) {
    for (const header of headers) {
      it(`reads ${JSON.stringify(header)} as ${role}`, () => assert.equal(headerRole(header), role));
    }
  }

  for (const header of [
    '',
    'name',
    'nom_complet',
    'id',
    'adresse',
    'ville',
    'date',
    'date_inscription',
    'cle_nir',
    'comment',
    'client',
    '1',
    'x'.repeat(300),
  ]) {
    it(`proposes nothing for ${JSON.stringify(header.slice(0, 20))}`, () => assert.equal(headerRole(header), null));
  }
});

describe('valueRoles', () => {
  const cases: [string, ColumnRole[]][] = [
    ['jean.dupont@example.fr', ['email']],
    ['jean.dupont@example', []],
    ['06 12 34 56 78', ['phone']],
    ['+46 70 123 45 67', ['phone']],
    ['2 55 08 14 168 025 38', ['fr-nir']],
    ['2550814168025', ['fr-nir']],
    ['701063-2391', ['se-personnummer']],
    ['197010632391', ['se-personnummer']],
    ['12/03/1985', ['birth-date']],
    ['19850312', ['birth-date']],
    ['Dupont', []],
    ['', []],
    ['   ', []],
    ['0'.repeat(300), []],
  ];
  for (const [value, roles] of cases) {
    it(`finds ${JSON.stringify(roles)} in ${JSON.stringify(value.slice(0, 30))}`, () =>
      assert.deepEqual(valueRoles(value, options), roles));
  }
});
