// Builds, into dist/:
// - maig-widgets.js: the loader (the README's one script tag). It imports only the widgets a page
//   uses, from elements/ next to itself; it shares no code with them (no Lit), so it stays small.
// - elements/maig-<name>.js: one element each, registered on import.
// - maig-widgets-all.js: every element at once plus the loader's mounting, for bundlers.
// - chunks/core-*.js: what every element needs (Lit, @lit/task, the feed client, the base element
//   and styles), in one file so a one-widget page makes few requests. Code only some widgets use
//   (Lit's decorators, directives, chart.js) stays with them or in chunks of its own, so a page
//   with only a member count loads the loader, its entry and the core chunk, and nothing else.
import { existsSync, readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { catalogKey } from './src/common/catalog-key.js';
import { WIDGET_NAMES } from './src/common/widgets.js';

/** One entry per widget of the registry (src/common/widgets.js): src/<name>/define.ts. */
const elements = WIDGET_NAMES.map((name) => {
  if (!existsSync(`src/${name}/define.ts`)) throw new Error(`rollup: src/common/widgets.js lists "${name}" but src/${name}/define.ts does not exist`);
  return name;
});

/** Lit modules every element uses; decorators and directives are left to the elements that import them. */
const LIT_CORE = /\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/task)\/(?!.*(decorators|directive))/;

/**
 * The loader reads the library's version, the widget names and the Spanish rule too, but importing
 * those modules would tie it to the core chunk (or a chunk shared with it). It gets its own copies
 * of them (same source, same values): src/shared/version.ts and the src/common/ modules it imports.
 */
const LOADER_COPY = '\0maig-loader-copy:';
const copiesForLoader = {
  name: 'maig-copies-for-loader',
  async resolveId(source, importer) {
    const loader = importer?.includes('/src/shared/mount/') || importer?.startsWith(LOADER_COPY);
    if (!loader || !source.startsWith('.')) return null;
    const from = importer.startsWith(LOADER_COPY) ? importer.slice(LOADER_COPY.length) : importer;
    if (source.endsWith('/version.js')) return `${LOADER_COPY}${new URL('../version.ts', `file://${from}`).pathname}`;
    const resolved = await this.resolve(source, from, { skipSelf: true });
    // (The reserved-room table, common/reserved.js, too: the member count reads it for its loading
    // state, and a chunk shared with the loader would cost its page one more request.)
    return resolved && /\/src\/common\//.test(resolved.id) ? `${LOADER_COPY}${resolved.id}` : null;
  },
  load(id) {
    if (!id.startsWith(LOADER_COPY)) return null;
    const file = id.slice(LOADER_COPY.length);
    // Of the registry, the loader needs the names only (its titles, heights and resources would
    // cost the one script tag ~200 bytes gzip): the same list, without the rest.
    if (file.endsWith('/src/common/widgets.js')) return `export const WIDGET_NAMES = ${JSON.stringify(WIDGET_NAMES)};\n`;
    return readFileSync(file, 'utf8');
  },
};

/**
 * Minifies the CSS of Lit `css` templates in the style modules (comments, whitespace): a few
 * hundred bytes gzip over all widgets. Interpolations are kept as they are; spaces before `:` and
 * around `+` and `-` are kept (selectors and calc() need them). Those modules lose their source map
 * lines, which hold only CSS.
 */
const minifyCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
const minifyStyleModules = {
  name: 'maig-minify-css-templates',
  transform(code, id) {
    if (!/\/src\/(.+\.styles|shared\/styles\/base)\.ts$/.test(id)) return null;
    const out = code.replace(/\bcss\s*`([^`]*)`/g, (_, body) => `css\`${body.split(/(\$\{[^}]*\})/).map((part, i) => (i % 2 ? part : minifyCss(part))).join('')}\``);
    return { code: out, map: { mappings: '' } };
  },
};


/**
 * The Spanish catalog files (src/shared/i18n/catalog-es.ts, src/<widget>/catalog-es.ts) are object literals keyed
 * by the English text. In the built chunk each key becomes its short hash, so a Spanish page does
 * not download every English string as well; two strings with one hash stop the build.
 */
