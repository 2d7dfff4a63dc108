import { css } from 'lit';

/**
 * The map's stage: the layout beside the zoomed state's panel, the states' shades, the rings
 * (hover, focus, zoom), the dots, search matches and the marked city, and the tooltip. Its
 * colors are the custom properties set on `.root` in `maig-member-map.styles.ts`.
 */
export const mapStyles = css`
  /* Map and the zoomed state's panel */
  .layout {
    display: block;
  }
  @container (min-width: 46em) {
    .layout--zoomed {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(13em, 1fr);
      gap: 1em;
      align-items: start;
    }
  }
  .figure {
    margin: 0;
  }
  .back--top {
    margin-bottom: 0.5em;
  }
  /* The whole map's shape, kept when zooming (the SVG letterboxes a zoomed state inside it). */
  .stage {
    position: relative;
    width: 100%;
    aspect-ratio: 966 / 559;
  }
  svg.map {
    display: block;
    width: 100%;
    height: 100%;
    overflow: hidden;
  }
  .area {
    stroke: var(--_line);
    stroke-width: 0.5px;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
    cursor: pointer;
    outline: none;
  }
  .b0 {
    fill: var(--_shade-0);
  }
  .b1 {
    fill: var(--_shade-1);
    background: var(--_shade-1);
  }
  .b2 {
    fill: var(--_shade-2);
    background: var(--_shade-2);
  }
  .b3 {
    fill: var(--_shade-3);
    background: var(--_shade-3);
  }
  .b4 {
    fill: var(--_shade-4);
    background: var(--_shade-4);
  }
  .b5 {
    fill: var(--_shade-5);
    background: var(--_shade-5);
  }
  .swatch.b0 {
    background: var(--_shade-0);
  }
  .map--zoomed .area:not(.area--zoomed) {
    fill-opacity: 0.55;
  }
  .ring {
    fill: none;
    pointer-events: none;
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
  }
  .ring--hover {
    stroke: var(--_line);
    stroke-width: 2px;
  }
  .ring--focus-halo {
    stroke: var(--_bg);
    stroke-width: 7px;
  }
  .ring--focus {
    stroke: var(--_text);
    stroke-width: 3px;
  }
  .ring--zoomed {
    stroke: var(--_line);
    stroke-width: 1.5px;
  }
  .dots,
  .matches,
  .mark {
    pointer-events: none;
  }
  /* Dots, matches and the mark are zero-length paths with round caps. Their width is in map
     units, set by render-map.ts as a stroke-width attribute divided by the zoom: WebKit ignores
     non-scaling-stroke on zero-length paths, so it is not used for them. */
  .dot,
  .match,
  .match-halo,
  .mark path {
    fill: none;
    stroke-linecap: round;
  }
  .dots {
    stroke: var(--_dot);
  }
  .map--searching .dots {
    opacity: 0.3;
  }
  .match-halo,
  .mark-halo,
  .mark-core {
    stroke: var(--_bg);
  }
  .match,
  .mark-ring {
    stroke: var(--_mark);
  }

  /* Tooltip: placed above (or below) the state it describes, never over it. */
  .tip {
    position: absolute;
    z-index: 1;
    width: max-content;
    /* Never wider than the map: keepTipInside() then keeps it within the map's edges. */
    max-width: min(18em, 100%);
    padding: 0.375em 0.625em;
    font-size: 0.875em;
    line-height: 1.35;
    color: var(--_text);
    background: var(--_bg);
    border: 0.0625em solid var(--_line);
    border-radius: var(--_radius);
    box-shadow: 0 0.125em 0.5em rgb(0 0 0 / 0.25);
  }
  .tip--above {
    transform: translate(-50%, calc(-100% - 0.5em));
  }
  .tip--below {
    transform: translate(-50%, 0.5em);
  }
  .tip--edge {
    transform: translate(-50%, 0.25em);
  }
  .tip__name {
    display: block;
  }
  .tip__hint {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
`;
