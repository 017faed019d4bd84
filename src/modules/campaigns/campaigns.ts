import type { Kysely } from 'kysely';
import { isoInstant, type Clock } from '../../platform/clock.js';
import { AppError, validationError } from '../../platform/errors.js';
import { zodIssues } from '../../platform/validation.js';
import { LOCALES, type Locale } from '../../platform/locale.js';
import type { DatabaseSchema } from '../../storage/schema.js';
import { appendAudit } from '../audit/index.js';
import type { Incidents } from '../incidents/index.js';
import type { IncidentDocument } from '../incidents/model/incident.js';
import type { DeskContext, Organisations } from '../organisations/index.js';
import {
  allowedActions,
  campaignConfigSchema,
  CHANNELS,
  nextCampaignState,
  recipientLocale,
  type CampaignAction,
  type CampaignConfig,
  type CampaignState,
  type Channel,
} from './campaign.js';
import type { CampaignRow, CampaignsStore, CampaignStats, RecipientInsert } from './campaigns.store.js';
import { readBounce, type BounceReading } from './bounces.js';
import { nextChannel, parseMessageKey, reachableChannels } from './outbox.js';
import { checkTemplates, defaultTemplates, exposedList, planLink, type TemplateFacts, type TemplateProblem } from './templates.js';

/** Seals one campaign's recipients: AES-256-GCM under the campaign's data key. */
export interface RecipientSealer {
  seal(plaintext: Uint8Array, aad: string): Uint8Array;
  open(sealed: Uint8Array, aad: string): Uint8Array;
}

/** Envelope encryption: a data key per campaign, wrapped by the master contacts key (adapters/campaign-keys.ts). */
export interface CampaignKeys {
  readonly masterKeyId: string;
  newDataKey(campaignId: string): { wrapped: Uint8Array; sealer: RecipientSealer };
  unwrap(campaignId: string, wrapped: Uint8Array): RecipientSealer;
  /** Opens a contact sealed by `ingest --keep-contacts`; throws when the key does not fit. */
  openContact(sealed: Uint8Array): Uint8Array;
}

/** A person as sealed in a campaign: what reaching them needs, and the kinds of their data that leaked. */
export interface RecipientRecord {
  readonly v: 1;
  readonly email: string | null;
  readonly phone: string | null;
  readonly name: readonly string[];
  readonly address: readonly string[];
  readonly country: string | null;
  /** Data-class codes of this person's own record. */
  readonly classes: readonly string[];
}

/** What the campaign knows of its source, fixed when it is created (so links and texts stay stable). */
export interface CampaignFacts {
  readonly organisation: string;
  readonly contact: string;
  readonly breachSlug: string;
  readonly breachClasses: readonly string[];
  readonly planBaseUrl: string;
}

export interface StoredCampaignConfig extends CampaignConfig {
  readonly facts: CampaignFacts;
}

export interface CampaignView {
  readonly id: string;
  readonly incidentId: string;
  readonly name: string;
  readonly state: CampaignState;
  readonly actions: readonly CampaignAction[];
  readonly recipients: number;
  readonly config: StoredCampaignConfig;
  readonly revision: number;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly closedAt: string | null;
  readonly purgeAfter: string | null;
}

export interface CampaignsDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly store: CampaignsStore;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
  readonly organisations: Pick<Organisations, 'require'>;
  readonly incidents: Pick<Incidents, 'get'>;
  /** The keys, once a contacts key exists (undefined before: campaigns can then not be created). */
  readonly keys: () => Promise<CampaignKeys | undefined>;
  /** The public address of this breachdesk, for the links to the action plan. */
  readonly planBaseUrl: string;
}

const CONTACTS_PAGE = 2_000;

export function toView(row: CampaignRow): CampaignView {
  const state = row.state as CampaignState;
  return {
    id: row.id,
    incidentId: row.incident_id,
    name: row.name,
    state,
    actions: allowedActions(state),
    recipients: Number(row.recipients),
    config: JSON.parse(row.config) as StoredCampaignConfig,
    revision: Number(row.revision),
    createdAt: row.created_at,
    startedAt: row.started_at,
    closedAt: row.closed_at,
    purgeAfter: row.purge_after,
  };
}

/** The contact line the messages give (Art. 33(3)(b) via 34(2)): the incident's contact point, else its reporter. */
function contactLine(incident: IncidentDocument): string {
  const c = incident.contacts?.contactPoint ?? incident.contacts?.reporter;
  if (!c) return '';
  return [c.name, c.email, c.phone].filter((x): x is string => typeof x === 'string' && x !== '').join(', ');
}

