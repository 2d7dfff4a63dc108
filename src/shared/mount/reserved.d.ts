/** The room each widget takes before it is drawn; see reserved.js. */
export declare const RESERVED: Readonly<Record<string, { height?: readonly [number, number]; tag?: string; box?: string }>>;
/** The CSS that reserves it (the loader adopts it; the build writes it into maig-widgets.css). */
export declare function reservedCss(): string;
/** Adopts the reserving CSS into `doc` (once). */
export declare function adoptReserved(doc: Document): void;
