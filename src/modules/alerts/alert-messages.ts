import type { Locale } from '../../platform/locale.js';

/**
 * The two emails breachdesk sends to a subscriber, in the three public languages. They never contain an
 * identifier, a breach's data about the person, or even which breach: only that there is something to check,
 * and where. Naming the breach would tell anyone who reads the mailbox (or the mail provider) that the person
 * is in it; the private check tells them, on their own device.
 */
export interface MailText {
  readonly subject: string;
  readonly text: string;
}

export interface AlertLinks {
  /** The page that checks privately, in the subscriber's language. */
  readonly check: string;
  /** The one-click unsubscribe page (also the List-Unsubscribe header). */
  readonly unsubscribe: string;
}

const CONFIRM = {
  en: {
    subject: 'Confirm your breachdesk alerts',
    text: (confirm: string, hours: number, site: string, on: string) =>
      [
        `On ${on}, someone, probably you, entered this address in the alerts form of ${site}/check, asking breachdesk to email it when a new data breach may contain details they chose to watch.`,
        '',
        `To confirm, open this link: it shows a page with a single button, and asks for nothing else. ${confirm}`,
        '',
        `If it was not you, ignore this email: we will not write again unless someone asks again for this address, and the request is deleted ${hours} hours after it was made.`,
        '',
        'breachdesk keeps only this address (encrypted) and values derived from the watched details that do not reveal them. We never send links for a refund, a parcel or a payment, and never ask for passwords or bank details.',
      ].join('\n'),
  },
  fr: {
    subject: 'Confirmez vos alertes breachdesk',
    text: (confirm: string, hours: number, site: string, on: string) =>
      [
        `Le ${on}, quelqu’un, sans doute vous, a saisi cette adresse dans le formulaire d’alertes de ${site}/check, pour que breachdesk lui écrive si une nouvelle fuite de données contient peut-être l’une des informations choisies.`,
        '',
        `Pour confirmer, ouvrez ce lien\u00a0: il affiche une page avec un seul bouton et ne vous demande rien d’autre. ${confirm}`,
        '',
        `Si ce n’est pas vous, ignorez ce message\u00a0: nous n’écrirons plus, sauf nouvelle demande pour cette adresse, et la demande est supprimée ${hours}\u00a0heures après avoir été faite.`,
        '',
        'breachdesk ne conserve que cette adresse (chiffrée) et des valeurs dérivées des informations surveillées, qui ne permettent pas de les retrouver. Nous n’envoyons jamais de lien pour un remboursement, un colis ou un paiement, et ne demandons jamais de mot de passe ni de coordonnées bancaires.',
      ].join('\n'),
  },
  sv: {
    subject: 'Bekräfta dina larm från breachdesk',
    text: (confirm: string, hours: number, site: string, on: string) =>
      [
        `Den ${on} fyllde någon, troligen du, i den här adressen i larmformuläret på ${site}/check och bad breachdesk att mejla den när ett nytt dataintrång kan innehålla uppgifter som hen valt att bevaka.`,
        '',
        `Öppna länken för att bekräfta: den visar en sida med en enda knapp och frågar inte efter något annat. ${confirm}`,
        '',
        `Om det inte var du kan du bortse från mejlet: vi skriver inte igen om ingen ber om det på nytt för den här adressen, och begäran raderas ${hours} timmar efter att den gjordes.`,
        '',
        'breachdesk sparar bara den här adressen (krypterad) och värden som härletts ur de bevakade uppgifterna och som inte avslöjar dem. Vi skickar aldrig länkar om återbetalning, paket eller betalning och frågar aldrig efter lösenord eller bankuppgifter.',
      ].join('\n'),
  },
} as const;

