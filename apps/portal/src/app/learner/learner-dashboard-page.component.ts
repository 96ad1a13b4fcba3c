import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit } from '@angular/core';
import { DOCUMENT_TYPE_LABELS, DocumentType, LearnerDocument, LearnerVerificationEntry } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { PortalApiClient } from '../api/portal-api.client';
import { DocumentStatusChipComponent } from '../documents/document-status-chip.component';
import { LoadedList } from './loaded-list';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { CalendarDatePipe } from '@achievement/web';

export const VERIFICATION_METHOD_LABELS: Record<LearnerVerificationEntry['method'], string> = {
  qr: 'QR code',
  code: 'Code',
  upload: 'PDF upload',
};

/**
 * The learner's dashboard (/learner): their documents (view and download), their connections at a
 * glance with Manage, and who checked their documents on Smart Verify.
 */
@Component({
  selector: 'ap-learner-dashboard-page',
  imports: [BodyDayPipe, CalendarDatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, DocumentStatusChipComponent],
  template: `
    <section class="page" data-testid="learner-dashboard" aria-labelledby="dashboard-title">
      <div class="heading">
        <h1 id="dashboard-title">My documents</h1>
      </div>

      <section aria-labelledby="documents-title" class="section">
        <h2 id="documents-title">Your documents</h2>
        <div class="progress" aria-live="polite">
          @if (documents.loading()) {
            <mat-progress-bar mode="indeterminate" aria-label="Loading your documents" />
          }
        </div>
        @if (documents.error(); as message) {
          <div class="error" role="alert" data-testid="learner-documents-error">
            <p>{{ message }}</p>
            <button mat-stroked-button type="button" (click)="documents.reload()">
              <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
              Retry
            </button>
          </div>
        }
        @if (documents.loaded() && documents.items().length === 0 && !documents.error()) {
          <p class="empty" data-testid="learner-documents-empty">You have no documents yet. They appear here once your centre has issued them.</p>
        }
        @if (documents.items().length > 0) {
          <div class="table-wrap">
            <table mat-table [dataSource]="documents.items()" class="wide stack-on-phone">
              <caption class="cdk-visually-hidden">
                Your documents
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
                <td mat-cell data-label="Document number" *matCellDef="let doc" data-testid="learner-document-number">{{ doc.documentNumber }}</td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
                <td mat-cell data-label="Status" *matCellDef="let doc"><ap-document-status-chip [status]="doc.status" /></td>
              </ng-container>
              <ng-container matColumnDef="actions">
                <th mat-header-cell *matHeaderCellDef scope="col"><span class="cdk-visually-hidden">Actions</span></th>
                <td mat-cell *matCellDef="let doc" class="actions">
                  @if (doc.available) {
                    <a
                      mat-stroked-button
                      [href]="fileUrl(doc)"
                      target="_blank"
                      rel="noopener"
                      [attr.aria-label]="'View ' + doc.documentNumber + ' (opens in a new tab)'"
                      data-testid="learner-document-view"
                    >
                      <mat-icon aria-hidden="true" svgIcon="visibility"></mat-icon>
                      View
                    </a>
                    <a
                      mat-stroked-button
                      [href]="fileUrl(doc, true)"
                      download
                      [attr.aria-label]="'Download ' + doc.documentNumber + ' (PDF)'"
                      data-testid="learner-document-download"
                    >
                      <mat-icon aria-hidden="true" svgIcon="download"></mat-icon>
                      Download
                    </a>
                  } @else {
                    <button mat-stroked-button type="button" disabled [attr.aria-describedby]="'preparing-' + doc.id">View</button>
                    <button mat-stroked-button type="button" disabled [attr.aria-describedby]="'preparing-' + doc.id">Download</button>
                    <span class="muted block" [id]="'preparing-' + doc.id" data-testid="learner-document-preparing">
                      Being prepared: try again in a few minutes.
                    </span>
                  }
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="documentColumns"></tr>
              <tr mat-row *matRowDef="let doc; columns: documentColumns" data-testid="learner-document-row"></tr>
            </table>
          </div>
        }
      </section>

      <section aria-labelledby="connections-title" class="section">
        <div class="heading">
          <h2 id="connections-title">Connections</h2>
          <a mat-flat-button routerLink="/learner/connections" data-testid="manage-connections">Manage</a>
        </div>
        <p class="intro">Share your documents with an employer or anyone else who needs to check them, for as long as you choose.</p>
        @if (connections.loading() && !connections.loaded()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading your connections" />
        }
        @if (connections.error(); as message) {
          <div class="error" role="alert" data-testid="learner-connections-error">
            <p>{{ message }}</p>
            <button mat-stroked-button type="button" (click)="connections.reload()">
              <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
              Retry
            </button>
          </div>
        } @else if (connections.loaded()) {
          <p data-testid="connection-counts">
            <strong>{{ activeCount() }}</strong> active, <strong>{{ pendingCount() }}</strong> pending
            @if (pendingCount() > 0) {
              <span> — a pending request waits for your answer</span>
            }
          </p>
        }
      </section>

      <section aria-labelledby="verifications-title" class="section">
        <h2 id="verifications-title">Who checked your documents</h2>
        <p class="intro">Each time someone checks one of your documents on Smart Verify, by its QR code, its code or its PDF.</p>
        <div class="progress" aria-live="polite">
          @if (verifications.loading()) {
            <mat-progress-bar mode="indeterminate" aria-label="Loading the checks of your documents" />
          }
        </div>
        @if (verifications.error(); as message) {
          <div class="error" role="alert" data-testid="learner-verifications-error">
            <p>{{ message }}</p>
            <button mat-stroked-button type="button" (click)="verifications.reload()">
              <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
              Retry
            </button>
          </div>
        }
        @if (verifications.loaded() && verifications.items().length === 0 && !verifications.error()) {
          <p class="empty" data-testid="learner-verifications-empty">Nobody has checked your documents yet.</p>
        }
        @if (verifications.items().length > 0) {
          <div class="table-wrap">
            <table mat-table [dataSource]="verifications.items()" class="stack-on-phone">
              <caption class="cdk-visually-hidden">
                Checks of your documents, newest first
              </caption>
              <ng-container matColumnDef="at">
                <th mat-header-cell *matHeaderCellDef scope="col">Time</th>
                <td mat-cell data-label="Time" *matCellDef="let entry">
                  <time [attr.datetime]="entry.at">{{ entry.at | bodyDay: 'time' }}</time>
                </td>
              </ng-container>
              <ng-container matColumnDef="documentNumber">
                <th mat-header-cell *matHeaderCellDef scope="col">Document number</th>
                <td mat-cell data-label="Document number" *matCellDef="let entry">{{ entry.documentNumber }}</td>
              </ng-container>
              <ng-container matColumnDef="method">
                <th mat-header-cell *matHeaderCellDef scope="col">Method</th>
                <td mat-cell data-label="Method" *matCellDef="let entry">
                  {{ methodLabel(entry.method) }}
                  @if (entry.hits > 1) {
                    <span title="Identical checks within the same second">×{{ entry.hits }}</span>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="client">
                <th mat-header-cell *matHeaderCellDef scope="col">Client</th>
                <td mat-cell data-label="Client" *matCellDef="let entry">{{ entry.client }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="verificationColumns"></tr>
              <tr mat-row *matRowDef="let entry; columns: verificationColumns" data-testid="learner-verification-row"></tr>
            </table>
          </div>
        }
      </section>
    </section>
  `,
  styleUrl: '../records/list-page.scss',
  styles: `
    .section {
      margin-bottom: 32px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .wide {
      width: 100%;
      min-width: 960px;
    }
    table {
      width: 100%;
    }
    .strong {
      font-weight: 500;
    }
    .block {
      display: block;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .actions {
      white-space: nowrap;
      text-align: end;
      a,
      button {
        margin-inline-start: 8px;
      }
      .muted {
        white-space: normal;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LearnerDashboardPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly destroyRef = inject(DestroyRef);

  readonly documentColumns = ['qualification', 'type', 'grade', 'awardDate', 'centre', 'documentNumber', 'status', 'actions'];
  readonly verificationColumns = ['at', 'documentNumber', 'method', 'client'];

  readonly documents = new LoadedList<LearnerDocument>(() => this.api.listLearnerDocuments(), 'Your documents could not be loaded.', this.destroyRef);
  readonly connections = new LoadedList(() => this.api.listLearnerConnections(), 'Your connections could not be loaded.', this.destroyRef);
  readonly verifications = new LoadedList<LearnerVerificationEntry>(
    () => this.api.listLearnerVerifications(),
    'The checks of your documents could not be loaded.',
    this.destroyRef,
  );
  readonly activeCount = computed(() => this.connections.items().filter((c) => c.status === 'active').length);
  readonly pendingCount = computed(() => this.connections.items().filter((c) => c.status === 'pending').length);

  ngOnInit(): void {
    this.documents.reload();
    this.connections.reload();
    this.verifications.reload();
  }

  methodLabel(method: LearnerVerificationEntry['method']): string {
    return VERIFICATION_METHOD_LABELS[method];
  }

  typeLabel(type: DocumentType): string {
    return DOCUMENT_TYPE_LABELS[type];
  }

  fileUrl(doc: LearnerDocument, download = false): string {
    return this.api.learnerDocumentFileUrl(doc.id, download);
  }
}
