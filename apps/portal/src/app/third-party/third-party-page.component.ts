import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit } from '@angular/core';
import { DOCUMENT_TYPE_LABELS, DocumentType, SharedDocument, ThirdPartyConnection } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { PortalApiClient } from '../api/portal-api.client';
import { DocumentStatusChipComponent } from '../documents/document-status-chip.component';
import { ConnectionStatusChipComponent } from '../learner/connection-status-chip.component';
import { LoadedList } from '../learner/loaded-list';
import { openRequestAccessDialog } from './request-access-dialog.component';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { CalendarDatePipe } from '@achievement/web';

/**
 * Shared with me (/third-party): the learners who share documents with the signed-in third party,
 * and for active connections the documents with their live status and Smart Verify code; Request
 * access asks a learner for theirs.
 */
@Component({
  selector: 'ap-third-party-page',
  imports: [
    BodyDayPipe,
    CalendarDatePipe,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    DocumentStatusChipComponent,
    ConnectionStatusChipComponent,
  ],
  templateUrl: './third-party-page.component.html',
  styleUrl: '../records/list-page.scss',
  styles: `
    .heading-actions {
      display: flex;
      gap: 8px;
    }
    .connection {
      margin-bottom: 16px;
    }
    .connection-heading {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-bottom: 8px;
      h2 {
        font: var(--mat-sys-title-large);
        margin: 0;
      }
    }
    .documents {
      width: 100%;
      min-width: 1000px;
    }
    .strong {
      font-weight: 500;
    }
    .block {
      display: block;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    td .muted {
      font: var(--mat-sys-body-small);
    }
    .warning {
      margin-top: 4px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      max-width: 220px;
    }
    .code {
      font-family: ui-monospace, monospace;
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    /* codes hold underscores: the underline sits below them, not on them */
    a.code {
      text-underline-offset: 0.35em;
      text-decoration-thickness: 1px;
    }
    .actions {
      text-align: end;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThirdPartyPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly dialog = inject(MatDialog);

  readonly columns = ['qualification', 'type', 'grade', 'awardDate', 'centre', 'documentNumber', 'status', 'verify', 'actions'];
  readonly connections = new LoadedList<ThirdPartyConnection>(
    () => this.api.listThirdPartyConnections(),
    'The documents shared with you could not be loaded.',
    inject(DestroyRef),
  );

  ngOnInit(): void {
    this.connections.reload();
  }

  requestAccess(): void {
    openRequestAccessDialog(this.dialog);
  }

  typeLabel(type: DocumentType): string {
    return DOCUMENT_TYPE_LABELS[type];
  }

  fileUrl(connection: ThirdPartyConnection, doc: SharedDocument): string {
    return this.api.sharedDocumentFileUrl(connection.id, doc.id);
  }
}
