import { expect, fixture, html } from '@open-wc/testing';
import { clearFeedCache, loadResource } from '../../src/shared/feed/client.js';
import { resourceShapeError, shapeError } from '../../src/shared/feed/shape.js';
import { SHAPES } from '../../src/shared/feed/shapes/all.generated.js';
import { INDEX_SHAPES } from '../../src/shared/feed/shapes/index.generated.js';
import { FEED_SHAPES as MEMBER_COUNT_SHAPES } from '../../src/member-count/feed-shapes.generated.js';
import { FEED_SHAPES as MEMBER_MAP_SHAPES } from '../../src/member-map/feed-shapes.generated.js';
import { FEED_SHAPES as PRINCIPLES_SHAPES } from '../../src/principles/feed-shapes.generated.js';
import { FEED_SHAPES as CITY_STATS_SHAPES } from '../../src/city-stats/feed-shapes.generated.js';
import '../../src/member-count/define.js';
import '../../src/principles/define.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, fixtureIndex, fixtureMembers, fixturePrinciples, fixtureRoutes, resetFeed, caught } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';

const MEMBERS_URL = 'https://feed.test/v1/members.json';
const PRINCIPLES_URL = 'https://feed.test/v1/principles.json';
const SCHEMA_MESSAGE = 'The data feed is in a format this widget does not understand.';

