// Writing HTML from text: every value is escaped by `html`, a tagged template; nested `html`
// results and arrays of them are inserted as they are.
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

class Html {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const part = (value) => (value instanceof Html ? value.text : Array.isArray(value) ? value.map(part).join('') : escapeHtml(value));

/** html`<p>${text}</p>`: the values escaped, unless they are html`` results themselves. */
export const html = (strings, ...values) => new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
