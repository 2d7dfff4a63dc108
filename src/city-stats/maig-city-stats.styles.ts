import { css } from 'lit';
import { whenDark } from '../shared/styles/base.js';

export const cityStatsStyles = css`
  :host {
    max-width: 100%;
  }
  .root {
    --_national: var(--maig-color-chart-national, #8c3d00);
    --_grid: rgba(0, 0, 0, 0.12);
    padding: var(--_space);
    border: 0.0625em solid var(--_border);
  }
  ${whenDark(css`
    --_national: var(--maig-color-chart-national-dark, #f2a36b);
    --_grid: rgba(255, 255, 255, 0.16);
  `)}
  .title {
    margin: 0 0 0.5em;
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 700;
  }
  .subtitle {
    margin: 1.25em 0 0.5em;
    font-size: 1.125em;
    line-height: 1.3;
    font-weight: 700;
  }
  .notice {
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em;
    background: var(--_warn-bg);
    border-inline-start: 0.25em solid var(--_border);
  }
  .figures {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
    gap: 0.75em;
  }
  .figure {
    display: flex;
    flex-direction: column;
    gap: 0.125em;
    padding: 0.625em 0.75em;
    background: var(--_bg-alt);
    border-radius: var(--_radius);
  }
  .figure__value {
    font-size: 1.875em;
    font-weight: 800;
    line-height: 1.15;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
  .figure__label {
    font-weight: 600;
  }
  .figure__value--range {
    font-size: 1.5em;
  }
  .figure__whose,
  .figure__parts {
    font-weight: 400;
  }
  .figure__change {
    font-size: 0.875em;
  }
  .figure__meta,
  .figure__change,
  .caveat,
  .trend__summary,
  .table__note,
  .trend__status {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .caveat {
    margin: 0.5em 0 0;
  }
  .trend__summary {
    margin: 0 0 0.5em;
  }
  .trend__controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1.25em;
    margin: 0 0 0.5em;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75em;
    cursor: pointer;
  }
  .check input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .trend__chart {
    position: relative;
    height: var(--maig-chart-height, 16em);
    width: 100%;
  }
  .trend__chart canvas {
    display: block;
  }
  .trend__status {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    margin: 0;
    border: 0.0625em dashed var(--_border);
    border-radius: var(--_radius);
  }
  /* Kept in the page (a status message is announced when its text changes), invisible when empty. */
  .trend__status:empty {
    border: 0;
    pointer-events: none;
  }
  .legend {
    margin: 0 0 0.25em;
    font-size: 0.875em;
  }
  .key {
    display: inline-block;
    width: 1.75em;
    margin-inline-end: 0.375em;
    vertical-align: middle;
    border-top: 0.1875em solid var(--_accent);
  }
  .key--national {
    margin-inline-start: 1em;
    border-top: 0.1875em dashed var(--_national);
  }
  .none {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .is-hidden {
    display: none;
  }
  .table {
    width: 100%;
    border-collapse: collapse;
    margin: 0 0 1em;
    font-variant-numeric: tabular-nums;
  }
  .table caption {
    text-align: start;
    font-weight: 600;
    padding: 0 0 0.25em;
  }
  .table th,
  .table td {
    padding: 0.25em 0.5em;
    border-bottom: 0.0625em solid var(--_border);
    text-align: end;
  }
  .table th:first-child {
    text-align: start;
  }
  .table__caption {
    margin: 0 0 0.25em;
    font-weight: 600;
  }
  .table__scroll {
    overflow-x: auto;
    max-width: 100%;
    margin: 0 0 1em;
  }
  .table__scroll:focus-visible {
    outline: 0.1875em solid var(--_accent);
    outline-offset: 0.125em;
  }
  .table__scroll .table {
    margin: 0;
  }
  .notes {
    margin: 1em 0 0;
  }
  .notes summary {
    /* list-item keeps the disclosure triangle that says it opens */
    display: list-item;
    cursor: pointer;
    font-weight: 600;
    padding: 0.6em 0;
  }
  .notes ul,
  .sources ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
    font-size: 0.875em;
  }
  .sources {
    margin-top: 0.75em;
    border-top: 0.0625em solid var(--_border);
    padding-top: 0.5em;
  }
  .downloads {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.75em;
  }
  .sources__title {
    margin: 0;
    font-size: 1em;
    font-weight: 700;
  }
  .sources li {
    margin: 0.25em 0;
  }
  .state {
    border: 0;
    padding: 0;
  }
  .skeleton--title {
    width: 60%;
    height: 1.75em;
    margin: 0 0 0.5em;
  }
  .skeleton-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
    gap: 0.75em;
  }
  .skeleton--figure {
    height: 10em;
    margin: 0;
  }
  .skeleton--subtitle {
    width: 40%;
    height: 1.5em;
    margin: 1.25em 0 0.5em;
  }
  .skeleton--text {
    height: 2.5em;
    margin: 0.5em 0;
  }
  .skeleton--control {
    width: 12em;
    height: 2.75em;
    margin: 0.5em 0;
  }
  .skeleton--chart {
    height: var(--maig-chart-height, 16em);
  }
  .skeleton--sources {
    height: 6em;
    margin: 0.75em 0 0;
  }
  /* Print: the chart as an image (taken on beforeprint; a canvas can print blank), its summary
     and every figure, sources and dates; no buttons, no controls, no empty box. */
  .trend__image {
    display: none;
  }
  @media print {
    .downloads,
    .trend__controls,
    .trend__status {
      display: none;
    }
    .trend__chart {
      height: auto;
      break-inside: avoid;
    }
    /* chart.js sets the canvas's display inline. */
    .trend__chart canvas {
      display: none !important;
    }
    .trend__image {
      display: block;
      width: 100%;
      height: auto;
    }
    .trend__chart:not(:has(.trend__image)),
    .trend:not(:has(.trend__image)) .legend {
      display: none;
    }
    .trend__table--print[hidden] {
      display: block;
    }
    .table__scroll {
      overflow: visible;
    }
  }
`;
