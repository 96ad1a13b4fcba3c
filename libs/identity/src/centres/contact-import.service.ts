import { CONTACT_IMPORT_COLUMNS, ImportContactsResponse, ImportRowError } from '@achievement/contracts';
import { Actor, AuditService, Clock, CONTROL_CHARACTERS } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, EntityManager, In } from 'typeorm';
import { CentreContact } from '../centre-contact.entity';
import { normaliseCentreNumber } from '../registration/contact-matching';
import { normaliseEmail } from '../user.entity';
import { DATE_OF_BIRTH_MESSAGE, isDateOfBirth } from '../validation/field-rules';
import { ContactImportError } from './contact-import.error';
import { CsvSyntaxError, parseCsv } from './csv-parser';

type Column = (typeof CONTACT_IMPORT_COLUMNS)[number];

export const MAX_IMPORT_ROWS = 10_000;
const MAX_REPORTED_PROBLEMS = 500;
const CHUNK = 500;

interface ContactRow {
  line: number;
  centreNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  dateOfBirth: string;
}

/**
 * Imports centre contact records from CSV: every row or none. Each problem is reported with its
 * line as a person counts them (the header is line 1). A row whose centre already holds a record
 * with that email updates the record.
 */
@Injectable()
export class ContactImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async importContacts(csv: string, actor: Actor): Promise<ImportContactsResponse> {
    const rows = this.readRows(csv);
    return this.dataSource.transaction(async (manager) => {
      const centres = await this.lockCentres(manager, rows);
      const result = await this.write(manager, rows, centres);
      await this.audit.record(
        actor,
        { action: 'contacts.imported', subjectType: 'centre_contact', subjectId: null, details: { ...result, centres: centres.size } },
        manager,
      );
      return result;
    });
  }

  /** Parses and checks the file; throws ContactImportError listing every problem. */
  private readRows(csv: string): ContactRow[] {
    let records;
    try {
      records = parseCsv(csv);
    } catch (err) {
      if (err instanceof CsvSyntaxError) throw new ContactImportError([{ line: err.line, field: 'row', message: err.message }]);
      throw err;
    }
    const [header, ...body] = records;
    if (!header)
      throw new ContactImportError([
        { line: 1, field: 'row', message: `The file is empty: it needs a header row naming the columns ${CONTACT_IMPORT_COLUMNS.join(', ')}` },
      ]);
    const positions = this.readHeader(header.line, header.fields);
    if (body.length === 0)
      throw new ContactImportError([{ line: header.line, field: 'row', message: 'The file has a header but no rows of contacts below it' }]);
    if (body.length > MAX_IMPORT_ROWS) {
      throw new ContactImportError([
        { line: body[MAX_IMPORT_ROWS].line, field: 'row', message: `A file can hold at most ${MAX_IMPORT_ROWS} contacts; split it into several files` },
      ]);
    }

    const problems: ImportRowError[] = [];
    const rows: ContactRow[] = [];
    for (const record of body) {
      if (record.fields.length !== header.fields.length) {
        problems.push({
          line: record.line,
          field: 'row',
          message: `The row has ${record.fields.length} values but the header names ${header.fields.length} columns`,
        });
        continue;
      }
      const value = (column: Column) => record.fields[positions[column]].trim();
      const row: ContactRow = {
        line: record.line,
        centreNumber: normaliseCentreNumber(value('centre_number')),
        firstName: value('first_name'),
        lastName: value('last_name'),
        email: normaliseEmail(value('email')),
        dateOfBirth: value('date_of_birth'),
      };
      const problem = (field: Column, message: string) => problems.push({ line: record.line, field, message });
      if (!/^[A-Z0-9-]{1,16}$/.test(row.centreNumber)) problem('centre_number', 'centre_number must be 1 to 16 letters, digits or dashes');
      for (const [field, text] of [
        ['first_name', row.firstName],
        ['last_name', row.lastName],
      ] as const) {
        if (text.length < 1 || text.length > 100) problem(field, `${field} must be 1 to 100 characters`);
        else if (CONTROL_CHARACTERS.test(text)) problem(field, `${field} must not contain control characters`);
      }
      if (row.email.length > 320 || !isEmail(row.email)) problem('email', 'email must be an email address');
      if (!isDateOfBirth(row.dateOfBirth)) problem('date_of_birth', DATE_OF_BIRTH_MESSAGE('date_of_birth'));
      rows.push(row);
    }
    this.checkRepeats(rows, problems);
    return this.finish(rows, problems);
  }

  private readHeader(line: number, fields: string[]): Record<Column, number> {
    const names = fields.map((f) => f.trim().toLowerCase());
    const problems: ImportRowError[] = [];
    const positions = {} as Record<Column, number>;
    for (const column of CONTACT_IMPORT_COLUMNS) {
      const at = names.indexOf(column);
      if (at < 0)
        problems.push({
          line,
          field: column,
          message: `The header has no ${column} column (it needs ${CONTACT_IMPORT_COLUMNS.join(', ')}, separated by commas)`,
        });
      else positions[column] = at;
    }
    names.forEach((name, at) => {
      if (!(CONTACT_IMPORT_COLUMNS as readonly string[]).includes(name))
        problems.push({
          line,
          field: name || `column ${at + 1}`,
          message: `The header names a column this import does not know: "${fields[at].slice(0, 50)}"`,
        });
      else if (names.indexOf(name) !== at) problems.push({ line, field: name, message: `The header names the column ${name} twice` });
    });
    if (problems.length) throw new ContactImportError(problems);
    return positions;
  }

  private checkRepeats(rows: ContactRow[], problems: ImportRowError[]): void {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.centreNumber}\u0000${row.email}`;
      const first = seen.get(key);
      if (first !== undefined)
        problems.push({
          line: row.line,
          field: 'email',
          message: `The file already has a contact with this email for centre ${row.centreNumber}, on line ${first}`,
        });
      else seen.set(key, row.line);
    }
  }

  private finish(rows: ContactRow[], problems: ImportRowError[]): ContactRow[] {
    if (problems.length) {
      problems.sort((a, b) => a.line - b.line);
      throw new ContactImportError(problems.slice(0, MAX_REPORTED_PROBLEMS), problems.length);
    }
    return rows;
  }

  /** Locks the centres the rows name (in id order, so two imports cannot deadlock); unknown centre numbers are problems. */
  private async lockCentres(manager: EntityManager, rows: ContactRow[]): Promise<Map<string, number>> {
    const numbers = [...new Set(rows.map((r) => r.centreNumber))];
    const found: { id: number; number: string }[] = [];
    for (let i = 0; i < numbers.length; i += CHUNK) {
      const part = numbers.slice(i, i + CHUNK);
      found.push(...(await manager.query(`SELECT id, number FROM centres WHERE number IN (${part.map(() => '?').join(',')}) ORDER BY id FOR UPDATE`, part)));
    }
    const byNumber = new Map(found.map((c) => [c.number.toUpperCase(), Number(c.id)]));
    const problems: ImportRowError[] = rows
      .filter((r) => !byNumber.has(r.centreNumber))
      .map((r) => ({ line: r.line, field: 'centre_number', message: `There is no centre with the number ${r.centreNumber}` }));
    this.finish(rows, problems);
    return byNumber;
  }

  private async write(manager: EntityManager, rows: ContactRow[], centres: Map<string, number>): Promise<ImportContactsResponse> {
    const now = this.clock.now();
    const existing = new Map<string, CentreContact>();
    const centreIds = [...new Set(centres.values())];
    for (let i = 0; i < centreIds.length; i += CHUNK) {
      const part = centreIds.slice(i, i + CHUNK);
      const emails = [...new Set(rows.map((r) => r.email))];
      for (let j = 0; j < emails.length; j += CHUNK) {
        const held = await manager.getRepository(CentreContact).findBy({ centreId: In(part), email: In(emails.slice(j, j + CHUNK)) });
        for (const c of held) existing.set(`${c.centreId}\u0000${normaliseEmail(c.email)}`, c);
      }
    }
    const inserts: Partial<CentreContact>[] = [];
    let updated = 0;
    for (const row of rows) {
      const centreId = centres.get(row.centreNumber)!;
      const held = existing.get(`${centreId}\u0000${row.email}`);
      if (!held) {
        inserts.push({ centreId, firstName: row.firstName, lastName: row.lastName, email: row.email, dateOfBirth: row.dateOfBirth, createdAt: now });
        continue;
      }
      updated++;
      if (held.firstName !== row.firstName || held.lastName !== row.lastName || held.dateOfBirth !== row.dateOfBirth || held.email !== row.email) {
        await manager.update(
          CentreContact,
          { id: held.id },
          { firstName: row.firstName, lastName: row.lastName, email: row.email, dateOfBirth: row.dateOfBirth },
        );
      }
    }
    for (let i = 0; i < inserts.length; i += CHUNK) await manager.insert(CentreContact, inserts.slice(i, i + CHUNK) as CentreContact[]);
    return { imported: rows.length, created: inserts.length, updated };
  }
}
