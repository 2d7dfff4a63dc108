/**
 * Sends one join submission: JSON (or form-encoded) POST with an idempotency key, a timeout per
 * try, and automatic retries with exponential backoff on network errors, timeouts and 5xx. A 5xx
 * with `Retry-After` waits at least that long (past `MAX_RETRY_AFTER_MS` it gives up and says
 * when to try). A 4xx is an answer, never retried.
 */
import { bare, type JoinErrorCodes, type JoinErrors, type JoinPayload } from '../common/submission.js';
import { withTimeout } from '../shared/net/with-timeout.js';
import { fill, type Values } from '../shared/i18n/i18n.js';

export interface SendOptions {
  endpoint: string;
  payload: JoinPayload;
  /** Send application/x-www-form-urlencoded instead of JSON (then the key travels in the body only). */
  formEncoded: boolean;
  /** Milliseconds before one try is given up. */
  timeoutMs: number;
  /** Tries after the first one. */
  retries: number;
  /** Wait before the first retry (ms); doubles after each. */
  retryDelayMs: number;
  /** Called before each retry with the try about to start and the wait. */
  onRetry?: (nextAttempt: number, delayMs: number, reason: SendFailureKind) => void;
  /** Stops the retries (e.g. the form left the page): resolves with the last failure. */
  signal?: AbortSignal;
}

/** The longest `Retry-After` the form waits for by itself; past it, it stops and says when to try again. */
const MAX_RETRY_AFTER_MS = 120_000;

/** `Retry-After` in milliseconds (delay in seconds or an HTTP date), or null. */
function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/** Why a submission did not go through. */
export type SendFailureKind = 'network' | 'timeout' | 'server' | 'rejected' | 'invalid' | 'rate-limited';

export type SendOutcome =
  | { ok: true; status: number; id: string | null; attempts: number }
  | {
      ok: false;
      kind: SendFailureKind;
      status: number | null;
      /** A plain English sentence: the receiver's own, else `failureMessage`'s. */
      message: string;
      /** Field messages from the server (HTTP 400 with `fields`). */
      fields: JoinErrors;
      /** Each field's error code from the server (`codes`), to show the form's own words. */
      codes: JoinErrorCodes;
      /** The receiver's error code (`error` in its answer: `conflict`, `rejected`, `origin-not-allowed`…). */
      code: string | null;
      /** The receiver's `message`, if it sent a short one. */
      serverMessage: string | null;
      /** The receiver's `Retry-After` (ms) when the form gave up because it asked to wait too long. */
      waitMs: number | null;
      attempts: number;
    };

type Failure = Extract<SendOutcome, { ok: false }>;

/**
 * What went wrong, in a plain sentence of the form's own, per kind of failure and receiver code
 * (never the receiver's text, which is English): `t` translates it (`MaigElement#t`; by default
 * the English text with its placeholders filled).
 */
export function failureMessage(o: Pick<Failure, 'kind' | 'status' | 'code' | 'waitMs'>, t: (source: string, values?: Values) => string = fill): string {
  const status = o.status ?? 0;
  if (o.kind === 'network') return t('The connection to the coalition\u2019s server failed.');
  if (o.kind === 'timeout') return t('The coalition\u2019s server did not answer in time.');
  if (o.kind === 'server') {
    return o.waitMs !== null && o.waitMs > MAX_RETRY_AFTER_MS
      ? t('The coalition\u2019s server is busy (error {status}). It asks to try again in {minutes} minutes.', {
          status,
          minutes: Math.ceil(o.waitMs / 60_000),
        })
      : t('The coalition\u2019s server had a problem (error {status}).', { status });
  }
  if (status === 429) return t('Too many forms were sent from this network. Wait a few minutes and try again.');
  if (status === 413) return t('The form is too long for the server. Shorten your message and try again.');
  if (status === 415) return t('The coalition\u2019s server did not accept the form\u2019s format (error 415).');
  if (status === 403) return t('The coalition\u2019s server does not accept forms from this website (error 403).');
  if (status === 409) return t('These answers differ from a form already sent. Select \u201cTry again\u201d to send them as a new form.');
  if (o.code === 'rejected') return t('The coalition\u2019s server took the form for an automated one. Wait a few seconds and try again.');
  return t("The coalition's server refused the form (error {status}).", { status });
}

/** Waits `ms`, or less when `signal` aborts. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });

/** A fresh idempotency key: a UUID (crypto.getRandomValues where randomUUID is missing: plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function encode(payload: JoinPayload, formEncoded: boolean): { body: string; headers: Record<string, string> } {
  if (!formEncoded) {
    return {
      body: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': payload.idempotencyKey },
    };
  }
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(payload)) form.set(k, typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));
  // No custom header: a form-encoded post stays a CORS "simple request" (no preflight).
  return { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } };
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const data: unknown = JSON.parse(await response.text());
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The server's own sentence, if it sent a short one. */
const serverMessage = (data: Record<string, unknown> | null): string | null =>
  typeof data?.message === 'string' && data.message.trim() ? data.message.trim().slice(0, 300) : null;

