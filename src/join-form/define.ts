import { defineElement } from '../shared/define-element.js';
import { MaigJoinForm } from './maig-join-form.js';

export { MaigJoinForm };
export type { JoinSubmitDetail, JoinSuccessDetail, JoinErrorDetail } from './maig-join-form.js';
export type { JoinAnswers, JoinPayload, JoinField, JoinRole, JoinErrors } from '../common/submission.js';

defineElement('maig-join-form', MaigJoinForm);

declare global {
  interface HTMLElementTagNameMap {
    'maig-join-form': MaigJoinForm;
  }
}
