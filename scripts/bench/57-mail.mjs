// The mail room: how long the .gov list takes to read and index, what one verification hint
// costs, how long the submission hook (hint + token + queued mails, before the 201) takes, and
// how long a mail takes to reach a local SMTP server (smtp-server in this process). SQLite.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { openDb } from '../../server/store/db.mjs';
import { migrations as joinMigrations } from '../../server/join/migrations.mjs';
import { loadDotgov } from '../../server/mail/dotgov.mjs';
import { createMailRoom } from '../../server/mail/room.mjs';

export const title = 'Mail: .gov list load, hint, submission hook, SMTP delivery';

const N = 100;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (v) => `${v.toFixed(1)} ms`;

export async function run() {
  const loads = [];
  let gov;
  for (let i = 0; i < 5; i++) {
    gov = loadDotgov();
    loads.push(gov.loadMs);
  }
  console.log(`.gov list (${gov.size} domains) read and indexed: median ${ms(median(loads))} of 5 (first ${ms(loads[0])})`);

  const cases = [
    { email: 'mayor@bisbeeaz.gov', city: 'Bisbee', state: 'AZ' },
    { email: 'a@gmail.com', city: 'Bisbee', state: 'AZ' },
    { email: 'a@mail.cochise.gov', city: 'Bisbee', state: 'AZ' },
  ];
  const t0 = performance.now();
  for (let i = 0; i < 30_000; i++) gov.verifyDomain(cases[i % 3]);
  console.log(`verifyDomain: ${(((performance.now() - t0) / 30_000) * 1000).toFixed(1)} µs a call`);

  const arrived = new Map();
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        arrived.set(session.envelope.rcptTo[0].address, performance.now());
        callback();
      });
    },
  });
  await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
  const dir = mkdtempSync(join(tmpdir(), 'maig-bench-mail-'));
  const quiet = { info() {}, warn() {}, error() {} };
  const db = await openDb({ sqlitePath: join(dir, 'bench.sqlite'), log: quiet });
  try {
    await db.migrate('join', joinMigrations);
    const room = createMailRoom({
      db,
      log: quiet,
      config: { publicUrl: 'https://join.example.org', mail: { smtpUrl: `smtp://127.0.0.1:${smtp.server.address().port}`, from: 'join@example.org', staffNotify: [] } },
    });
    await db.migrate('mail', room.migrations);
    await room.start();
    const hooks = [];
    const delivery = [];
    for (let i = 0; i < N; i++) {
      const s = { id: randomUUID(), name: 'Ada Lovelace', role: 'mayor', city: 'Bisbee', state: 'AZ', email: `m${i}@bisbeeaz.gov`, phone: '', message: '', lang: i % 2 ? 'es' : 'en', receivedAt: new Date().toISOString() };
      await db.run(
        `INSERT INTO submissions (id, idempotency_key, answers_hash, received_at, name, role, city, state, email, phone, message, consent, lang)
         VALUES ($1, $2, 'h', $3, $4, $5, $6, $7, $8, '', '', 1, $9)`,
        [s.id, randomUUID(), s.receivedAt, s.name, s.role, s.city, s.state, s.email, s.lang],
      );
      const start = performance.now();
      await room.hooks.onSubmitted(s);
      hooks.push(performance.now() - start);
      while (!arrived.has(s.email)) await new Promise((r) => setTimeout(r, 1));
      delivery.push(arrived.get(s.email) - start);
    }
    console.log(`submission hook (hint, token, queued mail; before the 201): median ${ms(median(hooks))}, max ${ms(Math.max(...hooks))} over ${N}`);
    console.log(`queued to received by the SMTP server: median ${ms(median(delivery))}, max ${ms(Math.max(...delivery))}`);
    console.log(`nodemailer sendMail: ${ms(room.stats.sendMs / room.stats.sent)} a mail on average (${room.stats.sent} sent, ${room.stats.failed} failed)`);
    await room.close();
  } finally {
    await db.close();
    await new Promise((r) => smtp.close(r));
    rmSync(dir, { recursive: true, force: true });
  }
}
