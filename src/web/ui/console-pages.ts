import type { AuditRecord } from '../../modules/audit/index.js';
import type { DeskContext, Member, SessionInfo, TokenInfo } from '../../modules/organisations/index.js';
import { can, ROLES, type Role } from '../../modules/organisations/index.js';
import type { Locale } from '../../platform/locale.js';
import { DATA_CLASSES } from '../../modules/catalogue/taxonomy.js';
import type { IncidentSummary, StoredIncident } from '../../modules/incidents/index.js';
import type { ClockState, ClockStatus } from '../../modules/incidents/model/clock.js';
import { NOTIFICATION_TYPES, type NotificationType } from '../../modules/incidents/model/incident.js';
import type { AuthorityNotification } from '../../modules/incidents/model/notification.js';
import type { FieldIssue } from '../../platform/errors.js';
import { html, type SafeHtml } from './html.js';
import { href, layout, type PageContext } from './layout.js';

/**
 * The organisation's console (issue 6): sign-in, the organisations a user belongs to, members and roles,
 * personal API tokens and the audit log. Plain HTML forms, no script (the CSP forbids it); every form that
 * changes something carries the session's anti-forgery token.
 */
const en = {
  consoleTitle: 'Organisation desk',
  signInTitle: 'Sign in to the organisation desk',
  signInIntro: 'For staff of breached organisations: record incidents, assess them and notify the authority.',
  email: 'E-mail address',
  password: 'Password',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signInFailed: 'Wrong e-mail address or password.',
  signInLocked: 'Too many wrong passwords. Try again in 15 minutes.',
  yourOrganisations: 'Your organisations',
  noOrganisations: 'You do not belong to any organisation yet. Ask an owner to add you.',
  yourRole: 'Your role',
  members: 'Members',
  name: 'Name',
  role: 'Role',
  since: 'Since',
  actions: 'Actions',
  addMember: 'Add a member',
  initialPassword: 'Initial password (new users only, at least 12 characters)',
  add: 'Add',
  changeRole: 'Change role',
  remove: 'Remove',
  tokens: 'API tokens',
  tokensIntro:
    'Personal tokens let scripts use the desk API as you, in this organisation, with your role. Send them as "Authorization: Bearer …".',
  tokenName: 'What the token is for',
  createToken: 'Create a token',
  tokenShownOnce: 'Your new token. Copy it now: it is not shown again.',
  revoke: 'Revoke',
  revoked: 'revoked',
  created: 'Created',
  lastUsed: 'Last used',
  never: 'never',
  audit: 'Audit log',
  when: 'When',
  who: 'Who',
  what: 'What',
  subject: 'Subject',
  back: 'Back to the organisation',
  incidents: 'Incidents',
  noIncidents: 'No incident recorded yet.',
  newIncident: 'Record an incident',
  incidentTitle: 'Title',
  awarenessAt: 'Aware since (date and time, UTC: the 72-hour clock starts here)',
  description: 'What happened',
  record: 'Record',
  clock: '72-hour clock',
  deadline: 'Deadline',
  hoursLeft: '{h} h left',
  hoursLate: '{h} h late',
  clockStates: {
    running: 'Running',
    'due-soon': 'Due in less than 24 hours',
    overdue: 'Overdue: a reason for the delay is required',
    'notified-on-time': 'Notified on time',
    'notified-late': 'Notified late',
    'no-awareness-date': 'No awareness date yet',
  },
  notifications: 'Notifications to the authority',
  noNotifications: 'None issued yet.',
  version: 'Version',
  kind: 'Kind',
  issuedAt: 'Issued',
  issue: 'Issue the notification',
  kinds: { initial: 'Initial', 'follow-up': 'Follow-up', withdrawal: 'Withdrawal' },
  missingTitle: 'Not yet: complete these first',
  editJson: 'Advanced: edit the whole record as JSON (EDPB template fields)',
  editHint:
    'Every field of the template, as in the API; the sections above do the same without JSON. Saving checks every field and refuses if someone else saved meanwhile.',
  save: 'Save',
  conflict: 'Someone else saved this incident meanwhile. Reload it and apply your changes again.',
  invalid: 'Not saved. Fix these fields:',
  register: 'Register (Art. 33(5))',
  communicationCheck: 'Check a letter to the people concerned',
  leakAudits: 'Leak audits',
  essentials: 'What the notification needs (GDPR Art. 33(3))',
  occurredFrom: 'Started on (date, if known)',
  natureTypes: 'Nature of the breach',
  natureNames: 'confidentiality|integrity|availability',
  dataClasses: 'Personal data concerned (several: Ctrl or ⌘ + click)',
  peopleCountry: 'Country of the people concerned (ISO code: FR, SE …)',
  peoplePrecision: 'The number is',
  precisionNames: 'exact|approximate|unknown',
  peopleCount: 'Number of people',
  contactName: 'Contact point for the authority and the people (name or function)',
  contactEmail: 'Contact e-mail',
  contactPhone: 'Contact phone',
  consequencesText: 'Likely consequences',
  measuresTaken: 'Measures taken',
  delayReason: 'Reason for notifying after 72 hours (if late)',
  roleNames: { owner: 'Owner', dpo: 'Data protection officer', analyst: 'Analyst', 'read-only': 'Read only' },
} as const;

