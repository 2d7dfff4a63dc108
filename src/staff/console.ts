// The staff console's entry (dist/staff/console.js, served at /staff/ by server/staff/room.mjs).
// The Trusted Types guard is evaluated before Lit, as in every widget entry.
import '../shared/trusted-types.js';
import { StaffActivity } from './activity-view.js';
import { StaffConsole } from './staff-console.js';
import { StaffMembers } from './members-view.js';
import { StaffSubmission } from './submission-view.js';
import { StaffSubmissions } from './submissions-view.js';

for (const [name, element] of [
  ['staff-submissions', StaffSubmissions],
  ['staff-submission', StaffSubmission],
  ['staff-members', StaffMembers],
  ['staff-activity', StaffActivity],
  ['maig-staff-console', StaffConsole],
] as const) {
  if (!customElements.get(name)) customElements.define(name, element);
}
