import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { REGISTRATION_STATUSES, RegistrationStatus, RegistrationSummary } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { REGISTRATION_STATUS_LABELS } from './registration-status';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { CalendarDatePipe, KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/**
 * The review queue: registrations whose details did not match a held contact record, oldest
 * first as the API orders them, page by page. Other statuses can be looked at too.
 */
@Component({
  selector: 'adm-review-queue-page',
  imports: [
    BodyTimePipe,
    CalendarDatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  template: `
    <section class="page" data-testid="review-queue" aria-labelledby="review-queue-title">
      <div class="heading">
        <h1 id="review-queue-title">Registrations</h1>
      </div>
      <p class="muted intro">
        Registrations whose details did not match the contact records held wait here for review. Open one to compare it with the closest records, then approve
        or reject it.
      </p>

      <div class="filters">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Status</mat-label>
          <mat-select [value]="status()" (valueChange)="filterBy($event)">
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>

      <div class="progress" aria-live="polite">
        @if (list.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading registrations" />
        }
      </div>

      @if (list.error(); as message) {
        <div class="error" role="alert" data-testid="review-queue-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="list.retry()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }

      @if (list.loaded() && list.items().length === 0 && !list.error()) {
        <p class="empty" data-testid="review-queue-empty">{{ emptyMessage() }}</p>
      }

      @if (list.items().length > 0) {
        <!-- scrolls sideways on narrow screens: focusable, so keyboards can scroll it -->
        <div class="table-wrap" tabindex="0" role="region" aria-label="Registrations" data-testid="registrations-region">
          <table mat-table [dataSource]="list.items()">
            <caption class="cdk-visually-hidden">
              {{
                statusLabels[status()]
              }}: registrations. Open one to review it.
            </caption>

            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
              <td mat-cell *matCellDef="let r">
                <a [routerLink]="[r.id]">{{ r.firstName }} {{ r.lastName }}</a>
              </td>
            </ng-container>

            <ng-container matColumnDef="email">
              <th mat-header-cell *matHeaderCellDef scope="col">Email</th>
              <td mat-cell *matCellDef="let r" class="wrap">{{ r.email }}</td>
            </ng-container>

            <ng-container matColumnDef="centre">
              <th mat-header-cell *matHeaderCellDef scope="col">Centre</th>
              <td mat-cell *matCellDef="let r">
                <span class="centre-number">{{ r.centreNumber }}</span>
                @if (r.centre) {
                  <span class="muted"> {{ r.centre.name }}</span>
                } @else {
                  <span class="muted"> (no centre has this number)</span>
                }
              </td>
            </ng-container>

            <ng-container matColumnDef="dateOfBirth">
              <th mat-header-cell *matHeaderCellDef scope="col">Date of birth</th>
              <td mat-cell *matCellDef="let r">
                @if (r.dateOfBirth) {
                  <time [attr.datetime]="r.dateOfBirth">{{ r.dateOfBirth | calendarDate }}</time>
                } @else {
                  <span class="muted">Not given</span>
                }
              </td>
            </ng-container>

            <ng-container matColumnDef="createdAt">
              <th mat-header-cell *matHeaderCellDef scope="col">Registered</th>
              <td mat-cell *matCellDef="let r">
                <time [attr.datetime]="r.createdAt">{{ r.createdAt | bodyTime }}</time>
              </td>
            </ng-container>

            <ng-container matColumnDef="verifiedAt">
              <th mat-header-cell *matHeaderCellDef scope="col">Verified</th>
              <td mat-cell *matCellDef="let r">
                @if (r.verifiedAt) {
                  <time [attr.datetime]="r.verifiedAt">{{ r.verifiedAt | bodyTime }}</time>
                } @else {
                  <span class="muted">Not yet</span>
                }
              </td>
            </ng-container>

            <tr mat-header-row *matHeaderRowDef="columns()"></tr>
            <tr mat-row *matRowDef="let r; columns: columns()" class="clickable-row" data-testid="registration-row" (click)="open(r, $event)"></tr>
          </table>
        </div>

        @if (list.nextCursor()) {
          <div class="more">
            <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.loadMore()">Load more</button>
          </div>
        }
      }
    </section>
  `,
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .intro {
      margin: -8px 0 16px;
      max-width: 72ch;
    }
    .centre-number {
      font-weight: 500;
    }
    .wrap {
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewQueuePageComponent implements OnInit {
  private readonly api = inject(AdminApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** On a phone the table keeps the name, centre and verification time; the registration's page shows the rest. */
  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 767.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  readonly columns = computed(() =>
    this.isHandset() ? ['name', 'centre', 'verifiedAt'] : ['name', 'email', 'centre', 'dateOfBirth', 'createdAt', 'verifiedAt'],
  );
  readonly statuses = REGISTRATION_STATUSES;
  readonly statusLabels = REGISTRATION_STATUS_LABELS;
  readonly status = signal<RegistrationStatus>('awaiting_review');
  readonly list = new KeysetList<RegistrationSummary>(
    (cursor) => this.api.listRegistrations({ status: this.status(), cursor, limit: LIST_PAGE_SIZE }),
    'The registrations could not be loaded.',
    inject(DestroyRef),
  );
  readonly emptyMessage = computed(() => {
    const status = this.status();
    return status === 'awaiting_review'
      ? 'No registrations are waiting for review.'
      : `No registrations with the status ${REGISTRATION_STATUS_LABELS[status]}.`;
  });

  ngOnInit(): void {
    this.list.reload();
  }

  filterBy(status: RegistrationStatus): void {
    this.status.set(status);
    this.list.reload();
  }

  open(registration: RegistrationSummary, event?: Event): void {
    // A click on the name link already navigates.
    if (event?.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.router.navigate([registration.id], { relativeTo: this.route });
  }
}
