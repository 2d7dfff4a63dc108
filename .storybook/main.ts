import type { StorybookConfig } from '@storybook/web-components-vite';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WIDGET_NAMES, tagName } from '../src/common/widgets.js';

interface Declaration {
  kind?: string;
  name?: string;
  tagName?: string;
  events?: Array<{ name?: string }>;
}

/** custom-elements.json: dist/, as `npm run build` writes it, or analyzed now when there is none. */
function readManifest(): { modules: Array<{ declarations?: Declaration[] }> } {
  let file = 'dist/custom-elements.json';
  let temp: string | undefined;
  if (!existsSync(file)) {
    temp = mkdtempSync(join(tmpdir(), 'maig-manifest-'));
    execFileSync('node_modules/.bin/cem', ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--exclude', 'src/staff/**', '--outdir', temp, '--quiet'], { stdio: 'ignore' });
    file = join(temp, 'custom-elements.json');
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  if (temp) rmSync(temp, { recursive: true, force: true });
  return manifest;
}

/**
 * The custom events every widget of the registry (src/common/widgets.js) documents (`@fires`), for
 * the Actions panel, so a new widget's events show up without a list to keep.
 */
function widgetEvents(manifest: ReturnType<typeof readManifest>): string[] {
  const tags = new Set(WIDGET_NAMES.map(tagName));
  const events = new Set<string>();
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    // A class without @tag still names its element: MaigMemberMap -> maig-member-map.
    const tag = d.tagName ?? (d.name ?? '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    if (d.kind === 'class' && tags.has(tag)) for (const e of d.events ?? []) if (e.name) events.add(e.name);
  }
  return [...events].sort();
}

// Stories import the elements from src/ (TypeScript, legacy decorators from tsconfig.json);
// Storybook's Vite compiles them without extra plugins.
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  staticDirs: [
    // The real default feed, built by `npm run feed`: stories read it at ./feed/v1/index.json.
    { from: '../dist/feed', to: '/feed' },
    // Story-only feeds that show an error state (e.g. a feed that is not valid JSON).
    { from: '../stories/feeds', to: '/story-feeds' },
  ],
  viteFinal: (vite) => {
    const manifest = readManifest();
    return {
    ...vite,
    // The manifest gives every control (preview.ts, setCustomElementsManifest) and the Actions panel's events.
    define: { ...vite.define, __MAIG_MANIFEST__: JSON.stringify(manifest), __MAIG_WIDGET_EVENTS__: JSON.stringify(widgetEvents(manifest)) },
    // Storybook's web-components renderer imports lit/directive-helpers.js; pre-bundled with the
    // rest of lit, or `storybook dev` loads a second copy of lit-html ("Multiple versions of Lit").
    optimizeDeps: { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'] },
    // Storybook's own preview runtime is one ~900 kB chunk; that is expected, not a warning sign.
    build: { ...vite.build, chunkSizeWarningLimit: 1500 },
    };
  },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
};

export default config;
