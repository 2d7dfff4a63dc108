// The join submission's schema and validator, shared word for word by <maig-join-form> (in the
// browser, bundled by rollup) and the reference receiver (server/join/room.mjs, plain Node ESM, no
// build). Dependency-free on purpose; typed with JSDoc (checked by tsc, declarations generated).
import { STATES as ALL_STATES } from './states.js';

/** @typedef {'mayor' | 'former-mayor' | 'staff'} JoinRole A role a person joins as. */
/** @typedef {'name' | 'role' | 'city' | 'state' | 'email' | 'phone' | 'message' | 'consent'} JoinField One visible field of the join form. */

/**
 * @typedef {object} JoinAnswers The answers, normalized (trimmed, email lowercased, state as a USPS code).
 * @property {string} name
 * @property {JoinRole | string} role
 * @property {string} city
 * @property {string} state USPS code of the state or territory.
 * @property {string} email
 * @property {string} phone Empty when not given.
 * @property {string} message Empty when not given.
 * @property {boolean} consent
 */

/**
 * @typedef {object} JoinPayloadExtra
 * @property {string} idempotencyKey
 * @property {number} elapsedMs Milliseconds from the form's first display to sending.
 * @property {string} website The honeypot: always empty from a person.
 * @property {'en' | 'es'} [lang] The form's language: the receiver writes to the person in it.
 * @property {string} [principlesVersion] The Statement of Principles signed: `current`, or the version the form showed.
 * @property {string} [challenge] The receiver's fill-time challenge (GET `<endpoint>/challenge`), sent back as it came.
 */
/** @typedef {JoinAnswers & JoinPayloadExtra} JoinPayload What the form sends: the answers plus the idempotency key, the fill time and the honeypot. */

/** @typedef {Partial<Record<JoinField, string>>} JoinErrors */
/** @typedef {'required' | 'too-long' | 'letters' | 'markup' | 'unknown' | 'format'} JoinErrorCode Why a field needs fixing, stable for translation: the receiver sends these back in `codes`. */
/** @typedef {Partial<Record<JoinField, JoinErrorCode | string>>} JoinErrorCodes */
/**
 * @typedef {{ ok: true, value: JoinAnswers, errors: JoinErrors, codes: JoinErrorCodes }
 *   | { ok: false, value: JoinAnswers, errors: JoinErrors, codes: JoinErrorCodes }} JoinValidation
 */

/**
 * Roles a person can join as, in the order the form lists them.
 * @type {ReadonlyArray<{ readonly value: JoinRole, readonly label: string }>}
 */
export const ROLES = Object.freeze([
  Object.freeze({ value: 'mayor', label: 'Mayor' }),
  Object.freeze({ value: 'former-mayor', label: 'Former mayor' }),
  Object.freeze({ value: 'staff', label: "Staff, on a mayor's behalf" }),
]);

/**
 * Every state, DC and the territories (USPS code and name), in the form's order.
 * @type {ReadonlyArray<{ readonly code: string, readonly name: string }>}
 */
export const STATES = Object.freeze(ALL_STATES.map((s) => Object.freeze({ code: s.code, name: s.name })));

const STATE_CODES = new Set(STATES.map((s) => s.code));
/** @type {ReadonlySet<string>} */
const ROLE_VALUES = new Set(ROLES.map((r) => r.value));

/** Longest accepted answer per text field (characters, after trimming). */
export const MAX_LENGTH = Object.freeze({ name: 120, city: 100, email: 254, phone: 40, message: 2000 });

/**
 * The visible fields, in the form's order.
 * @type {ReadonlyArray<JoinField>}
 */
export const FIELDS = Object.freeze(['name', 'role', 'city', 'state', 'email', 'phone', 'message', 'consent']);

/** Name of the honeypot field: hidden from people, bots fill it. */
export const HONEYPOT_FIELD = /** @type {const} */ ('website');

/** A person cannot read and fill the form faster than this (milliseconds). */
export const MIN_FILL_MS = 3000;

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;
const PHONE_CHARS = /^[0-9+().\-\s/x#ext]*$/i;
/** Signs no name has, which markup and scripts are made of: a name with one is refused. */
export const NAME_MARKUP = /[<>{}[\]\\`]/;
const KEY = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * A copy of an object's own enumerable properties in an object without a prototype, so a key
 * that is missing reads `undefined` even when the page has polluted `Object.prototype`.
 * @template {object} T
 * @param {T | null | undefined} source
 * @returns {T}
 */
export function bare(source) {
  return Object.assign(Object.create(null), source && typeof source === 'object' ? source : {});
}

const text = (/** @type {unknown} */ v) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const long = (/** @type {unknown} */ v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '');

/**
 * The message for each validation error, keyed `field:code` (the code is what the receiver sends
 * back in `codes`, so a form can show its own words, in its own language, for each). English,
 * with a `{max}` placeholder for the length limits. The form translates these very strings.
 */
/** @type {Readonly<Record<string, string>>} */
export const FIELD_MESSAGES = Object.freeze({
  'name:required': 'Enter your full name.',
  'name:too-long': 'Your name is too long: use {max} characters or fewer.',
  'name:letters': 'Enter your name in letters.',
  'name:markup': 'Write your name without the signs < > { } [ ] \\ or `.',
  'role:required': "Choose whether you are a mayor, a former mayor, or staff writing on a mayor's behalf.",
  'role:unknown': 'Choose one of the roles in the list.',
  'city:required': 'Enter your city or town.',
  'city:too-long': 'The city name is too long: use {max} characters or fewer.',
  'state:required': 'Choose your state or territory.',
  'state:unknown': 'Choose a state or territory from the list.',
  'email:required': 'Enter your email address.',
  'email:too-long': 'The email address is too long: use {max} characters or fewer.',
  'email:format': 'Enter an email address in the right format, like name@cityofexample.gov.',
  'phone:too-long': 'The phone number is too long: use {max} characters or fewer.',
  'phone:format': 'Enter a phone number with its area code, like 555-123-4567, or leave it empty.',
  'message:too-long': 'Your message is too long: use {max} characters or fewer.',
  'consent:required': 'To join, confirm that you have read and sign the Statement of Principles.',
});

