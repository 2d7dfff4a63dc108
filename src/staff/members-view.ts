import { html, nothing, type PropertyDeclarations } from 'lit';
import { call, when, type Member } from './api.js';
import { announce, StaffView, type Load } from './view.js';

/** The membership (members.csv and approved cities), with Remove for a city that leaves. */
export class StaffMembers extends StaffView {
  static override properties: PropertyDeclarations = { load: { state: true }, query: { state: true }, confirming: { state: true }, problem: { state: true }, busy: { state: true } };

  load: Load<{ members: Member[]; enabled: boolean }> = { state: 'loading' };
  query = '';
  /** The member whose removal is being confirmed. */
  confirming: Member | null = null;
  problem = '';
  busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.fetching = this.fetch();
  }

  async fetch(): Promise<void> {
    this.load = { state: 'loading' };
    try {
      this.load = { state: 'ready', data: await call<{ members: Member[]; enabled: boolean }>('members') };
    } catch (error) {
      this.load = { state: 'error', message: this.failed(error) };
    }
  }

  private ask(m: Member): void {
    this.confirming = m;
    this.problem = '';
    void this.focusOn('#confirm-heading');
  }

  private async removeMember(event: Event): Promise<void> {
    event.preventDefault();
    const m = this.confirming;
    if (!m) return;
    const reason = (this.renderRoot.querySelector<HTMLTextAreaElement>('#remove-reason')?.value ?? '').trim();
    this.busy = true;
    try {
      await call(`members/${encodeURIComponent(m.id)}/remove`, { reason });
      this.confirming = null;
      announce(this, `${m.city}, ${m.state} is removed from the members. The feed is being republished.`);
      await this.fetch();
      await this.focusOn('h1');
    } catch (error) {
      this.problem = this.failed(error);
      await this.focusOn('#remove-problem');
    } finally {
      this.busy = false;
    }
  }

  private cancel(): void {
    const id = this.confirming?.id;
    this.confirming = null;
    void this.focusOn(`button[data-id="${CSS.escape(id ?? '')}"]`);
  }

  override render() {
    return html`<h1 tabindex="-1">Members</h1>
      ${this.confirming ? this.renderConfirm(this.confirming) : nothing}
      ${this.renderLoad(this.load, 'members', (d) => this.renderList(d), () => void this.fetch())}`;
  }

  private renderConfirm(m: Member) {
    return html`<form class="warning" aria-labelledby="confirm-heading" @submit=${this.removeMember}>
      <h2 id="confirm-heading" tabindex="-1">Remove ${m.city}, ${m.state}?</h2>
      <p>The city leaves the member map and the member counts when the feed is republished.</p>
      <label for="remove-reason">Reason (optional)</label>
      <textarea id="remove-reason" maxlength="1000"></textarea>
      <p id="remove-problem" class="error-text" tabindex="-1">${this.problem}</p>
      <div class="actions">
        <button class="button button--danger" type="submit" ?disabled=${this.busy}>Yes, remove ${m.city}, ${m.state}</button>
        <button class="button button--secondary" type="button" @click=${this.cancel}>Cancel</button>
      </div>
    </form>`;
  }

  private renderList({ members, enabled }: { members: Member[]; enabled: boolean }) {
    if (!enabled) return html`<p class="state">Publishing is not set up on this server, so the membership cannot be shown or changed here.</p>`;
    const q = this.query.trim().toLowerCase();
    const shown = q ? members.filter((m) => `${m.city}, ${m.state}`.toLowerCase().includes(q)) : members;
    return html`
      <label for="find">Find a member</label>
      <input id="find" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      ${shown.length
        ? html`<div class="table-wrap"><table>
            <caption aria-live="polite">${shown.length} of ${members.length} members</caption>
            <thead><tr><th scope="col">City</th><th scope="col">Joined</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              ${shown.map(
                (m) => html`<tr>
                  <th scope="row">${m.city}, ${m.state}</th>
                  <td>${m.source === 'approved' ? `Approved ${when(m.addedAt)}${m.addedBy ? ` by ${m.addedBy}` : ''}` : 'Member list'}</td>
                  <td><button class="button button--secondary" type="button" data-id=${m.id} @click=${() => this.ask(m)}>Remove<span class="visually-hidden"> ${m.city}, ${m.state}</span></button></td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p class="state">${q ? `No member matches “${this.query}”.` : 'There are no members yet.'}</p>`}
    `;
  }
}
