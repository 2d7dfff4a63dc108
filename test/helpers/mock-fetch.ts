/**
 * Replaces window.fetch for a test: answers by URL (absolute, or a path the URL ends with),
 * records every request, and can answer slowly, never, with an HTTP error, bad JSON, or a
 * network failure. Unknown URLs go to the real network (the test server).
 */
export interface MockAnswer {
  status?: number;
  /** JSON body (serialized for you). */
  json?: unknown;
  /** Raw body text (wins over json). */
  text?: string;
  /** Milliseconds before answering. */
  delayMs?: number;
  /** Never answer (until aborted). */
  hang?: boolean;
  /** Fail like a dropped connection. */
  networkError?: boolean;
  /** Extra response headers (e.g. `retry-after`). */
  headers?: Record<string, string>;
}

export type MockRoutes = Record<string, MockAnswer | ((url: string, init?: RequestInit) => MockAnswer)>;

export interface FetchMock {
  /** Every URL requested through fetch, in order (mocked or not). */
  calls: string[];
  /** Requests whose URL ends with `suffix`. */
  count(suffix: string): number;
  restore(): void;
}

let active: FetchMock | undefined;

export function mockFetch(routes: MockRoutes): FetchMock {
  active?.restore();
  const original = window.fetch;
  const calls: string[] = [];
  const find = (url: string) => {
    const key = Object.keys(routes).find((k) => url === new URL(k, location.href).href || url.split('?')[0]!.endsWith(k));
    return key === undefined ? undefined : routes[key];
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? new URL(input, location.href).href : input instanceof URL ? input.href : input.url;
    calls.push(url);
    const route = find(url);
    if (!route) return original(input, init);
    const answer = typeof route === 'function' ? route(url, init) : route;
    const signal = init?.signal;
    if (answer.delayMs || answer.hang) {
      await new Promise<void>((resolve, reject) => {
        const timer = answer.hang ? undefined : setTimeout(resolve, answer.delayMs);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        });
      });
    }
    if (answer.networkError) throw new TypeError('Failed to fetch');
    const body = answer.text ?? JSON.stringify(answer.json ?? {});
    return new Response(body, { status: answer.status ?? 200, headers: { 'content-type': 'application/json', ...answer.headers } });
  };
  const mock: FetchMock = {
    calls,
    count: (suffix) => calls.filter((c) => c.split('?')[0]!.endsWith(suffix)).length,
    restore: () => {
      window.fetch = original;
      if (active === mock) active = undefined;
    },
  };
  active = mock;
  return mock;
}

/** Restores fetch if a test left a mock in place. */
export function restoreFetch(): void {
  active?.restore();
}
