// Builds, into dist/:
// - maig-widgets.js: the loader (the README's one script tag). It imports only the widgets a page
//   uses, from elements/ next to itself; it shares no code with them (no Lit), so it stays small.
// - elements/maig-<name>.js: one element each, registered on import.
// - maig-widgets-all.js: every element at once plus the loader's mounting, for bundlers.
// - chunks/core-*.js: what every element needs (Lit, @lit/task, the feed client, the base element
//   and styles), in one file so a one-widget page makes few requests. Code only some widgets use
//   (Lit's decorators, directives, chart.js) stays with them or in chunks of its own, so a page
//   with only a member count loads the loader, its entry and the core chunk, and nothing else.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const elements = readdirSync('src', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(`src/${d.name}/define.ts`))
  .map((d) => d.name);

/** Lit modules every element uses; decorators and directives are left to the elements that import them. */
const LIT_CORE = /\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/task)\/(?!.*(decorators|directive))/;

/**
 * The loader reads the library's version too, but importing src/shared/version.ts would tie it
 * to the core chunk. It gets its own copy of that one-line module (same source, same value).
 */
const versionCopyForLoader = {
  name: 'maig-version-copy-for-loader',
  resolveId(source, importer) {
    if (importer?.includes('/src/shared/mount/') && source.endsWith('/version.js')) return '\0maig-version';
    // The reserved-room table too: the member count reads it for its loading state, and a shared
    // chunk would cost a page with only the member count one more request.
    if (importer?.includes('/src/shared/mount/mount.ts') && source === './reserved.js') return '\0maig-reserved';
    return null;
  },
  load(id) {
    if (id === '\0maig-reserved') return readFileSync('src/shared/mount/reserved.js', 'utf8');
    return id === '\0maig-version' ? readFileSync('src/shared/version.ts', 'utf8') : null;
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

/** Same hash as `catalogKey` in src/shared/i18n/i18n.ts (a node test checks they agree). */
export function catalogKey(source) {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

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
      // The feed client resolves the default feed as ../feed/v1/ from its own URL, so it must
      // live one folder below dist/ (in chunks/) whatever entry pulls it in. The Trusted Types
      // guard (src/shared/trusted-types.ts) is in core too: it must run before Lit creates its policy.
      if (/\/src\/shared\/(base|feed|format|net|styles)\//.test(id) || /\/src\/shared\/i18n\/i18n\.ts$/.test(id) || /\/src\/shared\/(define-element|version|trusted-types)\.ts$/.test(id)) return 'core';
      if (LIT_CORE.test(id)) return 'core';
      if (/\/node_modules\/(tslib\/|@lit\/reactive-element\/decorators|lit\/decorators)/.test(id)) return 'decorators';
      return undefined;
    },
  },
  plugins: [
    versionCopyForLoader,
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