/** The incident's words for the starting templates; the same in each language until someone translates them. */
function factsFrom(incident: IncidentDocument): Record<Locale, TemplateFacts> {
  const facts: TemplateFacts = {
    nature: incident.description ?? incident.title,
    consequences: incident.consequences?.description ?? '',
    measures: incident.measures?.taken ?? '',
  };
  return { en: facts, fr: facts, sv: facts };
}

const COUNTRY_BY_PREFIX: readonly [string, string][] = [
  ['+33', 'FR'],
  ['+46', 'SE'],
  ['+32', 'BE'],
  ['+352', 'LU'],
  ['+44', 'GB'],
];

/** Where a person's letter goes when the address does not say: their phone's country, else the sender's. */
function countryOf(phone: string | null, fallback: string): string {
  return COUNTRY_BY_PREFIX.find(([p]) => phone?.startsWith(p))?.[1] ?? fallback;
}

/**
 * Notification campaigns for an organisation's incidents (issue 7). Creating one copies the breach's kept
 * contacts into the campaign, re-sealed under a fresh data key; starting it requires every template to
 * pass the Art. 34(2) content check; closing it starts the retention period after which the recipients and
 * the data key are deleted. Every action is audit-logged; another organisation's campaign is
 * CAMPAIGN_NOT_FOUND, like one that does not exist.
 */
