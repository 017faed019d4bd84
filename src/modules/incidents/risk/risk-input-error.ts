/**
 * A risk-assessment input that is out of range or inconsistent. `field` is the dotted path of the
 * offending input (`dpc.adjustments[1].steps`), and the message starts with it. Messages never echo
 * the value given: a free-text reason or a stray value could hold personal data.
 */
export class RiskInputError extends RangeError {
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'RiskInputError';
    this.field = field;
  }
}

/** The value, if it is a string with some non-blank text; throws naming the field otherwise. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new RiskInputError(field, 'a written reason is required (non-empty text)');
  return value;
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new RiskInputError(field, 'must be true or false');
  return value;
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RiskInputError(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function requireObject(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RiskInputError(field, 'is required');
  return value as Readonly<Record<string, unknown>>;
}
