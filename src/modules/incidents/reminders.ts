import type { Kysely } from 'kysely';
import { isoInstant, type Clock } from '../../platform/clock.js';
import type { Locale } from '../../platform/locale.js';
import type { Logger } from '../../platform/logger.js';
import type { DatabaseSchema } from '../../storage/schema.js';
import type { Mailer } from '../alerts/index.js';
import { NOTIFICATION_WINDOW_MS, reminders } from './model/clock.js';

export interface DeadlineRemindersDeps {
  readonly db: Kysely<DatabaseSchema>;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly logger: Logger;
  /** The console page of an incident, for the link in the email. */
  readonly incidentUrl: (organisationSlug: string, incidentId: string, locale: Locale) => string;
}

const TEXT: Readonly<
  Record<
    Locale,
    { subject: (h: number, title: string) => string; body: (h: number, title: string, deadline: string, url: string) => string }
  >
> = {
  en: {
    subject: (h, title) => (h > 0 ? `${h} h left to notify the authority: ${title}` : `The 72 hours have passed: ${title}`),
    body: (h, title, deadline, url) =>
      [
        h > 0
          ? `The incident "${title}" has not been notified to the supervisory authority yet. The 72 hours from awareness end at ${deadline} (GDPR Art. 33(1)).`
          : `The incident "${title}" was not notified within 72 hours of awareness (deadline ${deadline}). Notify now, with the reasons for the delay (GDPR Art. 33(1)).`,
        '',
        `Open the incident: ${url}`,
      ].join('\n'),
  },
  fr: {
    subject: (h, title) => (h > 0 ? `Plus que ${h} h pour notifier l’autorité : ${title}` : `Les 72 heures sont écoulées : ${title}`),
    body: (h, title, deadline, url) =>
      [
        h > 0
          ? `La violation « ${title} » n’a pas encore été notifiée à l’autorité de contrôle. Les 72 heures depuis la prise de connaissance se terminent le ${deadline} (RGPD, art. 33(1)).`
          : `La violation « ${title} » n’a pas été notifiée dans les 72 heures (échéance ${deadline}). Notifiez maintenant, en indiquant les motifs du retard (RGPD, art. 33(1)).`,
        '',
        `Ouvrir la violation : ${url}`,
      ].join('\n'),
  },
  sv: {
    subject: (h, title) => (h > 0 ? `${h} h kvar att anmäla till IMY: ${title}` : `72 timmar har passerat: ${title}`),
    body: (h, title, deadline, url) =>
      [
        h > 0
          ? `Incidenten "${title}" har ännu inte anmälts till tillsynsmyndigheten. De 72 timmarna från kännedom löper ut ${deadline} (GDPR art. 33.1).`
          : `Incidenten "${title}" anmäldes inte inom 72 timmar från kännedom (sista tidpunkt ${deadline}). Anmäl nu och ange skälen till förseningen (GDPR art. 33.1).`,
        '',
        `Öppna incidenten: ${url}`,
      ].join('\n'),
  },
};

const localeOf = (country: string): Locale => (country === 'FR' ? 'fr' : country === 'SE' ? 'sv' : 'en');

/**
 * Reminders of the 72-hour deadline (GDPR Art. 33(1); issue 6 part 3): for every incident with an awareness
 * date and no notification yet, one email to the organisation's owners and DPOs at 24, 48 and 66 hours after
 * awareness and at the deadline. Each (incident, mark) is recorded once under a unique key, so several
 * processes never send it twice; a mark whose email could not be sent is released and retried on the next
 * run, and logged. Marks more than a day late (an incident recorded long after awareness) are skipped.
 */
export function createDeadlineReminders(deps: DeadlineRemindersDeps) {
  const { db, clock, mailer, logger } = deps;
  return {
    async run(): Promise<{ sent: number; failed: number }> {
      const now = clock.now();
      const since = isoInstant(new Date(now.getTime() - NOTIFICATION_WINDOW_MS - 24 * 3_600_000));
      const open = await db
        .selectFrom('incidents as i')
        .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
        .select(['i.id', 'i.title', 'i.awareness_at', 'i.organisation_id', 'o.slug', 'o.country'])
        .where('i.notified_at', 'is', null)
        .where('i.awareness_at', 'is not', null)
        .where('i.awareness_at', '>=', since)
        .execute();
      let sent = 0;
      let failed = 0;
      for (const incident of open) {
        const due = reminders(incident.awareness_at!).filter(
          (r) => r.at.getTime() <= now.getTime() && now.getTime() - r.at.getTime() < 24 * 3_600_000,
        );
        const mark = due.at(-1);
        if (!mark) continue;
        const claimed = await db
          .insertInto('incident_reminders')
          .values({ incident_id: incident.id, hours: mark.hoursAfterAwareness, sent_at: isoInstant(now), recipients: 0 })
          .onConflict((oc) => oc.columns(['incident_id', 'hours']).doNothing())
          .executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) continue;
        const recipients = await db
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select('u.email')
          .where('m.organisation_id', '=', incident.organisation_id)
          .where('m.role', 'in', ['owner', 'dpo'])
          .execute();
        const locale = localeOf(incident.country);
        const t = TEXT[locale];
        const left = 72 - mark.hoursAfterAwareness;
        const deadline = `${new Date(Date.parse(incident.awareness_at!) + NOTIFICATION_WINDOW_MS).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
        const url = deps.incidentUrl(incident.slug, incident.id, locale);
        try {
          for (const { email } of recipients) {
            await mailer.send({
              to: email,
              subject: t.subject(left, incident.title),
              text: t.body(left, incident.title, deadline, url),
              headers: { 'Auto-Submitted': 'auto-generated' },
            });
          }
          await db
            .updateTable('incident_reminders')
            .set({ recipients: recipients.length })
            .where('incident_id', '=', incident.id)
            .where('hours', '=', mark.hoursAfterAwareness)
            .execute();
          sent += recipients.length;
          logger.info({ incident: incident.id, hours: mark.hoursAfterAwareness, recipients: recipients.length }, '72-hour reminder sent');
        } catch (error) {
          failed += 1;
          await db
            .deleteFrom('incident_reminders')
            .where('incident_id', '=', incident.id)
            .where('hours', '=', mark.hoursAfterAwareness)
            .execute();
          logger.error(
            { err: error, incident: incident.id, hours: mark.hoursAfterAwareness },
            '72-hour reminder not sent; retried on the next run',
          );
        }
      }
      return { sent, failed };
    },
  };
}
