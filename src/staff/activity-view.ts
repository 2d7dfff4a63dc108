import { html, nothing, type PropertyDeclarations } from 'lit';
import { call, when, type AuditEntry, type Mail, type PublishRun, type PublishStatus } from './api.js';
import { announce, StaffView, type Load } from './view.js';

/** Audit actions whose subject is a submission id. */
const SUBMISSION_ACTIONS = new Set(['approve', 'approve-stopped', 'reject', 'mark-duplicate']);

/** What each audit action says to a person. */
const ACTIONS: Record<string, string> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'sign-in-refused': 'Sign-in refused (paused after failures)',
  'sign-out': 'Signed out',
  approve: 'Approved',
  'approve-stopped': 'Approval stopped',
  reject: 'Rejected',
  'mark-duplicate': 'Marked as duplicate',
  'remove-member': 'Removed a member',
  publish: 'Published the feed',
  export: 'Downloaded the export',
  'mail-retry': 'Tried the waiting mails again',
  'account-add': 'Account added',
  'account-remove': 'Account removed',
  'account-password': 'Password changed',
};

/** An audit row's detail (JSON written by the server) as short "name: value" phrases. */
export function describeDetail(detail: string | null): string {
  if (!detail) return '';
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (!value || typeof value !== 'object') return String(value);
  const parts: string[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined || v === '' || key === 'dir') continue;
    if (key === 'publish' && typeof v === 'object') {
      const p = v as { ok?: boolean; members?: number; error?: string; commandError?: string };
      parts.push(p.ok ? `feed published${p.members != null ? ` (${p.members} members)` : ''}` : `feed not published: ${p.error ?? 'unknown error'}`);
      if (p.commandError) parts.push(`publish command failed: ${p.commandError}`);
    } else if (typeof v === 'object') {
      parts.push(`${key}: ${Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null && x !== '').map(([k, x]) => `${k} ${String(x)}`).join(', ')}`);
    } else parts.push(`${key}: ${String(v)}`);
  }
  return parts.join('; ');
}

/** Mails not sent yet, the feed's publishing, and the audit log. */
export class StaffActivity extends StaffView {
  static override properties: PropertyDeclarations = { mails: { state: true }, publish: { state: true }, audit: { state: true }, busy: { state: true } };

