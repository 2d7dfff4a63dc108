// The iframe/oEmbed embed (issue 8): dist/embed/index.html in headless Chromium, dist/embed/resize.js,
// and the reference server's GET /oembed with discovery. Host pages live on 127.0.0.1 and the embed
// on localhost (same server), so every frame here is cross-origin; most are sandboxed as WordPress
// makes discovered oEmbeds (`sandbox="allow-scripts"`: an opaque origin).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, CSP } from '../../server/index.mjs';
import { createOembed } from '../../server/oembed.mjs';
import { createReceiver } from '../../server/receiver.mjs';
import { launch } from '../../scripts/lib/browser.mjs';
import { axeViolations, openPage } from './helpers/browser.mjs';
import { WIDGET_NAMES, WIDGETS as REGISTRY } from '../../src/common/widgets.js';

let close;
let host; // http://127.0.0.1:PORT/
let other; // http://localhost:PORT/ (another origin, same server)
let browser;

// Host pages served for real (a page fulfilled by the test tool has no address, and Chromium's
// local-network checks then block its frames from loading a loopback URL).
const hostPages = new Map();
const hostRoute = (req, res, url) => {
  if (!hostPages.has(url.pathname)) return false;
  const { html, csp } = hostPages.get(url.pathname);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(csp ? { 'content-security-policy': csp } : {}) });
  res.end(html);
  return true;
};

let receiverDir;
let pageReceiver;
before(async () => {
  // A real receiver behind the join form's endpoint (/join), as `npm start` has: the form asks it
  // for its fill-time challenge when shown.
  receiverDir = mkdtempSync(join(tmpdir(), 'maig-embed-pages-'));
  pageReceiver = await createReceiver({ sqlitePath: join(receiverDir, 'join.sqlite'), databaseUrl: null }, { env: {} });
  const server = await start({ port: 0, routes: [hostRoute, createOembed({ csp: CSP }).route, pageReceiver.route] });
  ({ close, url: host } = server);
  other = host.replace('127.0.0.1', 'localhost');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await close?.();
  await pageReceiver?.close();
  if (receiverDir) rmSync(receiverDir, { recursive: true, force: true });
});

const embedUrl = (origin, query) => `${origin}dist/embed/index.html?${query}`;

/**
 * Opens a page, collecting console errors, page errors, CSP violations and requests; `html` (with
 * its `csp`) is served at the URL's path by hostRoute.
 */
function open(url, { html, csp } = {}) {
  if (html) hostPages.set(new URL(url).pathname, { html, csp });
  return openPage(browser, url, {
    init: () => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));
      // Every message a top page receives, for the height assertions.
      if (window === window.top) {
        window.__messages = [];
        window.addEventListener('message', (e) => window.__messages.push(e.data));
      }
    },
  });
}

/** Waits until the widget in `frame` (a page or frame) shows `part`, and returns the widget's visible text. */
const widgetText = async (frame, part) => {
  await frame.waitForFunction((p) => document.querySelector('#maig-embed > *')?.shadowRoot?.querySelector(p), part);
  return frame.evaluate(() => document.querySelector('#maig-embed > *').shadowRoot.textContent.replace(/\s+/g, ' ').trim());
};

const axe = (frame) => axeViolations(frame, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });

const WIDGETS = [
  { query: 'widget=member-count&state=NJ', part: '[part="number"]', expect: /61 member cities in New Jersey/, attrs: { state: 'NJ' } },
  { query: 'widget=member-map&highlight=Baltimore%2C+MD', part: '[part="caption"]', expect: /Highlighted: Baltimore, Maryland/, attrs: { highlight: 'Baltimore, MD' }, reflected: ['heading-level'] },
  { query: 'widget=principles&open&heading-level=3', part: '[part="list"]', expect: /Statement of Principles/, attrs: { open: '', 'heading-level': '3' } },
  { query: 'widget=city-stats&state=MD&city=Baltimore', part: '[part="figure"]', expect: /Baltimore, Maryland/, attrs: { state: 'MD', city: 'Baltimore' }, reflected: ['heading-level'] },
  { query: 'widget=join-form&endpoint=%2Fjoin&heading=Sign+the+pledge', part: 'form', expect: /Sign the pledge/, attrs: { endpoint: '/join', heading: 'Sign the pledge' }, reflected: ['heading-level', 'min-fill-ms', 'retry-delay', 'persist', 'retries', 'timeout'] },
];

