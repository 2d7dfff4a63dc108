import type { JoinField, JoinRole } from '../common/submission.js';
import type { SendFailureKind } from './send.js';

/** `detail` of `maig-join-submit`: sending starts (no personal data, for analytics). */
export interface JoinSubmitDetail {
  idempotencyKey: string;
  role: JoinRole | string;
  /** USPS code of the state or territory. */
  state: string;
}

/** `detail` of `maig-join-success`: the server confirmed and stored the submission. */
export interface JoinSuccessDetail {
  idempotencyKey: string;
  /** The receiver's id for the stored submission, when it sent one. */
  id: string | null;
  /** HTTP tries it took (1 when the first went through). */
  attempts: number;
}

/** `detail` of `maig-join-error`: the form could not be sent (after the automatic retries). */
export interface JoinErrorDetail {
  /** `invalid` answers (in the browser or from the server), `network`, `timeout`, `server` (5xx), `rejected` (4xx), `rate-limited` (429), `config` (no endpoint). */
  kind: SendFailureKind | 'config';
  /** HTTP status when the server answered. */
  status: number | null;
  message: string;
  /** Fields that need fixing, for `invalid`. */
  fields: JoinField[];
  attempts: number;
  idempotencyKey: string | null;
}

/** The form's public events and their details. */
export interface JoinEvents {
  'maig-join-submit': JoinSubmitDetail;
  'maig-join-success': JoinSuccessDetail;
  'maig-join-error': JoinErrorDetail;
}

/** Dispatches a public event from `host`: it bubbles out of the shadow root. */
export function emit<K extends keyof JoinEvents>(host: EventTarget, type: K, detail: JoinEvents[K]): void {
  host.dispatchEvent(new CustomEvent<JoinEvents[K]>(type, { detail, bubbles: true, composed: true }));
}
