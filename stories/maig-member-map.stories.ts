import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/member-map/define.js';
import { BROKEN_FEED, FEED, MISSING_FEED, darkPage, fallback, feedArgType, loadingStory, narrow, langArgType, themeArgType, type Theme } from './support.js';

interface Args {
  feed?: string;
  state?: string;
  highlight?: string;
  'heading-level'?: number;
  theme?: Theme;
  lang?: string;
}

const meta = {
  title: 'maig-member-map',
  component: 'maig-member-map',
  render: (args) => html`<maig-member-map
    feed=${ifDefined(args.feed)}
    state=${ifDefined(args.state || undefined)}
    highlight=${ifDefined(args.highlight || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
    theme=${ifDefined(args.theme)}
    lang=${ifDefined(args.lang)}
    >${fallback}</maig-member-map
  >`,
  args: { feed: FEED },
  argTypes: {
    feed: feedArgType,
    state: {
      control: 'text',
      description: 'Opens zoomed on a state or territory (USPS code such as `PA`, or its name).',
      table: { category: 'attributes' },
    },
    highlight: {
      control: 'text',
      description: 'Marks one member city, e.g. `Baltimore, MD`, and names it in the caption.',
      table: { category: 'attributes' },
    },
    'heading-level': {
      control: { type: 'number', min: 1, max: 6, step: 1 },
      description: "Level (1-6) of the zoomed state's panel heading. Default 3.",
      table: { category: 'attributes' },
    },
    theme: themeArgType,
    lang: langArgType,
  },
  parameters: {
    docs: {
      description: {
        component:
          'Every member city on a US map with the territories in insets, drawn from geometry projected at feed-build time: no tile server, no mapping library. A list of states and cities is always there as the accessible alternative.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The real default feed: 548 member cities, Baltimore highlighted. */
export const Default: Story = { args: { highlight: 'Baltimore, MD' } };

/** Opened on Pennsylvania; its panel heading at level 2 (`heading-level="2"`). */
export const OneState: Story = { args: { state: 'PA', 'heading-level': 2 } };

/** The feed never answers: the loading placeholder keeps the map's shape. */
export const Loading: Story = loadingStory;

/** A feed that lists no member city yet (stories/feeds/no-members). */
export const Empty: Story = { args: { feed: './story-feeds/no-members/index.json' } };

/** The feed is not there (404). */
export const ErrorNotFound: Story = { name: 'Error: feed not found', args: { feed: MISSING_FEED } };

/** The feed is not valid JSON. */
export const ErrorBrokenFeed: Story = { name: 'Error: broken feed', args: { feed: BROKEN_FEED } };

/** A feed without map geometry (stories/feeds/no-map): the map says so. */
export const ErrorNoGeometry: Story = { name: 'Error: no map geometry', args: { feed: './story-feeds/no-map/index.json' } };

/** `theme="dark"` on a dark page, opened on Puerto Rico. */
export const Dark: Story = { args: { theme: 'dark', state: 'PR' }, globals: darkPage };

/** In a 320 px column. */
export const Narrow: Story = { args: { highlight: 'Saipan, MP' }, decorators: [narrow] };

/** On a Spanish page (`lang="es"`): every word in Spanish. */
export const Spanish: Story = { args: { lang: 'es' } };
