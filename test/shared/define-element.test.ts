import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/shared/define-element.js';
import { VERSION } from '../../src/shared/version.js';
import { MaigMemberCount } from '../../src/member-count/define.js';

function captureWarnings(run: () => void): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (m: string) => warnings.push(m);
  try {
    run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('defineElement (registration)', () => {
  it('registers an element, and a second registration of the same version neither throws nor warns', () => {
    expect(customElements.get('maig-member-count')).to.equal(MaigMemberCount);
    const warnings = captureWarnings(() => {
      defineElement('maig-member-count', class extends HTMLElement {});
      defineElement('maig-member-count', MaigMemberCount);
    });
    expect(warnings).to.deep.equal([]);
    expect(customElements.get('maig-member-count')).to.equal(MaigMemberCount);
  });

  it('warns once when another version already holds the name', () => {
    class Older extends HTMLElement {
      static maigVersion = '0.0.1';
    }
    customElements.define('maig-test-versioned', Older);
    const warnings = captureWarnings(() => {
      defineElement('maig-test-versioned', class extends HTMLElement {});
      defineElement('maig-test-versioned', class extends HTMLElement {});
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.equal(
      `maig-widgets: <maig-test-versioned> is already defined by maig-widgets 0.0.1; version ${VERSION} loaded on this page is not used for it. Load one copy of the widgets per page.`,
    );
    expect(customElements.get('maig-test-versioned')).to.equal(Older);
  });
});
