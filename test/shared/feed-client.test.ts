import { expect, fixture, html } from '@open-wc/testing';
import {
  DEFAULT_FEED_URL,
  configureFeed,
  clearFeedCache,
  MAX_KEPT_CHARS,
  loadResource,
  normalizeFeedUrl,
  resolveFeedUrl,
} from '../../src/shared/feed/client.js';
import { FeedError } from '../../src/shared/feed/errors.js';
import { FEED_SHAPES as MEMBER_COUNT_SHAPES } from '../../src/member-count/feed-shapes.generated.js';
import '../../src/member-count/define.js';
import '../../src/principles/define.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, fixtureIndex, fixtureMembers, fixtureRoutes, resetFeed, caught } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';

describe('feed client', () => {
  afterEach(resetFeed);

  describe('feed location', () => {
    it('uses the element attribute first, then the page meta tag, then the default next to the module', async () => {
      const el = await fixture(html`<div></div>`);
      expect(resolveFeedUrl(el, null)).to.equal(DEFAULT_FEED_URL);
      expect(DEFAULT_FEED_URL).to.match(/\/feed\/v1\/index\.json$/);

      const meta = document.createElement('meta');
      meta.name = 'maig-feed';
      meta.content = 'https://cdn.example/maig/feed/v1/';
      document.head.append(meta);
      expect(resolveFeedUrl(el, null)).to.equal('https://cdn.example/maig/feed/v1/index.json');
      expect(resolveFeedUrl(el, '  ')).to.equal('https://cdn.example/maig/feed/v1/index.json');

      expect(resolveFeedUrl(el, '/my/feed/index.json')).to.equal(new URL('/my/feed/index.json', location.href).href);
    });

    it('accepts a folder or a file, relative or absolute', () => {
      expect(normalizeFeedUrl('https://a.example/f/')).to.equal('https://a.example/f/index.json');
      expect(normalizeFeedUrl('https://a.example/f/index.json')).to.equal('https://a.example/f/index.json');
      expect(normalizeFeedUrl('feed/', 'https://city.example/page/')).to.equal('https://city.example/page/feed/index.json');
    });

    it('an element with no feed attribute reads the meta tag feed', async () => {
      const meta = document.createElement('meta');
      meta.name = 'maig-feed';
      meta.content = FIXTURE_FEED;
      document.head.append(meta);
      const mock = mockFetch(fixtureRoutes());
      const el = await fixture(html`<maig-member-count></maig-member-count>`);
      expect((await waitForShadow(el, '[part="number"]')).textContent).to.equal('3');
      expect(mock.calls).to.deep.equal([FIXTURE_FEED, 'https://feed.test/v1/members.json']);
    });
  });

  it('makes one request per resource however many widgets ask', async () => {
    const mock = mockFetch(Object.fromEntries(Object.entries(fixtureRoutes()).map(([k, v]) => [k, { ...v, delayMs: 50 }])));
    const el = await fixture(html`<div>
      <maig-member-count feed=${FIXTURE_FEED}></maig-member-count>
      <maig-member-count feed=${FIXTURE_FEED} state="NJ"></maig-member-count>
      <maig-member-count feed=${FIXTURE_FEED} state="PR"></maig-member-count>
      <maig-principles feed=${FIXTURE_FEED}></maig-principles>
      <maig-principles feed=${FIXTURE_FEED} version="earlier"></maig-principles>
    </div>`);
    const counts = [...el.querySelectorAll('maig-member-count')];
    const texts = await Promise.all(counts.map(async (c) => (await waitForShadow(c, '[part="number"]')).textContent));
    expect(texts).to.deep.equal(['3', '2', '1']);
    for (const p of el.querySelectorAll('maig-principles')) await waitForShadow(p, '[part="list"]');
    expect(mock.count('/v1/index.json')).to.equal(1);
    expect(mock.count('/v1/members.json')).to.equal(1);
    expect(mock.count('/v1/principles.json')).to.equal(1);
  });

  it('gives up after the timeout with a timeout error', async () => {
    configureFeed({ timeoutMs: 100 });
    mockFetch({ [FIXTURE_FEED]: { hang: true } });
    const error = await caught(loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES));
    expect(error).to.be.instanceOf(FeedError);
    expect(error.kind).to.equal('timeout');
    expect(error.message).to.equal('The data feed took too long to answer. Try again in a moment.');
  });

  it('turns an HTTP error into a typed error with its status', async () => {
    mockFetch({ [FIXTURE_FEED]: { status: 404 } });
    const error = await caught(loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES));
    expect([error.kind, error.status, error.message]).to.deep.equal(['http', 404, 'The data feed answered with an error (HTTP 404).']);
  });

  it('turns a network failure into a typed error', async () => {
    mockFetch({ [FIXTURE_FEED]: { networkError: true } });
    expect((await caught(loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES))).kind).to.equal('network');
  });

  it('rejects bad JSON', async () => {
    mockFetch({ [FIXTURE_FEED]: { text: '{"schemaVersion": 1,' } });
    const error = await caught(loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES));
    expect(error.kind).to.equal('json');
    expect(error.message).to.equal('The data feed sent something that is not valid JSON.');
  });

  it('rejects a feed of another schema version, in the index or in a resource', async () => {
    mockFetch({ [FIXTURE_FEED]: { json: fixtureIndex({ schemaVersion: 2 }) } });
    let error = await caught(loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES));
    expect(error.kind).to.equal('schema');
    expect(error.detail).to.equal('schemaVersion 2, this widget reads 1');
    clearFeedCache();
    mockFetch({ ...fixtureRoutes(), 'https://feed.test/v1/members.json': { json: { schemaVersion: '1' } } });
    error = await caught(loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES));
    expect(error.kind).to.equal('schema');
  });

  it('reports a resource the feed does not have', async () => {
    mockFetch({ [FIXTURE_FEED]: { json: fixtureIndex({ resources: { principles: 'principles.json' } }) } });
    const error = await caught(loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES));
    expect(error.kind).to.equal('missing');
    expect(error.detail).to.equal('this feed has no "members" resource');
  });

  it('retries after a failure instead of caching it', async () => {
    let status = 500;
    mockFetch({ ...fixtureRoutes(), [FIXTURE_FEED]: () => (status === 500 ? { status } : { json: fixtureIndex() }) });
    await caught(loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES));
    status = 200;
    const loaded = await loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES);
    expect(loaded.data.members).to.have.length(3);
  });

  it('shows the last good copy, marked as possibly out of date, when the network fails', async () => {
    mockFetch(fixtureRoutes());
    const first = await loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES);
    expect(first.stale).to.equal(false);

    clearFeedCache(); // a new page view: memory is gone, localStorage is not
    mockFetch({ [FIXTURE_FEED]: { networkError: true }, 'https://feed.test/v1/members.json': { networkError: true } });
    const again = await loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES);
    expect(again.stale).to.equal(true);
    expect(again.data.members).to.have.length(3);
    expect(again.savedAt).to.match(/^\d{4}-\d{2}-\d{2}T/);

    clearFeedCache();
    const el = await fixture(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`);
    expect((await waitForShadow(el, '[part="number"]')).textContent).to.equal('3');
    expect(shadowText(el, '[part="stale"]')).to.match(/^The live data could not be loaded\. Showing a copy saved on .+; it may be out of date\.$/);
    await expect(el).to.be.accessible();
  });

  it('keeps no copy of a resource too big for the storage: it is shown, and nothing is written for it', async () => {
    const members = fixtureMembers();
    // About 1.5 million characters of JSON: more than the bound, well within what a browser's
    // storage would accept, so only the size check keeps it out.
    members.members = Array.from({ length: 25_000 }, (_, i) => ({ id: `nj-c${i}`, city: `A city with a rather long name, number ${i}`, state: 'NJ' }));
    expect(JSON.stringify(members).length).to.be.above(MAX_KEPT_CHARS);
    mockFetch({ ...fixtureRoutes(), 'https://feed.test/v1/members.json': { json: members } });
    const written: string[] = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      written.push(key);
      return setItem.call(this, key, value);
    };
    try {
      const loaded = await loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES);
      expect(loaded.data.members).to.have.length(25_000);
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(written).to.deep.equal([`maig-feed:${FIXTURE_FEED}`]);
    expect(localStorage.getItem('maig-feed:https://feed.test/v1/members.json')).to.equal(null);
    // The small index was kept, as received, and reads back.
    expect(JSON.parse(localStorage.getItem(`maig-feed:${FIXTURE_FEED}`)!).data).to.deep.equal(fixtureIndex());

    // Without a kept copy, a failing network then gives the error state, not an old copy.
    clearFeedCache();
    mockFetch({ [FIXTURE_FEED]: { networkError: true }, 'https://feed.test/v1/members.json': { networkError: true } });
    expect((await caught(loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES))).kind).to.equal('network');
  });

  it('never throws into the page: errors stay inside the widget', async () => {
    const errors: unknown[] = [];
    const onError = (e: PromiseRejectionEvent | ErrorEvent) => errors.push('reason' in e ? e.reason : e.error);
    window.addEventListener('unhandledrejection', onError);
    window.addEventListener('error', onError);
    try {
      mockFetch({ [FIXTURE_FEED]: { text: 'not json' } });
      const el = await fixture(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`);
      await waitForShadow(el, '[part="error"]');
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      window.removeEventListener('unhandledrejection', onError);
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });
});
