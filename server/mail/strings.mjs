// Every word the mail room shows a mayor's office, in English and Spanish (US Spanish, usted;
// terms as in src/shared/i18n/GLOSSARY.md). The coalition's own texts are never translated:
// its name stays "Mayors Against Illegal Guns", the Statement of Principles is only named.
// `{name}` placeholders are filled by `t()`; the values are escaped where they go into HTML.
import { ROLES } from '../../src/common/submission.js';

export const LANGS = ['en', 'es'];

/** A lang we write in: 'es' for Spanish ('es', 'es-US', …), 'en' for anything else. */
export const langOf = (lang) => (String(lang ?? '').toLowerCase().split('-')[0] === 'es' ? 'es' : 'en');

const ES_ROLES = {
  mayor: 'Alcalde o alcaldesa',
  'former-mayor': 'Exalcalde o exalcaldesa',
  staff: 'Personal, en nombre de un alcalde o alcaldesa',
};

/** The role as the form showed it, in `lang`. */
export const roleLabel = (role, lang) =>
  langOf(lang) === 'es' ? (ES_ROLES[role] ?? role) : (ROLES.find((r) => r.value === role)?.label ?? role);

const STRINGS = {
  en: {
    // The confirmation mail.
    'mail.subject': 'Confirm that {city}, {state} is joining Mayors Against Illegal Guns',
    'mail.hello': 'Hello {name},',
    'mail.received': 'We received a request, sent with this email address, for {city}, {state} to join Mayors Against Illegal Guns by signing the Statement of Principles:',
    'mail.ask': 'Please confirm it: open the link below and press Confirm.',
    'mail.button': 'Open the confirmation page',
    'mail.expires': 'The link works until {date} and confirms only once.',
    'mail.notYou': 'If you did not send this request, ignore this email: the request will not be confirmed.',
    'mail.next': 'Once you confirm, coalition staff review the request; your city appears on the member map once it is approved.',
    // Labels of what was submitted (mail and pages).
    'field.city': 'City',
    'field.state': 'State or territory',
    'field.role': 'Role',
    'field.name': 'Name',
    // The confirm page.
    'page.confirm.title': 'Confirm your request to join',
    'page.confirm.intro': 'Check what was sent. If it is right, press Confirm.',
    'page.confirm.button': 'Confirm',
    'page.confirm.caption': 'Your request',
    'page.confirm.note': 'If you did not send this request, close this page: nothing is confirmed until the button is pressed.',
    // After confirming.
    'page.thanks.title': 'Thank you: your request is confirmed',
    'page.thanks.next': 'Coalition staff will now review the request for {city}, {state}. Once it is approved, your city appears on the member map of Mayors Against Illegal Guns.',
    'page.thanks.mail': 'You do not need to do anything else.',
    // Links that no longer work.
    'page.used.title': 'This request is already confirmed',
    'page.used.body': 'The request for {city}, {state} was confirmed on {date}. Coalition staff review it; your city appears on the member map once it is approved.',
    'page.expired.title': 'This confirmation link has expired',
    'page.expired.body': 'Confirmation links work for 7 days. To join, fill in the join form again: a new email with a new link will be sent.',
    'page.unknown.title': 'This confirmation link does not work',
    'page.unknown.body': 'The link may be incomplete: check that you opened the whole link from the email. If you copied it by hand, copy it again.',
    'page.refused.title': 'This confirmation was not accepted',
    'page.refused.body': 'The Confirm button must be pressed on the confirmation page itself. Open the link from the email again and press Confirm there.',
    'page.busy.title': 'This page cannot be shown right now',
    'page.busy.body': 'Try again in a minute. Your link still works.',
    'page.site': 'Mayors Against Illegal Guns',
  },
  es: {
    'mail.subject': 'Confirme que {city}, {state} se une a Mayors Against Illegal Guns',
    'mail.hello': 'Hola, {name}:',
    'mail.received': 'Recibimos una solicitud, enviada con esta dirección de correo electrónico, para que {city}, {state} se una a Mayors Against Illegal Guns firmando la Declaración de Principios:',
    'mail.ask': 'Confírmela: abra el enlace de abajo y pulse Confirmar.',
    'mail.button': 'Abrir la página de confirmación',
    'mail.expires': 'El enlace funciona hasta el {date} y confirma una sola vez.',
    'mail.notYou': 'Si usted no envió esta solicitud, ignore este correo: la solicitud no se confirmará.',
    'mail.next': 'Cuando la confirme, el personal de la coalición revisará la solicitud; su ciudad aparecerá en el mapa de ciudades miembro cuando se apruebe.',
    'field.city': 'Ciudad',
    'field.state': 'Estado o territorio',
    'field.role': 'Cargo',
    'field.name': 'Nombre',
    'page.confirm.title': 'Confirme su solicitud para unirse',
    'page.confirm.intro': 'Revise lo que se envió. Si es correcto, pulse Confirmar.',
    'page.confirm.button': 'Confirmar',
    'page.confirm.caption': 'Su solicitud',
    'page.confirm.note': 'Si usted no envió esta solicitud, cierre esta página: nada se confirma hasta que se pulse el botón.',
    'page.thanks.title': 'Gracias: su solicitud está confirmada',
    'page.thanks.next': 'El personal de la coalición revisará ahora la solicitud de {city}, {state}. Cuando se apruebe, su ciudad aparecerá en el mapa de ciudades miembro de Mayors Against Illegal Guns.',
    'page.thanks.mail': 'No necesita hacer nada más.',
    'page.used.title': 'Esta solicitud ya está confirmada',
    'page.used.body': 'La solicitud de {city}, {state} se confirmó el {date}. El personal de la coalición la revisa; su ciudad aparecerá en el mapa de ciudades miembro cuando se apruebe.',
    'page.expired.title': 'Este enlace de confirmación venció',
    'page.expired.body': 'Los enlaces de confirmación funcionan durante 7 días. Para unirse, llene de nuevo el formulario para unirse: se le enviará un nuevo correo con un nuevo enlace.',
    'page.unknown.title': 'Este enlace de confirmación no funciona',
    'page.unknown.body': 'Puede que el enlace esté incompleto: compruebe que abrió el enlace completo del correo. Si lo copió a mano, cópielo de nuevo.',
    'page.refused.title': 'No se aceptó esta confirmación',
    'page.refused.body': 'El botón Confirmar debe pulsarse en la propia página de confirmación. Abra de nuevo el enlace del correo y pulse Confirmar allí.',
    'page.busy.title': 'Esta página no se puede mostrar ahora',
    'page.busy.body': 'Inténtelo de nuevo en un minuto. Su enlace sigue funcionando.',
    'page.site': 'Mayors Against Illegal Guns',
  },
};

/** The text `key` in `lang`, with `{name}` replaced from `values` (as plain text). */
export function t(lang, key, values = {}) {
  const text = STRINGS[langOf(lang)][key] ?? STRINGS.en[key];
  if (text === undefined) throw new Error(`mail strings: no text "${key}"`);
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

/** A day as a reader of `lang` writes it ("December 10, 2026", "10 de diciembre de 2026"), in UTC. */
export const formatDay = (iso, lang) =>
  new Intl.DateTimeFormat(langOf(lang) === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
