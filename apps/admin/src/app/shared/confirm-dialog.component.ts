import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom, Observable } from 'rxjs';
import { apiErrorMessage } from '@achievement/web';

export interface ConfirmDialogData<T> {
  title: string;
  /** What will happen, one paragraph each. */
  paragraphs: readonly string[];
  /** The confirming button's text, e.g. "Approve" or "Delete account". */
  confirmLabel: string;
  /** A change that cannot be undone: the button is red. */
  destructive?: boolean;
  /** The API call made on confirmation; the dialog closes with its answer, or shows its error and stays open. */
  action: () => Observable<T>;
  /** Shown when the API gives no message of its own. */
  failureMessage: string;
}

/** What the dialog closes with once the action succeeded (undefined: cancelled). */
export interface Confirmed<T> {
  result: T;
}

/**
 * Asks before a change, then makes it: the API call runs in the dialog, so a refusal (409 and the
 * like) is shown where the administrator is looking, and the dialog closes only once it is done.
 */
@Component({
  selector: 'adm-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      @for (paragraph of data.paragraphs; track $index) {
        <p>{{ paragraph }}</p>
      }
      @if (failure(); as message) {
        <p class="failure" role="alert" data-testid="confirm-error">{{ message }}</p>
      }
      @if (working()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="data.confirmLabel + ': in progress'" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close [disabled]="working()">Cancel</button>
      <button mat-flat-button type="button" [class.destructive]="data.destructive" [disabled]="working()" (click)="confirm()">
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .failure {
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent<T> {
  readonly data = inject<ConfirmDialogData<T>>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ConfirmDialogComponent<T>, Confirmed<T>>>(MatDialogRef);

  readonly working = signal(false);
  readonly failure = signal<string | null>(null);

  async confirm(): Promise<void> {
    if (this.working()) {
      return;
    }
    this.working.set(true);
    this.failure.set(null);
    try {
      const result = await firstValueFrom(this.data.action(), { defaultValue: undefined as T });
      this.dialogRef.close({ result });
    } catch (error) {
      this.failure.set(apiErrorMessage(error, this.data.failureMessage));
    } finally {
      this.working.set(false);
    }
  }
}
