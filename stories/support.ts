/**
 * What the stories share: where the feeds are, a story-only "never answers" network, and the
 * narrow frame. Nothing here is shipped; the elements are imported from src/ as they are.
 */
import { html, render, type TemplateResult } from 'lit';
import type { Args, Decorator, StoryContext } from '@storybook/web-components-vite';
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

/** Fallback content for the default slot, as docs/embedding.md advises webmasters to write it. */
export const fallback = html`<p>
  See the coalition's work at <a href="https://www.mayorsagainstillegalguns.org/">mayorsagainstillegalguns.org</a>.
</p>`;

/**
 * A story's render function: `<tag>` with each attribute the story's args set (the attributes are
 * the manifest's, see .storybook/preview.ts), and `content` as its fallback. `true` sets a boolean
 * attribute; `false`, `undefined` and `''` leave the attribute out, except for the names in
 * `keepEmpty` (an attribute whose empty value means something, such as `join` on the principles).
 */
export function renderElement(tag: string, content: TemplateResult = fallback, keepEmpty: readonly string[] = []) {
  return (args: Args, { argTypes }: StoryContext): HTMLElement => {
    const element = document.createElement(tag);
    for (const [name, argType] of Object.entries(argTypes)) {
      if (argType.table?.category !== 'attributes') continue;
      const value: unknown = args[name];
      if (value === undefined || value === null || value === false || (value === '' && !keepEmpty.includes(name))) continue;
      element.setAttribute(name, value === true ? '' : String(value));
    }
    render(content, element);
    return element;
  };
}

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
