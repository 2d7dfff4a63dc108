// oEmbed for the embed page (issue 8): `GET /oembed?url=<embed page URL>&format=json[&maxwidth&maxheight]`
// answers an oEmbed 1.0 `rich` response whose HTML is the iframe plus the
// `<blockquote class="wp-embedded-content">` fallback that lets WordPress resize it; and the embed
// page itself (`/dist/embed/`, `/dist/embed/index.html`) is served with its discovery
// `<link rel="alternate" type="application/json+oembed">` written in (the static file carries only a
// placeholder comment: a discovery link must be absolute and name the page's own URL, which a static
// file cannot know).
//
// MAIG_PUBLIC_URL (e.g. https://widgets.example.org) fixes the origin written into the links; without
// it the request's Host header is used (validated, escaped).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedTitle, findWidget, languageTag } from '../src/common/embed-params.js';
import { sendJson } from './http/answer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EMBED_PATHS = new Set(['/dist/embed/', '/dist/embed/index.html']);
const MARKER = /<!--maig-oembed-discovery[\s\S]*?-->/;
const PROVIDER = { provider_name: 'Mayors Against Illegal Guns', provider_url: 'https://www.mayorsagainstillegalguns.org/' };
const DEFAULT_WIDTH = 640;

/** Escapes text for HTML content and double-quoted attribute values. */
export const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** oEmbed answers are public: any page may read them. */
const json = (res, status, body, extra = {}) => sendJson(res, status, body, { 'access-control-allow-origin': '*', ...extra });

/** A positive integer query parameter, or undefined. */
const positive = (value) => {
  if (value === null || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
};

export function createOembed({ publicUrl = process.env.MAIG_PUBLIC_URL, csp } = {}) {
  // Read once, on first use (a build that has not run yet is retried on the next request).
  let widgets;
  const loadWidgets = () => (widgets ??= JSON.parse(readFileSync(join(root, 'dist/embed/widgets.json'), 'utf8')));
  let embedHtml;
  const loadEmbedHtml = () => (embedHtml ??= readFileSync(join(root, 'dist/embed/index.html'), 'utf8'));

  /** The origins this server's embed pages live at: MAIG_PUBLIC_URL, else the request's Host. */
  const ownOrigin = (req) => {
    if (publicUrl) return new URL(publicUrl).origin;
    const host = req.headers.host ?? '';
    if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host)) return undefined;
    const proto = req.socket.encrypted ? 'https' : 'http';
    return `${proto}://${host}`;
  };

  /** Parses an embed page URL of this server; returns its canonical URL and widget, or null. */
  const embedPage = (req, raw) => {
    let url;
    try {
      url = new URL(raw);
    } catch {
      return null;
    }
    const origin = ownOrigin(req);
    if (!origin || url.origin !== origin || !EMBED_PATHS.has(url.pathname)) return null;
    // The embed page's own rule (src/common/embed-params.js): `maig-member-count`, `Member-Count` → `member-count`.
    const found = findWidget(loadWidgets(), url.searchParams.get('widget'));
    if (!found) return null;
    const { name, widget } = found;
    // Canonical: only the widget and its documented attributes, in the order given.
    const kept = new URLSearchParams({ widget: name });
    const documented = new Set(widget.attributes.map((a) => a.name));
    let lang = null;
    for (const [key, value] of url.searchParams) {
      if (key === 'lang') lang ??= languageTag(value);
      else if (documented.has(key)) kept.append(key, value);
    }
    // `lang` stays in the frame's URL when it is a valid BCP 47 tag (canonical form), once.
    if (lang) kept.append('lang', lang);
    return { name, widget, title: embedTitle(widget, lang), lang, src: `${origin}/dist/embed/index.html?${kept}` };
  };

  async function route(req, res, url) {
    if (url.pathname === '/oembed') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        json(res, 405, { error: 'method-not-allowed', message: 'oEmbed is read with GET.' }, { allow: 'GET, HEAD' });
        return true;
      }
      const format = url.searchParams.get('format') ?? 'json';
      if (format !== 'json') {
        json(res, 501, { error: 'not-implemented', message: 'Only format=json is supported.' });
        return true;
      }
      const target = url.searchParams.get('url');
      if (!target) {
        json(res, 400, { error: 'bad-request', message: 'The url parameter is required.' });
        return true;
      }
      const page = embedPage(req, target);
      if (!page) {
        json(res, 404, { error: 'not-found', message: 'This URL is not an embed page of this server.' });
        return true;
      }
      const maxwidth = positive(url.searchParams.get('maxwidth'));
      const maxheight = positive(url.searchParams.get('maxheight'));
      const width = Math.min(DEFAULT_WIDTH, maxwidth ?? DEFAULT_WIDTH);
      const height = Math.min(page.widget.height, maxheight ?? page.widget.height);
      const title = page.title;
      const src = escapeHtml(page.src);
      // WordPress keeps a leading <blockquote> (and hides it once the frame reports its height);
      // `hidden` keeps it out of sight in other consumers, where the iframe alone shows.
      const html =
        `<blockquote class="wp-embedded-content" hidden><a href="${src}">${escapeHtml(title)}</a></blockquote>` +
        `<iframe src="${src}" width="${width}" height="${height}" title="${escapeHtml(title)}"${page.lang ? ` lang="${escapeHtml(page.lang)}"` : ''} frameborder="0" loading="lazy" data-maig-embed></iframe>`;
      json(res, 200, { version: '1.0', type: 'rich', title, ...PROVIDER, width, height, html, cache_age: 3600 });
      return true;
    }
    if (EMBED_PATHS.has(url.pathname) && (req.method === 'GET' || req.method === 'HEAD')) {
      let body;
      try {
        body = loadEmbedHtml();
      } catch {
        return false;
      }
      const origin = ownOrigin(req);
      if (origin) {
        const self = `${origin}${url.pathname}${url.search}`;
        const href = `${origin}/oembed?url=${encodeURIComponent(self)}&format=json`;
        body = body.replace(MARKER, `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(href)}" title="Mayors Against Illegal Guns" />`);
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        ...(csp ? { 'content-security-policy': csp } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    return false;
  }

  return { route };
}
