import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CentreContact } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { AdminApiClient } from '../api/admin-api.client';
import { ConfirmDialogComponent, ConfirmDialogData, Confirmed } from '../shared/confirm-dialog.component';
import { ContactDialogComponent, ContactDialogData } from './contact-dialog.component';
import { CalendarDatePipe, KeysetList, LIST_PAGE_SIZE } from '@achievement/web';

const fullName = (contact: CentreContact) => `${contact.firstName} ${contact.lastName}`;

/** The contact records held for one centre: list, add, edit and delete. */
@Component({
  selector: 'adm-centre-contacts',
  imports: [CalendarDatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule],
  templateUrl: './centre-contacts.component.html',
  styleUrls: ['../shared/list-page.scss'],
  styles: `
    .contacts {
      margin-top: 32px;
    }
    .heading h2 {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
    .heading {
      margin-bottom: 4px;
    }
    .actions {
      text-align: end;
      white-space: nowrap;
    }
    .wrap {
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CentreContactsComponent implements OnInit {
  private readonly api = inject(AdminApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  readonly centreId = input.required<number>();
  readonly centreNumber = input.required<string>();

  readonly columns = ['name', 'email', 'dateOfBirth', 'actions'];
  readonly list = new KeysetList<CentreContact>(
    (cursor) => this.api.listContacts(this.centreId(), { cursor, limit: LIST_PAGE_SIZE }),
    'The contact records could not be loaded.',
    this.destroyRef,
  );

  ngOnInit(): void {
    this.list.reload();
  }

  add(): void {
    this.openDialog({ centreId: this.centreId(), centreNumber: this.centreNumber() }, (saved) => {
      this.snackBar.open(`Contact record of ${fullName(saved)} added.`, 'Close', { duration: 6000 });
      this.list.reload();
    });
  }

  edit(contact: CentreContact): void {
    this.openDialog({ centreId: this.centreId(), centreNumber: this.centreNumber(), contact }, (saved) => {
      this.snackBar.open(`Contact record of ${fullName(saved)} saved.`, 'Close', { duration: 6000 });
      this.list.replace(
        (c) => c.id === saved.id,
        () => saved,
      );
    });
  }

  remove(contact: CentreContact): void {
    const name = fullName(contact);
    const data: ConfirmDialogData<void> = {
      title: `Delete the contact record of ${name}?`,
      paragraphs: [
        `${name} (${contact.email}) is no longer held for centre ${this.centreNumber()}. Registrations with these details then wait for review instead of being approved at once.`,
        'Accounts linked to this record keep their centre; only the link to the record goes.',
      ],
      confirmLabel: 'Delete',
      destructive: true,
      action: () => this.api.deleteContact(this.centreId(), contact.id),
      failureMessage: 'The contact record could not be deleted. Try again.',
    };
    this.dialog
      .open<ConfirmDialogComponent<void>, ConfirmDialogData<void>, Confirmed<void>>(ConfirmDialogComponent, {
        data,
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((confirmed) => {
        if (confirmed) {
          this.snackBar.open(`Contact record of ${name} deleted.`, 'Close', { duration: 6000 });
          this.list.remove((c) => c.id === contact.id);
        }
      });
  }

  private openDialog(data: ContactDialogData, saved: (contact: CentreContact) => void): void {
    this.dialog
      .open<ContactDialogComponent, ContactDialogData, CentreContact>(ContactDialogComponent, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((contact) => {
        if (contact) {
          saved(contact);
        }
      });
  }
}
