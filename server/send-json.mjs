// One JSON answer, for every route that answers in JSON (the join receiver, oEmbed): the body
// serialized once, its type and length, then the route's own headers (cache policy, CORS…).
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
