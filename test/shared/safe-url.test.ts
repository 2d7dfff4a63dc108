import { expect } from '@open-wc/testing';
import { safeHref } from '../../src/shared/text/safe-url.js';

/** URLs a hostile feed or attribute may carry: none of them may become a link. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '  javascript:alert(1)',
  '\tjava\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  ' VBScript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.org/1234',
];

describe('safeHref', () => {
  it('refuses javascript:, data:, vbscript: and other schemes, in any case, with leading spaces or tabs', () => {
    for (const url of HOSTILE_URLS) expect(safeHref(url), JSON.stringify(url)).to.equal(null);
  });

  it('refuses empty and non-string values', () => {
    for (const value of ['', '   ', null, undefined, 42, {}, ['https://example.org/']]) expect(safeHref(value), String(value)).to.equal(null);
  });

  it('keeps http and https URLs, normalized', () => {
    expect(safeHref('https://example.org/join')).to.equal('https://example.org/join');
    expect(safeHref('  HTTP://Example.org/a b')).to.equal('http://example.org/a%20b');
  });

  it('resolves relative URLs against the page, so they keep the page scheme', () => {
    expect(safeHref('#join', 'https://city.example/page')).to.equal('https://city.example/page#join');
    expect(safeHref('/join', 'https://city.example/page')).to.equal('https://city.example/join');
    expect(safeHref('//cdn.example/x', 'https://city.example/')).to.equal('https://cdn.example/x');
  });
});
