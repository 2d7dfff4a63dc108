import { css } from 'lit';

export const principlesStyles = css`
  :host {
    min-height: var(--maig-principles-min-height, 20em);
  }
  .root {
    padding: var(--_space);
  }
  .heading {
    margin: 0 0 0.5em;
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 700;
  }
  .preamble p {
    margin: 0 0 0.75em;
  }
  .whereas-label {
    font-weight: 700;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0 0 0.75em;
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: principle;
    border-top: 0.0625em solid var(--_border);
  }
  .item {
    counter-increment: principle;
    border-bottom: 0.0625em solid var(--_border);
  }
  .title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
    line-height: 1.4;
  }
  .toggle,
  .static-title {
    display: flex;
    width: 100%;
    align-items: flex-start;
    gap: 0.75em;
    min-height: 2.75em;
    padding: 0.625em 0.25em;
    margin: 0;
    border: 0;
    background: none;
    text-align: start;
    font-weight: 600;
  }
  .toggle {
    cursor: pointer;
  }
  .toggle:hover .title-text {
    text-decoration: underline;
  }
  .number::before {
    content: counter(principle) '.';
    display: inline-block;
    min-width: 1.75em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .title-text {
    flex: 1;
  }
  .chevron {
    flex: none;
    width: 0.6em;
    height: 0.6em;
    margin-top: 0.35em;
    border-right: 0.15em solid currentColor;
    border-bottom: 0.15em solid currentColor;
    transform: rotate(45deg);
  }
  .toggle[aria-expanded='true'] .chevron {
    transform: rotate(-135deg);
    margin-top: 0.6em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .chevron {
      transition: transform 0.15s ease;
    }
  }
  .body {
    display: none;
    margin: 0;
    padding: 0 0.25em 0.875em 2.75em;
  }
  .body.open {
    display: block;
  }
  .body p {
    margin: 0;
  }
  .skeleton--heading {
    width: 60%;
    height: 1.5em;
    margin-bottom: 0.75em;
  }
  .skeleton:nth-child(odd) {
    width: 85%;
  }
  .skeleton--row {
    width: 100% !important;
    height: 1.5em;
    margin: 1em 0;
  }
  .join {
    margin: 1em 0 0;
  }
  .english-only {
    margin: 0.5em 0 1em;
    font-style: italic;
  }
  .source {
    margin: 0.75em 0 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  @media print {
    .toolbar,
    .chevron {
      display: none;
    }
    .body {
      display: block !important;
    }
  }
`;
