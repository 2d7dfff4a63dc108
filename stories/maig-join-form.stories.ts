import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import '../src/join-form/define.js';
import type { MaigJoinForm } from '../src/join-form/maig-join-form.js';
import { FEED, darkPage, feedArgType, narrow, neverAnswers, langArgType, themeArgType, type Theme } from './support.js';

interface Args {
  endpoint?: string;
  'form-encoded'?: boolean;
  persist?: 'session' | 'local' | 'none';
  city?: string;
  state?: string;
  heading?: string;
  'heading-level'?: number;
  timeout?: number;
  retries?: number;
  'retry-delay'?: number;
  'min-fill-ms'?: number;
  feed?: string;
  theme?: Theme;
  lang?: string;
}

/**
 * Storybook has no receiver: this address answers 404 in `storybook dev` and on most static
 * hosts (some answer 405, or 501 for any POST), so sending ends in the form's "not sent" state.
 * The reference receiver is `npm start` (server/receiver.mjs, `endpoint="/join"`).
 */
const NO_RECEIVER = './story-endpoints/join';

const attributes = { category: 'attributes' } as const;

const meta = {
  title: 'maig-join-form',
  component: 'maig-join-form',
  render: (args) => html`<maig-join-form
    endpoint=${ifDefined(args.endpoint || undefined)}
    ?form-encoded=${args['form-encoded']}
    persist=${ifDefined(args.persist)}
    city=${ifDefined(args.city || undefined)}
    state=${ifDefined(args.state || undefined)}
    heading=${ifDefined(args.heading || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
    timeout=${ifDefined(args.timeout)}
    retries=${ifDefined(args.retries)}
    retry-delay=${ifDefined(args['retry-delay'])}
    min-fill-ms=${ifDefined(args['min-fill-ms'])}
    feed=${ifDefined(args.feed)}
    theme=${ifDefined(args.theme)}
    lang=${ifDefined(args.lang)}
    ><p>You can also join on <a href="https://www.mayorsagainstillegalguns.org/#join">the coalition's site</a>.</p></maig-join-form
  >`,
  args: { endpoint: NO_RECEIVER, feed: FEED, 'form-encoded': false },
  argTypes: {
    endpoint: {
      control: 'text',
      description:
        'URL the form posts to (required; e.g. `/join` on the reference receiver, `npm start`). In Storybook there is no receiver: the default here answers 404 (or the static host\'s refusal).',
      table: attributes,
    },
    'form-encoded': {
      control: 'boolean',
      description: 'Post `application/x-www-form-urlencoded` instead of JSON (the idempotency key goes in the body only, so no CORS preflight).',
      table: attributes,
    },
    persist: {
      control: 'inline-radio',
      options: ['session', 'local', 'none'],
      description: 'Where the draft is kept: `session` (default, this tab), `local` (survives closing the browser) or `none`.',
      table: attributes,
    },
    city: { control: 'text', description: "Prefills the city (for a city's own site).", table: attributes },
    state: {
      control: 'text',
      description: 'Prefills the state or territory: a USPS code (`NJ`) or a name (`New Jersey`).',
      table: attributes,
    },
    heading: { control: 'text', description: 'The form\'s heading text. Default "Join Mayors Against Illegal Guns".', table: attributes },
    'heading-level': {
      control: { type: 'number', min: 0, max: 6, step: 1 },
      description: 'Level (1-6) of the heading; `0` hides it. Default 2.',
      table: attributes,
    },
    timeout: { control: { type: 'number', min: 0 }, description: 'Milliseconds before one try is given up. Default 15000.', table: attributes },
    retries: {
      control: { type: 'number', min: 0, max: 10 },
      description: 'Automatic retries after a network error, a timeout or a 5xx. Default 3.',
      table: attributes,
    },
    'retry-delay': {
      control: { type: 'number', min: 0 },
      description: 'Milliseconds before the first retry; doubles after each. Default 1000.',
      table: attributes,
    },
    'min-fill-ms': {
      control: { type: 'number', min: 0 },
      description:
        'The form waits until it has been open this long before sending (spam check; the reference receiver requires 3000). Default 3000.',
      table: attributes,
    },
    feed: { ...feedArgType, description: 'URL of the data feed: the Statement of Principles and the coalition\'s join page come from it.' },
    theme: themeArgType,
    lang: langArgType,
  },
  parameters: {
    docs: {
      description: {
        component:
          'The form a mayor\'s office fills to join the coalition by signing its Statement of Principles. It needs a receiver in `endpoint`: Storybook has none (its addresses answer 404), so sending here ends in the "not sent" state; run `npm start` for the reference receiver at `/join`.',
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Answers a person could give (no real person), then the send button. */
async function fillAndSend(canvasElement: HTMLElement): Promise<void> {
  const form = canvasElement.querySelector<MaigJoinForm>('maig-join-form')!;
  await form.updateComplete;
  const root = form.shadowRoot!;
  const get = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  await userEvent.type(get('#f-name'), 'Pat Example');
  await userEvent.click(get('#f-role-staff'));
  await userEvent.type(get('#f-city'), 'Newark');
  await userEvent.selectOptions(get<HTMLSelectElement>('#f-state'), 'NJ');
  await userEvent.type(get('#f-email'), 'pat@example.org');
  await userEvent.click(get('#f-consent'));
  await userEvent.click(get('button[type="submit"]'));
}

/** The form with an endpoint that has no receiver in Storybook (it answers 404 when sent). */
export const Default: Story = {};

/** On a city's own site: city and state prefilled. */
export const Prefilled: Story = { args: { city: 'Newark', state: 'NJ' } };

/**
 * The receiver never answers: "Sending…" (the form's loading state). The answers are typed by
 * the story's play function; requests to this endpoint are held by a story-only `fetch` stub.
 */
export const Sending: Story = {
  name: 'Loading: sending',
  args: { endpoint: './story-endpoints/never-answers', persist: 'none', 'min-fill-ms': 0, timeout: 600_000 },
  beforeEach: neverAnswers('/story-endpoints/never-answers'),
  play: async ({ canvasElement }) => fillAndSend(canvasElement),
};

/** No `endpoint`: the form cannot send, says so, and shows the fallback content (its empty state). */
export const EmptyNoEndpoint: Story = { name: 'Empty: no endpoint', args: { endpoint: '' } };

/** Send with nothing filled in: the error summary takes focus and every field says what to fix. */
export const ErrorInvalidAnswers: Story = {
  name: 'Error: answers to fix',
  args: { persist: 'none' },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector<MaigJoinForm>('maig-join-form')!;
    await form.updateComplete;
    await userEvent.click(form.shadowRoot!.querySelector<HTMLElement>('button[type="submit"]')!);
  },
};

/**
 * Valid answers sent to an address with no receiver: a 404 (or 405) is not retried (a 5xx is,
 * `retries` times), then the form says it was not sent, keeps the answers, and offers "Try again"
 * and the fallback content.
 */
export const ErrorNotSent: Story = {
  name: 'Error: not sent',
  args: { persist: 'none', 'min-fill-ms': 0 },
  play: async ({ canvasElement }) => fillAndSend(canvasElement),
};

/** `theme="dark"` on a dark page. */
export const Dark: Story = { args: { theme: 'dark' }, globals: darkPage };

/** In a 320 px column. */
export const Narrow: Story = { decorators: [narrow] };

/** On a Spanish page (`lang="es"`): every word in Spanish. */
export const Spanish: Story = { args: { lang: 'es' } };
