// data/coalition.json → index.coalition (name, site, join address, contact, headline, co-chairs).
const KEYS = ['name', 'shortName', 'founded', 'site', 'joinUrl', 'contact', 'headline', 'foundingChair', 'coChairs'];

/** The coalition text a widget shows, which `es` (Spanish) must translate in full when present. */
export const TRANSLATED = ['headline'];

/**
 * `source.es` (Spanish versions of the coalition text, same keys, plus an optional `note` on who
 * translated it) checked: every translated field of the English is there (null where the English
 * is null), and nothing else. Returns what goes into the feed, or undefined.
 */
function translation(ctx, file, source) {
  const es = source.es;
  if (es === undefined || es === null) return undefined;
  if (typeof es !== 'object' || Array.isArray(es)) {
    ctx.error(file, null, 'es', 'must be an object of Spanish texts with the same keys as the English');
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(es)) {
    if (key !== 'note' && !TRANSLATED.includes(key)) {
      ctx.error(file, null, `es.${key}`, `is not a translatable field (${TRANSLATED.join(', ')}, note)`);
      ok = false;
    }
  }
  for (const key of TRANSLATED) {
    const english = source[key] ?? null;
    const spanish = es[key];
    if (english !== null && (typeof spanish !== 'string' || !spanish.trim())) {
      ctx.error(file, null, `es.${key}`, `is missing: the English "${key}" has text, so its Spanish version must too`);
      ok = false;
    } else if (english === null && spanish != null) {
      ctx.error(file, null, `es.${key}`, `has text but the English "${key}" is null`);
      ok = false;
    }
  }
  return ok ? Object.fromEntries(TRANSLATED.map((k) => [k, es[k] ?? null])) : undefined;
}

export function build(ctx) {
  const file = 'coalition.json';
  const source = ctx.readJson(file);
  if (!source) return;
  const coalition = Object.fromEntries(KEYS.map((k) => [k, source[k] ?? null]));
  const es = translation(ctx, file, source);
  if (es) coalition.es = es;
  ctx.validate('https://maig-widgets.local/schema/v1/index.schema.json#/properties/coalition', coalition, file);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(source.membersAsOf ?? '')) ctx.error(file, null, 'membersAsOf', 'must be a date as YYYY-MM-DD');
  ctx.index.coalition = coalition;
  ctx.dates.push(source.membersAsOf);
  ctx.meta.membersAsOf = source.membersAsOf;
  ctx.meta.membersSource = source.membersSource;
}