export function createCampaigns(deps: CampaignsDeps) {
  const { db, store, clock, organisations } = deps;

  const load = async (ctx: DeskContext, id: string): Promise<CampaignRow> => {
    const row = await store.getCampaign(ctx.organisation.id, id);
    if (!row) throw new AppError('CAMPAIGN_NOT_FOUND', `No campaign ${id} in ${ctx.organisation.slug}`);
    return row;
  };

  const audit = async (ctx: DeskContext, action: string, id: string, details: Record<string, unknown>) => {
    const at = clock.now();
    await appendAudit(db, {
      id: deps.newId(at),
      occurredAt: isoInstant(at),
      actor: ctx.actor,
      action,
      subjectType: 'campaign',
      subjectId: id,
      details,
      organisationId: ctx.organisation.id,
    });
  };

  const sampleValues = (facts: CampaignFacts) => (locale: Locale) => ({
    organisation: facts.organisation,
    exposed: exposedList(facts.breachClasses, locale),
    planLink: planLink(facts.planBaseUrl, locale, facts.breachSlug, facts.breachClasses),
    reference: 'X0000000000000000000000000.1.email',
    contact: facts.contact,
  });

  return {
    /**
     * A draft campaign for one of the organisation's incidents, to the people of a breach the organisation
     * published and whose contacts were kept (`ingest --keep-contacts`). Templates left out start from the
     * incident's own words in every language.
     */
    async create(
      ctx: DeskContext,
      input: { incidentId: string; breachSlug: string; name: string; config: Record<string, unknown> },
    ): Promise<CampaignView & { unreadable: number }> {
      organisations.require(ctx, 'incident.write');
      const keys = await deps.keys();
      if (!keys) throw new AppError('CAMPAIGN_NO_CONTACTS', 'No contacts key: ingest the breach with --keep-contacts first');
      const { incident } = await deps.incidents.get(ctx, input.incidentId);
      const owned = await db
        .selectFrom('published_breaches')
        .select('slug')
        .where('slug', '=', input.breachSlug)
        .where('organisation_id', '=', ctx.organisation.id)
        .executeTakeFirst();
      if (!owned) {
        throw new AppError('BREACH_NOT_FOUND', `${ctx.organisation.slug} has published no breach ${input.breachSlug}`, {
          data: { field: 'breachSlug' },
        });
      }
      const source = await db
        .selectFrom('index_breaches')
        .select(['id', 'classes'])
        .where('slug', '=', input.breachSlug)
        .executeTakeFirst();
      if (!source) {
        throw new AppError('CAMPAIGN_NO_CONTACTS', `No contacts were kept for ${input.breachSlug}: ingest it with --keep-contacts`);
      }
      const breachClasses = JSON.parse(source.classes) as string[];
      const asked = input.config['channels'];
      // Unknown channels are left to the schema to report; the starting texts are made for the known ones.
      const channels = Array.isArray(asked) ? asked : ['email', 'sms', 'letter'];
      const knownChannels = channels.filter((c): c is Channel => (CHANNELS as readonly unknown[]).includes(c));
      const defaultLocale: Locale = ctx.organisation.country === 'SE' ? 'sv' : ctx.organisation.country === 'FR' ? 'fr' : 'en';
      // Starting texts only in the organisation's language: the incident's words are in it. Translations
      // are added by the organisation (and checked like the rest); until then everyone gets this language.
      const { locales: askedLocales, ...rest } = input.config;
      const locales = Array.isArray(askedLocales)
        ? (askedLocales.filter((l) => (LOCALES as readonly unknown[]).includes(l)) as Locale[])
        : [defaultLocale];
      const parsed = campaignConfigSchema.safeParse({
        channels,
        defaultLocale,
        templates: defaultTemplates(knownChannels, locales, factsFrom(incident)),
        ...rest,
      });
      if (!parsed.success) throw validationError(zodIssues(parsed.error), 'campaign configuration');
      const facts: CampaignFacts = {
        organisation: ctx.organisation.name,
        contact: contactLine(incident),
        breachSlug: input.breachSlug,
        breachClasses,
        planBaseUrl: deps.planBaseUrl,
      };
      const config: StoredCampaignConfig = { ...parsed.data, facts };
      const name = input.name.trim();
      if (name === '' || name.length > 200) {
        throw validationError([{ path: 'name', message: 'must be 1 to 200 characters' }], 'campaign');
      }

      const at = clock.now();
      const id = deps.newId(at);
      const { wrapped, sealer } = keys.newDataKey(id);
      await store.insertCampaign({
        id,
        organisation_id: ctx.organisation.id,
        incident_id: input.incidentId,
        breach_id: Number(source.id),
        name,
        state: 'draft',
        config: JSON.stringify(config),
        data_key_wrapped: wrapped,
        master_key_id: keys.masterKeyId,
        recipients: 0,
        revision: 1,
        created_by: ctx.actor,
        created_at: isoInstant(at),
        started_at: null,
        closed_at: null,
        purge_after: null,
        purged_at: null,
      });

      // Copy the kept contacts in pages, each person re-sealed under the campaign's key.
      const encoder = new TextEncoder();
      const decoder = new TextDecoder();
      let recipientNo = 0;
      let unreadable = 0;
      let after: Uint8Array | null = null;
      for (;;) {
        let q = db
          .selectFrom('breach_contacts')
          .select(['contact_key', 'sealed'])
          .where('breach_id', '=', Number(source.id))
          .orderBy('contact_key')
          .limit(CONTACTS_PAGE);
        if (after) q = q.where('contact_key', '>', after);
        const page = await q.execute();
        if (page.length === 0) break;
        after = page[page.length - 1]!.contact_key;
        const rows: RecipientInsert[] = [];
        for (const c of page) {
          recipientNo++;
          let kept: { email: string | null; phone: string | null; name: string[]; address: string[]; classMask: number };
          try {
            kept = JSON.parse(decoder.decode(keys.openContact(c.sealed))) as typeof kept;
          } catch {
            // Sealed under another contacts key: reported, never silently dropped.
            unreadable++;
            rows.push({ recipientNo, sealed: new Uint8Array(0), channels: [], locale: config.defaultLocale });
            continue;
          }
          const classes = breachClasses.filter((_, i) => i < 32 && (kept.classMask >>> i) & 1);
          const country = countryOf(kept.phone, config.senderCountry);
          const record: RecipientRecord = {
            v: 1,
            email: kept.email,
            phone: kept.phone,
            name: kept.name,
            address: kept.address,
            country,
            classes,
          };
          rows.push({
            recipientNo,
            sealed: sealer.seal(encoder.encode(JSON.stringify(record)), `${id}:${recipientNo}`),
            channels: reachableChannels(config.channels, { email: kept.email, phone: kept.phone, hasAddress: kept.address.length > 0 }),
            locale: recipientLocale({ phone: kept.phone, country }, config.defaultLocale),
          });
        }
        await store.addRecipients(id, rows, isoInstant(at));
      }
      await db.updateTable('campaigns').set({ recipients: recipientNo }).where('id', '=', id).execute();
      await audit(ctx, 'campaign.create', id, { name, incidentId: input.incidentId, breach: input.breachSlug, recipients: recipientNo });
      const row = await load(ctx, id);
      return { ...toView(row), unreadable };
    },

    async get(ctx: DeskContext, id: string): Promise<CampaignView> {
      organisations.require(ctx, 'desk.read');
      return toView(await load(ctx, id));
    },

    async list(ctx: DeskContext): Promise<CampaignView[]> {
      organisations.require(ctx, 'desk.read');
      return (await store.listCampaigns(ctx.organisation.id)).map(toView);
    },

    async stats(ctx: DeskContext, id: string): Promise<CampaignStats> {
      organisations.require(ctx, 'desk.read');
      await load(ctx, id);
      return store.stats(id, isoInstant(clock.now()));
    },

    /** The templates' Art. 34(2) problems, as they would stop the campaign from starting. */
    async checkTemplates(ctx: DeskContext, id: string): Promise<TemplateProblem[]> {
      organisations.require(ctx, 'desk.read');
      const config = toView(await load(ctx, id)).config;
      return checkTemplates(config, sampleValues(config.facts));
    },

    /** Changes templates (while a draft), rates and retention (until closed). */
    async configure(ctx: DeskContext, id: string, patch: Record<string, unknown>, revision: number): Promise<CampaignView> {
      organisations.require(ctx, 'incident.write');
      const row = await load(ctx, id);
      const view = toView(row);
      if (view.revision !== revision) {
        throw new AppError('CAMPAIGN_CONFLICT', `Campaign ${id} was changed by someone else (revision ${view.revision}, not ${revision})`);
      }
      const editable =
        view.state === 'draft' ? ['templates', 'rates', 'retentionDays', 'retryHours', 'letterSender'] : ['rates', 'retentionDays'];
      if (['closed', 'purged'].includes(view.state)) editable.length = 0;
      const refused = Object.keys(patch).filter((k) => !editable.includes(k));
      if (refused.length > 0) {
        throw validationError(
          refused.map((k) => ({ path: k, message: `cannot be changed while the campaign is ${view.state}` })),
          'campaign configuration',
        );
      }
      const { facts, ...current } = view.config;
      const parsed = campaignConfigSchema.safeParse({ ...current, ...patch });
      if (!parsed.success) throw validationError(zodIssues(parsed.error), 'campaign configuration');
      const config: StoredCampaignConfig = { ...parsed.data, facts };
      const r = await db
        .updateTable('campaigns')
        .set({ config: JSON.stringify(config), revision: view.revision + 1 })
        .where('id', '=', id)
        .where('revision', '=', view.revision)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new AppError('CAMPAIGN_CONFLICT', `Campaign ${id} was changed by someone else`);
      await audit(ctx, 'campaign.configure', id, { fields: Object.keys(patch) });
      return toView(await load(ctx, id));
    },

    /**
     * A bounce that came back after the server accepted the message (a DSN piped in by the MTA): the
     * message is bounced and the person's next channel queued. Operator-level: the key in the VERP
     * address names the campaign, so no organisation context is needed, and nothing else is trusted.
     */
    async bounce(raw: string): Promise<BounceReading & { applied: boolean }> {
      const reading = readBounce(raw);
      if (reading.kind !== 'bounce') return { ...reading, applied: false };
      const applied = await store.settleMessage(reading.key, 'bounced', `DSN ${reading.status}`, isoInstant(clock.now()), nextChannel);
      return { ...reading, applied };
    },

    /**
     * A provider's delivery report for an SMS: delivered, or failed (the next channel is queued). Found by our
     * reference when the provider echoes it (which also settles a send whose answer was lost), else by the
     * provider's id. Returns whether it changed anything.
     */
    async smsReport(report: { providerId: string; status: 'delivered' | 'failed'; reference?: string }): Promise<boolean> {
      const at = isoInstant(clock.now());
      const detail = `sms report: ${report.status}`;
      const key = report.reference === undefined ? null : parseMessageKey(report.reference);
      if (key && key.channel === 'sms') return store.settleMessage(key, report.status, detail, at, nextChannel);
      return store.deliveryReport('sms', report.providerId, report.status, detail, at, nextChannel);
    },

    /** start, pause, resume, cancel or close. Starting runs the template check; closing starts the retention period. */
    async act(ctx: DeskContext, id: string, action: CampaignAction): Promise<CampaignView> {
      organisations.require(ctx, 'incident.decide');
      const row = await load(ctx, id);
      const view = toView(row);
      const to = nextCampaignState(view.state, action);
      if (to === null) {
        throw new AppError(
          'CAMPAIGN_STATE_INVALID',
          `A ${view.state} campaign cannot ${action}; it can: ${view.actions.join(', ') || 'nothing'}`,
          {
            data: { state: view.state, action },
          },
        );
      }
      const at = isoInstant(clock.now());
      const more: Partial<CampaignRow> = {};
      if (action === 'start') {
        const problems = checkTemplates(view.config, sampleValues(view.config.facts));
        if (problems.length > 0) {
          throw new AppError(
            'CAMPAIGN_TEMPLATE_INCOMPLETE',
            `The messages lack what Art. 34(2) requires: ${problems.map((p) => `${p.channel}/${p.locale}: ${p.missing.join(', ')}`).join('; ')}`,
            { data: { problems } },
          );
        }
        more.started_at = at;
      }
      if (action === 'close' || action === 'cancel') {
        more.closed_at = at;
        more.purge_after = new Date(Date.parse(at) + view.config.retentionDays * 86_400_000).toISOString();
      }
      const from = [view.state];
      if (!(await store.setState(id, from, to, more))) {
        throw new AppError('CAMPAIGN_CONFLICT', `Campaign ${id} changed state meanwhile; reload it`);
      }
      if (action === 'cancel') await store.cancelQueued(id, at);
      await audit(ctx, `campaign.${action}`, id, { from: view.state, to });
      return toView(await load(ctx, id));
    },
  };
}

export type Campaigns = ReturnType<typeof createCampaigns>;
