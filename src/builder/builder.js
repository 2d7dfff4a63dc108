// The embed builder (dist/builder/index.html): pick a widget, fill its documented attributes (from
// custom-elements.json, via ../embed/widgets.js), see a live preview, copy a snippet in each form.
// Plain DOM, no innerHTML (strict CSP with Trusted Types). Every URL is resolved from this module's
// own location, so a CDN copy writes snippets pointing at that CDN.
// @ts-ignore: written by scripts/build-embed.mjs (the shape of BuiltWidget).
import { WIDGETS as BUILT } from '../embed/widgets.js';
import { embedTitle } from '../common/embed-params.js';

/** @typedef {import('../common/embed-params.js').EmbedAttribute} EmbedAttribute */
/** @typedef {[name: string, value: string]} Pair An attribute and its value ('' for a boolean that is on). */

/** @type {Readonly<Record<string, import('../common/embed-params.js').BuiltWidget>>} */
const WIDGETS = BUILT;

const DIST = new URL('../', import.meta.url).href;
const FEED = new URL('feed/v1/', DIST).href;
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * createElement with properties/attributes and children (text is always text).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | boolean | null | undefined>} [props]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key in el && typeof value !== 'string') /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (el))[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(.../** @type {(Node | string)[]} */ (children.filter((c) => c !== null && c !== undefined)));
  return el;
}

