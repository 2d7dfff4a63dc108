import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/member-map/define.js';
import type { MaigMemberMap } from '../../src/member-map/maig-member-map.js';
import { REAL_FEED } from '../helpers/feed.js';
import { waitForShadow } from '../helpers/dom.js';

// Its own file: Lit warns once per element class and page, so this page must be fresh.
describe('<maig-member-map> renders its data once', () => {
  it('draws the map in one update after the data arrives, whole country and zoomed (no update scheduled after an update)', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
    try {
      let updates = 0;
      const el = await fixture<MaigMemberMap>(html`<maig-member-map feed=${REAL_FEED} state="MD" highlight="Baltimore, MD"></maig-member-map>`);
      const update = (el as unknown as { update(c: unknown): void }).update.bind(el);
      (el as unknown as { update(c: unknown): void }).update = (c) => {
        updates++;
        update(c);
      };
      await waitForShadow(el, 'svg.map path.dot', 8000);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 100));
      expect(updates, 'updates after the loading state').to.equal(1);
      // Keyboard: each arrow and Escape is one update (the focus that follows draws nothing new).
      const path = (code: string) => el.shadowRoot!.querySelector<SVGPathElement>(`path.area[data-code="${code}"]`)!;
      el.state = null;
      await el.updateComplete;
      const first = el.shadowRoot!.querySelector<SVGPathElement>('path.area[tabindex="0"]')!;
      first.focus();
      await el.updateComplete;
      updates = 0;
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(updates, 'updates for one arrow key').to.equal(1);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      updates = 0;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(updates, 'updates for Escape').to.equal(1);
      expect(el.shadowRoot!.activeElement).to.equal(path(el.shadowRoot!.activeElement!.getAttribute('data-code')!));
      expect(warnings.filter((w) => w.includes('scheduled an update'))).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });
});
