// Serves a feed built with the Gun Violence Archive layer at /gva-feed/v1/ for the browser tests
// that check the GVA figures (a publisher with a GVA agreement builds it with
// `npm run feed -- --with-gva`). Built in memory once, on the first request: nothing is written,
// and dist/feed/v1 (the default, public-domain feed every other test and the demo read) is untouched.
import { buildFeed, formatError } from '../feed/build.mjs';

const PREFIX = '/gva-feed/v1/';

export function gvaFeedPlugin() {
  let files;
  const build = () =>
    (files ??= buildFeed({ write: false, gva: true }).then(({ errors, files }) => {
      if (errors.length) throw new Error(`GVA feed: ${errors.map(formatError).join('; ')}`);
      return files;
    }));
  return {
    name: 'gva-feed',
    async serverStart() {
      await build();
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      await build();
      const text = (await files).get(decodeURIComponent(context.path.slice(PREFIX.length)));
      return text === undefined ? undefined : { body: text, type: 'application/json' };
    },
  };
}
