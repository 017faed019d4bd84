/**
 * Who did what to which thing, and what changed. `actor` names a principal, never a person's identifier:
 * `api-key:<key id>`, `cli:<os user>`, `system:seed`, `user:<user id>`, `token:<token id>`.
 */
export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly details: Readonly<Record<string, unknown>>;
  /** The organisation whose desk the change belongs to; absent for the public catalogue and the platform. */
  readonly organisationId?: string | null;
}

export interface AuditRecord extends AuditEntry {
  readonly id: string;
  readonly occurredAt: string;
}

export interface AuditQuery {
  /** Only this organisation's entries (a desk never reads another's history). */
  readonly organisationId?: string;
  readonly subjectType?: string;
  readonly subjectId?: string;
  readonly limit?: number;
}

/** Top-level fields whose JSON differs between two versions of a document: what an update changed. */
export function changedFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}
