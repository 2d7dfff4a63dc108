// CSV files a person downloads from a widget (the statistics card's figures, the map's member
// list), built in the browser from data the widget already holds: no request. Imported lazily,
// on the first click of a download button, so no widget's first download carries it.

/**
 * One CSV cell, never a formula in a spreadsheet (the same rule as the server's join export):
 * a cell that starts with = + - @ (or a tab or carriage return before one) gets a leading
 * apostrophe, and so does one of those after `;`, a tab or a line break (a spreadsheet set to
 * `;` as separator, or a parser that ignores quotes, would start a cell there).
 */
export function csvCell(v: string | number | null | undefined): string {
  let s = v == null ? '' : String(v);
  s = s.replace(/([;\t\r\n])([\s"]*)(?=[=+\-@])/g, "$1$2'");
  if (/^[\s"]*[=+\-@]/.test(s)) s = `'${s}`;
  return /[",;\n\r\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV file's text: UTF-8 byte order mark (Excel then reads accents right), CRLF lines. */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A file name from words: "Baltimore, MD" → "baltimore-md" (accents kept out, for every file system). */
export function fileSlug(...parts: Array<string | number>): string {
  return parts
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Saves `blob` as `name` through a temporary link with `download` (the browser's own download,
 * no popup). The object URL is released a minute later, once the browser has read it.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a CSV file (text/csv, UTF-8). */
export function saveCsv(text: string, name: string): void {
  saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}
