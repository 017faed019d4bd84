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
  lookup_epochs: LookupEpochsTable;
  index_breaches: IndexBreachesTable;
  index_entries: IndexEntriesTable;
  ingest_runs: IngestRunsTable;
  ingest_rejects: IngestRejectsTable;
  breach_contacts: BreachContactsTable;
  alert_subscriptions: AlertSubscriptionsTable;
  alert_watches: AlertWatchesTable;
  alert_messages: AlertMessagesTable;
  alert_scanned_runs: AlertScannedRunsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  incidents: IncidentsTable;
  incident_notifications: IncidentNotificationsTable;
  processor_links: ProcessorLinksTable;
  published_breaches: PublishedBreachesTable;
  incident_reminders: IncidentRemindersTable;
  incident_assessments: IncidentAssessmentsTable;
  campaigns: CampaignsTable;
  campaign_recipients: CampaignRecipientsTable;
  campaign_messages: CampaignMessagesTable;
  public_notices: PublicNoticesTable;
  leak_audits: LeakAuditsTable;
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
  /** The organisation the change belongs to (its desk); null for the public catalogue and the platform. */
  organisation_id: string | null;
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

/** One OPRF key epoch: the public half of the key the index entries of that epoch were built with. */
export interface LookupEpochsTable {
  epoch: number;
  suite: string;
  /** Hex of the ristretto255 public key k·G. */
  public_key: string;
  fingerprint: string;
  created_at: string;
  /** 'active' | 'retired' */
  state: string;
}

export interface IndexBreachesTable {
  id: number;
  slug: string;
  /** JSON array of data-class codes; bit i of an entry's class mask means classes[i]. Append-only. */
  classes: string;
}

/** Everything here is derived from an OPRF output: without the key, no column says whose entry it is. */
export interface IndexEntriesTable {
  epoch: number;
  /** The first 31 bits of the entry's derived bucket hash; buckets are ranges of it. */
  bucket_hash: number;
  /** 16 derived bytes: the first 8 are published, all 16 de-duplicate. */
  tag: Uint8Array;
  breach_id: number;
  /** AES-256-GCM nonce ‖ ciphertext ‖ tag of the entry's metadata, under a key derived from the OPRF output. */
  sealed: Uint8Array;
}

export interface IngestRunsTable {
  id: string;
  breach_slug: string;
  epoch: number;
  file_name: string;
  /** SHA-256 of the input file's bytes: the same file resumes, another one is refused. */
  file_digest: string;
  file_bytes: number;
  /** JSON of the ingest plan (format, encoding, column mapping): no personal data. */
  plan: string;
  plan_digest: string;
  /** 'running' | 'completed' | 'abandoned' */
  state: string;
  actor: string;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
  /** Every record starting at or before this physical line is committed (the resume point). */
  last_line: number;
  rows_read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  field_rejects: number;
  entries_added: number;
  contacts_kept: number;
  blank_lines: number;
  redecoded_lines: number;
}

export interface IngestRejectsTable {
  run_id: string;
  line: number;
  /** Header name, or `#n` (1-based) for files without a header; `*` for the whole row. */
  column_name: string;
  /** 'row' (the row is not in the index) | 'field' (the row is, without this field) */
  scope: string;
  reason: string;
}

export interface BreachContactsTable {
  breach_id: number;
  /** Keyed hash of the person's first identifier: de-duplicates without revealing it. */
  contact_key: Uint8Array;
  key_id: string;
  sealed: Uint8Array;
  run_id: string;
}

/** Someone who asked to hear about future breaches. The address is sealed; nothing else names them. */
export interface AlertSubscriptionsTable {
  id: string;
  email_sealed: Uint8Array;
  key_id: string;
  locale: string;
  /** 'pending' until the address is confirmed (double opt-in), then 'active'. */
  state: string;
  created_at: string;
  confirmed_at: string | null;
  /** Pending subscriptions are deleted after this time. */
  expires_at: string | null;
  /** HMAC of the canonical address (migration 0013): one subscription per address. Null on older rows. */
  address_key: string | null;
}

/** One watched identifier, as the browser derived it from its OPRF output: the index entry's bucket hash and tag. */
export interface AlertWatchesTable {
  subscription_id: string;
  epoch: number;
  bucket_hash: number;
  tag: Uint8Array;
}