/** Reads a truthy consent from JSON (true) or a form post ("true", "on", "yes", "1"). */
const consentValue = (/** @type {unknown} */ v) => v === true || (typeof v === 'string' && /^(true|on|yes|1)$/i.test(v.trim()));

/**
 * Checks one submission. Returns the normalized answers, and per field that needs fixing a
 * stable code (`codes`: required, too-long, letters, markup, unknown, format) and its plain English
 * message (`errors`), in the form's field order.
 * @param {Record<string, unknown>} input
 * @returns {JoinValidation}
 */
export function validateSubmission(input) {
  const raw = bare(input);
  /** @type {JoinAnswers} */
  const value = {
    name: text(raw.name),
    role: text(raw.role),
    city: text(raw.city),
    state: text(raw.state).toUpperCase(),
    email: text(raw.email).toLowerCase(),
    phone: text(raw.phone),
    message: long(raw.message),
    consent: consentValue(raw.consent),
  };
  /** @type {JoinErrorCodes} */
  const codes = Object.create(null);
  const tooLong = (/** @type {keyof typeof MAX_LENGTH} */ field) => value[field].length > MAX_LENGTH[field];
  if (!value.name) codes.name = 'required';
  else if (tooLong('name')) codes.name = 'too-long';
  else if (NAME_MARKUP.test(value.name)) codes.name = 'markup';
  else if (!/\p{L}/u.test(value.name)) codes.name = 'letters';

  if (!value.role) codes.role = 'required';
  else if (!ROLE_VALUES.has(value.role)) codes.role = 'unknown';

  if (!value.city) codes.city = 'required';
  else if (tooLong('city')) codes.city = 'too-long';

  if (!value.state) codes.state = 'required';
  else if (!STATE_CODES.has(value.state)) codes.state = 'unknown';

  if (!value.email) codes.email = 'required';
  else if (tooLong('email')) codes.email = 'too-long';
  else if (!EMAIL.test(value.email)) codes.email = 'format';

  if (value.phone) {
    const digits = value.phone.replace(/\D/g, '').length;
    if (tooLong('phone')) codes.phone = 'too-long';
    else if (!PHONE_CHARS.test(value.phone) || digits < 7 || digits > 15) codes.phone = 'format';
  }

  if (tooLong('message')) codes.message = 'too-long';

  if (!value.consent) codes.consent = 'required';

  /** @type {JoinErrors} */
  const errors = Object.create(null);
  for (const [field, code] of /** @type {[JoinField, string][]} */ (Object.entries(codes))) {
    const max = /** @type {Partial<Record<string, number>>} */ (MAX_LENGTH)[field];
    errors[field] = (FIELD_MESSAGES[`${field}:${code}`] ?? '').replace('{max}', max?.toLocaleString('en-US') ?? '');
  }
  const ok = Object.keys(errors).length === 0;
  return ok ? { ok: true, value, errors, codes } : { ok: false, value, errors, codes };
}

/**
 * True for an idempotency key this receiver accepts (a UUID, or 16-128 letters, digits, - and _).
 * @param {unknown} key
 * @returns {key is string}
 */
export function isIdempotencyKey(key) {
  return typeof key === 'string' && KEY.test(key);
}

/**
 * Spam checks, repeated by the server: the hidden honeypot must be empty and the form must have
 * taken at least `minFillMs` to fill. Returns a reason, or null when the submission looks human.
 * @param {Record<string, unknown>} input
 * @param {number} [minFillMs]
 * @returns {'honeypot' | 'too-fast' | null}
 */
export function spamReason(input, minFillMs = MIN_FILL_MS) {
  const raw = bare(input);
  const trap = raw[HONEYPOT_FIELD];
  if (trap !== undefined && trap !== null && String(trap).trim() !== '') return 'honeypot';
  const elapsed = Number(raw.elapsedMs);
  if (!Number.isFinite(elapsed) || elapsed < minFillMs) return 'too-fast';
  return null;
}

/**
 * The answers that identify a submission, as one canonical string (same answers, same string).
 * @param {JoinAnswers} value
 * @returns {string}
 */
export function canonicalAnswers(value) {
  return JSON.stringify(FIELDS.map((f) => value[f]));
}