describe('embed page (dist/embed/index.html)', () => {
  for (const w of WIDGETS) {
    test(`renders ${w.query} under the strict CSP, axe clean`, async () => {
      const { page, problems, close } = await open(embedUrl(host, w.query));
      assert.match(await widgetText(page, w.part), w.expect);
      const attrs = await page.evaluate(() => Object.fromEntries([...document.querySelector('#maig-embed > *').attributes].map((a) => [a.name, a.value])));
      for (const [name, value] of Object.entries(w.attrs)) assert.equal(attrs[name], value, name);
      assert.deepEqual(Object.keys(attrs).filter((n) => !w.reflected?.includes(n) && !(n in w.attrs)), []);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(problems, []);
      await close();
    });
  }

  test('ignores parameters that are not documented attributes', async () => {
    const { page, close } = await open(embedUrl(host, 'widget=member-count&state=NJ&onclick=alert(1)&style=color:red&foo=bar&min-fill-ms=1'));
    await widgetText(page, '[part="number"]');
    const names = await page.evaluate(() => [...document.querySelector('#maig-embed > *').attributes].map((a) => a.name));
    assert.deepEqual(names, ['state']);
    await close();
  });

  test('shows <img src=x onerror=…> in a parameter as text', async () => {
    const label = '<img src=x onerror="window.__pwned=1">';
    const { page, requests, close } = await open(embedUrl(host, `widget=member-count&label=${encodeURIComponent(label)}`));
    assert.match(await widgetText(page, '[part="number"]'), /<img src=x onerror="window.__pwned=1">/);
    assert.equal(await page.evaluate(() => document.querySelector('#maig-embed > *').shadowRoot.querySelector('img')), null);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.ok(!requests.some((u) => new URL(u).pathname.endsWith('/x')), 'no request for the img');
    await close();
  });

  test('an unknown or missing widget shows a readable message and loads no element', async () => {
    for (const [query, text] of [['widget=..%2F..%2Fevil', /names a widget that does not exist/], ['state=NJ', /does not name a widget/]]) {
      const { page, requests, close } = await open(embedUrl(host, query));
      const message = await page.waitForSelector('[role="status"]');
      assert.match(await message.textContent(), text);
      assert.ok(!requests.some((u) => /\/elements\//.test(u)), 'no element module requested');
      assert.deepEqual(await axe(page), []);
      await close();
    }
  });

  // issue 11: ?lang= sets the language of the page and of the widget (a valid BCP 47 tag only).
  /** The Spanish the shared catalog gives `english`, once the base element's strings are translated (undefined before). */
  const sharedSpanish = (english) => {
    const source = readFileSync('src/shared/i18n/catalog-es.ts', 'utf8');
    const quoted = english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`['"]${quoted}['"]\\s*:\\s*['"]([^'"]+)['"]`).exec(source)?.[1];
  };

  test('the embed page has a heading naming the widget it shows, in the embed\'s language', async () => {
    for (const [query, name] of [['widget=member-map', 'Member map'], ['widget=principles&lang=es', 'Declaración de Principios']]) {
      const { page, close } = await open(embedUrl(host, query));
      await page.waitForFunction(() => document.querySelector('#maig-embed > *')?.shadowRoot);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), name, query);
      await close();
    }
  });

  test('lang=es-us: the page and the widget are Spanish (es-US), the title is Spanish, the Spanish chunk loads, axe clean', async () => {
    const { page, problems, requests, close } = await open(embedUrl(host, 'widget=member-count&state=PR&lang=es-us'));
    await widgetText(page, '[part="number"]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es-US');
    assert.equal(await page.evaluate(() => document.querySelector('#maig-embed > maig-member-count').getAttribute('lang')), 'es-US');
    assert.equal(await page.title(), 'Número de ciudades miembro · Mayors Against Illegal Guns');
    assert.ok(requests.some((u) => /\/catalog-es[-.]/.test(u)), 'the Spanish catalog is requested');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await close();
  });

  test('lang=es: the error state speaks Spanish (once the base element is translated)', async () => {
    const { page, close } = await open(embedUrl(host, 'widget=principles&lang=es&feed=%2Fno-such-feed%2F'));
    await widgetText(page, '[part="error"]');
    const retry = await page.evaluate(() => document.querySelector('#maig-embed > *').shadowRoot.querySelector('[part="retry"]').textContent.trim());
    const spanish = sharedSpanish('Try again');
    if (spanish) assert.equal(retry, spanish);
    else console.log('# embed lang=es: "Try again" is not in the shared Spanish catalog yet; checked the lang attributes only');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    assert.deepEqual(await axe(page), []);
    await close();
  });

  test('without lang, or with an invalid one, the page stays English, the widget has no lang and the Spanish chunk is never requested', async () => {
    for (const query of ['widget=member-count&state=NJ', `widget=member-count&state=NJ&lang=${encodeURIComponent('es"><script>alert(1)</script>')}`, 'widget=member-count&state=NJ&lang=not_a_tag!', 'widget=member-count&state=NJ&lang=']) {
      const { page, requests, close } = await open(embedUrl(host, query));
      assert.match(await widgetText(page, '[part="number"]'), /61 member cities in New Jersey/, query);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', query);
      assert.equal(await page.evaluate(() => document.querySelector('#maig-embed > *').getAttribute('lang')), null, query);
      assert.equal(await page.title(), 'Member count · Mayors Against Illegal Guns', query);
      assert.ok(!requests.some((u) => /catalog-es/.test(u)), `no Spanish chunk for ${query}`);
      await close();
    }
  });

  test('lang=es with an unknown widget: the message is Spanish and the page is marked Spanish', async () => {
    const { page, close } = await open(embedUrl(host, 'widget=nope&lang=es'));
    const message = await page.waitForSelector('[role="status"]');
    assert.match(await message.textContent(), /^Este código de inserción nombra un widget que no existe\. Mayors Against Illegal Guns$/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    assert.deepEqual(await axe(page), []);
    await close();
  });

  test('in a sandboxed cross-origin iframe it renders and posts its height in both formats; resize.js applies ours', async () => {
    const src = `${embedUrl(other, 'widget=principles')}#?secret=Ab12Cd34Ef`;
    const html = `<!doctype html><html lang="en"><title>Host</title><link rel="icon" href="data:,"><h1>City page</h1>
      <iframe id="f" sandbox="allow-scripts" src="${src}" width="600" height="150" title="Statement of Principles"></iframe>
      <script src="${other}dist/embed/resize.js"></script>`;
    // The host page has a strict policy of its own (Trusted Types too): resize.js still applies heights.
    const csp = `default-src 'self'; script-src ${other.slice(0, -1)}; frame-src ${other.slice(0, -1)}; style-src 'self'; img-src data:; require-trusted-types-for 'script'; trusted-types 'none'`;
    const { page, problems, close } = await open(`${host}demo/__host.html`, { html, csp });
    const frame = await (await page.waitForSelector('#f')).contentFrame();
    assert.match(await widgetText(frame, '[part="list"]'), /Statement of Principles/);
    assert.equal(await frame.evaluate(() => window.origin), 'null', 'opaque origin');
    const settled = async () => {
      await page.waitForFunction(() => {
        const f = document.getElementById('f');
        const ours = window.__messages.filter((m) => m?.type === 'maig-widgets:height');
        return ours.length && f.clientHeight === ours.at(-1).height && f.clientHeight > 300;
      });
      return page.evaluate(() => window.__messages);
    };
    let messages = await settled();
    const ours = messages.filter((m) => m?.type === 'maig-widgets:height').at(-1);
    const wp = messages.filter((m) => m?.message === 'height').at(-1);
    assert.deepEqual(wp, { message: 'height', value: ours.height, secret: 'Ab12Cd34Ef' });
    assert.equal(ours.height, await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)));
    // Opening a principle makes the widget taller: a new message, and the frame follows.
    const before = ours.height;
    await frame.evaluate(() => document.querySelector('#maig-embed > *').shadowRoot.querySelector('[part="toggle"]').click());
    await page.waitForFunction((h) => document.getElementById('f').clientHeight > h, before);
    messages = await settled();
    assert.ok(messages.filter((m) => m?.type === 'maig-widgets:height').at(-1).height > before);
    assert.deepEqual(problems, []);
    await close();
  });

  test('resize.js ignores heights from other windows and values out of range', async () => {
    const html = `<!doctype html><html lang="en"><title>Host</title><link rel="icon" href="data:,">
      <iframe id="f" src="${embedUrl(other, 'widget=member-count')}" height="123" title="Member count"></iframe>
      <script src="${other}dist/embed/resize.js"></script>`;
    const { page, close } = await open(`${host}demo/__host.html`, { html });
    const frame = await (await page.waitForSelector('#f')).contentFrame();
    await widgetText(frame, '[part="number"]');
    await page.waitForFunction(() => document.getElementById('f').clientHeight !== 123);
    const h = await page.evaluate(() => document.getElementById('f').clientHeight);
    // Every height resize.js applies from here on.
    await page.evaluate(() => {
      window.__applied = [];
      new MutationObserver(() => window.__applied.push(document.getElementById('f').getAttribute('height'))).observe(document.getElementById('f'), { attributeFilter: ['height'] });
    });
    // The top window itself (not the iframe) sends: ignored. The frame sends nonsense: ignored.
    await page.evaluate(() => window.postMessage({ type: 'maig-widgets:height', height: 900 }, '*'));
    for (const bad of [-5, 1e9, '700', Number.NaN]) await frame.evaluate((v) => parent.postMessage({ type: 'maig-widgets:height', height: v }, '*'), bad);
    await frame.evaluate(() => parent.postMessage({ type: 'maig-widgets:height', height: 321 }, '*'));
    await page.waitForFunction(() => document.getElementById('f').clientHeight === 321);
    assert.notEqual(h, 321);
    assert.deepEqual(await page.evaluate(() => window.__applied), ['321']);
    await close();
  });
});

