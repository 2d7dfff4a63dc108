import { defineElement } from '../shared/define-element.js';
import { startAutoMount } from '../shared/mount/mount.js';
import { MaigPrinciples } from './maig-principles.js';

export { MaigPrinciples };
export type { PrincipleToggleDetail } from './maig-principles.js';

defineElement('maig-principles', MaigPrinciples);
startAutoMount();

declare global {
  interface HTMLElementTagNameMap {
    'maig-principles': MaigPrinciples;
  }
}
