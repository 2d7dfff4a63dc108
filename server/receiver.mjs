// The receiver: one store and the rooms that use it (join, mail, staff, publish), mounted on the
// reference server by server/index.mjs (`start({ routes: [receiver.route, …] })`).
//
// A room is a folder under server/ whose factory builds it from what the receiver shares:
//
//   export function createXRoom({ db, config, log, rooms, hooks }) {
//     return {
//       migrations: [{ id: '001-…', sql: 'CREATE TABLE …' }], // its tables (server/store/db.mjs)
//       route: async (req, res, url) => false,                 // optional: true when it answered
//       hooks: { onSubmitted: async (submission) => {} },      // optional: what it listens to
//       start: async () => {},                                  // optional: after every migration
//       close: async () => {},                                  // optional: timers, transports
//       …anything other rooms call (rooms.mail.pending(), rooms.publish.addMember(…))
//     };
//   }
//
// and one line in ROOMS below. In order: every factory runs (it must not touch the database
// yet: its tables may not exist), then every room's migrations (each room's own list, run once,
// recorded in schema_migrations), then every room's start(). `rooms` holds the rooms built so
// far (all of them once start() runs), by name. Requests go to each room's route in ROOMS order.
//
// Hooks: `hooks.onSubmitted(submission)` calls every room's `hooks.onSubmitted` in ROOMS order.
// The join room calls it after a new submission is stored (not for a duplicate), before its
// 201 goes out: a hook must not wait on the network (queue a mail, never send it there). A hook
// that throws is logged; the submission and its 201 stand.
import { configFromEnv, mergeConfig } from './config.mjs';
import { openDb } from './store/db.mjs';
import { createJoinRoom } from './join/room.mjs';
import { createMailRoom } from './mail/room.mjs';
import { createPublishRoom } from './publish/room.mjs';
import { createStaffRoom } from './staff/room.mjs';

/** Every room, in the order it is built, migrated, started and routed. */
const ROOMS = [
  ['join', createJoinRoom],
  ['mail', createMailRoom],
  ['publish', createPublishRoom],
  ['staff', createStaffRoom],
];

/** The hooks rooms can register, each called on every room that has it. */
const HOOK_NAMES = ['onSubmitted'];

/**
 * Opens the store, builds the rooms, runs their migrations and starts them. Throws at start on a
 * configuration that cannot work (e.g. an export token that is too short).
 * @param {Parameters<typeof mergeConfig>[1]} overrides the config (see server/config.mjs) over the environment's
 * @param {{ env?: NodeJS.ProcessEnv }} [from]
 */
export async function createReceiver(overrides = {}, { env = process.env } = {}) {
  const config = mergeConfig(configFromEnv(env), overrides);
  const log = config.log ?? console;
  const db = await openDb({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, log });
  const rooms = {};
  const built = [];
  const hooks = {};
  for (const name of HOOK_NAMES) {
    hooks[name] = async (...args) => {
      for (const [roomName, room] of built) {
        const hook = room.hooks?.[name];
        if (!hook) continue;
        try {
          await hook(...args);
        } catch (error) {
          log.error(`receiver: the ${roomName} room's ${name} failed: ${error?.stack ?? error}`);
        }
      }
    };
  }
  try {
    for (const [name, create] of ROOMS) {
      const room = await create({ db, config, log, rooms, hooks });
      rooms[name] = room;
      built.push([name, room]);
    }
    for (const [name, room] of built) if (room.migrations?.length) await db.migrate(name, room.migrations);
    for (const [, room] of built) await room.start?.();
  } catch (error) {
    for (const [, room] of built.reverse()) await room.close?.().catch?.(() => {});
    await db.close();
    throw error;
  }
  const routes = built.filter(([, room]) => room.route).map(([, room]) => room.route);

  /** The route for server/index.mjs: true when a room answered. */
  async function route(req, res, url) {
    for (const r of routes) if (await r(req, res, url)) return true;
    return false;
  }

  let closed = false;
  return {
    route,
    db,
    config,
    rooms,
    hooks,
    /** Stops every room (last built first), then closes the store. */
    async close() {
      if (closed) return;
      closed = true;
      for (const [, room] of [...built].reverse()) await room.close?.();
      await db.close();
    },
  };
}
