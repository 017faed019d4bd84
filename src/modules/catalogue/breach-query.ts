import { z } from 'zod';
import { parseOrThrow } from '../../platform/validation.js';
import { SECTORS } from './vocabulary.js';

export const BREACH_SORTS = ['date', 'size', 'added', 'title'] as const;
export type BreachSort = (typeof BREACH_SORTS)[number];

/** Filters, order and page of a catalogue listing; the same for the API, the web list and the CLI. */
export const breachQuerySchema = z.strictObject({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
    .transform((v) => v.toUpperCase())
    .optional(),
  sector: z.enum(SECTORS).optional(),
  dataClass: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, 'must be a data class code')
    .optional(),
  text: z.string().max(100, 'must be at most 100 characters').optional(),
  sort: z.enum(BREACH_SORTS).default('date'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  includeRetired: z.boolean().default(false),
});

export type BreachQuery = z.output<typeof breachQuerySchema>;
export type BreachQueryInput = z.input<typeof breachQuerySchema>;

export function parseBreachQuery(input: unknown): BreachQuery {
  return parseOrThrow(breachQuerySchema, input, 'query');
}
