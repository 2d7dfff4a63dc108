import { html, nothing, type TemplateResult } from 'lit';
import type { Values } from '../shared/i18n/i18n.js';
import { safeHref } from '../shared/text/safe-url.js';
import { FIELDS, type JoinErrors, type JoinField } from '../common/submission.js';

type T = (source: string, values?: Values) => string;

/** Splits a translated sentence around its `[marked]` part (a link, a code word), keeping word order. */
const around = (text: string): [string, string, string] => {
  const [before = '', marked = '', after = ''] = text.split(/[[\]]/);
  return [before, marked, after];
};

/** The error summary at the top: one link per answer to fix (focused when it shows). */
export function renderSummary(t: T, errors: JoinErrors, shown: boolean, focusField: (e: Event, f: JoinField) => void): TemplateResult | typeof nothing {
  const fields = FIELDS.filter((f) => errors[f]);
  if (!shown || !fields.length) return nothing;
  return html`<div class="summary" part="summary" tabindex="-1" role="group" aria-labelledby="summary-title">
      <p class="summary__title" id="summary-title">
        ${fields.length === 1 ? t('There is a problem with 1 answer') : t('There is a problem with {count} answers', { count: fields.length })}
      </p>
      <ul>
        ${fields.map((f) => html`<li><a href="#f-${f}" @click=${(e: Event) => focusField(e, f)}>${errors[f]}</a></li>`)}
      </ul>
    </div>`;
}

/** Another way to join when this form cannot send: the author's fallback, or the feed's join page. */
export function renderElsewhere(t: T, joinUrl: string | null): TemplateResult {
  // Only an http(s) or relative join URL becomes a link (never javascript: or data:).
  const href = safeHref(joinUrl);
  const [before, link, after] = around(t("You can also [join on the coalition's site]."));
  return html`<div class="elsewhere">
      <slot>${href ? html`<p>${before}<a href=${href}>${link}</a>${after}</p>` : nothing}</slot>
    </div>`;
}

/** The sending line, or why the form was not sent with "Try again" and another way to join. */
export function renderStatus(
  t: T,
  { busy, failed, progress, failure, joinUrl }: { busy: boolean; failed: boolean; progress?: string; failure?: string; joinUrl: string | null },
  retry: () => void,
): TemplateResult {
  return html`<div class="status ${busy || failed ? '' : 'visually-hidden'}" part="status" role="status" aria-live="polite">
      ${busy ? html`<p class="progress"><span class="spinner" aria-hidden="true"></span>${progress}</p>` : nothing}
      ${failed
        ? html`<div class="failed">
            <p class="failed__title">${t('Your form was not sent.')}</p>
            <p>${failure} ${t('Your answers are kept on this device; nothing is lost.')}</p>
            <button type="button" class="button retry" part="retry" @click=${retry}>${t('Try again')}</button>
            ${renderElsewhere(t, joinUrl)}
          </div>`
        : nothing}
    </div>`;
}

/** The confirmation after the receiver stored the submission. */
export function renderSuccess(t: T, receipt: { id: string | null; email: string }): TemplateResult {
  // Announced once, by taking focus (the form it replaces had it): no live region as well.
  return html`<div class="success" part="success" tabindex="-1" role="group" aria-labelledby="success-title" aria-describedby="success-body">
      <p class="success__title" id="success-title">${t('Thank you. Your form was sent.')}</p>
      <div id="success-body">
        <p>${t("The coalition's staff will write to you at {email}.", { email: receipt.email })}</p>
        ${receipt.id ? html`<p class="receipt">${t('Reference:')} <span class="receipt__id">${receipt.id}</span></p>` : nothing}
      </div>
    </div>`;
}

/** What the page shows when the form has no `endpoint`. */
export function renderConfig(t: T, joinUrl: string | null): TemplateResult {
  // The resident reads a plain sentence; what the page's author must set is in the console.
  return html`<div class="state state--error config" part="config" role="alert">
      <p class="state__title">${t('This join form is not set up yet.')}</p>
      <p>${t('It cannot send your answers from this page.')}</p>
      ${renderElsewhere(t, joinUrl)}
    </div>`;
}
