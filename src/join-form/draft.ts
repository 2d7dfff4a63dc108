/**
 * The draft of a join form, kept in sessionStorage (or localStorage) as the person types, so a
 * reload, a crash or a lost connection loses nothing. It also keeps the idempotency key of a
 * submission that was sent but not confirmed, so sending the same answers again after a reload
 * cannot create a second row.
 */
export type DraftValues = Record<string, string | boolean>;

export interface Draft {
  values: DraftValues;
  /** The key of the last unconfirmed submission and the answers it was for. */
  pending?: { key: string; answers: string };
  savedAt: string;
}

export type Persist = 'session' | 'local' | 'none';

const PREFIX = 'maig-join-draft:';

function storage(persist: Persist): Storage | null {
  try {
    if (persist === 'none') return null;
    return persist === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // blocked storage (privacy settings, sandboxed frame)
  }
}

export const draftKey = (id: string) => PREFIX + id;

export function loadDraft(persist: Persist, id: string): Draft | null {
  try {
    const raw = storage(persist)?.getItem(draftKey(id));
    if (!raw) return null;
    const data = JSON.parse(raw) as Draft;
    return data && typeof data.values === 'object' && data.values ? data : null;
  } catch {
    return null;
  }
}

export function saveDraft(persist: Persist, id: string, draft: Omit<Draft, 'savedAt'>): void {
  try {
    storage(persist)?.setItem(draftKey(id), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    /* full or blocked storage: the draft is a safety net, the form still works */
  }
}

export function clearDraft(persist: Persist, id: string): void {
  try {
    storage(persist)?.removeItem(draftKey(id));
  } catch {
    /* nothing to clear */
  }
}
