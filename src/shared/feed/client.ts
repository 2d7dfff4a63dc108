/**
 * The feed client: the one data path of every widget.
 *
 * - Location, first found wins: the element's `feed` attribute, a
 *   `<meta name="maig-feed" content="URL">` in the page, the default feed next to the module.
 * - One request per resource per page (shared in-flight promise and memory cache).
 * - A timeout, a schema-version check, a shape check of every resource (the schemas in
 *   `data/schema/`, compiled at build time: {@link shapeError}; the index's table is
 *   here, each element passes its own table to {@link loadResource}) and typed errors
 *   ({@link FeedError}); nothing of the wrong shape reaches a widget.
 * - The last good copy is kept in localStorage, keyed by URL, and returned marked `stale`
 *   when the network fails. A kept copy that is unreadable or of the wrong shape is dropped; a
 *   resource larger than {@link MAX_KEPT_CHARS} is not kept.
 */
import { FeedError } from './errors.js';
import { withTimeout } from '../net/with-timeout.js';
import { FEED_SCHEMA_VERSION, type FeedIndex, type FeedResources } from './types.js';
import { shapeError, type Shape, type ShapeTable } from './shape.js';
import { INDEX_SHAPES } from './shapes/index.generated.js';

/** The default feed, built next to the bundle: dist/feed/v1/ (this module lives in dist/chunks/). */
export const DEFAULT_FEED_URL = new URL('../feed/v1/index.json', import.meta.url).href;

/** A resource as loaded: its data, and whether it is a kept copy shown because the network failed. */
export interface Loaded<T> {
  data: T;
  url: string;
  /** True when this is the last good copy, shown because the feed could not be read now. */
  stale: boolean;
  /** When the kept copy was saved (ISO time), for stale copies. */
  savedAt?: string;
}

export interface FeedOptions {
  /** Milliseconds before a request is given up. Default 10 000. */
  timeoutMs: number;
  /** Keep the last good copy in localStorage. Default true. */
  keepCopies: boolean;
}

const options: FeedOptions = { timeoutMs: 10_000, keepCopies: true };
/**
 * The largest kept copy, in characters of JSON (the feed's own resources are 1-120 thousand).
 * Browsers give a site about 5 million characters of localStorage, shared with the host page's
 * own use: a resource larger than this is not kept (trying would spend seconds writing a copy the
 * quota then refuses), and the widget simply has no copy to fall back on.
 */
export const MAX_KEPT_CHARS = 1_000_000;
const cache = new Map<string, Promise<Loaded<unknown>>>();
const STORAGE_PREFIX = 'maig-feed:';

/** Changes the client's options for the whole page (e.g. a shorter timeout). */
export function configureFeed(next: Partial<FeedOptions>): void {
  Object.assign(options, next);
}

/** Forgets what was loaded, so the next request goes to the network. `storage` also drops kept copies. */
export function clearFeedCache({ storage = false } = {}): void {
  cache.clear();
  if (!storage) return;
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
    }
  } catch {
    /* storage may be blocked */
  }
}

/** Turns a feed location (file or folder, relative or absolute) into the URL of its index.json. */
export function normalizeFeedUrl(location: string, base = document.baseURI): string {
  const url = new URL(location, base);
  if (url.pathname.endsWith('/')) url.pathname += 'index.json';
  return url.href;
}

/** The feed an element reads: its `feed` attribute, then the page's meta tag, then the default. */
export function resolveFeedUrl(element: Element, attribute?: string | null): string {
  const own = attribute?.trim();
  if (own) return normalizeFeedUrl(own, element.ownerDocument.baseURI);
  const meta = element.ownerDocument.querySelector<HTMLMetaElement>('meta[name="maig-feed"]');
  const fromMeta = meta?.content.trim();
  if (fromMeta) return normalizeFeedUrl(fromMeta, element.ownerDocument.baseURI);
  return DEFAULT_FEED_URL;
}

/** Checks the schema version and, for a named resource, its shape; throws a `schema` FeedError. */
function checkSchema(url: string, data: unknown, shape?: Shape): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FeedError('schema', url, 'expected a JSON object');
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || Math.floor(version) !== FEED_SCHEMA_VERSION) {
    throw new FeedError('schema', url, `schemaVersion ${JSON.stringify(version)}, this widget reads ${FEED_SCHEMA_VERSION}`);
  }
  const wrong = shape ? shapeError(data, shape) : null;
  if (wrong) throw new FeedError('schema', url, wrong);
  return data as Record<string, unknown>;
}

/** A parsed JSON document and the text it was parsed from. */
interface Fetched {
  data: unknown;
  text: string;
}

