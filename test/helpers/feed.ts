import type { FeedIndex, MembersResource, PrinciplesResource } from '../../src/shared/feed/types.js';
import type { FeedError } from '../../src/shared/feed/errors.js';
import { clearFeedCache, configureFeed } from '../../src/shared/feed/client.js';
import { restoreFetch } from './mock-fetch.js';

/** The real default feed, built by `npm run feed` before the tests (scripts/test.mjs does). */
export const REAL_FEED = new URL('/dist/feed/v1/index.json', location.href).href;

/**
 * The same data built with the Gun Violence Archive layer (`npm run feed -- --with-gva`, for a
 * publisher with a GVA agreement), served in memory by scripts/lib/wtr-gva-feed.mjs.
 */
export const GVA_FEED = new URL('/gva-feed/v1/index.json', location.href).href;

/** A small fixture feed at a fake address; tests mock its URLs with mockFetch. */
export const FIXTURE_FEED = 'https://feed.test/v1/index.json';

export const fixtureIndex = (overrides: Partial<FeedIndex> = {}): FeedIndex => ({
  schemaVersion: 1,
  generated: '2026-01-01T00:00:00Z',
  version: '0123456789abcdef',
  coalition: {
    name: 'Mayors Against Illegal Guns',
    shortName: 'MAIG',
    founded: 2006,
    site: 'https://example.org/',
    joinUrl: 'https://example.org/join',
    contact: null,
    headline: 'A bipartisan group of more than 2,000 current and former mayors',
    foundingChair: null,
    coChairs: [],
  },
  resources: { members: 'members.json', principles: 'principles.json' },
  ...overrides,
});

export const fixtureMembers = (): MembersResource => ({
  schemaVersion: 1,
  asOf: '2026-01-15',
  source: 'test',
  states: [
    { code: 'NJ', name: 'New Jersey', fips: '34', territory: false },
    { code: 'PR', name: 'Puerto Rico', fips: '72', territory: true },
    { code: 'WY', name: 'Wyoming', fips: '56', territory: false },
  ],
  members: [
    { id: 'nj-newark', city: 'Newark', state: 'NJ' },
    { id: 'nj-trenton', city: 'Trenton', state: 'NJ' },
    { id: 'pr-san-sebastian', city: 'San Sebastián', state: 'PR' },
  ],
});

export const fixturePrinciples = (): PrinciplesResource => ({
  schemaVersion: 1,
  defaultVersion: 'current',
  versions: [
    {
      id: 'current',
      label: 'Statement of Principles',
      source: 'test',
      whereas: ['We are mayors;'],
      resolution: 'Now, therefore, we resolve:',
      principles: [
        { id: 'collect-data', title: 'Collect data.', body: 'Publish it <b>routinely</b>.' },
        { id: 'act', title: 'Act.', body: 'Do things.' },
        { id: 'invite', title: 'Invite others.', body: '' },
      ],
    },
    {
      id: 'earlier',
      label: 'Statement of Principles (earlier wording)',
      source: 'test',
      whereas: ['Earlier whereas;'],
      resolution: 'Now, therefore:',
      principles: [{ id: 'old-one', title: 'Old one.', body: 'Old body.' }],
    },
  ],
});

/** The fixture feed's routes for mockFetch. */
export const fixtureRoutes = () => ({
  [FIXTURE_FEED]: { json: fixtureIndex() },
  'https://feed.test/v1/members.json': { json: fixtureMembers() },
  'https://feed.test/v1/principles.json': { json: fixturePrinciples() },
});

/** Call in afterEach: fresh cache, real fetch, default options, no kept copies. */
export function resetFeed(): void {
  restoreFetch();
  clearFeedCache({ storage: true });
  configureFeed({ timeoutMs: 10_000, keepCopies: true });
  document.head.querySelectorAll('meta[name="maig-feed"]').forEach((m) => m.remove());
}

/** The error a promise rejects with (fails the test when it resolves). */
export const caught = async (promise: Promise<unknown>): Promise<FeedError> => {
  try {
    await promise;
  } catch (error) {
    return error as FeedError;
  }
  throw new Error('expected the promise to reject');
};
