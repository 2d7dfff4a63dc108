/**
 * maig-widgets loader (`dist/maig-widgets.js`), the one script tag of the README and docs/embedding.md: it imports
 * only the widgets the page uses, from `elements/` next to this file, watches for widgets added
 * later, upgrades `<div data-maig-widget="…">` placeholders and exposes
 * `window.maigWidgets.mount(root)`. Loading it twice, or with element entries, is harmless.
 * Bundlers: import `maig-widgets` (every element, `dist/maig-widgets-all.js`) or one element entry.
 */
import { startAutoMount } from './shared/mount/mount.js';

export { mount, WIDGETS, type MaigWidgetsGlobal } from './shared/mount/mount.js';

// The folder of this module, without a query string (a CDN copy works unconfigured). No
// `new URL('…', import.meta.url)` here: bundlers would take it for an asset to resolve.
startAutoMount(import.meta.url.replace(/[?#].*$/, '').replace(/[^/]*$/, 'elements/'));
