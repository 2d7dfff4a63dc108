import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { resolveFeedUrl } from '../feed/client.js';
import { formatNumber, pageLocale } from '../format/locale.js';
import { litPolicyRefused, warnPolicyRefused } from '../trusted-types.js';
import { isDark, unwatchScheme, watchScheme } from './scheme.js';
import { catalogReady, langOf, langTag, loadCatalog, translate, type CatalogLoader, type Lang, type Values } from '../i18n/i18n.js';

/**
 * Base of every maig element: the `feed` and `theme` attributes, the page locale and language,
 * the Spanish catalog, and the fallback under a CSP that refuses Lit. A widget that shows a data
 * task extends `MaigDataElement` (`./maig-data-element.ts`), which adds the task's states.
 */
export abstract class MaigElement extends LitElement {
  // Declared without decorators, like the member count: a page with only a member count then
  // loads no decorator code (they stay in a chunk for the widgets that use them).
  static override properties: PropertyDeclarations = {
    feed: { reflect: true },
    theme: { reflect: true },
    // The native `lang` attribute, observed so that changing it re-renders in the new language.
    lang: { reflect: true },
  };

  /** URL of the data feed (its index.json or its folder). Default: `<meta name="maig-feed">`, then the feed next to the script. */
  feed: string | null = null;

  /**
   * The palette. By default the host page's: a page that declares `color-scheme: light dark`
   * (CSS, or `<meta name="color-scheme" content="light dark">`) gets the dark theme when the
   * reader's system is dark, one that declares `dark` always, one that declares nothing the light
   * theme. `auto` follows the reader's system whatever the page; `light` or `dark` forces it.
   */
  theme: 'light' | 'dark' | 'auto' | null = null;

  /** Custom states (`dark`, for the styles' `:host(:state(dark))`); null where the browser has none. */
  private readonly internalStates: CustomStateSet | null = (() => {
    try {
      return this.attachInternals().states ?? null;
    } catch {
      return null;
    }
  })();

  override connectedCallback(): void {
    super.connectedCallback();
    watchScheme(this);
    this.applyScheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchScheme(this);
  }

  /**
   * Sets the `dark` state from `theme` and the page (see shared/base/scheme.ts).
   * @internal
   */
  applyScheme(): void {
    const states = this.internalStates;
    if (!states) return;
    try {
      if (isDark(this, this.theme)) states.add('dark');
      else states.delete('dark');
    } catch {
      /* a browser that knows only the older `--dark` form of custom states: the light theme */
    }
  }

  /** The feed this element reads, resolved now. */
  protected get feedUrl(): string {
    return resolveFeedUrl(this, this.feed);
  }

  /** The widget's own Spanish strings, a chunk of their own: `static override spanish = () => import('./catalog-es.js')`. */
  static spanish?: CatalogLoader;

  /** The page's locale for numbers and dates. */
  protected get locale(): string {
    return pageLocale(this);
  }

  /**
   * The widget's language: its own `lang`, then the nearest ancestor's (across shadow roots),
   * then the document's. `es`, `es-US`, `es-PR`… give Spanish; anything else English.
   */
  protected get uiLang(): Lang {
    return this.langOfUpdate ?? langOf(langTag(this));
  }

  /** The language read once at the start of an update: a render asks for it once per string. */
  private langOfUpdate: Lang | null = null;

  /**
   * Reads the language once for the whole render: `t()` is called for every state's label, and
   * each call would otherwise walk the ancestors (across shadow roots) for their `lang`.
   */
  protected override update(changed: PropertyValues): void {
    if (changed.has('theme')) this.applyScheme();
    this.langOfUpdate = langOf(langTag(this));
    try {
      super.update(changed);
    } finally {
      this.langOfUpdate = null;
    }
  }

  /**
   * `source` (the English text) in the widget's language, with `{name}` placeholders filled. A
   * number a translation writes as `{n:100000}` is written the page's way: one number style per
   * language tag ("100,000" in es-US and es-PR, like every figure of the card; "100.000" in es).
   */
  protected t(source: string, values?: Values): string {
    return translate(this.uiLang, source, values).replace(/\{n:(\d+)\}/g, (_, n: string) => formatNumber(Number(n), this.locale));
  }

  /**
   * A Spanish widget waits for the Spanish catalog (its own chunk) before it renders, so that no
   * English word shows first; until then the author's fallback content stays in view. If the
   * catalog cannot be loaded, the widget renders in English rather than not at all.
   */
  protected override async scheduleUpdate(): Promise<void> {
    const lang = this.uiLang;
    const own = (this.constructor as typeof MaigElement).spanish;
    if (!catalogReady(lang, own)) {
      try {
        await loadCatalog(lang, own);
      } catch (error) {
        console.warn('maig-widgets: the Spanish text could not be loaded; showing English.', error);
      }
    }
    super.scheduleUpdate();
  }

  /**
   * When the page's CSP refused Lit's Trusted Types policy (see `shared/trusted-types.ts`), Lit
   * cannot render: the widget shows its fallback content through a plain slot, loads nothing and
   * throws nothing, and the first such widget writes one console message saying what to add.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    if (!litPolicyRefused()) return super.shouldUpdate(changed);
    warnPolicyRefused();
    const root = this.renderRoot;
    if (root && !root.querySelector('slot')) root.replaceChildren(document.createElement('slot'));
    return false;
  }

  /**
   * `source` translated, with each `{name}` replaced by `parts[name]` (text, or a template such
   * as a `<time>` or an English span marked `lang="en"`), in the order the language puts them.
   */
  protected tParts(source: string, parts: Record<string, unknown>): unknown[] {
    return this.t(source)
      .split(/\{(\w+)\}/)
      .map((piece, i) => (i % 2 ? (piece in parts ? parts[piece] : `{${piece}}`) : piece));
  }
}
