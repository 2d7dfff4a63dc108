import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import '../src/join-form/define.js';
import type { MaigJoinForm } from '../src/join-form/maig-join-form.js';
import { FEED, darkPage, narrow, neverAnswers, renderElement } from './support.js';

/**
 * Storybook has no receiver: this address answers 404 in `storybook dev` and on most static
 * hosts (some answer 405, or 501 for any POST), so sending ends in the form's "not sent" state.
 * The reference receiver is `npm start` (server/receiver.mjs, `endpoint="/join"`).
 */
const NO_RECEIVER = './story-endpoints/join';

const meta = {
  title: 'maig-join-form',
  component: 'maig-join-form',
  render: renderElement(
    'maig-join-form',
    html`<p>You can also join on <a href="https://www.mayorsagainstillegalguns.org/#join">the coalition's site</a>.</p>`,
  ),
  args: { endpoint: NO_RECEIVER, feed: FEED, 'form-encoded': false },
} satisfies Meta;

export default meta;
type Story = StoryObj;

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