type ConsoleMessages = {
  readonly [K in keyof typeof en]: K extends 'roleNames'
    ? Readonly<Record<Role, string>>
    : K extends 'clockStates'
      ? Readonly<Record<ClockState, string>>
      : K extends 'kinds'
        ? Readonly<Record<NotificationType, string>>
        : string;
};

const fr: ConsoleMessages = {
  consoleTitle: 'Espace organisation',
  signInTitle: 'Connexion à l’espace organisation',
  signInIntro:
    'Pour le personnel des organismes victimes d’une fuite : enregistrer les violations, les évaluer et les notifier à l’autorité.',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  signInFailed: 'Adresse e-mail ou mot de passe incorrect.',
  signInLocked: 'Trop de mots de passe erronés. Réessayez dans 15 minutes.',
  yourOrganisations: 'Vos organisations',
  noOrganisations: 'Vous n’appartenez encore à aucune organisation. Demandez à un propriétaire de vous ajouter.',
  yourRole: 'Votre rôle',
  members: 'Membres',
  name: 'Nom',
  role: 'Rôle',
  since: 'Depuis',
  actions: 'Actions',
  addMember: 'Ajouter un membre',
  initialPassword: 'Mot de passe initial (nouveaux utilisateurs seulement, 12 caractères au moins)',
  add: 'Ajouter',
  changeRole: 'Changer le rôle',
  remove: 'Retirer',
  tokens: 'Jetons d’API',
  tokensIntro:
    'Les jetons personnels permettent à des scripts d’utiliser l’API en votre nom, dans cette organisation, avec votre rôle. Envoyez-les dans « Authorization: Bearer … ».',
  tokenName: 'Usage du jeton',
  createToken: 'Créer un jeton',
  tokenShownOnce: 'Votre nouveau jeton. Copiez-le maintenant : il ne sera plus affiché.',
  revoke: 'Révoquer',
  revoked: 'révoqué',
  created: 'Créé',
  lastUsed: 'Dernière utilisation',
  never: 'jamais',
  audit: 'Journal d’audit',
  when: 'Quand',
  who: 'Qui',
  what: 'Quoi',
  subject: 'Objet',
  back: 'Retour à l’organisation',
  incidents: 'Violations',
  noIncidents: 'Aucune violation enregistrée.',
  newIncident: 'Enregistrer une violation',
  incidentTitle: 'Intitulé',
  awarenessAt: 'Connue depuis (date et heure UTC : le délai de 72 heures part d’ici)',
  description: 'Ce qui s’est passé',
  record: 'Enregistrer',
  clock: 'Délai de 72 heures',
  deadline: 'Échéance',
  hoursLeft: 'reste {h} h',
  hoursLate: '{h} h de retard',
  clockStates: {
    running: 'En cours',
    'due-soon': 'Échéance dans moins de 24 heures',
    overdue: 'Dépassé : les motifs du retard sont requis',
    'notified-on-time': 'Notifiée dans le délai',
    'notified-late': 'Notifiée en retard',
    'no-awareness-date': 'Date de connaissance non renseignée',
  },
  notifications: 'Notifications à l’autorité',
  noNotifications: 'Aucune pour l’instant.',
  version: 'Version',
  kind: 'Type',
  issuedAt: 'Émise le',
  issue: 'Émettre la notification',
  kinds: { initial: 'Initiale', 'follow-up': 'Complémentaire', withdrawal: 'Retrait' },
  missingTitle: 'Pas encore : complétez d’abord',
  editJson: 'Avancé : modifier toute la fiche en JSON (champs du modèle du CEPD)',
  editHint:
    'Tous les champs du modèle, comme dans l’API ; les rubriques ci-dessus font de même sans JSON. L’enregistrement vérifie chaque champ et refuse si quelqu’un d’autre a enregistré entre-temps.',
  save: 'Enregistrer',
  conflict: 'Quelqu’un d’autre a enregistré cette violation entre-temps. Rechargez-la et refaites vos modifications.',
  invalid: 'Non enregistré. Corrigez ces champs :',
  register: 'Registre (art. 33(5))',
  communicationCheck: 'Vérifier un courrier aux personnes concernées',
  leakAudits: 'Audits de fuites',
  essentials: 'Ce que la notification exige (RGPD, art. 33(3))',
  occurredFrom: 'Début (date, si connue)',
  natureTypes: 'Nature de la violation',
  natureNames: 'confidentialité|intégrité|disponibilité',
  dataClasses: 'Données personnelles concernées (plusieurs : Ctrl ou ⌘ + clic)',
  peopleCountry: 'Pays des personnes concernées (code ISO : FR, SE…)',
  peoplePrecision: 'Le nombre est',
  precisionNames: 'exact|approximatif|inconnu',
  peopleCount: 'Nombre de personnes',
  contactName: 'Point de contact pour l’autorité et les personnes (nom ou fonction)',
  contactEmail: 'E-mail de contact',
  contactPhone: 'Téléphone de contact',
  consequencesText: 'Conséquences probables',
  measuresTaken: 'Mesures prises',
  delayReason: 'Motifs d’une notification après 72 heures (en cas de retard)',
  roleNames: { owner: 'Propriétaire', dpo: 'Délégué à la protection des données', analyst: 'Analyste', 'read-only': 'Lecture seule' },
};

