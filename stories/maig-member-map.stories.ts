import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/member-map/define.js';
import { BROKEN_FEED, FEED, MISSING_FEED, darkPage, loadingStory, narrow, renderElement } from './support.js';

const meta = {
  title: 'maig-member-map',
  component: 'maig-member-map',
  render: renderElement('maig-member-map'),
  args: { feed: FEED },
} satisfies Meta;

export default meta;
type Story = StoryObj;

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
