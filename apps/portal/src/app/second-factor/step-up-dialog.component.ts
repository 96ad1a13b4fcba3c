import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { SecondFactorKind } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FactorPromptComponent } from './factor-prompt.component';
import { factorErrorMessage, SecondFactorService } from './second-factor.service';

/** Asks for the second factor again before a change that needs it (step-up). Closes with true once it passed. */
@Component({
  selector: 'ap-step-up-dialog',
  imports: [MatDialogModule, MatButtonModule, MatProgressBarModule, FactorPromptComponent],
  template: `
    <h2 mat-dialog-title>Confirm it’s you</h2>
    <mat-dialog-content>
      <p>This change needs your second factor again.</p>
      @if (methods(); as ways) {
        <ap-factor-prompt [methods]="ways" (passed)="dialog.close(true)" />
      } @else if (failure(); as message) {
        <div class="failure" role="alert">{{ message }}</div>
      } @else {
        <mat-progress-bar mode="indeterminate" aria-label="Loading" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
    </mat-dialog-actions>
  `,
  styleUrl: './second-factor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepUpDialogComponent implements OnInit {
  readonly dialog = inject<MatDialogRef<StepUpDialogComponent, boolean>>(MatDialogRef);
  private readonly secondFactor = inject(SecondFactorService);
  readonly methods = signal<SecondFactorKind[] | null>(null);
  readonly failure = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      this.methods.set(await this.secondFactor.methods());
    } catch (error) {
      this.failure.set(factorErrorMessage(error, 'Your second factors could not be loaded. Close this and try again.'));
    }
  }
}
