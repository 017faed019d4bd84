/**
 * The audit configuration a crawl runs from (issue 8): where to start, how to reach each consent state,
 * how to log in, which scripted flows to run and with which persona. Parsed once from YAML or JSON text and
 * validated with zod; reading the files is the caller's job (src/adapters/leak-crawler.ts), so this stays pure.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { AppError, validationError, type FieldIssue } from '../../../platform/errors.js';
import { findJsonSyntaxError } from '../../../platform/json-syntax.js';
import { zodIssues } from '../../../platform/validation.js';
import { CONSENT_STATES, PERSONA_FIELDS, type Persona } from '../model.js';

const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http or https URL');

/**
 * How a step finds its element, in Playwright's terms: by ARIA role and accessible name (the sturdiest),
 * by label, by placeholder, by visible text, or by CSS selector. Exactly one of them.
 */
export const targetSchema = z.union([
  z.strictObject({ role: z.string().min(1), name: z.string().min(1).optional(), exact: z.boolean().optional() }),
  z.strictObject({ label: z.string().min(1), exact: z.boolean().optional() }),
  z.strictObject({ placeholder: z.string().min(1) }),
  z.strictObject({ text: z.string().min(1), exact: z.boolean().optional() }),
  z.strictObject({ selector: z.string().min(1) }),
]);
export type StepTarget = z.infer<typeof targetSchema>;

const personaField = z.enum(PERSONA_FIELDS);
/** `name` names the step in every request it causes (CapturedRequest.step); without it a name is made up. */
const stepName = { name: z.string().min(1).max(200).optional() };

export const stepSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('goto'), url: httpUrl, ...stepName }),
  z.strictObject({ action: z.literal('click'), target: targetSchema, ...stepName }),
  /**
   * Types into a field with real key events (keydown, keypress, input, keyup per character), so keystroke
   * listeners fire as they would for a person. The value is the persona's `field` (its `index`th value), or a
   * literal `value` for things that are not persona data (a test account's password).
   */
  z
    .strictObject({
      action: z.literal('fill'),
      target: targetSchema,
      field: personaField.optional(),
      index: z.number().int().min(0).optional(),
      value: z.string().optional(),
      ...stepName,
    })
    .refine((step) => (step.field === undefined) !== (step.value === undefined), 'give either field (a persona field) or value'),
  z.strictObject({ action: z.literal('press'), key: z.string().min(1), target: targetSchema.optional(), ...stepName }),
  z
    .strictObject({
      action: z.literal('waitFor'),
      target: targetSchema.optional(),
      state: z.enum(['attached', 'detached', 'visible', 'hidden']).optional(),
      /** A glob or full URL the page must reach (Playwright's waitForURL). */
      url: z.string().min(1).optional(),
      ms: z.number().int().min(0).max(60_000).optional(),
      ...stepName,
    })
    .refine(
      (step) => [step.target, step.url, step.ms].filter((x) => x !== undefined).length === 1,
      'give exactly one of target, url or ms',
    ),
  z
    .strictObject({
      action: z.literal('select'),
      target: targetSchema,
      field: personaField.optional(),
      index: z.number().int().min(0).optional(),
      /** An option's value or label. */
      option: z.string().optional(),
      ...stepName,
    })
    .refine((step) => (step.field === undefined) !== (step.option === undefined), 'give either field (a persona field) or option'),
]);
export type AuditStep = z.infer<typeof stepSchema>;

const consentRunSchema = z.strictObject({
  state: z.enum(CONSENT_STATES),
  /** The page where the banner is answered; the first start URL when absent. */
  url: httpUrl.optional(),
  /** How to reach the state: e.g. click the banner's "Reject all". `no-choice` usually has none. */
  steps: z.array(stepSchema).default([]),
});
export type ConsentRun = z.infer<typeof consentRunSchema>;

const flowSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** `logged-in` flows run in a new context built from the storage state the login saved. */
  session: z.enum(['anonymous', 'logged-in']).default('anonymous'),
  /** The persona whose values `fill` and `select` steps type; the configuration's `persona` when absent. */
  persona: z.string().min(1).optional(),
  steps: z.array(stepSchema).min(1),
});
export type AuditFlow = z.infer<typeof flowSchema>;

const personaSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  fields: z.partialRecord(personaField, z.array(z.string().min(1)).min(1)),
  region: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as SE')
    .optional(),
});
export const personasSchema = z
  .array(personaSchema)
  .min(1)
  .superRefine((personas, ctx) => {
    const seen = new Set<string>();
    personas.forEach((persona, i) => {
      if (seen.has(persona.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'persona ids must be unique' });
      seen.add(persona.id);
    });
  });

