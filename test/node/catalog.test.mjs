// The built Spanish catalogs (dist/chunks/catalog-es-*.js, one per widget and one shared): every
// English key of the sources (src/shared/i18n/catalog-es.ts, src/<widget>/catalog-es.ts) is there as its short hash with the same Spanish,
// no English key is left in the chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { catalogKey as buildKey } from '../../src/common/catalog-key.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const importTs = async (path) => {
  const { outputText: code } = ts.transpileModule(readFileSync(join(root, path), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return import(`data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`);
};
const sources = ['src/shared/i18n/catalog-es.ts', ...readdirSync(join(root, 'src'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'src', d.name, 'catalog-es.ts')))
  .map((d) => `src/${d.name}/catalog-es.ts`)];

test('the built Spanish chunks have every entry under its hash, and no English key', async () => {
  const files = readdirSync(join(root, 'dist/chunks')).filter((f) => /^catalog-es-.*\.js$/.test(f));
  assert.equal(files.length, sources.length, `one catalog chunk per source (${files})`);
  const built = {};
  for (const file of files) Object.assign(built, (await import(join(root, 'dist/chunks', file))).default);
  const keys = new Map();
  for (const path of sources) {
    const catalog = (await importTs(path)).default;
    for (const [english, spanish] of Object.entries(catalog)) {
      // One English string, one Spanish, whichever file has it (the glossary's rule).
      if (keys.has(english)) assert.equal(spanish, keys.get(english).spanish, `"${english}" in ${keys.get(english).path} and ${path}`);
      keys.set(english, { spanish, path });
      assert.equal(built[buildKey(english)], spanish, `${path}: ${english}`);
      assert.ok(!(english in built), `English key left in the chunk: ${english}`);
    }
  }
  assert.equal(Object.keys(built).length, keys.size, 'the chunk has exactly the sources\' entries');
  assert.ok(keys.size > 100, `only ${keys.size} entries`);
});
