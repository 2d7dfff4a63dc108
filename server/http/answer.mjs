// The one way the server answers in JSON: the body serialized once, its type and length, then the
// route's own headers (cache policy, CORS…). `answerError` turns whatever a route threw into its
// answer: an HttpError as it says, anything else a 500 `internal-error` (logged, never shown).
import { HttpError } from './errors.mjs';

/** One JSON answer. */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A JSON answer that no cache keeps (submissions, errors, anything about one person). */
export const sendPrivateJson = (res, status, body, headers = {}) => sendJson(res, status, body, { 'cache-control': 'no-store', ...headers });

/**
 * Answers for an error a route threw, with `headers` (e.g. CORS) added. An HttpError gives its
 * status, body and headers; anything else is logged and gives 500. When the answer has already
 * started, the connection is cut (the client sees a broken answer rather than a wrong one).
 */
export function answerError(res, error, { log = console, headers = {} } = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (!(error instanceof HttpError)) {
    log.error(error);
    sendPrivateJson(res, 500, { error: 'internal-error', message: 'The server had an unexpected problem.' }, headers);
    return;
  }
  sendPrivateJson(res, error.status, error.body, { ...error.headers, ...headers });
}
