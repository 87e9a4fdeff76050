// CSV as Chinese offices produce it: UTF-8 with or without BOM, GB18030/GBK (what Excel saves on a
// Chinese Windows), UTF-16 "Unicode text"; RFC 4180 quoting, CRLF/LF/CR line ends.

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Decodes CSV bytes: a BOM decides; otherwise UTF-8 if the bytes are valid UTF-8, else GB18030. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  // TextDecoder drops the BOM itself
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (b0 === 0xff && b1 === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // GB18030 is a superset of GBK and GB2312; Node's full ICU build has it
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** The delimiter of the first line (outside quotes): the most frequent of comma, tab, semicolon. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

export type CsvParse = { records: string[][]; unterminatedQuoteAt: number | null };

/**
 * RFC 4180: fields may be quoted, `""` is a quote inside quotes, quoted fields may hold delimiters and
 * line breaks; CRLF, LF and CR all end a record. A quote inside an unquoted field is kept as text.
 * Record i (0-based) is row i + 1 of the file as Excel shows it. An unclosed quote swallows the rest of
 * the file; its record number is reported.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvParse {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let unterminatedQuoteAt: number | null = null;
  let atFieldStart = true;
  const endField = () => {
    record.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < n) {
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      // quoted field
      atFieldStart = false;
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const q = text.indexOf('"', j);
        if (q === -1) break;
        field += text.slice(j, q);
        if (text[q + 1] === '"') {
          field += '"';
          j = q + 2;
        } else {
          j = q + 1;
          closed = true;
          break;
        }
      }
      if (!closed) {
        field += text.slice(j);
        unterminatedQuoteAt = records.length + 1;
        i = n;
        break;
      }
      i = j;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // plain run up to the next delimiter, quote-free line end
      let j = i;
      while (j < n) {
        const c = text[j];
        if (c === delimiter || c === '\r' || c === '\n') break;
        j++;
      }
      field += text.slice(i, j);
      atFieldStart = false;
      i = j;
    }
  }
  if (field !== '' || record.length > 0 || !atFieldStart) endRecord();
  return { records, unterminatedQuoteAt };
}

/** Undoes Excel's CSV idioms for keeping text: `="00123"`, and our own `'` guard before = + - @. */
export function unguardCsvField(v: string): string {
  const wrapped = /^="(.*)"$/s.exec(v);
  if (wrapped) return wrapped[1]!;
  if (v.length > 1 && v[0] === "'" && '=+-@\t\r'.includes(v[1]!)) return v.slice(1);
  return v;
}

/**
 * CSV-injection guard: a text that Excel would read as a formula gets a leading `'` (OWASP advice);
 * readTable removes it again.
 */
export function guardCsvText(v: string): string {
  return v.length > 0 && '=+-@\t\r'.includes(v[0]!) ? `'${v}` : v;
}

function quoteField(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** UTF-8 with BOM (so Excel opens Chinese correctly), CRLF line ends. */
export function encodeCsv(records: readonly (readonly string[])[]): Buffer {
  const body = records.map((r) => r.map(quoteField).join(',')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${body}\r\n`, 'utf8')]);
}
