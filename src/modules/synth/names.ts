import { weighted, type Weighted } from './prng.js';

/**
 * Given names and surnames, French and Swedish, with rough frequency weights. Given names carry three
 * weights, for people born before 1955, 1955–1984 and from 1985, so first names fit the birth year.
 * Every character is encodable in Windows-1252 (a test checks it), so windows-1252 output is lossless.
 */
export interface NameEntry {
  /** As written in a civil-status record: accents, hyphens, apostrophes and particles kept. */
  readonly text: string;
  /** Letters only, lower-case ASCII: the coarsest fold, used for name + date of birth freshness. */
  readonly key: string;
  /** Lower-case ASCII for e-mail local parts: hyphens kept, spaces and apostrophes dropped. */
  readonly email: string;
  readonly upper: string;
  /** Upper case without accents (LEFEVRE), as some registries write names. */
  readonly upperAscii: string;
  readonly accented: boolean;
  /**
   * As a surname, the letters-only forms an ingest may match it by: whole, without leading particles
   * (de La Fontaine → fontaine, Le Gall → gall) and, when two words remain, each (Martin-Dupont → martin, dupont).
   */
  readonly surnameKeys: readonly string[];
  /** As a given name, the first word of a compound (Jean-Pierre → jean), else null. */
  readonly firstWord: string | null;
}

export type Culture = 'fr' | 'se';
export type Sex = 'M' | 'F';
/** 0: born before 1955, 1: 1955–1984, 2: from 1985. */
export type Era = 0 | 1 | 2;

const FR_MALE = `Jean:10,6,1 Pierre:6,3,1 Michel:7,4,0 André:6,1,0 Philippe:2,6,0 Alain:3,5,0 Jacques:6,2,0 Bernard:5,2,0
René:5,0,0 Marcel:5,0,0 Roger:4,0,0 Robert:4,0,0 Gérard:3,3,0 Daniel:3,4,1 Patrick:1,6,0 Christian:2,5,0 Claude:4,2,0
Henri:4,0,0 Louis:4,0,4 Georges:3,0,0 Lucien:2,0,0 Raymond:3,0,0 Maurice:3,0,0 Guy:2,1,0 Yves:2,2,0 Jean-Pierre:3,4,0
Jean-Claude:3,3,0 Jean-Luc:1,3,0 Jean-François:1,3,0 Jean-Marc:0,2,0 Jean-Baptiste:0,1,2 Éric:0,5,0 Stéphane:0,5,1
Frédéric:0,5,0 Laurent:0,5,0 Thierry:0,4,0 Pascal:0,4,0 Christophe:0,6,0 Olivier:0,5,1 Sébastien:0,4,3 Nicolas:0,4,4
David:0,4,3 Julien:0,2,4 François:4,3,1 Hervé:1,3,0 Didier:1,4,0 Dominique:2,3,0 Bruno:1,3,0 Franck:0,3,0 Jérôme:0,4,2
Cédric:0,2,2 Mathieu:0,2,3 Benoît:0,2,2 Rémi:0,1,3 Thomas:0,2,6 Alexandre:0,2,5 Maxime:0,1,5 Antoine:1,1,4 Kévin:0,0,3
Romain:0,1,4 Lucas:0,0,6 Hugo:0,0,5 Théo:0,0,5 Léo:0,0,4 Gabriel:1,0,4 Raphaël:0,0,4 Arthur:1,0,4 Nathan:0,0,5 Enzo:0,0,3
Noé:0,0,2 Maël:0,0,2 Loïc:0,2,2 Gaël:0,1,2 Grégoire:0,1,1 Aurélien:0,1,2 Joël:1,2,0 Noël:2,1,0 Mohamed:1,2,3 Karim:0,1,1
Youssef:0,0,2 Mamadou:0,1,1 Ibrahim:0,1,1 Ahmed:1,1,1 Mehdi:0,1,2 Yannick:0,2,0 Gilles:1,3,0 Anthony:0,1,3 Quentin:0,0,3
Florian:0,0,3 Adrien:0,0,3 Clément:0,1,3 Valentin:0,0,3 Bastien:0,0,2 Timothée:0,0,2 Éloi:0,0,1 Gaëtan:0,1,2 Jérémy:0,0,3`;

