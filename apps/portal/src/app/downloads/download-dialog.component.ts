import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  DOWNLOAD_LIFETIME_DAYS,
  DOWNLOAD_PURPOSE_LABELS,
  DOWNLOAD_PURPOSES,
  DownloadPurpose,
  DownloadSummary,
  MAX_DOWNLOAD_DOCUMENTS,
  RecordSelection,
  RequestDownloadRequest,
} from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { firstValueFrom, Observable } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { apiErrorMessage, maxTrimmedLength, requiredText, serverError, showServerFieldErrors } from '@achievement/web';

/** The API's limits of the request (libs/contracts/src/downloads.ts). */
export const DOWNLOAD_NAME_MAX_LENGTH = 100;
export const DOWNLOAD_PURPOSE_DETAIL_MAX_LENGTH = 500;

/** What is downloaded: a Records selection, or every document of a job; with how many documents that is. */
export type DownloadDialogData = { selection: RecordSelection; documentCount: number } | { jobId: number; jobNumber: string; documentCount: number };

/** Opens "Download documents"; emits the request once it was accepted (undefined: cancelled). */
export function openDownloadDialog(dialog: MatDialog, data: DownloadDialogData): Observable<DownloadSummary | undefined> {
  return dialog
    .open<DownloadDialogComponent, DownloadDialogData, DownloadSummary>(DownloadDialogComponent, {
      data,
      width: '560px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    })
    .afterClosed();
}

/** The name a download starts with: "Records 29 Nov 2026", "Job J0000005 29 Nov 2026". */
export function defaultDownloadName(data: DownloadDialogData, now: Date): string {
  const date = formatDate(now, 'd MMM y', 'en-US');
  return 'jobId' in data ? `Job ${data.jobNumber} ${date}` : `Records ${date}`;
}

/**
 * "Download documents": a name, a purpose (and its detail for "Other") and whether to include a
 * CSV manifest; asks for a zip that is built in the background (POST /api/downloads), to be
 * fetched from the Downloads page.
 */
@Component({
  selector: 'ap-download-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  templateUrl: './download-dialog.component.html',
  styles: `
    mat-form-field {
      width: 100%;
      margin-bottom: 4px;
    }
    .summary {
      margin-top: 0;
    }
    .intro {
      color: var(--mat-sys-on-surface-variant);
    }
    .failure {
      margin-bottom: 16px;
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    mat-checkbox {
      display: block;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DownloadDialogComponent {
  private readonly api = inject(PortalApiClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly dialogRef = inject<MatDialogRef<DownloadDialogComponent, DownloadSummary>>(MatDialogRef);

  readonly data = inject<DownloadDialogData>(MAT_DIALOG_DATA);
  readonly purposes = DOWNLOAD_PURPOSES;
  readonly purposeLabels = DOWNLOAD_PURPOSE_LABELS;
  readonly nameMax = DOWNLOAD_NAME_MAX_LENGTH;
  readonly detailMax = DOWNLOAD_PURPOSE_DETAIL_MAX_LENGTH;
  readonly maxDocuments = MAX_DOWNLOAD_DOCUMENTS;
  readonly lifetimeDays = DOWNLOAD_LIFETIME_DAYS;
  readonly serverError = serverError;

  readonly form = inject(NonNullableFormBuilder).group({
    name: [defaultDownloadName(this.data, new Date()), [requiredText, maxTrimmedLength(DOWNLOAD_NAME_MAX_LENGTH)]],
    purpose: ['' as DownloadPurpose | '', Validators.required],
    // Checked only while the purpose is "other" (enabled then, see the constructor).
    purposeDetail: [{ value: '', disabled: true }, [requiredText, maxTrimmedLength(DOWNLOAD_PURPOSE_DETAIL_MAX_LENGTH)]],
    includeManifest: [true],
  });
  readonly purpose = toSignal(this.form.controls.purpose.valueChanges, {
    initialValue: this.form.controls.purpose.value,
  });
  private readonly detail = toSignal(this.form.controls.purposeDetail.valueChanges, { initialValue: '' });
  readonly detailLength = computed(() => this.detail().length);
  readonly countText = computed(() => `${this.data.documentCount.toLocaleString('en-GB')} document${this.data.documentCount === 1 ? '' : 's'}`);
  readonly tooMany = computed(() => this.data.documentCount > MAX_DOWNLOAD_DOCUMENTS);
  readonly sending = signal(false);
  readonly failure = signal<string | null>(null);

  constructor() {
    this.form.controls.purpose.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((purpose) => {
      const detail = this.form.controls.purposeDetail;
      if (purpose === 'other') {
        detail.enable();
      } else {
        detail.disable();
      }
    });
  }

  async submit(): Promise<void> {
    if (this.sending() || this.tooMany()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    this.failure.set(null);
    try {
      const download = await firstValueFrom(this.api.requestDownload(this.request()));
      this.snackBar
        .open('Your download is being prepared. Find it on the Downloads page.', 'Open Downloads', { duration: 10000 })
        .onAction()
        .subscribe(() => void this.router.navigateByUrl('/downloads'));
      this.dialogRef.close(download);
    } catch (error) {
      showServerFieldErrors(this.form, error);
      this.failure.set(apiErrorMessage(error, 'The download could not be requested. Try again in a moment.'));
    } finally {
      this.sending.set(false);
    }
  }

  private request(): RequestDownloadRequest {
    const { name, purpose, purposeDetail, includeManifest } = this.form.getRawValue();
    return {
      name: name.trim(),
      purpose: purpose as DownloadPurpose,
      ...(purpose === 'other' ? { purposeDetail: purposeDetail.trim() } : {}),
      includeManifest,
      ...('jobId' in this.data ? { jobId: this.data.jobId } : { selection: this.data.selection }),
    };
  }
}
