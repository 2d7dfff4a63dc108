// The verification hint: does a submission's email come from its city's own .gov domain?
// Reads CISA's list of registered .gov domains (data/dotgov/, provenance in its README) once,
// indexes it by domain, and answers { verification: 'official' | 'unverified', reason } with a
// sentence staff can read. A hint only: many cities use .org/.us/.com addresses.
//
// The rule (see data/dotgov/README.md for the why):
// - the email's domain, or its nearest registered parent (mail.bisbeeaz.gov → bisbeeaz.gov),
//   must be in the list with the type City or County, and its state must be the submission's;
// - City domain: the place the registering organization names ("City of Bisbee", "Town of
//   Addison", "Backus Township, Roscommon County, MI") must be the submitted city; only when
//   the organization's name names no place ("36th District Court") is the list's city column,
//   which is the organization's mailing address, compared instead;
// - County domain: the same state is enough (a county's domain is used by its cities' offices
//   too, and the list gives no city-to-county relation); the reason says it is a county's.
// Names are compared normalised: accents folded, case ignored, "&" = "and", "St."/"St" =
// "Saint", "Ste." = "Sainte", "Ft." = "Fort", "Mt." = "Mount", apostrophes dropped, other
// punctuation read as a space, and a leading "City of"/"Town of"/"Village of"… ignored.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../scripts/lib/csv.mjs';
import { STATES } from '../../src/common/states.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DOTGOV_DIR = join(here, '..', '..', 'data', 'dotgov');
const SOURCE = JSON.parse(readFileSync(join(DOTGOV_DIR, 'source.json'), 'utf8'));

const STATE_CODE = new Map(STATES.flatMap((s) => [[s.code.toLowerCase(), s.code], [s.name.toLowerCase(), s.code]]));
/** A state as its USPS code ("az", "Arizona" → "AZ"), or the text upper-cased. */
const stateCode = (s) => STATE_CODE.get(String(s ?? '').trim().toLowerCase()) ?? String(s ?? '').trim().toUpperCase();

const GOVERNMENT = '(?:city and county|consolidated government|charter township|city|town|village|borough|township|municipality|plantation|county|parish)';
const PREFIX = new RegExp(`^(?:the )?${GOVERNMENT} of (.+)$`);
const SUFFIX = new RegExp(`^(.+?) ${GOVERNMENT}\\b`);
/** "City of Bisbee" reads "the City of Bisbee" in a sentence; "Cochise County" stays as it is. */
/** Bodies that are not a city's government even when the list files them under City. */
const NOT_CITY_HALL = /\b(?:district|authority|school|library|fire|water|utility|utilities|sanitary|court|commission|board|association|cooperative)\b/i;
const theOrg = (organization) => (/^(?:city|town|village|borough|township|municipality|county|parish)\b.* of /i.test(organization) ? `the ${organization}` : organization);