const escapeAttr = (/** @type {unknown} */ s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ── Feed: states and member cities for the pickers ────────────────────────────────────────────
/** @type {{ states: Array<{ code: string, name: string }>, members: Array<{ city: string, state: string }> }} */
let feed = { states: [], members: [] };
async function loadFeed() {
  try {
    const index = await (await fetch(new URL('index.json', FEED))).json();
    const members = await (await fetch(new URL(index.resources.members, FEED))).json();
    feed = { states: members.states ?? [], members: members.members ?? [] };
    $('feed-status').textContent = '';
  } catch {
    $('feed-status').textContent = 'The list of states and cities could not be loaded; type them instead.';
  }
}

// ── The form ─────────────────────────────────────────────────────────────────────────────────
const current = () => /** @type {HTMLSelectElement} */ ($('widget')).value;

/**
 * The attribute values the form holds now, in manifest order: [[name, value]] (booleans as '').
 * @returns {Pair[]}
 */
function values() {
  /** @type {Pair[]} */
  const out = [];
  for (const attribute of WIDGETS[current()].attributes) {
    const input = /** @type {HTMLInputElement} */ (document.getElementById(`attr-${attribute.name}`));
    if (!input) continue;
    if (input.type === 'checkbox') {
      if (input.checked) out.push([attribute.name, '']);
    } else if (input.value.trim() !== '') {
      out.push([attribute.name, input.value.trim()]);
    }
  }
  return out;
}

/** @param {string} id */
function stateSelect(id) {
  const select = h('select', { id }, h('option', { value: '' }, '(none)'));
  for (const s of feed.states) select.append(h('option', { value: s.code }, `${s.name} (${s.code})`));
  return select;
}

/**
 * @param {string} id
 * @param {string} widget
 */
function cityInput(id, widget) {
  // City statistics show member cities only: a picker filled for the chosen state.
  if (widget !== 'city-stats' || !feed.members.length) return h('input', { id, type: 'text', autocomplete: 'off' });
  return h('select', { id }, h('option', { value: '' }, '(none: the state card)'));
}

function fillCities() {
  const select = document.getElementById('attr-city');
  if (!(select instanceof HTMLSelectElement)) return;
  const state = /** @type {HTMLSelectElement | null} */ (document.getElementById('attr-state'))?.value ?? '';
  const keep = select.value;
  select.replaceChildren(h('option', { value: '' }, '(none: the state card)'));
  for (const m of feed.members.filter((m) => m.state === state)) select.append(h('option', { value: m.city }, m.city));
  select.value = [...select.options].some((o) => o.value === keep) ? keep : '';
  select.disabled = !state;
}

/**
 * What a person calls each attribute (the attribute's own name stays in its hint, for those who
 * write the tag by hand). An attribute not listed here gets its name in words ("show-national":
 * "Show national").
 * @type {Record<string, string>}
 */
const LABELS = {
  state: 'State',
  city: 'City',
  label: 'Words after the number',
  'hide-claim': "Hide the coalition's headline",
  highlight: 'City to highlight',
  version: 'Version of the statement',
  open: 'Open every principle',
  join: 'Link to the join page',
  'show-national': 'Show the national figures',
  endpoint: 'Address that receives sign-ups',
  heading: 'Heading text',
  theme: 'Colors',
  lang: 'Language',
  feed: 'Data feed address',
  'heading-level': 'Heading level',
  'form-encoded': 'Send as a classic form',
  persist: 'Keep a draft in the browser',
  timeout: 'Time limit for sending (ms)',
  retries: 'Attempts after a failure',
  'retry-delay': 'Wait between attempts (ms)',
  'min-fill-ms': 'Least time to fill the form (ms)',
};
/** Options few people need: under "Advanced", after the others. */
const ADVANCED = new Set(['feed', 'heading-level', 'form-encoded', 'persist', 'timeout', 'retries', 'retry-delay', 'min-fill-ms']);
const labelOf = (/** @type {string} */ name) => LABELS[name] ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');

/**
 * A description with its `code` spans as <code> elements (never HTML), and the attribute's name.
 * @param {EmbedAttribute} attribute
 * @param {string} id
 */
function hintFor(attribute, id) {
  const parts = String(attribute.description ?? '').split('`').map((text, i) => (i % 2 ? h('code', {}, text) : text));
  return h('p', { id, class: 'hint' }, ...parts, ' ', h('span', { class: 'attr-name' }, '(attribute ', h('code', {}, attribute.name), ')'));
}

/**
 * @param {EmbedAttribute} attribute
 * @param {string} widget
 */
function field(attribute, widget) {
  const id = `attr-${attribute.name}`;
  const hintId = `${id}-hint`;
  const hint = hintFor(attribute, hintId);
  let control;
  if (attribute.type === 'boolean') {
    control = h('input', { id, type: 'checkbox', 'aria-describedby': hintId });
    return h('div', { class: 'field check' }, control, h('label', { for: id }, labelOf(attribute.name)), hint);
  }
  if (attribute.name === 'lang') {
    // The language picker: every snippet form then carries it (tag lang, div data-lang, iframe and
    // oEmbed URL ?lang=, shortcode lang=), and the preview shows the widget in that language.
    control = h(
      'select',
      { id },
      h('option', { value: '' }, "the page's language"),
      h('option', { value: 'en' }, 'English'),
      h('option', { value: 'es', lang: 'es' }, 'Español (Spanish)'),
      // Numbers follow the region: 46.728 in es, 46,728 in es-US and es-PR.
      h('option', { value: 'es-US', lang: 'es-US' }, 'Español de EE. UU. (es-US)'),
      h('option', { value: 'es-PR', lang: 'es-PR' }, 'Español de Puerto Rico (es-PR)'),
    );
  } else if (attribute.name === 'theme') {
    control = h('select', { id }, h('option', { value: '' }, "Match the page (light unless the page has a dark mode)"), h('option', { value: 'auto' }, "Follow the reader's device"), h('option', { value: 'light' }, 'Light'), h('option', { value: 'dark' }, 'Dark'));
  } else if (attribute.name === 'state' && feed.states.length) {
    control = stateSelect(id);
  } else if (attribute.name === 'city') {
    control = cityInput(id, widget);
  } else if (attribute.name === 'highlight' && feed.members.length) {
    control = h('select', { id }, h('option', { value: '' }, '(none)'));
    for (const m of feed.members) control.append(h('option', { value: `${m.city}, ${m.state}` }, `${m.city}, ${m.state}`));
  } else if (attribute.type === 'number') {
    control = h('input', { id, type: 'number', inputmode: 'numeric', placeholder: attribute.default ?? '' });
  } else {
    control = h('input', { id, type: attribute.name === 'feed' || attribute.name === 'endpoint' ? 'url' : 'text', autocomplete: 'off', placeholder: attribute.default && attribute.default !== 'null' ? attribute.default.replace(/^'|'$/g, '') : '' });
  }
  control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: id }, labelOf(attribute.name)), control, hint);
}

