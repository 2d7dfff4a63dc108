import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/principles/define.js';
import { BROKEN_FEED, FEED, MISSING_FEED, darkPage, fallback, loadingStory, narrow, renderElement } from './support.js';

const meta = {
  title: 'maig-principles',
  component: 'maig-principles',
  render: renderElement('maig-principles', fallback, ['join']),
  args: { feed: FEED, open: false, 'heading-level': 2 },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The real default feed (dist/feed, built by `npm run feed`), with the link to join. */
export const Default: Story = { args: { join: '' } };

/** The earlier wording, every principle open, under an h4. */
export const EarlierOpen: Story = { name: 'Earlier wording, open', args: { version: 'earlier', open: true, 'heading-level': 4 } };

/** The feed never answers: the loading placeholder. */
export const Loading: Story = loadingStory;

/**
 * This element has no empty state: every version in the feed has its text, and asking for a
 * version the feed does not have is the page author's mistake, shown as an error that names the
 * versions there are.
 */
export const EmptyUnknownVersion: Story = { name: 'Empty: unknown version', args: { version: '1999' } };

/** The feed is not there (404): the error state, "Try again", and the fallback content. */
export const ErrorNotFound: Story = { name: 'Error: feed not found', args: { feed: MISSING_FEED } };

/** The feed is not valid JSON. */
export const ErrorBrokenFeed: Story = { name: 'Error: broken feed', args: { feed: BROKEN_FEED } };

/** `theme="dark"` on a dark page. */
export const Dark: Story = { args: { theme: 'dark', join: '' }, globals: darkPage };

/** In a 320 px column. */
export const Narrow: Story = { args: { join: '' }, decorators: [narrow] };

/** On a Spanish page (`lang="es"`): every word in Spanish. */
export const Spanish: Story = { args: { lang: 'es' } };
