import { fill, type Values } from '../i18n/i18n.js';

/** What went wrong while reading the feed. */
export type FeedErrorKind = 'network' | 'timeout' | 'http' | 'json' | 'schema' | 'missing';

const MESSAGES: Record<FeedErrorKind, string> = {
  network: 'The data feed could not be reached. Check your connection and try again.',
  timeout: 'The data feed took too long to answer. Try again in a moment.',
  http: 'The data feed answered with an error (HTTP {status}).',
  json: 'The data feed sent something that is not valid JSON.',
  schema: 'The data feed is in a format this widget does not understand.',
  missing: 'The data feed does not contain what this widget needs.',
};

/** A typed, readable error from the feed client. Never thrown into the host page. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    readonly url: string,
    readonly detail = '',
    readonly status?: number,
  ) {
    super(fill(MESSAGES[kind], { status: String(status) }));
  }
}

/**
 * An error a widget's task throws for the reader: its `message` is the English text (the catalog
 * key) and `values` fill its `{placeholders}`, so the widget shows it in its language at render
 * and a change of `lang` rewords it without running the task again.
 */
export class WidgetError extends Error {
  constructor(
    message: string,
    readonly values?: Values,
  ) {
    super(message);
  }
}

/**
 * A readable sentence for any error a widget's task may end with: `message` is the English text
 * (the catalog key) with `{placeholders}` filled from `values`, so the widget shows
 * `this.t(message, values)`. Any other Error is shown as its message.
 */
export function describeError(error: unknown): { message: string; values?: Values; detail: string } {
  if (error instanceof FeedError) {
    return { message: MESSAGES[error.kind], values: { status: String(error.status) }, detail: [error.detail, error.url].filter(Boolean).join(' · ') };
  }
  if (error instanceof Error) return { message: error.message, values: (error as Partial<WidgetError>).values, detail: '' };
  return { message: 'Something went wrong while loading this widget.', detail: String(error ?? '') };
}
