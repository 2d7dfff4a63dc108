import { css } from 'lit';

export const joinFormStyles = css`
  .root {
    --_success: var(--maig-color-success, #00a91c);
    padding: var(--_space);
    max-width: 40em;
  }
  .heading {
    margin: 0 0 0.5em;
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 700;
  }
  .intro {
    margin: 0 0 1em;
  }
  form {
    display: grid;
    gap: 1.25em;
    position: relative;
  }
  .field {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field--invalid {
    padding-inline-start: 0.875em;
    border-inline-start: 0.3125em solid var(--_danger);
  }
  .label,
  legend.label {
    display: block;
    padding: 0;
    margin: 0 0 0.25em;
    font-weight: 700;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  .hint {
    margin: 0 0 0.25em;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .error {
    margin: 0 0 0.25em;
    color: var(--_danger);
    font-weight: 700;
  }
  .input {
    display: block;
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.625em;
    border: 0.125em solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    line-height: 1.4;
  }
  textarea.input {
    resize: vertical;
  }
  .field--invalid .input {
    border-color: var(--_danger);
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.625em;
    margin: 0.375em 0;
  }
  .choice input {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .choice label {
    padding-top: 0.0625em;
  }
  .field--consent .choice label {
    font-weight: 700;
  }
  .principles {
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
  }
  .principles summary {
    padding: 0.625em 0.75em;
    color: var(--_accent);
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .principles[open] summary {
    border-bottom: 0.0625em solid var(--_border);
  }
  .principles maig-principles {
    max-height: 28em;
    overflow: auto;
  }
  .summary {
    padding: 0.875em 1em;
    border: 0.25em solid var(--_danger);
    border-radius: var(--_radius);
  }
  .summary__title {
    margin: 0 0 0.5em;
    font-size: 1.125em;
    font-weight: 700;
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .summary a {
    color: var(--_danger);
    font-weight: 700;
  }
  .note {
    margin: 0;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_bg-alt);
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  /* The honeypot: off-screen, out of the tab order and hidden from assistive technology. */
  .hp {
    position: absolute !important;
    left: -10000px !important;
    top: auto !important;
    width: 1px !important;
    height: 1px !important;
    overflow: hidden !important;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 0.1875em solid var(--_bg-alt);
    border-top-color: var(--_accent);
    border-radius: 50%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .spinner {
      animation: maig-spin 0.9s linear infinite;
    }
  }
  @keyframes maig-spin {
    to {
      transform: rotate(360deg);
    }
  }
  .failed {
    padding: 0.875em 1em;
    border: 0.0625em solid var(--_danger);
    border-inline-start-width: 0.375em;
    border-radius: var(--_radius);
  }
  .failed p {
    margin: 0 0 0.5em;
  }
  .failed__title {
    font-weight: 700;
  }
  .elsewhere ::slotted(*) {
    margin-top: 0.75em;
  }
  .elsewhere p {
    margin: 0.75em 0 0;
  }
  .submit {
    justify-self: start;
    font-size: 1.0625em;
  }
  .submit[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .success {
    padding: 1em;
    border: 0.0625em solid var(--_success);
    border-inline-start-width: 0.375em;
    border-radius: var(--_radius);
  }
  .success p {
    margin: 0 0 0.5em;
  }
  .success p:last-child {
    margin-bottom: 0;
  }
  .success__title {
    font-size: 1.25em;
    font-weight: 700;
  }
  .receipt__id {
    font-family: ui-monospace, Menlo, Consolas, monospace;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .config code {
    font-family: ui-monospace, Menlo, Consolas, monospace;
  }
`;
