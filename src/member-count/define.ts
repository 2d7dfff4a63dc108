import { defineElement } from '../shared/define-element.js';
import { startAutoMount } from '../shared/mount/mount.js';
import { MaigMemberCount } from './maig-member-count.js';

export { MaigMemberCount };

defineElement('maig-member-count', MaigMemberCount);
startAutoMount();

declare global {
  interface HTMLElementTagNameMap {
    'maig-member-count': MaigMemberCount;
  }
}
