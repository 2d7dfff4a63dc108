// What a submission signs: a version of the Statement of Principles, as data/principles/<id>.json
// holds it. The receiver reads those files at start; each version's hash is the SHA-256 (hex) of
// its file's bytes, so anyone can check a stored hash with `sha256sum data/principles/<id>.json`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRINCIPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'principles');

/** `Map(version id → sha256 hex)` of every version in `dir`. */
export function loadPrinciples(dir = PRINCIPLES_DIR) {
  const versions = new Map();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue;
    versions.set(file.slice(0, -'.json'.length), createHash('sha256').update(readFileSync(join(dir, file))).digest('hex'));
  }
  if (!versions.has('current')) throw new Error(`no current.json in ${dir}: the join form signs the current Statement of Principles`);
  return versions;
}

/** The form's language as stored: 'es' for es, es-US, es-PR…, else 'en'. */
export const storedLang = (lang) => (typeof lang === 'string' && /^es(-|$)/i.test(lang.trim()) ? 'es' : 'en');
