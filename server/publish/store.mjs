// The publish room's tables: `members` (cities added by approval, and removals, including of
// cities listed in data/members.csv) and `publish_log` (every publish, its folder and failures).
export const migrations = [
  {
    id: '001-members-publish-log',
    sql: `
CREATE TABLE members (
  id TEXT PRIMARY KEY,
  feed_id TEXT NOT NULL,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  county TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  geonames_id BIGINT,
  placement_note TEXT,
  source TEXT NOT NULL,
  submission_id TEXT,
  added_at TEXT NOT NULL,
  added_by TEXT,
  removed_at TEXT,
  removed_by TEXT,
  removed_reason TEXT
);
CREATE UNIQUE INDEX members_one_active ON members (feed_id) WHERE removed_at IS NULL;
CREATE INDEX members_feed_id ON members (feed_id);
CREATE TABLE publish_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT,
  ok INTEGER NOT NULL,
  dir TEXT,
  version TEXT,
  members INTEGER,
  ms INTEGER,
  error TEXT,
  command_error TEXT
);
CREATE INDEX publish_log_at ON publish_log (at);
`,
  },
];

/** A members row as the console and the API see it. */
export function memberFromRow(r) {
  return {
    id: r.feed_id,
    rowId: r.id,
    city: r.city,
    state: r.state,
    source: r.source,
    submissionId: r.submission_id ?? null,
    addedAt: r.added_at,
    addedBy: r.added_by ?? null,
    removedAt: r.removed_at ?? null,
    removedBy: r.removed_by ?? null,
    removedReason: r.removed_reason ?? null,
    placement:
      r.lat != null || r.county
        ? { geonameId: r.geonames_id == null ? null : Number(r.geonames_id), county: r.county ?? null, lat: r.lat == null ? null : Number(r.lat), lon: r.lon == null ? null : Number(r.lon), note: r.placement_note }
        : null,
  };
}

/** A publish_log row for status(). */
export function logFromRow(r) {
  return {
    id: r.id,
    at: r.at,
    by: r.actor ?? null,
    ok: Boolean(Number(r.ok)),
    dir: r.dir ?? null,
    version: r.version ?? null,
    members: r.members == null ? null : Number(r.members),
    ms: r.ms == null ? null : Number(r.ms),
    error: r.error ?? null,
    commandError: r.command_error ?? null,
  };
}