const fieldsOf = (data: Record<string, unknown> | null, key = 'fields'): JoinErrors => {
  const fields = data?.[key];
  if (!fields || typeof fields !== 'object') return bare({});
  return bare(Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')) as JoinErrors);
};

type TryResult =
  | { done: true; outcome: SendOutcome }
  | { done: false; kind: 'network' | 'timeout' | 'server'; status: number | null; retryAfterMs?: number | null };

async function tryOnce(options: SendOptions, attempt: number): Promise<TryResult> {
  const { body, headers } = encode(options.payload, options.formEncoded);
  return withTimeout(options.timeoutMs, async (signal, timedOut) => {
    let response: Response;
    try {
      response = await fetch(options.endpoint, { method: 'POST', body, headers, signal, credentials: 'omit', mode: 'cors' });
    } catch {
      return { done: false, kind: timedOut() ? 'timeout' : 'network', status: null };
    }
    if (response.status >= 500) {
      return { done: false, kind: 'server', status: response.status, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
    }
    const data = await readJson(response);
    if (timedOut()) return { done: false, kind: 'timeout', status: null };
    if (response.ok) {
      const id = typeof data?.id === 'string' || typeof data?.id === 'number' ? String(data.id) : null;
      return { done: true, outcome: { ok: true, status: response.status, id, attempts: attempt } };
    }
    const fields = fieldsOf(data);
    const status = response.status;
    const kind: SendFailureKind = status === 429 ? 'rate-limited' : Object.keys(fields).length ? 'invalid' : 'rejected';
    const code = typeof data?.error === 'string' ? data.error : null;
    const said = serverMessage(data);
    const failure = { kind, status, code, waitMs: null };
    const outcome: SendOutcome = {
      ok: false,
      ...failure,
      message: said ?? failureMessage(failure),
      serverMessage: said,
      fields,
      codes: fieldsOf(data, 'codes'),
      attempts: attempt,
    };
    return { done: true, outcome };
  });
}

/**
 * The receiver's fill-time challenge: fetched when the form is shown (`prefetchChallenge`), sent
 * back with the answers, so the receiver measures the time the form was open itself. One per
 * receiver address and page. `null`: this receiver has none (it answered without one).
 */
interface Challenge {
  token: string;
  /** When it was fetched (performance.now()). */
  at: number;
  /** The receiver's minimum time between issuing and receiving (ms). */
  minFillMs: number;
}

const challenges = new Map<string, Promise<Challenge | null>>();

/** `…/join` → `…/join/challenge` (the query string dropped). */
function challengeUrl(endpoint: string): string {
  const url = new URL(endpoint, location.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/challenge`;
  url.search = '';
  return url.href;
}

function fetchChallenge(endpoint: string, timeoutMs = 15_000): Promise<Challenge | null> {
  const key = challengeUrl(endpoint);
  const pending = withTimeout(timeoutMs, async (signal) => {
    const response = await fetch(key, { signal, credentials: 'omit', mode: 'cors', headers: { accept: 'application/json' } });
    if (!response.ok) return null; // a receiver without challenges: send without one
    const data = await readJson(response);
    const token = data?.challenge;
    const min = Number(data?.minFillMs);
    return typeof token === 'string' && token ? { token, at: performance.now(), minFillMs: Number.isFinite(min) ? min : 0 } : null;
  }).catch(() => {
    challenges.delete(key); // the network failed: try again when the form is sent
    return null;
  });
  challenges.set(key, pending);
  return pending;
}

/** Fetches the receiver's challenge now (when the form is shown), unless it is already there. */
export function prefetchChallenge(endpoint: string): void {
  if (!challenges.has(challengeUrl(endpoint))) void fetchChallenge(endpoint);
}

/**
 * The challenge to send: the one fetched when the form was shown, else a new one (then the
 * receiver's minimum time is waited here, and the person sees "Sending…" meanwhile). Null when
 * the receiver has none or cannot be reached for it (the post then says what the receiver thinks).
 */
async function challengeFor(options: SendOptions): Promise<string | null> {
  const cached = challenges.get(challengeUrl(options.endpoint));
  const challenge = (cached ? await cached : null) ?? (await fetchChallenge(options.endpoint, options.timeoutMs));
  if (!challenge) return null;
  const wait = challenge.minFillMs - (performance.now() - challenge.at);
  if (wait > 0) await sleep(Math.ceil(wait) + 50, options.signal);
  return challenge.token;
}

/** Sends with retries; never throws. */
export async function sendSubmission(options: SendOptions): Promise<SendOutcome> {
  const tries = Math.max(1, Math.floor(options.retries) + 1);
  const challenge = await challengeFor(options);
  if (challenge) options = { ...options, payload: { ...options.payload, challenge } };
  for (let attempt = 1; ; attempt++) {
    const result = await tryOnce(options, attempt);
    // Refused as too fast or with a stale challenge: the next try fetches a new one.
    if (result.done && !result.outcome.ok && result.outcome.code === 'rejected') challenges.delete(challengeUrl(options.endpoint));
    if (result.done) return result.outcome;
    const told = result.retryAfterMs ?? null;
    const giveUp = (waitMs: number | null = null): SendOutcome => {
      const failure = { kind: result.kind, status: result.status, code: null, waitMs };
      return { ok: false, ...failure, message: failureMessage(failure), serverMessage: null, fields: bare({}), codes: bare({}), attempts: attempt };
    };
    if (told !== null && told > MAX_RETRY_AFTER_MS) return giveUp(told);
    if (attempt >= tries || options.signal?.aborted) return giveUp();
    // The server's Retry-After wins over a shorter backoff.
    const delay = Math.max(Math.round(options.retryDelayMs * 2 ** (attempt - 1)), told ?? 0);
    options.onRetry?.(attempt + 1, delay, result.kind);
    await sleep(delay, options.signal);
    if (options.signal?.aborted) return giveUp();
  }
}
