import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ContactCandidate, MATCH_FIELDS, MatchField, RegistrationDetail, RegistrationSummary } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Subscription } from 'rxjs';
import { AdminApiClient } from '../api/admin-api.client';
import { ConfirmDialogComponent, ConfirmDialogData, Confirmed } from '../shared/confirm-dialog.component';
import { MATCH_FIELD_LABELS, REGISTRATION_STATUS_LABELS } from './registration-status';
import { RejectRegistrationDialogComponent } from './reject-registration-dialog.component';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { apiErrorMessage, CalendarDatePipe } from '@achievement/web';

/** The value a registration gave for one compared detail. */
function registeredValue(registration: RegistrationSummary, field: MatchField): string {
  return registration[field] ?? '';
}

/** The value a contact record holds for one compared detail. */
function heldValue(candidate: ContactCandidate, field: MatchField): string {
  return field === 'centreNumber' ? candidate.contact.centreNumber : candidate.contact[field];
}

export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/**
 * One registration beside the closest contact records held (same centre first): the details that
 * differ are marked, an administrator may pick a record to link, then approves or rejects.
 */
@Component({
  selector: 'adm-registration-detail-page',
  imports: [BodyTimePipe, CalendarDatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatRadioModule],
  templateUrl: './registration-detail-page.component.html',
  styleUrl: './registration-detail-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegistrationDetailPageComponent {
  private readonly api = inject(AdminApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private request?: Subscription;
  private id = 0;

  readonly fields = MATCH_FIELDS;
  readonly fieldLabels = MATCH_FIELD_LABELS;
  readonly statusLabels = REGISTRATION_STATUS_LABELS;
  readonly registeredValue = registeredValue;
  readonly heldValue = heldValue;

  readonly detail = signal<RegistrationDetail | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  /** The id of the contact record to link on approval; null: none. */
  readonly chosenContactId = signal<number | null>(null);
  readonly name = computed(() => {
    const registration = this.detail()?.registration;
    return registration ? fullName(registration) : '';
  });
  readonly canDecide = computed(() => this.detail()?.registration.status === 'awaiting_review');
  readonly chosenCandidate = computed(() => this.detail()?.candidates.find((c) => c.contact.id === this.chosenContactId()) ?? null);

  constructor() {
    this.route.paramMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.id = Number(params.get('id'));
      this.load();
    });
    this.destroyRef.onDestroy(() => this.request?.unsubscribe());
  }

  load(): void {
    this.request?.unsubscribe();
    this.detail.set(null);
    this.error.set(null);
    this.chosenContactId.set(null);
    if (!Number.isInteger(this.id) || this.id < 1) {
      this.error.set('There is no registration at this address.');
      return;
    }
    this.loading.set(true);
    this.request = this.api.getRegistration(this.id).subscribe({
      next: (detail) => {
        this.detail.set(detail);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(apiErrorMessage(error, 'The registration could not be loaded.'));
        this.loading.set(false);
      },
    });
  }

  choose(contactId: number | null): void {
    this.chosenContactId.set(contactId);
  }

  approve(): void {
    const detail = this.detail();
    if (!detail) {
      return;
    }
    const registration = detail.registration;
    const name = fullName(registration);
    const candidate = this.chosenCandidate();
    const link = candidate
      ? `The contact record of ${fullName(candidate.contact)} (centre ${candidate.contact.centreNumber}, ${candidate.contact.centreName}) is linked, and the account belongs to that centre.`
      : registration.centre
        ? `No contact record is linked. The account belongs to centre ${registration.centre.number}, ${registration.centre.name}.`
        : `No contact record is linked, and no centre has the number ${registration.centreNumber}: choose a contact record to link, so that the account has a centre.`;
    const data: ConfirmDialogData<RegistrationSummary> = {
      title: `Approve the registration of ${name}?`,
      paragraphs: [link, `${name} can sign in at once and is emailed that the account is released.`],
      confirmLabel: 'Approve',
      action: () => this.api.approveRegistration(registration.id, candidate ? { contactId: candidate.contact.id } : {}),
      failureMessage: 'The registration could not be approved. Try again.',
    };
    this.dialog
      .open<ConfirmDialogComponent<RegistrationSummary>, ConfirmDialogData<RegistrationSummary>, Confirmed<RegistrationSummary>>(ConfirmDialogComponent, {
        data,
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((confirmed) => {
        if (confirmed) {
          this.decided(`Approved: ${name} can now sign in. They have been emailed.`);
        }
      });
  }

  reject(): void {
    const registration = this.detail()?.registration;
    if (!registration) {
      return;
    }
    const name = fullName(registration);
    this.dialog
      .open<RejectRegistrationDialogComponent, RegistrationSummary, RegistrationSummary>(RejectRegistrationDialogComponent, {
        data: registration,
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((rejected) => {
        if (rejected) {
          this.decided(`Rejected: ${name} has been emailed the reason.`);
        }
      });
  }

  /** Confirms the decision and goes back to the queue. */
  private decided(message: string): void {
    this.snackBar.open(message, 'Close', { duration: 8000 });
    void this.router.navigate(['..'], { relativeTo: this.route });
  }
}
