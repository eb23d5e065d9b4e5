/**
 * An RFC 4180 reader for tests, written independently of the exporter: quoted and bare fields,
 * doubled quotes, CRLF (or LF) row ends, line breaks inside quotes. Throws on a stray quote.
 */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i++;
      continue;
    }
    if (char === '"') {
      if (field !== "") throw new Error(`a quote inside a bare field at ${i}`);
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else if (char === "\n") endRow();
    else field += char;
    i++;
  }
  if (quoted) throw new Error("an unterminated quoted field");
  if (field !== "" || row.length > 0) endRow();
  return rows;

  function endRow() {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
  }
}

/** Rows as objects keyed by the header row's names (a Map: headers are data). */
export function csvRecords(text: string): Array<Map<string, string>> {
  const [header, ...rows] = readCsv(text);
  if (!header) return [];
  return rows.map((row) => new Map(header.map((name, at) => [name, row[at] ?? ""])));
}