const ALERT = {
  en: {
    subject: 'A new breach may include your data',
    text: (links: AlertLinks, site: string) =>
      [
        'breachdesk has added a breach that may contain at least one of the details you asked us to watch.',
        '',
        `Check privately whether and what of yours was exposed, and what to do about it: ${links.check}`,
        `You can also type ${site}/check yourself instead of clicking. Enter the same details as when you subscribed. The check runs in your browser; we do not know which detail matched.`,
        '',
        'This email never contains your details, and we never send links for a refund, a parcel or a payment, or ask for passwords or bank details. If you receive such a message in our name, it is a scam.',
        '',
        `Stop these alerts and delete everything we keep about you: ${links.unsubscribe}`,
      ].join('\n'),
  },
  fr: {
    subject: 'Une nouvelle fuite contient peut-être vos données',
    text: (links: AlertLinks, site: string) =>
      [
        'breachdesk a ajouté une fuite qui contient peut-être au moins une des informations que vous nous avez demandé de surveiller.',
        '',
        `Vérifiez en toute confidentialité si vous êtes concerné, ce qui a fuité et ce qu’il faut faire\u00a0: ${links.check}`,
        `Vous pouvez aussi saisir vous-même ${site}/check au lieu de cliquer. Indiquez les mêmes informations que lors de votre inscription. La vérification se fait dans votre navigateur\u00a0; nous ne savons pas quelle information correspond.`,
        '',
        'Ce message ne contient jamais vos données, et nous n’envoyons jamais de lien pour un remboursement, un colis ou un paiement, ni ne demandons de mot de passe ou de coordonnées bancaires. Si vous recevez un tel message en notre nom, c’est une arnaque.',
        '',
        `Arrêter ces alertes et supprimer tout ce que nous conservons sur vous\u00a0: ${links.unsubscribe}`,
      ].join('\n'),
  },
  sv: {
    subject: 'Ett nytt dataintrång kan innehålla dina uppgifter',
    text: (links: AlertLinks, site: string) =>
      [
        'breachdesk har lagt till ett dataintrång som kan innehålla minst en av de uppgifter du bett oss bevaka.',
        '',
        `Kontrollera privat om och vilka av dina uppgifter som har läckt och vad du bör göra: ${links.check}`,
        `Du kan också själv skriva in ${site}/check i stället för att klicka. Fyll i samma uppgifter som när du anmälde dig. Kontrollen sker i din webbläsare; vi vet inte vilken uppgift som matchade.`,
        '',
        'Det här mejlet innehåller aldrig dina uppgifter, och vi skickar aldrig länkar om återbetalning, paket eller betalning eller frågar efter lösenord eller bankuppgifter. Får du ett sådant meddelande i vårt namn är det ett bedrägeri.',
        '',
        `Stoppa larmen och radera allt vi sparar om dig: ${links.unsubscribe}`,
      ].join('\n'),
  },
} as const;

const RENEW = {
  en: {
    subject: 'Your breachdesk alerts need renewing',
    text: (check: string) =>
      [
        'breachdesk has changed the key that protects its breach index, as it does from time to time. The values we kept for your alerts were derived with the old key, so they can no longer match anything.',
        '',
        `To keep getting alerts, check again and subscribe again: ${check}`,
        '',
        'We have deleted your old subscription: your encrypted address and the old values. If you do nothing, you will get no more email from us.',
      ].join('\n'),
  },
  fr: {
    subject: 'Vos alertes breachdesk doivent être renouvelées',
    text: (check: string) =>
      [
        'breachdesk a changé la clé qui protège son index des fuites, comme il le fait de temps en temps. Les valeurs conservées pour vos alertes ont été dérivées avec l’ancienne clé\u00a0: elles ne peuvent plus correspondre à rien.',
        '',
        `Pour continuer à recevoir des alertes, vérifiez à nouveau et réinscrivez-vous\u00a0: ${check}`,
        '',
        'Nous avons supprimé votre ancienne inscription\u00a0: votre adresse chiffrée et les anciennes valeurs. Si vous ne faites rien, vous ne recevrez plus d’e-mail de notre part.',
      ].join('\n'),
  },
  sv: {
    subject: 'Dina larm från breachdesk behöver förnyas',
    text: (check: string) =>
      [
        'breachdesk har bytt nyckeln som skyddar indexet över dataintrång, vilket görs då och då. Värdena vi sparade för dina larm härleddes med den gamla nyckeln och kan inte längre matcha något.',
        '',
        `Kontrollera igen och anmäl dig på nytt för att fortsätta få larm: ${check}`,
        '',
        'Vi har raderat din gamla anmälan: din krypterade adress och de gamla värdena. Om du inte gör något får du inga fler mejl från oss.',
      ].join('\n'),
  },
} as const;

/** The site a link belongs to (scheme and host), for "type it yourself" and "where you asked". */
const siteOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

/** After a key rotation: the old watches cannot match any more; the subscription is deleted once this is sent. */
export function renewalMail(locale: Locale, checkUrl: string): MailText {
  const t = RENEW[locale];
  return { subject: t.subject, text: t.text(checkUrl) };
}

/** `requestedOn`: the day the address was entered (YYYY-MM-DD), so the reader can tell whether it was them. */
export function confirmationMail(locale: Locale, confirmUrl: string, expiresInHours: number, requestedOn: string): MailText {
  const t = CONFIRM[locale];
  const day = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${requestedOn}T00:00:00Z`),
  );
  return { subject: t.subject, text: t.text(confirmUrl, expiresInHours, siteOf(confirmUrl), day) };
}

export function alertMail(locale: Locale, links: AlertLinks): MailText {
  const t = ALERT[locale];
  return { subject: t.subject, text: t.text(links, siteOf(links.check)) };
}
