// Staff passwords: node's crypto.scrypt (memory-hard), a random salt per user, and the parameters
// stored with the hash so they can be raised later without breaking old accounts.
// Stored form: scrypt$N$r$p$<salt base64url>$<hash base64url>
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** N = 2^15, r = 8: 32 MiB of memory per hash (OWASP's scrypt minimum is N = 2^17 with r = 8, p = 1, or this with more CPU time; 2^15 keeps a sign-in near 0.1 s on a small server). */
export const SCRYPT = Object.freeze({ N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 });

/** Shortest password accepted by `npm run staff -- add`. */
export const MIN_PASSWORD_LENGTH = 12;

const derive = (password, salt, { N, r, p, keyLength }) =>
  new Promise((resolve, reject) => {
    // maxmem must hold 128 * N * r bytes (and a little more).
    scrypt(String(password).normalize('NFC'), salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (error, key) => (error ? reject(error) : resolve(key)));
  });

/** Hashes a password with a fresh salt; returns the stored form. */
export async function hashPassword(password, params = SCRYPT) {
  const salt = randomBytes(params.saltLength ?? SCRYPT.saltLength);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Parses a stored hash; null when it is not one this code wrote. */
function parse(stored) {
  const parts = String(stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return null;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (!salt.length || !key.length) return null;
  return { N, r, p, salt, key };
}

/** True when `password` matches the stored hash (constant-time compare of the derived keys). */
export async function verifyPassword(password, stored) {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, { ...parsed, keyLength: parsed.key.length });
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** A hash of a random password, verified against when the email is unknown, so a wrong email takes as long as a wrong password. */
let dummy;
export async function verifyNothing(password) {
  dummy ??= await hashPassword(randomBytes(18).toString('base64url'));
  await verifyPassword(password, dummy);
  return false;
}
