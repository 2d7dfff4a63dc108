/**
 * Calls `fn` on each Escape keydown anywhere in `win`, for a tooltip shown on hover that must be
 * dismissible without moving the pointer (WCAG 1.4.13), wherever focus is. It listens in the
 * capture phase, so a host page that stops Escape's propagation for itself cannot keep the
 * tooltip up; it never stops the key, so the page still gets it. Returns the function that stops
 * listening.
 */
export function onEscape(win: Window, fn: (event: KeyboardEvent) => void): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') fn(event);
  };
  win.addEventListener('keydown', onKey, true);
  return () => win.removeEventListener('keydown', onKey, true);
}
