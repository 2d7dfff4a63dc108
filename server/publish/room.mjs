// The publish room for the receiver (server/receiver.mjs): the publisher (./index.mjs) built from
// config.publish (MAIG_FEED_DIR, MAIG_PUBLISH_COMMAND; tests may add dataDir, keep,
// commandTimeoutMs). Its start() publishes once in the background when the members table has
// rows, so a restart (or a new data/ after a deploy) serves an up-to-date feed.
import { createPublisher, migrations } from './index.mjs';

/** Builds the room: `rooms.publish.addMember(…)`, `.removeMember(…)`, `.listMembers()`, `.publish(…)`, `.status()`. */
export function createPublishRoom({ db, config, log }) {
  const options = { ...(config.publish ?? {}) };
  if (!options.feedDir) delete options.feedDir;
  const publisher = createPublisher({ db, log, options });
  let startup = null;
  return {
    ...publisher,
    migrations,
    route: publisher.route,
    start() {
      startup = publisher.start();
    },
    /** The publish made at start, if any (tests wait for it). */
    started: () => startup,
    close: () => publisher.close(),
  };
}
