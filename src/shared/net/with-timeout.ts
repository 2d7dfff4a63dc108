/**
 * Runs `work` with an AbortSignal that fires after `ms`; `timedOut()` tells the work whether a
 * failure came from that timeout (rather than the network). The timer is always cleared.
 */
export async function withTimeout<T>(ms: number, work: (signal: AbortSignal, timedOut: () => boolean) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  try {
    return await work(controller.signal, () => timedOut);
  } finally {
    clearTimeout(timer);
  }
}
