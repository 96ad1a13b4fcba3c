import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit } from '@angular/core';
import { ConnectionView, LearnerConnection } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { PortalApiClient } from '../api/portal-api.client';
import { LoadedList } from './loaded-list';
import { BodyDayPipe } from '../dates/body-day.pipe';

/** Opens the list of what the connection's third party viewed. */
export function openConnectionViewsDialog(dialog: MatDialog, connection: LearnerConnection): void {
  dialog.open<ConnectionViewsDialogComponent, LearnerConnection>(ConnectionViewsDialogComponent, {
    data: connection,
    width: '520px',
    maxWidth: '95vw',
  });
}

/** Views: each time the third party of a connection opened a shared document, newest first. */
@Component({
  selector: 'ap-connection-views-dialog',
  imports: [BodyDayPipe, MatButtonModule, MatDialogModule, MatIconModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>Views by {{ connection.thirdParty.name }}</h2>
    <mat-dialog-content>
      <div class="progress" aria-live="polite">
        @if (views.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the views" />
        }
      </div>
      @if (views.error(); as message) {
        <div class="failure" role="alert" data-testid="views-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="views.reload()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }
      @if (views.loaded() && views.items().length === 0 && !views.error()) {
        <p class="empty" data-testid="views-empty">{{ connection.thirdParty.name }} has not viewed your documents yet.</p>
      }
      @if (views.items().length > 0) {
        <ul class="views" aria-label="Views, newest first">
          @for (view of views.items(); track $index) {
            <li data-testid="view-row">
              <time [attr.datetime]="view.at">{{ view.at | bodyDay: 'time' }}</time>
              <span>{{ view.documentNumber }}</span>
            </li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .progress {
      min-height: 4px;
    }
    .views {
      list-style: none;
      padding: 0;
      margin: 0;
      li {
        display: flex;
        justify-content: space-between;
        gap: 16px;
        padding: 8px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .failure {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      p {
        margin: 0;
        flex: 1 1 auto;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionViewsDialogComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  readonly connection = inject<LearnerConnection>(MAT_DIALOG_DATA);
  readonly views = new LoadedList<ConnectionView>(() => this.api.listConnectionViews(this.connection.id), 'The views could not be loaded.', inject(DestroyRef));

  ngOnInit(): void {
    this.views.reload();
  }
}