const FR_FEMALE = `Marie:10,5,2 Jeanne:7,1,2 Françoise:6,3,0 Monique:7,1,0 Jacqueline:6,1,0 Simone:5,0,0 Denise:5,0,0 Germaine:4,0,0
Suzanne:4,0,0 Madeleine:5,0,0 Yvette:3,0,0 Paulette:3,0,0 Odette:3,0,0 Ginette:3,0,0 Josette:3,0,0 Andrée:3,0,0 Renée:3,0,0
Thérèse:3,0,0 Geneviève:3,1,0 Colette:3,0,0 Nicole:4,2,0 Danielle:2,3,0 Christiane:3,1,0 Michèle:3,2,0 Annie:2,2,0
Martine:1,5,0 Nathalie:0,7,0 Isabelle:0,7,0 Sylvie:0,6,0 Catherine:1,6,0 Christine:1,5,0 Valérie:0,5,0 Sandrine:0,5,0
Véronique:0,5,0 Patricia:0,4,0 Brigitte:1,4,0 Chantal:1,4,0 Corinne:0,4,0 Céline:0,4,2 Sophie:0,4,2 Stéphanie:0,4,2
Karine:0,4,0 Laurence:0,4,0 Virginie:0,3,1 Hélène:2,3,1 Agnès:2,2,0 Béatrice:1,3,0 Cécile:1,3,1 Élisabeth:2,2,0 Anne:2,4,1
Anne-Marie:2,2,0 Marie-Claire:2,1,0 Marie-Thérèse:3,0,0 Anne-Sophie:0,1,2 Marie-Hélène:1,2,0 Joëlle:1,2,0 Mireille:2,2,0
Aurélie:0,1,4 Émilie:0,1,4 Julie:0,2,4 Élodie:0,1,3 Mélanie:0,1,3 Camille:0,0,5 Léa:0,0,6 Manon:0,0,5 Chloé:0,0,5 Emma:0,0,5
Inès:0,0,3 Jade:0,0,3 Louise:2,0,4 Zoé:0,0,3 Lola:0,0,2 Clémence:0,0,2 Océane:0,0,2 Noémie:0,0,2 Maëlle:0,0,2 Gaëlle:0,1,2
Anaïs:0,0,3 Solène:0,0,2 Héloïse:0,0,1 Adèle:1,0,2 Léonie:1,0,2 Élise:1,1,2 Margaux:0,0,2 Pauline:0,1,3 Charlotte:0,1,3
Laura:0,0,3 Sarah:0,1,3 Fatima:1,1,1 Aïcha:0,1,1 Amina:0,0,1 Nadia:0,1,1 Samia:0,1,0 Mathilde:0,0,2 Lucie:1,0,3 Clara:0,0,3
Alice:1,0,3 Juliette:0,0,2 Eugénie:1,0,1 Bérénice:0,0,1 Nolwenn:0,1,1 Maïwenn:0,0,1 Ophélie:0,0,2 Léna:0,0,3`;

