// Types of submission.js (plain JavaScript so that the Node receiver runs it without a build).

/** A role a person joins as. */
export type JoinRole = 'mayor' | 'former-mayor' | 'staff';

/** One visible field of the join form. */
export type JoinField = 'name' | 'role' | 'city' | 'state' | 'email' | 'phone' | 'message' | 'consent';

/** The answers, normalized (trimmed, email lowercased, state as a USPS code). */
export interface JoinAnswers {
  name: string;
  role: JoinRole | string;
  city: string;
  /** USPS code of the state or territory. */
  state: string;
  email: string;
  /** Empty when not given. */
  phone: string;
  /** Empty when not given. */
  message: string;
  consent: boolean;
}

/** What the form sends: the answers plus the idempotency key, the fill time and the honeypot. */
export interface JoinPayload extends JoinAnswers {
  idempotencyKey: string;
  /** Milliseconds from the form's first display to sending. */
  elapsedMs: number;
  /** The honeypot: always empty from a person. */
  website: string;
  /** The form's language (`en` or `es`): the receiver writes to the person in it. */
  lang?: 'en' | 'es';
  /** The Statement of Principles signed: `current`, or the version the form showed. */
  principlesVersion?: string;
  /** The receiver's fill-time challenge (GET `<endpoint>/challenge`), sent back as it came. */
  challenge?: string;
}

export type JoinErrors = Partial<Record<JoinField, string>>;

/** Why a field needs fixing, stable for translation: the receiver sends these back in `codes`. */
export type JoinErrorCode = 'required' | 'too-long' | 'letters' | 'unknown' | 'format';
export type JoinErrorCodes = Partial<Record<JoinField, JoinErrorCode | string>>;

export type JoinValidation =
  | { ok: true; value: JoinAnswers; errors: JoinErrors; codes: JoinErrorCodes }
  | { ok: false; value: JoinAnswers; errors: JoinErrors; codes: JoinErrorCodes };

/** The English message per `field:code`, with a `{max}` placeholder for the length limits. */
export declare const FIELD_MESSAGES: Readonly<Record<string, string>>;

export declare const ROLES: ReadonlyArray<{ readonly value: JoinRole; readonly label: string }>;
export declare const STATES: ReadonlyArray<{ readonly code: string; readonly name: string }>;
export declare const MAX_LENGTH: Readonly<{ name: number; city: number; email: number; phone: number; message: number }>;
export declare const FIELDS: ReadonlyArray<JoinField>;
export declare const HONEYPOT_FIELD: 'website';
export declare const MIN_FILL_MS: number;

export declare function validateSubmission(input: Record<string, unknown>): JoinValidation;
export declare function isIdempotencyKey(key: unknown): key is string;
export declare function spamReason(input: Record<string, unknown>, minFillMs?: number): 'honeypot' | 'too-fast' | null;
export declare function canonicalAnswers(value: JoinAnswers): string;
/** A copy of the own properties in an object without a prototype (a polluted Object.prototype reads through nothing). */
export declare function bare<T extends object>(source: T | null | undefined): T;
