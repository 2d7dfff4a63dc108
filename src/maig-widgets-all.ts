/**
 * maig-widgets, every element at once (`dist/maig-widgets-all.js`, the package's main entry for
 * bundlers): registers every element, each independently, plus the loader's CMS-safe
 * mounting of `<div data-maig-widget="…">` placeholders and `window.maigWidgets.mount(root)`.
 * A page that embeds widgets with a script tag should use `dist/maig-widgets.js` (the loader),
 * which imports only the widgets the page uses.
 */
// Every element of the registry (src/common/widgets.js), written by scripts/build-registry.mjs.
export * from './elements.generated.js';
export { mount, WIDGETS, type MaigWidgetsGlobal } from './shared/mount/mount.js';
export { configureFeed, clearFeedCache, DEFAULT_FEED_URL } from './shared/feed/client.js';
export { FeedError } from './shared/feed/errors.js';
export type * from './shared/feed/types.js';
export { VERSION } from './shared/version.js';
// Last, so every element is defined before the loader looks at the page: it then never imports
// a module on demand (which a bundler user's build would not have next to it).
import './maig-widgets.js';
