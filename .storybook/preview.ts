import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer, StrictInputType } from 'storybook/internal/types';
import { withActions } from 'storybook/actions/decorator';
import './preview.css';

/** dist/custom-elements.json (set by main.ts): every element's attributes, events, CSS properties, parts, slots. */
declare const __MAIG_MANIFEST__: unknown;
/** Every `maig-…` event the widgets document, from the same manifest (set by main.ts). */
declare const __MAIG_WIDGET_EVENTS__: string[];

interface Named {
  name: string;
}
interface Manifest {
  modules: Array<{ declarations?: Array<{ slots?: Named[]; cssParts?: Named[] }> }>;
}

/**
 * Storybook keys every argType by name, so a slot or a part named like an attribute (the join
 * form's `heading`) would hide that attribute's control: they are shown as `slot: …` and `::part(…)`.
 */
function withDistinctNames(manifest: Manifest): Manifest {
  const copy = structuredClone(manifest);
  for (const d of copy.modules.flatMap((m) => m.declarations ?? [])) {
    for (const slot of d.slots ?? []) slot.name = `slot: ${slot.name || '(default)'}`;
    for (const part of d.cssParts ?? []) part.name = `::part(${part.name})`;
  }
  return copy;
}

// Each story's argTypes (the Controls panel) come from the manifest through its `component` tag:
// nothing in stories/ restates an attribute.
setCustomElementsManifest(withDistinctNames(__MAIG_MANIFEST__ as Manifest));

/**
 * A control for each attribute, from the type its JSDoc gives: `boolean` a checkbox, `number` a
 * number, a union of string literals a radio, anything else text. A property that is only an
 * attribute's other name is left out of the table (the attribute row has its description).
 */
const attributeControls: ArgTypesEnhancer = ({ argTypes }) => {
  const attributes = Object.values(argTypes).filter((t) => t.table?.category === 'attributes');
  const out: Record<string, StrictInputType> = {};
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    if (category === 'properties' && attributes.some((a) => a.name === name || camel(a.name) === name)) {
      out[name] = { ...argType, table: { ...argType.table, disable: true } };
      continue;
    }
    if (category !== 'attributes') {
      out[name] = argType;
      continue;
    }
    const text = String(argType.table?.type?.summary ?? '').replace(/\s*\|\s*(null|undefined)\b/g, '').trim();
    const literals = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    const control =
      text === 'boolean'
        ? { type: 'boolean' as const }
        : text === 'number'
          ? { type: 'number' as const }
          : literals.length && text.split('|').every((part) => /^\s*'[^']*'\s*$/.test(part))
            ? { type: 'inline-radio' as const }
            : { type: 'text' as const };
    out[name] = { ...argType, control, ...(control.type === 'inline-radio' ? { options: literals } : {}) };
  }
  return out;
};
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

// No Docs pages: they need @storybook/addon-docs (not installed). Each attribute's description is
// in the Controls panel.
const preview: Preview = {
  decorators: [withActions],
  argTypesEnhancers: [attributeControls],
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
