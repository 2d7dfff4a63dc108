import { defineElement } from '../shared/define-element.js';
import { MaigMemberCount } from './maig-member-count.js';

export { MaigMemberCount };

defineElement('maig-member-count', MaigMemberCount);

declare global {
  interface HTMLElementTagNameMap {
    'maig-member-count': MaigMemberCount;
  }
}
