import { css, unsafeCSS } from 'lit';
import { RESERVED } from '../common/reserved.js';

/** While loading, the card keeps the room the loader reserved for it, so nothing below moves twice. */
const [wide, narrow] = RESERVED['member-count']!.height!;

export const memberCountStyles = css`
  :host {
    display: inline-block;
    min-width: 12em;
    max-width: 100%;
    vertical-align: top;
  }
  .root {
    padding: 0.75em 1em;
    border: 0.0625em solid var(--_border);
    min-height: 7.5em;
  }
  .root:has(> [part='loading']) {
    min-height: ${unsafeCSS(wide)}em;
  }
  @media (max-width: 40em) {
    .root:has(> [part='loading']) {
      min-height: ${unsafeCSS(narrow)}em;
    }
  }
  .count {
    margin: 0;
    line-height: 1.2;
  }
  .number {
    display: block;
    font-size: 2.5em;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    color: var(--_accent);
    letter-spacing: -0.01em;
  }
  .label {
    display: block;
    font-weight: 600;
  }
  .as-of,
  .claim {
    margin: 0.375em 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .state {
    border: 0;
    padding: 0;
  }
  .state--error {
    padding-inline-start: 0.75em;
  }
  .skeleton--number {
    width: 3em;
    height: 3em;
  }
  .skeleton--line {
    width: 9em;
  }
`;
