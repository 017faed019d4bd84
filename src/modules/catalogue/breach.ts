import { z } from 'zod';
import { parseOrThrow } from '../../platform/validation.js';
import { canBeOnOrAfter, parsePartialDate } from './partial-date.js';
import { findDataClass } from './taxonomy.js';
import { BREACH_NATURES, CAUSE_ACTORS, CAUSE_VECTORS, ORGANISATION_ROLES, PRECISIONS, SECTORS, findAuthority } from './vocabulary.js';

/**
 * A breach as published in the catalogue. This schema is the single definition of a valid breach: the
 * API, the CLI (`breach add --file`) and the seed loader all go through `parseBreachInput`, and the
 * OpenAPI description is generated from it.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const localizedText = (max: number) =>
  z.strictObject({ en: text(max), fr: text(max), sv: text(max) }).describe('The same text in English, French and Swedish.');

const partialDate = z
  .string()
  .refine((v) => parsePartialDate(v) !== null, 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('A date as precise as the sources allow: YYYY, YYYY-MM or YYYY-MM-DD.');

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, such as FR or SE')
  .refine(isKnownRegion, 'is not an ISO 3166-1 country code');

const hostname = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.fr');

const httpsUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

const count = z
  .strictObject({
    precision: z.enum(PRECISIONS),
    count: z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000_000_000).optional(),
    atLeast: z.boolean().optional().describe('True when the source says "more than" the count.'),
    note: localizedText(500).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.precision === 'unknown' && c.count !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'must be omitted when precision is "unknown"' });
    }
    if (c.precision !== 'unknown' && c.count === undefined) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: `is required when precision is "${c.precision}"` });
    }
  })
  .describe('A number of people or records: exact, approximate, or unknown.');

export const breachInputSchema = z
  .strictObject({
    slug: z
      .string()
      .min(2, 'must be at least 2 characters')
      .max(64, 'must be at most 64 characters')
      .regex(SLUG_PATTERN, 'must be lowercase letters and digits separated by single hyphens, such as caisse-des-depots-ircantec')
      .describe('Stable identifier; never changes once published.'),
    title: text(200).describe("The title in English; also Have I Been Pwned's `Title`."),
    titleTranslations: z
      .strictObject({ fr: text(200).optional(), sv: text(200).optional() })
      .optional()
      .describe('The title in French and Swedish, for the pages and plans in those languages. Without one, they show the English title.'),
    organisation: z
      .strictObject({
        name: text(200),
        role: z.enum(ORGANISATION_ROLES),
        domain: hostname.nullable().optional(),
        controllersServed: z
          .strictObject({
            count: z.number().int().min(1).nullable().optional(),
            names: z.array(text(200)).max(1000).default([]),
            description: localizedText(500).optional(),
          })
          .optional()
          .describe('For a processor: the controllers it processed the data for.'),
      })
      .superRefine((o, ctx) => {
        if (o.role === 'controller' && o.controllersServed !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['controllersServed'], message: 'only applies when role is "processor"' });
        }
      }),
    country: countryCode,
    sector: z.enum(SECTORS),
    dates: z
      .strictObject({
        occurredFrom: partialDate.nullable().optional(),
        occurredTo: partialDate.nullable().optional(),
        awareness: partialDate.nullable().optional(),
        publicDisclosure: partialDate.nullable().optional(),
        authorityNotified: partialDate.nullable().optional(),
      })
      .superRefine((d, ctx) => {
        const order: [keyof typeof d, keyof typeof d][] = [
          ['occurredTo', 'occurredFrom'],
          ['awareness', 'occurredFrom'],
          ['authorityNotified', 'awareness'],
        ];
        for (const [later, earlier] of order) {
          const l = d[later];
          const e = d[earlier];
          if (l && e && parsePartialDate(l) && parsePartialDate(e) && !canBeOnOrAfter(l, e)) {
            ctx.addIssue({ code: 'custom', path: [later], message: `cannot be before ${earlier}` });
          }
        }
      }),
    peopleAffected: count,
    recordsAffected: count,
    dataClasses: z
      .array(z.string())
      .min(1, 'must list at least one data class (use "unspecified-personal-data" when the organisation did not say)')
      .superRefine((codes, ctx) => {
        const seen = new Set<string>();
        codes.forEach((code, i) => {
          const dc = findDataClass(code);
          if (!dc) ctx.addIssue({ code: 'custom', path: [i], message: `is not a data class code (see GET /api/v1/data-classes)` });
          else if (dc.deprecatedIn !== undefined) ctx.addIssue({ code: 'custom', path: [i], message: 'is deprecated' });
          if (seen.has(code)) ctx.addIssue({ code: 'custom', path: [i], message: 'is listed twice' });
          seen.add(code);
        });
      }),
    nature: z
      .array(z.enum(BREACH_NATURES))
      .min(1, 'must name at least one of confidentiality, integrity, availability')
      .refine((a) => new Set(a).size === a.length, 'must not repeat a value'),
    cause: z.strictObject({
      actor: z.enum(CAUSE_ACTORS),
      vector: z.enum(CAUSE_VECTORS),
      details: localizedText(1000).optional(),
    }),
    disclosedTo: z
      .array(text(200))
      .max(100)
      .default([])
      .describe('Known recipients of the data, for disclosures to identified parties (e.g. tracking companies).'),
    authority: z
      .strictObject({
        code: z.string().refine((c) => findAuthority(c) !== undefined, 'is not a known supervisory authority code'),
        caseReference: text(200).nullable().optional(),
      })
      .nullable(),
    sources: z
      .array(
        z.strictObject({
          url: httpsUrl,
          title: text(300),
          publisher: text(200).optional(),
          published: partialDate.optional(),
          language: z
            .string()
            .regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code')
            .optional(),
        }),
      )
      .min(1, 'must cite at least one source'),
    flags: z
      .strictObject({
        verified: z.boolean().default(false),
        sensitive: z.boolean().default(false),
        fabricated: z.boolean().default(false),
        retired: z.boolean().default(false),
      })
      .prefault({}),
    relatedBreaches: z
      .array(z.string().regex(SLUG_PATTERN, 'must be a breach slug'))
      .max(50)
      .default([])
      .describe('Slugs of closely related breaches (same attack wave, same processor...).'),
    description: localizedText(5000),
  })
  .superRefine((b, ctx) => {
    if (b.relatedBreaches.includes(b.slug)) {
      ctx.addIssue({ code: 'custom', path: ['relatedBreaches'], message: 'must not include the breach itself' });
    }
  });

export type BreachInput = z.output<typeof breachInputSchema>;

/** A breach as stored: the validated input plus server-maintained timestamps. */
export interface Breach extends BreachInput {
  /** ISO 8601 UTC instant the breach entered the catalogue. */
  readonly addedAt: string;
  /** ISO 8601 UTC instant of the last change. */
  readonly modifiedAt: string;
}