function buildFields() {
  const widget = current();
  const w = WIDGETS[widget];
  $('widget-summary').textContent = w.summary;
  // People's options first; the technical ones under "Advanced".
  const common = w.attributes.filter((a) => !ADVANCED.has(a.name));
  const advanced = w.attributes.filter((a) => ADVANCED.has(a.name));
  $('fields').replaceChildren(
    ...common.map((a) => field(a, widget)),
    ...(advanced.length ? [h('details', { class: 'advanced' }, h('summary', {}, 'Advanced'), ...advanced.map((a) => field(a, widget)))] : []),
  );
  fillCities();
}

// ── Preview ──────────────────────────────────────────────────────────────────────────────────
/**
 * The widget as the snippets make it. With a language picked, in that language; without one the
 * widget follows its page's language, so it shows twice: as on an English page and as on a
 * Spanish page (`lang="es"` around it).
 */
function preview() {
  const widget = current();
  const pairs = values();
  const make = () => {
    const element = document.createElement(`maig-${widget}`);
    for (const [name, value] of pairs) element.setAttribute(name, value);
    return element;
  };
  if (pairs.some(([name]) => name === 'lang')) {
    $('preview').replaceChildren(make());
  } else {
    $('preview').replaceChildren(
      h('div', { class: 'preview__lang' }, h('p', { class: 'hint' }, 'On an English page'), h('div', { lang: 'en' }, make())),
      h('div', { class: 'preview__lang' }, h('p', { class: 'hint' }, 'On a Spanish page (lang="es")'), h('div', { lang: 'es' }, make())),
    );
  }
  import(`../elements/maig-${widget}.js`).catch(() => {
    $('preview').replaceChildren(h('p', { role: 'status' }, 'The preview could not be loaded.'));
  });
}

// ── Snippets ─────────────────────────────────────────────────────────────────────────────────
const attrs = (/** @type {Pair[]} */ pairs, prefix = '') => pairs.map(([n, v]) => (v === '' ? ` ${prefix}${n}` : ` ${prefix}${n}="${escapeAttr(v)}"`)).join('');
const embedUrl = (/** @type {string} */ widget, /** @type {Pair[]} */ pairs) => {
  const query = new URLSearchParams({ widget });
  for (const [n, v] of pairs) query.append(n, v);
  return `${DIST}embed/index.html?${query}`.replace(/=(&|$)/g, '$1');
};
const shortcode = (/** @type {string} */ widget, /** @type {Pair[]} */ pairs) =>
  `[maig_${widget.replace(/-/g, '_')}${pairs.map(([n, v]) => (v === '' ? ` ${n}="1"` : ` ${n}="${v.replace(/["[\]]/g, '')}"`)).join('')}]`;

/**
 * The five forms, each with where it works (see docs/embedding.md, "Embedding in your CMS").
 * @param {string} widget
 * @param {Pair[]} pairs
 * @param {boolean} withResize
 */
function snippets(widget, pairs, withResize) {
  const tag = `maig-${widget}`;
  const script = `<script type="module" src="${DIST}maig-widgets.js" blocking="render"></script>`;
  const w = WIDGETS[widget];
  const url = embedUrl(widget, pairs);
  const lang = pairs.find(([n]) => n === 'lang')?.[1] ?? '';
  return [
    {
      id: 'tag',
      title: 'Custom tag and script',
      where: 'Pages edited as HTML and site templates; WordPress Administrators and Editors on a single site (Custom HTML block, or the classic editor\'s Text tab); Drupal "Full HTML"; TinyMCE or CKEditor configured to keep custom elements and scripts.',
      code: `${script}\n<${tag}${attrs(pairs)}></${tag}>`,
    },
    {
      id: 'div',
      title: 'CMS-safe div and script',
      where: 'Editors that drop unknown tags but keep a div\'s data- attributes, with the script added once site-wide: Drupal "Basic HTML" with <div data-*> allowed; Granicus, CivicPlus, Squarespace, Wix with the script in the site header (code injection).',
      code: `${script}\n<div data-maig-widget="${widget}"${attrs(pairs, 'data-')}></div>`,
    },
    {
      id: 'iframe',
      title: 'Iframe',
      where: 'Editors that keep iframes but not scripts: Squarespace, Wix, Granicus and CivicPlus embed blocks; TinyMCE with sandbox_iframes off (or this host in sandbox_iframes_exclusions); WordPress Administrators and Editors on a single site. WordPress Authors and multisite Editors lose iframes: use the URL or the shortcode. Without the resize script the frame keeps its reserved height and scrolls if the widget is taller.',
      code: `<iframe src="${escapeAttr(url)}" title="${escapeAttr(embedTitle(w, lang))}"${lang ? ` lang="${escapeAttr(lang)}"` : ''} width="100%" height="${w.height}" loading="lazy" frameborder="0"></iframe>${
        withResize ? `\n<script src="${DIST}embed/resize.js" async></script>` : ''
      }`,
    },
    {
      id: 'url',
      title: 'URL to paste (oEmbed)',
      where: 'WordPress, every role (Authors, Contributors, multisite Editors): paste it on a line of its own. Any CMS that discovers oEmbed. Needs the widgets served by a server that answers /oembed (the reference server does; a plain CDN copy does not).',
      code: url,
    },
    {
      id: 'shortcode',
      title: 'WordPress shortcode',
      where: 'WordPress with the maig-widgets plugin, for every role including Authors and Contributors.',
      code: shortcode(widget, pairs),
    },
  ];
}

