#!/usr/bin/env node
// `npm run feed`: validates data/ and writes the default feed to dist/feed/v1/.
// Options: --data DIR (default data), --out DIR (default dist/feed/v1), --check (validate only),
// --with-gva (or MAIG_FEED_GVA=1): add the Gun Violence Archive city figures, only for a
// publisher who holds a use agreement with GVA (the default feed has public-domain sources only).
import { buildFeed, formatError } from './feed/build.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dataDir = opt('--data', 'data');
const outDir = opt('--out', 'dist/feed/v1');
const gva = args.includes('--with-gva') || process.env.MAIG_FEED_GVA === '1';
const started = performance.now();
const { errors, files, notes } = await buildFeed({ dataDir, outDir, write: !args.includes('--check'), gva });
if (errors.length) {
  console.error(`The feed was not written: ${errors.length} problem${errors.length > 1 ? 's' : ''} in ${dataDir}/\n`);
  for (const e of errors) console.error(`  ${formatError(e)}`);
  process.exit(1);
}
for (const line of notes) console.log(line);
const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
console.log(`feed: ${files.size} files, ${bytes.toLocaleString('en-US')} bytes → ${outDir} (${Math.round(performance.now() - started)} ms)`);