const hashCatalogKeys = {
  name: 'maig-hash-catalog-keys',
  seen: new Map(),
  buildStart() {
    this.seen = new Map();
  },
  async transform(code, id) {
    if (!/\/src\/(?:[\w-]+\/)+catalog-es\.ts$/.test(id.replace(/\\/g, '/'))) return null;
    // After the TypeScript plugin: plain JS with one object literal and `export default`.
    const module = await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`);
    const hashed = {};
    for (const [english, spanish] of Object.entries(module.default)) {
      const key = catalogKey(english);
      const other = this.seen.get(key);
      if (other !== undefined && other !== english) this.error(`catalog keys collide (${key}): "${other}" and "${english}"`);
      this.seen.set(key, english);
      hashed[key] = spanish;
    }
    return { code: `export default ${JSON.stringify(hashed)};\n`, map: { mappings: '' } };
  },
};

export default {
  input: {
    'maig-widgets': 'src/maig-widgets.ts',
    'maig-widgets-all': 'src/maig-widgets-all.ts',
    ...Object.fromEntries(elements.map((name) => [`elements/maig-${name}`, `src/${name}/define.ts`])),
    // The staff console (served at /staff/ by server/staff/room.mjs), not part of the library.
    'staff/console': 'src/staff/console.ts',
  },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    // A Spanish catalog chunk is named for its widget (catalog-es-member-count-…, catalog-es-shared-…).
    chunkFileNames: (chunk) => {
      const catalog = /\/src\/([\w-]+)\/(?:i18n\/)?catalog-es\.ts$/.exec((chunk.facadeModuleId ?? '').replace(/\\/g, '/'));
      return catalog ? `chunks/catalog-es-${catalog[1]}-[hash].js` : 'chunks/[name]-[hash].js';
    },
    sourcemap: true,
    // Only the modules named here go to the core chunk (not everything they import).
    onlyExplicitManualChunks: true,
    manualChunks(id) {
      // The loader's own copies stay in the loader.
      if (id.startsWith(LOADER_COPY)) return undefined;
      // The feed client resolves the default feed as ../feed/v1/ from its own URL, so it must
      // live one folder below dist/ (in chunks/) whatever entry pulls it in. The Trusted Types
      // guard (src/shared/trusted-types.ts) is in core too: it must run before Lit creates its policy.
      // The prototype-free @property wrapper imports Lit's decorators: it goes with them, or the core
      // chunk would import the decorators chunk, which imports core (a cycle that fails on a page
      // whose first chunk is core: "Cannot access … before initialization").
      if (/\/src\/shared\/base\/property\.ts$/.test(id)) return 'decorators';
      if (/\/src\/shared\/(base|feed|format|net|styles)\//.test(id) || /\/src\/shared\/i18n\/i18n\.ts$/.test(id) || /\/src\/shared\/(define-element|version|trusted-types)\.ts$/.test(id)) return 'core';
      // The shared rules i18n.ts reads (the Spanish rule, the catalog key) go with it.
      if (/\/src\/common\/(lang|catalog-key)\.js$/.test(id)) return 'core';
      if (LIT_CORE.test(id)) return 'core';
      if (/\/node_modules\/(tslib\/|@lit\/reactive-element\/decorators|lit\/decorators)/.test(id)) return 'decorators';
      return undefined;
    },
  },
  plugins: [
    copiesForLoader,
    nodeResolve(),
    typescript({ tsconfig: './tsconfig.json', compilerOptions: { declaration: false, outDir: 'dist', sourceMap: true, types: [] }, include: ['src/**/*.ts'] }),
    minifyStyleModules,
    hashCatalogKeys,
    // The loader's on-demand import() keeps its bundler hints (webpackIgnore, @vite-ignore).
    terser({ format: { comments: /webpackIgnore|@vite-ignore/ }, compress: { passes: 2 }, module: true }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