function fetchJson(url: string): Promise<Fetched> {
  return withTimeout(options.timeoutMs, async (signal, timedOut) => {
    let response: Response;
    try {
      response = await fetch(url, { signal, credentials: 'omit', headers: { accept: 'application/json' } });
    } catch (error) {
      throw timedOut()
        ? new FeedError('timeout', url, `no answer within ${options.timeoutMs / 1000} s`)
        : new FeedError('network', url, error instanceof Error ? error.message : '');
    }
    if (!response.ok) throw new FeedError('http', url, response.statusText, response.status);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw timedOut() ? new FeedError('timeout', url) : new FeedError('network', url, String(error));
    }
    try {
      return { data: JSON.parse(text) as unknown, text };
    } catch (error) {
      throw new FeedError('json', url, error instanceof Error ? error.message : '');
    }
  });
}

/** Keeps `text` (the JSON of a resource that passed its checks) as the URL's last good copy, unless it is too big. */
function keep(url: string, text: string): void {
  if (!options.keepCopies || text.length > MAX_KEPT_CHARS) return;
  try {
    // The text as received: no second serialisation of the data.
    localStorage.setItem(STORAGE_PREFIX + url, `{"savedAt":${JSON.stringify(new Date().toISOString())},"data":${text}}`);
  } catch {
    /* full or blocked storage: the copy is a convenience */
  }
}

function dropKept(url: string): void {
  try {
    localStorage.removeItem(STORAGE_PREFIX + url);
  } catch {
    /* blocked storage */
  }
}

/** The kept copy of a URL, if it is readable; an unreadable one is dropped. */
function kept(url: string): { savedAt?: string; data: unknown } | undefined {
  if (!options.keepCopies) return undefined;
  let raw: string | null;
  try {
    raw = localStorage.getItem(STORAGE_PREFIX + url);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  try {
    const copy: unknown = JSON.parse(raw);
    if (typeof copy === 'object' && copy !== null && 'data' in copy) {
      const { savedAt, data } = copy as { savedAt?: unknown; data: unknown };
      return { data, savedAt: typeof savedAt === 'string' && !Number.isNaN(Date.parse(savedAt)) ? savedAt : undefined };
    }
  } catch {
    /* not JSON: dropped below */
  }
  dropKept(url);
  return undefined;
}

/**
 * Loads one JSON document of the feed, once per page, and checks its schema version and its
 * `shape` (a resource's, from a compiled table: `INDEX_SHAPES.index`, `FEED_SHAPES.members`…) before `check`.
 * On failure it falls back to the kept copy (marked stale) if that passes the same checks, and
 * drops a kept copy that does not; with none, it rejects with a {@link FeedError}.
 */
export function loadJson<T>(url: string, shape?: Shape, check: (data: Record<string, unknown>) => void = () => {}): Promise<Loaded<T>> {
  let pending = cache.get(url) as Promise<Loaded<T>> | undefined;
  if (pending) return pending;
  pending = (async () => {
    try {
      const fetched = await fetchJson(url);
      const data = checkSchema(url, fetched.data, shape);
      check(data);
      keep(url, fetched.text);
      return { data: data as T, url, stale: false };
    } catch (error) {
      const copy = kept(url);
      if (copy) {
        try {
          const data = checkSchema(url, copy.data, shape);
          check(data);
          return { data: data as T, url, stale: true, ...(copy.savedAt ? { savedAt: copy.savedAt } : {}) };
        } catch {
          // The kept copy is unusable too: forget it, and report the original error.
          dropKept(url);
        }
      }
      throw error;
    }
  })();
  cache.set(url, pending);
  pending.catch(() => cache.delete(url));
  return pending;
}

/** Loads a feed's index.json. */
export function loadIndex(feedUrl: string): Promise<Loaded<FeedIndex>> {
  return loadJson<FeedIndex>(feedUrl, INDEX_SHAPES.index);
}

/** The URL of a named resource of a feed, with `{placeholders}` filled in. */
export function resourceUrl(feedUrl: string, index: FeedIndex, name: string, params: Record<string, string> = {}): string {
  const path = index.resources[name];
  if (typeof path !== 'string') throw new FeedError('missing', feedUrl, `this feed has no "${name}" resource`);
  const filled = path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
  return new URL(filled, feedUrl).href;
}

/** Everything a widget gets from one resource: the resource, the feed's index, and staleness of either. */
export interface LoadedResource<T> extends Loaded<T> {
  index: FeedIndex;
}

/**
 * Loads a named resource of a feed (and its index, shared by every widget on the page), checked
 * against `shapes`: the element's own compiled table (`feed-shapes.generated.ts`), which must hold `name`.
 */
export async function loadResource<K extends keyof FeedResources>(
  feedUrl: string,
  name: K,
  shapes: ShapeTable<K>,
  params?: Record<string, string>,
  check?: (data: Record<string, unknown>) => void,
): Promise<LoadedResource<FeedResources[K]>> {
  const index = await loadIndex(feedUrl);
  const url = resourceUrl(feedUrl, index.data, name, params);
  const resource = await loadJson<FeedResources[K]>(url, shapes[name], check);
  return {
    ...resource,
    index: index.data,
    stale: resource.stale || index.stale,
    savedAt: resource.savedAt ?? index.savedAt,
  };
}
