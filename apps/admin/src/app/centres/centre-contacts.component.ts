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
  template: `
    <section class="contacts" aria-labelledby="contacts-title" data-testid="centre-contacts">
      <div class="heading">
        <h2 id="contacts-title">Contact records</h2>
        <div class="heading__actions">
          <a mat-button routerLink="../import">
            <mat-icon aria-hidden="true" svgIcon="upload_file"></mat-icon>
            Import from CSV
          </a>
          <button mat-flat-button type="button" (click)="add()">
            <mat-icon aria-hidden="true" svgIcon="person_add"></mat-icon>
            Add contact record
          </button>
        </div>
      </div>
      <p class="muted">The people the body holds for this centre. A registration whose details match one of them is approved at once.</p>

      <div class="progress" aria-live="polite">
        @if (list.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading contact records" />
        }
      </div>

      @if (list.error(); as message) {
        <div class="error" role="alert">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="list.retry()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }

      @if (list.loaded() && list.items().length === 0 && !list.error()) {
        <p class="empty" data-testid="contacts-empty">This centre has no contact records yet.</p>
      }

      @if (list.items().length > 0) {
        <div class="table-wrap">
          <table mat-table [dataSource]="list.items()">
            <caption class="cdk-visually-hidden">
              Contact records of centre
              {{
                centreNumber()
              }}
            </caption>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
              <td mat-cell *matCellDef="let c">{{ c.firstName }} {{ c.lastName }}</td>
            </ng-container>
            <ng-container matColumnDef="email">
              <th mat-header-cell *matHeaderCellDef scope="col">Email</th>
              <td mat-cell *matCellDef="let c" class="wrap">{{ c.email }}</td>
            </ng-container>
            <ng-container matColumnDef="dateOfBirth">
              <th mat-header-cell *matHeaderCellDef scope="col">Date of birth</th>
              <td mat-cell *matCellDef="let c">
                <time [attr.datetime]="c.dateOfBirth">{{ c.dateOfBirth | calendarDate }}</time>
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col"><span class="cdk-visually-hidden">Actions</span></th>
              <td mat-cell *matCellDef="let c" class="actions">
                <button mat-icon-button type="button" [attr.aria-label]="'Edit the contact record of ' + c.firstName + ' ' + c.lastName" (click)="edit(c)">
                  <mat-icon aria-hidden="true" svgIcon="edit"></mat-icon>
                </button>
                <button mat-icon-button type="button" [attr.aria-label]="'Delete the contact record of ' + c.firstName + ' ' + c.lastName" (click)="remove(c)">
                  <mat-icon aria-hidden="true" svgIcon="delete"></mat-icon>
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let c; columns: columns" data-testid="contact-row"></tr>
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
