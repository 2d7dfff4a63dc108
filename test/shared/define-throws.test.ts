import { expect } from '@open-wc/testing';

// Hardening item 4: a host page whose customElements.define throws for one element (a wrapper,
// a name taken) must not keep the elements registered after it from being defined. This file
// imports nothing that defines an element before the registry is wrapped.
describe('registering every element at once when define throws for one', () => {
  it('defines the others and warns once, naming the one that failed', async () => {
    const define = customElements.define.bind(customElements);
    customElements.define = (name: string, constructor: CustomElementConstructor, options?: ElementDefinitionOptions) => {
      if (name === 'maig-principles') throw new DOMException('blocked by the host page', 'NotSupportedError');
      define(name, constructor, options);
    };
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      // maig-principles is registered first (see src/maig-widgets-all.ts), so everything after it depends on this.
      await import('../../src/maig-widgets-all.js');
    } finally {
      console.warn = original;
      customElements.define = define;
    }
    expect(customElements.get('maig-principles')).to.equal(undefined);
    for (const tag of ['maig-member-count', 'maig-city-stats', 'maig-join-form', 'maig-member-map']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    expect(warnings).to.deep.equal([
      'maig-widgets: <maig-principles> could not be registered (blocked by the host page); the other widgets are not affected.',
    ]);
  });
});