const FR_SURNAMES = `Martin:30 Bernard:15 Thomas:13 Petit:13 Robert:13 Richard:12 Durand:12 Dubois:12 Moreau:11 Laurent:10 Simon:10
Michel:10 Lefebvre:9 Leroy:9 Roux:8 David:8 Bertrand:8 Morel:8 Fournier:8 Girard:8 Bonnet:7 Dupont:7 Lambert:7 Fontaine:7
Rousseau:7 Vincent:7 Muller:6 Lefèvre:6 Faure:6 André:6 Mercier:6 Blanc:6 Guérin:6 Boyer:6 Garnier:6 Chevalier:6 François:5
Legrand:5 Gauthier:5 Garcia:5 Perrin:5 Robin:5 Clément:5 Morin:5 Nicolas:5 Henry:5 Roussel:5 Mathieu:5 Gautier:5 Masson:5
Marchand:4 Duval:4 Denis:4 Dumont:4 Marie:4 Lemaire:4 Noël:4 Meyer:4 Dufour:4 Meunier:4 Brun:4 Blanchard:4 Giraud:4 Joly:4
Rivière:4 Lucas:4 Brunet:4 Gaillard:4 Barbier:4 Arnaud:4 Martinez:4 Gérard:4 Roche:4 Renard:4 Schmitt:4 Roy:4 Leroux:4
Colin:4 Vidal:4 Caron:4 Picard:3 Roger:3 Fabre:3 Aubert:3 Lemoine:3 Renaud:3 Dumas:3 Lacroix:3 Olivier:3 Philippe:3
Bourgeois:3 Pierre:3 Benoît:3 Rey:3 Leclerc:3 Payet:3 Rolland:3 Leclercq:3 Guillaume:3 Lecomte:3 Lopez:3 Jean:3 Dupuy:3
Guillot:3 Hubert:3 Berger:3 Carpentier:3 Sanchez:3 Dupuis:3 Moulin:3 Louis:3 Deschamps:3 Huet:3 Vasseur:3 Perez:3 Boucher:3
Fleury:3 Royer:3 Klein:3 Jacquet:3 Adam:3 Paris:3 Poirier:3 Marty:3 Aubry:3 Guyot:3 Carré:3 Charles:3 Renault:3
Charpentier:3 Ménard:3 Maillard:3 Baron:3 Bertin:3 Bailly:3 Hervé:3 Schneider:3 Fernandez:3 Le_Gall:3 Collet:3 Léger:3
Bouvier:2 Julien:2 Prévost:2 Millet:2 Perrot:2 Daniel:2 Le_Roux:2 Cousin:2 Germain:2 Breton:2 Besson:2 Langlois:2 Rémy:2
Le_Goff:2 Pelletier:2 Lévêque:2 Perrier:2 Leblanc:2 Barré:2 Lebrun:2 Marchal:2 Weber:2 Mallet:2 Hamon:2 Boulanger:2 Jacob:2
Monnier:2 Michaud:2 Rodriguez:2 Guichard:2 Gillet:2 Étienne:2 Grondin:2 Poulain:2 Tessier:2 Chevallier:2 Collin:2 Chauvin:2
Da_Silva:2 Bouchet:2 Gay:2 Lemaître:2 Bénard:2 Maréchal:2 Humbert:2 Reynaud:2 Antoine:2 Hoarau:2 Perret:2 Barthélemy:2
Cordier:2 Pichon:2 Lejeune:2 Gilbert:2 Lamy:2 Delaunay:2 Pasquier:2 Carlier:2 Laporte:2 Nguyen:3 N'Diaye:2 Diallo:2
Traoré:1 Koné:1 Camara:1 Sow:1 Benali:1 Haddad:1 Ben_Amor:1 El_Amrani:1 Bensaïd:1 Ferreira:2 Gonçalves:1 Dos_Santos:2
Pereira:2 Rodrigues:2 Côté:1 de_La_Fontaine:1 Martin-Dupont:1 Le_Floc'h:1 Le_Bihan:1 Quéré:1 Kerhervé:1 de_Villiers:1
du_Pont:1 d'Almeida:1 Saint-Martin:1 Lecœur:1 Hébert:2 Thébault:1 Chénier:1 Béranger:1 Dupré:2 Desjardins:1 Bégué:1
Delacroix:1 de_Saint-Exupéry:1 Giraud-Lefèvre:1 Aït-Ahmed:1 L'Hermitte:1 D'Angelo:1 Brûlé:1 Jégou:1 Ibáñez:1 Nováková:1`;

const SE_MALE = `Lars:6,6,1 Anders:4,6,2 Johan:2,4,3 Per:5,4,0 Erik:6,3,4 Karl:8,2,3 Nils:6,1,3 Jan:4,5,0 Mikael:1,6,1 Hans:3,4,0
Peter:1,5,1 Olof:5,1,0 Björn:2,3,1 Gustav:5,1,3 Göran:3,3,0 Sven:6,1,0 Lennart:4,2,0 Stefan:1,5,0 Thomas:1,5,1 Bengt:4,1,0
Åke:5,0,0 Mats:1,4,0 Magnus:1,4,1 Fredrik:0,4,2 Daniel:0,2,4 Oskar:2,0,4 Viktor:0,1,4 Lucas:0,0,3 Liam:0,0,3 William:0,0,4
Elias:0,0,4 Hugo:0,0,3 Axel:2,0,4 Måns:0,1,1 Jöns:1,0,0 Örjan:1,2,0 Sören:1,1,0 Håkan:2,4,0 Pär:0,2,0 Kjell:3,2,0 Leif:3,3,0
Bo:4,2,0 Ulf:2,4,0 Rolf:3,2,0 Gösta:3,0,0 Ragnar:3,0,0 Sixten:1,0,1 Love:0,0,1 Emil:0,1,4 Alexander:0,1,4 Filip:0,0,3
Isak:0,0,2 Mohammed:0,1,2 Ali:0,1,1 Noah:0,0,2 Olle:1,0,2 Jöran:1,0,0 Östen:1,0,0 Tobias:0,1,2 André:0,1,1 Joel:0,0,2`;

