/** One record of a CSV file and the line (as a person counts them, from 1) it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" for a quote inside one,
 * line breaks allowed inside quotes), CRLF, LF or CR line ends, an optional byte-order mark.
 * Lines with nothing on them are skipped but still counted.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let atLineEnd = false;
    let fieldStarted = false;
    while (i < text.length && !atLineEnd) {
      const ch = text[i];
      if (ch === '"' && !fieldStarted) {
        // a quoted field
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= text.length) throw new CsvSyntaxError(quoteLine, 'A quoted value is not closed: add the closing double quote (")');
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\r' || c === '\n') {
            line++;
            if (c === '\r' && text[i + 1] === '\n') {
              field += '\r\n';
              i += 2;
              continue;
            }
          }
          field += c;
          i++;
        }
        fieldStarted = true;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new CsvSyntaxError(line, 'Text follows a closing double quote: put the whole value in quotes, and write a quote inside it as ""');
        }
        continue;
      }
      if (ch === ',') {
        fields.push(field);
        field = '';
        fieldStarted = false;
        i++;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        atLineEnd = true;
        continue;
      }
      if (ch === '"')
        throw new CsvSyntaxError(line, 'A double quote (") appears inside an unquoted value: put the whole value in quotes, and write the quote as ""');
      field += ch;
      fieldStarted = true;
      i++;
    }
    fields.push(field);
    const empty = fields.length === 1 && fields[0] === '';
    if (!empty) records.push({ line: startLine, fields });
  }
  return records;
}
