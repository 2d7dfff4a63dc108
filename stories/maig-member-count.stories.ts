import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/member-count/define.js';
import { BROKEN_FEED, FEED, MISSING_FEED, darkPage, loadingStory, narrow, renderElement } from './support.js';

const meta = {
  title: 'maig-member-count',
  component: 'maig-member-count',
  render: renderElement('maig-member-count'),
  args: { feed: FEED, 'hide-claim': false },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The real default feed (dist/feed, built by `npm run feed`). */
export const Default: Story = {};

/** One state: the count of New Jersey's member cities. */
export const OneState: Story = { args: { state: 'NJ' } };

/** The feed never answers: the loading placeholder (a status line for screen readers). */
export const Loading: Story = loadingStory;

/** Wyoming has no member city in the feed: the empty state. */
export const Empty: Story = { args: { state: 'WY' } };

/** The feed is not there (404): the error state, "Try again", and the fallback content. */
export const ErrorNotFound: Story = { name: 'Error: feed not found', args: { feed: MISSING_FEED } };

/** The feed is not valid JSON. */
export const ErrorBrokenFeed: Story = { name: 'Error: broken feed', args: { feed: BROKEN_FEED } };

/** An unknown state is a mistake of the page's author: an error that says how to fix it. */
export const ErrorUnknownState: Story = { name: 'Error: unknown state', args: { state: 'Atlantis' } };

/** `theme="dark"` on a dark page. */
export const Dark: Story = { args: { theme: 'dark', state: 'MD' }, globals: darkPage };

/** In a 320 px column. */
export const Narrow: Story = { args: { state: 'NJ' }, decorators: [narrow] };

/** On a Spanish page (`lang="es"`): every word in Spanish. */
export const Spanish: Story = { args: { lang: 'es' } };
