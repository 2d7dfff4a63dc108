import type { Catalog } from '../shared/i18n/i18n.js';

/** Spanish for this widget's strings: the key is the English text exactly as the code writes it. */
const es: Catalog = {
  'Join Mayors Against Illegal Guns': 'Únase a Mayors Against Illegal Guns',
  'Sign the Statement of Principles to join the coalition. Every field is required unless it says optional.':
    'Firme la Declaración de Principios para unirse a la coalición. Todos los campos son obligatorios, salvo los que dicen opcional.',
  'Full name': 'Nombre completo',
  'Your role': 'Su cargo',
  Mayor: 'Alcalde o alcaldesa',
  'Former mayor': 'Exalcalde o exalcaldesa',
  "Staff, on a mayor's behalf": 'Personal, en nombre de un alcalde o alcaldesa',
  'City or town': 'Ciudad o pueblo',
  'State or territory': 'Estado o territorio',
  'Choose…': 'Elija…',
  'Email address': 'Correo electrónico',
  'The coalition will write to you at this address.': 'La coalición le escribirá a esta dirección.',
  'Phone number': 'Número de teléfono',
  Message: 'Mensaje',
  '(optional)': '(opcional)',
  'Read the Statement of Principles': 'Leer la Declaración de Principios',
  'I have read and sign the Statement of Principles': 'He leído y firmo la Declaración de Principios',
  'Leave this empty': 'Deje esto vacío',
  'Sign and join': 'Firmar y unirse',
  'Sending…': 'Enviando…',
  'Sending your form…': 'Enviando su formulario…',
  'The form did not go through yet. Trying again in 1 second (try {next} of {total})…':
    'El formulario aún no se envió. Se intentará de nuevo en 1 segundo (intento {next} de {total})…',
  'The form did not go through yet. Trying again in {seconds} seconds (try {next} of {total})…':
    'El formulario aún no se envió. Se intentará de nuevo en {seconds} segundos (intento {next} de {total})…',
  'Your form was not sent.': 'Su formulario no se envió.',
  'Your answers are kept on this device; nothing is lost.': 'Sus respuestas se guardan en este dispositivo; no se pierde nada.',
  "You can also [join on the coalition's site].": 'También puede [unirse en el sitio de la coalición].',
  'Your earlier answers were restored.': 'Se recuperaron sus respuestas anteriores.',
  'Clear the form': 'Borrar el formulario',
  'Error:': 'Error:',
  'There is a problem with 1 answer': 'Hay un problema con 1 respuesta',
  'There is a problem with {count} answers': 'Hay un problema con {count} respuestas',
  'Check this answer.': 'Revise esta respuesta.',
  'Enter your full name.': 'Escriba su nombre completo.',
  'Your name is too long: use {max} characters or fewer.': 'Su nombre es demasiado largo: use {max} caracteres o menos.',
  'Enter your name in letters.': 'Escriba su nombre con letras.',
  'Write your name without the signs < > { } [ ] \\ or `.': 'Escriba su nombre sin los signos < > { } [ ] \\ ni `.',
  "Choose whether you are a mayor, a former mayor, or staff writing on a mayor's behalf.":
    'Indique si es alcalde o alcaldesa, exalcalde o exalcaldesa, o personal que escribe en nombre de un alcalde o alcaldesa.',
  'Choose one of the roles in the list.': 'Elija uno de los cargos de la lista.',
  'Enter your city or town.': 'Escriba su ciudad o pueblo.',
  'The city name is too long: use {max} characters or fewer.': 'El nombre de la ciudad es demasiado largo: use {max} caracteres o menos.',
  'Choose your state or territory.': 'Elija su estado o territorio.',
  'Choose a state or territory from the list.': 'Elija un estado o territorio de la lista.',
  'Enter your email address.': 'Escriba su correo electrónico.',
  'The email address is too long: use {max} characters or fewer.': 'El correo electrónico es demasiado largo: use {max} caracteres o menos.',
  'Enter an email address in the right format, like name@cityofexample.gov.':
    'Escriba un correo electrónico con el formato correcto, como nombre@ciudaddeejemplo.gov.',
  'The phone number is too long: use {max} characters or fewer.': 'El número de teléfono es demasiado largo: use {max} caracteres o menos.',
  'Enter a phone number with its area code, like 555-123-4567, or leave it empty.':
    'Escriba un número de teléfono con su código de área, como 555-123-4567, o deje el campo vacío.',
  'Your message is too long: use {max} characters or fewer.': 'Su mensaje es demasiado largo: use {max} caracteres o menos.',
  'To join, confirm that you have read and sign the Statement of Principles.':
    'Para unirse, confirme que ha leído y firma la Declaración de Principios.',
  'The connection to the coalition\u2019s server failed.': 'Falló la conexión con el servidor de la coalición.',
  'The coalition\u2019s server did not answer in time.': 'El servidor de la coalición no respondió a tiempo.',
  'The coalition\u2019s server had a problem (error {status}).': 'El servidor de la coalición tuvo un problema (error {status}).',
  'The coalition\u2019s server is busy (error {status}). It asks to try again in {minutes} minutes.':
    'El servidor de la coalición está ocupado (error {status}). Pide que lo intente de nuevo en {minutes} minutos.',
  'Too many forms were sent from this network. Wait a few minutes and try again.':
    'Se enviaron demasiados formularios desde esta red. Espere unos minutos e inténtelo de nuevo.',
  'The form is too long for the server. Shorten your message and try again.':
    'El formulario es demasiado largo para el servidor. Acorte su mensaje e inténtelo de nuevo.',
  'The coalition\u2019s server did not accept the form\u2019s format (error 415).':
    'El servidor de la coalición no aceptó el formato del formulario (error 415).',
  'The coalition\u2019s server does not accept forms from this website (error 403).':
    'El servidor de la coalición no acepta formularios de este sitio web (error 403).',
  'These answers differ from a form already sent. Select \u201cTry again\u201d to send them as a new form.':
    'Estas respuestas no coinciden con un formulario ya enviado. Seleccione \u201cIntentar de nuevo\u201d para enviarlas como un formulario nuevo.',
  'The coalition\u2019s server took the form for an automated one. Wait a few seconds and try again.':
    'El servidor de la coalición tomó el formulario por uno automatizado. Espere unos segundos e inténtelo de nuevo.',
  "The coalition's server refused the form (error {status}).": 'El servidor de la coalición rechazó el formulario (error {status}).',
  'Thank you. Your form was sent.': 'Gracias. Su formulario se envió.',
  "The coalition's staff will write to you at {email}.": 'El personal de la coalición le escribirá a {email}.',
  'Reference:': 'Referencia:',
  'This join form is not set up yet.': 'Este formulario para unirse aún no está configurado.',
  'It cannot send your answers from this page.': 'No puede enviar sus respuestas desde esta página.',
};
export default es;
