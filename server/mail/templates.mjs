// The mails: the confirmation to the office that submitted (plain text and HTML, in the form's
// language) and the short notice to coalition staff (English, plain text).
import { html } from './html.mjs';
import { stateName, summary } from './pages.mjs';
import { formatDay, langOf, roleLabel, t } from './strings.mjs';

/**
 * The confirmation mail for `submission` (name, role, city, state, lang), whose link is `link`
 * and expires at `expiresAt` (ISO): `{ subject, text, html }`.
 */
export function confirmationMail({ submission, link, expiresAt }) {
  const lang = langOf(submission.lang);
  const place = { city: submission.city, state: submission.state };
  const date = formatDay(expiresAt, lang);
  const fields = [
    ['field.city', submission.city],
    ['field.state', stateName(submission.state)],
    ['field.role', roleLabel(submission.role, lang)],
    ['field.name', submission.name],
  ];
  const text = [
    t(lang, 'mail.hello', { name: submission.name }),
    '',
    t(lang, 'mail.received', place),
    '',
    ...fields.map(([key, value]) => `  ${t(lang, key)}: ${value}`),
    '',
    t(lang, 'mail.ask'),
    '',
    link,
    '',
    t(lang, 'mail.expires', { date }),
    t(lang, 'mail.next'),
    '',
    t(lang, 'mail.notYou'),
    '',
    '-- ',
    'Mayors Against Illegal Guns',
    '',
  ].join('\n');
  const body = html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${t(lang, 'mail.subject', place)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #1a1a1a;">
<p>${t(lang, 'mail.hello', { name: submission.name })}</p>
<p>${t(lang, 'mail.received', place)}</p>
${summary(submission, lang)}
<p>${t(lang, 'mail.ask')}</p>
<p><a href="${link}" style="display: inline-block; padding: 10px 20px; background: #0b3d91; color: #ffffff; font-weight: bold; text-decoration: none; border-radius: 4px;">${t(lang, 'mail.button')}</a></p>
<p style="font-size: 14px;">${link}</p>
<p>${t(lang, 'mail.expires', { date })} ${t(lang, 'mail.next')}</p>
<p>${t(lang, 'mail.notYou')}</p>
<p>Mayors Against Illegal Guns</p>
</body>
</html>
`;
  return { subject: t(lang, 'mail.subject', place), text, html: body.toString() };
}

/**
 * The notice to staff of a new submission (English: the console's language), with the
 * verification hint and where to review it: `{ subject, text }`.
 */
export function staffNotice({ submission, verification, reason, consoleUrl }) {
  const text = [
    `A new request to join: ${submission.city}, ${submission.state}.`,
    '',
    `Name: ${submission.name}`,
    `Role: ${roleLabel(submission.role, 'en')}`,
    `Email: ${submission.email}`,
    submission.phone ? `Phone: ${submission.phone}` : null,
    `Received: ${submission.received_at ?? submission.receivedAt ?? ''}`,
    `Email domain: ${verification === 'official' ? 'official domain' : 'unverified domain'}. ${reason}`,
    '',
    consoleUrl ? `Review it in the staff console: ${consoleUrl}` : 'Review it in the staff console.',
    '',
  ]
    .filter((line) => line !== null)
    .join('\n');
  return { subject: `New request to join: ${submission.city}, ${submission.state}`, text };
}
