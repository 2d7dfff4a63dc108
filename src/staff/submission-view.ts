import { html, nothing, type PropertyDeclarations } from 'lit';
import { ApiError, call, when, type Candidate, type Submission } from './api.js';
import { confirmationLabel, verificationLabel } from './submissions-view.js';
import { announce, StaffView, type Load } from './view.js';

/** The geocoder could not place the city: its message and the places it suggests. */
interface Unplaced {
  message: string;
  candidates: Candidate[];
}

type Placement = { geonameId: number } | { county: string } | { lat: string; lon: string };

/** One submission: every field, the duplicate warning, and the decision (approve, reject, duplicate). */
export class StaffSubmission extends StaffView {
  static override properties: PropertyDeclarations = {
    submissionId: { attribute: 'submission-id' },
    load: { state: true },
    busy: { state: true },
    problem: { state: true },
    unplaced: { state: true },
    choice: { state: true },
  };

  submissionId = '';
  load: Load<Submission> = { state: 'loading' };
  busy = false;
  /** The last action's refusal, shown next to the buttons. */
  problem = '';
  unplaced: Unplaced | null = null;
  /** The placement method chosen: a candidate's id, 'county' or 'coordinates'. */
  choice = '';

  /** A new submission id (the page's address changed): start again with its data. */
  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('submissionId')) {
      this.unplaced = null;
      this.problem = '';
      this.fetching = this.fetch();
    }
  }

  async fetch(): Promise<void> {
    this.load = { state: 'loading' };
    try {
      const { submission } = await call<{ submission: Submission }>(`submissions/${encodeURIComponent(this.submissionId)}`);
      this.load = { state: 'ready', data: submission };
    } catch (error) {
      this.load = { state: 'error', message: this.failed(error) };
    }
  }

  private field(name: string): string {
    return (this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)?.value ?? '').trim();
  }

  /** Sends one decision; on success shows the new state and says so; on refusal says why. */
  private async decide(action: 'approve' | 'reject' | 'duplicate', body: Record<string, unknown>, done: (s: Submission) => string): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      const { submission } = await call<{ submission: Submission }>(`submissions/${encodeURIComponent(this.submissionId)}/${action}`, body);
      this.unplaced = null;
      this.load = { state: 'ready', data: submission };
      announce(this, done(submission));
      await this.focusOn('#decision-result');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unplaced') {
        this.unplaced = { message: error.message, candidates: (error.body.candidates as Candidate[]) ?? [] };
        this.choice = this.unplaced.candidates[0] ? String(this.unplaced.candidates[0].geonameId) : 'county';
        await this.focusOn('#place-heading');
      } else {
        this.problem = this.failed(error);
        await this.focusOn('#problem');
      }
    } finally {
      this.busy = false;
    }
  }

  private approve(): void {
    const s = (this.load as { data: Submission }).data;
    void this.decide('approve', {}, () => `${s.city}, ${s.state} is approved and added to the members. The feed is being republished.`);
  }

  private approvePlaced(event: Event): void {
    event.preventDefault();
    const s = (this.load as { data: Submission }).data;
    let placement: Placement;
    if (this.choice === 'county') placement = { county: this.field('county') };
    else if (this.choice === 'coordinates') placement = { lat: this.field('lat'), lon: this.field('lon') };
    else placement = { geonameId: Number(this.choice) };
    void this.decide('approve', { placement }, () => `${s.city}, ${s.state} is approved, placed on the map as you chose, and added to the members.`);
  }

  private reject(): void {
    const s = (this.load as { data: Submission }).data;
    const reason = this.field('reason');
    if (!reason) {
      this.problem = 'Write the reason for rejecting in the Reason box, then choose Reject again.';
      void this.focusOn('#reason');
      return;
    }
    void this.decide('reject', { reason }, () => `The submission for ${s.city}, ${s.state} is rejected.`);
  }

  private duplicate(): void {
    const s = (this.load as { data: Submission }).data;
    void this.decide('duplicate', { reason: this.field('reason') }, () => `The submission for ${s.city}, ${s.state} is marked as a duplicate.`);
  }

  override render() {
    return html`
      <p><a href="#submissions">Back to the submissions</a></p>
      ${this.renderLoad(this.load, 'submission', (s) => this.renderSubmission(s), () => void this.fetch())}
    `;
  }

  private renderSubmission(s: Submission) {
    const open = s.status === 'new' || s.status === 'confirmed';
    return html`
      <h1 tabindex="-1">${s.city}, ${s.state}</h1>
      ${s.duplicates.length
        ? html`<section class="warning" aria-labelledby="dup-heading">
            <h2 id="dup-heading">Possible duplicate</h2>
            <ul>
              ${s.duplicates.map((d) => html`<li>${d.message} ${d.submissionId ? html`<a href="#submission/${encodeURIComponent(d.submissionId)}">See that submission</a>` : nothing}</li>`)}
            </ul>
          </section>`
        : nothing}
      <dl class="fields">
        <dt>Status</dt>
        <dd id="decision-result" tabindex="-1">${s.status}${s.decided_by ? ` by ${s.decided_by}, ${when(s.decided_at)}` : ''}${s.decision_reason ? ` (reason: ${s.decision_reason})` : ''}</dd>
        <dt>Confirmation</dt>
        <dd>${confirmationLabel(s)}</dd>
        <dt>Verification</dt>
        <dd><span class="tag ${s.verification === 'official' ? 'tag--official' : ''}">${verificationLabel(s)}</span> ${s.verification_reason ?? ''}</dd>
        <dt>Name</dt>
        <dd>${s.name}</dd>
        <dt>Role</dt>
        <dd>${s.role}</dd>
        <dt>Email</dt>
        <dd>${s.email}</dd>
        <dt>Phone</dt>
        <dd>${s.phone || 'Not given'}</dd>
        <dt>Message</dt>
        <dd>${s.message || 'None'}</dd>
        <dt>Statement of Principles</dt>
        <dd>${s.principles_version ? `Version ${s.principles_version}` : 'Version not recorded'}${s.signed_at ? `, signed ${when(s.signed_at)}` : ''}</dd>
        <dt>Received</dt>
        <dd>${when(s.received_at)}${s.origin ? ` from ${s.origin}` : ''}</dd>
        <dt>Language</dt>
        <dd>${s.lang === 'es' ? 'Spanish' : 'English'}</dd>
        ${s.member_id ? html`<dt>Member</dt><dd>${s.member_id}</dd>` : nothing}
      </dl>
      ${open ? this.renderDecision(s) : nothing}
    `;
  }

  private renderDecision(s: Submission) {
    return html`
      <section aria-labelledby="decide-heading">
        <h2 id="decide-heading">Decision</h2>
        <label for="reason">Reason (needed to reject; optional for a duplicate)</label>
        <textarea id="reason" name="reason" maxlength="1000"></textarea>
        <p id="problem" class="error-text" tabindex="-1" role=${this.problem ? 'alert' : nothing}>${this.problem}</p>
        <div class="actions">
          <button class="button" type="button" ?disabled=${this.busy} @click=${this.approve}>Approve</button>
          <button class="button button--danger" type="button" ?disabled=${this.busy} @click=${this.reject}>Reject</button>
          <button class="button button--secondary" type="button" ?disabled=${this.busy} @click=${this.duplicate}>Mark as duplicate</button>
        </div>
        ${this.busy ? html`<p role="status">Working…</p>` : nothing}
        ${this.unplaced ? this.renderPlacement(s, this.unplaced) : nothing}
      </section>
    `;
  }

  private renderPlacement(s: Submission, u: Unplaced) {
    const pick = (event: Event) => (this.choice = (event.target as HTMLInputElement).value);
    const radio = (value: string, label: unknown) =>
      html`<label class="choice"><input type="radio" name="place" .value=${value} .checked=${this.choice === value} @change=${pick} />${label}</label>`;
    return html`
      <form class="warning" aria-labelledby="place-heading" @submit=${this.approvePlaced}>
        <h3 id="place-heading" tabindex="-1">Place ${s.city}, ${s.state} on the map</h3>
        <p>${u.message}</p>
        <fieldset>
          <legend>Where is it?</legend>
          ${u.candidates.map((c) =>
            radio(String(c.geonameId), `${c.name}${c.county ? `, ${c.county} County` : ''} (population ${c.population.toLocaleString()}; ${c.lat.toFixed(3)}, ${c.lon.toFixed(3)})`),
          )}
          ${radio('county', 'In a county (placed at its center)')}
          ${this.choice === 'county' ? html`<label for="county">County</label><input id="county" name="county" autocomplete="off" required />` : nothing}
          ${radio('coordinates', 'At a latitude and longitude')}
          ${this.choice === 'coordinates'
            ? html`<label for="lat">Latitude</label><input id="lat" name="lat" inputmode="decimal" required />
                <label for="lon">Longitude</label><input id="lon" name="lon" inputmode="decimal" required />`
            : nothing}
        </fieldset>
        <button class="button" type="submit" ?disabled=${this.busy}>Approve with this place</button>
      </form>
    `;
  }
}
