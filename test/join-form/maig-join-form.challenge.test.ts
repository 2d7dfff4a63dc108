// The fill-time challenge as the form uses it: fetched from `<endpoint>/challenge` when the form
// is shown and sent back with the answers (with the form's language and the principles signed);
// when it cannot be fetched, the form still sends, reads the receiver's refusal to the person,
// and "Try again" fetches a new one and gets through.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/join-form/define.js';
import type { JoinErrorDetail, MaigJoinForm } from '../../src/join-form/define.js';
import { mockFetch, type MockAnswer } from '../helpers/mock-fetch.js';

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

function type(el: MaigJoinForm, selector: string, value: string): void {
  const control = q<HTMLInputElement>(el, selector);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function fillValid(el: MaigJoinForm): Promise<void> {
  type(el, '#f-name', 'Ras Baraka');
  q<HTMLInputElement>(el, '#f-role-mayor').click();
  type(el, '#f-city', 'Newark');
  const select = q<HTMLSelectElement>(el, '#f-state');
  select.value = 'NJ';
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  type(el, '#f-email', 'mayor@newark.example.gov');
  q<HTMLInputElement>(el, '#f-consent').click();
  await el.updateComplete;
}

/** A receiver at `endpoint` that wants the challenge it issued (and counts challenges issued). */
function receiver(endpoint: string, { challengeDown = 0 } = {}) {
  const posts: Array<Record<string, unknown>> = [];
  let issued = 0;
  let down = challengeDown;
  const mock = mockFetch({
    [`${endpoint}/challenge`]: (): MockAnswer => (down-- > 0 ? { networkError: true } : { json: { challenge: `token-${++issued}`, minFillMs: 0 } }),
    [endpoint]: (_url, init): MockAnswer => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      posts.push(body);
      if (!String(body.challenge ?? '').startsWith('token-')) {
        return { status: 400, json: { error: 'rejected', reason: 'no-challenge', message: 'This submission looks automated.' } };
      }
      return { status: 201, json: { ok: true, id: `row-${posts.length}` } };
    },
  });
  return { mock, posts, get issued() { return issued; } };
}

describe('<maig-join-form> fill-time challenge', () => {
  it('fetches the challenge when shown and sends it with the language and the principles signed', async () => {
    const r = receiver('https://one.test/join');
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint="https://one.test/join" lang="es" min-fill-ms="0" persist="none"></maig-join-form>`);
    await waitUntil(() => r.issued === 1, 'the challenge is fetched when the form is shown');
    await fillValid(el);
    q<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await oneEvent(el, 'maig-join-success');
    expect(r.posts).to.have.length(1);
    expect(r.posts[0]).to.include({ challenge: 'token-1', lang: 'es', principlesVersion: 'current' });
    r.mock.restore();
  });

  it('when the challenge cannot be fetched, the person reads why and "Try again" gets through', async () => {
    const r = receiver('https://two.test/join', { challengeDown: 2 });
    const el = await fixture<MaigJoinForm>(html`<maig-join-form endpoint="https://two.test/join" min-fill-ms="0" retries="0" persist="none"></maig-join-form>`);
    await fillValid(el);
    q<HTMLButtonElement>(el, 'button[type="submit"]').click();
    const failed = (await oneEvent(el, 'maig-join-error')) as CustomEvent<JoinErrorDetail>;
    expect(failed.detail.status).to.equal(400);
    await el.updateComplete;
    const status = q(el, '[part="status"]');
    expect(status.textContent).to.include('Your form was not sent.');
    expect(status.textContent).to.include('Your answers are kept on this device');
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, '[part="retry"]').click();
    await oneEvent(el, 'maig-join-success');
    expect(r.posts.map((p) => p.challenge ?? null)).to.deep.equal([null, 'token-1']);
    r.mock.restore();
  });
});
