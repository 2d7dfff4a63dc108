import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/principles/define.js';
import { BROKEN_FEED, FEED, MISSING_FEED, darkPage, fallback, feedArgType, loadingStory, narrow, langArgType, themeArgType, type Theme } from './support.js';

interface Args {
  feed?: string;
  version?: string;
  open?: boolean;
  /** `undefined`: no attribute (no link); `''`: the feed's join address; a URL: that address. */
  join?: string;
  'heading-level'?: number;
  theme?: Theme;
  lang?: string;
}

const meta = {
  title: 'maig-principles',
  component: 'maig-principles',
  render: (args) => html`<maig-principles
    feed=${ifDefined(args.feed)}
    version=${ifDefined(args.version || undefined)}
    ?open=${args.open}
    join=${ifDefined(args.join)}
    heading-level=${ifDefined(args['heading-level'])}
    theme=${ifDefined(args.theme)}
    lang=${ifDefined(args.lang)}
    >${fallback}</maig-principles
  >`,
  args: { feed: FEED, open: false, 'heading-level': 2 },
  argTypes: {
    feed: feedArgType,
    version: {
      control: 'select',
      options: ['current', 'earlier'],
      description: "Id of the version to show (`current`, `earlier`); the feed's default when absent.",
      table: { category: 'attributes' },
    },
    open: {
      control: 'boolean',
      description: 'Show every principle expanded.',
      table: { category: 'attributes' },
    },
    join: {
      control: 'text',
      description: "Show a link to join the coalition: empty for the feed's join address, or a URL. Unset: no link.",
      table: { category: 'attributes' },
    },
    'heading-level': {
      control: { type: 'number', min: 0, max: 6, step: 1 },
      description: "Level (2-6) of the statement's heading; `0` hides the heading.",
      table: { category: 'attributes' },
    },
    theme: themeArgType,
    lang: langArgType,
  },
  parameters: {
    docs: {
      description: {
        component:
          "The coalition's Statement of Principles: the \"Whereas\" preamble, then each principle's title as a disclosure button that shows its body. Expand all / collapse all; printing shows everything; `#<principle-id>` in the page's URL opens that principle.",
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

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
