import { expect, fixture, html } from '@open-wc/testing';
import { fill, langOf, langTag, loadCatalog, translate } from '../../src/shared/i18n/i18n.js';
import catalog from '../helpers/all-es.generated.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('a widget speaks Spanish for es, es-US, es-PR, es-MX, ES; English for anything else', () => {
    for (const tag of ['es', 'es-US', 'es-PR', 'es-MX', 'ES', 'es-419']) expect(langOf(tag), tag).to.equal('es');
    for (const tag of ['en', 'en-US', 'fr', 'pt-BR', '', 'espanol', 'e']) expect(langOf(tag), tag).to.equal('en');
  });

  it('its language: own lang, then the nearest ancestor, across shadow roots, then the document', async () => {
    document.documentElement.setAttribute('lang', 'es-PR');
    const outer = await fixture(html`<section lang="en-US"><div><span id="own" lang="es-MX"></span><span id="inherits"></span></div></section>`);
    expect(langTag(outer.querySelector('#own'))).to.equal('es-MX');
    expect(langTag(outer.querySelector('#inherits'))).to.equal('en-US');
    const host = await fixture(html`<div lang="es"></div>`);
    const inner = document.createElement('p');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(langTag(inner)).to.equal('es');
    const bare = await fixture(html`<p></p>`);
    expect(langTag(bare)).to.equal('es-PR');
  });

  it('fills placeholders, and keeps English until the Spanish catalog is loaded', async () => {
    expect(fill('{count} member cities in {state}', { count: '61', state: 'New Jersey' })).to.equal('61 member cities in New Jersey');
    expect(translate('en', 'Try again')).to.equal('Try again');
    await loadCatalog('es');
    expect(translate('es', 'a string no catalog has')).to.equal('a string no catalog has');
  });

  it('every Spanish entry keeps its placeholders and is not empty', () => {
    for (const [en, es] of Object.entries(catalog)) {
      expect(es.trim(), en).to.not.equal('');
      expect(placeholders(es), en).to.deep.equal(placeholders(en));
    }
  });
});
