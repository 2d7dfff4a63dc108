// First import of every entry (each define.ts imports this module first): the Trusted Types guard
// must be evaluated before Lit.
import './trusted-types.js';
import { VERSION } from './version.js';

type Versioned = CustomElementConstructor & { maigVersion?: string };
const warned = new Set<string>();

/**
 * Registers an element if its name is free. Loading the bundle twice, or two entries that share
 * an element, never throws; a different version already registered warns once.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(name) as Versioned | undefined;
  if (!existing) {
    (constructor as Versioned).maigVersion = VERSION;
    registry.define(name, constructor);
    return;
  }
  if (existing.maigVersion !== VERSION && !warned.has(name)) {
    warned.add(name);
    console.warn(
      `maig-widgets: <${name}> is already defined by ${existing.maigVersion ? `maig-widgets ${existing.maigVersion}` : 'another script'}; ` +
        `version ${VERSION} loaded on this page is not used for it. Load one copy of the widgets per page.`,
    );
  }
}
