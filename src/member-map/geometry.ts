import type { MapArea, MapModel } from './model.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The states' shapes and the dots as SVG elements, made once per model. */
interface Geometry {
  areas: SVGGElement;
  dots: SVGGElement;
  paths: Map<string, SVGPathElement>;
}

const made = new WeakMap<MapModel, Geometry>();

/**
 * The drawing of every state and dot: made once per model with `createElementNS` (no HTML is
 * parsed, so nothing in the feed can become markup), then updated in place by `paintAreas`.
 * A Lit template per state and per state's dots cost more than all the rest of the first render.
 */
export function geometryOf(model: MapModel): Geometry {
  let g = made.get(model);
  if (g) return g;
  const areas = document.createElementNS(SVG, 'g');
  const dots = document.createElementNS(SVG, 'g');
  const paths = new Map<string, SVGPathElement>();
  for (const a of model.areas) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', a.d);
    path.setAttribute('data-code', a.code);
    if (a.count > 0) path.setAttribute('role', 'button');
    else {
      path.setAttribute('class', 'area b0');
      path.setAttribute('aria-hidden', 'true');
    }
    paths.set(a.code, path);
    areas.append(path);
  }
  for (const a of model.withMembers) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('class', 'dot');
    path.setAttribute('d', a.dots);
    path.setAttribute('data-code', a.code);
    dots.append(path);
  }
  g = { areas, dots, paths };
  made.set(model, g);
  return g;
}

const set = (el: Element, name: string, value: string | null): void => {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
};

/** The states' classes, labels, the one tab stop and `aria-current`, for this render. */
export function paintAreas(model: MapModel, g: Geometry, zoomed: MapArea | undefined, active: string | undefined, label: (a: MapArea) => string): void {
  for (const a of model.withMembers) {
    const path = g.paths.get(a.code)!;
    const isZoomed = zoomed === a;
    set(path, 'class', isZoomed ? `area b${a.bucket} area--zoomed` : `area b${a.bucket}`);
    set(path, 'tabindex', a.code === active ? '0' : '-1');
    set(path, 'aria-label', label(a));
    set(path, 'aria-current', isZoomed ? 'true' : null);
  }
}
