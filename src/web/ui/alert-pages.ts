import type { Locale } from '../../platform/locale.js';
import { html } from './html.js';
import { href, layout, type PageContext } from './layout.js';

/**
 * The pages an alert email's links open. They work without JavaScript (plain forms; the CSP allows no
 * inline script), and a GET never changes anything: mail scanners open links, people press buttons.
 */
const en = {
  confirmTitle: 'Confirm your breach alerts',
  confirmText:
    'Press the button to turn on alerts for this address. We will send an email each time a new breach may contain a detail you chose to watch, never the detail itself.',
  confirmButton: 'Turn on alerts',
  confirmedTitle: 'Your alerts are on',
  confirmedText:
    'We will email you when a new breach contains one of the details you watch. Every email has a link that stops the alerts and deletes everything we keep about you.',
  alreadyText: 'Your alerts were already on. Nothing changed.',
  unsubscribeTitle: 'Stop alerts and delete your data',
  unsubscribeText:
    'Press the button to stop the alerts. We then delete your encrypted address and the values derived from the details you watched. Nothing about you is kept.',
  unsubscribeButton: 'Stop alerts and delete',
  unsubscribedTitle: 'Deleted',
  unsubscribedText: 'Your alerts are off, and we deleted everything we kept about you: your encrypted address and the watched values.',
  goneText: 'There was nothing left to delete: these alerts were already stopped.',
  invalidTitle: 'This link does not work',
  invalidText: 'The link is incomplete, or the request expired (confirmation links last 48 hours). You can subscribe again after a check.',
  checkLink: 'Check whether you are affected',
} as const;

type AlertPageMessages = Readonly<Record<keyof typeof en, string>>;

const fr: AlertPageMessages = {
  confirmTitle: 'Confirmez vos alertes',
  confirmText:
    'Appuyez sur le bouton pour activer les alertes pour cette adresse. Nous enverrons un e-mail chaque fois qu’une nouvelle fuite contiendra peut-être une information que vous surveillez, jamais l’information elle-même.',
  confirmButton: 'Activer les alertes',
  confirmedTitle: 'Vos alertes sont activées',
  confirmedText:
    'Nous vous écrirons quand une nouvelle fuite contiendra une des informations que vous surveillez. Chaque e-mail contient un lien qui arrête les alertes et supprime tout ce que nous conservons sur vous.',
  alreadyText: 'Vos alertes étaient déjà activées. Rien n’a changé.',
  unsubscribeTitle: 'Arrêter les alertes et supprimer vos données',
  unsubscribeText:
    'Appuyez sur le bouton pour arrêter les alertes. Nous supprimons alors votre adresse chiffrée et les valeurs dérivées des informations surveillées. Nous ne conservons plus rien vous concernant.',
  unsubscribeButton: 'Arrêter et supprimer',
  unsubscribedTitle: 'Supprimé',
  unsubscribedText:
    'Vos alertes sont arrêtées et nous avons supprimé tout ce que nous conservions sur vous\u00a0: votre adresse chiffrée et les valeurs surveillées.',
  goneText: 'Il n’y avait plus rien à supprimer\u00a0: ces alertes étaient déjà arrêtées.',
  invalidTitle: 'Ce lien ne fonctionne pas',
  invalidText:
    'Le lien est incomplet, ou la demande a expiré (un lien de confirmation est valable 48\u00a0heures). Vous pouvez vous réinscrire après une vérification.',
  checkLink: 'Vérifier si vous êtes concerné',
};

const sv: AlertPageMessages = {
  confirmTitle: 'Bekräfta dina larm',
  confirmText:
    'Tryck på knappen för att slå på larm för den här adressen. Vi skickar ett mejl varje gång ett nytt dataintrång kan innehålla en uppgift du valt att bevaka, aldrig själva uppgiften.',
  confirmButton: 'Slå på larm',
  confirmedTitle: 'Dina larm är påslagna',
  confirmedText:
    'Vi mejlar dig när ett nytt dataintrång innehåller någon av de uppgifter du bevakar. Varje mejl har en länk som stoppar larmen och raderar allt vi sparar om dig.',
  alreadyText: 'Dina larm var redan på. Inget ändrades.',
  unsubscribeTitle: 'Stoppa larmen och radera dina uppgifter',
  unsubscribeText:
    'Tryck på knappen för att stoppa larmen. Vi raderar då din krypterade adress och värdena som härletts ur de bevakade uppgifterna. Inget om dig sparas.',
  unsubscribeButton: 'Stoppa och radera',
  unsubscribedTitle: 'Raderat',
  unsubscribedText: 'Dina larm är avstängda och vi har raderat allt vi sparade om dig: din krypterade adress och de bevakade värdena.',
  goneText: 'Det fanns inget kvar att radera: larmen var redan stoppade.',
  invalidTitle: 'Länken fungerar inte',
  invalidText:
    'Länken är ofullständig, eller så har begäran löpt ut (en bekräftelselänk gäller i 48 timmar). Du kan anmäla dig igen efter en kontroll.',
  checkLink: 'Kontrollera om du är drabbad',
};

export const ALERT_PAGE_MESSAGES: Readonly<Record<Locale, AlertPageMessages>> = { en, fr, sv };

export type AlertPageKind = 'confirm' | 'unsubscribe';

/** The page with the one button that confirms or unsubscribes. */
export function renderAlertActionPage(ctx: PageContext, kind: AlertPageKind, token: string): string {
  const m = ALERT_PAGE_MESSAGES[ctx.locale];
  const title = kind === 'confirm' ? m.confirmTitle : m.unsubscribeTitle;
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1>
      <p>${kind === 'confirm' ? m.confirmText : m.unsubscribeText}</p>
      <form method="post" action="/alerts/${kind}?lang=${ctx.locale}" class="alert-action">
        <input type="hidden" name="token" value="${token}" />
        <button type="submit">${kind === 'confirm' ? m.confirmButton : m.unsubscribeButton}</button>
      </form>`,
  );
}

export type AlertOutcome = 'confirmed' | 'already' | 'deleted' | 'gone' | 'invalid';

export function renderAlertOutcomePage(ctx: PageContext, outcome: AlertOutcome): string {
  const m = ALERT_PAGE_MESSAGES[ctx.locale];
  const [title, text] =
    outcome === 'confirmed'
      ? [m.confirmedTitle, m.confirmedText]
      : outcome === 'already'
        ? [m.confirmedTitle, m.alreadyText]
        : outcome === 'deleted'
          ? [m.unsubscribedTitle, m.unsubscribedText]
          : outcome === 'gone'
            ? [m.unsubscribedTitle, m.goneText]
            : [m.invalidTitle, m.invalidText];
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1>
      <p data-outcome="${outcome}">${text}</p>
      <p><a href="${href(ctx, '/check')}">${m.checkLink}</a></p>`,
  );
}
