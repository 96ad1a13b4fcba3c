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
  templateUrl: './learner-dashboard-page.component.html',
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
