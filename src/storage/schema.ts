/**
 * Table types shared by SQLite and PostgreSQL. Portable column types only: text, integer, bigint.
 * Booleans are 0/1 integers and instants are ISO 8601 UTC text, so both dialects sort and compare alike.
 */
export interface DatabaseSchema {
  breaches: BreachesTable;
  breach_data_classes: BreachDataClassesTable;
  breach_relations: BreachRelationsTable;
  audit_log: AuditLogTable;
  api_keys: ApiKeysTable;
  seed_log: SeedLogTable;
}

export interface BreachesTable {
  slug: string;
  /** Slug without hyphens: keeps HIBP-style Names unique case-insensitively. */
  name_key: string;
  title: string;
  organisation_name: string;
  organisation_domain: string | null;
  country: string;
  sector: string;
  /** Earliest day the breach can have started (or, failing that, was disclosed): the "date" sort key. */
  breach_date: string | null;
  people_count: number | null;
  verified: number;
  sensitive: number;
  fabricated: number;
  retired: number;
  /** The whole validated breach as JSON: the source of truth; the columns above are projections of it. */
  document: string;
  added_at: string;
  modified_at: string;
  revision: number;
}

export interface BreachDataClassesTable {
  breach_slug: string;
  code: string;
}

/** Relations as declared by `breach_slug`; shown in both directions. */
export interface BreachRelationsTable {
  breach_slug: string;
  related_slug: string;
}

export interface AuditLogTable {
  id: string;
  occurred_at: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  /** JSON object: what changed. Never a raw personal identifier. */
  details: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  /** SHA-256 of the key's 256-bit random secret, hex. */
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface SeedLogTable {
  name: string;
  applied_at: string;
}
