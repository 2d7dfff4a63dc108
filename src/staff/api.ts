/** The staff API client: JSON in and out, the session cookie, and the CSRF token on every change. */

export type Status = 'new' | 'confirmed' | 'approved' | 'rejected' | 'duplicate';
export const STATUSES: Status[] = ['new', 'confirmed', 'approved', 'rejected', 'duplicate'];

export interface DuplicateWarning {
  kind: 'member' | 'pending';
  message: string;
  submissionId?: string;
}

export interface Submission {
  id: string;
  received_at: string;
  name: string;
  role: string;
  city: string;
  state: string;
  email: string;
  phone: string;
  message: string;
  consent: boolean;
  origin: string | null;
  lang: string | null;
  principles_version: string | null;
  signed_at: string | null;
  status: Status;
  confirmed_at: string | null;
  verification: 'official' | 'unverified' | null;
  verification_reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  member_id: string | null;
  duplicates: DuplicateWarning[];
}

export interface Candidate {
  geonameId: number;
  name: string;
  county: string;
  population: number;
  lat: number;
  lon: number;
}

export interface Member {
  id: string;
  rowId: string | null;
  city: string;
  state: string;
  source: string;
  addedAt?: string;
  addedBy?: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detail: string | null;
}

export interface Mail {
  id: string;
  kind: string;
  to_addr?: string;
  to?: string;
  subject: string;
  created_at?: string;
  createdAt?: string;
  attempts: number;
  next_attempt_at?: string | null;
  nextAttemptAt?: string | null;
  last_error?: string | null;
  lastError?: string | null;
}

export interface PublishRun {
  at: string;
  by: string | null;
  ok: boolean;
  members: number | null;
  ms: number | null;
  error: string | null;
  commandError: string | null;
}

export interface PublishStatus {
  publishing: boolean;
  current: { dir: string; version: string | null } | null;
  last: PublishRun | null;
  lastOk: PublishRun | null;
  recent: PublishRun[];
  command: { configured: boolean };
}

/** An answer other than 2xx: its status and the server's code and sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const BASE = '/staff/api/';
let csrf = '';

/** Keeps the CSRF token the server gave at sign-in (or with `me`). */
export const setCsrf = (token: string): void => {
  csrf = token;
};

/** Calls the API: GET without a body, POST with a JSON body and the CSRF token. */
export async function call<T>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  let data: Record<string, unknown> = {};
  try {
    data = (await response.json()) as Record<string, unknown>;
  } catch {
    /* not JSON: the status says enough */
  }
  if (!response.ok) {
    const message = typeof data.message === 'string' ? data.message : `The server answered ${response.status}. Try again.`;
    throw new ApiError(response.status, typeof data.error === 'string' ? data.error : 'error', message, data);
  }
  return data as T;
}

/** "Dec 3, 2026, 9:41 PM" in the reader's locale and time zone. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
