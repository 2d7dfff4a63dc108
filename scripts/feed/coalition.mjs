// data/coalition.json → index.coalition (name, site, join address, contact, headline, co-chairs).
const KEYS = ['name', 'shortName', 'founded', 'site', 'joinUrl', 'contact', 'headline', 'foundingChair', 'coChairs'];

export function build(ctx) {
  const file = 'coalition.json';
  const source = ctx.readJson(file);
  if (!source) return;
  const coalition = Object.fromEntries(KEYS.map((k) => [k, source[k] ?? null]));
  ctx.validate('https://maig-widgets.local/schema/v1/index.schema.json#/properties/coalition', coalition, file);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(source.membersAsOf ?? '')) ctx.error(file, null, 'membersAsOf', 'must be a date as YYYY-MM-DD');
  ctx.index.coalition = coalition;
  ctx.dates.push(source.membersAsOf);
  ctx.meta.membersAsOf = source.membersAsOf;
  ctx.meta.membersSource = source.membersSource;
}
