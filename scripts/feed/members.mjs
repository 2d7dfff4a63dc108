// data/members.csv (state, city) → members.json.
import { STATES, STATE_BY_CODE } from '../../src/common/states.js';
import { slugify } from '../lib/slug.mjs';

export function memberId(state, city) {
  return `${state.toLowerCase()}-${slugify(city)}`;
}

export function build(ctx) {
  const file = 'members.csv';
  const rows = ctx.readCsv(file, ['state', 'city']);
  const members = [];
  const seen = new Map();
  for (const { line, values } of rows) {
    const state = values.state.trim().toUpperCase();
    const city = values.city.trim();
    if (!STATE_BY_CODE.has(state)) {
      ctx.error(file, line, 'state', `"${values.state}" is not a USPS state or territory code (e.g. NJ, DC, PR)`);
      continue;
    }
    if (!city) {
      ctx.error(file, line, 'city', 'is empty');
      continue;
    }
    const member = { id: memberId(state, city), city, state };
    if (!ctx.validate('https://maig-widgets.local/schema/v1/members.schema.json#/$defs/member', member, file, line)) continue;
    if (seen.has(member.id)) {
      ctx.error(file, line, 'city', `"${city}, ${state}" is listed twice (first on line ${seen.get(member.id)})`);
      continue;
    }
    seen.set(member.id, line);
    members.push(member);
  }
  if (rows.length && !members.length) ctx.error(file, null, null, 'has no valid member');
  ctx.members = members;
  ctx.emit(
    'members',
    'members.json',
    {
      schemaVersion: 1,
      asOf: ctx.meta.membersAsOf,
      source: ctx.meta.membersSource ?? 'Mayors Against Illegal Guns',
      states: STATES.map(({ code, name, fips, territory }) => ({ code, name, fips, territory })),
      members,
    },
    'https://maig-widgets.local/schema/v1/members.schema.json',
  );
}
