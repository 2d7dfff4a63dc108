// The embed page (dist/embed/index.html?widget=<name>&<attr>=<value>…): renders one widget from its
// query parameters and tells the parent frame its height. A static module, no inline script, works
// under the strict CSP and inside <iframe sandbox="allow-scripts"> (opaque origin).
//
// Only widgets and attributes documented in custom-elements.json are used (widgets.js is written
// from it at build time); values are set with setAttribute, never parsed as HTML.
// @ts-ignore: written next to this file by scripts/build-embed.mjs (the shape of BuiltWidget).
import { WIDGETS as BUILT } from './widgets.js';
import { embedTitle, findWidget, isSpanish, languageTag } from '../common/embed-params.js';

/** @type {Readonly<Record<string, import('../common/embed-params.js').BuiltWidget>>} */
const WIDGETS = BUILT;

const COALITION = 'https://www.mayorsagainstillegalguns.org/';
const root = document.getElementById('maig-embed') ?? document.body;
const params = new URLSearchParams(location.search);
const { name, widget } = findWidget(WIDGETS, params.get('widget')) ?? {};
// `?lang=`: a valid BCP 47 tag, canonical; anything else is ignored and the page stays English.
const lang = languageTag(params.get('lang'));
const spanish = isSpanish(lang);
// The page's own words (title, messages) in the embed's language; the widget translates itself.
/** @type {Record<string, string>} */
const SPANISH = {
  'This embed names a widget that does not exist.': 'Este código de inserción nombra un widget que no existe.',
  'This embed does not name a widget.': 'Este código de inserción no nombra ningún widget.',
  'The widget could not be loaded.': 'No se pudo cargar el widget.',
};
const say = (/** @type {string} */ text) => (spanish ? (SPANISH[text] ?? text) : text);
if (lang) document.documentElement.setAttribute('lang', lang);

/** The link to the coalition's site, opened outside the frame. */
function coalitionLink() {
  const a = document.createElement('a');
  a.href = COALITION;
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = 'Mayors Against Illegal Guns';
  return a;
}

/**
 * A readable message in place of the widget, with the link to the coalition.
 * @param {string} text
 */
function showMessage(text) {
  const p = document.createElement('p');
  p.className = 'maig-embed-message';
  p.setAttribute('role', 'status');
  p.append(`${text} `, coalitionLink());
  root.replaceChildren(p);
}

if (!widget) {
  const given = params.get('widget');
  console.warn(`maig-widgets embed: ${given ? `"${given}" is not a widget` : 'no widget named'}; use ?widget=${Object.keys(WIDGETS).join('|')}.`);
  showMessage(say(given ? 'This embed names a widget that does not exist.' : 'This embed does not name a widget.'));
} else {
  document.title = embedTitle(widget, lang);
  // The page's heading names the widget it shows (for screen readers; out of sight, so the frame
  // holds only the widget).
  const heading = document.createElement('h1');
  heading.className = 'maig-embed-heading';
  heading.textContent = (spanish && widget.es?.title) || widget.title;
  root.before(heading);
  const element = document.createElement(`maig-${name}`);
  const known = new Map(widget.attributes.map((a) => [a.name, a]));
  for (const [key, value] of params) {
    const attribute = known.get(key);
    if (!attribute || key === 'lang') continue;
    if (attribute.type === 'boolean') {
      if (value !== 'false' && value !== '0') element.setAttribute(key, '');
    } else {
      element.setAttribute(key, value);
    }
  }
  if (lang) element.setAttribute('lang', lang);
  // Fallback content: shown before the element upgrades and under its error message.
  element.append(coalitionLink());
  if (name === 'join-form') sendWithoutFormSubmission(element);
  root.replaceChildren(element);
  import(`../elements/maig-${name}.js`).catch((error) => {
    console.warn(`maig-widgets embed: could not load maig-${name}.js`, error);
    showMessage(spanish ? say('The widget could not be loaded.') : `The ${widget.title.toLowerCase()} could not be loaded.`);
  });
}

/**
 * WordPress puts discovered embeds in <iframe sandbox="allow-scripts">, without allow-forms: there
 * the browser drops a form's submission before its submit event, so the join form's button (and
 * Enter in a field, which clicks it) would do nothing. The embed sends through the element's public
 * submit() instead, the method the button's own handler calls, and cancels the native submission.
 * @param {HTMLElement & { submit?: () => Promise<unknown> }} element
 */
function sendWithoutFormSubmission(element) {
  element.addEventListener('click', (event) => {
    const onSubmitButton = event.composedPath().some((node) => node instanceof Element && node.getAttribute('part') === 'submit');
    if (!onSubmitButton || typeof element.submit !== 'function') return;
    event.preventDefault();
    void element.submit();
  });
}

// Height messages to the parent: ours on every size change, and WordPress's own when the URL has
// its `#?secret=…` (WordPress clamps those to 200-1000 px).
const secret = /[#?&]secret=([A-Za-z0-9]{1,64})(?:&|$)/.exec(location.hash)?.[1];
let last = -1;
function postHeight(force = false) {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (!force && height === last) return;
  last = height;
  window.parent.postMessage({ type: 'maig-widgets:height', height }, '*');
  if (secret) window.parent.postMessage({ message: 'height', value: height, secret }, '*');
}
new ResizeObserver(() => postHeight()).observe(document.documentElement);
// A host that loaded its resize script late asks again (ours: ping; WordPress's wp-embed: ready).
window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  const data = event.data;
  if (!data || typeof data !== 'object') return;
  if (data.type === 'maig-widgets:ping' || (secret && data.message === 'ready' && data.secret === secret)) postHeight(true);
});