  mails: Load<{ enabled: boolean; mails: Mail[] }> = { state: 'loading' };
  publish: Load<{ enabled: boolean; status: PublishStatus | null }> = { state: 'loading' };
  audit: Load<AuditEntry[]> = { state: 'loading' };
  busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.fetching = this.fetchAll();
  }

  async fetchAll(): Promise<void> {
    await Promise.all([this.fetchMails(), this.fetchPublish(), this.fetchAudit()]);
  }

  private async fetchMails(): Promise<void> {
    this.mails = { state: 'loading' };
    try {
      this.mails = { state: 'ready', data: await call('mails') };
    } catch (error) {
      this.mails = { state: 'error', message: this.failed(error) };
    }
  }

  private async fetchPublish(): Promise<void> {
    this.publish = { state: 'loading' };
    try {
      this.publish = { state: 'ready', data: await call('publish') };
    } catch (error) {
      this.publish = { state: 'error', message: this.failed(error) };
    }
  }

  private async fetchAudit(): Promise<void> {
    this.audit = { state: 'loading' };
    try {
      this.audit = { state: 'ready', data: (await call<{ entries: AuditEntry[] }>('audit')).entries };
    } catch (error) {
      this.audit = { state: 'error', message: this.failed(error) };
    }
  }

  private async republish(): Promise<void> {
    this.busy = true;
    try {
      const { result } = await call<{ result: { ok: boolean; error: string | null; commandError: string | null } }>('publish', {});
      announce(this, result.ok ? (result.commandError ? `The feed is published, but the publish command failed: ${result.commandError}` : 'The feed is published.') : `The feed could not be published: ${result.error}`);
    } catch (error) {
      announce(this, `The feed could not be published: ${this.failed(error)}`);
    } finally {
      this.busy = false;
      await Promise.all([this.fetchPublish(), this.fetchAudit()]);
    }
  }

  private async retryMails(): Promise<void> {
    this.busy = true;
    try {
      const { sent, failed } = await call<{ sent: number; failed: number }>('mails/retry', {});
      announce(this, failed ? `${sent} mail${sent === 1 ? '' : 's'} sent; ${failed} could not be sent and will be tried again.` : `${sent} mail${sent === 1 ? '' : 's'} sent.`);
    } catch (error) {
      announce(this, `The mails could not be tried again: ${this.failed(error)}`);
    } finally {
      this.busy = false;
      await Promise.all([this.fetchMails(), this.fetchAudit()]);
    }
  }

  override render() {
    return html`<h1 tabindex="-1">Activity</h1>
      <section aria-labelledby="publish-heading">
        <h2 id="publish-heading">Publishing</h2>
        ${this.renderLoad(this.publish, 'publishing status', (d) => this.renderPublish(d), () => void this.fetchPublish())}
      </section>
      <section aria-labelledby="mail-heading">
        <h2 id="mail-heading">Mails not sent yet</h2>
        ${this.renderLoad(this.mails, 'mails', (d) => this.renderMails(d), () => void this.fetchMails())}
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit log</h2>
        ${this.renderLoad(this.audit, 'audit log', (d) => this.renderAudit(d), () => void this.fetchAudit())}
      </section>`;
  }

  private run(label: string, r: PublishRun | null) {
    if (!r) return nothing;
    return html`<dt>${label}</dt>
      <dd>
        ${when(r.at)}${r.by ? ` by ${r.by}` : ''}: ${r.ok ? `published${r.members != null ? `, ${r.members} members` : ''}` : html`<span class="error-text">failed: ${r.error}</span>`}
        ${r.commandError ? html`<br /><span class="error-text">The publish command failed: ${r.commandError}</span>` : nothing}
      </dd>`;
  }

  private renderPublish({ enabled, status }: { enabled: boolean; status: PublishStatus | null }) {
    if (!enabled || !status) return html`<p class="state">Publishing is not set up on this server.</p>`;
    return html`<dl class="fields">
        <dt>Now</dt>
        <dd>${status.publishing ? 'Publishing…' : status.current ? `Serving the feed${status.current.version ? ` (version ${status.current.version})` : ''}` : 'No feed published by this server yet'}</dd>
        ${this.run('Last publish', status.last)} ${status.last && !status.last.ok ? this.run('Last good publish', status.lastOk) : nothing}
        <dt>Publish command</dt>
        <dd>${status.command.configured ? 'Runs after each publish' : 'None set'}</dd>
      </dl>
      <button class="button button--secondary" type="button" ?disabled=${this.busy} @click=${this.republish}>Publish the feed again</button>`;
  }

  private renderMails({ enabled, mails }: { enabled: boolean; mails: Mail[] }) {
    if (!enabled) return html`<p class="state">Mail is not set up on this server: no confirmation mails are sent.</p>`;
    if (!mails.length) return html`<p class="state">Every mail has been sent.</p>`;
    return html`<button class="button button--secondary" type="button" ?disabled=${this.busy} @click=${this.retryMails}>Try sending them now</button>
      <div class="table-wrap"><table>
      <caption>${mails.length} mail${mails.length === 1 ? '' : 's'} waiting</caption>
      <thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Tries</th><th scope="col">Next try</th><th scope="col">Last error</th></tr></thead>
      <tbody>
        ${mails.map(
          (m) => html`<tr>
            <td>${m.to_addr ?? m.to ?? ''}</td>
            <td>${m.subject}</td>
            <td>${m.attempts}</td>
            <td>${when(m.next_attempt_at ?? m.nextAttemptAt ?? null)}</td>
            <td>${m.last_error ?? m.lastError ?? ''}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  private renderAudit(entries: AuditEntry[]) {
    if (!entries.length) return html`<p class="state">Nothing has been done yet.</p>`;
    return html`<div class="table-wrap"><table>
      <caption>The latest ${entries.length} actions, newest first</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">On</th><th scope="col">Detail</th></tr></thead>
      <tbody>
        ${entries.map(
          (e) => html`<tr>
            <td class="when">${when(e.at)}</td>
            <td>${e.actor}</td>
            <td>${ACTIONS[e.action] ?? e.action}</td>
            <td>${e.subject && SUBMISSION_ACTIONS.has(e.action) ? html`<a href="#submission/${encodeURIComponent(e.subject)}">Submission ${e.subject.slice(0, 8)}</a>` : (e.subject ?? '')}</td>
            <td class="hint detail">${describeDetail(e.detail)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}