describe('GET /oembed', () => {
  const oembed = (query) => fetch(`${host}oembed?${query}`);
  const page = () => embedUrl(host, 'widget=member-count&state=NJ');

  test('answers a rich response for an embed page', async () => {
    const res = await oembed(`url=${encodeURIComponent(page())}&format=json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const body = await res.json();
    assert.equal(body.version, '1.0');
    assert.equal(body.type, 'rich');
    assert.equal(body.title, 'Member count · Mayors Against Illegal Guns');
    assert.equal(body.provider_name, 'Mayors Against Illegal Guns');
    assert.equal(body.width, 640);
    assert.equal(body.height, REGISTRY['member-count'].height);
    const src = `${host}dist/embed/index.html?widget=member-count&amp;state=NJ`;
    assert.equal(
      body.html,
      `<blockquote class="wp-embedded-content" hidden><a href="${src}">Member count · Mayors Against Illegal Guns</a></blockquote>` +
        `<iframe src="${src}" width="640" height="${REGISTRY['member-count'].height}" title="Member count · Mayors Against Illegal Guns" frameborder="0" loading="lazy" data-maig-embed></iframe>`,
    );
  });

  test('a Spanish embed keeps lang in the iframe URL (canonical, once) and has a Spanish title', async () => {
    const body = await (await oembed(`url=${encodeURIComponent(embedUrl(host, 'widget=member-count&lang=es-pr&state=PR&lang=en'))}`)).json();
    const title = 'Número de ciudades miembro · Mayors Against Illegal Guns';
    assert.equal(body.title, title);
    const src = `${host}dist/embed/index.html?widget=member-count&amp;state=PR&amp;lang=es-PR`;
    assert.equal(
      body.html,
      `<blockquote class="wp-embedded-content" hidden><a href="${src}">${title}</a></blockquote>` +
        `<iframe src="${src}" width="640" height="${REGISTRY['member-count'].height}" title="${title}" lang="es-PR" frameborder="0" loading="lazy" data-maig-embed></iframe>`,
    );
    // English, or a tag that is not BCP 47: English title; an invalid tag is dropped from the URL.
    const english = await (await oembed(`url=${encodeURIComponent(embedUrl(host, 'widget=principles&lang=en-US'))}`)).json();
    assert.equal(english.title, 'Statement of Principles · Mayors Against Illegal Guns');
    assert.match(english.html, /widget=principles&amp;lang=en-US" width/);
    const invalid = await (await oembed(`url=${encodeURIComponent(embedUrl(host, `widget=principles&lang=${encodeURIComponent('es"><b>')}`))}`)).json();
    assert.equal(invalid.title, 'Statement of Principles · Mayors Against Illegal Guns');
    assert.doesNotMatch(invalid.html, /lang/);
  });

  test('names a widget as the embed page does: with or without maig-, in any case', async () => {
    const answer = async (widget) => {
      const res = await oembed(`url=${encodeURIComponent(embedUrl(host, `widget=${widget}&state=NJ`))}`);
      return { status: res.status, body: await res.json() };
    };
    const plain = await answer('member-count');
    assert.equal(plain.status, 200);
    for (const widget of ['maig-member-count', 'Member-Count', 'MAIG-Member-Count']) assert.deepEqual(await answer(widget), plain, widget);
  });

  test('maxwidth and maxheight bound the size; format defaults to json', async () => {
    const body = await (await oembed(`url=${encodeURIComponent(embedUrl(host, 'widget=city-stats&state=MD'))}&maxwidth=500&maxheight=1000`)).json();
    assert.equal(body.width, 500);
    assert.equal(body.height, 1000);
    assert.match(body.html, /width="500" height="1000"/);
  });

  test('refuses what is not one of its embed pages (404), xml (501), no url (400)', async () => {
    const cases = [
      [`url=${encodeURIComponent(`${host}demo/`)}`, 404],
      [`url=${encodeURIComponent('https://example.org/dist/embed/index.html?widget=member-count')}`, 404],
      [`url=${encodeURIComponent(embedUrl(host, 'widget=nope'))}`, 404],
      [`url=${encodeURIComponent(embedUrl(host, 'state=NJ'))}`, 404],
      ['url=javascript%3Aalert(1)', 404],
      [`url=${encodeURIComponent(page())}&format=xml`, 501],
      ['format=json', 400],
    ];
    for (const [query, status] of cases) {
      const res = await oembed(query);
      assert.equal(res.status, status, query);
      assert.match(res.headers.get('content-type'), /^application\/json/);
    }
  });

  test('escapes everything it writes into HTML and drops undocumented parameters', async () => {
    const evil = `${embedUrl(host, 'widget=member-count')}&label=${encodeURIComponent('"><script>alert(1)</script>')}&x=%22%3E%3Cb%3E`;
    const body = await (await oembed(`url=${encodeURIComponent(evil)}`)).json();
    assert.doesNotMatch(body.html, /<script|<b>|"><|[^=]"\s*>[^<]*"/);
    assert.match(body.html, /label=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"/);
    assert.doesNotMatch(body.html, /[?&;]x=/);
    // A forged Host header is not written anywhere.
    const res = await fetch(`${host}dist/embed/index.html?widget=member-count`, { headers: { host: 'evil"><script>x' } }).catch(() => null);
    if (res) assert.doesNotMatch(await res.text(), /<script>x/);
  });

  test('discovery: a pasted embed URL leads to a rendered sandboxed iframe that WordPress-style resizing sizes', async () => {
    const pasted = embedUrl(other, 'widget=member-count&state=NJ');
    // What WordPress does: fetch the page, find the discovery link in <head>, fetch it.
    const pageHtml = await (await fetch(pasted)).text();
    const link = /<link\s[^>]*type="application\/json\+oembed"[^>]*>/.exec(pageHtml.split('</head>')[0])?.[0];
    assert.ok(link, 'discovery link');
    const href = /href="([^"]+)"/.exec(link)[1].replaceAll('&amp;', '&');
    assert.equal(href, `${other}oembed?url=${encodeURIComponent(pasted)}&format=json`);
    const body = await (await fetch(`${href}&maxwidth=600&maxheight=1000`)).json();
    // wp_filter_oembed_result: keep blockquote + iframe, add the secret and the sandbox.
    const secret = 'Zz9Yy8Xx7W';
    const filtered = body.html
      .replace(' hidden', '')
      .replace('<blockquote class="wp-embedded-content"', `<blockquote class="wp-embedded-content" data-secret="${secret}"`)
      .replace(/<iframe src="([^"]+)"/, `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" data-secret="${secret}" src="$1#?secret=${secret}"`);
    const { page, close } = await open(`${host}demo/__wp.html`, { html: `<!doctype html><html lang="en"><title>Post</title><link rel="icon" href="data:,"><main>${filtered}</main>` });
    // wp-embed.js's receiver, reduced: clamp to 200-1000, match the frame and the secret.
    await page.evaluate(() =>
      window.addEventListener('message', (e) => {
        const d = e.data;
        if (d?.message !== 'height' || !/^[A-Za-z0-9]+$/.test(d.secret)) return;
        for (const f of document.querySelectorAll(`iframe[data-secret="${d.secret}"]`)) {
          if (f.contentWindow !== e.source) continue;
          document.querySelector(`blockquote[data-secret="${d.secret}"]`).style.display = 'none';
          f.height = Math.min(1000, Math.max(200, parseInt(d.value, 10)));
          f.dataset.resized = '';
        }
      }),
    );
    const iframe = await page.waitForSelector('iframe[data-resized]', { state: 'attached' });
    const frame = await iframe.contentFrame();
    assert.match(await widgetText(frame, '[part="number"]'), /61 member cities in New Jersey/);
    assert.equal(await frame.evaluate(() => window.origin), 'null');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('blockquote')).display), 'none');
    await close();
  });
});

