// A page that sets Object.prototype.state (or has a library that does) before the widgets load:
// the join form must still read its attributes. This file sets it before the element is
// defined, which is when Lit reads each property's options, so it has a page of its own.
import { expect, fixture, html } from '@open-wc/testing';
import type { MaigJoinForm } from '../../src/join-form/define.js';

const proto = Object.prototype as unknown as Record<string, unknown>;

describe('<maig-join-form> on a page that polluted Object.prototype', () => {
  before(async () => {
    proto.state = true;
    await import('../../src/join-form/define.js');
  });
  after(() => {
    delete proto.state;
  });

  it('with an endpoint, shows the form (not "This join form is not set up yet")', async () => {
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint="https://join.test/join" state="AZ" persist="none"></maig-join-form>`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(el.endpoint).to.equal('https://join.test/join');
    expect(root.textContent).not.to.include('not set up');
    expect(root.querySelector('[part="config"]')).to.equal(null);
    expect(root.querySelector('button[type="submit"]')?.textContent?.trim()).to.equal('Sign and join');
    // The state attribute still prefills the state (the polluted name itself).
    expect(root.querySelector<HTMLSelectElement>('#f-state')?.value).to.equal('AZ');
    // axe itself cannot run on a polluted page: check the form as rendered, with the page cleaned.
    delete proto.state;
    await expect(el).to.be.accessible();
  });
});
