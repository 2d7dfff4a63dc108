// The one error type a route throws to answer: status, JSON body ({ error, message, … }, error
// codes kebab-case) and extra headers. server/http/answer.mjs writes it; anything else thrown
// becomes a 500 `internal-error`.
export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {{ error: string, message: string, [key: string]: unknown }} body
   * @param {Record<string, string>} [headers]
   */
  constructor(status, body, headers = {}) {
    super(body.message);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}
