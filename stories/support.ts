/**
 * What the stories share: where the feeds are, a story-only "never answers" network, and the
 * narrow frame. Nothing here is shipped; the elements are imported from src/ as they are.
 */
import { html } from 'lit';
import type { Decorator } from '@storybook/web-components-vite';
import { clearFeedCache, configureFeed } from '../src/shared/feed/client.js';

/**
 * The real default feed, built by `npm run feed` into dist/feed and served by Storybook at
 * /feed (see `staticDirs` in .storybook/main.ts). Relative, so it works in `storybook dev` and
 * in the static build wherever it is hosted.
 */
export const FEED = './feed/v1/index.json';

/** A feed that does not exist: the server answers 404. */
export const MISSING_FEED = './feed/missing/index.json';

/** A feed whose index.json is not valid JSON (stories/feeds/broken/index.json). */
export const BROKEN_FEED = './story-feeds/broken/index.json';

/** A feed that never answers: requests to it are held by {@link neverAnswers}. */
export const HANGING_FEED = './story-feeds/never-answers/index.json';

/** The feed client's own timeout, restored after a story that raises it. */
const FEED_TIMEOUT_MS = 10_000;

/**
 * A story's `beforeEach`: while the story is shown, requests whose path contains `pathPart` get
 * no answer (the request stays pending until its own timeout aborts it), so the loading state
 * stays on screen. Every other request goes to the network. The feed client's 10 s timeout is
 * raised for that story only. The cleanup puts `fetch` and the timeout back and forgets what
 * the feed client cached.
 */
export function neverAnswers(pathPart: string): () => () => void {
  return () => {
    const realFetch = window.fetch;
    const held: typeof window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
      if (!url.pathname.includes(pathPart)) return realFetch.call(window, input, init);
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('The request was aborted.', 'AbortError')));
      });
    };
    window.fetch = held;
    configureFeed({ timeoutMs: 24 * 60 * 60 * 1000 });
    return () => {
      if (window.fetch === held) window.fetch = realFetch;
      configureFeed({ timeoutMs: FEED_TIMEOUT_MS });
      clearFeedCache();
    };
  };
}

/** Shows the story in a 320 px column (a city site's sidebar, a small phone). */
export const narrow: Decorator = (story) => html`<div class="sb-narrow">${story()}</div>`;

/** `globals` of a dark-theme story: a dark page behind the widget. */
export const darkPage = { backgrounds: { value: 'dark' } };

/** Fallback content for the default slot, as the README advises webmasters to write it. */
export const fallback = html`<p>
  See the coalition's work at <a href="https://www.mayorsagainstillegalguns.org/">mayorsagainstillegalguns.org</a>.
</p>`;

/** argTypes shared by every element: `feed` and `theme` (MaigElement). */
export const feedArgType = {
  control: 'text',
  description: 'URL of the data feed (index.json or its folder). Stories pass the built default feed explicitly.',
  table: { category: 'attributes' },
} as const;

export const langArgType = {
  control: 'inline-radio',
  options: ['en', 'es', 'es-PR'],
  description: 'The widget\'s language: its own `lang`, else the nearest ancestor\'s, else the document\'s. `es`, `es-US`, `es-PR`… give Spanish, anything else English; numbers and dates follow it.',
  table: { category: 'attributes' },
} as const;

export const themeArgType = {
  control: 'inline-radio',
  options: ['auto', 'light', 'dark'],
  description: '`light` or `dark` to force a color scheme; unset (or `auto`) follows the reader\'s system.',
  table: { category: 'attributes' },
} as const;

export type Theme = 'light' | 'dark' | 'auto';

/**
 * The loading story every element has: its feed never answers (see {@link neverAnswers}), so
 * the loading state stays on screen.
 */
export const loadingStory = {
  args: { feed: HANGING_FEED },
  beforeEach: neverAnswers('/story-feeds/never-answers/'),
  parameters: {
    docs: {
      description: {
        story:
          "Requests to this story's feed are held without an answer (a story-only `fetch` stub, removed when you leave the story), and the feed client's 10 s timeout is raised for this story only, so the loading state stays.",
      },
    },
  },
};
