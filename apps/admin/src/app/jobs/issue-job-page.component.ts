import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { ImportRowError, JOB_CSV_COLUMNS } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { CentrePickerComponent, CentreRef } from '../shared/centre-picker.component';
import { RowErrorsComponent, rowErrorsOf } from '../shared/row-errors.component';
import { countDataLines, EXAMPLE_JOB_CSV, EXAMPLE_JOB_CSV_FILE_NAME, JOB_CSV_COLUMN_NOTES, MAX_JOB_LINES, REQUIRED_JOB_CSV_COLUMNS } from './job-csv';
import { apiErrorCode, apiErrorMessage, requiredText } from '@achievement/web';

/** The largest file read into the page (the API's body limit is smaller still). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

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
 * Issues a job to one centre from a CSV file (or pasted text): one document per line. All lines or
 * none: the API lists every problem by line and issues nothing until there are none. Once queued,
 * the job's page follows its rendering.
 */
@Component({
  selector: 'adm-issue-job-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    CentrePickerComponent,
    RowErrorsComponent,
  ],
  templateUrl: './issue-job-page.component.html',
  styleUrl: './issue-job-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IssueJobPageComponent {
  private readonly api = inject(AdminApiClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private readonly outcome = viewChild<ElementRef<HTMLElement>>('outcome');
  private readonly picker = viewChild.required(CentrePickerComponent);

  readonly columns = JOB_CSV_COLUMNS.map((name) => ({
    name,
    required: REQUIRED_JOB_CSV_COLUMNS.includes(name),
    note: JOB_CSV_COLUMN_NOTES[name],
  }));
  readonly header = JOB_CSV_COLUMNS.join(',');
  readonly example = EXAMPLE_JOB_CSV;
  readonly exampleFileName = EXAMPLE_JOB_CSV_FILE_NAME;
  readonly maxLines = MAX_JOB_LINES;

  readonly centre = signal<CentreRef | null>(null);
  readonly form = inject(NonNullableFormBuilder).group({ csv: ['', [requiredText]] });
  readonly fileName = signal<string | null>(null);
  readonly issuing = signal(false);
  readonly rowErrors = signal<ImportRowError[] | null>(null);
  readonly failure = signal<string | null>(null);

  /** Saves the example file, made here in the browser. */
  downloadExample(): void {
    const url = URL.createObjectURL(new Blob([EXAMPLE_JOB_CSV], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = EXAMPLE_JOB_CSV_FILE_NAME;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url));
  }

  /** Reads the chosen file into the text area, where it can be checked before issuing. */
  async fileChosen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) {
      return;
    }
    this.clearOutcome();
    if (file.size > MAX_FILE_BYTES) {
      this.failure.set(`${file.name} is too large to issue at once. Split it into several jobs.`);
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

  async issue(): Promise<void> {
    if (this.issuing()) {
      return;
    }
    this.clearOutcome();
    const centre = this.centre();
    if (!centre || this.form.invalid) {
      this.picker().markAsTouched();
      this.form.markAllAsTouched();
      return;
    }
    const csv = this.form.controls.csv.value;
    const lines = countDataLines(csv);
    if (lines === 0) {
      this.failure.set('The text has a header row but no learners. Add one line per document below the header.');
      return;
    }
    if (lines > MAX_JOB_LINES) {
      this.failure.set(
        `The text has ${lines.toLocaleString('en-GB')} lines of learners; one job can hold at most ${MAX_JOB_LINES.toLocaleString('en-GB')}. Split the file into several jobs.`,
      );
      return;
    }
    this.issuing.set(true);
    try {
      const job = await firstValueFrom(this.api.issueJobCsv({ centreId: centre.id, csv }));
      const documents = job.documentCount === 1 ? '1 document is' : `${job.documentCount.toLocaleString('en-GB')} documents are`;
      this.snackBar.open(`Job ${job.number} issued to ${centre.name}: ${documents} being rendered.`, 'Close', { duration: 8000 });
      void this.router.navigate(['..', job.id], { relativeTo: this.route });
    } catch (error) {
      const rowErrors = rowErrorsOf(error);
      if (rowErrors) {
        this.rowErrors.set(rowErrors);
      } else if (apiErrorCode(error) === 'PAYLOAD_TOO_LARGE') {
        this.failure.set('The file is too large to send at once. Split it into several jobs.');
      } else {
        this.failure.set(apiErrorMessage(error, 'The job could not be issued. Try again.'));
      }
      afterNextRender({ write: () => this.outcome()?.nativeElement.focus() }, { injector: this.injector });
    } finally {
      this.issuing.set(false);
    }
  }

  private clearOutcome(): void {
    this.rowErrors.set(null);
    this.failure.set(null);
  }
}
