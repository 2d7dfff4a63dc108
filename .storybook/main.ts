import type { StorybookConfig } from '@storybook/web-components-vite';

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
  viteFinal: (vite) => ({
    ...vite,
    // Storybook's web-components renderer imports lit/directive-helpers.js; pre-bundled with the
    // rest of lit, or `storybook dev` loads a second copy of lit-html ("Multiple versions of Lit").
    optimizeDeps: { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'] },
    // Storybook's own preview runtime is one ~900 kB chunk; that is expected, not a warning sign.
    build: { ...vite.build, chunkSizeWarningLimit: 1500 },
  }),
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
};

export default config;