/** The alerts outbox: at most one row per (subscription, kind, breach). */
export interface AlertMessagesTable {
  id: string;
  subscription_id: string;
  /** 'confirm' | 'alert' | 'renew' */
  kind: string;
  breach_slug: string;
  /**
   * 'held' (an alert waiting for its subscription's confirmation) | 'queued' | 'sending' | 'sent' | 'failed' |
   * 'skipped' (a breach the person was already in when they subscribed: never sent)
   */
  state: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  /** The SMTP server's answer or the error code: never an address. */
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface AlertScannedRunsTable {
  run_id: string;
  scanned_at: string;
  queued: number;
}

export interface OrganisationsTable {
  id: string;
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-2: where the organisation is established (its lead supervisory authority). */
  country: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  /** argon2id, PHC string format. */
  password_hash: string;
  created_at: string;
  failed_sign_ins: number;
  locked_until: string | null;
}

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  /** 'owner' | 'dpo' | 'analyst' | 'read-only' */
  role: string;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  /** SHA-256 of the session secret (hex). */
  secret_hash: string;
  user_id: string;
  /** The synchroniser token forms and JSON writes must echo. */
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface UserTokensTable {
  id: string;
  secret_hash: string;
  user_id: string;
  /** A token acts in one organisation, with its user's role there at the time of use. */
  organisation_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface IncidentsTable {
  id: string;
  organisation_id: string;
  title: string;
  /** When the controller became aware: the start of the 72-hour clock (GDPR Art. 33(1)). */
  awareness_at: string | null;
  /** When the first notification to the authority was issued. */
  notified_at: string | null;
  /** The whole validated incident record as JSON: the source of truth. */
  document: string;
  revision: number;
  created_at: string;
  updated_at: string;
  /** For a controller's incident passed on by a processor: the processor's incident. */
  source_incident_id: string | null;
}

export interface IncidentNotificationsTable {
  id: string;
  incident_id: string;
  organisation_id: string;
  version: number;
  /** 'initial' | 'follow-up' | 'withdrawal' */
  kind: string;
  issued_at: string;
  /** `user:<id>` or `token:<id>` */
  issued_by: string;
  /** The notification as issued (EDPB template structure), JSON. */
  body: string;
}

/** "This organisation processes personal data for that one": declared by the controller's owner. */
export interface ProcessorLinksTable {
  controller_organisation_id: string;
  processor_organisation_id: string;
  created_at: string;
}

/** A public catalogue entry published by an organisation from one of its incidents. */
export interface PublishedBreachesTable {
  slug: string;
  organisation_id: string;
  incident_id: string;
  published_at: string;
}

/** A 72-hour reminder sent: one per (incident, hours after awareness). */
export interface IncidentRemindersTable {
  incident_id: string;
  hours: number;
  sent_at: string;
  recipients: number;
}

/** A recorded risk assessment: inputs, result, proposal and decision (JSON), immutable. */
export interface IncidentAssessmentsTable {
  id: string;
  incident_id: string;
  organisation_id: string;
  body: string;
  created_at: string;
  created_by: string;
}

/** A notification campaign for an incident (issue 7). `config` is JSON (channels, templates, rates). */
export interface CampaignsTable {
  id: string;
  organisation_id: string;
  incident_id: string;
  /** The lookup index's breach id whose kept contacts are the recipients. */
  breach_id: number;
  name: string;
  /** 'draft' | 'running' | 'paused' | 'cancelled' | 'completed' | 'closed' | 'purged' */
  state: string;
  config: string;
  /** The campaign's data key, wrapped by the master key; null once purged (crypto-shredding). */
  data_key_wrapped: Uint8Array | null;
  master_key_id: string;
  recipients: number;
  revision: number;
  created_by: string;
  created_at: string;
  started_at: string | null;
  closed_at: string | null;
  purge_after: string | null;
  purged_at: string | null;
}

/** A person to inform: contact details sealed under the campaign's data key, never in clear. */
export interface CampaignRecipientsTable {
  campaign_id: string;
  recipient_no: number;
  sealed: Uint8Array;
  channels: string;
  locale: string;
  state: string;
  reason: string | null;
}

/** The campaign outbox: one row per (campaign, recipient, channel). */
export interface CampaignMessagesTable {
  campaign_id: string;
  recipient_no: number;
  channel: string;
  state: string;
  phase: string | null;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  worker: string | null;
  provider_id: string | null;
  uncertain: number;
  last_error: string | null;
  queued_at: string;
  sent_at: string | null;
  done_at: string | null;
}

/** A public notice (Art. 34(3)(c)) for a published catalogue entry: `content` is the text as published (JSON). */
export interface PublicNoticesTable {
  slug: string;
  organisation_id: string;
  incident_id: string;
  content: string;
  published_at: string;
  /** `user:<id>` or `token:<id>` */
  published_by: string;
  withdrawn_at: string | null;
}

/** A leak-audit report kept for an organisation: `report` is the report.json (JSON), `findings` its count. */
export interface LeakAuditsTable {
  id: string;
  organisation_id: string;
  created_at: string;
  /** `user:<id>`, `token:<id>` or the CLI's actor */
  created_by: string;
  /** 'crawl' | 'har' */
  source: string;
  findings: number;
  report: string;
}