const sv: ConsoleMessages = {
  consoleTitle: 'Organisationens skrivbord',
  signInTitle: 'Logga in på organisationens skrivbord',
  signInIntro:
    'För personal på organisationer som drabbats av ett intrång: registrera incidenter, bedöm dem och anmäl till tillsynsmyndigheten.',
  email: 'E-postadress',
  password: 'Lösenord',
  signIn: 'Logga in',
  signOut: 'Logga ut',
  signInFailed: 'Fel e-postadress eller lösenord.',
  signInLocked: 'För många felaktiga lösenord. Försök igen om 15 minuter.',
  yourOrganisations: 'Dina organisationer',
  noOrganisations: 'Du tillhör ingen organisation ännu. Be en ägare att lägga till dig.',
  yourRole: 'Din roll',
  members: 'Medlemmar',
  name: 'Namn',
  role: 'Roll',
  since: 'Sedan',
  actions: 'Åtgärder',
  addMember: 'Lägg till en medlem',
  initialPassword: 'Första lösenord (bara nya användare, minst 12 tecken)',
  add: 'Lägg till',
  changeRole: 'Byt roll',
  remove: 'Ta bort',
  tokens: 'API-nycklar',
  tokensIntro:
    'Personliga nycklar låter skript använda API:et som du, i den här organisationen, med din roll. Skicka dem som "Authorization: Bearer …".',
  tokenName: 'Vad nyckeln används till',
  createToken: 'Skapa en nyckel',
  tokenShownOnce: 'Din nya nyckel. Kopiera den nu: den visas inte igen.',
  revoke: 'Återkalla',
  revoked: 'återkallad',
  created: 'Skapad',
  lastUsed: 'Senast använd',
  never: 'aldrig',
  audit: 'Granskningslogg',
  when: 'När',
  who: 'Vem',
  what: 'Vad',
  subject: 'Objekt',
  back: 'Tillbaka till organisationen',
  incidents: 'Incidenter',
  noIncidents: 'Ingen incident registrerad ännu.',
  newIncident: 'Registrera en incident',
  incidentTitle: 'Rubrik',
  awarenessAt: 'Känd sedan (datum och tid i UTC, 72-timmarsfristen börjar här)',
  description: 'Vad som hände',
  record: 'Registrera',
  clock: '72-timmarsfristen',
  deadline: 'Sista tidpunkt',
  hoursLeft: '{h} h kvar',
  hoursLate: '{h} h för sent',
  clockStates: {
    running: 'Pågår',
    'due-soon': 'Löper ut inom 24 timmar',
    overdue: 'Överskriden: skälen till förseningen krävs',
    'notified-on-time': 'Anmäld i tid',
    'notified-late': 'Anmäld för sent',
    'no-awareness-date': 'Inget datum för kännedom ännu',
  },
  notifications: 'Anmälningar till tillsynsmyndigheten',
  noNotifications: 'Inga ännu.',
  version: 'Version',
  kind: 'Typ',
  issuedAt: 'Utfärdad',
  issue: 'Utfärda anmälan',
  kinds: { initial: 'Första', 'follow-up': 'Komplettering', withdrawal: 'Återkallelse' },
  missingTitle: 'Inte ännu: fyll först i',
  editJson: 'Avancerat: redigera hela posten som JSON (fälten i EDPB:s mall)',
  editHint:
    'Alla fält i mallen, som i API:et; avsnitten ovan gör samma sak utan JSON. Sparandet kontrollerar varje fält och vägrar om någon annan har sparat under tiden.',
  save: 'Spara',
  conflict: 'Någon annan har sparat incidenten under tiden. Ladda om den och gör om dina ändringar.',
  invalid: 'Inte sparat. Rätta dessa fält:',
  register: 'Register (art. 33.5)',
  communicationCheck: 'Kontrollera ett brev till de berörda',
  leakAudits: 'Läckagegranskningar',
  essentials: 'Det anmälan kräver (art. 33.3 GDPR)',
  occurredFrom: 'Började (datum, om känt)',
  natureTypes: 'Incidentens art',
  natureNames: 'konfidentialitet|riktighet|tillgänglighet',
  dataClasses: 'Berörda personuppgifter (flera: Ctrl eller ⌘ + klick)',
  peopleCountry: 'De berördas land (ISO-kod: FR, SE …)',
  peoplePrecision: 'Antalet är',
  precisionNames: 'exakt|ungefärligt|okänt',
  peopleCount: 'Antal personer',
  contactName: 'Kontaktpunkt för myndigheten och de berörda (namn eller funktion)',
  contactEmail: 'Kontaktadress (e-post)',
  contactPhone: 'Kontakttelefon',
  consequencesText: 'Sannolika konsekvenser',
  measuresTaken: 'Vidtagna åtgärder',
  delayReason: 'Skäl till anmälan efter 72 timmar (vid försening)',
  roleNames: { owner: 'Ägare', dpo: 'Dataskyddsombud', analyst: 'Analytiker', 'read-only': 'Endast läsning' },
};

