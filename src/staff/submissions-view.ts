import { html, nothing, type PropertyDeclarations } from 'lit';
import { call, STATUSES, when, type Status, type Submission } from './api.js';
import { StaffView, type Load } from './view.js';

/** "official domain" or "unverified domain", as staff read it. */
export const verificationLabel = (s: Submission): string =>
  s.verification === 'official' ? 'Official domain' : s.verification === 'unverified' ? 'Unverified domain' : 'Not checked yet';

/** Whether the office confirmed by the link in its mail. */
export const confirmationLabel = (s: Submission): string => (s.confirmed_at ? `Confirmed ${when(s.confirmed_at)}` : 'Not confirmed');

/** The list of submissions, newest first, filtered by status. */
export class StaffSubmissions extends StaffView {
  static override properties: PropertyDeclarations = { status: {}, load: { state: true } };

  /** The status filter ('' = all). */
  status: Status | '' = '';
  load: Load<Submission[]> = { state: 'loading' };

  override connectedCallback(): void {
    super.connectedCallback();
    this.fetching = this.fetch();
  }

  async fetch(): Promise<void> {
    this.load = { state: 'loading' };
    try {
      const { submissions } = await call<{ submissions: Submission[] }>(`submissions${this.status ? `?status=${this.status}` : ''}`);
      this.load = { state: 'ready', data: submissions };
    } catch (error) {
      this.load = { state: 'error', message: this.failed(error) };
    }
  }

  private filter(event: Event): void {
    this.status = (event.target as HTMLSelectElement).value as Status | '';
    this.dispatchEvent(new CustomEvent('staff-filter', { detail: { status: this.status }, bubbles: true, composed: true }));
    void this.fetch();
  }

  override render() {
    return html`
      <h1 tabindex="-1">Submissions</h1>
      <div class="toolbar">
        <div>
          <label for="status">Show</label>
          <select id="status" @change=${this.filter} .value=${this.status}>
            <option value="" ?selected=${this.status === ''}>All submissions</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${s[0].toUpperCase() + s.slice(1)}</option>`)}
          </select>
        </div>
        <p class="hint">Newest first. Download every submission: <a href="/staff/api/export.csv" download>CSV</a> · <a href="/staff/api/export.json" download>JSON</a></p>
      </div>
      ${this.renderLoad(this.load, 'submissions', (rows) => this.renderTable(rows), () => void this.fetch())}
    `;
  }

  private renderTable(rows: Submission[]) {
    if (!rows.length) {
      return html`<p class="state">${this.status ? `No submissions are ${this.status}.` : 'No submissions yet. They appear here when an office sends the join form.'}</p>`;
    }
    return html`<div class="table-wrap">
      <table>
        <caption>
          ${rows.length} submission${rows.length === 1 ? '' : 's'}${this.status ? ` (${this.status})` : ''}, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">City</th>
            <th scope="col">Role and name</th>
            <th scope="col">Email</th>
            <th scope="col">Verification</th>
            <th scope="col">Confirmation</th>
            <th scope="col">Status</th>
            <th scope="col">Received</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (s) => html`<tr>
              <th scope="row">
                <a href="#submission/${encodeURIComponent(s.id)}">${s.city}, ${s.state}</a>
                ${s.duplicates.length ? html`<br /><span class="tag">Possible duplicate</span>` : nothing}
              </th>
              <td>${s.role}<br />${s.name}</td>
              <td>${s.email}</td>
              <td>
                <span class="tag ${s.verification === 'official' ? 'tag--official' : ''}">${verificationLabel(s)}</span>
                ${s.verification_reason ? html`<br /><span class="hint">${s.verification_reason}</span>` : nothing}
              </td>
              <td>${confirmationLabel(s)}</td>
              <td>${s.status}</td>
              <td>${when(s.received_at)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
