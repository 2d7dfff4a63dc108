import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/city-stats/define.js';
import { BROKEN_FEED, FEED, MISSING_FEED, darkPage, fallback, feedArgType, loadingStory, narrow, langArgType, themeArgType, type Theme } from './support.js';

interface Args {
  feed?: string;
  state?: string;
  city?: string;
  'show-national'?: boolean;
  'heading-level'?: number;
  theme?: Theme;
  lang?: string;
}

const meta = {
  title: 'maig-city-stats',
  component: 'maig-city-stats',
  render: (args) => html`<maig-city-stats
    feed=${ifDefined(args.feed)}
    state=${ifDefined(args.state || undefined)}
    city=${ifDefined(args.city || undefined)}
    ?show-national=${args['show-national']}
    heading-level=${ifDefined(args['heading-level'])}
    theme=${ifDefined(args.theme)}
    lang=${ifDefined(args.lang)}
    >${fallback}</maig-city-stats
  >`,
  args: { feed: FEED, state: 'MD', city: 'Baltimore', 'show-national': false, 'heading-level': 2 },
  argTypes: {
    feed: feedArgType,
    state: {
      control: 'text',
      description: 'USPS code of the state, DC or territory (e.g. `MD`). Without it only national figures are shown.',
      table: { category: 'attributes' },
    },
    city: {
      control: 'text',
      description: 'A member city of that state (e.g. `Baltimore`); leave it out for a state card.',
      table: { category: 'attributes' },
    },
    'show-national': {
      control: 'boolean',
      description: 'Show the US series on the chart from the start.',
      table: { category: 'attributes' },
    },
    'heading-level': {
      control: { type: 'number', min: 2, max: 5, step: 1 },
      description: "Level (2-5) of the card's heading; its sections use the next level. Default 2.",
      table: { category: 'attributes' },
    },
    theme: themeArgType,
    lang: langArgType,
  },
  parameters: {
    docs: {
      description: {
        component:
          "Gun-violence figures for a member city, its state and the nation, each with its year and source (CDC/NCHS, CDC WISQARS, Gun Violence Archive). The trend chart (chart.js) is loaded only when the card scrolls into view; \"Show as table\" gives every charted figure as a table.",
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Baltimore, Maryland, from the real default feed (dist/feed, built by `npm run feed`). */
export const Default: Story = {};

/** A state card with the US series on the chart. */
export const StateWithNational: Story = { name: 'State, with the US series', args: { state: 'CA', city: '', 'show-national': true } };

/** Only national figures: no state given. */
export const National: Story = { args: { state: '', city: '' } };

/** The feed never answers: the loading placeholder (the card keeps its space). */
export const Loading: Story = loadingStory;

/** Guam: CDC/NCHS publishes no state figures for it in the feed's source, so the card says so and shows national figures. */
export const EmptyNoStateFigures: Story = { name: 'Empty: no state figures (Guam)', args: { state: 'GU', city: '' } };

/** A city that is not a member in that state: no city figures, said in words; state and national figures stay. */
export const EmptyUnknownCity: Story = { name: 'Empty: city not in the feed', args: { state: 'MD', city: 'Springfield' } };

/** The feed is not there (404): the error state, "Try again", and the fallback content. */
export const ErrorNotFound: Story = { name: 'Error: feed not found', args: { feed: MISSING_FEED } };

/** The feed is not valid JSON. */
export const ErrorBrokenFeed: Story = { name: 'Error: broken feed', args: { feed: BROKEN_FEED } };

/** `theme="dark"` on a dark page. */
export const Dark: Story = { args: { theme: 'dark', 'show-national': true }, globals: darkPage };

/** In a 320 px column. */
export const Narrow: Story = { decorators: [narrow] };

/** On a Spanish page (`lang="es"`): every word in Spanish. */
export const Spanish: Story = { args: { lang: 'es' } };
