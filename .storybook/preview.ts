import type { Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import './preview.css';

/** Every `maig-…` event the widgets document, from custom-elements.json (set by main.ts). */
declare const __MAIG_WIDGET_EVENTS__: string[];

// No Docs pages: they need @storybook/addon-docs (not installed). Each attribute's description is
// in the Controls panel; the `docs.description` parameters in the stories are ready for it.
const preview: Preview = {
  decorators: [withActions],
  parameters: {
    layout: 'padded',
    // The custom events every element may fire show up in the Actions panel.
    actions: {
      handles: __MAIG_WIDGET_EVENTS__,
    },
    backgrounds: {
      options: {
        light: { name: 'Light', value: '#ffffff' },
        dark: { name: 'Dark', value: '#121212' },
      },
    },
    controls: { expanded: true },
  },
  initialGlobals: {
    backgrounds: { value: 'light' },
  },
};

export default preview;
