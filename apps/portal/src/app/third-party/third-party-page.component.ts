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
  template: `
    <section class="page" data-testid="shared-with-me" aria-labelledby="shared-title">
      <div class="heading">
        <h1 id="shared-title">Shared with me</h1>
        <div class="heading-actions">
          <button mat-stroked-button type="button" [disabled]="connections.loading()" (click)="connections.reload()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Refresh
          </button>
          <button mat-flat-button type="button" (click)="requestAccess()" data-testid="request-access">
            <mat-icon aria-hidden="true" svgIcon="person_search"></mat-icon>
            Request access
          </button>
        </div>
      </div>
      <p class="intro">Documents learners have shared with you, with their live status: each is checked again every time you open this page.</p>

      <div class="progress" aria-live="polite">
        @if (connections.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the documents shared with you" />
        }
      </div>

      @if (connections.error(); as message) {
        <div class="error" role="alert" data-testid="shared-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="connections.reload()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }

      @if (connections.loaded() && connections.items().length === 0 && !connections.error()) {
        <p class="empty" data-testid="shared-empty">No learner has shared documents with you yet.</p>
      }

      @for (connection of connections.items(); track connection.id) {
        <mat-card appearance="outlined" class="connection" data-testid="shared-connection">
          <mat-card-content>
            <div class="connection-heading">
              @if (connection.learnerName) {
                <h2 data-testid="shared-learner">{{ connection.learnerName }}</h2>
              } @else {
                <h2 data-testid="shared-learner">
                  Your request for <span data-testid="shared-requested-as">{{ connection.requestedAs ?? 'a learner' }}</span>
                </h2>
              }
              <ap-connection-status-chip [status]="connection.status" />
              @if (connection.accessEndsAt) {
                <span class="muted" data-testid="shared-access-ends">
                  {{ connection.status === 'active' ? 'Access ends' : 'Access ended' }}
                  <time [attr.datetime]="connection.accessEndsAt">{{ connection.accessEndsAt | bodyDay: 'time' }}</time>
                </span>
              }
            </div>

            @if (connection.status === 'pending') {
              <p class="muted">Waiting for the learner to answer your request.</p>
            } @else if (connection.documents.length === 0) {
              <p class="muted" data-testid="shared-no-documents">
                @switch (connection.status) {
                  @case ('declined') {
                    The learner declined to share documents with you.
                  }
                  @case ('ended') {
                    The learner ended your access.
                  }
                  @case ('expired') {
                    {{ connection.accessEndsAt ? 'Your access has expired.' : 'Your request was not answered in time. You can ask again.' }}
                  }
                  @default {
                    No documents are shared with you on this connection.
                  }
                }
              </p>
            } @else {
              <div class="table-wrap">
                <table mat-table [dataSource]="connection.documents" class="documents stack-on-phone">
                  <caption class="cdk-visually-hidden">
                    Documents
                    {{
                      connection.learnerName ?? 'the learner'
                    }}
                    shares with you
                  </caption>
                  <ng-container matColumnDef="qualification">
                    <th mat-header-cell *matHeaderCellDef scope="col">Qualification</th>
                    <td mat-cell data-label="Qualification" *matCellDef="let doc">
                      <span class="strong">{{ doc.qualification.title }}</span>
                      <span class="muted block">{{ doc.qualification.code }}</span>
                    </td>
                  </ng-container>
                  <ng-container matColumnDef="type">
                    <th mat-header-cell *matHeaderCellDef scope="col">Type</th>
                    <td mat-cell data-label="Type" *matCellDef="let doc">{{ typeLabel(doc.type) }}</td>
                  </ng-container>
                  <ng-container matColumnDef="grade">
                    <th mat-header-cell *matHeaderCellDef scope="col">Grade</th>
                    <td mat-cell data-label="Grade" *matCellDef="let doc">{{ doc.grade ?? '—' }}</td>
                  </ng-container>
                  <ng-container matColumnDef="awardDate">
                    <th mat-header-cell *matHeaderCellDef scope="col">Award date</th>
                    <td mat-cell data-label="Award date" *matCellDef="let doc">
                      <time [attr.datetime]="doc.awardDate">{{ doc.awardDate | calendarDate }}</time>
                    </td>
                  </ng-container>
                  <ng-container matColumnDef="centre">
                    <th mat-header-cell *matHeaderCellDef scope="col">Centre</th>
                    <td mat-cell data-label="Centre" *matCellDef="let doc">{{ doc.centreName }}</td>
                  </ng-container>
                  <ng-container matColumnDef="documentNumber">
                    <th mat-header-cell *matHeaderCellDef scope="col">Document number</th>
                    <td mat-cell data-label="Document number" *matCellDef="let doc" data-testid="shared-document-number">{{ doc.documentNumber }}</td>
                  </ng-container>
                  <ng-container matColumnDef="status">
                    <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
                    <td mat-cell data-label="Status" *matCellDef="let doc" [attr.data-status]="doc.status" data-testid="shared-document-status">
                      <ap-document-status-chip [status]="doc.status" />
                      @if (doc.status === 'revoked') {
                        <span class="warning block" data-testid="shared-document-warning">
                          Revoked{{ doc.revokedAt ? ' on ' + (doc.revokedAt | date: 'd MMM y') : '' }}: this document is no longer valid.
                        </span>
                      } @else if (doc.status === 'superseded') {
                        <span class="warning block" data-testid="shared-document-warning">
                          Superseded: a corrected version replaced it. Ask the learner to share the current one.
                        </span>
                      }
                    </td>
                  </ng-container>
                  <ng-container matColumnDef="verify">
                    <th mat-header-cell *matHeaderCellDef scope="col">Smart Verify code</th>
                    <td mat-cell data-label="Smart Verify code" *matCellDef="let doc">
                      <a [routerLink]="['/verify', doc.verificationCode]" class="code" data-testid="shared-document-verify">{{ doc.verificationCode }}</a>
                    </td>
                  </ng-container>
                  <ng-container matColumnDef="actions">
                    <th mat-header-cell *matHeaderCellDef scope="col"><span class="cdk-visually-hidden">Actions</span></th>
                    <td mat-cell *matCellDef="let doc" class="actions">
                      @if (doc.viewable) {
                        <a
                          mat-stroked-button
                          [href]="fileUrl(connection, doc)"
                          target="_blank"
                          rel="noopener"
                          [attr.aria-label]="'View ' + doc.documentNumber + ' (opens in a new tab)'"
                          data-testid="shared-document-view"
                        >
                          <mat-icon aria-hidden="true" svgIcon="visibility"></mat-icon>
                          View
                        </a>
                      }
                    </td>
                  </ng-container>
                  <tr mat-header-row *matHeaderRowDef="columns"></tr>
                  <tr mat-row *matRowDef="let doc; columns: columns" data-testid="shared-document-row"></tr>
                </table>
              </div>
            }
          </mat-card-content>
        </mat-card>
      }
    </section>
  `,
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
