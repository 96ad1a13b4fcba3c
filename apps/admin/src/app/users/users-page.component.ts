import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AdminUserSummary, Role, ROLE_LABELS, ROLES, USER_STATUSES, UserStatus } from '@achievement/contracts';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { map } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { ConfirmDialogComponent, ConfirmDialogData, Confirmed } from '../shared/confirm-dialog.component';
import { USER_STATUS_LABELS } from './user-status';
import { KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

/** The API's limit of the search text (AdminUserListQueryDto). */
const SEARCH_MAX_LENGTH = 100;

type RoleFilter = Role | 'all';
/** 'all': every status but deleted (the API lists deleted accounts only when asked for). */
type StatusFilter = UserStatus | 'all';

const fullName = (user: AdminUserSummary) => `${user.firstName} ${user.lastName}`;

/** The accounts, newest first, with role and status filters, a search, and deregistration. */
@Component({
  selector: 'adm-users-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, MatTableModule],
  templateUrl: './users-page.component.html',
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .filters .search {
      width: 320px;
    }
    .search-button {
      margin-top: 8px;
    }
    .wrap {
      overflow-wrap: anywhere;
    }
    .actions {
      text-align: end;
      white-space: nowrap;
    }
    .delete {
      --mat-button-text-label-text-color: var(--mat-sys-error);
    }
    .status--active {
      background: #c8e6c9;
      color: #1b5e20;
    }
    .status--awaiting_review,
    .status--pending_verification {
      background: #fff3c4;
      color: #5d4200;
    }
    .status--rejected,
    .status--deleted {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .deleted-row td {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPageComponent implements OnInit {
  private readonly api = inject(AdminApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 767.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  readonly columns = computed(() =>
    this.isHandset() ? ['name', 'status', 'actions'] : ['name', 'email', 'role', 'status', 'secondFactor', 'centre', 'actions'],
  );
  readonly roles = ROLES;
  readonly roleLabels = ROLE_LABELS;
  readonly statuses = USER_STATUSES;
  readonly statusLabels = USER_STATUS_LABELS;

  readonly role = signal<RoleFilter>('all');
  readonly status = signal<StatusFilter>('all');
  readonly query = signal('');
  readonly searchForm = inject(NonNullableFormBuilder).group({ q: ['', [Validators.maxLength(SEARCH_MAX_LENGTH)]] });
  /** The signed-in administrator, who cannot delete their own account. */
  readonly myId = signal<number | null>(null);

  readonly list = new KeysetList<AdminUserSummary>(
    (cursor) =>
      this.api.listUsers({
        role: this.role() === 'all' ? null : (this.role() as Role),
        status: this.status() === 'all' ? null : (this.status() as UserStatus),
        q: this.query(),
        cursor,
        limit: LIST_PAGE_SIZE,
      }),
    'The accounts could not be loaded.',
    this.destroyRef,
  );
  readonly emptyMessage = computed(() =>
    this.query() || this.role() !== 'all' || this.status() !== 'all' ? 'No accounts match these filters.' : 'No accounts yet.',
  );

  ngOnInit(): void {
    this.list.reload();
    this.api
      .getSession()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (session) => this.myId.set(session.user?.id ?? null), error: () => this.myId.set(null) });
  }

  filterByRole(role: RoleFilter): void {
    this.role.set(role);
    this.list.reload();
  }

  filterByStatus(status: StatusFilter): void {
    this.status.set(status);
    this.list.reload();
  }

  search(): void {
    this.query.set(this.searchForm.controls.q.value.trim().slice(0, SEARCH_MAX_LENGTH));
    this.list.reload();
  }

  roleLabel(role: Role): string {
    return ROLE_LABELS[role];
  }

  statusLabel(status: UserStatus): string {
    return USER_STATUS_LABELS[status];
  }

  canDelete(user: AdminUserSummary): boolean {
    return user.status !== 'deleted' && user.id !== this.myId();
  }

  /** Nobody resets their own second factor (another administrator does). */
  canResetFactors(user: AdminUserSummary): boolean {
    return user.status !== 'deleted' && user.secondFactor && user.id !== this.myId();
  }

  resetFactors(user: AdminUserSummary): void {
    const name = fullName(user);
    const data: ConfirmDialogData<void> = {
      title: `Reset the second factor of ${name}?`,
      paragraphs: [
        `Their authenticator app, passkeys and recovery codes are removed, and every session of the account ends at once.`,
        user.role === 'administrator' || user.role === 'support'
          ? 'At their next sign-in they set up a new second factor before anything else.'
          : 'They sign in with their password alone until they set up a new one.',
        'Do this only once you are sure who is asking: for example, after a call back on a number you already hold.',
        'They are emailed, and the reset is recorded in the audit log.',
      ],
      confirmLabel: 'Reset second factor',
      destructive: true,
      action: () => this.api.resetUserFactors(user.id),
      failureMessage: 'The second factor could not be reset. Try again.',
    };
    this.dialog
      .open<ConfirmDialogComponent<void>, ConfirmDialogData<void>, Confirmed<void>>(ConfirmDialogComponent, { data, width: '520px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((confirmed) => {
        if (confirmed) {
          this.snackBar.open(`The second factor of ${name} has been reset.`, 'Close', { duration: 8000 });
          this.list.replace(
            (u) => u.id === user.id,
            (u) => ({ ...u, secondFactor: false }),
          );
        }
      });
  }

  deleteAccount(user: AdminUserSummary): void {
    const name = fullName(user);
    const data: ConfirmDialogData<void> = {
      title: `Delete the account of ${name}?`,
      paragraphs: [
        `${name} (${user.email}) can no longer sign in: every session of the account ends at once.`,
        'Their personal details are erased: name, email address, date of birth, phone, job title and address.',
        'The audit trail stays: what the account did remains on record, without the personal details.',
        'This cannot be undone.',
      ],
      confirmLabel: 'Delete account',
      destructive: true,
      action: () => this.api.deleteUser(user.id),
      failureMessage: 'The account could not be deleted. Try again.',
    };
    this.dialog
      .open<ConfirmDialogComponent<void>, ConfirmDialogData<void>, Confirmed<void>>(ConfirmDialogComponent, {
        data,
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((confirmed) => {
        if (confirmed) {
          this.snackBar.open(`The account of ${name} has been deleted.`, 'Close', { duration: 8000 });
          this.list.replace(
            (u) => u.id === user.id,
            (u) => ({ ...u, status: 'deleted' }),
          );
        }
      });
  }
}
