// The duplicate warning staff see on a submission: its city is already a member (data/members.csv
// or the members table) or another submission for it is still waiting (new or confirmed). City
// names are compared folded, as the feed folds them (case, accents, "St."/"Saint", dots).
import { readFileSync, statSync } from 'node:fs';
import { foldCity } from '../../src/common/fold-city.js';
import { parseCsv } from '../../scripts/lib/csv.mjs';

const key = (city, state) => `${String(state ?? '').trim().toUpperCase()}|${foldCity(String(city ?? ''))}`;

let cached = { path: '', mtimeMs: -1, keys: new Set() };
/** The cities of a members CSV (state,city), folded; read again when the file changes. */
function csvMembers(path) {
  let mtimeMs;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return new Set();
  }
  if (cached.path !== path || cached.mtimeMs !== mtimeMs) {
    const { rows } = parseCsv(readFileSync(path, 'utf8'));
    cached = { path, mtimeMs, keys: new Set(rows.map((r) => key(r.values.city, r.values.state))) };
  }
  return cached.keys;
}

/**
 * Builds a checker over the members now and the submissions still waiting. `members` is the
 * whole membership as the publish room lists it (members.csv merged with the members table);
 * without a publish room, the cities of `membersCsv`.
 */
export async function duplicateChecker(db, { membersCsv, members = null }) {
  const memberKeys = members ? new Set(members.map((m) => key(m.city, m.state))) : csvMembers(membersCsv);
  const pending = await db.query(
    "SELECT id, city, state, name, received_at FROM submissions WHERE status IN ('new', 'confirmed') ORDER BY received_at DESC",
  );
  const waiting = new Map();
  for (const p of pending) {
    const k = key(p.city, p.state);
    if (!waiting.has(k)) waiting.set(k, []);
    waiting.get(k).push(p);
  }
  /** The warnings for one submission: `[{ kind: 'member'|'pending', message, submissionId? }]`. */
  return (submission) => {
    const k = key(submission.city, submission.state);
    const place = `${submission.city}, ${submission.state}`;
    const out = [];
    if (memberKeys.has(k)) out.push({ kind: 'member', message: `${place} is already a member.` });
    for (const other of waiting.get(k) ?? []) {
      if (other.id === submission.id) continue;
      out.push({
        kind: 'pending',
        submissionId: other.id,
        message: `Another submission for ${place} is waiting (from ${other.name}, received ${other.received_at.slice(0, 10)}).`,
      });
    }
    return out;
  };
}
