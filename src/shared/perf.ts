import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Performance marks for `npm run bench` (scripts/bench/30-member-map.mjs reads them with
 * `performance.getEntriesByName`): `<name>:data` when the data has arrived, `<name>:model` when
 * it is prepared, `<name>:rendered` when the first render that shows it is in the document, and
 * `<name>:painted` after the next frame's style, layout and paint. Marks are cheap and invisible;
 * a browser without `performance.mark` gets none.
 */
export class BenchMarks implements ReactiveController {
  private rendered = true;

  /** `shown()` tells, after an update, whether the data is in the document. */
  constructor(
    host: ReactiveControllerHost,
    private readonly name: string,
    private readonly shown: () => boolean,
  ) {
    host.addController(this);
  }

  /** The data has arrived: the next render that shows it is measured. */
  data(): void {
    this.rendered = false;
    this.mark('data');
  }

  /** The data is prepared (between `data` and `rendered`). */
  model(): void {
    this.mark('model');
  }

  hostUpdated(): void {
    if (this.rendered || !this.shown()) return;
    this.rendered = true;
    this.mark('rendered');
    requestAnimationFrame(() => setTimeout(() => this.mark('painted'), 0));
  }

  private mark(what: string): void {
    performance.mark?.(`${this.name}:${what}`);
  }
}
