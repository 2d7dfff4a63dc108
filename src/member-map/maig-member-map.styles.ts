import { css, type CSSResultGroup } from 'lit';
import { mapStyles } from './map.styles.js';
import { whenDark } from '../shared/styles/base.js';

/*
 * Contrast (WCAG 2.1): state outlines use the text color, which keeps 3:1 or more against every
 * shade (light: #1b1b1b on #2378c3 is 3.7:1; dark: #f0f0f0 on #2378c3 is 4.2:1). Dots use the
 * text color (3:1 or more on every shade, so no halo is needed: one path per state draws all
 * its dots); the highlight ring is #b50909 (light) or
 * #fd8ba0 (dark) over a halo of the surface color.
 *
 * The focused state's ring is two-tone: the text color over a wider halo of the surface color
 * (light: #1b1b1b in #ffffff; dark: #f0f0f0 in #1b1b1b). The two tones are 17:1 or more against
 * each other, and on every shade and the background one of them keeps 3:1 or more (the test
 * computes it from the computed colors).
 *
 * Forced colors: the map's shades carry data, so the SVG and the legend's keys keep their colors
 * (forced-color-adjust: none) and stay identical to each other; the outlines around them use
 * system colors.
 */
/** The member map's styles, in cascade order: search and theme, then the map (`map.styles.ts`), then the panels. */
export const memberMapStyles: CSSResultGroup = [
  css`
  .root {
    --_shade-0: var(--maig-map-shade-0, #f0f0f0);
    --_shade-1: var(--maig-map-shade-1, #d9e8f6);
    --_shade-2: var(--maig-map-shade-2, #aacdec);
    --_shade-3: var(--maig-map-shade-3, #73b3e7);
    --_shade-4: var(--maig-map-shade-4, #4f97d1);
    --_shade-5: var(--maig-map-shade-5, #2378c3);
    --_dot: var(--maig-map-dot, var(--_text));
    --_mark: var(--maig-map-highlight, #b50909);
    --_line: var(--maig-map-line, var(--_text));
    container-type: inline-size;
    padding: 0.75em;
    border: 0.0625em solid var(--_border);
  }
  ${whenDark(css`
    --_shade-0: var(--maig-map-shade-0-dark, #2e2e2e);
    --_shade-1: var(--maig-map-shade-1-dark, #0c2a47);
    --_shade-2: var(--maig-map-shade-2-dark, #123f6e);
    --_shade-3: var(--maig-map-shade-3-dark, #1a5694);
    --_shade-4: var(--maig-map-shade-4-dark, #1f6cb3);
    --_shade-5: var(--maig-map-shade-5-dark, #2378c3);
    --_dot: var(--maig-map-dot-dark, var(--_text));
    --_mark: var(--maig-map-highlight-dark, #fd8ba0);
    --_line: var(--maig-map-line-dark, var(--_text));
  `)}
  p {
    margin: 0 0 0.5em;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [hidden] {
    display: none !important;
  }

  /* Search */
  .search {
    margin-bottom: 0.5em;
  }
  .search label {
    display: block;
    font-weight: 600;
  }
  .search input {
    width: 100%;
    max-width: 22em;
    min-height: 2.75em;
    padding: 0.375em 0.625em;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
  }
  .search__status {
    min-height: 1.5em;
    margin: 0.25em 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .results {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    margin: 0.25em 0 0.5em;
  }
  .results__more {
    align-self: center;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .city {
    min-height: 2.75em;
    padding: 0.25em 0.625em;
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
    text-align: start;
  }
  .city:hover {
    border-color: var(--_accent);
  }
  .city[aria-current='true'] {
    border-color: var(--_mark);
    box-shadow: inset 0 0 0 0.125em var(--_mark);
  }
  .city__state,
  .city__mark {
    color: var(--_muted);
  }
  .note {
    font-size: 0.875em;
    padding: 0.375em 0.625em;
    background: var(--_warn-bg);
    border-radius: var(--_radius);
  }
`,
  mapStyles,
  css`

  .caption {
    margin-top: 0.5em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .caption__highlight {
    color: var(--_text);
    font-size: 1.125em;
  }
  .caption__highlight--missing {
    color: var(--_danger);
  }

  .detail {
    margin-top: 0.5em;
    padding: 0.75em;
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
  }
  .detail__title {
    margin: 0 0 0.25em;
    font-weight: 700;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .cities {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.375em;
    margin-bottom: 0.75em;
  }

  /* Legend */
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1.25em;
    margin: 0.5em 0;
    font-size: 0.875em;
  }
  .legend__title {
    margin: 0;
    font-weight: 600;
  }
  .legend__shades,
  .legend__marks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
  }
  .swatch {
    display: inline-block;
    width: 1.25em;
    height: 0.875em;
    border: 0.0625em solid var(--_line);
  }
  .key {
    display: inline-block;
    border-radius: 50%;
    vertical-align: middle;
  }
  .key--dot {
    width: 0.5em;
    height: 0.5em;
    background: var(--_dot);
  }
  .key--mark {
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: 0.3em;
    border: 0.25em solid var(--_mark);
    background: var(--_bg);
  }

  /* The list alternative */
  .all {
    margin-top: 0.5em;
  }
  .all > summary,
  .all__states summary {
    min-height: 2.75em;
    display: list-item;
    padding: 0.5em 0.25em;
    cursor: pointer;
  }
  .all > summary {
    font-weight: 600;
  }
  .all__states {
    columns: 16em;
    column-gap: 1.5em;
  }
  .all__states > li {
    break-inside: avoid;
  }
  .all__cities {
    padding-inline-start: 1.5em;
    list-style: disc;
  }
  .all__none {
    margin-top: 0.5em;
    font-size: 0.875em;
    color: var(--_muted);
  }

  /* Loading placeholder: the same room as the map, so nothing moves when it arrives. */
  .state--loading {
    border: 0;
    padding: 0;
  }
  .skeleton--search {
    width: 22em;
    max-width: 100%;
    height: 5.5em;
    margin-bottom: 0.5em;
  }
  .skeleton--map {
    width: 100%;
    height: auto;
    aspect-ratio: 966 / 559;
  }
  .skeleton--caption {
    width: 100%;
    height: 11.25em;
    margin-top: 0.5em;
  }

  /* Forced colors: the shades are data, so the map and the legend's keys keep them alike. */
  svg.map,
  .swatch,
  .key {
    forced-color-adjust: none;
  }
  @media (forced-colors: active) {
    .swatch {
      border-color: CanvasText;
    }
    /* A dark dot or ring on a dark Canvas still shows its shape. */
    .key {
      outline: 0.0625em solid CanvasText;
    }
  }
  /* Print: the map and every member city by state; no buttons or search box. */
  @media print {
    .back,
    .search,
    .search__status,
    .results {
      display: none;
    }
  }
`,
];