describe('embed builder (dist/builder/index.html)', () => {
  const shadow = (frame, tag, part) =>
    frame
      .waitForFunction(([t, p]) => document.querySelector(t)?.shadowRoot?.querySelector(p), [tag, part])
      .then(() => frame.evaluate(([t, p]) => [...document.querySelector(t).shadowRoot.querySelectorAll(p)].map((e) => e.textContent.replace(/\s+/g, ' ').trim()).join(' | '), [tag, part]));

  const CASES = [
    {
      widget: 'member-count',
      fill: async (page) => {
        await page.selectOption('#attr-state', 'NJ');
        await page.fill('#attr-label', 'towns in <b>NJ</b> & "friends"');
        await page.check('#attr-hide-claim');
      },
      part: '[part="number"], [part="label"]',
      expect: /61 \| towns in <b>NJ<\/b> & "friends"/,
      shortcode: '[maig_member_count state="NJ" label="towns in <b>NJ</b> & friends" hide-claim="1"]',
    },
    {
      widget: 'city-stats',
      fill: async (page) => {
        await page.selectOption('#attr-state', 'MD');
        await page.selectOption('#attr-city', 'Baltimore');
      },
      part: '[part="figure"]',
      expect: /737 firearm deaths in Maryland/,
      shortcode: '[maig_city_stats state="MD" city="Baltimore"]',
    },
    {
      // The language picker (issue 11): every form carries lang, the preview shows the Spanish widget.
      widget: 'member-count',
      lang: 'es',
      fill: async (page) => {
        await page.selectOption('#attr-state', 'PR');
        await page.selectOption('#attr-lang', 'es');
      },
      part: '[part="number"]',
      expect: /^\d+$/,
      shortcode: '[maig_member_count state="PR" lang="es"]',
      snippets: {
        tag: /<maig-member-count state="PR" lang="es">\s*<p>5 member cities in Puerto Rico, as of [^<]+<small>Source: [^<]+<\/small><\/p>\s*<\/maig-member-count>/,
        div: /<div data-maig-widget="member-count" data-state="PR" data-lang="es">\s*<p>5 member cities in Puerto Rico, as of [^<]+<small>Source: [^<]+<\/small><\/p>\s*<\/div>/,
        iframe: /<iframe src="[^"]+\?widget=member-count&amp;state=PR&amp;lang=es" title="Número de ciudades miembro · Mayors Against Illegal Guns" lang="es" /,
        url: /\?widget=member-count&state=PR&lang=es$/,
      },
    },
  ];

  for (const c of CASES) {
    test(`${c.widget}: every snippet pasted into a blank page renders what the preview shows`, async () => {
      const { page, problems, close } = await open(`${other}dist/builder/index.html`);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: other.slice(0, -1) });
      await page.selectOption('#widget', c.widget);
      await page.waitForSelector('#attr-state option[value="MD"]', { state: 'attached' });
      await c.fill(page);
      const tag = `maig-${c.widget}`;
      const previewText = await shadow(page, `#preview ${tag}`, c.part);
      assert.match(previewText, c.expect);
      assert.deepEqual(await axe(page), []);
      const snippet = (id) => page.$eval(`#snippet-${id}`, (t) => t.value);
      assert.equal(await snippet('shortcode'), c.shortcode);
      for (const [id, pattern] of Object.entries(c.snippets ?? {})) assert.match(await snippet(id), pattern, id);
      assert.equal(await page.$eval(`#preview ${tag}`, (e) => e.getAttribute('lang')), c.lang ?? null, 'preview lang');
      let n = 0;
      for (const id of ['tag', 'div', 'iframe']) {
        const html = `<!doctype html><html lang="en"><title>Pasted</title><link rel="icon" href="data:,"><main>${await snippet(id)}</main>`;
        const pasted = await open(`${host}demo/__pasted-${c.widget}-${n++}.html`, { html });
        let target = pasted.page;
        if (id === 'iframe') target = await (await pasted.page.waitForSelector('iframe')).contentFrame();
        assert.equal(await shadow(target, id === 'iframe' ? `#maig-embed ${tag}` : tag, c.part), previewText, id);
        if (c.lang) {
          assert.equal(await target.$eval(id === 'iframe' ? `#maig-embed ${tag}` : tag, (e) => e.getAttribute('lang')), c.lang, `${id}: the widget's lang`);
          if (id === 'iframe') assert.equal(await target.evaluate(() => document.documentElement.lang), c.lang, 'the embed page is Spanish');
        }
        assert.deepEqual(pasted.problems, [], id);
        await pasted.close();
      }
      // The oEmbed URL is the iframe's page: opened as such, it renders the same.
      const url = await snippet('url');
      assert.ok(url.startsWith(`${other}dist/embed/index.html?widget=${c.widget}&`), url);
      const direct = await open(url);
      assert.equal(await shadow(direct.page, `#maig-embed ${tag}`, c.part), previewText);
      if (c.lang) assert.equal(await direct.page.evaluate(() => document.documentElement.lang), c.lang, 'the oEmbed page is Spanish');
      await direct.close();
      assert.deepEqual(problems, []);
      await close();
    });
  }

  test('labels people read first: no raw attribute name as a label, no backticks in hints, technical options under a closed "Advanced"', async () => {
    const { page, close } = await open(`${other}dist/builder/index.html`);
    await page.waitForSelector('#attr-state option[value="MD"]', { state: 'attached' });
    for (const widget of ['member-count', 'member-map', 'principles', 'city-stats', 'join-form']) {
      await page.selectOption('#widget', widget);
      const form = await page.evaluate(() => ({
        labels: [...document.querySelectorAll('#fields label')].map((l) => ({ text: l.textContent.trim(), for: l.htmlFor, advanced: !!l.closest('details') })),
        hints: [...document.querySelectorAll('#fields .hint')].map((p) => p.textContent),
        open: document.querySelector('#fields details')?.open ?? null,
      }));
      const names = form.labels.map((l) => l.for.replace(/^attr-/, ''));
      for (const l of form.labels) assert.notEqual(l.text, l.for.replace(/^attr-/, ''), `${widget}: the label of ${l.for} is its attribute name`);
      for (const hint of form.hints) assert.doesNotMatch(hint, /`/, `${widget}: a backtick in "${hint}"`);
      assert.ok(!form.labels[0].advanced && form.labels[0].for !== 'attr-feed', `${widget}: first field ${form.labels[0].for}`);
      assert.equal(form.labels.find((l) => l.for === 'attr-feed')?.advanced, true, `${widget}: feed under Advanced`);
      assert.equal(form.open, false);
      assert.ok(names.includes('theme'));
    }
    await page.selectOption('#widget', 'member-count');
    assert.equal(await page.locator('label[for="attr-state"]').textContent(), 'State');
    assert.equal(await page.locator('label[for="attr-hide-claim"]').textContent(), "Hide the coalition's headline");
    await close();
  });

  test('axe finds nothing for every widget\'s form and preview', async () => {
    const { page, problems, close } = await open(`${other}dist/builder/index.html`);
    await page.waitForSelector('#attr-state option[value="MD"]', { state: 'attached' });
    for (const widget of WIDGET_NAMES) {
      await page.selectOption('#widget', widget);
      await page.waitForFunction((t) => document.querySelector(`#preview ${t}`)?.shadowRoot?.childElementCount, `maig-${widget}`);
      assert.deepEqual(await axe(page), [], widget);
      // Every documented attribute has its field (people's options first, then "Advanced").
      assert.deepEqual(
        (await page.$$eval('#fields label', (labels) => labels.map((l) => l.htmlFor.replace(/^attr-/, '')))).sort(),
        (await page.evaluate((w) => import('../embed/widgets.js').then((m) => m.WIDGETS[w].attributes.map((a) => a.name)), widget)).sort(),
      );
    }
    assert.deepEqual(problems, []);
    await close();
  });

  test('preview in both languages: without a language picked, as on an English and on a Spanish page; with one, in that one', async () => {
    const { page, problems, requests, close } = await open(`${other}dist/builder/index.html?widget=member-count`);
    await page.waitForSelector('#attr-state option[value="PR"]', { state: 'attached' });
    await page.selectOption('#attr-state', 'PR');
    const previews = () =>
      page.$$eval('#preview maig-member-count', (els) => els.map((e) => `${e.closest('[lang]')?.getAttribute('lang') ?? ''}:${e.getAttribute('lang') ?? ''}`));
    assert.deepEqual(await previews(), ['en:', 'es:']);
    await page.waitForFunction(() => [...document.querySelectorAll('#preview maig-member-count')].every((e) => e.shadowRoot?.querySelector('[part="number"]')));
    assert.ok(requests.some((u) => /\/catalog-es[-.]/.test(u)), 'the Spanish preview loads the Spanish catalog');
    assert.deepEqual(await page.$$eval('#attr-lang option', (o) => o.map((x) => x.value)), ['', 'en', 'es', 'es-US', 'es-PR']);
    assert.deepEqual(await axe(page), []);
    await page.selectOption('#attr-lang', 'es');
    assert.deepEqual(await previews(), ['es:es']);
    await page.selectOption('#attr-lang', 'en');
    assert.deepEqual(await previews(), ['en:en']);
    assert.match(await page.$eval('#snippet-shortcode', (t) => t.value), / lang="en"\]$/);
    assert.deepEqual(problems, []);
    await close();
  });

  test('the tag and div snippets carry fallback text with the feed\'s current figures', async () => {
    const feed = (f) => JSON.parse(readFileSync(join('dist/feed/v1', f), 'utf8'));
    const members = feed('members.json');
    const nj = members.members.filter((m) => m.state === 'NJ').length;
    const asOf = new Date(`${members.asOf}T00:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    const { page, problems, close } = await open(`${other}dist/builder/index.html?widget=member-count`);
    await page.waitForSelector('#attr-state option[value="NJ"]', { state: 'attached' });
    await page.selectOption('#attr-state', 'NJ');
    const snippet = async (id, text) => {
      await page.waitForFunction(([i, t]) => document.getElementById(i)?.value.includes(t), [id, text], { timeout: 10000 }).catch(() => {});
      return page.$eval(`#${id}`, (t) => t.value);
    };
    const count = await snippet('snippet-tag', 'member cities in New Jersey');
    assert.ok(count.includes(`<maig-member-count state="NJ">\n  <p>${nj} member cities in New Jersey, as of ${asOf}.`), count);
    assert.ok((await snippet('snippet-div', 'New Jersey')).includes(`${nj} member cities in New Jersey, as of ${asOf}.`));

    await page.selectOption('#widget', 'principles');
    const principles = feed('principles.json');
    const version = principles.versions.find((v) => v.id === principles.defaultVersion);
    const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const p = await snippet('snippet-tag', '<ol>');
    for (const x of version.principles) assert.ok(p.includes(`<li>${esc(x.title)}</li>`), x.title);
    assert.ok(p.includes(`<a href="${esc(feed('index.json').coalition.site)}">`), p);

    await page.selectOption('#widget', 'city-stats');
    await page.selectOption('#attr-state', 'MD');
    await page.waitForSelector('#attr-city option[value="Baltimore"]', { state: 'attached' }).catch(() => {});
    await page.fill('#attr-city', 'Baltimore').catch(() => page.selectOption('#attr-city', 'Baltimore'));
    await page.dispatchEvent('#attr-city', 'input');
    const md = feed('stats/state/md.json');
    const baltimore = md.cities.find((c) => c.city === 'Baltimore');
    const i = md.cdcCounty.last - md.cdcCounty.first;
    const stats = await snippet('snippet-tag', 'firearm homicides');
    assert.ok(stats.includes(`Baltimore, MD: ${baltimore.local.homicide[i].toLocaleString('en-US')} firearm homicides and ${baltimore.local.suicide[i].toLocaleString('en-US')} firearm suicides in ${md.cdcCounty.last}.`), stats);
    const last = md.cdc.points.at(-1);
    assert.ok(stats.includes(`Maryland: ${last.deaths.toLocaleString('en-US')} firearm deaths in ${last.year}.`), stats);
    const us = feed('stats/national.json').deaths.points.at(-1);
    assert.ok(stats.includes(`United States: ${us.total.toLocaleString('en-US')} firearm deaths in ${us.year}.`), stats);
    assert.deepEqual(problems, []);
    await close();
  });

  test('keyboard: a copy button is reached with Tab, copies its snippet and announces "Copied"', async () => {
    const { page, close } = await open(`${other}dist/builder/index.html?widget=principles`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: other.slice(0, -1) });
    await page.waitForSelector('#attr-open');
    const reached = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-copy') || document.activeElement?.tagName);
      reached.push(focused);
      if (focused === 'snippet-div' && (await page.evaluate(() => document.activeElement.tagName)) === 'BUTTON') break;
    }
    for (const id of ['widget', 'attr-open', 'attr-join', 'attr-theme', 'snippet-tag']) assert.ok(reached.includes(id), `${id} reachable: ${reached.join(' ')}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('copied').textContent === 'Copied');
    assert.equal(await page.getAttribute('#copied', 'role'), 'status');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.$eval('#snippet-div', (t) => t.value));
    await close();
  });
});

describe('join form inside a sandboxed embed', () => {
  // docs/embedding.md: from WordPress's sandboxed frame the form posts with `Origin: null`; the receiver takes it
  // only when MAIG_ALLOWED_ORIGINS lists `null`.
  for (const [allowedOrigins, outcome] of [[['null'], 'success'], [[], 'refused']]) {
    test(`MAIG_ALLOWED_ORIGINS=${allowedOrigins.join(',') || '(unset)'}: ${outcome}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'maig-embed-join-'));
      const receiver = await createReceiver(
        { sqlitePath: join(dir, 'join.sqlite'), databaseUrl: null, join: { allowedOrigins, exportToken: 'embed-test-export-token-0123456789', minFillMs: 0, rateLimit: { limit: 100, windowMs: 60_000 } } },
        { env: {} },
      );
      const server = await start({ port: 0, routes: [hostRoute, receiver.route] });
      const otherOrigin = server.url.replace('127.0.0.1', 'localhost');
      try {
        const src = embedUrl(otherOrigin, `widget=join-form&endpoint=${encodeURIComponent(`${otherOrigin}join`)}&min-fill-ms=0&retries=0&persist=none`);
        const html = `<!doctype html><html lang="en"><title>Host</title><link rel="icon" href="data:,"><iframe id="f" sandbox="allow-scripts" src="${src}" width="600" height="1100" title="Join form"></iframe>`;
        const { page, close } = await open(`${server.url}demo/__join.html`, { html });
        const frame = await (await page.waitForSelector('#f')).contentFrame();
        await frame.locator('#f-name').fill('Pat Example');
        await frame.locator('#f-role-mayor').check();
        await frame.locator('#f-city').fill('Springfield');
        await frame.locator('#f-state').selectOption('IL');
        await frame.locator('#f-email').fill('pat@example.org');
        await frame.locator('#f-consent').check();
        // Enter in a field, as a keyboard user sends it (the sandbox has no allow-forms).
        await frame.locator('#f-email').press('Enter');
        if (outcome === 'success') {
          await frame.locator('[part="success"]').waitFor();
          const rows = await (await fetch(`${server.url}join.json`, { headers: { authorization: 'Bearer embed-test-export-token-0123456789' } })).json();
          assert.deepEqual((rows.submissions ?? rows).map((r) => [r.name, r.origin]), [['Pat Example', 'null']]);
        } else {
          await frame.waitForFunction(() => /Your form was not sent/.test(document.querySelector('#maig-embed > *').shadowRoot.textContent));
          // The preflight is refused, so to the page it is a failed connection; nothing is stored.
          const rows = await (await fetch(`${server.url}join.json`, { headers: { authorization: 'Bearer embed-test-export-token-0123456789' } })).json();
          assert.deepEqual(rows.submissions ?? rows, []);
          assert.equal(await frame.locator('[part="success"]').count(), 0);
        }
        await close();
      } finally {
        await server.close();
        await receiver.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
