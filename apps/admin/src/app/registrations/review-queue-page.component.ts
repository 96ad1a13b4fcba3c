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
  templateUrl: './review-queue-page.component.html',
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
