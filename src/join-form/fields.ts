import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Values } from '../shared/i18n/i18n.js';
import { HONEYPOT_FIELD, MAX_LENGTH, ROLES, STATES, type JoinErrors, type JoinField } from '../common/submission.js';
import type { DraftValues } from './draft.js';

const LABELS: Record<JoinField, string> = {
  name: 'Full name',
  role: 'Your role',
  city: 'City or town',
  state: 'State or territory',
  email: 'Email address',
  phone: 'Phone number',
  message: 'Message',
  consent: 'I have read and sign the Statement of Principles',
};

/** What the fields show: the answers and the errors, in the form's words. */
export interface FieldsView {
  t: (source: string, values?: Values) => string;
  values: DraftValues;
  errors: JoinErrors;
}

function describedBy({ errors }: FieldsView, field: JoinField, hint = false): string | undefined {
  const ids = [hint ? `f-${field}-hint` : '', errors[field] ? `f-${field}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function renderFieldError({ t, errors }: FieldsView, field: JoinField): TemplateResult | typeof nothing {
  const message = errors[field];
  return message ? html`<p class="error" part="error" id="f-${field}-error"><span class="visually-hidden">${t('Error:')} </span>${message}</p>` : nothing;
}

function renderText(
  v: FieldsView,
  field: 'name' | 'city' | 'email' | 'phone',
  type: string,
  autocomplete: string,
  hint: string | null,
  required: boolean,
): TemplateResult {
  const { t } = v;
  const invalid = Boolean(v.errors[field]);
  return html`<div class="field ${invalid ? 'field--invalid' : ''}" part="field">
      <label class="label" part="label" for="f-${field}">${t(LABELS[field])}${required ? nothing : html`<span class="optional"> ${t('(optional)')}</span>`}</label>
      ${hint ? html`<p class="hint" id="f-${field}-hint">${hint}</p>` : nothing}
      ${renderFieldError(v, field)}
      <input
        class="input"
        part="input"
        id="f-${field}"
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        maxlength=${MAX_LENGTH[field]}
        ?required=${required}
        spellcheck=${field === 'email' ? 'false' : 'true'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(v, field, Boolean(hint)))}
        .value=${live(String(v.values[field] ?? ''))}
      />
    </div>`;
}

function renderRole(v: FieldsView): TemplateResult {
  const invalid = Boolean(v.errors.role);
  return html`<fieldset class="field ${invalid ? 'field--invalid' : ''}" part="field" aria-describedby=${ifDefined(describedBy(v, 'role'))}>
      <legend class="label" part="label">${v.t(LABELS.role)}</legend>
      ${renderFieldError(v, 'role')}
      ${ROLES.map(
        (r) => html`<div class="choice">
          <input
            type="radio"
            id="f-role-${r.value}"
            name="role"
            value=${r.value}
            required
            aria-invalid=${invalid ? 'true' : 'false'}
            .checked=${live(v.values.role === r.value)}
          />
          <label for="f-role-${r.value}">${v.t(r.label)}</label>
        </div>`,
      )}
    </fieldset>`;
}

function renderState(v: FieldsView): TemplateResult {
  const invalid = Boolean(v.errors.state);
  return html`<div class="field ${invalid ? 'field--invalid' : ''}" part="field">
      <label class="label" part="label" for="f-state">${v.t(LABELS.state)}</label>
      ${renderFieldError(v, 'state')}
      <select
        class="input"
        part="input"
        id="f-state"
        name="state"
        autocomplete="address-level1"
        required
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(v, 'state'))}
        .value=${live(String(v.values.state ?? ''))}
      >
        <option value="" ?selected=${!v.values.state}>${v.t('Choose…')}</option>
        ${STATES.map((s) => html`<option value=${s.code} ?selected=${v.values.state === s.code}>${s.name}</option>`)}
      </select>
    </div>`;
}

function renderMessage(v: FieldsView): TemplateResult {
  const invalid = Boolean(v.errors.message);
  return html`<div class="field ${invalid ? 'field--invalid' : ''}" part="field">
      <label class="label" part="label" for="f-message">${v.t(LABELS.message)}<span class="optional"> ${v.t('(optional)')}</span></label>
      ${renderFieldError(v, 'message')}
      <textarea
        class="input"
        part="input"
        id="f-message"
        name="message"
        rows="4"
        autocomplete="off"
        maxlength=${MAX_LENGTH.message}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(v, 'message'))}
        .value=${live(String(v.values.message ?? ''))}
      ></textarea>
    </div>`;
}

/** The fields from the name to the message, in order. */
export function renderFields(v: FieldsView): TemplateResult {
  return html`${renderText(v, 'name', 'text', 'name', null, true)}
    ${renderRole(v)}
    ${renderText(v, 'city', 'text', 'address-level2', null, true)}
    ${renderState(v)}
    ${renderText(v, 'email', 'email', 'email', v.t('The coalition will write to you at this address.'), true)}
    ${renderText(v, 'phone', 'tel', 'tel', null, false)}
    ${renderMessage(v)}`;
}

/** The consent box, after the Statement of Principles. */
export function renderConsent(v: FieldsView): TemplateResult {
  const invalid = Boolean(v.errors.consent);
  return html`<div class="field field--consent ${invalid ? 'field--invalid' : ''}" part="field">
      ${renderFieldError(v, 'consent')}
      <div class="choice">
        <input
          type="checkbox"
          id="f-consent"
          name="consent"
          required
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(v, 'consent'))}
          .checked=${live(v.values.consent === true)}
        />
        <label for="f-consent">${v.t(LABELS.consent)}</label>
      </div>
    </div>`;
}

/** The spam trap: hidden from people (and from assistive technology), filled only by bots. */
export function renderHoneypot(t: FieldsView['t']): TemplateResult {
  return html`<div class="hp" aria-hidden="true">
      <label for="f-${HONEYPOT_FIELD}">${t('Leave this empty')}</label>
      <input id="f-${HONEYPOT_FIELD}" name=${HONEYPOT_FIELD} type="text" tabindex="-1" autocomplete="off" />
    </div>`;
}