export const auditConfigSchema = z
  .strictObject({
    /** Pages visited in every consent state, anonymously, right after the consent steps. */
    startUrls: z.array(httpUrl).min(1),
    /** The consent states to run, each in a fresh browser context. Default: `no-choice` only. */
    consent: z
      .array(consentRunSchema)
      .min(1)
      .default([{ state: 'no-choice', steps: [] }])
      .refine((runs) => new Set(runs.map((r) => r.state)).size === runs.length, 'each consent state at most once'),
    /** A scripted password login, run once per consent state; its storage state is reused by `logged-in` flows. */
    login: z
      .strictObject({
        url: httpUrl.optional(),
        steps: z.array(stepSchema).min(1),
        /** Where to write the storage state (cookies, localStorage) after logging in, per consent state. Optional. */
        saveStorageStateTo: z.string().min(1).optional(),
      })
      .optional(),
    flows: z.array(flowSchema).default([]),
    /** A path to a personas file (relative to the configuration file), or the personas inline. */
    personas: z.union([z.string().min(1), personasSchema]),
    /** The default persona's id; the first persona when absent. */
    persona: z.string().min(1).optional(),
    timeouts: z
      .strictObject({
        /** Longest wait for one step (an element to appear, a navigation). */
        stepMs: z.number().int().min(100).max(120_000).default(10_000),
        /** Quiet time after each step so late requests (beacons, debounced trackers) are still captured. */
        settleMs: z.number().int().min(0).max(30_000).default(500),
      })
      .default({ stepMs: 10_000, settleMs: 500 }),
  })
  .superRefine((config, ctx) => {
    if (config.flows.some((f) => f.session === 'logged-in') && config.login === undefined)
      ctx.addIssue({ code: 'custom', path: ['login'], message: 'logged-in flows need a login' });
    const names = new Set<string>();
    config.flows.forEach((flow, i) => {
      if (names.has(flow.name)) ctx.addIssue({ code: 'custom', path: ['flows', i, 'name'], message: 'flow names must be unique' });
      names.add(flow.name);
    });
  });
export type AuditConfig = z.infer<typeof auditConfigSchema>;
/** A configuration whose personas have been loaded (inline, or read from the file it names). */
export type ResolvedAuditConfig = Omit<AuditConfig, 'personas'> & { readonly personas: readonly Persona[] };

/**
 * Parses YAML or JSON text (JSON when `file` ends in .json, else YAML, which also reads JSON). Syntax errors
 * name the file, line and column but never quote the text, which may hold persona values.
 */
export function parseStructuredText(text: string, file: string): unknown {
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      const where = findJsonSyntaxError(text);
      const at = where ? `:${where.line}:${where.column}` : '';
      throw new AppError('INPUT_JSON_INVALID', `${file}${at}: not valid JSON${where ? `: expected ${where.expected}` : ''}`, {
        cause,
        data: { file, ...(where ? { line: where.line, column: where.column } : {}) },
      });
    }
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    // The yaml package's messages quote the offending line: only its code and position are passed on.
    const pos = first.linePos?.[0];
    const at = pos ? `:${pos.line}:${pos.col}` : '';
    throw validationError(
      [{ path: '', message: `not valid YAML${at ? ` at line ${pos?.line}, column ${pos?.col}` : ''} (${first.code})` }],
      file,
    );
  }
  return doc.toJS() as unknown;
}

function issuesOrThrow<T>(result: z.ZodSafeParseResult<T>, what: string): T {
  if (result.success) return result.data;
  throw validationError(zodIssues(result.error).map(withBracketIndexes), what);
}

/** `flows.0.steps.2.target` → `flows[0].steps[2].target`, the JSON-path form the HAR import uses too. */
function withBracketIndexes(issue: FieldIssue): FieldIssue {
  const path = issue.path
    .split('.')
    .filter((part) => part !== '')
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`), '');
  return { path, message: issue.message };
}

/** Parses and validates an audit configuration; `file` is only used in messages and to pick the syntax. */
export function parseAuditConfig(text: string, file: string): AuditConfig {
  return issuesOrThrow(auditConfigSchema.safeParse(parseStructuredText(text, file)), file);
}

/** A personas file: an array of personas, or `{ personas: [...] }`. */
export function parsePersonas(text: string, file: string): Persona[] {
  const raw = parseStructuredText(text, file);
  const list = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'personas' in raw ? raw.personas : raw;
  return issuesOrThrow(personasSchema.safeParse(list), file);
}

/**
 * Joins a configuration and its personas, and checks what only then can be checked: that the personas named
 * exist and have every field the steps type.
 */
export function resolveAuditConfig(config: AuditConfig, personas: readonly Persona[], file: string): ResolvedAuditConfig {
  const issues: FieldIssue[] = [];
  const ids = new Set(personas.map((p) => p.id));
  if (config.persona !== undefined && !ids.has(config.persona)) issues.push({ path: 'persona', message: 'no persona has this id' });
  const stepLists: [string, readonly AuditStep[], string | undefined][] = [
    ...config.consent.map((run, i): [string, AuditStep[], undefined] => [`consent[${i}].steps`, run.steps, undefined]),
    ...(config.login ? [['login.steps', config.login.steps, undefined] as [string, AuditStep[], undefined]] : []),
    ...config.flows.map((flow, i): [string, AuditStep[], string | undefined] => [`flows[${i}].steps`, flow.steps, flow.persona]),
  ];
  config.flows.forEach((flow, i) => {
    if (flow.persona !== undefined && !ids.has(flow.persona))
      issues.push({ path: `flows[${i}].persona`, message: 'no persona has this id' });
  });
  for (const [path, steps, personaId] of stepLists) {
    const persona = personas.find((p) => p.id === (personaId ?? config.persona)) ?? (personaId ? undefined : personas[0]);
    steps.forEach((step, j) => {
      if ((step.action !== 'fill' && step.action !== 'select') || step.field === undefined || persona === undefined) return;
      const values = persona.fields[step.field] ?? [];
      if (values[step.index ?? 0] === undefined)
        issues.push({ path: `${path}[${j}].field`, message: `persona ${persona.id} has no value ${step.index ?? 0} for ${step.field}` });
    });
  }
  if (issues.length > 0) throw validationError(issues, file);
  return { ...config, personas };
}

/** The persona a flow types with. */
export function personaFor(config: ResolvedAuditConfig, personaId?: string): Persona {
  const id = personaId ?? config.persona;
  const persona = id === undefined ? config.personas[0] : config.personas.find((p) => p.id === id);
  if (!persona) throw new AppError('VALIDATION_FAILED', `no persona ${id ?? '(first)'} in the audit configuration`);
  return persona;
}
