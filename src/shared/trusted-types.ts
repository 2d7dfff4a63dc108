/**
 * Lit creates its Trusted Types policy, `lit-html`, when its module is first evaluated. On a page
 * whose Content-Security-Policy has a `trusted-types` list without `lit-html`, or with it but
 * without `'allow-duplicates'` while the page's own Lit (or a second copy of the widgets) created
 * the policy first, `trustedTypes.createPolicy` throws: Lit's module fails, and with it every
 * widget, as an uncaught error in the host page.
 *
 * This module is evaluated before Lit (it is the first import of `define-element.ts`, which is
 * the first import of every entry). For Lit's one call it turns a refusal into "no policy" and
 * one console message saying what to add to the CSP; the widgets then render nothing but their
 * fallback content (see `MaigElement`). The message is written when the first widget that cannot
 * render connects (a second copy of the widgets whose elements were never used stays silent).
 * The wrapper is removed as soon as Lit has called it, and in any case before any other script of
 * the page runs (a microtask after this module graph).
 */

interface PolicyFactory {
  createPolicy(name: string, rules?: object): unknown;
}

/** What to add to the host page's CSP. */
export const TRUSTED_TYPES_HINT = "trusted-types lit-html 'allow-duplicates'";

/** Why the page refused Lit's policy; undefined when it did not. */
let refused: string | undefined;
let warned = false;

/** True when the page refused Lit's Trusted Types policy: the widgets cannot render and show their fallback. */
export const litPolicyRefused = (): boolean => refused !== undefined;

/** The one console message about a refused policy, written once per copy of the widgets. */
export function warnPolicyRefused(): void {
  if (refused === undefined || warned) return;
  warned = true;
  console.warn(
    `maig-widgets: this page's Content-Security-Policy refused the Trusted Types policy "lit-html" (${refused}). ` +
      `The widgets show their fallback content. To show them, add ${TRUSTED_TYPES_HINT} to the policy's ` +
      `trusted-types list, next to the page's own names.`,
  );
}

function guard(factory: PolicyFactory): void {
  const hadOwn = Object.prototype.hasOwnProperty.call(factory, 'createPolicy');
  const original = factory.createPolicy;
  let active = true;
  const restore = () => {
    if (!active) return;
    active = false;
    try {
      if (hadOwn) factory.createPolicy = original;
      else delete (factory as Partial<PolicyFactory>).createPolicy;
    } catch {
      /* a frozen factory was never wrapped */
    }
  };
  const wrapped = function createPolicy(name: string, rules?: object): unknown {
    if (name !== 'lit-html') return original.call(factory, name, rules);
    restore();
    try {
      return original.call(factory, name, rules);
    } catch (error) {
      refused = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
      return undefined;
    }
  };
  try {
    factory.createPolicy = wrapped;
  } catch {
    return; // a frozen factory: nothing to do
  }
  queueMicrotask(restore);
}

const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
if (factory && typeof factory.createPolicy === 'function') guard(factory);
