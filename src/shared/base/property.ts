import type { PropertyDeclaration } from 'lit';
import { property as litProperty } from 'lit/decorators.js';

/**
 * Lit's `@property`, with its options copied into an object without a prototype. Lit reads
 * options such as `state`, `attribute` and `noAccessor` when the element is defined; in a plain
 * object literal a missing one is looked up on Object.prototype, so a page that set
 * `Object.prototype.state` (or `attribute`…) before loading the widgets would turn every
 * attribute (e.g. the join form's `endpoint`) into internal state that ignores its attribute.
 */
export const property = (options?: PropertyDeclaration) => litProperty(Object.assign(Object.create(null) as PropertyDeclaration, options));