export function parseBreachInput(input: unknown, what = 'breach'): BreachInput {
  return parseOrThrow(breachInputSchema, input, what);
}

/**
 * The case-insensitive key that makes a breach's HIBP-style Name unique: the slug without hyphens.
 * "caisse-des-depots" and "caissedes-depots" would both be CaisseDesDepots to an HIBP client.
 */
export function nameKey(slug: string): string {
  return slug.replaceAll('-', '');
}

/** PascalCase HIBP `Name` from a slug: "caisse-des-depots-ircantec" → "CaisseDesDepotsIrcantec". */
export function hibpName(slug: string): string {
  return slug
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

function isKnownRegion(code: string): boolean {
  try {
    const name = regionNames.of(code);
    return name !== undefined && name !== code;
  } catch {
    return false;
  }
}

/** The breach's title in a language, and the language it is actually in (English when there is no translation). */
export function breachTitle(
  breach: Pick<BreachInput, 'title' | 'titleTranslations'>,
  locale: 'en' | 'fr' | 'sv',
): { readonly text: string; readonly lang: 'en' | 'fr' | 'sv' } {
  const translated = locale === 'en' ? undefined : breach.titleTranslations?.[locale];
  return translated === undefined ? { text: breach.title, lang: 'en' } : { text: translated, lang: locale };
}