export const CONSOLE_MESSAGES: Readonly<Record<Locale, ConsoleMessages>> = { en, fr, sv };

const csrfField = (session: SessionInfo | null): SafeHtml | string =>
  session ? html`<input type="hidden" name="_csrf" value="${session.csrfToken}" />` : '';

function signOutForm(ctx: PageContext, session: SessionInfo): SafeHtml {
  const m = CONSOLE_MESSAGES[ctx.locale];
  return html`<form method="post" action="/console/sign-out?lang=${ctx.locale}" class="inline">
    ${csrfField(session)}<button type="submit" class="secondary">${m.signOut}</button>
  </form>`;
}

export function renderSignInPage(ctx: PageContext, problem: 'failed' | 'locked' | null): string {
  const m = CONSOLE_MESSAGES[ctx.locale];
  return layout(
    ctx,
    m.signInTitle,
    html`<h1>${m.signInTitle}</h1>
      <p>${m.signInIntro}</p>
      ${problem ? html`<p class="problem" role="alert">${problem === 'locked' ? m.signInLocked : m.signInFailed}</p>` : ''}
      <form method="post" action="/console/sign-in?lang=${ctx.locale}" class="check desk-form">
        <div class="field">
          <label for="email">${m.email}</label>
          <input id="email" name="email" type="email" autocomplete="username" required />
        </div>
        <div class="field">
          <label for="password">${m.password}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit">${m.signIn}</button>
      </form>`,
  );
}

export function renderConsoleHome(ctx: PageContext, session: SessionInfo): string {
  const m = CONSOLE_MESSAGES[ctx.locale];
  return layout(
    ctx,
    m.consoleTitle,
    html`<h1>${m.consoleTitle}</h1>
      <p>${session.user.displayName} (${session.user.email}) ${signOutForm(ctx, session)}</p>
      <h2>${m.yourOrganisations}</h2>
      ${
        session.memberships.length === 0
          ? html`<p>${m.noOrganisations}</p>`
          : html`<ul class="orgs">
              ${session.memberships.map(
                (ms) =>
                  html`<li>
                    <a href="${href(ctx, `/console/${ms.organisation.slug}`)}">${ms.organisation.name}</a> — ${m.roleNames[ms.role]}
                  </li>`,
              )}
            </ul>`
      }`,
  );
}