/** Runs `body`, then returns every error and unhandled rejection that reached the page. */
async function pageErrors(body: () => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (e: PromiseRejectionEvent | ErrorEvent) => {
    errors.push('reason' in e ? e.reason : e.error);
    e.preventDefault(); // keep the runner from failing the file: the assertion below reports it
  };
  window.addEventListener('unhandledrejection', onError);
  window.addEventListener('error', onError);
  try {
    await body();
    // Give anything that would escape (a render error, a rejected update) a few turns to surface.
    for (let i = 0; i < 5; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  } finally {
    window.removeEventListener('unhandledrejection', onError);
    window.removeEventListener('error', onError);
  }
  return errors.map((e) => String(e));
}

describe('feed shapes', () => {
  it('stops at the first wrong item of a long array, without reading the rest', () => {
    let reads = 0;
    const items = Array.from({ length: 200_000 }, () => ({ id: 7, city: 'Newark', state: 'NJ' }));
    const counted = new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(shapeError({ ...fixtureMembers(), members: counted }, SHAPES.members)).to.equal('/members/0/id: expected string, found integer');
    expect(reads).to.equal(1);
  });

  afterEach(resetFeed);

  it('accepts the real default feed and the fixtures, with fields added by a later 1.x feed', async () => {
    for (const [name, data] of [
      ['index', fixtureIndex()],
      ['members', fixtureMembers()],
      ['principles', fixturePrinciples()],
      ['members', { ...fixtureMembers(), schemaVersion: 1.2, extra: { any: 'thing' }, members: [{ id: 'a', city: 'B', state: 'NJ', since: 2007 }] }],
    ] as const) {
      expect(resourceShapeError(SHAPES, name, data), name).to.equal(null);
    }
    const real = new URL('/dist/feed/v1/', location.href).href;
    const index = await (await fetch(`${real}index.json`)).json();
    expect(resourceShapeError(SHAPES, 'index', index)).to.equal(null);
    for (const name of ['members', 'principles', 'map', 'statsNational', 'statsCities']) {
      const data = await (await fetch(new URL(index.resources[name], real))).json();
      expect(resourceShapeError(SHAPES, name, data), name).to.equal(null);
    }
    const nj = await (await fetch(new URL(index.resources.statsState.replace('{state}', 'nj'), real))).json();
    expect(resourceShapeError(SHAPES, 'statsState', nj)).to.equal(null);
  });

  it('gives each reader only the shapes it reads, checking them as the full table does', async () => {
    const readers = [
      [INDEX_SHAPES, ['index']],
      [MEMBER_COUNT_SHAPES, ['members']],
      [PRINCIPLES_SHAPES, ['principles']],
      [CITY_STATS_SHAPES, ['statsNational', 'statsState', 'statsSpanish']],
      [MEMBER_MAP_SHAPES, ['members', 'map']],
    ] as const;
    const real = new URL('/dist/feed/v1/', location.href).href;
    const index = await (await fetch(`${real}index.json`)).json();
    const url = (name: string) => new URL(name === 'index' ? 'index.json' : index.resources[name].replace('{state}', 'nj'), real);
    for (const [table, names] of readers) {
      expect(Object.keys(table)).to.deep.equal([...names]);
      for (const name of names) {
        expect(table[name as keyof typeof table]).to.deep.equal(SHAPES[name]);
        const data = await (await fetch(url(name))).json();
        expect(resourceShapeError(table, name, data), name).to.equal(null);
        // Broken the same ways, a reader's table finds what the full table finds.
        for (const broken of [{ ...data, schemaVersion: 'x' }, ...Object.keys(data).flatMap((key) => [{ ...data, [key]: 42 }, { ...data, [key]: null }])]) {
          const expected = resourceShapeError(SHAPES, name, broken);
          expect(resourceShapeError(table, name, broken), `${name} ${JSON.stringify(broken).slice(0, 60)}`).to.equal(expected);
        }
      }
    }
    // Nothing of the map or the statistics in a member count's table, nor anything but the index in the client's.
    expect(Object.keys(MEMBER_COUNT_SHAPES)).to.deep.equal(['members']);
    expect(Object.keys(INDEX_SHAPES)).to.deep.equal(['index']);
  });

  it('does not compile a read of a resource missing from the table passed', () => {
    // Type-level only (never called): the member count's table holds no map.
    // @ts-expect-error 'map' is not in the member count's table
    const wrong = () => loadResource(FIXTURE_FEED, 'map', MEMBER_COUNT_SHAPES);
    expect(wrong).to.be.a('function');
  });

  it('names the first place a resource has the wrong shape', () => {
    const index = fixtureIndex();
    expect(resourceShapeError(SHAPES, 'index', { ...index, coalition: { ...index.coalition, headline: 42 } })).to.equal(
      '/coalition/headline: expected null or string, found integer',
    );
    expect(resourceShapeError(SHAPES, 'members', { ...fixtureMembers(), members: { 0: 'x' } })).to.equal('/members: expected array, found object');
    const principles = fixturePrinciples();
    principles.versions[1]!.principles = [{ id: 'x', title: 'y' } as never];
    expect(resourceShapeError(SHAPES, 'principles', principles)).to.equal('/versions/1/principles/0/body: missing');
    expect(shapeError([1, 2, 3], ['number', 4])).to.equal('/: expected at least 4 items, found 3');
    expect(shapeError([1, 2, 3], ['number', 0, 2])).to.equal('/: expected at most 2 items, found 3');
    expect(shapeError([1, 2.5, 'x'], ['integer'])).to.equal('/1: expected integer, found number');
    expect(shapeError({ a: 1 }, { a: 'integer', b: 'string' })).to.equal('/b: missing');
    expect(shapeError({}, { '?a': 'integer' }), 'an optional property may be missing').to.equal(null);
    expect(shapeError({ a: 'x' }, { '?a': 'integer' })).to.equal('/a: expected integer, found string');
    expect(shapeError({ x: 1, y: 'z' }, { '?*': 'integer' })).to.equal('/y: expected integer, found string');
    expect(shapeError({ '?a': 'x', b: 'y' }, { '?a': 'integer' }), 'unknown fields are allowed, whatever their name').to.equal(null);
    expect(shapeError('x', { '|': ['null', ['integer', 2, 2]] })).to.equal('/: expected null or array, found string');
    expect(shapeError([1], { '|': ['null', ['integer', 2, 2]] })).to.equal('/: expected at least 2 items, found 1');
    expect(shapeError(7, '')).to.equal(null);
    expect(resourceShapeError(SHAPES, 'geocoding', 'anything'), 'a resource with no compiled shape').to.equal(null);
  });

  it('reads nothing from a polluted Object.prototype, and allows any own field name in the feed', () => {
    const proto = Object.prototype as Record<string, unknown>;
    const keys = ['|', '?*', '?es', 'polluted', 'extra'];
    for (const key of keys) proto[key] = 'integer';
    try {
      expect(resourceShapeError(SHAPES, 'polluted', 'x'), 'no resource from the prototype').to.equal(null);
      expect(resourceShapeError(SHAPES, 'members', fixtureMembers())).to.equal(null);
      expect(resourceShapeError(SHAPES, 'index', fixtureIndex())).to.equal(null);
      expect(resourceShapeError(SHAPES, 'members', { ...fixtureMembers(), asOf: 5 })).to.equal('/asOf: expected string, found integer');
    } finally {
      for (const key of keys) delete proto[key];
    }
    const feed = JSON.parse(`{"__proto__": 1, "constructor": "x", "?*": [], "|": 2, ${JSON.stringify(fixtureMembers()).slice(1)}`);
    expect(resourceShapeError(SHAPES, 'members', feed)).to.equal(null);
    expect(resourceShapeError(SHAPES, 'members', { ...feed, members: 'x' })).to.equal('/members: expected array, found string');
  });

  const broken: Array<[string, string, Record<string, unknown>]> = [
    ['a number for the headline', 'member-count', { [FIXTURE_FEED]: { json: { ...fixtureIndex(), coalition: { ...fixtureIndex().coalition, headline: 42 } } } }],
    ['an object where the members array is expected', 'member-count', { [MEMBERS_URL]: { json: { ...fixtureMembers(), members: { length: 3 } } } }],
    ['an array for resources', 'member-count', { [FIXTURE_FEED]: { json: { ...fixtureIndex(), resources: ['members.json'] } } }],
    ['a string for the whereas clauses', 'principles', { [PRINCIPLES_URL]: { json: { ...fixturePrinciples(), versions: [{ ...fixturePrinciples().versions[0], whereas: 'We are mayors;' }] } } }],
    ['an object for versions', 'principles', { [PRINCIPLES_URL]: { json: { ...fixturePrinciples(), versions: {} } } }],
  ];
  for (const [what, widget, routes] of broken) {
    it(`a feed with ${what} gives the readable error state, never an error in the page`, async () => {
      mockFetch({ ...fixtureRoutes(), ...routes });
      let el!: HTMLElement;
      const errors = await pageErrors(async () => {
        el = widget === 'member-count'
          ? await fixture(html`<maig-member-count feed=${FIXTURE_FEED}>548 member cities</maig-member-count>`)
          : await fixture(html`<maig-principles feed=${FIXTURE_FEED}>Read the statement</maig-principles>`);
        await waitForShadow(el, '[part="error"]');
      });
      expect(errors).to.deep.equal([]);
      expect(shadowText(el, '[part="error"]')).to.contain(SCHEMA_MESSAGE);
      expect(shadowText(el, '.state__detail [lang="en"]')).to.match(/^\/\S+: (expected|missing)/);
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('data of the right shape that a widget still cannot draw gives the error state, not loading for ever', async () => {
    // Year 300000 is past the last date JavaScript can hold: formatting it throws a RangeError.
    mockFetch({ ...fixtureRoutes(), [MEMBERS_URL]: { json: { ...fixtureMembers(), asOf: '300000-1-1' } } });
    let el!: HTMLElement;
    const errors = await pageErrors(async () => {
      el = await fixture(html`<maig-member-count feed=${FIXTURE_FEED}>548 member cities</maig-member-count>`);
      await waitForShadow(el, '[part="error"]');
    });
    expect(errors).to.deep.equal([]);
    expect(shadowText(el, '[part="error"]')).to.contain(SCHEMA_MESSAGE);
    // The detail is the engine's own RangeError message, worded differently by each engine.
    let engineMessage = '';
    try {
      new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(300000, 0, 1)));
    } catch (e) {
      engineMessage = (e as Error).message;
    }
    expect(engineMessage, 'the date cannot be formatted in this engine').to.not.equal('');
    expect(shadowText(el, '.state__detail [lang="en"]')).to.equal(engineMessage);
    await expect(el).to.be.accessible();
  });

  it('drops a kept copy of the wrong shape and shows the network error instead', async () => {
    localStorage.setItem(`maig-feed:${FIXTURE_FEED}`, JSON.stringify({ savedAt: '2026-01-01T00:00:00Z', data: fixtureIndex() }));
    localStorage.setItem(`maig-feed:${MEMBERS_URL}`, JSON.stringify({ savedAt: '2026-01-01T00:00:00Z', data: { schemaVersion: 1, asOf: 5, members: 'x' } }));
    mockFetch({ [FIXTURE_FEED]: { networkError: true }, [MEMBERS_URL]: { networkError: true } });
    let el!: HTMLElement;
    const errors = await pageErrors(async () => {
      el = await fixture(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`);
      await waitForShadow(el, '[part="error"]');
    });
    expect(errors).to.deep.equal([]);
    expect(shadowText(el, '[part="error"]')).to.contain('The data feed could not be reached.');
    expect(localStorage.getItem(`maig-feed:${MEMBERS_URL}`), 'the bad copy is gone').to.equal(null);
    expect(localStorage.getItem(`maig-feed:${FIXTURE_FEED}`), 'the good copy stays').not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  for (const [what, raw] of [
    ['not JSON', '{"savedAt":'],
    ['null', 'null'],
    ['without data', '{"savedAt":"2026-01-01T00:00:00Z"}'],
  ] as const) {
    it(`drops a kept copy that is ${what}`, async () => {
      localStorage.setItem(`maig-feed:${FIXTURE_FEED}`, raw);
      mockFetch({ [FIXTURE_FEED]: { networkError: true } });
      const error = await caught(loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES));
      expect(error.kind).to.equal('network');
      expect(localStorage.getItem(`maig-feed:${FIXTURE_FEED}`)).to.equal(null);
    });
  }

  it('keeps showing a good kept copy when the live feed changes to a wrong shape', async () => {
    mockFetch(fixtureRoutes());
    await loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES);
    clearFeedCache();
    mockFetch({ ...fixtureRoutes(), [MEMBERS_URL]: { json: { ...fixtureMembers(), members: [{ id: 1 }] } } });
    const again = await loadResource(FIXTURE_FEED, 'members', MEMBER_COUNT_SHAPES);
    expect([again.stale, again.data.members.length]).to.deep.equal([true, 3]);
    const kept = JSON.parse(localStorage.getItem(`maig-feed:${MEMBERS_URL}`)!);
    expect(kept.data.members).to.have.length(3, 'the wrong shape never replaces the kept copy');
  });

  it('a kept copy with an unreadable date is still shown, without the date', async () => {
    localStorage.setItem(`maig-feed:${FIXTURE_FEED}`, JSON.stringify({ savedAt: 'yesterday', data: fixtureIndex() }));
    localStorage.setItem(`maig-feed:${MEMBERS_URL}`, JSON.stringify({ savedAt: 7, data: fixtureMembers() }));
    mockFetch({ [FIXTURE_FEED]: { networkError: true }, [MEMBERS_URL]: { networkError: true } });
    let el!: HTMLElement;
    const errors = await pageErrors(async () => {
      el = await fixture(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`);
      await waitForShadow(el, '[part="number"]');
    });
    expect(errors).to.deep.equal([]);
    expect(shadowText(el, '[part="stale"]')).to.equal('The live data could not be loaded. Showing a copy; it may be out of date.');
    await expect(el).to.be.accessible();
  });
});
