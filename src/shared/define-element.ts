// First import of every entry (each define.ts imports this module first): the Trusted Types guard
// must be evaluated before Lit.
import './trusted-types.js';
import { VERSION } from './version.js';

type Versioned = CustomElementConstructor & { maigVersion?: string };
const warned = new Set<string>();

function warnOnce(name: string, text: string): void {
  if (warned.has(name)) return;
  warned.add(name);
  console.warn(`maig-widgets: ${text}`);
}

/**
 * Registers an element if its name is free, on its own: when `customElements.define` throws for
 * it (a host page that wraps the registry, a name taken in a way `get` does not show), it warns
 * once naming it and returns, so the elements registered after it are still defined. Loading the
 * bundle twice, or two entries that share an element, never throws; a different version already
 * registered warns once.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  try {
    const registry = globalThis.customElements;
    if (!registry) return;
    const existing = registry.get(name) as Versioned | undefined;
    if (!existing) {
      (constructor as Versioned).maigVersion = VERSION;
      registry.define(name, constructor);
      return;
    }
    if (existing.maigVersion !== VERSION) {
      warnOnce(
        name,
        `<${name}> is already defined by ${existing.maigVersion ? `maig-widgets ${existing.maigVersion}` : 'another script'}; ` +
          `version ${VERSION} loaded on this page is not used for it. Load one copy of the widgets per page.`,
      );
    }
  } catch (error) {
    warnOnce(name, `<${name}> could not be registered (${error instanceof Error ? error.message : String(error)}); the other widgets are not affected.`);
  }
}
