import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/join-form/define.js';
import type { JoinErrorDetail, MaigJoinForm } from '../../src/join-form/define.js';
import { STATES } from '../../src/common/submission.js';
import { mockFetch, type MockAnswer } from '../helpers/mock-fetch.js';
import { REAL_FEED, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';
import { audibleText, expectNoEnglish, expectTranslated, langAttributes } from '../helpers/i18n.js';

const ENDPOINT = 'https://join.test/join';
/** These receivers issue no fill-time challenge (the challenge has its own tests): answered at once, never the network. */
const NO_CHALLENGE = { [`${ENDPOINT}/challenge`]: { status: 404 } };

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

function type(el: MaigJoinForm, selector: string, value: string): void {
  const control = q<HTMLInputElement>(el, selector);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function fillValid(el: MaigJoinForm): Promise<void> {
  type(el, '#f-name', 'Miguel Romero');
  q<HTMLInputElement>(el, '#f-role-mayor').click();
  type(el, '#f-city', 'San Juan');
  const select = q<HTMLSelectElement>(el, '#f-state');
  select.value = 'PR';
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  type(el, '#f-email', 'alcalde@sanjuan.example.gov');
  q<HTMLInputElement>(el, '#f-consent').click();
  await el.updateComplete;
}

const submit = (el: MaigJoinForm) => q<HTMLButtonElement>(el, 'button[type="submit"]').click();

/** Text the same in both languages on purpose: names of places, what the person typed, codes. */
const SAME = [...STATES.map((s) => s.name), 'Miguel Romero', 'San Juan', 'endpoint', 'Error:', /^row-\d+$/, /sanjuan\.example\.gov/];

/** Renders the form in a `lang` wrapper (or on a page whose <html> has the language). */
async function form(lang: 'en' | 'es', attrs: { endpoint?: string | null; retries?: number; retryDelay?: number; timeout?: number } = {}, onDocument = false) {
  const endpoint = attrs.endpoint === undefined ? ENDPOINT : attrs.endpoint;
  const wrapper = await fixture<HTMLElement>(
    onDocument
      ? html`<div><maig-join-form endpoint=${endpoint ?? ''} feed=${REAL_FEED} min-fill-ms="0" retries=${attrs.retries ?? 0} retry-delay=${attrs.retryDelay ?? 5} timeout=${attrs.timeout ?? 15000} persist="none"></maig-join-form></div>`
      : html`<div lang=${lang}><maig-join-form endpoint=${endpoint ?? ''} feed=${REAL_FEED} min-fill-ms="0" retries=${attrs.retries ?? 0} retry-delay=${attrs.retryDelay ?? 5} timeout=${attrs.timeout ?? 15000} persist="none"></maig-join-form></div>`,
  );
  const el = wrapper.querySelector<MaigJoinForm>('maig-join-form')!;
  await waitForShadow(el, '.root');
  return el;
}

/** Both checks, lang attributes and axe, for one state rendered in English and in Spanish. */
async function expectSpanish(en: MaigJoinForm, es: MaigJoinForm, state: string): Promise<void> {
  expectNoEnglish(es, state);
  expectTranslated(en, es, SAME, state);
  // Nothing inside is marked as another language: all of it inherits the page's Spanish.
  expect(langAttributes(es), state).to.deep.equal([]);
  await expect(es).to.be.accessible();
}

/** A receiver answering every post with `answer` (a success with an id when none is given). */
function receiver(answer: MockAnswer | ((n: number) => MockAnswer) = { status: 201, json: { ok: true, id: 'row-1' } }) {
  let calls = 0;
  mockFetch({ ...NO_CHALLENGE, [ENDPOINT]: () => (typeof answer === 'function' ? answer(++calls) : answer) });
}

/** Fills and sends both forms, and waits for each to report its failure. */
async function failBoth(answer: MockAnswer, attrs = {}): Promise<[MaigJoinForm, MaigJoinForm]> {
  receiver(answer);
  const en = await form('en', attrs);
  const es = await form('es', attrs);
  for (const el of [en, es]) {
    await fillValid(el);
    const failed = oneEvent(el, 'maig-join-error');
    submit(el);
    await failed;
    await el.updateComplete;
  }
  return [en, es];
}

describe('<maig-join-form> in Spanish', () => {
  afterEach(() => {
    resetFeed();
    document.documentElement.setAttribute('lang', 'en');
  });

  it('empty: labels, roles, hints, the state list, consent, the disclosure and the button in Spanish', async () => {
    receiver();
    const en = await form('en');
    const es = await form('es');
    expect(shadowText(es, '#join-heading')).to.equal('Únase a Mayors Against Illegal Guns');
    expect(shadowText(es, 'legend')).to.equal('Su cargo');
    expect(shadowText(es, 'label[for="f-role-former-mayor"]')).to.equal('Exalcalde o exalcaldesa');
    expect(shadowText(es, 'label[for="f-phone"]')).to.equal('Número de teléfono (opcional)');
    expect(q<HTMLSelectElement>(es, '#f-state').options[0]!.textContent).to.equal('Elija…');
    expect(shadowText(es, 'label[for="f-consent"]')).to.equal('He leído y firmo la Declaración de Principios');
    expect(shadowText(es, '.principles summary')).to.equal('Leer la Declaración de Principios');
    expect(shadowText(es, 'button[type="submit"]')).to.equal('Firmar y unirse');
    await expectSpanish(en, es, 'empty');
  });

  it('the page\'s <html lang="es-PR"> is enough, and the author\'s heading is kept as written', async () => {
    document.documentElement.setAttribute('lang', 'es-PR');
    receiver();
    const es = await form('es', {}, true);
    expect(shadowText(es, 'button[type="submit"]')).to.equal('Firmar y unirse');
    expectNoEnglish(es, 'document lang');
    es.heading = 'Únase a la coalición';
    await es.updateComplete;
    expect(shadowText(es, '#join-heading')).to.equal('Únase a la coalición');
    await expect(es).to.be.accessible();
  });

  it('invalid: the error summary and every field message in Spanish; the summary takes focus; numbers in the Spanish locale', async () => {
    receiver();
    const en = await form('en');
    const es = await form('es');
    for (const el of [en, es]) {
      type(el, '#f-email', 'no-es-un-correo');
      type(el, '#f-phone', '12');
      type(el, '#f-message', 'x'.repeat(2001));
      submit(el);
      await waitForShadow(el, '.summary');
    }
    expect(shadowText(es, '.summary__title')).to.equal('Hay un problema con 8 respuestas');
    expect(es.shadowRoot!.activeElement).to.equal(q(es, '.summary'));
    expect(shadowText(es, '#f-name-error')).to.equal('Error: Escriba su nombre completo.');
    expect(shadowText(es, '#f-email-error')).to.contain('Escriba un correo electrónico con el formato correcto');
    const limit = new Intl.NumberFormat('es').format(2000);
    expect(shadowText(es, '#f-message-error')).to.equal(`Error: Su mensaje es demasiado largo: use ${limit} caracteres o menos.`);
    expect(shadowText(en, '#f-message-error')).to.equal('Error: Your message is too long: use 2,000 characters or fewer.');
    // The browser's own bubble says the same.
    expect(q<HTMLInputElement>(es, '#f-name').validationMessage).to.equal('Escriba su nombre completo.');
    await expectSpanish(en, es, 'invalid');

    // One answer left: the singular title, and the messages follow the answers.
    for (const el of [en, es]) {
      await fillValid(el);
      type(el, '#f-phone', '');
      type(el, '#f-message', '');
      type(el, '#f-email', 'x');
      submit(el);
      await el.updateComplete;
    }
    expect(shadowText(es, '.summary__title')).to.equal('Hay un problema con 1 respuesta');
    await expectSpanish(en, es, 'one invalid answer');
  });

  it('sending, in Spanish', async () => {
    receiver({ hang: true });
    const en = await form('en');
    const es = await form('es');
    for (const el of [en, es]) {
      await fillValid(el);
      submit(el);
      await waitUntil(() => shadowText(el, '[part="status"]') !== '', 'not sending');
    }
    expect(shadowText(es, '[part="status"]')).to.equal('Enviando su formulario…');
    expect(shadowText(es, 'button[type="submit"]')).to.equal('Enviando…');
    await expectSpanish(en, es, 'sending');
  });

  it('the retry wait, in Spanish, with plural and singular seconds', async () => {
    receiver({ networkError: true });
    const en = await form('en', { retries: 2, retryDelay: 30_000 });
    const es = await form('es', { retries: 2, retryDelay: 30_000 });
    const one = await form('es', { retries: 1, retryDelay: 1000 });
    for (const el of [en, es, one]) {
      await fillValid(el);
      submit(el);
      await waitUntil(() => /\(.*\d.*\d.*\)/.test(shadowText(el, '[part="status"]')), 'no retry message');
    }
    expect(shadowText(es, '[part="status"]')).to.equal(
      'El formulario aún no se envió. Se intentará de nuevo en 30 segundos (intento 2 de 3)…',
    );
    expect(shadowText(one, '[part="status"]')).to.contain('Se intentará de nuevo en 1 segundo (intento 2 de 2)');
    await expectSpanish(en, es, 'retry wait');
  });

  const failures: Array<[string, MockAnswer, string, object?]> = [
    ['network (offline)', { networkError: true }, 'Falló la conexión con el servidor de la coalición.'],
    ['timeout', { hang: true }, 'El servidor de la coalición no respondió a tiempo.', { timeout: 50 }],
    ['5xx', { status: 500, json: { error: 'internal-error', message: 'The receiver had an unexpected problem.' } }, 'El servidor de la coalición tuvo un problema (error 500).'],
    [
      '503 asking to wait long',
      { status: 503, headers: { 'retry-after': '600' }, json: { error: 'unavailable', message: 'The receiver cannot store submissions right now.' } },
      'El servidor de la coalición está ocupado (error 503). Pide que lo intente de nuevo en 10 minutos.',
    ],
    ['429', { status: 429, json: { error: 'rate-limited', message: 'Too many submissions from this network. Try again in 40 seconds.' } }, 'Se enviaron demasiados formularios desde esta red.'],
    ['413', { status: 413, json: { error: 'too-large', message: 'The submission is too large: the limit is 16384 bytes.' } }, 'El formulario es demasiado largo para el servidor.'],
    ['415', { status: 415, json: { error: 'unsupported-type', message: 'Send the submission as application/json.' } }, 'no aceptó el formato del formulario (error 415)'],
    ['403', { status: 403, json: { error: 'origin-not-allowed', message: 'This receiver does not accept submissions from https://x.test.' } }, 'no acepta formularios de este sitio web (error 403)'],
    ['409', { status: 409, json: { error: 'conflict', message: 'This idempotency key was already used for a different submission.' } }, 'Estas respuestas no coinciden con un formulario ya enviado.'],
    ['400 automated', { status: 400, json: { error: 'rejected', reason: 'too-fast', message: 'This submission looks automated.' } }, 'tomó el formulario por uno automatizado'],
    ['400 other', { status: 400, json: { error: 'bad-key', message: 'Send an idempotency key.' } }, 'rechazó el formulario (error 400)'],
  ];
  for (const [kind, answer, spanish, attrs] of failures) {
    it(`failure, ${kind}: the form's own Spanish message, never the receiver's English, and "Intentar de nuevo"`, async () => {
      const [en, es] = await failBoth(answer, attrs);
      const status = shadowText(es, '[part="status"]');
      expect(status).to.contain('Su formulario no se envió.');
      expect(status).to.contain(spanish);
      expect(status).to.contain('Sus respuestas se guardan en este dispositivo; no se pierde nada.');
      expect(shadowText(es, '[part="retry"]')).to.equal('Intentar de nuevo');
      const said = (answer.json as { message?: string } | undefined)?.message;
      if (said) expect(status).to.not.contain(said);
      if (said && (answer.status ?? 0) < 500) {
        // An English page keeps the receiver's own sentence (a 4xx's).
        expect(shadowText(en, '[part="status"]')).to.contain(said);
      }
      await waitUntil(() => es.shadowRoot!.querySelector('.elsewhere a'), 'no link to the join page');
      await waitUntil(() => en.shadowRoot!.querySelector('.elsewhere a'), 'no link to the join page');
      expect(shadowText(es, '.elsewhere')).to.equal('También puede unirse en el sitio de la coalición.');
      expect(shadowText(es, '.elsewhere a')).to.equal('unirse en el sitio de la coalición');
      await expectSpanish(en, es, kind);
      // Focus behaviour unchanged: "Intentar de nuevo" hands focus to the send button.
      q<HTMLButtonElement>(es, '[part="retry"]').click();
      expect(es.shadowRoot!.activeElement).to.equal(q(es, 'button[type="submit"]'));
    });
  }

  it('400 with field codes: the form\'s own Spanish message per field and code; a code it does not know gets a generic one', async () => {
    const answer: MockAnswer = {
      status: 400,
      json: {
        error: 'invalid',
        message: 'Some answers need fixing.',
        fields: { city: 'Enter your city or town.', email: 'The email address is too long: use 254 characters or fewer.', name: 'We do not know this name.' },
        codes: { city: 'required', email: 'too-long', name: 'made-up' },
      },
    };
    receiver(answer);
    const en = await form('en');
    const es = await form('es');
    for (const el of [en, es]) {
      await fillValid(el);
      const failed = oneEvent(el, 'maig-join-error');
      submit(el);
      const detail = ((await failed) as CustomEvent<JoinErrorDetail>).detail;
      expect(detail.kind).to.equal('invalid');
      await waitForShadow(el, '.summary');
    }
    expect(shadowText(es, '#f-city-error')).to.equal('Error: Escriba su ciudad o pueblo.');
    expect(shadowText(es, '#f-email-error')).to.equal('Error: El correo electrónico es demasiado largo: use 254 caracteres o menos.');
    expect(shadowText(es, '#f-name-error')).to.equal('Error: Revise esta respuesta.');
    expect(shadowText(en, '#f-name-error')).to.equal('Error: We do not know this name.');
    expect(es.shadowRoot!.activeElement).to.equal(q(es, '.summary'));
    expect(audibleText(es.shadowRoot!).join(' ')).to.not.contain('We do not know');
    await expectSpanish(en, es, 'server field errors');
  });

  it('its own lang switched to Spanish: the field messages, the summary and the failure message follow', async () => {
    receiver({ status: 413, json: { error: 'too-large', message: 'The submission is too large.' } });
    const el = await form('en');
    submit(el);
    await waitForShadow(el, '.summary');
    expect(shadowText(el, '#f-name-error')).to.equal('Error: Enter your full name.');
    el.setAttribute('lang', 'es-US');
    await waitUntil(() => shadowText(el, 'button[type="submit"]') === 'Firmar y unirse', 'not re-rendered in Spanish');
    await el.updateComplete;
    expect(shadowText(el, '#f-name-error')).to.equal('Error: Escriba su nombre completo.');
    expect(q<HTMLInputElement>(el, '#f-name').validationMessage).to.equal('Escriba su nombre completo.');
    expectNoEnglish(el, 'switched, invalid');
    await fillValid(el);
    const failed = oneEvent(el, 'maig-join-error');
    submit(el);
    await failed;
    await el.updateComplete;
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(shadowText(el, '[part="status"]')).to.contain('The submission is too large.');
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    expect(shadowText(el, '[part="status"]')).to.contain('El formulario es demasiado largo para el servidor.');
    expectNoEnglish(el, 'switched, failed');
  });

  it('success: the thank-you and the receipt in Spanish, focused', async () => {
    receiver({ status: 201, json: { ok: true, id: 'row-7' } });
    const en = await form('en');
    const es = await form('es');
    for (const el of [en, es]) {
      await fillValid(el);
      const done = oneEvent(el, 'maig-join-success');
      submit(el);
      await done;
      await waitForShadow(el, '.success');
    }
    expect(shadowText(es, '.success__title')).to.equal('Gracias. Su formulario se envió.');
    expect(shadowText(es, '#success-body')).to.contain('El personal de la coalición le escribirá a alcalde@sanjuan.example.gov.');
    expect(shadowText(es, '.receipt')).to.equal('Referencia: row-7');
    expect(es.shadowRoot!.activeElement).to.equal(q(es, '.success'));
    await expectSpanish(en, es, 'success');
  });

  it('restored draft: the note and "Borrar el formulario" in Spanish', async () => {
    const key = `maig-join-draft:${ENDPOINT}`;
    sessionStorage.setItem(key, JSON.stringify({ values: { name: 'Miguel Romero' } }));
    try {
      receiver();
      const make = (lang: string) =>
        fixture<HTMLElement>(html`<div lang=${lang}><maig-join-form endpoint=${ENDPOINT} min-fill-ms="0"></maig-join-form></div>`);
      const en = (await make('en')).querySelector<MaigJoinForm>('maig-join-form')!;
      const es = (await make('es')).querySelector<MaigJoinForm>('maig-join-form')!;
      await waitForShadow(es, '[part="restored"]');
      await waitForShadow(en, '[part="restored"]');
      expect(shadowText(es, '[part="restored"]')).to.equal('Se recuperaron sus respuestas anteriores. Borrar el formulario');
      await expectSpanish(en, es, 'restored');
      q<HTMLButtonElement>(es, '[part="restored"] button').click();
      await es.updateComplete;
      await waitUntil(() => es.shadowRoot!.activeElement === q(es, '#f-name'), 'focus did not move to the first field');
    } finally {
      sessionStorage.clear();
    }
  });

  it('not set up: the configuration message in Spanish, in plain words, with the way to join elsewhere', async () => {
    mockFetch({});
    const en = await form('en', { endpoint: null });
    const es = await form('es', { endpoint: null });
    await waitForShadow(es, '[part="config"]');
    await waitUntil(() => es.shadowRoot!.querySelector('.elsewhere a') && en.shadowRoot!.querySelector('.elsewhere a'), 'no join link');
    expect(shadowText(es, '[part="config"] .state__title')).to.equal('Este formulario para unirse aún no está configurado.');
    expect(es.shadowRoot!.querySelector('[part="config"] code')).to.equal(null);
    expect(shadowText(es, '[part="config"]')).to.contain('No puede enviar sus respuestas desde esta página.');
    await expectSpanish(en, es, 'not set up');
  });

  it('the Statement of Principles disclosure: the embedded statement inherits the Spanish page', async () => {
    receiver();
    const es = await form('es');
    const details = q<HTMLDetailsElement>(es, 'details');
    details.open = true;
    await waitForShadow(es, 'maig-principles');
    await customElements.whenDefined('maig-principles');
    const principles = q(es, 'maig-principles') as HTMLElement & { uiLang: string };
    expect(principles.hasAttribute('lang')).to.equal(false);
    expect(principles.uiLang).to.equal('es');
    expectNoEnglish(es, 'disclosure open');
  });

  it('an English page never requests the Spanish chunk; a Spanish page does', async () => {
    const frame = async (lang: string) => {
      const iframe = document.createElement('iframe');
      iframe.title = `join form, ${lang}`;
      iframe.srcdoc = `<!doctype html><html lang="${lang}"><body><maig-join-form feed="${new URL(REAL_FEED, location.href).href}"></maig-join-form>
        <script type="module">import '/src/join-form/define.ts';</script></body></html>`;
      document.body.append(iframe);
      await waitUntil(() => iframe.contentDocument?.querySelector('maig-join-form')?.shadowRoot?.querySelector('.state__title'), `${lang} frame did not render`, { timeout: 8000 });
      const requested = iframe.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name);
      const title = iframe.contentDocument!.querySelector('maig-join-form')!.shadowRoot!.querySelector('.state__title')!.textContent;
      iframe.remove();
      return { requested, title };
    };
    const en = await frame('en-US');
    expect(en.requested.some((url) => url.includes('/src/join-form/')), 'the frame loaded the form').to.equal(true);
    expect(en.requested.filter((url) => url.includes('catalog-es'))).to.deep.equal([]);
    expect(en.title).to.equal('This join form is not set up yet.');
    const es = await frame('es-MX');
    expect(es.requested.some((url) => url.includes('catalog-es'))).to.equal(true);
    expect(es.title).to.equal('Este formulario para unirse aún no está configurado.');
  });
});
