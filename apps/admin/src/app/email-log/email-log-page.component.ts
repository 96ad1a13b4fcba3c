import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { EMAIL_STATUSES, EmailStatus, EmailSummary } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map, Subscription } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { EmailStatusChipComponent } from './email-status-chip.component';
import { EMAIL_STATUS_LABELS } from './email-status';
import { SendTestEmailDialogComponent } from './send-test-email-dialog.component';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { apiErrorMessage } from '@achievement/web';

/** Rows per page of the Email log. */
export const EMAIL_LOG_PAGE_SIZE = 50;

type StatusFilter = EmailStatus | 'all';

/** The administrators' Email log: every email of the outbox, newest first, page by page. */
@Component({
  selector: 'adm-email-log-page',
  imports: [
    BodyTimePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    EmailStatusChipComponent,
  ],
  templateUrl: './email-log-page.component.html',
  styleUrls: ['../shared/list-page.scss', './email-log-page.component.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailLogPageComponent implements OnInit {
  private readonly api = inject(AdminApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private request?: Subscription;

  /** On a phone the table keeps To, Subject and Status; the email's page shows the rest. */
  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 767.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  readonly columns = computed(() => (this.isHandset() ? ['to', 'subject', 'status'] : ['to', 'subject', 'template', 'status', 'attempts', 'createdAt']));
  readonly statuses = EMAIL_STATUSES;
  readonly statusLabels = EMAIL_STATUS_LABELS;

  readonly status = signal<StatusFilter>('all');
  readonly emails = signal<EmailSummary[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);
  /** True once the first page has arrived (so "empty" is not shown while loading). */
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);
  /** Only administrators may send a test email (the API enforces it; this only hides the button). */
  readonly canSendTest = signal(false);
  readonly emptyMessage = computed(() => {
    const status = this.status();
    return status === 'all' ? 'No emails yet.' : `No emails with the status ${EMAIL_STATUS_LABELS[status]}.`;
  });

  /** The cursor of the page last asked for, so Retry repeats exactly that request. */
  private lastCursor: string | null = null;

  constructor() {
    this.destroyRef.onDestroy(() => this.request?.unsubscribe());
  }

  ngOnInit(): void {
    this.loadFirstPage();
    this.api
      .getSession()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (session) => this.canSendTest.set(session.user?.role === 'administrator'),
        error: () => this.canSendTest.set(false),
      });
  }

  filterBy(status: StatusFilter): void {
    this.status.set(status);
    this.loadFirstPage();
  }

  loadFirstPage(): void {
    this.emails.set([]);
    this.nextCursor.set(null);
    this.loaded.set(false);
    this.fetch(null);
  }

  loadMore(): void {
    const cursor = this.nextCursor();
    if (cursor && !this.loading()) {
      this.fetch(cursor);
    }
  }

  retry(): void {
    this.fetch(this.lastCursor);
  }

  open(email: EmailSummary, event?: Event): void {
    // A click on the subject link already navigates.
    if (event?.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.router.navigate([email.id], { relativeTo: this.route });
  }

  openSendTestEmail(): void {
    this.dialog
      .open<SendTestEmailDialogComponent, void, string>(SendTestEmailDialogComponent, { width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((to) => {
        if (to) {
          this.snackBar.open(`Test email queued for ${to}`, 'Close', { duration: 6000 });
          this.loadFirstPage();
        }
      });
  }

  private fetch(cursor: string | null): void {
    this.request?.unsubscribe();
    this.lastCursor = cursor;
    this.loading.set(true);
    this.error.set(null);
    const status = this.status();
    this.request = this.api.listEmails({ status: status === 'all' ? null : status, cursor, limit: EMAIL_LOG_PAGE_SIZE }).subscribe({
      next: (page) => {
        this.emails.update((emails) => (cursor ? [...emails, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loaded.set(true);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiErrorMessage(error, 'The Email log could not be loaded.'));
        this.loading.set(false);
      },
    });
  }
}
