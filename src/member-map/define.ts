import { defineElement } from '../shared/define-element.js';
import { MaigMemberMap } from './maig-member-map.js';

export { MaigMemberMap };
export type { MemberSelectDetail } from './maig-member-map.js';

defineElement('maig-member-map', MaigMemberMap);

declare global {
  interface HTMLElementTagNameMap {
    'maig-member-map': MaigMemberMap;
  }
  interface HTMLElementEventMap {
    'maig-member-select': CustomEvent<import('./maig-member-map.js').MemberSelectDetail>;
  }
}
