// The join room's tables. 001 is the table as the receiver kept it before migrations (IF NOT
// EXISTS: a database from then is taken as it is); 002 adds the signature, the language and
// what staff, mail and publish record about each submission.
export const migrations = [
  {
    id: '001-submissions',
    sql: `CREATE TABLE IF NOT EXISTS submissions (
        id TEXT PRIMARY KEY,
        idempotency_key TEXT NOT NULL,
        answers_hash TEXT NOT NULL,
        received_at TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        city TEXT NOT NULL,
        state TEXT NOT NULL,
        email TEXT NOT NULL,
        phone TEXT NOT NULL,
        message TEXT NOT NULL,
        consent INTEGER NOT NULL,
        origin TEXT
      );
      CREATE UNIQUE INDEX IF NOT EXISTS submissions_idempotency_key ON submissions (idempotency_key);
      CREATE INDEX IF NOT EXISTS submissions_received_at ON submissions (received_at);`,
  },
  {
    id: '002-signature-status',
    sql: `ALTER TABLE submissions ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
      ALTER TABLE submissions ADD COLUMN principles_version TEXT;
      ALTER TABLE submissions ADD COLUMN principles_hash TEXT;
      ALTER TABLE submissions ADD COLUMN signed_at TEXT;
      ALTER TABLE submissions ADD COLUMN status TEXT NOT NULL DEFAULT 'new';
      ALTER TABLE submissions ADD COLUMN confirmed_at TEXT;
      ALTER TABLE submissions ADD COLUMN verification TEXT;
      ALTER TABLE submissions ADD COLUMN verification_reason TEXT;
      ALTER TABLE submissions ADD COLUMN decided_at TEXT;
      ALTER TABLE submissions ADD COLUMN decided_by TEXT;
      ALTER TABLE submissions ADD COLUMN decision_reason TEXT;
      ALTER TABLE submissions ADD COLUMN member_id TEXT;
      CREATE INDEX IF NOT EXISTS submissions_status ON submissions (status, received_at);
      CREATE INDEX IF NOT EXISTS submissions_received_id ON submissions (received_at, id);`,
  },
];