/** Accents folded, lower case, "St." = "saint" …, punctuation as spaces (see the rule above). */
const fold = (name) =>
  String(name ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/\bste\b\.?/g, 'sainte ')
    .replace(/\bst\b\.?/g, 'saint ')
    .replace(/\bft\b\.?/g, 'fort ')
    .replace(/\bmt\b\.?/g, 'mount ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A submitted city name for comparison: folded, a leading "City of" … dropped. */
export function normalizePlace(name) {
  const folded = fold(name);
  return folded.match(PREFIX)?.[1] ?? folded;
}

/**
 * The names an organization's name gives its place, folded ("City of Bisbee" → bisbee; "Town of
 * Ashland in Chemung County" → ashland; "Backus Township, Roscommon County, MI" → backus), and
 * whether it names one by a government word at all ("36th District Court" does not).
 */
export function placesOf(organization, state) {
  const first = fold(String(organization ?? '').split(/,| - | \(/)[0]);
  const stateName = STATES.find((s) => s.code === state)?.name;
  const dropState = (n) => (stateName && n.endsWith(` ${fold(stateName)}`) ? n.slice(0, -fold(stateName).length - 1) : n);
  const names = new Set([dropState(first)]);
  const prefixed = first.match(PREFIX)?.[1];
  if (prefixed) for (const n of [prefixed, prefixed.replace(/ in .*$/, '')]) names.add(dropState(n));
  const suffixed = first.match(SUFFIX)?.[1];
  if (suffixed) names.add(suffixed);
  return { names, named: Boolean(prefixed || suffixed) };
}

/** One CSV line as cells: split at commas, through scripts/lib/csv.mjs only when it holds quotes. */
/** "the City of Bisbee, AZ"; "Backus Township, Roscommon County, MI" (its state already named). */
const orgAt = (organization, state) => {
  const name = STATES.find((s) => s.code === state)?.name;
  const named = new RegExp(`(?:\\b${state}|${name ?? state})\\.?$`, 'i').test(organization);
  return named ? theOrg(organization) : `${theOrg(organization)}, ${state}`;
};

const cells = (line) => (line.includes('"') ? parseCsv(line).header : line.split(','));

/** Reads the list: a Map from domain (lower case) to its row. */
function readList(file) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const header = cells(lines[0]).map((h) => h.trim());
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column "${name}"`);
    return i;
  };
  const [d, t, o, c, s] = ['Domain name', 'Domain type', 'Organization name', 'City', 'State'].map(col);
  const byDomain = new Map();
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const v = cells(lines[i]);
    const domain = (v[d] ?? '').trim().toLowerCase();
    if (domain) byDomain.set(domain, { domain, type: (v[t] ?? '').trim(), organization: (v[o] ?? '').trim(), city: (v[c] ?? '').trim(), state: stateCode(v[s]) });
  }
  return byDomain;
}

/**
 * Loads the .gov list once and returns `verifyDomain`. `loadMs` is how long reading and
 * indexing took, `size` how many domains the index holds.
 * @param {{ file?: string }} [options]
 */
export function loadDotgov({ file = join(DOTGOV_DIR, SOURCE.file) } = {}) {
  const t0 = performance.now();
  const byDomain = readList(file);
  const loadMs = performance.now() - t0;
  const cite = `${SOURCE.label}, ${SOURCE.updated}`;

  /** The domain itself or its nearest registered parent .gov domain. */
  const lookup = (domain) => {
    const labels = domain.split('.');
    for (let i = 0; i <= labels.length - 2; i++) {
      const hit = byDomain.get(labels.slice(i).join('.'));
      if (hit) return hit;
    }
    return undefined;
  };

  /**
   * @param {{ email: string, city: string, state: string }} submission
   * @returns {{ verification: 'official' | 'unverified', reason: string }}
   */
  function verifyDomain({ email, city, state }) {
    const unverified = (reason) => ({ verification: 'unverified', reason });
    const at = String(email ?? '').lastIndexOf('@');
    const domain = at < 0 ? '' : String(email).slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
    if (!domain) return unverified('The email address has no domain.');
    if (!domain.endsWith('.gov')) return unverified(`${domain} is not a .gov domain.`);
    const entry = lookup(domain);
    if (!entry) return unverified(`${domain} is not a registered .gov domain (${cite}).`);
    const { domain: name, type, organization, city: listedCity, state: listedState } = entry;
    const where = listedState ? `${listedCity ? `${listedCity}, ` : ''}${listedState}` : listedCity;
    const code = stateCode(state);
    const cityName = String(city ?? '').trim();
    if (type !== 'City' && type !== 'County') {
      return unverified(`${name} is registered to ${theOrg(organization)} (${where}), a domain of the type "${type}", not a city's or a county's (${cite}).`);
    }
    if (listedState !== code) {
      return unverified(`${name} is registered to ${theOrg(organization)} in ${listedState || 'no state'}, not in ${code || 'the state given'} (${cite}).`);
    }
    const wanted = normalizePlace(cityName);
    const { names, named } = placesOf(organization, listedState);
    if (type === 'County') {
      if (names.has(wanted)) return { verification: 'official', reason: `${name} is registered to ${orgAt(organization, listedState)} (${cite}).` };
      return {
        verification: 'official',
        reason: `${name} is a county's domain: it is registered to ${orgAt(organization, listedState)} (listed at ${where}), not to ${cityName} itself; check that ${cityName} lies in that county (${cite}).`,
      };
    }
    if (names.has(wanted)) {
      return { verification: 'official', reason: `${name} is registered to ${orgAt(organization, listedState)} (${cite}).` };
    }
    if (named) {
      return unverified(`${name} is registered to ${orgAt(organization, listedState)}, not to ${cityName} (${cite}).`);
    }
    if (normalizePlace(listedCity) === wanted && !NOT_CITY_HALL.test(organization)) {
      return { verification: 'official', reason: `${name} is registered to ${theOrg(organization)}, ${where}; the name does not say which city it serves, its address is in ${listedCity} (${cite}).` };
    }
    if (normalizePlace(listedCity) === wanted) {
      return unverified(`${name} is registered to ${organization} (${where}), which is not the city's government (${cite}).`);
    }
    return unverified(`${name} is registered for ${where}, not ${cityName} (${cite}).`);
  }

  return { verifyDomain, loadMs, size: byDomain.size };
}
