import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { bodyDayText, LearnerConnection, LearnerDocument } from '@achievement/contracts';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { firstValueFrom, Observable } from 'rxjs';
import { PortalApiClient } from '../api/portal-api.client';
import { documentCount, documentName } from './access-length';
import { confirmConnectionAction } from './confirm-connection-action-dialog.component';
import { openConnectionDialog } from './connection-dialog.component';
import { ConnectionStatusChipComponent } from './connection-status-chip.component';
import { openConnectionViewsDialog } from './connection-views-dialog.component';
import { LoadedList } from './loaded-list';
import { apiErrorMessage } from '@achievement/web';

/**
 * Connections (/learner/connections): the third parties the learner shares documents with, and the
 * requests waiting for an answer. Add Connection invites someone; a pending request is accepted
 * (the tick: choose documents and how long) or declined; an active connection is edited, ended,
 * or its views listed. Every action says what happened in a snack bar.
 */
@Component({
  selector: 'ap-connections-page',
  imports: [BodyDayPipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, MatTooltipModule, ConnectionStatusChipComponent],
  templateUrl: './connections-page.component.html',
  styleUrl: '../records/list-page.scss',
  styles: `
    .connections {
      width: 100%;
      min-width: 860px;
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
    .request {
      margin-top: 4px;
      font: var(--mat-sys-body-small);
      max-width: 320px;
    }
    .names {
      margin: 4px 0 0;
      padding-inline-start: 18px;
      font: var(--mat-sys-body-small);
    }
    summary {
      cursor: pointer;
    }
    .actions {
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectionsPageComponent implements OnInit {
  private readonly api = inject(PortalApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  readonly columns = ['thirdParty', 'status', 'documents', 'accessEnds', 'views', 'actions'];
  readonly count = documentCount;
  readonly connections = new LoadedList<LearnerConnection>(() => this.api.listLearnerConnections(), 'Your connections could not be loaded.', this.destroyRef);
  readonly documents = new LoadedList<LearnerDocument>(() => this.api.listLearnerDocuments(), 'Your documents could not be loaded.', this.destroyRef);
  private readonly documentsById = computed(() => new Map(this.documents.items().map((doc) => [doc.id, doc])));
  /** The connection an action is being sent for. */
  readonly busy = signal<number | null>(null);

  ngOnInit(): void {
    this.connections.reload();
    this.documents.reload();
  }

  retry(): void {
    if (this.connections.error()) this.connections.reload();
    if (this.documents.error()) this.documents.reload();
  }

  nameOf(documentId: number): string {
    const doc = this.documentsById().get(documentId);
    return doc ? documentName(doc) : `Document ${documentId}`;
  }

  async add(): Promise<void> {
    const added = await firstValueFrom(openConnectionDialog(this.dialog, { mode: 'add', documents: this.documents.items() }));
    if (added) {
      // After the pending requests, as the API orders them (newest first).
      this.connections.items.update((items) => {
        const pending = items.filter((c) => c.status === 'pending');
        return [...pending, added, ...items.filter((c) => c.status !== 'pending')];
      });
      this.say(
        `You shared ${documentCount(added.documentIds.length)} with ${added.thirdParty.name}. We have emailed them a link to see ${added.documentIds.length === 1 ? 'it' : 'them'}.`,
      );
    }
  }

  async accept(connection: LearnerConnection): Promise<void> {
    const accepted = await firstValueFrom(openConnectionDialog(this.dialog, { mode: 'accept', documents: this.documents.items(), connection }));
    if (accepted) {
      this.put(accepted);
      this.say(`You accepted the request of ${accepted.thirdParty.name}: they can see ${documentCount(accepted.documentIds.length)}${this.until(accepted)}.`);
    }
  }

  async edit(connection: LearnerConnection): Promise<void> {
    const saved = await firstValueFrom(openConnectionDialog(this.dialog, { mode: 'edit', documents: this.documents.items(), connection }));
    if (saved) {
      this.put(saved);
      this.say(`Saved: ${saved.thirdParty.name} can see ${documentCount(saved.documentIds.length)}${this.until(saved)}.`);
    }
  }

  async decline(connection: LearnerConnection): Promise<void> {
    const others = this.othersOpenWith(connection);
    await this.confirmed(
      connection,
      {
        title: 'Decline the request?',
        message:
          `Nothing will be shared with ${connection.thirdParty.name} (${connection.thirdParty.email}) on this request. We will tell them you declined.` +
          (others ? ' What you share with them on your other connection stays shared until it ends.' : ''),
        confirmLabel: 'Decline',
      },
      () => this.api.declineConnection(connection.id),
      (declined) => `You declined the request of ${declined.thirdParty.name}.`,
    );
  }

  async end(connection: LearnerConnection): Promise<void> {
    const others = this.othersOpenWith(connection);
    await this.confirmed(
      connection,
      {
        title: 'End access?',
        message:
          `${connection.thirdParty.name} (${connection.thirdParty.email}) will no longer see the documents shared on this connection, from now on.` +
          (others ? ' They still see what you share with them on your other connection, until it ends.' : ''),
        confirmLabel: 'End access',
      },
      () => this.api.endConnection(connection.id),
      (ended) =>
        others
          ? `${ended.thirdParty.name} can no longer see the documents of this connection (your other connection with them is unchanged).`
          : `${ended.thirdParty.name} can no longer see your documents.`,
    );
  }

  /** Whether another connection with the same third party still shares (or waits for an answer), so that a message about this one stays true. */
  private othersOpenWith(connection: LearnerConnection): boolean {
    const email = connection.thirdParty.email.toLowerCase();
    const now = Date.now();
    return this.connections
      .items()
      .some(
        (c) =>
          c.id !== connection.id &&
          c.thirdParty.email.toLowerCase() === email &&
          c.status === 'active' &&
          c.accessEndsAt !== null &&
          new Date(c.accessEndsAt).getTime() > now,
      );
  }

  showViews(connection: LearnerConnection): void {
    openConnectionViewsDialog(this.dialog, connection);
  }

  /** Asks, then sends the action and puts the answer in place; a failure is said in the snack bar. */
  private async confirmed(
    connection: LearnerConnection,
    question: { title: string; message: string; confirmLabel: string },
    send: () => Observable<LearnerConnection>,
    done: (answer: LearnerConnection) => string,
  ): Promise<void> {
    if (!(await firstValueFrom(confirmConnectionAction(this.dialog, question)))) {
      return;
    }
    this.busy.set(connection.id);
    try {
      const answer = await firstValueFrom(send());
      this.put(answer);
      this.say(done(answer));
    } catch (error) {
      this.say(apiErrorMessage(error, 'That did not work. Try again in a moment.'));
      this.connections.reload();
    } finally {
      this.busy.set(null);
    }
  }

  private put(answer: LearnerConnection): void {
    this.connections.replace(
      (c) => c.id === answer.id,
      () => answer,
    );
  }

  private until(connection: LearnerConnection): string {
    return connection.accessEndsAt ? ` until ${bodyDayText(connection.accessEndsAt)}` : '';
  }

  private say(message: string): void {
    this.snackBar.open(message, 'Close', { duration: 10000 });
  }
}
