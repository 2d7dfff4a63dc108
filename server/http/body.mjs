// Reading a request body: bounded, never buffering what it refuses, and answered so that the
// client can read the refusal. JSON and form-encoded posts parse to a plain object whose values
// are text, numbers, true/false or null (a form has nothing else).
import { HttpError } from './errors.mjs';

/** The client went away before its body arrived: not an error worth a log line. */
export class Abandoned extends Error {}

/**
 * How much of a refused (too large) upload is read and thrown away before the answer goes out.
 * A client that is still sending when the server answers and closes gets a reset, and often
 * never reads the answer (EPIPE): so up to this bound the upload is read to its end first, then
 * answered. Past it the answer goes out and the connection is closed.
 */
export const DRAIN_LIMIT = 16 * 1024 * 1024;

export const tooLargeError = (max) =>
  new HttpError(413, { error: 'too-large', message: `The submission is too large: the limit is ${max} bytes.` }, { connection: 'close' });

/**
 * Reads the body up to `max` raw bytes. Past that (declared or streamed) it reads on to the end
 * of the upload, discarding, up to DRAIN_LIMIT, then rejects with a 413 (`limitForPeople` is
 * the limit the message names). Rejects with `Abandoned` when the client goes away (or the
 * server's request timeout cuts a body that trickles in).
 */
export function readBody(req, max, limitForPeople = max) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let refused = Number(req.headers['content-length']) > max;
    let done = false;
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      fn(value);
    };
    const tooLarge = () => {
      const error = tooLargeError(limitForPeople);
      error.drained = req.complete;
      return error;
    };
    if (Number(req.headers['content-length']) > DRAIN_LIMIT) {
      finish(reject, tooLarge()); // not worth reading: answer now, then close
      return;
    }
    req.on('data', (chunk) => {
      if (done) return;
      size += chunk.length;
      if (!refused && size > max) {
        refused = true;
        chunks.length = 0;
      }
      if (!refused) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) {
        req.pause(); // enough: answer now, then close
        finish(reject, tooLarge());
      }
    });
    req.on('end', () => finish(refused ? reject : resolve, refused ? tooLarge() : Buffer.concat(chunks).toString('utf8')));
    const gone = () => finish(reject, new Abandoned('the client went away during the upload'));
    req.on('error', gone);
    req.on('close', () => {
      if (!req.complete) gone();
    });
  });
}

/**
 * The size of a parsed body, decoded: the UTF-8 bytes of its keys and values as JSON writes them.
 * The same measure for a JSON and a form-encoded post.
 */
export const decodedSize = (input) => Buffer.byteLength(JSON.stringify(input));

/** Percent-encoding takes up to 3 bytes per byte, JSON's \uXXXX up to 6 per character: the raw body may be this much larger. */
export const RAW_FACTOR = 4;

const flat = (v) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * Parses a JSON or form-encoded body into an object without a prototype, whose values are
 * flat (text, number, true/false, null). A nested array or object (a form never sends one, an
 * attacker may send 10 KB of `[[[[`) is a 400, checked before anything walks into it.
 */
export function parseBody(type, text) {
  let data;
  if (type === 'application/x-www-form-urlencoded') {
    data = Object.fromEntries(new URLSearchParams(text));
  } else if (type === 'application/json' || type === '') {
    try {
      data = JSON.parse(text);
    } catch {
      throw new HttpError(400, { error: 'bad-json', message: 'The submission is not valid JSON.' });
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new HttpError(400, { error: 'bad-json', message: 'The submission must be a JSON object.' });
    }
  } else {
    throw new HttpError(415, { error: 'unsupported-type', message: 'Send the submission as application/json or application/x-www-form-urlencoded.' });
  }
  const out = Object.create(null);
  for (const [key, value] of Object.entries(data)) {
    if (!flat(value)) {
      throw new HttpError(400, { error: 'bad-json', message: `Each answer must be text, a number or true/false: "${key.slice(0, 40)}" is not.` });
    }
    out[key] = value;
  }
  return out;
}
