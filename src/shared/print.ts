// Printing a widget: on `beforeprint` its closed disclosures open (and close again on
// `afterprint`), and the widget may swap in what paper needs (the chart as an image). Used by the
// widgets that have disclosures or a canvas; the others print as they are.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class PrintController implements ReactiveController {
  private reopened: HTMLDetailsElement[] = [];
  private readonly before = () => {
    this.reopened = [...this.host.renderRoot.querySelectorAll('details')].filter((d) => !d.open);
    for (const d of this.reopened) d.open = true;
    this.hooks.before?.();
  };
  private readonly after = () => {
    for (const d of this.reopened) d.open = false;
    this.reopened = [];
    this.hooks.after?.();
  };

  constructor(
    private readonly host: Host,
    private readonly hooks: { before?: () => void; after?: () => void } = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('beforeprint', this.before);
    addEventListener('afterprint', this.after);
  }

  hostDisconnected(): void {
    removeEventListener('beforeprint', this.before);
    removeEventListener('afterprint', this.after);
  }
}
