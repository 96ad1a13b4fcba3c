import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, afterNextRender, signal, viewChild } from '@angular/core';
import { CONTACT_IMPORT_COLUMNS, ImportContactsResponse, ImportRowError } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { RowErrorsComponent, rowErrorsOf } from '../shared/row-errors.component';
import { apiErrorMessage, requiredText } from '@achievement/web';

/** The API's limit of the CSV text (ImportContactsDto). */
export const CSV_MAX_LENGTH = 1_900_000;

/** "Imported 3 contact records (2 new, 1 updated)." */
export function importSummary(result: ImportContactsResponse): string {
  const records = result.imported === 1 ? 'contact record' : 'contact records';
  return `Imported ${result.imported} ${records} (${result.created} new, ${result.updated} updated).`;
}

/** The rowErrors of an import's 400 answer, or null when the error is of another kind. */
export function importRowErrors(error: unknown): ImportRowError[] | null {
  return rowErrorsOf(error);
}

/** The text of a chosen file (UTF-8). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/**
 * Imports contact records from a CSV file (or pasted text) with a header row naming the columns.
 * All rows or none: the API lists every problem by line, and nothing is written until there are none.
 */
@Component({
  selector: 'adm-import-contacts-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    RowErrorsComponent,
  ],
  templateUrl: './import-contacts-page.component.html',
  styleUrl: './import-contacts-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportContactsPageComponent {
  private readonly api = inject(AdminApiClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  private readonly outcome = viewChild<ElementRef<HTMLElement>>('outcome');

  readonly header = CONTACT_IMPORT_COLUMNS.join(',');
  readonly example = `${this.header}\nC10001,Ada,Lovelace,ada@college.example,1985-04-23`;
  readonly maxLength = CSV_MAX_LENGTH;

  readonly form = inject(NonNullableFormBuilder).group({ csv: ['', [requiredText]] });
  readonly fileName = signal<string | null>(null);
  readonly importing = signal(false);
  readonly result = signal<ImportContactsResponse | null>(null);
  readonly rowErrors = signal<ImportRowError[] | null>(null);
  readonly failure = signal<string | null>(null);
  readonly summary = importSummary;

  /** Reads the chosen file into the text area, where it can be checked before importing. */
  async fileChosen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) {
      return;
    }
    this.clearOutcome();
    if (file.size > CSV_MAX_LENGTH * 4) {
      this.failure.set(
        `${file.name} is too large: a file can have at most ${CSV_MAX_LENGTH.toLocaleString('en-GB')} characters. Split it and import each part.`,
      );
      return;
    }
    let text: string;
    try {
      text = (await readText(file)).replace(/^\uFEFF/, '');
    } catch {
      this.failure.set(`${file.name} could not be read. Choose the file again, or paste its text.`);
      return;
    }
    this.fileName.set(file.name);
    this.form.controls.csv.setValue(text);
    this.form.controls.csv.markAsTouched();
  }

  async import(): Promise<void> {
    if (this.importing()) {
      return;
    }
    const csv = this.form.controls.csv.value;
    this.clearOutcome();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (csv.length > CSV_MAX_LENGTH) {
      this.failure.set(
        `The text has ${csv.length.toLocaleString('en-GB')} characters; at most ${CSV_MAX_LENGTH.toLocaleString('en-GB')} can be imported at once. Split the file and import each part.`,
      );
      return;
    }
    this.importing.set(true);
    try {
      const result = await firstValueFrom(this.api.importContacts({ csv }));
      this.result.set(result);
      this.snackBar.open(importSummary(result), 'Close', { duration: 8000 });
      this.form.reset();
      this.fileName.set(null);
    } catch (error) {
      const rowErrors = importRowErrors(error);
      if (rowErrors && rowErrors.length > 0) {
        this.rowErrors.set(rowErrors);
      } else {
        this.failure.set(apiErrorMessage(error, 'The contacts could not be imported. Try again.'));
      }
    } finally {
      this.importing.set(false);
      afterNextRender({ write: () => this.outcome()?.nativeElement.focus() }, { injector: this.injector });
    }
  }

  private clearOutcome(): void {
    this.result.set(null);
    this.rowErrors.set(null);
    this.failure.set(null);
  }
}
