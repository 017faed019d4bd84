import { weighted } from './prng.js';

/** Birth departments for the NIR, weighted by population (tens of thousands). 2A/2B are Corsica. */
export const DEPARTMENTS = weighted(
  `01:65 02:53 03:33 04:16 05:14 06:109 07:33 08:27 09:15 10:31 11:37 12:28 13:204 14:69 15:14 16:35 17:65 18:30 19:24 2A:16
2B:18 21:53 22:60 23:12 24:41 25:54 26:52 27:60 28:43 29:91 30:75 31:140 32:19 33:162 34:118 35:108 36:22 37:61 38:127 39:26
40:41 41:33 42:76 43:23 44:143 45:68 46:17 47:33 48:8 49:82 50:50 51:57 52:17 53:31 54:73 55:18 56:76 57:105 58:20 59:261
60:83 61:28 62:147 63:66 64:68 65:23 66:48 67:113 68:77 69:186 70:23 71:55 72:57 73:44 74:83 75:217 76:125 77:142 78:145
79:37 80:57 81:39 82:26 83:108 84:56 85:69 86:44 87:37 88:36 89:34 90:14 91:130 92:162 93:165 94:141 95:125`
    .split(/\s+/)
    .map((item) => {
      const [code = '', w = '0'] = item.split(':');
      return [code, Number(w)] as const;
    }),
);

/** INSEE country codes (the 3 digits after "99") for people born abroad. */
export const BIRTH_COUNTRIES = weighted<string>([
  ['352', 25], // Algeria
  ['350', 20], // Morocco
  ['351', 8], // Tunisia
  ['139', 10], // Portugal
  ['127', 5], // Italy
  ['134', 5], // Spain
  ['208', 4], // Turkey
  ['341', 3], // Senegal
  ['335', 2], // Mali
  ['326', 2], // Côte d'Ivoire
  ['322', 2], // Cameroon
  ['243', 2], // Viet Nam
  ['132', 2], // United Kingdom
  ['131', 3], // Belgium
  ['109', 3], // Germany
  ['114', 2], // Romania
  ['216', 2], // China
  ['140', 1], // Switzerland
  ['122', 1], // Poland
]);

/** Communes of birth: Paris, Marseille and Lyon births are coded by arrondissement. */
export function communeRange(department: string): readonly [number, number] {
  switch (department) {
    case '75':
      return [101, 120];
    case '13':
      return [1, 220];
    case '69':
      return [1, 389];
    case '2A':
    case '2B':
      return [1, 366];
    default:
      return [1, 699];
  }
}

