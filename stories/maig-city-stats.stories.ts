import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/city-stats/define.js';
import { BROKEN_FEED, FEED, MISSING_FEED, darkPage, loadingStory, narrow, renderElement } from './support.js';

const meta = {
  title: 'maig-city-stats',
  component: 'maig-city-stats',
  render: renderElement('maig-city-stats'),
  args: { feed: FEED, state: 'MD', city: 'Baltimore', 'show-national': false, 'heading-level': 2 },
} satisfies Meta;

export default meta;
type Story = StoryObj;

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