/** Enough rows to show a snippet whole in a narrow column (long lines wrap). */
const rowsFor = (/** @type {string} */ code) => Math.min(12, code.split('\n').reduce((n, line) => n + Math.ceil((line.length || 1) / 45), 0) + 1);

function buildSnippets() {
  const box = $('snippets');
  const withResize = /** @type {HTMLInputElement | null} */ (document.getElementById('with-resize'))?.checked ?? true;
  const list = snippets(current(), values(), withResize);
  for (const s of list) {
    const area = /** @type {HTMLTextAreaElement | null} */ (document.getElementById(`snippet-${s.id}`));
    if (area) {
      area.value = s.code;
      area.rows = rowsFor(s.code);
    }
  }
  if (box.childElementCount) return;
  for (const s of list) {
    const id = `snippet-${s.id}`;
    const area = h('textarea', { id, readOnly: true, rows: String(rowsFor(s.code)), spellcheck: 'false', 'aria-describedby': `${id}-where` });
    area.value = s.code;
    const copy = h('button', { type: 'button', 'data-copy': id }, `Copy: ${s.title}`);
    const extra =
      s.id === 'iframe'
        ? h('p', { class: 'check' }, h('input', { id: 'with-resize', type: 'checkbox', checked: true }), h('label', { for: 'with-resize' }, 'Add the resize script (the frame then fits its content)'))
        : null;
    box.append(
      h('div', { class: 'snippet' }, h('h3', {}, h('label', { for: id }, s.title)), h('p', { id: `${id}-where`, class: 'hint snippet__where' }, `Works in: ${s.where}`), extra, area, copy),
    );
  }
}

/** @param {string} id */
async function copy(id) {
  const area = /** @type {HTMLTextAreaElement} */ (document.getElementById(id));
  let ok = false;
  try {
    await navigator.clipboard.writeText(area.value);
    ok = true;
  } catch {
    area.focus();
    area.select();
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
  }
  const status = $('copied');
  status.textContent = '';
  // A fresh text node each time so screen readers announce a repeat copy too.
  requestAnimationFrame(() => {
    status.textContent = ok ? 'Copied' : 'Could not copy: the snippet is selected, press Ctrl+C (or Cmd+C).';
  });
}

// ── Wiring ───────────────────────────────────────────────────────────────────────────────────
function update() {
  preview();
  buildSnippets();
}

async function init() {
  const select = /** @type {HTMLSelectElement} */ ($('widget'));
  for (const [name, w] of Object.entries(WIDGETS)) select.append(h('option', { value: name }, w.title));
  const requested = new URLSearchParams(location.search).get('widget');
  if (requested && Object.prototype.hasOwnProperty.call(WIDGETS, requested)) select.value = requested;
  $('feed-status').textContent = 'Loading states and cities…';
  await loadFeed();
  buildFields();
  update();
  select.addEventListener('change', () => {
    buildFields();
    update();
  });
  $('settings').addEventListener('input', (event) => {
    if (event.target === select) return;
    if (event.target instanceof HTMLElement && event.target.id === 'attr-state') fillCities();
    update();
  });
  $('settings').addEventListener('submit', (event) => event.preventDefault());
  $('snippets').addEventListener('change', (event) => {
    if (event.target instanceof HTMLElement && event.target.id === 'with-resize') buildSnippets();
  });
  $('snippets').addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
    if (button) copy(button.getAttribute('data-copy') ?? '');
  });
}

init();