interface City {
  readonly name: string;
  readonly postcodes: readonly string[];
}

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, '0')}`);

export const CITIES = weighted<City>([
  [{ name: 'Paris', postcodes: range('750', 1, 20) }, 60],
  [{ name: 'Marseille', postcodes: range('130', 1, 16) }, 24],
  [{ name: 'Lyon', postcodes: range('690', 1, 9) }, 16],
  [{ name: 'Toulouse', postcodes: ['31000', '31100', '31200', '31300', '31400', '31500'] }, 14],
  [{ name: 'Nice', postcodes: ['06000', '06100', '06200', '06300'] }, 10],
  [{ name: 'Nantes', postcodes: ['44000', '44100', '44200', '44300'] }, 10],
  [{ name: 'Montpellier', postcodes: ['34000', '34070', '34080', '34090'] }, 8],
  [{ name: 'Strasbourg', postcodes: ['67000', '67100', '67200'] }, 8],
  [{ name: 'Bordeaux', postcodes: ['33000', '33100', '33200', '33300', '33800'] }, 8],
  [{ name: 'Lille', postcodes: ['59000', '59160', '59260', '59777', '59800'] }, 8],
  [{ name: 'Rennes', postcodes: ['35000', '35200', '35700'] }, 6],
  [{ name: 'Reims', postcodes: ['51100'] }, 6],
  [{ name: 'Saint-Étienne', postcodes: ['42000', '42100'] }, 6],
  [{ name: 'Le Havre', postcodes: ['76600', '76610', '76620'] }, 6],
  [{ name: 'Toulon', postcodes: ['83000', '83100', '83200'] }, 6],
  [{ name: 'Grenoble', postcodes: ['38000', '38100'] }, 6],
  [{ name: 'Dijon', postcodes: ['21000'] }, 4],
  [{ name: 'Angers', postcodes: ['49000', '49100'] }, 4],
  [{ name: 'Nîmes', postcodes: ['30000', '30900'] }, 4],
  [{ name: 'Villeurbanne', postcodes: ['69100'] }, 4],
  [{ name: 'Clermont-Ferrand', postcodes: ['63000', '63100'] }, 4],
  [{ name: 'Le Mans', postcodes: ['72000', '72100'] }, 4],
  [{ name: 'Aix-en-Provence', postcodes: ['13080', '13090', '13100', '13290', '13540'] }, 4],
  [{ name: 'Brest', postcodes: ['29200'] }, 4],
  [{ name: 'Tours', postcodes: ['37000', '37100', '37200'] }, 4],
  [{ name: 'Amiens', postcodes: ['80000', '80080', '80090'] }, 4],
  [{ name: 'Limoges', postcodes: ['87000', '87100', '87280'] }, 4],
  [{ name: 'Boulogne-Billancourt', postcodes: ['92100'] }, 4],
  [{ name: 'Annecy', postcodes: ['74000', '74370', '74600', '74940', '74960'] }, 2],
  [{ name: 'Perpignan', postcodes: ['66000', '66100'] }, 2],
  [{ name: 'Metz', postcodes: ['57000', '57050', '57070'] }, 2],
  [{ name: 'Besançon', postcodes: ['25000'] }, 2],
  [{ name: 'Orléans', postcodes: ['45000', '45100'] }, 2],
  [{ name: 'Saint-Denis', postcodes: ['93200', '93210'] }, 2],
  [{ name: 'Argenteuil', postcodes: ['95100'] }, 2],
  [{ name: 'Rouen', postcodes: ['76000', '76100'] }, 2],
  [{ name: 'Montreuil', postcodes: ['93100'] }, 2],
  [{ name: 'Mulhouse', postcodes: ['68100', '68200'] }, 2],
  [{ name: 'Caen', postcodes: ['14000'] }, 2],
  [{ name: 'Nancy', postcodes: ['54000', '54100'] }, 2],
  [{ name: 'Roubaix', postcodes: ['59100'] }, 2],
  [{ name: 'Nanterre', postcodes: ['92000'] }, 2],
  [{ name: 'Vitry-sur-Seine', postcodes: ['94400'] }, 2],
  [{ name: 'Créteil', postcodes: ['94000'] }, 2],
  [{ name: 'Avignon', postcodes: ['84000'] }, 2],
  [{ name: 'Poitiers', postcodes: ['86000'] }, 2],
  [{ name: 'Versailles', postcodes: ['78000'] }, 2],
  [{ name: 'Pau', postcodes: ['64000'] }, 2],
  [{ name: 'La Rochelle', postcodes: ['17000'] }, 2],
  [{ name: 'Champigny-sur-Marne', postcodes: ['94500'] }, 2],
  [{ name: 'Béziers', postcodes: ['34500'] }, 2],
  [{ name: 'Cannes', postcodes: ['06150', '06400'] }, 2],
  [{ name: 'Saint-Maur-des-Fossés', postcodes: ['94100', '94210'] }, 2],
  [{ name: 'Ajaccio', postcodes: ['20000', '20090'] }, 2],
  [{ name: 'Bastia', postcodes: ['20200', '20600'] }, 2],
  [{ name: 'Châlons-en-Champagne', postcodes: ['51000'] }, 2],
  [{ name: 'Évry-Courcouronnes', postcodes: ['91000', '91080'] }, 2],
  [{ name: "L'Haÿ-les-Roses", postcodes: ['94240'] }, 2],
  [{ name: 'Sèvres', postcodes: ['92310'] }, 2],
  [{ name: 'Périgueux', postcodes: ['24000'] }, 2],
  [{ name: 'Quimper', postcodes: ['29000'] }, 2],
  [{ name: 'Saint-Malo', postcodes: ['35400'] }, 2],
  [{ name: 'Lons-le-Saunier', postcodes: ['39000'] }, 2],
  [{ name: 'Épinal', postcodes: ['88000'] }, 2],
  [{ name: 'Mâcon', postcodes: ['71000'] }, 2],
  [{ name: 'Gap', postcodes: ['05000'] }, 2],
  [{ name: 'Bourg-en-Bresse', postcodes: ['01000'] }, 2],
  [{ name: 'Valence', postcodes: ['26000'] }, 2],
  [{ name: 'Chambéry', postcodes: ['73000'] }, 2],
  [{ name: 'Niort', postcodes: ['79000'] }, 2],
  [{ name: 'Cergy', postcodes: ['95000', '95800'] }, 2],
  [{ name: "Pont-l'Évêque", postcodes: ['14130'] }, 1],
  [{ name: 'Plœmeur', postcodes: ['56270'] }, 1],
  [{ name: 'Saint-Jean-de-Luz', postcodes: ['64500'] }, 1],
]);

export const STREET_TYPES = weighted<string>([
  ['rue', 50],
  ['avenue', 15],
  ['boulevard', 6],
  ['allée', 6],
  ['impasse', 5],
  ['chemin', 6],
  ['place', 3],
  ['route', 5],
  ['quai', 2],
  ['cours', 2],
]);

export const STREET_NAMES: readonly string[] = [
  'Victor Hugo',
  'de la République',
  'Jean Jaurès',
  'du Général de Gaulle',
  'des Écoles',
  "de l'Église",
  'Pasteur',
  'des Lilas',
  'du Moulin',
  'de la Gare',
  'Émile Zola',
  'des Châtaigniers',
  'Saint-Exupéry',
  'du Château',
  'de Verdun',
  'Gambetta',
  'Jules Ferry',
  'Voltaire',
  'des Peupliers',
  'de la Libération',
  'du 8 Mai 1945',
  'Georges Clemenceau',
  'Anatole France',
  'des Tilleuls',
  'du Stade',
  'Aristide Briand',
  'des Prés',
  'Françoise Dolto',
  "de l'Hôtel de Ville",
  'Nationale',
  'des Cèdres',
  'du Maréchal Foch',
  'de la Forêt',
  'Marcel Pagnol',
  'des Mûriers',
  'Sainte-Thérèse',
  "d'Alsace-Lorraine",
  'de Bretagne',
  'du Bois Fleuri',
  'Pierre et Marie Curie',
];

export const BUILDING_PREFIXES: readonly string[] = [
  'Bât. B, ',
  'Bâtiment C, ',
  'Apt 12, ',
  'Appartement 4, ',
  'Résidence Les Tilleuls, ',
  'Résidence "Le Parc", ',
  'Escalier 2, ',
  'Chez M. et Mme ',
];

/** Complementary health insurers (organismes complémentaires), weighted loosely by size. */
export const FR_INSURERS = weighted<string>([
  ['Harmonie Mutuelle', 14],
  ['MGEN', 12],
  ['Malakoff Humanis', 10],
  ['AG2R La Mondiale', 9],
  ['Groupama', 6],
  ['AXA', 6],
  ['Mutuelle Générale', 5],
  ['MACIF', 5],
  ['Matmut', 4],
  ['Apivia', 3],
  ['Klesia', 3],
  ['Pro BTP', 4],
  ['Swiss Life', 2],
  ['Allianz', 3],
  ['Generali', 2],
  ['Intériale', 2],
  ['MNT', 2],
  ['Mutuelle Bleue', 1],
  ['Solimut', 1],
  ['Ociane Matmut', 1],
  ['Alan', 2],
  ['April Santé', 1],
  ['Henner', 1],
  ['Crédit Agricole Assurances', 2],
  ['Mutualité Française Bourguignonne', 1],
]);

export const FR_EMAIL_DOMAINS = weighted<string>([
  ['gmail.com', 26],
  ['orange.fr', 18],
  ['free.fr', 10],
  ['hotmail.fr', 10],
  ['yahoo.fr', 6],
  ['laposte.net', 6],
  ['sfr.fr', 6],
  ['wanadoo.fr', 5],
  ['outlook.fr', 4],
  ['outlook.com', 3],
  ['icloud.com', 3],
  ['neuf.fr', 2],
  ['bbox.fr', 1],
]);

export const SE_EMAIL_DOMAINS = weighted<string>([
  ['gmail.com', 30],
  ['hotmail.com', 16],
  ['telia.com', 12],
  ['outlook.com', 10],
  ['yahoo.se', 6],
  ['live.se', 6],
  ['icloud.com', 6],
  ['bredband.net', 4],
  ['spray.se', 2],
  ['comhem.se', 3],
  ['bahnhof.se', 2],
]);

/** Folksam-like insurance products. Gravidförsäkring (pregnancy) and Barnförsäkring (child) are the sensitive ones. */
export const SE_PRODUCTS = {
  adult: weighted<string>([
    ['Hemförsäkring', 30],
    ['Bilförsäkring', 15],
    ['Villaförsäkring', 10],
    ['Olycksfallsförsäkring', 10],
    ['Barnförsäkring', 10],
    ['Livförsäkring', 5],
    ['Sjuk- och olycksfallsförsäkring', 4],
    ['Fritidshusförsäkring', 3],
    ['Båtförsäkring', 2],
    ['Hundförsäkring', 3],
    ['Kattförsäkring', 2],
    ['Inkomstförsäkring', 3],
    ['Tandvårdsförsäkring', 1],
    ['Husvagnsförsäkring', 1],
    ['Motorcykelförsäkring', 1],
  ]),
  pregnancy: 'Gravidförsäkring',
  minor: weighted<string>([
    ['Barnförsäkring', 6],
    ['Olycksfallsförsäkring', 3],
    ['Hemförsäkring', 1],
  ]),
} as const;

/** First octets of public IPv4 space used by Swedish access providers (looks plausible; not a registry). */
export const SE_IP_FIRST_OCTETS: readonly number[] = [78, 79, 81, 83, 85, 90, 94, 95, 155, 158, 176, 185, 188, 193, 194, 212, 213, 217];