function clockText(m: ConsoleMessages, clock: ClockStatus): string {
  const hours = clock.remainingMs === null ? null : Math.round(Math.abs(clock.remainingMs) / 3_600_000);
  const detail =
    hours === null || clock.state === 'notified-on-time' || clock.state === 'notified-late'
      ? ''
      : ` (${(clock.remainingMs ?? 0) >= 0 ? m.hoursLeft : m.hoursLate})`.replace('{h}', String(hours));
  return `${m.clockStates[clock.state]}${detail}`;
}

const deadlineText = (clock: ClockStatus): string =>
  clock.deadline ? `${new Date(clock.deadline).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';

function incidentsSection(
  ctx: PageContext,
  desk: DeskContext & { session: SessionInfo | null },
  incidents: readonly IncidentSummary[],
): SafeHtml {
  const m = CONSOLE_MESSAGES[ctx.locale];
  const base = `/console/${desk.organisation.slug}`;
  return html`<h2>${m.incidents}</h2>
    ${
      can(desk.role, 'register.export')
        ? html`<p>
            ${m.register}: <a href="/api/v1/orgs/${desk.organisation.slug}/register?format=csv">CSV</a> ·
            <a href="/api/v1/orgs/${desk.organisation.slug}/register?format=json">JSON</a>
          </p>`
        : ''
    }
    ${
      incidents.length === 0
        ? html`<p>${m.noIncidents}</p>`
        : html`<table class="incidents">
            <thead>
              <tr>
                <th scope="col">${m.incidentTitle}</th>
                <th scope="col">${m.clock}</th>
                <th scope="col">${m.deadline}</th>
              </tr>
            </thead>
            <tbody>
              ${incidents.map(
                (i) =>
                  html`<tr data-incident="${i.id}" data-clock="${i.clock.state}">
                    <td data-label="${m.incidentTitle}"><a href="${href(ctx, `${base}/incidents/${i.id}`)}">${i.title}</a></td>
                    <td data-label="${m.clock}" class="clock-${i.clock.state}">${clockText(m, i.clock)}</td>
                    <td data-label="${m.deadline}">${deadlineText(i.clock)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${
      can(desk.role, 'incident.write')
        ? html`<h3>${m.newIncident}</h3>
            <form method="post" action="${base}/incidents?lang=${ctx.locale}" class="check desk-form">
              ${csrfField(desk.session)}
              <div class="field">
                <label for="incident-title">${m.incidentTitle}</label><input id="incident-title" name="title" type="text" required />
              </div>
              <div class="field">
                <label for="incident-awareness">${m.awarenessAt}</label
                ><input id="incident-awareness" name="awarenessAt" type="datetime-local" />
              </div>
              <div class="field">
                <label for="incident-description">${m.description}</label
                ><textarea id="incident-description" name="description" rows="4"></textarea>
              </div>
              <button type="submit">${m.record}</button>
            </form>`
        : ''
    }`;
}

export function renderIncidentPage(
  ctx: PageContext,
  desk: DeskContext & { session: SessionInfo | null },
  stored: StoredIncident,
  notifications: readonly AuthorityNotification[],
  problems: { readonly kind: 'missing' | 'invalid' | 'conflict'; readonly issues: readonly FieldIssue[] } | null = null,
  draftText: string | null = null,
  extra: SafeHtml | string = '',
): string {
  const m = CONSOLE_MESSAGES[ctx.locale];
  const base = `/console/${desk.organisation.slug}/incidents/${stored.incident.id}`;
  const { id: _id, createdAt: _c, modifiedAt: _m, ...draft } = stored.incident;
  return layout(
    ctx,
    stored.incident.title,
    html`<h1>${stored.incident.title}</h1>
      <p><a href="${href(ctx, `/console/${desk.organisation.slug}`)}">${m.back}</a></p>
      <section class="clock clock-${stored.clock.state}" aria-labelledby="clock-title">
        <h2 id="clock-title">${m.clock}</h2>
        <p data-clock="${stored.clock.state}">
          <strong>${clockText(m, stored.clock)}</strong> — ${m.deadline}: ${deadlineText(stored.clock)}
        </p>
      </section>
      ${
        problems
          ? html`<div class="problem" role="alert">
              <p>${problems.kind === 'conflict' ? m.conflict : problems.kind === 'missing' ? m.missingTitle : m.invalid}</p>
              <ul>
                ${problems.issues.map((i) => html`<li data-path="${i.path}"><code>${i.path}</code>: ${i.message}</li>`)}
              </ul>
            </div>`
          : ''
      }
      <h2>${m.notifications}</h2>
      ${
        notifications.length === 0
          ? html`<p>${m.noNotifications}</p>`
          : html`<table class="notifications">
                <thead>
                  <tr>
                    <th scope="col">${m.version}</th>
                    <th scope="col">${m.kind}</th>
                    <th scope="col">${m.issuedAt}</th>
                  </tr>
                </thead>
                <tbody>
                  ${notifications.map(
                    (n) =>
                      html`<tr data-version="${String(n.version)}">
                        <td data-label="${m.version}">${String(n.version)}</td>
                        <td data-label="${m.kind}">${m.kinds[n.kind]}</td>
                        <td data-label="${m.issuedAt}">${n.issuedAt}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
              <p><a href="/api/v1/orgs/${desk.organisation.slug}/incidents/${stored.incident.id}/notifications">JSON</a></p>`
      }
      ${
        can(desk.role, 'incident.decide')
          ? html`<form method="post" action="${base}/notifications?lang=${ctx.locale}" class="inline desk-form">
              ${csrfField(desk.session)}<label for="notification-kind">${m.kind}</label>
              <select id="notification-kind" name="kind">
                ${NOTIFICATION_TYPES.map(
                  (k) =>
                    html`<option value="${k}" ${k === (notifications.length === 0 ? 'initial' : 'follow-up') ? html`selected` : ''}>
                      ${m.kinds[k]}
                    </option>`,
                )}
              </select>
              <button type="submit">${m.issue}</button>
            </form>`
          : ''
      }
      ${extra}
      ${
        can(desk.role, 'incident.write')
          ? html`<details class="advanced" ${draftText === null ? '' : html`open`}>
              <summary>${m.editJson}</summary>
              <p class="hint">${m.editHint}</p>
              <form method="post" action="${base}/edit?lang=${ctx.locale}" class="check desk-form">
                ${csrfField(desk.session)}<input type="hidden" name="revision" value="${String(stored.revision)}" />
                <div class="field">
                  <label for="incident-json">${m.editJson}</label>
                  <textarea id="incident-json" name="document" rows="24" spellcheck="false">
${draftText ?? JSON.stringify(draft, null, 2)}</textarea>
                </div>
                <button type="submit">${m.save}</button>
              </form>
            </details>`
          : html`<pre class="incident-json">${JSON.stringify(draft, null, 2)}</pre>`
      }`,
  );
}

export function renderOrganisationPage(
  ctx: PageContext,
  desk: DeskContext & { session: SessionInfo | null },
  members: readonly Member[],
  incidents: readonly IncidentSummary[] = [],
  extra: SafeHtml | string = '',
): string {
  const m = CONSOLE_MESSAGES[ctx.locale];
  const manage = can(desk.role, 'members.manage');
  const base = `/console/${desk.organisation.slug}`;
  const roleSelect = (id: string, current: Role | null) =>
    html`<select id="${id}" name="role">
      ${ROLES.map((r) => html`<option value="${r}" ${r === current ? html`selected` : ''}>${m.roleNames[r]}</option>`)}
    </select>`;
  return layout(
    ctx,
    desk.organisation.name,
    html`<h1>${desk.organisation.name}</h1>
      <p>
        ${m.yourRole}: <strong data-role="${desk.role}">${m.roleNames[desk.role]}</strong> ·
        <a href="${href(ctx, '/console')}">${m.yourOrganisations}</a> ${desk.session ? signOutForm(ctx, desk.session) : ''}
      </p>
      <nav class="desk-nav" aria-label="${m.consoleTitle}">
        <ul>
          ${can(desk.role, 'tokens.own') ? html`<li><a href="${href(ctx, `${base}/tokens`)}">${m.tokens}</a></li>` : ''}
          ${can(desk.role, 'audit.read') ? html`<li><a href="${href(ctx, `${base}/audit`)}">${m.audit}</a></li>` : ''}
          <li><a href="${href(ctx, `${base}/communication-check`)}">${m.communicationCheck}</a></li>
          <li><a href="${href(ctx, `${base}/audits`)}">${m.leakAudits}</a></li>
        </ul>
      </nav>
      ${incidentsSection(ctx, desk, incidents)} ${extra}
      <h2>${m.members}</h2>
      <table class="members">
        <thead>
          <tr>
            <th scope="col">${m.name}</th>
            <th scope="col">${m.email}</th>
            <th scope="col">${m.role}</th>
            <th scope="col">${m.since}</th>
            ${manage ? html`<th scope="col">${m.actions}</th>` : ''}
          </tr>
        </thead>
        <tbody>
          ${members.map(
            (member) =>
              html`<tr data-member="${member.id}">
                <td data-label="${m.name}">${member.displayName}</td>
                <td data-label="${m.email}">${member.email}</td>
                <td data-label="${m.role}">${m.roleNames[member.role]}</td>
                <td data-label="${m.since}">${member.since.slice(0, 10)}</td>
                ${
                  manage
                    ? html`<td data-label="${m.actions}">
                        <form method="post" action="${base}/members/${member.id}/role?lang=${ctx.locale}" class="inline">
                          ${csrfField(desk.session)}<label class="visually-hidden" for="role-${member.id}">${m.changeRole}</label>
                          ${roleSelect(`role-${member.id}`, member.role)}<button type="submit" class="secondary">${m.changeRole}</button>
                        </form>
                        <form method="post" action="${base}/members/${member.id}/remove?lang=${ctx.locale}" class="inline">
                          ${csrfField(desk.session)}<button type="submit" class="secondary">${m.remove}</button>
                        </form>
                      </td>`
                    : ''
                }
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        manage
          ? html`<h2>${m.addMember}</h2>
              <form method="post" action="${base}/members?lang=${ctx.locale}" class="check desk-form">
                ${csrfField(desk.session)}
                <div class="field">
                  <label for="new-email">${m.email}</label><input id="new-email" name="email" type="email" required />
                </div>
                <div class="field"><label for="new-name">${m.name}</label><input id="new-name" name="displayName" type="text" /></div>
                <div class="field"><label for="new-role">${m.role}</label>${roleSelect('new-role', 'analyst')}</div>
                <div class="field">
                  <label for="new-password">${m.initialPassword}</label
                  ><input id="new-password" name="password" type="password" autocomplete="new-password" />
                </div>
                <button type="submit">${m.add}</button>
              </form>`
          : ''
      }`,
  );
}

export function renderTokensPage(
  ctx: PageContext,
  desk: DeskContext & { session: SessionInfo | null },
  tokens: readonly TokenInfo[],
  fresh: string | null,
): string {
  const m = CONSOLE_MESSAGES[ctx.locale];
  const base = `/console/${desk.organisation.slug}`;
  return layout(
    ctx,
    m.tokens,
    html`<h1>${m.tokens} · ${desk.organisation.name}</h1>
      <p>${m.tokensIntro}</p>
      ${fresh ? html`<p class="notice" role="status">${m.tokenShownOnce}<br /><code id="fresh-token">${fresh}</code></p>` : ''}
      <table class="tokens">
        <thead>
          <tr>
            <th scope="col">${m.name}</th>
            <th scope="col">${m.created}</th>
            <th scope="col">${m.lastUsed}</th>
            <th scope="col">${m.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${tokens.map(
            (t) =>
              html`<tr data-token="${t.id}">
                <td data-label="${m.name}">${t.name}</td>
                <td data-label="${m.created}">${t.createdAt.slice(0, 10)}</td>
                <td data-label="${m.lastUsed}">${t.lastUsedAt?.slice(0, 16) ?? m.never}</td>
                <td data-label="${m.actions}">
                  ${
                    t.revokedAt
                      ? m.revoked
                      : html`<form method="post" action="${base}/tokens/${t.id}/revoke?lang=${ctx.locale}" class="inline">
                          ${csrfField(desk.session)}<button type="submit" class="secondary">${m.revoke}</button>
                        </form>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <form method="post" action="${base}/tokens?lang=${ctx.locale}" class="check desk-form">
        ${csrfField(desk.session)}
        <div class="field"><label for="token-name">${m.tokenName}</label><input id="token-name" name="name" type="text" required /></div>
        <button type="submit">${m.createToken}</button>
      </form>
      <p><a href="${href(ctx, base)}">${m.back}</a></p>`,
  );
}

export function renderAuditPage(ctx: PageContext, desk: DeskContext, entries: readonly AuditRecord[]): string {
  const m = CONSOLE_MESSAGES[ctx.locale];
  return layout(
    ctx,
    m.audit,
    html`<h1>${m.audit} · ${desk.organisation.name}</h1>
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">${m.when}</th>
            <th scope="col">${m.who}</th>
            <th scope="col">${m.what}</th>
            <th scope="col">${m.subject}</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            (e) =>
              html`<tr>
                <td data-label="${m.when}">${e.occurredAt}</td>
                <td data-label="${m.who}">${e.actor}</td>
                <td data-label="${m.what}">${e.action}</td>
                <td data-label="${m.subject}">${e.subjectType} ${e.subjectId}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p><a href="${href(ctx, `/console/${desk.organisation.slug}`)}">${m.back}</a></p>`,
  );
}

/** The fields an initial notification needs, as a form; everything else stays in the record as it was. */
export function renderEssentialsForm(
  ctx: PageContext,
  desk: DeskContext & { session: SessionInfo | null },
  stored: StoredIncident,
): SafeHtml {
  const m = CONSOLE_MESSAGES[ctx.locale];
  const i = stored.incident;
  const row = i.dataSubjects?.byCountry?.[0];
  const types = new Set<string>(i.nature?.types ?? []);
  const classes = new Set<string>(i.dataClasses ?? []);
  const natureNames = m.natureNames.split('|');
  const precisionNames = m.precisionNames.split('|');
  const localInput = (value: string | undefined) => (value && /T/.test(value) ? new Date(value).toISOString().slice(0, 16) : '');
  const field = (id: string, label: string, input: SafeHtml) => html`<div class="field"><label for="${id}">${label}</label>${input}</div>`;
  return html`<h2 id="essentials">${m.essentials}</h2>
    <form method="post" action="/console/${desk.organisation.slug}/incidents/${i.id}/essentials?lang=${ctx.locale}" class="check desk-form">
      ${desk.session ? html`<input type="hidden" name="_csrf" value="${desk.session.csrfToken}" />` : ''}
      <input type="hidden" name="revision" value="${String(stored.revision)}" />
      ${field('ess-awareness', m.awarenessAt, html`<input id="ess-awareness" name="awarenessAt" type="datetime-local" value="${localInput(i.timeline?.awarenessAt)}" />`)}
      ${field('ess-occurred', m.occurredFrom, html`<input id="ess-occurred" name="occurredFrom" type="date" value="${(i.timeline?.occurredFrom ?? '').slice(0, 10)}" />`)}
      <fieldset>
        <legend>${m.natureTypes}</legend>
        ${(['confidentiality', 'integrity', 'availability'] as const).map(
          (t, k) =>
            html`<div class="field choice">
              <input id="ess-nature-${t}" name="natureTypes" type="checkbox" value="${t}" ${types.has(t) ? html`checked` : ''} /><label
                for="ess-nature-${t}"
                >${natureNames[k] ?? t}</label
              >
            </div>`,
        )}
      </fieldset>
      ${field(
        'ess-classes',
        m.dataClasses,
        html`<select id="ess-classes" name="dataClasses" multiple size="8">
          ${DATA_CLASSES.filter((c) => c.deprecatedIn === undefined).map(
            (c) => html`<option value="${c.code}" ${classes.has(c.code) ? html`selected` : ''}>${c.labels[ctx.locale]}</option>`,
          )}
        </select>`,
      )}
      ${field('ess-country', m.peopleCountry, html`<input id="ess-country" name="peopleCountry" type="text" maxlength="2" value="${row?.country ?? desk.organisation.country}" />`)}
      ${field(
        'ess-precision',
        m.peoplePrecision,
        html`<select id="ess-precision" name="peoplePrecision">
          ${(['exact', 'approximate', 'unknown'] as const).map(
            (p, k) =>
              html`<option value="${p}" ${(row?.people.precision ?? 'unknown') === p ? html`selected` : ''}>
                ${precisionNames[k] ?? p}
              </option>`,
          )}
        </select>`,
      )}
      ${field('ess-count', m.peopleCount, html`<input id="ess-count" name="peopleCount" type="number" min="0" step="1" value="${row?.people.count === undefined ? '' : String(row.people.count)}" />`)}
      ${field('ess-contact-name', m.contactName, html`<input id="ess-contact-name" name="contactName" type="text" value="${i.contacts?.contactPoint?.name ?? ''}" />`)}
      ${field('ess-contact-email', m.contactEmail, html`<input id="ess-contact-email" name="contactEmail" type="email" value="${i.contacts?.contactPoint?.email ?? ''}" />`)}
      ${field('ess-contact-phone', m.contactPhone, html`<input id="ess-contact-phone" name="contactPhone" type="tel" value="${i.contacts?.contactPoint?.phone ?? ''}" />`)}
      ${field('ess-consequences', m.consequencesText, html`<textarea id="ess-consequences" name="consequences" rows="3">${i.consequences?.description ?? ''}</textarea>`)}
      ${field('ess-measures', m.measuresTaken, html`<textarea id="ess-measures" name="measuresTaken" rows="3">${i.measures?.taken ?? ''}</textarea>`)}
      ${field('ess-delay', m.delayReason, html`<textarea id="ess-delay" name="delayReason" rows="2">${i.delayReason ?? ''}</textarea>`)}
      <button type="submit">${m.save}</button>
    </form>`;
}
