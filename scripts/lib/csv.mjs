// Minimal RFC 4180 CSV reader/writer for the feed's source files (quoted fields, "" escapes,
// CRLF or LF). Rows come back as objects keyed by the header, with their 1-based line number.
export function parseCsv(text) {
  const records = [];
  let field = '';
  let record = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push({ line: recordLine, cells: record });
      record = []; field = ''; line++; recordLine = line;
    } else field += c;
  }
  if (field !== '' || record.length) { record.push(field); records.push({ line: recordLine, cells: record }); }
  const nonEmpty = records.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
  const [head, ...body] = nonEmpty;
  const header = head ? head.cells.map((h) => h.trim()) : [];
  return {
    header,
    rows: body.map((r) => ({
      line: r.line,
      width: r.cells.length,
      values: Object.fromEntries(header.map((h, i) => [h, r.cells[i]])),
    })),
  };
}

const cell = (v) => {
  const s = v == null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const toCsv = (header, rows) =>
  [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
