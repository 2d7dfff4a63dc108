import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/member-map/define.js';
import type { MaigMemberMap, MemberSelectDetail } from '../../src/member-map/maig-member-map.js';
import type { MapResource } from '../../src/shared/feed/types.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, REAL_FEED, fixtureIndex, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { shadow, shadowText, waitForShadow } from '../helpers/dom.js';
import { itChromium, typeKeys } from '../helpers/engine.js';

/** Number of dots in a dot path ("M x y h0" per point). */
const dotCount = (d: string | null) => (d ?? '').split('M').length - 1;
const allDots = (el: Element) => [...shadow(el).querySelectorAll('path.dot')].reduce((n, p) => n + dotCount(p.getAttribute('d')), 0);
const active = (el: Element) => shadow(el).activeElement;
const viewBox = (el: Element) => shadow(el).querySelector('svg.map')!.getAttribute('viewBox');

/** A small map for the fixture feed's three states (NJ, PR, WY). */
const fixtureMap = (): MapResource => ({
  schemaVersion: 1,
  source: 'test geometry',
  projection: 'none',
  viewBox: [0, 0, 300, 100],
  states: [
    { code: 'NJ', name: 'New Jersey', d: 'M10 10L90 10L90 90L10 90Z', box: [10, 10, 80, 80], count: 2, dots: 'M30 30h0M60 70h0' },
    { code: 'PR', name: 'Puerto Rico', d: 'M110 40L190 40L190 90L110 90Z', box: [110, 40, 80, 50], count: 1, dots: 'M150 60h0' },
    { code: 'WY', name: 'Wyoming', d: 'M210 10L290 10L290 90L210 90Z', box: [210, 10, 80, 80], count: 0, dots: '' },
  ],
  members: [
    { id: 'nj-newark', x: 30, y: 30, placed: 'place' },
    { id: 'nj-trenton', x: 60, y: 70, placed: 'place' },
    { id: 'pr-san-sebastian', x: 150, y: 60, placed: 'place' },
  ],
});
const mapRoutes = () => ({
  ...fixtureRoutes(),
  [FIXTURE_FEED]: { json: fixtureIndex({ resources: { members: 'members.json', principles: 'principles.json', map: 'map.json' } }) },
  'https://feed.test/v1/map.json': { json: fixtureMap() },
});

/** "rgb(r, g, b)" (or rgba) as numbers. */
const rgb = (color: string): [number, number, number] => {
  const m = color.match(/[\d.]+/g);
  if (!m || m.length < 3) throw new Error(`not an rgb() color: ${color}`);
  return [Number(m[0]), Number(m[1]), Number(m[2])];
};
const luminance = ([r, g, b]: [number, number, number]) => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
/** WCAG contrast ratio of two computed colors. */
const contrast = (a: [number, number, number], b: [number, number, number]) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
const blend = (fg: [number, number, number], bg: [number, number, number], alpha: number): [number, number, number] =>
  fg.map((c, i) => Math.round(c * alpha + bg[i]! * (1 - alpha))) as [number, number, number];
const area = (el: Element, code: string) => shadow(el).querySelector<SVGPathElement>(`path.area[data-code="${code}"]`)!;
const hover = (el: Element, code: string) => area(el, code).dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));

async function ready(el: MaigMemberMap): Promise<void> {
  await waitForShadow(el, 'svg.map', 8000);
  await el.updateComplete;
}

