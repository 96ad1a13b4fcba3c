import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';

/**
 * The fallback of /admin/… when the admin remote could not be loaded. Retry reloads the page:
 * the federation runtime registers remotes at start, so only a fresh start fetches it again.
 */
@Component({
  selector: 'ap-remote-error-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule],
  template: `
    <div class="page" data-testid="remote-error">
      <mat-card appearance="outlined">
        <mat-card-content>
          <h1>Administration unavailable</h1>
          <p role="alert">The administration area could not be loaded. Try again in a moment; if it keeps failing, contact support.</p>
        </mat-card-content>
        <mat-card-actions>
          <button mat-flat-button type="button" (click)="retry()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </mat-card-actions>
      </mat-card>
    </div>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RemoteErrorPageComponent {
  private readonly document = inject(DOCUMENT);

  retry(): void {
    this.document.location.reload();
  }
}
