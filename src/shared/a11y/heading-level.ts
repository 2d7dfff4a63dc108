/**
 * One rule for every widget's `heading-level` attribute: the level is a whole number from 2 to 6
 * (the host page keeps its own `<h1>`); a number outside is brought to the nearest (1 and below
 * give 2, 7 and above give 6, 2.6 gives 3); `0` hides the heading in the widgets whose heading can
 * be hidden (elsewhere it gives 2); anything else (missing, not a number) gives the widget's default.
 * Returns `null` when the heading is hidden.
 */
export function headingLevel(value: unknown, fallback: number, { hideable = false } = {}): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  if (!Number.isFinite(n)) return fallback;
  const level = Math.round(n);
  if (level === 0 && hideable) return null;
  return Math.min(6, Math.max(2, level));
}

/** The level under a heading of `level` (its sections), at most 6. */
export const subLevel = (level: number | null, fallback = 3): number => (level === null ? fallback : Math.min(6, level + 1));
