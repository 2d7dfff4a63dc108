// The join submission's schema and validator, shared word for word by <maig-join-form> (in the
// browser, bundled by rollup) and the reference receiver (server/join.mjs, plain Node ESM, no
// build). Dependency-free on purpose; its types are in submission.d.ts beside it.
import { STATES as ALL_STATES } from '../../scripts/lib/states.mjs';

/** Roles a person can join as, in the order the form lists them. */
export const ROLES = Object.freeze([
  Object.freeze({ value: 'mayor', label: 'Mayor' }),
  Object.freeze({ value: 'former-mayor', label: 'Former mayor' }),
  Object.freeze({ value: 'staff', label: "Staff, on a mayor's behalf" }),
]);

/** Every state, DC and the territories (USPS code and name), in the form's order. */
export const STATES = Object.freeze(ALL_STATES.map((s) => Object.freeze({ code: s.code, name: s.name })));

const STATE_CODES = new Set(STATES.map((s) => s.code));
const ROLE_VALUES = new Set(ROLES.map((r) => r.value));

/** Longest accepted answer per text field (characters, after trimming). */
export const MAX_LENGTH = Object.freeze({ name: 120, city: 100, email: 254, phone: 40, message: 2000 });

/** The visible fields, in the form's order. */
export const FIELDS = Object.freeze(['name', 'role', 'city', 'state', 'email', 'phone', 'message', 'consent']);

/** Name of the honeypot field: hidden from people, bots fill it. */
export const HONEYPOT_FIELD = 'website';

/** A person cannot read and fill the form faster than this (milliseconds). */
export const MIN_FILL_MS = 3000;

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;
const PHONE_CHARS = /^[0-9+().\-\s/x#ext]*$/i;
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

const text = (v) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const long = (v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '');
const tooLong = (label, max) => `${label} is too long: use ${max.toLocaleString('en-US')} characters or fewer.`;

/** Reads a truthy consent from JSON (true) or a form post ("true", "on", "yes", "1"). */
const consentValue = (v) => v === true || (typeof v === 'string' && /^(true|on|yes|1)$/i.test(v.trim()));

/**
 * Checks one submission. Returns the normalized answers, or a plain-language message per field
 * that needs fixing (in the form's field order).
 * @param {Record<string, unknown>} input
 */
export function validateSubmission(input) {
  const raw = bare(input);
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
  /** @type {Record<string, string>} */
  const errors = Object.create(null);
  if (!value.name) errors.name = 'Enter your full name.';
  else if (value.name.length > MAX_LENGTH.name) errors.name = tooLong('Your name', MAX_LENGTH.name);
  else if (!/\p{L}/u.test(value.name)) errors.name = 'Enter your name in letters.';

  if (!value.role) errors.role = 'Choose whether you are a mayor, a former mayor, or staff writing on a mayor\'s behalf.';
  else if (!ROLE_VALUES.has(value.role)) errors.role = 'Choose one of the roles in the list.';

  if (!value.city) errors.city = 'Enter your city or town.';
  else if (value.city.length > MAX_LENGTH.city) errors.city = tooLong('The city name', MAX_LENGTH.city);

  if (!value.state) errors.state = 'Choose your state or territory.';
  else if (!STATE_CODES.has(value.state)) errors.state = 'Choose a state or territory from the list.';

  if (!value.email) errors.email = 'Enter your email address.';
  else if (value.email.length > MAX_LENGTH.email) errors.email = tooLong('The email address', MAX_LENGTH.email);
  else if (!EMAIL.test(value.email)) errors.email = 'Enter an email address in the right format, like name@cityofexample.gov.';

  if (value.phone) {
    const digits = value.phone.replace(/\D/g, '').length;
    if (value.phone.length > MAX_LENGTH.phone) errors.phone = tooLong('The phone number', MAX_LENGTH.phone);
    else if (!PHONE_CHARS.test(value.phone) || digits < 7 || digits > 15) {
      errors.phone = 'Enter a phone number with its area code, like 555-123-4567, or leave it empty.';
    }
  }

  if (value.message.length > MAX_LENGTH.message) errors.message = tooLong('Your message', MAX_LENGTH.message);

  if (!value.consent) errors.consent = 'To join, confirm that you have read and sign the Statement of Principles.';

  const ok = Object.keys(errors).length === 0;
  return ok ? { ok: true, value, errors } : { ok: false, value, errors };
}

/** True for an idempotency key this receiver accepts (a UUID, or 16-128 letters, digits, - and _). */
export function isIdempotencyKey(key) {
  return typeof key === 'string' && KEY.test(key);
}

/**
 * Spam checks, repeated by the server: the hidden honeypot must be empty and the form must have
 * taken at least `minFillMs` to fill. Returns a reason, or null when the submission looks human.
 */
export function spamReason(input, minFillMs = MIN_FILL_MS) {
  const raw = bare(input);
  const trap = raw[HONEYPOT_FIELD];
  if (trap !== undefined && trap !== null && String(trap).trim() !== '') return 'honeypot';
  const elapsed = Number(raw.elapsedMs);
  if (!Number.isFinite(elapsed) || elapsed < minFillMs) return 'too-fast';
  return null;
}

/** The answers that identify a submission, as one canonical string (same answers, same string). */
export function canonicalAnswers(value) {
  return JSON.stringify(FIELDS.map((f) => value[f]));
}
