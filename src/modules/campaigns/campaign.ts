import { z } from 'zod';
import { LOCALES, type Locale } from '../../platform/locale.js';

/**
 * A notification campaign: informing every person affected by an incident "directly and individually"
 * (GDPR Art. 34(1); ../shared/reference/gdpr-breach-workflow.md §1 and §2.3: the CNIL required it of
 * Viamedis and Almerys for 33 million people). Pure: the configuration, its validation and the state
 * machine. The outbox transitions are in outbox.ts; storage in campaigns.store.ts.
 */

export const CHANNELS = ['email', 'sms', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * draft → running ⇄ paused → completed (every person reached or reported) → closed (no more sending;
 * the retention period starts) → purged (recipients and data key deleted). cancelled: stopped by a
 * person; what was queued is never sent, and it is closed at once.
 */
export const CAMPAIGN_STATES = ['draft', 'running', 'paused', 'completed', 'cancelled', 'closed', 'purged'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export const CAMPAIGN_ACTIONS = ['start', 'pause', 'resume', 'cancel', 'close'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

const TRANSITIONS: Readonly<Record<CampaignAction, { readonly from: readonly CampaignState[]; readonly to: CampaignState }>> = {
  start: { from: ['draft'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  cancel: { from: ['draft', 'running', 'paused'], to: 'cancelled' },
  close: { from: ['completed', 'cancelled'], to: 'closed' },
};

/** The state an action leads to, or null when the action does not apply in this state. */
export function nextCampaignState(state: CampaignState, action: CampaignAction): CampaignState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

export function allowedActions(state: CampaignState): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((a) => nextCampaignState(state, a) !== null);
}

/** The words a template may use. Each is filled per person; none is ever a personal identifier. */
export const PLACEHOLDERS = ['organisation', 'exposed', 'planLink', 'reference', 'contact'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

const templateText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** One message per channel and language. SMS have no subject; letters and e-mails do. */
export const templateSchema = z.strictObject({
  subject: templateText(200).optional(),
  body: templateText(20_000),
});
export type CampaignTemplate = z.infer<typeof templateSchema>;

const perLocale = z.partialRecord(z.enum(LOCALES), templateSchema);

export const campaignConfigSchema = z
  .strictObject({
    /** The order in which channels are tried for each person; later ones are fallbacks. */
    channels: z
      .array(z.enum(CHANNELS, { error: `must be one of: ${CHANNELS.join(', ')}` }))
      .min(1, 'must name at least one channel')
      .max(3)
      .refine((cs) => new Set(cs).size === cs.length, 'must not name a channel twice'),
    /** The language of people for whom nothing better is known (see recipientLocale). */
    defaultLocale: z.enum(LOCALES),
    templates: z.strictObject({ email: perLocale.optional(), sms: perLocale.optional(), letter: perLocale.optional() }),
    /** Messages per second per channel, for each worker process (0 = no limit). */
    rates: z
      .strictObject({
        email: z.number().min(0).max(100_000).optional(),
        sms: z.number().min(0).max(10_000).optional(),
        letter: z.number().min(0).max(100_000).optional(),
      })
      .default({}),
    /** Days the recipients are kept after the campaign closes (then deleted with the data key). */
    retentionDays: z.number().int('must be a whole number').min(0).max(365).default(30),
    /** How long to retry a channel before falling back to the next one. */
    retryHours: z.number().min(0).max(168).default(24),
    /** The sender shown on letters: organisation name and return address lines. */
    letterSender: z.strictObject({ name: templateText(120), lines: z.array(templateText(60)).min(1).max(5) }).optional(),
    /** Country of the sender (ISO 3166 alpha-2), for the letters' address format. */
    senderCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code')
      .default('FR'),
  })
  .superRefine((c, ctx) => {
    for (const channel of c.channels) {
      const byLocale = c.templates[channel];
      if (byLocale?.[c.defaultLocale] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['templates', channel, c.defaultLocale],
          message: `is required: the ${channel} message in the default language`,
        });
      }
      for (const [locale, t] of Object.entries(byLocale ?? {})) {
        if (channel !== 'sms' && t.subject === undefined) {
          ctx.addIssue({ code: 'custom', path: ['templates', channel, locale, 'subject'], message: 'is required' });
        }
        if (channel === 'sms' && t.subject !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['templates', channel, locale, 'subject'], message: 'does not apply to SMS' });
        }
        for (const field of ['subject', 'body'] as const) {
          for (const name of unknownPlaceholders(t[field] ?? '')) {
            ctx.addIssue({
              code: 'custom',
              path: ['templates', channel, locale, field],
              message: `uses {{${name}}}, which is not one of: ${PLACEHOLDERS.join(', ')}`,
            });
          }
        }
        if (!/\{\{\s*planLink\s*\}\}/.test(t.body)) {
          ctx.addIssue({
            code: 'custom',
            path: ['templates', channel, locale, 'body'],
            message: 'must contain {{planLink}}: the link to the person’s own action plan',
          });
        }
      }
    }
    if (c.channels.includes('letter') && c.letterSender === undefined) {
      ctx.addIssue({ code: 'custom', path: ['letterSender'], message: 'is required when letters are sent' });
    }
  });
export type CampaignConfig = z.output<typeof campaignConfigSchema>;
export type CampaignConfigInput = z.input<typeof campaignConfigSchema>;

export function unknownPlaceholders(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = m[1]!;
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) names.add(name);
  }
  return [...names];
}

export type PlaceholderValues = Readonly<Record<Placeholder, string>>;

/** Fills the placeholders. Values are plain text: the e-mail is sent as text/plain, the letter drawn as text. */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
  );
}

/** The template for this channel in the person's language, else in the campaign's default language. */
export function templateFor(config: CampaignConfig, channel: Channel, locale: Locale): { template: CampaignTemplate; locale: Locale } {
  const byLocale = config.templates[channel] ?? {};
  const own = byLocale[locale];
  if (own) return { template: own, locale };
  const fallback = byLocale[config.defaultLocale];
  if (!fallback) throw new Error(`campaign config has no ${channel} template for ${config.defaultLocale}`);
  return { template: fallback, locale: config.defaultLocale };
}

/**
 * A person's language, from what is known without asking them: the country code of their phone number,
 * else the country of their postal address, else the campaign's default.
 */
export function recipientLocale(contact: { phone: string | null; country: string | null }, fallback: Locale): Locale {
  const byCountry = (country: string | null): Locale | null =>
    country === 'FR' || country === 'BE' || country === 'LU' || country === 'MC'
      ? 'fr'
      : country === 'SE'
        ? 'sv'
        : country === 'GB' || country === 'IE'
          ? 'en'
          : null;
  if (contact.phone?.startsWith('+33')) return 'fr';
  if (contact.phone?.startsWith('+46')) return 'sv';
  return byCountry(contact.country) ?? fallback;
}