const SE_FEMALE = `Anna:5,6,4 Maria:6,6,2 Margareta:6,1,0 Elisabeth:4,3,1 Eva:5,4,0 Kristina:4,4,0 Birgitta:6,1,0 Karin:6,3,1
Marie:1,4,1 Ingrid:5,1,0 Lena:1,5,0 Sara:0,2,4 Emma:0,1,5 Kerstin:4,1,0 Åsa:0,4,0 Malin:0,4,1 Ulla:4,1,0 Linnéa:0,0,4
Elsa:3,0,4 Astrid:3,0,4 Alice:1,0,4 Maja:1,0,4 Ebba:1,0,4 Agnes:2,0,3 Märta:2,0,1 Göta:2,0,0 Britt:4,1,0 Gunnel:3,0,0
Inger:4,2,0 Solveig:2,0,0 Sofia:0,2,4 Julia:0,1,4 Wilma:0,0,3 Saga:0,0,3 Elin:0,1,4 Ida:1,1,4 Hanna:0,2,4 Ingegärd:2,0,0
Siv:3,0,0 Lisa:0,2,2 Ylva:0,2,0 Annika:0,4,0 Camilla:0,4,0 Helena:1,4,1 Susanne:0,3,0 Monica:1,3,0 Gunilla:2,2,0
Ann-Christin:2,1,0 Ann-Marie:2,1,0 Ellinor:0,0,1 Tove:0,1,2 Stina:1,0,1 Alva:1,0,3 Klara:1,0,3 Selma:1,0,2 Ronja:0,0,1
Märtha:1,0,0 Görel:1,1,0 Lovisa:0,0,2 Thérèse:0,2,1 Jenny:0,2,2 Fatima:0,1,1`;

const SE_SURNAMES = `Andersson:25 Johansson:25 Karlsson:22 Nilsson:20 Eriksson:18 Larsson:17 Olsson:16 Persson:15 Svensson:15
Gustafsson:13 Pettersson:12 Jonsson:10 Jansson:8 Hansson:8 Bengtsson:6 Jönsson:6 Lindberg:5 Jakobsson:5 Magnusson:5
Olofsson:5 Lindström:5 Lindqvist:4 Lindgren:4 Berg:4 Axelsson:4 Bergström:4 Lundberg:4 Lind:4 Lundgren:4 Lundqvist:4
Mattsson:4 Berglund:4 Fredriksson:3 Sandberg:3 Henriksson:3 Forsberg:3 Sjöberg:3 Wallin:3 Ali:3 Engström:3 Mohamed:3
Eklund:3 Danielsson:3 Lundin:3 Håkansson:3 Björk:3 Bergman:3 Gunnarsson:3 Holm:3 Wikström:3 Samuelsson:2 Isaksson:2
Fransson:2 Bergqvist:2 Nyström:2 Holmberg:2 Arvidsson:2 Löfgren:2 Söderberg:2 Nyberg:2 Blomqvist:2 Claesson:2 Nordström:2
Mårtensson:2 Lundström:2 Ahmed:2 Viklund:2 Björklund:2 Eliasson:2 Pålsson:2 Berggren:2 Sandström:2 Lund:2 Nordin:2
Ström:2 Åberg:2 Hermansson:2 Ekström:2 Holmgren:2 Sundberg:2 Hedlund:2 Dahlberg:2 Hellström:2 Sjögren:2 Abrahamsson:2
Falk:2 Martinsson:2 Öberg:2 Andreasson:2 Strömberg:2 Månsson:2 Hassan:2 Åkesson:1 Östlund:1 af_Klint:1 von_Essen:1
af_Ugglas:1 De_Geer:1 von_Sydow:1 Åström:1 Ek:1 Söderström:1 Nordqvist:1 Öhman:1 Hägg:1 Ågren:1 Sjöström:1 Yilmaz:1
Nguyen:1 Rodríguez:1 Lindén:1 Bergén:1 Ståhl:1 Dahlén:1`;

const FOLD: Readonly<Record<string, string>> = {
  à: 'a',
  á: 'a',
  â: 'a',
  ã: 'a',
  ä: 'a',
  å: 'a',
  æ: 'ae',
  ç: 'c',
  è: 'e',
  é: 'e',
  ê: 'e',
  ë: 'e',
  ì: 'i',
  í: 'i',
  î: 'i',
  ï: 'i',
  ñ: 'n',
  ò: 'o',
  ó: 'o',
  ô: 'o',
  õ: 'o',
  ö: 'o',
  ø: 'o',
  œ: 'oe',
  ù: 'u',
  ú: 'u',
  û: 'u',
  ü: 'u',
  ý: 'y',
  ÿ: 'y',
  ß: 'ss',
  š: 's',
  ž: 'z',
};

