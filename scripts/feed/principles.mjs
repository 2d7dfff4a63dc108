// data/principles/<id>.json, one file per version → principles.json. The version with id
// "current" is the default (else the first by id).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function build(ctx) {
  let files = [];
  try {
    files = readdirSync(join(ctx.dataDir, 'principles')).filter((f) => f.endsWith('.json')).sort();
  } catch {
    ctx.error('principles/', null, null, 'folder is missing');
    return;
  }
  const versions = [];
  for (const name of files) {
    const file = `principles/${name}`;
    const version = ctx.readJson(file);
    if (!version) continue;
    if (!ctx.validate('https://maig-widgets.local/schema/v1/principles.schema.json#/$defs/version', version, file)) continue;
    if (`${version.id}.json` !== name) ctx.error(file, null, 'id', `is "${version.id}" but the file is named ${name}`);
    const ids = new Set();
    version.principles.forEach((p, i) => {
      if (ids.has(p.id)) ctx.error(file, null, `principles.${i}.id`, `"${p.id}" is used twice`);
      ids.add(p.id);
    });
    versions.push(version);
  }
  const defaultVersion = versions.some((v) => v.id === 'current') ? 'current' : versions[0]?.id;
  if (!defaultVersion) {
    ctx.error('principles/', null, null, 'has no version');
    return;
  }
  // The default version first, then the others by id.
  versions.sort((a, b) => (a.id === defaultVersion ? -1 : b.id === defaultVersion ? 1 : a.id.localeCompare(b.id)));
  ctx.emit('principles', 'principles.json', { schemaVersion: 1, defaultVersion, versions }, 'https://maig-widgets.local/schema/v1/principles.schema.json');
}
