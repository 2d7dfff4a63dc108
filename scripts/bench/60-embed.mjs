// Embed (issue 8): CLS of the iframe form of each widget, on a host page with text above and below a
// 640 px wide frame: (a) the frame alone at its reserved height (what the builder and /oembed write),
// (b) the same plus dist/embed/resize.js, which then fits the frame to the widget.
// Host pages are written to dist/bench-embed/ (generated, same origin as the embed).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { measurePage, printRow } from '../lib/measure.mjs';

export const title = 'Embed: iframe form of each widget (CLS with and without resize.js)';

const QUERY = {
  'member-count': 'state=NJ',
  'member-map': 'highlight=Baltimore%2C+MD',
  principles: '',
  'city-stats': 'state=MD&city=Baltimore',
  'join-form': 'endpoint=%2Fjoin',
};

export async function run({ baseUrl, browser }) {
  const widgets = JSON.parse(readFileSync('dist/embed/widgets.json', 'utf8'));
  mkdirSync('dist/bench-embed', { recursive: true });
  const text = '<p>Our city works with mayors across the country to keep residents safe. This paragraph stands for the page around the embed.</p>';
  for (const [name, widget] of Object.entries(widgets)) {
    const src = `/dist/embed/index.html?widget=${name}${QUERY[name] ? `&amp;${QUERY[name].replace(/&/g, '&amp;')}` : ''}`;
    const frame = `<iframe src="${src}" width="640" height="${widget.height}" title="${widget.title}" frameborder="0"></iframe>`;
    for (const resize of [false, true]) {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">${
        resize ? '<script src="/dist/embed/resize.js" async></script>' : ''
      }</head><body><h1>City page</h1>${text}${frame}${text.repeat(6)}</body></html>`;
      writeFileSync(`dist/bench-embed/${name}${resize ? '-resize' : ''}.html`, html);
    }
    const ready = ([withResize]) => {
      const f = document.querySelector('iframe');
      const el = f?.contentDocument?.querySelector('#maig-embed > *');
      const done = el?.shadowRoot && !el.shadowRoot.querySelector('[part="loading"], .skeleton') && el.shadowRoot.textContent.length > 40;
      return done && (!withResize || f.hasAttribute('style'));
    };
    printRow(`iframe ${name} (${widget.height} px)`, await measurePage(browser, `${baseUrl}dist/bench-embed/${name}.html`, ready, { arg: [false], runs: 3 }));
    printRow(`  + resize.js`, await measurePage(browser, `${baseUrl}dist/bench-embed/${name}-resize.html`, ready, { arg: [true], runs: 3 }));
  }
}
