// MAIG_PUBLISH_COMMAND: run after each publish with the new feed folder as its last argument
// (an upload to a CDN, say). Split into words as a shell would for quotes and backslashes, then
// run without a shell, with a time limit. Its failure is returned, never thrown.
import { spawn } from 'node:child_process';

/** Splits a command line into words: spaces separate, '…' and "…" quote, \ escapes. */
export function splitCommand(line) {
  const words = [];
  let word = '';
  let inWord = false;
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new Error(`MAIG_PUBLISH_COMMAND has an unclosed ${quote} quote`);
  if (inWord) words.push(word);
  return words;
}

/** The last `max` characters of a text, for an error message. */
const tail = (text, max = 500) => (text.length > max ? `…${text.slice(-max)}` : text).trim();

/**
 * Runs `command` (a string, split with splitCommand) with `dir` appended. Resolves to null when it
 * exits 0, or to a sentence saying how it failed (exit code, signal, time-out, and its stderr).
 */
export function runPublishCommand(command, dir, { timeoutMs = 120_000, env = process.env } = {}) {
  let argv;
  try {
    argv = splitCommand(command);
  } catch (error) {
    return Promise.resolve(error.message);
  }
  if (!argv.length) return Promise.resolve(null);
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const child = spawn(argv[0], [...argv.slice(1), dir], { shell: false, stdio: ['ignore', 'pipe', 'pipe'], env });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, timeoutMs);
    child.stdout.on('data', (d) => (output = tail(output + d, 4000)));
    child.stderr.on('data', (d) => (output = tail(output + d, 4000)));
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve(`the publish command could not start: ${error.code === 'ENOENT' ? `${argv[0]} was not found` : error.message}`);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && !timedOut) return resolve(null);
      const how = timedOut ? `did not finish within ${timeoutMs / 1000} s` : signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      const said = tail(output);
      resolve(`the publish command ${how}${said ? `: ${said}` : ''}`);
    });
  });
}
