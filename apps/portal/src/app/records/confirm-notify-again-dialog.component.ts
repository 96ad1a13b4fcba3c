import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RENOTIFY_CONFIRM_HOURS } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

/** How many of the selected documents were notified lately (RecentNoticeErrorBody.recentlyNotified). */
export interface ConfirmNotifyAgainData {
  recentlyNotified: number;
}

/** Asks before telling learners again about documents they were told about lately; closes with true to go ahead. */
@Component({
  selector: 'ap-confirm-notify-again-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>Notify again?</h2>
    <mat-dialog-content>
      <p data-testid="notify-again-message">{{ message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="notify-again-confirm">Notify again</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmNotifyAgainDialogComponent {
  private readonly data = inject<ConfirmNotifyAgainData>(MAT_DIALOG_DATA);
  readonly message = notifyAgainMessage(this.data.recentlyNotified);
}

export function notifyAgainMessage(recentlyNotified: number): string {
  const verb = recentlyNotified === 1 ? 'was' : 'were';
  return `${recentlyNotified.toLocaleString('en-GB')} of the selected documents ${verb} notified in the last ${RENOTIFY_CONFIRM_HOURS} hours. Notify again?`;
}
