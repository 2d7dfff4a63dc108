// A real SMTP server in the test process (smtp-server, no TLS, no auth) that keeps what it
// receives, decoded enough to read: subject, recipients, the text and the HTML part.
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../../scripts/lib/free-port.mjs';

export { freePort };

const qp = (s) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

/** "=?UTF-8?Q?Confirme_que?= …" → text. */
const words = (s) =>
  s.replace(/\r?\n[ \t]+/g, ' ').replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*(?==\?)?/gi, (_, enc, text) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
  );

function parseHeaders(block) {
  const headers = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

function decodePart(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    const parts = body.split(`--${boundary}`).slice(1, -1);
    return { headers, parts: parts.map((p) => decodePart(p.replace(/^\r?\n/, ''))) };
  }
  const enc = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const text = enc === 'quoted-printable' ? qp(body) : enc === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
  return { headers, type: type.split(';')[0].toLowerCase(), text };
}

const leaves = (part) => (part.parts ? part.parts.flatMap(leaves) : [part]);

/** Decodes one received message: `{ to, subject, text, html, raw }`. */
export function readMessage(raw, envelope) {
  const top = decodePart(raw);
  const all = leaves(top);
  return {
    to: envelope.rcptTo.map((r) => r.address),
    from: envelope.mailFrom?.address,
    subject: words(top.headers.subject ?? ''),
    text: all.find((p) => p.type === 'text/plain')?.text ?? '',
    html: all.find((p) => p.type === 'text/html')?.text ?? '',
    raw,
  };
}

/**
 * Starts the SMTP server on `port` (0: any): `{ port, url, messages, next(n), close() }`;
 * `next(n)` resolves once `n` messages in all have arrived.
 */
export async function startSmtp({ port = 0 } = {}) {
  const messages = [];
  const waiters = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        messages.push(readMessage(Buffer.concat(chunks).toString('latin1'), session.envelope));
        for (const w of [...waiters]) if (messages.length >= w.n) w.resolve(messages);
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.server.address().port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    messages,
    next: (n) =>
      messages.length >= n
        ? Promise.resolve(messages)
        : new Promise((resolve, reject) => {
            const w = { n, resolve };
            waiters.push(w);
            setTimeout(() => reject(new Error(`only ${messages.length} of ${n} mails arrived`)), 15_000).unref();
          }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
