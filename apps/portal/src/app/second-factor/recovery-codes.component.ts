import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** A new set of recovery codes, shown once: to copy, download or print. */
@Component({
  selector: 'ap-recovery-codes',
  imports: [MatButtonModule],
  template: `
    <h3 tabindex="-1">Your recovery codes</h3>
    <p>
      Keep these somewhere safe, away from your phone or key. Each code signs you in once if you lose your authenticator app or passkeys. They are shown only
      now.
    </p>
    <ul class="codes" data-testid="recovery-codes">
      @for (code of codes(); track code) {
        <li>{{ code }}</li>
      }
    </ul>
    <div class="actions">
      <button mat-stroked-button type="button" (click)="copy()">Copy the codes</button>
      <a mat-stroked-button [href]="download()" download="achievement-portal-recovery-codes.txt">Download as a text file</a>
    </div>
    <p aria-live="polite">{{ copied() ? 'Copied.' : '' }}</p>
  `,
  styleUrl: './second-factor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoveryCodesComponent {
  readonly codes = input.required<string[]>();
  readonly copied = signal(false);

  download(): string {
    const text = `Achievement Portal recovery codes\nEach code works once.\n\n${this.codes().join('\n')}\n`;
    return `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  }

  async copy(): Promise<void> {
    await navigator.clipboard?.writeText(this.codes().join('\n'));
    this.copied.set(true);
  }
}
