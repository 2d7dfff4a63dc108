// Builds dist/maig-widgets.js (every element) and dist/elements/<name>.js (one element each).
// Shared code (Lit, the feed client, base styles) lands in dist/chunks/, so a page that uses one
// widget downloads that widget and Lit once, and two entries on one page share their chunks.
import { readdirSync, existsSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const elements = readdirSync('src', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(`src/${d.name}/define.ts`))
  .map((d) => d.name);

export default {
  input: {
    'maig-widgets': 'src/maig-widgets.ts',
    ...Object.fromEntries(elements.map((name) => [`elements/maig-${name}`, `src/${name}/define.ts`])),
  },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    manualChunks(id) {
      // The feed client resolves the default feed as ../feed/v1/ from its own URL, so it must
      // live one folder below dist/ whatever entry pulls it in.
      if (id.includes('/src/shared/feed/')) return 'feed-client';
      // The Trusted Types guard must run before Lit creates its policy: it leads Lit's chunk.
      if (id.includes('/src/shared/trusted-types.')) return 'lit';
      if (id.includes('/node_modules/lit') || id.includes('/node_modules/@lit/')) return 'lit';
      return undefined;
    },
  },
  plugins: [
    nodeResolve(),
    typescript({ tsconfig: './tsconfig.json', compilerOptions: { declaration: false, outDir: 'dist', sourceMap: true, types: [] }, include: ['src/**/*.ts'] }),
    terser({ format: { comments: false }, compress: { passes: 2 }, module: true }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
