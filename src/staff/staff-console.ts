import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../shared/styles/base.js';
import { ApiError, call, setCsrf } from './api.js';
import { consoleStyles } from './styles.js';
import type { StaffView } from './view.js';

interface Me {
  user: { email: string };
  csrf: string;
}

type Page = { name: 'submissions' } | { name: 'submission'; id: string } | { name: 'members' } | { name: 'activity' };

const NAV: { name: Page['name']; label: string }[] = [
  { name: 'submissions', label: 'Submissions' },
  { name: 'members', label: 'Members' },
  { name: 'activity', label: 'Activity and audit log' },
];

/** The page the address's #fragment names. */
function pageFromHash(hash: string): Page {
  const [name, id] = hash.replace(/^#/, '').split('/');
  if (name === 'submission' && id) return { name: 'submission', id: decodeURIComponent(id) };
  if (name === 'members' || name === 'activity') return { name };
  return { name: 'submissions' };
}

/**
 * The staff console: sign-in, then the submissions, one submission, the members and the activity
 * (publishing, mails not sent, audit log). Everything it says after an action goes to one live
 * region; focus goes to the new view's heading.
 */
export class StaffConsole extends LitElement {
  static override styles = [baseStyles, consoleStyles];
  static override properties: PropertyDeclarations = {
    me: { state: true },
    checking: { state: true },
    page: { state: true },
    message: { state: true },
    signInError: { state: true },
    busy: { state: true },
  };

  me: Me | null = null;
  checking = true;
  page: Page = pageFromHash(location.hash);
  /** The live region's text. */
  message = '';
  signInError = '';
  busy = false;

  private onHash = () => {
    this.page = pageFromHash(location.hash);
    this.message = '';
    void this.focusView();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.addEventListener('staff-announce', (e) => (this.message = (e as CustomEvent<{ message: string }>).detail.message));
    this.addEventListener('staff-signed-out', (e) => this.signedOut((e as CustomEvent<{ message: string }>).detail.message));
    void this.check();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  private async check(): Promise<void> {
    try {
      const me = await call<Me>('me');
      setCsrf(me.csrf);
      this.me = me;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) this.signInError = error instanceof Error ? error.message : String(error);
    } finally {
      this.checking = false;
    }
  }

  private signedOut(message: string): void {
    if (!this.me) return;
    this.me = null;
    this.signInError = message;
    void this.focusSelector('#email');
  }

  private async focusSelector(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async focusView(): Promise<void> {
    await this.updateComplete;
    const view = this.renderRoot.querySelector('main > *') as StaffView | null;
    await view?.focusHeading?.();
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.signInError = '';
    try {
      const me = await call<Me>('sign-in', { email: data.get('email'), password: data.get('password') });
      setCsrf(me.csrf);
      this.me = me;
      this.message = `Signed in as ${me.user.email}.`;
      await this.focusView();
    } catch (error) {
      this.signInError = error instanceof Error ? error.message : String(error);
      (form.elements.namedItem('password') as HTMLInputElement).value = '';
      await this.focusSelector('#sign-in-error');
    } finally {
      this.busy = false;
    }
  }

  private async signOut(): Promise<void> {
    try {
      await call('sign-out', {});
    } catch {
      /* signed out either way: the session is gone or will expire */
    }
    setCsrf('');
    this.me = null;
    this.signInError = '';
    this.message = 'You are signed out.';
    await this.focusSelector('h1');
  }

  override render() {
    return html`<div class="root">
      <header class="banner">
        <p>Mayors Against Illegal Guns · Staff console</p>
        ${this.me
          ? html`<nav aria-label="Console">
              <ul>
                ${NAV.map((n) => html`<li><a href="#${n.name}" aria-current=${this.page.name === n.name ? 'page' : nothing}>${n.label}</a></li>`)}
              </ul>
            </nav>
            <p class="hint">${this.me.user.email} <button class="button button--secondary" type="button" @click=${this.signOut}>Sign out</button></p>`
          : nothing}
      </header>
      <p class="visually-hidden" role="status" aria-live="polite">${this.message}</p>
      <main>${this.checking ? html`<p class="state" role="status">Loading the staff console…</p>` : this.me ? this.renderPage() : this.renderSignIn()}</main>
    </div>`;
  }

  private renderPage() {
    const p = this.page;
    if (p.name === 'submission') return html`<staff-submission submission-id=${p.id}></staff-submission>`;
    if (p.name === 'members') return html`<staff-members></staff-members>`;
    if (p.name === 'activity') return html`<staff-activity></staff-activity>`;
    return html`<staff-submissions></staff-submissions>`;
  }

  private renderSignIn() {
    return html`<h1 tabindex="-1">Sign in</h1>
      <p>For coalition staff. Accounts are made by the server's administrator.</p>
      ${this.message ? html`<p class="status-line">${this.message}</p>` : nothing}
      <form class="sign-in" @submit=${this.signIn}>
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p id="sign-in-error" class="error-text" tabindex="-1" role=${this.signInError ? 'alert' : nothing}>${this.signInError}</p>
        <button class="button" type="submit" ?disabled=${this.busy}>Sign in</button>
      </form>`;
  }
}
