import { defineElement } from '../shared/define-element.js';
import { MaigPrinciples } from './maig-principles.js';

export { MaigPrinciples };
export type { PrincipleToggleDetail } from './maig-principles.js';

defineElement('maig-principles', MaigPrinciples);

declare global {
  interface HTMLElementTagNameMap {
    'maig-principles': MaigPrinciples;
  }
}
