import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { Observable } from 'rxjs';

/** What to ask before declining a request or ending a connection. */
export interface ConfirmConnectionActionData {
  title: string;
  message: string;
  confirmLabel: string;
}

/** Opens the question; emits true to go ahead (false or undefined: cancelled). */
export function confirmConnectionAction(dialog: MatDialog, data: ConfirmConnectionActionData): Observable<boolean | undefined> {
  return dialog
    .open<ConfirmConnectionActionDialogComponent, ConfirmConnectionActionData, boolean>(ConfirmConnectionActionDialogComponent, {
      data,
      width: '480px',
      maxWidth: '95vw',
    })
    .afterClosed();
}

/** Asks before a connection action that cannot be undone (Decline, End access). */
@Component({
  selector: 'ap-confirm-connection-action-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p data-testid="confirm-message">{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="confirm-action">{{ data.confirmLabel }}</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmConnectionActionDialogComponent {
  readonly data = inject<ConfirmConnectionActionData>(MAT_DIALOG_DATA);
}
