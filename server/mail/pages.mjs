// The confirm pages a mayor's office sees after following the link in its mail: the page with
// the Confirm button, the thank-you page, and the pages for a link that no longer works. Plain
// server-rendered HTML, every value escaped, no script at all, one small stylesheet allowed by
// its hash in a strict Content-Security-Policy; English or Spanish, `lang` set.
import { createHash } from 'node:crypto';
import { html } from './html.mjs';
import { formatDay, langOf, roleLabel, t } from './strings.mjs';
import { STATE_BY_CODE } from '../../src/common/states.js';

const CSS = `
:root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 2rem 1rem; background: Canvas; color: CanvasText; }
main { max-width: 36rem; margin: 0 auto; }
.site { font-weight: 600; margin: 0 0 1.5rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 1.25rem 0; padding: 1rem; border: 1px solid GrayText; border-radius: .4rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
button { font: inherit; font-weight: 600; padding: .6rem 1.6rem; border: 2px solid #0b3d91; border-radius: .4rem; background: #0b3d91; color: #fff; cursor: pointer; }
button:hover { background: #072a66; }
button:focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
.note { font-size: .95rem; }
`.trim();

const CSS_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

/** The headers of every confirm page: no script, no framing, the stylesheet by hash, no referrer to other sites (the URL holds the token; to its own origin the browser then sends a real Origin, not "null"). */
export const PAGE_HEADERS = Object.freeze({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src ${CSS_HASH}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
});

/** A whole page: `lang`, one h1 (`title`), then `body` (an html`` result). */
function layout(lang, title, body) {
  const l = langOf(lang);
  return html`<!doctype html>
<html lang="${l}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="robots" content="noindex">
<title>${title} · ${t(l, 'page.site')}</title>
<style>${html([CSS])}</style>
</head>
<body>
<main>
<p class="site">${t(l, 'page.site')}</p>
<h1 id="title">${title}</h1>
${body}
</main>
</body>
</html>
`.toString();
}

/** "Arizona (AZ)" for a code the list knows, else the text as sent. */
export const stateName = (code) => {
  const s = STATE_BY_CODE.get(String(code ?? '').toUpperCase());
  return s ? `${s.name} (${s.code})` : String(code ?? '');
};

/** What was submitted, as a description list (city, state, role, name). */
export function summary(submission, lang) {
  const rows = [
    ['field.city', submission.city],
    ['field.state', stateName(submission.state)],
    ['field.role', roleLabel(submission.role, lang)],
    ['field.name', submission.name],
  ];
  return html`<dl aria-label="${t(lang, 'page.confirm.caption')}">
${rows.map(([key, value]) => html`<dt>${t(lang, key)}</dt><dd>${value}</dd>\n`)}</dl>`;
}

/**
 * The page a link opens: what was sent and a Confirm button in a form that POSTs to the same
 * address (a relative action, so a path prefix in front of the receiver keeps working).
 */
export function confirmPage({ submission, token }) {
  const lang = langOf(submission.lang);
  return layout(
    lang,
    t(lang, 'page.confirm.title'),
    html`<p>${t(lang, 'page.confirm.intro')}</p>
${summary(submission, lang)}
<form method="post" action="${token}" aria-labelledby="title">
<input type="hidden" name="token" value="${token}">
<button type="submit">${t(lang, 'page.confirm.button')}</button>
</form>
<p class="note">${t(lang, 'page.confirm.note')}</p>`,
  );
}

/** After Confirm: what happens next. */
export function thanksPage({ submission }) {
  const lang = langOf(submission.lang);
  return layout(
    lang,
    t(lang, 'page.thanks.title'),
    html`<p>${t(lang, 'page.thanks.next', { city: submission.city, state: submission.state })}</p>
${summary(submission, lang)}
<p>${t(lang, 'page.thanks.mail')}</p>`,
  );
}

/** A link already used: when, and what happens next. */
export function usedPage({ submission, usedAt }) {
  const lang = langOf(submission.lang);
  const values = { city: submission.city, state: submission.state, date: formatDay(usedAt, lang) };
  return layout(lang, t(lang, 'page.used.title'), html`<p>${t(lang, 'page.used.body', values)}</p>`);
}

/** A page with a title and one sentence: 'expired', 'unknown', 'refused', 'busy'. */
export function messagePage(kind, lang) {
  return layout(lang, t(lang, `page.${kind}.title`), html`<p>${t(lang, `page.${kind}.body`)}</p>`);
}
