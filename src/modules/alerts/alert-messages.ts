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
    text: (confirm: string, hours: number) =>
      [
        'Someone, probably you, asked breachdesk to send an email to this address when a new data breach contains details they chose to watch.',
        '',
        `To confirm, open this link and press the button: ${confirm}`,
        '',
        `If it was not you, ignore this email: nothing more will be sent, and the request is deleted within ${hours} hours.`,
        '',
        'breachdesk keeps only this address (encrypted) and values derived from the watched details that do not reveal them.',
      ].join('\n'),
  },
  fr: {
    subject: 'Confirmez vos alertes breachdesk',
    text: (confirm: string, hours: number) =>
      [
        'Quelqu’un, sans doute vous, a demandé à breachdesk d’écrire à cette adresse quand une nouvelle fuite de données contient des informations qu’il a choisi de surveiller.',
        '',
        `Pour confirmer, ouvrez ce lien et appuyez sur le bouton : ${confirm}`,
        '',
        `Si ce n’est pas vous, ignorez ce message : rien d’autre ne sera envoyé, et la demande est supprimée sous ${hours} heures.`,
        '',
        'breachdesk ne conserve que cette adresse (chiffrée) et des valeurs dérivées des informations surveillées, qui ne permettent pas de les retrouver.',
      ].join('\n'),
  },
  sv: {
    subject: 'Bekräfta dina larm från breachdesk',
    text: (confirm: string, hours: number) =>
      [
        'Någon, troligen du, har bett breachdesk att mejla den här adressen när ett nytt dataintrång innehåller uppgifter som hen valt att bevaka.',
        '',
        `Öppna länken och tryck på knappen för att bekräfta: ${confirm}`,
        '',
        `Om det inte var du kan du bortse från mejlet: inget mer skickas, och begäran raderas inom ${hours} timmar.`,
        '',
        'breachdesk sparar bara den här adressen (krypterad) och värden som härletts ur de bevakade uppgifterna och som inte avslöjar dem.',
      ].join('\n'),
  },
} as const;

const ALERT = {
  en: {
    subject: 'A new breach may include your data',
    text: (links: AlertLinks) =>
      [
        'breachdesk has added a breach that contains at least one of the details you asked us to watch.',
        '',
        `Check privately what of yours was exposed, and what to do about it: ${links.check}`,
        'Enter the same details as when you subscribed. The check runs in your browser; we do not know which detail matched.',
        '',
        'This email never contains your details or a link to click for a refund, a parcel or a payment. If you receive such a message in our name, it is a scam.',
        '',
        `Stop these alerts and delete everything we keep about you: ${links.unsubscribe}`,
      ].join('\n'),
  },
  fr: {
    subject: 'Une nouvelle fuite contient peut-être vos données',
    text: (links: AlertLinks) =>
      [
        'breachdesk a ajouté une fuite qui contient au moins une des informations que vous nous avez demandé de surveiller.',
        '',
        `Vérifiez en toute confidentialité ce qui vous concerne et ce qu’il faut faire : ${links.check}`,
        'Saisissez les mêmes informations que lors de votre inscription. La vérification se fait dans votre navigateur ; nous ne savons pas quelle information correspond.',
        '',
        'Ce message ne contient jamais vos données ni de lien pour un remboursement, un colis ou un paiement. Si vous recevez un tel message en notre nom, c’est une arnaque.',
        '',
        `Arrêter ces alertes et supprimer tout ce que nous conservons sur vous : ${links.unsubscribe}`,
      ].join('\n'),
  },
  sv: {
    subject: 'Ett nytt dataintrång kan innehålla dina uppgifter',
    text: (links: AlertLinks) =>
      [
        'breachdesk har lagt till ett dataintrång som innehåller minst en av de uppgifter du bett oss bevaka.',
        '',
        `Kontrollera i förtroende vad av ditt som röjts och vad du bör göra: ${links.check}`,
        'Fyll i samma uppgifter som när du anmälde dig. Kontrollen sker i din webbläsare; vi vet inte vilken uppgift som matchade.',
        '',
        'Det här mejlet innehåller aldrig dina uppgifter eller en länk för återbetalning, paket eller betalning. Får du ett sådant meddelande i vårt namn är det ett bedrägeri.',
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
        'breachdesk a changé la clé qui protège son index des fuites, comme il le fait régulièrement. Les valeurs conservées pour vos alertes ont été dérivées avec l’ancienne clé : elles ne peuvent plus correspondre à rien.',
        '',
        `Pour continuer à recevoir des alertes, vérifiez à nouveau et réinscrivez-vous : ${check}`,
        '',
        'Nous avons supprimé votre ancienne inscription : votre adresse chiffrée et les anciennes valeurs. Si vous ne faites rien, vous ne recevrez plus d’e-mail de notre part.',
      ].join('\n'),
  },
  sv: {
    subject: 'Dina larm från breachdesk behöver förnyas',
    text: (check: string) =>
      [
        'breachdesk har bytt nyckeln som skyddar indexet över dataintrång, vilket görs med jämna mellanrum. Värdena vi sparade för dina larm härleddes med den gamla nyckeln och kan inte längre matcha något.',
        '',
        `Kontrollera igen och anmäl dig på nytt för att fortsätta få larm: ${check}`,
        '',
        'Vi har raderat din gamla anmälan: din krypterade adress och de gamla värdena. Om du inte gör något får du inga fler mejl från oss.',
      ].join('\n'),
  },
} as const;

/** After a key rotation: the old watches cannot match any more; the subscription is deleted once this is sent. */
export function renewalMail(locale: Locale, checkUrl: string): MailText {
  const t = RENEW[locale];
  return { subject: t.subject, text: t.text(checkUrl) };
}

export function confirmationMail(locale: Locale, confirmUrl: string, expiresInHours: number): MailText {
  const t = CONFIRM[locale];
  return { subject: t.subject, text: t.text(confirmUrl, expiresInHours) };
}

export function alertMail(locale: Locale, links: AlertLinks): MailText {
  const t = ALERT[locale];
  return { subject: t.subject, text: t.text(links) };
}