describe('<maig-member-map>', () => {
  afterEach(resetFeed);

  describe('with the real default feed', () => {
    it('draws all 56 state and territory shapes and a dot for each of the 548 members, PR and MP included', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED}></maig-member-map>`);
      await ready(el);
      const areas = [...shadow(el).querySelectorAll('path.area')];
      expect(areas.length).to.equal(56);
      for (const code of ['PR', 'MP', 'GU', 'VI', 'AS', 'AK', 'HI', 'DC']) {
        const path = shadow(el).querySelector(`path.area[data-code="${code}"]`);
        expect(path?.getAttribute('d'), code).to.match(/^M/);
        expect((path as SVGGraphicsElement).getBBox().width, code).to.be.greaterThan(0);
      }
      expect(allDots(el)).to.equal(548);
      expect(dotCount(shadow(el).querySelector('path.dot[data-code="PR"]')!.getAttribute('d'))).to.equal(5);
      expect(dotCount(shadow(el).querySelector('path.dot[data-code="MP"]')!.getAttribute('d'))).to.equal(1);
      expect(dotCount(shadow(el).querySelector('path.dot[data-code="NJ"]')!.getAttribute('d'))).to.equal(61);
      // The SVG says what it shows, and the states are named buttons.
      expect(shadowText(el, 'svg title')).to.equal('Map of 548 member cities');
      expect(shadowText(el, 'svg desc')).to.contain('548 member cities in 46 states and territories');
      expect(shadow(el).querySelector('path.area[data-code="PA"]')!.getAttribute('aria-label')).to.equal('Pennsylvania: 60 member cities');
      expect(shadowText(el, '[part="legend"]')).to.contain('25 or more');
      expect(shadowText(el, '[part="caption"]')).to.match(/548 member cities of Mayors Against Illegal Guns in 46 states and territories, as of \w+ \d+, \d{4}\. Source: .+ Map: US Census Bureau/);
      await expect(el).to.be.accessible();
    });

    it('goes by keyboard from tab-in to a state and its city list, and back with Escape', async () => {
      const wrapper = await fixture(html`<div><button>before</button><maig-member-map feed=${REAL_FEED}></maig-member-map></div>`);
      const el = wrapper.querySelector('maig-member-map')!;
      await ready(el);
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('search');
      await sendKeys({ press: 'Tab' });
      // One tab stop for the map: the first state with members, in name order.
      expect(active(el)?.getAttribute('data-code')).to.equal('AL');
      await el.updateComplete;
      expect(shadowText(el, '[part="tooltip"]')).to.match(/^Alabama 6 member cities/);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(active(el)?.getAttribute('data-code')).to.equal('AZ');
      expect(shadowText(el, '[part="tooltip"]')).to.match(/^Arizona 4 member cities/);
      const selected = oneEvent(el, 'maig-member-select');
      await sendKeys({ press: 'Enter' });
      const event = (await selected) as CustomEvent<MemberSelectDetail>;
      expect(event.detail).to.deep.equal({ type: 'state', state: 'AZ' });
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('AZ');
      expect(active(el)?.id).to.equal('detail-title');
      expect(shadowText(el, '[part="detail"] .cities')).to.equal('Flagstaff Phoenix Tempe Tucson');
      expect(viewBox(el)).to.not.equal('-2 21 964 557');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.textContent?.trim()).to.equal('Flagstaff');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.hasAttribute('state')).to.equal(false);
      expect(shadow(el).querySelector('[part="detail"]')).to.equal(null);
      expect(viewBox(el)).to.equal('-2 21 964 557');
      expect(active(el)?.getAttribute('data-code')).to.equal('AZ');
    });

    it('returns with the visible "Back to the whole country" button, and Escape first dismisses a tooltip', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED} state="NJ"></maig-member-map>`);
      await ready(el);
      const nj = shadow(el).querySelector<SVGPathElement>('path.area[data-code="NJ"]')!;
      nj.focus();
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="tooltip"]')).to.not.equal(null);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="tooltip"]')).to.equal(null);
      expect(el.getAttribute('state')).to.equal('NJ');
      const back = shadow(el).querySelector<HTMLButtonElement>('.back--top')!;
      expect(back.textContent!.trim()).to.equal('Back to the whole country');
      back.click();
      await el.updateComplete;
      expect(el.hasAttribute('state')).to.equal(false);
      expect(active(el)?.getAttribute('data-code')).to.equal('NJ');
    });

    it('places the tooltip beside the state it describes, not over it', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED}></maig-member-map>`);
      await ready(el);
      for (const code of ['KS', 'WA', 'TX', 'FL']) {
        const path = shadow(el).querySelector<SVGPathElement>(`path.area[data-code="${code}"]`)!;
        path.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        await el.updateComplete;
        const tip = shadow(el).querySelector('[part="tooltip"]')!.getBoundingClientRect();
        const box = path.getBoundingClientRect();
        const overlapY = Math.min(tip.bottom, box.bottom) - Math.max(tip.top, box.top);
        const overlapX = Math.min(tip.right, box.right) - Math.max(tip.left, box.left);
        expect(overlapX <= 1 || overlapY <= 1, `${code} tooltip overlaps the state`).to.equal(true);
      }
    });

    it('filters cities as you type, accent- and case-blind, and picks one', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED}></maig-member-map>`);
      await ready(el);
      const input = shadow(el).querySelector<HTMLInputElement>('#search')!;
      input.focus();
      await typeKeys('spring');
      await el.updateComplete;
      expect(shadowText(el, '#search-status')).to.equal('3 cities match “spring”.');
      expect([...shadow(el).querySelectorAll('[part="results"] button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Spring Lake, North Carolina',
        'Springfield, Massachusetts',
        'Coral Springs, Florida',
      ]);
      expect(dotCount(shadow(el).querySelector('path.match')!.getAttribute('d'))).to.equal(3);
      input.select();
      await typeKeys('SAN SEB');
      await el.updateComplete;
      const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="results"] button')];
      expect(buttons.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['San Sebastián, Puerto Rico']);
      const selected = oneEvent(el, 'maig-member-select');
      buttons[0]!.click();
      expect(((await selected) as CustomEvent<MemberSelectDetail>).detail).to.deep.equal({ type: 'city', state: 'PR', city: 'San Sebastián', id: 'pr-san-sebastian' });
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('PR');
      expect(shadow(el).querySelector('.mark')!.getAttribute('data-id')).to.equal('pr-san-sebastian');
      input.select();
      await typeKeys('zzzz');
      await el.updateComplete;
      expect(shadowText(el, '#search-status')).to.equal('No member city matches “zzzz”.');
      expect(shadow(el).querySelector('path.match')).to.equal(null);
    });

    it('Enter in the search box picks the one matching city', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED}></maig-member-map>`);
      await ready(el);
      const input = shadow(el).querySelector<HTMLInputElement>('#search')!;
      input.focus();
      await sendKeys({ type: 'san seb' });
      await el.updateComplete;
      expect(shadowText(el, '#search-status')).to.equal('1 city matches “san seb”.');
      const selected = oneEvent(el, 'maig-member-select');
      await sendKeys({ press: 'Enter' });
      expect(((await selected) as CustomEvent<MemberSelectDetail>).detail.id).to.equal('pr-san-sebastian');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('PR');
      expect(shadow(el).querySelector('.mark')!.getAttribute('data-id')).to.equal('pr-san-sebastian');
    });

    it('zoomed on California on a phone: every city shown without an inner scroll box, one way back, the caption after the panel, the view clipped to the state', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED} state="CA" style="display:block;width:360px"></maig-member-map>`);
      await ready(el);
      const cities = shadow(el).querySelector<HTMLElement>('.cities')!;
      const n = Number(shadowText(el, '.detail__count').split(' ')[0]);
      expect(cities.querySelectorAll('li').length).to.equal(n);
      expect(n).to.be.above(40);
      expect(cities.scrollHeight).to.be.at.most(cities.clientHeight + 1);
      expect(['visible', 'clip']).to.include(getComputedStyle(cities).overflowY);
      const backs = [...shadow(el).querySelectorAll('button')].filter((b) => b.textContent!.trim() === 'Back to the whole country');
      expect(backs.length).to.equal(1);
      const top = (sel: string) => shadow(el).querySelector(sel)!.getBoundingClientRect().top;
      expect(top('[part="caption"]')).to.be.above(top('[part="detail"]'));
      expect(top('[part="detail"]')).to.be.above(top('svg.map'));
      // Everything but the zoomed state's outline is clipped to the state (no neighbour, no inset frame).
      const clip = shadow(el).querySelector('clipPath#zoom-clip path')!;
      expect(clip.getAttribute('d')).to.equal(area(el, 'CA').getAttribute('d'));
      expect(shadow(el).querySelector('g.areas')!.getAttribute('clip-path')).to.equal('url(#zoom-clip)');
      expect(shadow(el).querySelector('g.dots')!.getAttribute('clip-path')).to.equal('url(#zoom-clip)');
      await expect(el).to.be.accessible();
      el.state = null;
      await el.updateComplete;
      expect(shadow(el).querySelector('g.areas')!.hasAttribute('clip-path')).to.equal(false);
      expect(shadow(el).querySelector('figure [part="caption"]')).to.not.equal(null);
    });

    it('highlight="Baltimore, MD" marks the city and names it in the caption', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED} highlight="Baltimore, MD"></maig-member-map>`);
      await ready(el);
      expect(shadowText(el, '.caption__highlight')).to.equal("Highlighted: Baltimore, Maryland, one of the coalition's member cities.");
      const mark = shadow(el).querySelector('.mark')!;
      expect(mark.getAttribute('data-id')).to.equal('md-baltimore');
      // The mark sits inside Maryland's shape box.
      const [x, y] = mark.querySelector('path')!.getAttribute('d')!.slice(1).split(/[ h]/).map(Number);
      const md = (shadow(el).querySelector('path.area[data-code="MD"]') as SVGGraphicsElement).getBBox();
      expect(x).to.be.within(md.x, md.x + md.width);
      expect(y).to.be.within(md.y, md.y + md.height);
      el.highlight = 'Atlantis, MD';
      await el.updateComplete;
      expect(shadowText(el, '.caption__highlight')).to.equal("“Atlantis, MD” is not in the coalition's member list.");
      expect(shadow(el).querySelector('.mark')).to.equal(null);
    });

    it('state="PA" opens zoomed on Pennsylvania with its 60 cities listed', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED} state="PA"></maig-member-map>`);
      await ready(el);
      expect(shadowText(el, '#detail-title')).to.equal('Pennsylvania');
      expect(shadowText(el, '.detail__count')).to.equal('60 member cities');
      expect(shadow(el).querySelectorAll('.cities li').length).to.equal(60);
      expect(viewBox(el)).to.not.equal('-2 21 964 557');
      expect(shadow(el).querySelector('path.area[data-code="PA"]')!.classList.contains('area--zoomed')).to.equal(true);
      // Zoomed, the map keeps the whole country's box: nothing moves, nothing spills over the page.
      const svgBox = shadow(el).querySelector('svg.map')!.getBoundingClientRect();
      expect(svgBox.height / svgBox.width).to.be.closeTo(559 / 966, 0.01);
      expect(getComputedStyle(shadow(el).querySelector('svg.map')!).overflow).to.equal('hidden');
      await expect(el).to.be.accessible();
      el.state = 'ZZ';
      await el.updateComplete;
      expect(shadowText(el, '.note')).to.equal('“ZZ” is not a US state or territory on this map; showing the whole country.');
    });

    it('draws dots and the mark the same size on screen zoomed or not, without non-scaling-stroke (which WebKit ignores on dots)', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED} highlight="Baltimore, MD" style="display:block;width:600px"></maig-member-map>`);
      await ready(el);
      const svg = shadow(el).querySelector<SVGSVGElement>('svg.map')!;
      // What an engine that ignores vector-effect on zero-length paths draws: the stroke width times the map's scale.
      const onScreen = (selector: string) => {
        const path = shadow(el).querySelector<SVGPathElement>(selector)!;
        expect(getComputedStyle(path).vectorEffect, selector).to.not.equal('non-scaling-stroke');
        return parseFloat(getComputedStyle(path).strokeWidth) * svg.getScreenCTM()!.a;
      };
      const national = { dot: onScreen('path.dot'), ring: onScreen('.mark-ring') };
      el.state = 'MD';
      await el.updateComplete;
      const zoomed = { dot: onScreen('path.dot'), ring: onScreen('.mark-ring') };
      expect(svg.getScreenCTM()!.a / 4).to.be.above(1); // Maryland is magnified several times
      expect(zoomed.ring).to.be.closeTo(national.ring, 0.5);
      expect(zoomed.dot).to.be.within(national.dot, 8);
      expect(zoomed.ring).to.be.below(20);
    });

    it('has a complete list alternative: every state with members, each opening to its cities', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED}></maig-member-map>`);
      await ready(el);
      const list = shadow(el).querySelector<HTMLDetailsElement>('[part="list"]')!;
      expect(shadowText(el, '[part="list"] > summary')).to.equal('All 548 member cities, as a list by state');
      // Its body is built when opened (46 closed <details> would slow the first render).
      list.open = true;
      await waitUntil(() => list.querySelector('.all__states'), 'the list opens');
      const states = [...list.querySelectorAll<HTMLDetailsElement>('.all__states details')];
      expect(states.length).to.equal(46);
      expect(states[0]!.querySelector('summary')!.textContent!.trim()).to.equal('Alabama: 6 member cities');
      for (const d of states) d.open = true;
      // 46 toggle events, each a render: WebKit takes about a second for them on a busy machine.
      await waitUntil(() => list.querySelectorAll('.all__cities li').length === 548, 'all 548 cities listed', { timeout: 5000 });
      expect(shadowText(el, '.all__none')).to.match(/^No member city listed in: Alaska, American Samoa, Guam, Idaho, .*Wyoming\.$/);
      await expect(el).to.be.accessible();
    });
  });

  describe('with a fixture feed', () => {
    it('shows a loading state that screen readers hear, in the map\'s room', async () => {
      mockFetch({ [FIXTURE_FEED]: { hang: true } });
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${FIXTURE_FEED}></maig-member-map>`);
      await waitForShadow(el, '[part="loading"]');
      expect(shadow(el).querySelector('[part="loading"]')!.getAttribute('role')).to.equal('status');
      expect(shadowText(el, '[part="loading"]')).to.equal('Loading the member map…');
      expect(shadow(el).querySelector('.skeleton--map')!.getBoundingClientRect().height).to.be.greaterThan(100);
      await expect(el).to.be.accessible();
    });

    it('gives a readable error when the feed has no map geometry, and keeps the fallback', async () => {
      mockFetch(fixtureRoutes());
      const el = await fixture<MaigMemberMap>(
        html`<maig-member-map feed=${FIXTURE_FEED}><a href="https://example.org/">Our member cities</a></maig-member-map>`,
      );
      await waitForShadow(el, '[part="error"]');
      expect(shadowText(el, '[part="error"]')).to.contain('The member map could not be shown. The data feed does not contain what this widget needs.');
      expect(shadowText(el, '[part="error"]')).to.contain('this feed has no "map" resource');
      expect(shadow(el).querySelector('[part="error"] slot')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('draws the fixture: shades by count, one dot per placed member, and zooms on click', async () => {
      const fetches = mockFetch(mapRoutes());
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${FIXTURE_FEED}></maig-member-map>`);
      await ready(el);
      expect(fetches.count('/map.json')).to.equal(1);
      expect(fetches.count('/members.json')).to.equal(1);
      expect(allDots(el)).to.equal(3);
      const cls = (code: string) => shadow(el).querySelector(`path.area[data-code="${code}"]`)!.getAttribute('class');
      expect(cls('NJ')).to.contain('b2');
      expect(cls('PR')).to.contain('b1');
      expect(cls('WY')).to.contain('b0');
      // Wyoming has no member: not a tab stop, but named in the list alternative.
      expect(shadow(el).querySelector('path.area[data-code="WY"]')!.getAttribute('role')).to.equal(null);
      shadow(el).querySelector<HTMLDetailsElement>('[part="list"]')!.open = true;
      await waitUntil(() => shadow(el).querySelector('.all__none'), 'the list opens');
      expect(shadowText(el, '.all__none')).to.equal('No member city listed in: Wyoming.');
      shadow(el).querySelector<SVGPathElement>('path.area[data-code="NJ"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
      await el.updateComplete;
      expect(el.state).to.equal('NJ');
      expect(shadowText(el, '[part="detail"] .cities')).to.equal('Newark Trenton');
    });

    it('is axe-clean in the dark theme, zoomed', async () => {
      mockFetch(mapRoutes());
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${FIXTURE_FEED} theme="dark" state="NJ"></maig-member-map>`);
      await ready(el);
      expect(shadowText(el, '#detail-title')).to.equal('New Jersey');
      await expect(el).to.be.accessible();
    });
  });

  describe('accessibility hardening (issue 12)', () => {
    it('keeps a focus ring on the focused state without its tooltip: after Escape and while another state is hovered', async () => {
      const wrapper = await fixture(html`<div><button>before</button><maig-member-map feed=${REAL_FEED}></maig-member-map></div>`);
      const el = wrapper.querySelector('maig-member-map')!;
      await ready(el);
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      const ring = () => shadow(el).querySelector('.focus-ring');
      expect(active(el)?.getAttribute('data-code')).to.equal('AL');
      expect(ring()?.getAttribute('data-code')).to.equal('AL');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(shadowText(el, '[part="tooltip"]'), 'Escape dismissed the tooltip').to.equal('');
      expect(active(el)?.getAttribute('data-code')).to.equal('AL');
      expect(ring()?.getAttribute('data-code'), 'the ring stays after Escape').to.equal('AL');
      hover(el, 'TX');
      await el.updateComplete;
      expect(shadowText(el, '[part="tooltip"]')).to.match(/^Texas/);
      expect(ring()?.getAttribute('data-code'), 'the ring stays on the focused state while another is hovered').to.equal('AL');
      // Both tones are drawn: the ring is not the accent-blue line of before.
      expect(ring()!.querySelectorAll('path').length).to.equal(2);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(ring()?.getAttribute('data-code')).to.equal('AZ');
      wrapper.querySelector('button')!.focus();
      await el.updateComplete;
      expect(ring() === null, 'no ring once focus has left the map').to.equal(true);
    });

    for (const theme of ['light', 'dark'] as const) {
      it(`gives the focus ring 3:1 or more against every shade and the background (${theme}), computed from the computed colors`, async () => {
        const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED} theme=${theme} state="PA"></maig-member-map>`);
        await ready(el);
        area(el, 'NY').focus();
        await el.updateComplete;
        const core = rgb(getComputedStyle(shadow(el).querySelector('.ring--focus')!).stroke);
        const halo = rgb(getComputedStyle(shadow(el).querySelector('.ring--focus-halo')!).stroke);
        const bg = rgb(getComputedStyle(shadow(el).querySelector('.root')!).backgroundColor);
        expect(contrast(core, halo), 'between the two tones').to.be.at.least(3);
        const against: Array<[string, [number, number, number]]> = [['background', bg]];
        for (let b = 0; b <= 5; b++) {
          const path = shadow(el).querySelector<SVGPathElement>(`path.area.b${b}:not(.area--zoomed)`)!;
          expect(path, `a state with shade ${b}`).to.not.equal(null);
          const style = getComputedStyle(path);
          const fill = rgb(style.fill);
          against.push([`shade ${b}`, fill]);
          // Zoomed on Pennsylvania, the other states are faded over the background.
          against.push([`shade ${b} faded`, blend(fill, bg, Number(style.fillOpacity))]);
        }
        const ratios = against.map(([name, c]) => [name, Math.max(contrast(core, c), contrast(halo, c))] as const);
        for (const [name, ratio] of ratios) expect(ratio, `focus ring against ${name}`).to.be.at.least(3);
        await expect(el).to.be.accessible();
      });
    }

    it('dismisses a hover tooltip with Escape while focus is outside the widget, and leaves the page its Escape', async () => {
      const wrapper = await fixture(html`<div><button>outside</button><maig-member-map feed=${REAL_FEED}></maig-member-map></div>`);
      const el = wrapper.querySelector('maig-member-map')!;
      await ready(el);
      const outside = wrapper.querySelector('button')!;
      outside.focus();
      hover(el, 'KS');
      await el.updateComplete;
      expect(shadowText(el, '[part="tooltip"]')).to.match(/^Kansas/);
      await expect(el).to.be.accessible();
      let pageSawEscape = false;
      const onPage = (e: KeyboardEvent) => (pageSawEscape ||= e.key === 'Escape');
      document.addEventListener('keydown', onPage);
      try {
        await sendKeys({ press: 'Escape' });
        await el.updateComplete;
      } finally {
        document.removeEventListener('keydown', onPage);
      }
      // Compared as text and booleans: a failing comparison of elements is slow to report.
      expect(shadowText(el, '[part="tooltip"]'), 'the tooltip is dismissed').to.equal('');
      expect(document.activeElement === outside, 'focus stays outside').to.equal(true);
      expect(pageSawEscape, 'the host page still gets its Escape').to.equal(true);
    });

    it('keeps the tooltip of every state, Massachusetts and the insets included, inside a 320 px widget', async () => {
      const wrapper = await fixture(html`<div class="narrow"><maig-member-map feed=${REAL_FEED}></maig-member-map></div>`);
      (wrapper as HTMLElement).style.width = '320px';
      const el = wrapper.querySelector('maig-member-map')!;
      await ready(el);
      const box = el.getBoundingClientRect();
      expect(box.width).to.equal(320);
      const codes = [...shadow(el).querySelectorAll('path.area[role="button"]')].map((p) => p.getAttribute('data-code')!);
      expect(codes).to.include.members(['MA', 'WA', 'FL', 'HI', 'MP', 'PR']);
      for (const code of codes) {
        hover(el, code);
        await el.updateComplete;
        const tip = shadow(el).querySelector('[part="tooltip"]')!.getBoundingClientRect();
        expect(tip.left, `${code} tooltip's left edge`).to.be.at.least(box.left - 0.5);
        expect(tip.right, `${code} tooltip's right edge`).to.be.at.most(box.right + 0.5);
      }
      hover(el, 'MA');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('Escape in the search box while zoomed clears the search first, and un-zooms only on a second Escape', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED} state="NJ"></maig-member-map>`);
      await ready(el);
      const input = shadow(el).querySelector<HTMLInputElement>('#search')!;
      input.focus();
      await typeKeys('newark');
      await el.updateComplete;
      expect(shadowText(el, '#search-status')).to.match(/match(es)? “newark”/);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.value).to.equal('');
      expect(shadowText(el, '#search-status')).to.equal('');
      expect(shadow(el).querySelector('[part="results"]')!.hasAttribute('hidden')).to.equal(true);
      expect(el.getAttribute('state'), 'still zoomed').to.equal('NJ');
      expect(active(el)?.id).to.equal('search');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.hasAttribute('state')).to.equal(false);
      expect(active(el)?.id, 'focus stays in the search box').to.equal('search');
      expect(shadowText(el, '#map-status')).to.equal('Showing the whole country.');
    });

    it('arrows through the states in the order they are read (by name)', async () => {
      const wrapper = await fixture(html`<div><button>before</button><maig-member-map feed=${REAL_FEED}></maig-member-map></div>`);
      const el = wrapper.querySelector('maig-member-map')!;
      await ready(el);
      const reading = [...shadow(el).querySelectorAll('path.area[role="button"]')].map((p) => p.getAttribute('aria-label')!.split(':')[0]!);
      expect(reading.length).to.equal(46);
      expect([...reading].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'read in name order').to.deep.equal(reading);
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      const arrowed = [active(el)!.getAttribute('aria-label')!.split(':')[0]!];
      for (let i = 1; i < reading.length; i++) {
        await sendKeys({ press: 'ArrowRight' });
        await el.updateComplete;
        arrowed.push(active(el)!.getAttribute('aria-label')!.split(':')[0]!);
      }
      expect(arrowed).to.deep.equal(reading);
      // The list alternative is in the same order.
      const list = shadow(el).querySelector<HTMLDetailsElement>('[part="list"]')!;
      list.open = true;
      await waitUntil(() => list.querySelector('.all__states'), 'the list opens');
      expect([...list.querySelectorAll('.all__states summary')].map((s) => s.textContent!.split(':')[0]!.trim())).to.deep.equal(reading);
    });

    it('exposes the zoomed state with aria-current and announces a zoom by mouse or from a search result', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED} state="NJ"></maig-member-map>`);
      await ready(el);
      const current = () => [...shadow(el).querySelectorAll('path.area[aria-current]')].map((p) => `${p.getAttribute('data-code')}=${p.getAttribute('aria-current')}`);
      expect(current()).to.deep.equal(['NJ=true']);
      const status = shadow(el).querySelector('#map-status')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent!.trim(), 'nothing said on opening').to.equal('');
      await expect(el).to.be.accessible();
      area(el, 'AZ').dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
      await el.updateComplete;
      expect(current()).to.deep.equal(['AZ=true']);
      expect(shadowText(el, '#map-status')).to.equal('Zoomed in on Arizona: 4 member cities, listed after the map.');
      await expect(el).to.be.accessible();
      const input = shadow(el).querySelector<HTMLInputElement>('#search')!;
      input.focus();
      await typeKeys('san seb');
      await el.updateComplete;
      shadow(el).querySelector<HTMLButtonElement>('[part="results"] button')!.click();
      await el.updateComplete;
      expect(current()).to.deep.equal(['PR=true']);
      expect(shadowText(el, '#map-status')).to.equal('Zoomed in on Puerto Rico: San Sebastián is marked on the map.');
      shadow(el).querySelector<HTMLButtonElement>('.back--top')!.click();
      await el.updateComplete;
      expect(current()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('heading-level sets the level of the zoomed state\'s heading (3 by default)', async () => {
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED} state="PA"></maig-member-map>`);
      await ready(el);
      const title = () => shadow(el).querySelector('#detail-title')!;
      const level = () => (title().localName === 'div' ? title().getAttribute('aria-level') : title().localName.slice(1));
      expect(title().getAttribute('role') ?? title().localName).to.match(/heading|h3/);
      expect(level()).to.equal('3');
      el.setAttribute('heading-level', '2');
      await el.updateComplete;
      expect(title().getAttribute('role')).to.equal('heading');
      expect(level()).to.equal('2');
      expect(shadowText(el, '#detail-title')).to.equal('Pennsylvania');
      await expect(el).to.be.accessible();
      el.setAttribute('heading-level', '5');
      await el.updateComplete;
      expect(level()).to.equal('5');
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
      expect(level(), 'out of range is brought to the nearest').to.equal('6');
    });

    itChromium('keeps the legend\'s swatches the same colors as the map in forced-colors mode', async () => {
      await executeServerCommand('emulate-forced-colors', { active: true });
      try {
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED}></maig-member-map>`);
        await ready(el);
        for (let b = 0; b <= 5; b++) {
          const fill = getComputedStyle(shadow(el).querySelector(`path.area.b${b}`)!).fill;
          const swatch = getComputedStyle(shadow(el).querySelector(`.swatch.b${b}`)!).backgroundColor;
          expect(swatch, `swatch ${b}`).to.equal(fill);
        }
        // The shades are told apart in the legend: six different colors.
        expect(new Set([...shadow(el).querySelectorAll('.swatch')].map((s) => getComputedStyle(s).backgroundColor)).size).to.equal(6);
        // The member-city key stays a visible dot, the same color as the map's dots.
        expect(getComputedStyle(shadow(el).querySelector('.key--dot')!).backgroundColor).to.equal(getComputedStyle(shadow(el).querySelector('path.dot')!).stroke);
        await expect(el).to.be.accessible();
      } finally {
        await executeServerCommand('emulate-forced-colors', { active: false });
      }
      expect(matchMedia('(forced-colors: active)').matches).to.equal(false);
    });
  });
});
