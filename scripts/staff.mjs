#!/usr/bin/env node
// Staff accounts for the console at /staff/, in the server's own store (DATABASE_URL for
// PostgreSQL, else the SQLite file MAIG_DB, else server/data/join.sqlite):
//
//   npm run staff -- add EMAIL       the password is read from standard input (a terminal does
//                                    not echo it); at least 12 characters. An existing account
//                                    gets the new password and its sessions end.
//   npm run staff -- remove EMAIL    removes the account and ends its sessions
//
// e.g. `printf '%s\n' "$PASSWORD" | npm run staff -- add staff@example.org`
import { configFromEnv } from '../server/config.mjs';
import { openDb } from '../server/store/db.mjs';
import { addUser, removeUser, STAFF_MIGRATIONS, normalizeEmail } from '../server/staff/accounts.mjs';
import { MIN_PASSWORD_LENGTH } from '../server/staff/passwords.mjs';

const USAGE = 'Usage: npm run staff -- add EMAIL   (password on standard input)\n       npm run staff -- remove EMAIL';

/** The first line of standard input; from a terminal, typed without echo. */
function readPassword() {
  const input = process.stdin;
  if (input.isTTY) {
    process.stderr.write('Password (at least 12 characters): ');
    input.setRawMode(true);
  }
  return new Promise((resolve, reject) => {
    let text = '';
    const done = () => {
      if (input.isTTY) {
        input.setRawMode(false);
        process.stderr.write('\n');
      }
      input.pause();
      input.off('data', onData);
      resolve(text.replace(/\r$/, ''));
    };
    const onData = (chunk) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\n' || (input.isTTY && ch === '\r')) return done();
        if (input.isTTY && ch === '\u0003') {
          input.setRawMode(false);
          return reject(new Error('cancelled'));
        }
        if (input.isTTY && (ch === '\u007f' || ch === '\b')) text = text.slice(0, -1);
        else text += ch;
      }
    };
    input.on('data', onData);
    input.once('end', done);
    input.once('error', reject);
  });
}

async function main([command, email, ...extra]) {
  if (!['add', 'remove'].includes(command) || !email || extra.length) {
    console.error(USAGE);
    return 2;
  }
  const address = normalizeEmail(email);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
    console.error(`staff: "${email}" is not an email address.`);
    return 2;
  }
  let password;
  if (command === 'add') {
    password = await readPassword();
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      console.error(`staff: the password is too short: use at least ${MIN_PASSWORD_LENGTH} characters. No account was changed.`);
      return 1;
    }
  }
  // The server's own store: the same variables, read by the same code.
  const { databaseUrl, sqlitePath } = configFromEnv();
  const db = await openDb({ databaseUrl, sqlitePath, log: { info() {}, warn: console.warn, error: console.error } });
  try {
    await db.migrate('staff', STAFF_MIGRATIONS);
    const where = databaseUrl ? 'PostgreSQL' : db.describe?.() ?? 'SQLite';
    if (command === 'add') {
      const { created } = await addUser(db, address, password);
      console.log(created ? `staff: added ${address} (${where}).` : `staff: ${address} already had an account; its password is changed and its sessions are ended (${where}).`);
      return 0;
    }
    const { removed } = await removeUser(db, address);
    if (!removed) {
      console.error(`staff: there is no account for ${address} (${where}).`);
      return 1;
    }
    console.log(`staff: removed ${address} and ended its sessions (${where}).`);
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`staff: ${error.message}`);
    process.exitCode = 1;
  },
);
