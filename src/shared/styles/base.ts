import { css, type CSSResult } from 'lit';

/**
 * `declarations` for the widget's `.root` in the dark theme: with `theme="dark"`, and when the
 * element's custom state `dark` is set (see shared/base/scheme.ts: by default the host page's
 * color scheme, with `theme="auto"` the reader's system). Two rules: a browser that does not know
 * `:state()` drops only the second, and shows the light theme unless `theme="dark"`.
 */
export const whenDark = (declarations: CSSResult): CSSResult => css`
  :host([theme='dark']) .root {
    ${declarations}
  }
  :host(:state(dark)) .root {
    ${declarations}
  }
`;

/** The dark palette (see {@link whenDark}). */
const darkColors = css`
    color-scheme: dark;
    --_bg: var(--maig-color-surface-dark, #1b1b1b);
    --_bg-alt: var(--maig-color-surface-alt-dark, #2e2e2e);
    --_text: var(--maig-color-text-dark, #f0f0f0);
    --_muted: var(--maig-color-muted-dark, #c6cace);
    --_accent: var(--maig-color-accent-dark, #73b3e7);
    --_accent-text: var(--maig-color-on-accent-dark, #1b1b1b);
    --_border: var(--maig-color-border-dark, #a9aeb1);
    --_focus: var(--maig-color-focus-dark, #73b3e7);
    --_danger: var(--maig-color-danger-dark, #fd8ba0);
    --_warn-bg: var(--maig-color-warning-surface-dark, #3d3200);
`;

/**
 * Base styles shared by every element. Typography and colors are set on the inner `.root`
 * (part `base`), not only on :host, so a hostile theme's inherited styles stop at the shadow
 * boundary. Sizes are in em from `--maig-font-size`. Its default is the keyword `medium`: the
 * reader's default font size as set in the browser (16px unless they changed it), which neither
 * the host page's `html { font-size: 62.5% }` (as `1rem` would) nor its body font size (as
 * `inherit`/`1em` would) can change. A fixed `16px` would ignore a reader who asked for 32px.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    contain: layout style;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .root {
    --_bg: var(--maig-color-surface, #ffffff);
    --_bg-alt: var(--maig-color-surface-alt, #f0f0f0);
    --_text: var(--maig-color-text, #1b1b1b);
    --_muted: var(--maig-color-muted, #565c65);
    --_accent: var(--maig-color-accent, #005ea2);
    --_accent-text: var(--maig-color-on-accent, #ffffff);
    --_border: var(--maig-color-border, #71767a);
    --_focus: var(--maig-color-focus, #2491ff);
    --_danger: var(--maig-color-danger, #b50909);
    --_warn-bg: var(--maig-color-warning-surface, #faf3d1);
    --_radius: var(--maig-radius, 0.375em);
    --_space: var(--maig-space, 1em);
    /* Native parts (form fields, scrollbars) in the widget's palette, not the host's. */
    color-scheme: light;
    box-sizing: border-box;
    margin: 0;
    font-family: var(--maig-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    font-size: var(--maig-font-size, medium);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    /* No letter-spacing or word-spacing here: a reader's own text spacing (WCAG 1.4.12) reaches the widget. */
    text-align: start;
    text-transform: none;
    color: var(--_text);
    background: var(--_bg);
    border-radius: var(--_radius);
  }
  ${whenDark(darkColors)}
  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 0.15em;
  }
  button {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
  }
  :focus-visible {
    outline: 0.1875em solid var(--_focus);
    outline-offset: 0.125em;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75em;
    padding: 0.5em 1em;
    border: 0.0625em solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .button--secondary {
    background: transparent;
    color: var(--_accent);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  /* States shared by every widget: loading, empty, error, stale copy. */
  .state {
    padding: var(--_space);
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
  }
  .state__title {
    margin: 0 0 0.25em;
    font-weight: 700;
  }
  .state p {
    margin: 0 0 0.5em;
  }
  .state--error {
    border-color: var(--_danger);
    border-inline-start-width: 0.375em;
  }
  .state__detail {
    margin: 0 0 0.5em;
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .state__detail summary {
    cursor: pointer;
  }
  /*
   * "Try again", then the author's fallback content on a line of its own, a clear gap apart; a
   * fallback link is a target at least 24px high (WCAG 2.5.8).
   */
  .state__fallback ::slotted(*) {
    display: block;
    margin: 0.75em 0 0;
  }
  .state__fallback ::slotted(a) {
    display: inline-block;
    min-height: 1.5em;
    line-height: 1.5;
  }
  .skeleton {
    display: block;
    height: 1em;
    margin: 0.25em 0;
    border-radius: 0.25em;
    background: var(--_bg-alt);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: maig-pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes maig-pulse {
    50% {
      opacity: 0.5;
    }
  }
  .stale {
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_warn-bg);
    font-size: 0.875em;
  }
  @media print {
    .root {
      color: #000;
      background: #fff;
    }
    button.retry {
      display: none;
    }
  }
`;
