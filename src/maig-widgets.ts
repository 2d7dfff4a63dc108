/**
 * maig-widgets: every element, registered once, plus CMS-safe mounting of
 * `<div data-maig-widget="…">` placeholders and `window.maigWidgets.mount(root)`.
 */
export * from './principles/define.js';
export * from './member-count/define.js';
export * from './city-stats/define.js';
export * from './join-form/define.js';
export * from './member-map/define.js';
export { mount } from './shared/mount/mount.js';
export { configureFeed, clearFeedCache, DEFAULT_FEED_URL } from './shared/feed/client.js';
export { FeedError } from './shared/feed/errors.js';
export type * from './shared/feed/types.js';
export { VERSION } from './shared/version.js';
