import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/join-form/define.js';
import type { JoinErrorDetail, JoinSubmitDetail, JoinSuccessDetail, MaigJoinForm } from '../../src/join-form/define.js';
import { mockFetch, type MockAnswer } from '../helpers/mock-fetch.js';
import { REAL_FEED, resetFeed } from '../helpers/feed.js';
import { HOSTILE_URLS } from '../shared/safe-url.test.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';
import { typeKeys } from '../helpers/engine.js';

const ENDPOINT = 'https://join.test/join';
/** These receivers issue no fill-time challenge (the challenge has its own tests): answered at once, never the network. */
const NO_CHALLENGE = { [`${ENDPOINT}/challenge`]: { status: 404 } };
const DRAFT = `maig-join-draft:${ENDPOINT}`;

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

/** Types into a control the way the browser reports it: value, then an input event. */
function type(el: MaigJoinForm, selector: string, value: string): void {
  const control = q<HTMLInputElement>(el, selector);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function check(el: MaigJoinForm, selector: string): void {
  q<HTMLInputElement>(el, selector).click();
}

async function fillValid(el: MaigJoinForm): Promise<void> {
  type(el, '#f-name', 'Ras Baraka');
  check(el, '#f-role-mayor');
  type(el, '#f-city', 'Newark');
  const select = q<HTMLSelectElement>(el, '#f-state');
  select.value = 'NJ';
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  type(el, '#f-email', 'mayor@newark.example.gov');
  check(el, '#f-consent');
  await el.updateComplete;
}

const submit = (el: MaigJoinForm) => q<HTMLButtonElement>(el, 'button[type="submit"]').click();

/** A receiver in the page: stores by idempotency key, answers by a list of statuses per call. */
function receiver(answers: Array<MockAnswer> = []) {
  const stored = new Map<string, unknown>();
  const keys: string[] = [];
  const bodies: string[] = [];
  let calls = 0;
  const route = (_url: string, init?: RequestInit): MockAnswer => {
    const answer = answers[calls++] ?? { status: 200 };
    const headers = (init?.headers ?? {}) as Record<string, string>;
    keys.push(headers['idempotency-key'] ?? '');
    bodies.push(String(init?.body ?? ''));
    if ((answer.status ?? 200) < 300 && !answer.networkError && !answer.hang) {
      const key = headers['idempotency-key'] ?? '';
      if (!stored.has(key)) stored.set(key, JSON.parse(String(init?.body)));
      return { ...answer, json: { ok: true, id: `row-${[...stored.keys()].indexOf(key) + 1}` } };
    }
    return answer;
  };
  const mock = mockFetch({ ...NO_CHALLENGE, [ENDPOINT]: route });
  return { mock, stored, keys, bodies, get calls() { return calls; } };
}

const newForm = (attrs = html``) =>
  fixture<MaigJoinForm>(html`<maig-join-form endpoint=${ENDPOINT} feed=${REAL_FEED} retry-delay="5" min-fill-ms="0">${attrs}</maig-join-form>`);

describe('<maig-join-form>', () => {
  afterEach(() => {
    resetFeed();
    sessionStorage.clear();
    localStorage.removeItem(DRAFT);
  });

  it('renders a labelled form with autocomplete tokens, every state and territory, and hides the no-JS fallback', async () => {
    const el = await fixture<MaigJoinForm>(
      html`<maig-join-form endpoint=${ENDPOINT}><a href="https://example.org/join">Join on the coalition's site</a></maig-join-form>`,
    );
    const form = q<HTMLFormElement>(el, 'form');
    expect(form.getAttribute('aria-labelledby')).to.equal('join-heading');
    expect(shadowText(el, '#join-heading')).to.equal('Join Mayors Against Illegal Guns');
    const auto = (s: string) => q(el, s).getAttribute('autocomplete');
    expect([auto('#f-name'), auto('#f-email'), auto('#f-phone'), auto('#f-city'), auto('#f-state')]).to.deep.equal([
      'name', 'email', 'tel', 'address-level2', 'address-level1',
    ]);
    expect(q(el, 'label[for="f-email"]').textContent).to.contain('Email address');
    expect(q(el, 'legend').textContent).to.equal('Your role');
    expect([...el.shadowRoot!.querySelectorAll('input[name="role"]')].map((r) => r.nextElementSibling!.textContent)).to.deep.equal([
      'Mayor', 'Former mayor', "Staff, on a mayor's behalf",
    ]);
    const states = [...q<HTMLSelectElement>(el, '#f-state').options].map((o) => o.value).filter(Boolean);
    expect(states).to.have.length(56);
    expect(states).to.include.members(['DC', 'PR', 'MP', 'GU', 'VI', 'AS']);
    expect(shadowText(el, 'label[for="f-consent"]')).to.equal('I have read and sign the Statement of Principles');
    // The fallback link is in the light DOM and not slotted: not shown while the form works.
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('keeps the Statement of Principles one click away (loaded when opened)', async () => {
    const el = await newForm();
    const details = q<HTMLDetailsElement>(el, '[part="principles"]');
    expect(details.querySelector('maig-principles')).to.equal(null);
    q<HTMLElement>(el, '[part="principles"] summary').click();
    await waitUntil(() => details.querySelector('maig-principles')?.shadowRoot?.querySelector('[part="list"]'), 'principles not shown', { timeout: 5000 });
    const principles = details.querySelector('maig-principles')!;
    expect(principles.getAttribute('feed')).to.equal(REAL_FEED);
    expect(principles.shadowRoot!.querySelectorAll('[part="list"] > li').length).to.be.above(5);
    // Its heading and titles nest under the form's heading (level 2), not beside it.
    expect(q(el, '#join-heading').getAttribute('aria-level')).to.equal('2');
    const levels = [...principles.shadowRoot!.querySelectorAll('[role="heading"]')].map((h) => Number(h.getAttribute('aria-level')));
    expect(levels[0]).to.equal(3);
    expect(Math.min(...levels)).to.equal(3);
    expect(levels.slice(1).every((l) => l === 4)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('hides the honeypot from people and screen readers', async () => {
    const el = await newForm();
    const trap = q<HTMLInputElement>(el, 'input[name="website"]');
    expect(trap.closest('[aria-hidden="true"]')).to.not.equal(null);
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.getAttribute('autocomplete')).to.equal('off');
    expect(trap.getBoundingClientRect().right).to.be.below(0);
  });

  it('on an empty submit: our messages inline and in a summary that takes focus and links to each field; nothing sent', async () => {
    const fake = receiver();
    const el = await newForm();
    const error = oneEvent(el, 'maig-join-error');
    submit(el);
    const detail = ((await error) as CustomEvent<JoinErrorDetail>).detail;
    expect(detail.kind).to.equal('invalid');
    expect(detail.fields).to.deep.equal(['name', 'role', 'city', 'state', 'email', 'consent']);
    const summary = await waitForShadow(el, '[part="summary"]');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(shadowText(el, '.summary__title')).to.equal('There is a problem with 6 answers');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#f-name', '#f-role', '#f-city', '#f-state', '#f-email', '#f-consent']);
    expect(links[4]!.textContent).to.equal('Enter your email address.');
    expect(shadowText(el, '#f-name-error')).to.equal('Error: Enter your full name.');
    const email = q<HTMLInputElement>(el, '#f-email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.contain('f-email-error');
    // Native constraint validation carries the same plain-language message.
    expect(email.validationMessage).to.equal('Enter your email address.');
    links[4]!.click();
    expect(el.shadowRoot!.activeElement).to.equal(email);
    links[1]!.click();
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '#f-role-mayor'));
    expect(fake.calls).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('refuses markup signs in a name, says why, and sends nothing', async () => {
    const { mock } = receiver();
    const el = await newForm();
    await fillValid(el);
    type(el, '#f-name', 'R0m3r0 <script>');
    submit(el);
    await waitForShadow(el, '[part="summary"]');
    expect(shadowText(el, '#f-name-error')).to.equal('Error: Write your name without the signs < > { } [ ] \\ or `.');
    // Nothing sent (the form may have asked the receiver for its fill-time challenge when shown).
    expect(mock.calls.filter((c) => c === ENDPOINT)).to.have.length(0);
    await expect(el).to.be.accessible();
    type(el, '#f-name', "Ras J. Baraka-O'Neil");
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#f-name-error')).to.equal(null);
  });

  it('names an optional field with a space before "(optional)"', async () => {
    const el = await newForm();
    await expect(el).to.be.accessible();
    const axe = (window as unknown as { axe: { setup(n?: Node): unknown; commons: { text: { accessibleText(e: Element): string } }; teardown(): void } }).axe;
    axe.setup(el);
    const name = (id: string) => axe.commons.text.accessibleText(q(el, id));
    const names = { phone: name('#f-phone'), message: name('#f-message') };
    axe.teardown();
    expect(names).to.deep.equal({ phone: 'Phone number (optional)', message: 'Message (optional)' });
    expect(q(el, 'label[for="f-phone"]').innerText.replace(/\s+/g, ' ')).to.equal('Phone number (optional)');
    // The space is in the same text as "(optional)": no engine drops it as a lone white-space node.
    for (const id of ['f-phone', 'f-message']) expect(q(el, `label[for="${id}"] .optional`).textContent).to.match(/^ \(optional\)$/);
  });

  it('explains a malformed email and a bad phone, and clears an error as soon as it is fixed', async () => {
    const el = await newForm();
    await fillValid(el);
    type(el, '#f-email', 'mayor@newark');
    type(el, '#f-phone', '12');
    submit(el);
    await waitForShadow(el, '[part="summary"]');
    expect(shadowText(el, '#f-email-error')).to.equal('Error: Enter an email address in the right format, like name@cityofexample.gov.');
    expect(shadowText(el, '#f-phone-error')).to.equal('Error: Enter a phone number with its area code, like 555-123-4567, or leave it empty.');
    type(el, '#f-email', 'mayor@newark.example.gov');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#f-email-error')).to.equal(null);
    expect(q<HTMLInputElement>(el, '#f-email').validity.valid).to.equal(true);
    expect(el.shadowRoot!.querySelector('#f-phone-error')).to.not.equal(null);
  });

  it('keeps the draft as the person types and restores it after a reload', async () => {
    const el = await newForm();
    q<HTMLInputElement>(el, '#f-name').focus();
    await typeKeys('Ras Baraka');
    check(el, '#f-role-former-mayor');
    type(el, '#f-message', 'Line one\nline two');
    await el.updateComplete;
    expect(JSON.parse(sessionStorage.getItem(DRAFT)!).values.name).to.equal('Ras Baraka');
    fixtureCleanup();
    // The page comes back: a new element with the same endpoint and storage.
    const again = await newForm();
    expect(q<HTMLInputElement>(again, '#f-name').value).to.equal('Ras Baraka');
    expect(q<HTMLInputElement>(again, '#f-role-former-mayor').checked).to.equal(true);
    expect(q<HTMLTextAreaElement>(again, '#f-message').value).to.equal('Line one\nline two');
    expect(shadowText(again, '[part="restored"]')).to.contain('Your earlier answers were restored.');
    await expect(again).to.be.accessible();
    q<HTMLButtonElement>(again, '[part="restored"] button').click();
    await again.updateComplete;
    expect(q<HTMLInputElement>(again, '#f-name').value).to.equal('');
    // The button went away with the note: focus is on the first field, not lost to <body>.
    expect(again.shadowRoot!.querySelector('[part="restored"]')).to.equal(null);
    expect(again.shadowRoot!.activeElement?.id ?? 'nothing focused').to.equal('f-name');
    expect(sessionStorage.getItem(DRAFT)).to.equal(null);
  });

  it('persist="local" keeps the draft in localStorage', async () => {
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint=${ENDPOINT} persist="local"></maig-join-form>`);
    type(el, '#f-city', 'Trenton');
    expect(JSON.parse(localStorage.getItem(DRAFT)!).values.city).to.equal('Trenton');
    expect(sessionStorage.getItem(DRAFT)).to.equal(null);
  });

  it('prefills city and state from its attributes (state by code or name)', async () => {
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint=${ENDPOINT} city="San Juan" state="puerto rico"></maig-join-form>`);
    expect(q<HTMLInputElement>(el, '#f-city').value).to.equal('San Juan');
    expect(q<HTMLSelectElement>(el, '#f-state').value).to.equal('PR');
    const other = await fixture<MaigJoinForm>(html`<maig-join-form endpoint="/other" state="MP"></maig-join-form>`);
    expect(q<HTMLSelectElement>(other, '#f-state').selectedOptions[0]!.textContent).to.equal('Northern Mariana Islands');
  });

  it('500 twice, then 200: retries with the same key, one stored submission, success announced and focused, draft cleared', async () => {
    const fake = receiver([{ status: 500 }, { status: 503 }, { status: 201 }]);
    const el = await newForm();
    await fillValid(el);
    const events: string[] = [];
    el.addEventListener('maig-join-submit', (e) => events.push(`submit:${(e as CustomEvent<JoinSubmitDetail>).detail.state}`));
    const success = oneEvent(el, 'maig-join-success');
    submit(el);
    const detail = ((await success) as CustomEvent<JoinSuccessDetail>).detail;
    expect(fake.calls).to.equal(3);
    expect(new Set(fake.keys).size).to.equal(1);
    expect(fake.keys[0]).to.match(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(fake.bodies[0]!).idempotencyKey).to.equal(fake.keys[0]);
    expect(fake.stored.size).to.equal(1);
    expect(detail).to.deep.equal({ idempotencyKey: fake.keys[0], id: 'row-1', attempts: 3 });
    expect(events).to.deep.equal(['submit:NJ']);
    const panel = await waitForShadow(el, '[part="success"]');
    // Announced once: by taking focus, with no live region around it as well.
    expect(panel.closest('[role="status"], [aria-live], [role="alert"]') === null, 'no live region around the confirmation').to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="base"] [aria-live]') === null, 'no live region left').to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(panel);
    expect(panel.getAttribute('aria-labelledby')).to.equal('success-title');
    expect(shadowText(el, '[part="success"]')).to.equal(
      "Thank you. Your form was sent. The coalition's staff will write to you at mayor@newark.example.gov. Reference: row-1",
    );
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(sessionStorage.getItem(DRAFT)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('while sending: the button is marked unavailable, a status says so, and a double click sends once', async () => {
    const fake = receiver([{ hang: true }]);
    const el = await newForm();
    await fillValid(el);
    const button = q<HTMLButtonElement>(el, 'button[type="submit"]');
    button.click();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Sending…');
    expect(shadowText(el, '[part="status"]')).to.equal('Sending your form…');
    button.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.calls).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('endpoint down: retries, then a clear message and "Try again"; nothing lost; trying again sends the same key', async () => {
    let down = true;
    const keys: string[] = [];
    mockFetch({
      ...NO_CHALLENGE,
      [ENDPOINT]: (_url, init) => {
        keys.push((init!.headers as Record<string, string>)['idempotency-key']!);
        return down ? { networkError: true } : { status: 201, json: { ok: true, id: 'abc' } };
      },
    });
    const el = await fixture<MaigJoinForm>(
      html`<maig-join-form endpoint=${ENDPOINT} feed=${REAL_FEED} retries="2" retry-delay="5" min-fill-ms="0"></maig-join-form>`,
    );
    await fillValid(el);
    type(el, '#f-message', 'Please add us.');
    const failed = oneEvent(el, 'maig-join-error');
    submit(el);
    const detail = ((await failed) as CustomEvent<JoinErrorDetail>).detail;
    expect(detail.kind).to.equal('network');
    expect(detail.attempts).to.equal(3);
    expect(keys).to.have.length(3);
    await waitForShadow(el, '[part="retry"]');
    expect(shadowText(el, '[part="status"]')).to.contain(
      "Your form was not sent. The connection to the coalition’s server failed. Your answers are kept on this device; nothing is lost.",
    );
    // The feed's join page is offered as another way.
    await waitUntil(() => el.shadowRoot!.querySelector('.elsewhere a'), 'no link to the join page');
    expect(q(el, '.elsewhere a').getAttribute('href')).to.equal('https://www.mayorsagainstillegalguns.org/#join');
    expect(q<HTMLInputElement>(el, '#f-name').value).to.equal('Ras Baraka');
    expect(q<HTMLTextAreaElement>(el, '#f-message').value).to.equal('Please add us.');
    const draft = JSON.parse(sessionStorage.getItem(DRAFT)!);
    expect(draft.values.message).to.equal('Please add us.');
    expect(draft.pending.key).to.equal(keys[0]);
    expect(q(el, 'button[type="submit"]').getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
    down = false;
    const success = oneEvent(el, 'maig-join-success');
    q<HTMLButtonElement>(el, '[part="retry"]').click();
    await success;
    expect(keys).to.have.length(4);
    expect(new Set(keys).size).to.equal(1);
    expect(sessionStorage.getItem(DRAFT)).to.equal(null);
  });

  it('sends by itself when the browser comes back online after a network failure', async () => {
    const fake = receiver([{ networkError: true }, { status: 201 }]);
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint=${ENDPOINT} retries="0" min-fill-ms="0"></maig-join-form>`);
    await fillValid(el);
    submit(el);
    await waitForShadow(el, '[part="retry"]');
    expect(fake.calls).to.equal(1);
    const success = oneEvent(el, 'maig-join-success');
    window.dispatchEvent(new Event('online'));
    await success;
    expect(fake.calls).to.equal(2);
    expect(fake.keys[1]).to.equal(fake.keys[0]);
  });

  it('after a reload, the same unconfirmed answers are sent with the same key (no second row)', async () => {
    const fake = receiver([{ networkError: true }, { status: 201 }]);
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint=${ENDPOINT} retries="0" min-fill-ms="0"></maig-join-form>`);
    await fillValid(el);
    submit(el);
    await waitForShadow(el, '[part="retry"]');
    fixtureCleanup();
    const again = await newForm();
    const success = oneEvent(again, 'maig-join-success');
    submit(again);
    await success;
    expect(fake.keys).to.have.length(2);
    expect(fake.keys[1]).to.equal(fake.keys[0]);
  });

  it('gives up a try that takes too long (timeout), retries it, and says so', async () => {
    const fake = receiver([{ hang: true }, { hang: true }]);
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint=${ENDPOINT} timeout="50" retries="1" retry-delay="5" min-fill-ms="0"></maig-join-form>`);
    await fillValid(el);
    const failed = oneEvent(el, 'maig-join-error');
    submit(el);
    const detail = ((await failed) as CustomEvent<JoinErrorDetail>).detail;
    expect([detail.kind, detail.attempts, fake.calls]).to.deep.equal(['timeout', 2, 2]);
    await el.updateComplete;
    expect(shadowText(el, '[part="status"]')).to.contain('The coalition’s server did not answer in time.');
  });

  it('"Try again" keeps focus on the send button while sending and after failing again', async () => {
    const fake = receiver([{ networkError: true }, { networkError: true }, { status: 201 }]);
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint=${ENDPOINT} retries="0" min-fill-ms="0"></maig-join-form>`);
    await fillValid(el);
    submit(el);
    const retry = await waitForShadow(el, '[part="retry"]');
    retry.focus();
    const failedAgain = oneEvent(el, 'maig-join-error');
    retry.click();
    await el.updateComplete;
    const send = q(el, 'button[type="submit"]');
    // Compared as booleans: a failing equal() on elements would try to print them whole.
    expect(el.shadowRoot!.activeElement === send, 'focus on the send button while sending').to.equal(true);
    await failedAgain;
    await waitForShadow(el, '[part="retry"]');
    expect(fake.calls).to.equal(2);
    expect(el.shadowRoot!.activeElement === send, 'focus on the send button after failing again').to.equal(true);
    expect(document.activeElement === el, 'focus inside the form, not <body>').to.equal(true);
    await expect(el).to.be.accessible();
    const success = oneEvent(el, 'maig-join-success');
    q<HTMLButtonElement>(el, '[part="retry"]').click();
    await success;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement === q(el, '[part="success"]'), 'focus on the confirmation').to.equal(true);
  });

  it('honours Retry-After on a 503: waits as long as it is told (not its own shorter backoff), and stops when removed', async () => {
    const fake = receiver([{ status: 503, headers: { 'retry-after': '30' } }, { status: 201 }]);
    const el = await newForm();
    await fillValid(el);
    submit(el);
    await waitUntil(() => shadowText(el, '[part="status"]').includes('Trying again in'), 'no retry message');
    expect(shadowText(el, '[part="status"]')).to.contain('Trying again in 30 seconds (try 2 of 4)');
    expect(fake.calls).to.equal(1);
    await expect(el).to.be.accessible();
    // Taken off the page: the wait ends and nothing more is sent.
    const stopped = oneEvent(el, 'maig-join-error');
    el.remove();
    expect(((await stopped) as CustomEvent<JoinErrorDetail>).detail.kind).to.equal('server');
    expect(fake.calls).to.equal(1);
  });

  it('a Retry-After longer than two minutes: stops at once and says when to try again', async () => {
    const fake = receiver([{ status: 503, headers: { 'retry-after': '600' } }, { status: 201 }]);
    const el = await newForm();
    await fillValid(el);
    const failed = oneEvent(el, 'maig-join-error');
    submit(el);
    const detail = ((await failed) as CustomEvent<JoinErrorDetail>).detail;
    expect(detail.status).to.equal(503);
    expect(fake.calls).to.equal(1);
    await waitForShadow(el, '[part="retry"]');
    expect(shadowText(el, '[part="status"]')).to.contain('It asks to try again in 10 minutes.');
    await expect(el).to.be.accessible();
  });

  it('reads nothing from a polluted Object.prototype', async () => {
    const keys = ['name', 'email', 'city', 'role', 'phone', 'message', 'consent'] as const;
    const proto = Object.prototype as Record<string, unknown>;
    const fake = receiver();
    try {
      for (const k of keys) proto[k] = k === 'consent' ? true : k === 'role' ? 'mayor' : `polluted ${k}`;
      const el = await newForm();
      expect(q<HTMLInputElement>(el, '#f-name').value).to.equal('');
      expect(q<HTMLInputElement>(el, '#f-email').value).to.equal('');
      expect(q<HTMLInputElement>(el, '#f-consent').checked).to.equal(false);
      expect(q<HTMLInputElement>(el, '#f-role-mayor').checked).to.equal(false);
      expect(el.shadowRoot!.querySelectorAll('[part="error"]').length).to.equal(0);
      submit(el);
      const summary = await waitForShadow(el, '[part="summary"]');
      expect(summary.textContent).to.contain('Enter your full name.');
      expect(summary.textContent).to.contain('Enter your email address.');
      expect(summary.textContent).to.not.contain('polluted');
      expect(el.shadowRoot!.querySelector('#f-phone-error')).to.equal(null);
      expect(fake.calls).to.equal(0);
    } finally {
      for (const k of keys) delete proto[k];
    }
  });

  it('does not retry a 4xx: shows the server\'s message (429)', async () => {
    const fake = receiver([{ status: 429, json: { error: 'rate-limited', message: 'Too many submissions from this network. Try again in 40 seconds.' } }]);
    const el = await newForm();
    await fillValid(el);
    submit(el);
    await waitForShadow(el, '[part="retry"]');
    expect(fake.calls).to.equal(1);
    expect(shadowText(el, '[part="status"]')).to.contain('Too many submissions from this network. Try again in 40 seconds.');
  });

  it('shows the server\'s field errors like its own', async () => {
    receiver([{ status: 400, json: { error: 'invalid', message: 'Some answers need fixing.', fields: { city: 'We do not know this city.' } } }]);
    const el = await newForm();
    await fillValid(el);
    submit(el);
    const summary = await waitForShadow(el, '[part="summary"]');
    expect(shadowText(el, '#f-city-error')).to.equal('Error: We do not know this city.');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
  });

  it('form-encoded mode posts a form body with the key inside and no custom header', async () => {
    const fake = receiver([{ status: 200 }]);
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint=${ENDPOINT} form-encoded min-fill-ms="0"></maig-join-form>`);
    await fillValid(el);
    let contentType = '';
    fake.mock.restore();
    const body = await new Promise<URLSearchParams>((resolve) => {
      mockFetch({
        ...NO_CHALLENGE,
        [ENDPOINT]: (_url, init) => {
          contentType = (init!.headers as Record<string, string>)['content-type']!;
          expect((init!.headers as Record<string, string>)['idempotency-key']).to.equal(undefined);
          resolve(new URLSearchParams(String(init!.body)));
          return { status: 200, json: { ok: true } };
        },
      });
      submit(el);
    });
    expect(contentType).to.equal('application/x-www-form-urlencoded');
    expect(body.get('email')).to.equal('mayor@newark.example.gov');
    expect(body.get('consent')).to.equal('true');
    expect(body.get('idempotencyKey')).to.match(/^[0-9a-f-]{36}$/);
    expect(body.get('website')).to.equal('');
  });

  it('waits for the minimum fill time before sending, and reports it', async () => {
    const fake = receiver([{ status: 201 }]);
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint=${ENDPOINT} min-fill-ms="400"></maig-join-form>`);
    await fillValid(el);
    const success = oneEvent(el, 'maig-join-success');
    submit(el);
    await success;
    expect(JSON.parse(fake.bodies[0]!).elapsedMs).to.be.at.least(400);
  });

  it('without an endpoint: a readable configuration message with the fallback content, and a config error event', async () => {
    const error = new Promise<JoinErrorDetail>((resolve) =>
      document.addEventListener('maig-join-error', (e) => resolve((e as CustomEvent<JoinErrorDetail>).detail), { once: true }),
    );
    const el = await fixture<MaigJoinForm>(
      html`<maig-join-form feed=${REAL_FEED}><a href="https://example.org/join">Join on the coalition's site</a></maig-join-form>`,
    );
    expect((await error).kind).to.equal('config');
    const box = await waitForShadow(el, '[part="config"]');
    expect(box.getAttribute('role')).to.equal('alert');
    expect(shadowText(el, '[part="config"]')).to.contain('This join form is not set up yet.');
    // A resident reads no developer words; the page's author reads the console.
    expect(shadowText(el, '[part="config"]')).to.contain('It cannot send your answers from this page.');
    expect(shadowText(el, '[part="config"]')).to.not.match(/endpoint|receiver|attribute/i);
    expect(el.shadowRoot!.querySelector('[part="config"] code')).to.equal(null);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.be.above(0);
    await expect(el).to.be.accessible();
  });

  it('without an endpoint and with a javascript: join URL in the feed: no link to it', async () => {
    const index = await (await fetch(REAL_FEED)).json();
    for (const url of HOSTILE_URLS.slice(0, 4)) {
      resetFeed();
      index.coalition.joinUrl = url;
      mockFetch({ [REAL_FEED]: { json: index } });
      const el = await fixture<MaigJoinForm>(html`<maig-join-form feed=${REAL_FEED}></maig-join-form>`);
      await waitForShadow(el, '[part="config"]');
      // Wait until the form has read the feed's join URL and rendered with it.
      await waitUntil(() => (el as unknown as { joinUrl: string | null }).joinUrl === url, 'join URL not read');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.elsewhere a, [part="config"] a'), JSON.stringify(url)).to.equal(null);
    }
  });
});