/** Lower-case ASCII: accents and ligatures folded (é→e, œ→oe, å→a); other characters kept. */
export function asciiFold(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += FOLD[ch] ?? ch;
  return out;
}

// Leading surname particles (French, Dutch, German, Scandinavian, Italian, Spanish, Portuguese); d and l are the elided d' and l'.
const PARTICLES = new Set(
  'd l de du des la le les van von der den het af av zu zum zur di da dal del della delle dei do dos das ten ter'.split(' '),
);

function surnameKeys(folded: string): string[] {
  const words = folded
    .replace(/'/g, ' ')
    .split(/[^a-z]+/)
    .filter((w) => w !== '');
  let start = 0;
  while (start < words.length - 1 && PARTICLES.has(words[start] ?? '')) start++;
  const bare =
    start === 0
      ? folded
          .replace(/'/g, '')
          .split(/[^a-z]+/)
          .filter((w) => w !== '')
      : words.slice(start);
  const keys = [folded.replace(/[^a-z]/g, ''), bare.join('')];
  if (bare.length === 2) keys.push(...bare);
  return [...new Set(keys)];
}

function entry(text: string): NameEntry {
  const folded = asciiFold(text);
  const words = folded.split(/[^a-z]+/).filter((w) => w !== '');
  return {
    text,
    key: folded.replace(/[^a-z]/g, ''),
    email: folded.replace(/[^a-z-]/g, ''),
    upper: text.toUpperCase(),
    upperAscii: folded.toUpperCase(),
    accented: /[^\x20-\x7e]/.test(text),
    surnameKeys: surnameKeys(folded),
    firstWord: words.length > 1 ? (words[0] ?? null) : null,
  };
}

function parseList(list: string, weights: number): [NameEntry, number[]][] {
  return list
    .split(/\s+/)
    .filter((item) => item !== '')
    .map((item) => {
      const [name = '', w = ''] = item.split(':');
      const ws = w.split(',').map(Number);
      if (ws.length !== weights || ws.some((x) => !Number.isInteger(x))) throw new Error(`bad name entry ${item}`);
      return [entry(name.replace(/_/g, ' ')), ws];
    });
}

export interface NameTables {
  given(sex: Sex, era: Era, accented: boolean): Weighted<NameEntry>;
  surname(accented: boolean): Weighted<NameEntry>;
}

function buildTables(male: string, female: string, surnames: string): NameTables {
  const table = (entries: [NameEntry, number[]][], i: number, accented: boolean): Weighted<NameEntry> =>
    weighted(entries.filter(([e, w]) => (w[i] ?? 0) > 0 && (!accented || e.accented)).map(([e, w]) => [e, w[i] ?? 0] as const));
  const bySex = { M: parseList(male, 3), F: parseList(female, 3) };
  const given = new Map<string, Weighted<NameEntry>>();
  for (const sex of ['M', 'F'] as const) {
    for (const era of [0, 1, 2] as const) {
      given.set(`${sex}${era}0`, table(bySex[sex], era, false));
      given.set(`${sex}${era}1`, table(bySex[sex], era, true));
    }
  }
  const family = parseList(surnames, 1);
  const plain = table(family, 0, false);
  const accented = table(family, 0, true);
  return {
    given: (sex, era, acc) => given.get(`${sex}${era}${acc ? 1 : 0}`) as Weighted<NameEntry>,
    surname: (acc) => (acc ? accented : plain),
  };
}

export const NAMES: Readonly<Record<Culture, NameTables>> = {
  fr: buildTables(FR_MALE, FR_FEMALE, FR_SURNAMES),
  se: buildTables(SE_MALE, SE_FEMALE, SE_SURNAMES),
};

/** Every name, for tests (encodability, variety). */
export function allNameTexts(): string[] {
  return [FR_MALE, FR_FEMALE, FR_SURNAMES, SE_MALE, SE_FEMALE, SE_SURNAMES].flatMap((list) =>
    list
      .split(/\s+/)
      .filter((item) => item !== '')
      .map((item) => (item.split(':')[0] ?? '').replace(/_/g, ' ')),
  );
}
