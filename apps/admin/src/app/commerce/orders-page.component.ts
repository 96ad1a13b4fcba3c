import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { ORDER_STATUS_LABELS, ORDER_STATUSES, OrderStatus, OrderSummary } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CommerceAdminApiService } from './commerce-admin-api.service';
import { OrderStatusChipComponent } from './order-status-chip.component';
import { paymentMethodLabel } from './order-labels';
import { BodyTimePipe } from '../shared/body-time.pipe';
import { formatPence, KeysetList } from '@achievement/web';

type StatusFilter = OrderStatus | 'all';

/** The fulfilment queue: orders of printed copies, oldest first, by status. */
@Component({
  selector: 'adm-orders-page',
  imports: [
    BodyTimePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    OrderStatusChipComponent,
  ],
  template: `
    <section class="page" data-testid="orders" aria-labelledby="orders-title">
      <div class="heading">
        <h1 id="orders-title">Orders</h1>
        <div class="heading__actions">
          <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.reload()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Refresh
          </button>
        </div>
      </div>
      <p class="muted intro">
        Orders of printed copies, oldest first. Open one to move it on: in production, dispatched (with the tracking reference), delivered.
      </p>

      <div class="filters" role="search" aria-label="Orders">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Status</mat-label>
          <mat-select [value]="status()" (valueChange)="filterByStatus($event)" data-testid="orders-status-filter">
            <mat-option value="all">All placed orders</mat-option>
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ statusLabels[s] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>

      <div class="progress" aria-live="polite">
        @if (list.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading orders" />
        }
      </div>
      @if (list.error(); as message) {
        <div class="error" role="alert" data-testid="orders-error">
          <p>{{ message }}</p>
          <button mat-stroked-button type="button" (click)="list.retry()">
            <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
            Retry
          </button>
        </div>
      }
      @if (list.loaded() && list.items().length === 0 && !list.error()) {
        <p class="empty" data-testid="orders-empty">
          {{ emptyMessage() }}
        </p>
      }

      @if (list.items().length > 0) {
        <div class="table-wrap">
          <table mat-table [dataSource]="list.items()">
            <caption class="cdk-visually-hidden">
              Orders, oldest first. Open one to change its status.
            </caption>
            <ng-container matColumnDef="number">
              <th mat-header-cell *matHeaderCellDef scope="col">Order</th>
              <td mat-cell *matCellDef="let o">
                <a [routerLink]="[o.id]" data-testid="order-number">{{ o.number }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="placedAt">
              <th mat-header-cell *matHeaderCellDef scope="col">Placed</th>
              <td mat-cell *matCellDef="let o">
                <time [attr.datetime]="o.placedAt">{{ o.placedAt | bodyTime }}</time>
              </td>
            </ng-container>
            <ng-container matColumnDef="customer">
              <th mat-header-cell *matHeaderCellDef scope="col">Customer</th>
              <td mat-cell *matCellDef="let o">
                <span class="block">{{ o.placedBy }}</span>
                @if (o.centre) {
                  <span class="muted block">{{ o.centre.number }} {{ o.centre.name }}</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="items">
              <th mat-header-cell *matHeaderCellDef scope="col">Items</th>
              <td mat-cell *matCellDef="let o">{{ o.itemCount }}</td>
            </ng-container>
            <ng-container matColumnDef="total">
              <th mat-header-cell *matHeaderCellDef scope="col">Total</th>
              <td mat-cell *matCellDef="let o">
                {{ money(o.total.grossPence) }}
              </td>
            </ng-container>
            <ng-container matColumnDef="payment">
              <th mat-header-cell *matHeaderCellDef scope="col">Payment</th>
              <td mat-cell *matCellDef="let o">{{ paymentLabel(o) }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
              <td mat-cell *matCellDef="let o">
                <adm-order-status-chip [status]="o.status" />
                @if (o.needsAttention) {
                  <span class="attention block" data-testid="order-needs-attention">Revoked or superseded document: check before printing</span>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let o; columns: columns" class="clickable-row" data-testid="order-row" (click)="open(o, $event)"></tr>
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
    .attention {
      margin-top: 4px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-label-medium);
    }
    .intro {
      margin: -8px 0 16px;
      max-width: 72ch;
    }
    .block {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrdersPageComponent implements OnInit {
  private readonly api = inject(CommerceAdminApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly statuses = ORDER_STATUSES;
  readonly statusLabels = ORDER_STATUS_LABELS;
  readonly columns = ['number', 'placedAt', 'customer', 'items', 'total', 'payment', 'status'];
  readonly money = formatPence;
  readonly status = signal<StatusFilter>('all');
  readonly list = new KeysetList<OrderSummary>(
    (cursor) =>
      this.api.listOrders({
        status: this.status() === 'all' ? null : (this.status() as OrderStatus),
        cursor,
      }),
    'The orders could not be loaded.',
    inject(DestroyRef),
  );

  readonly emptyMessage = computed(() => {
    const status = this.status();
    return status === 'all' ? 'No orders yet.' : `No orders with the status ${ORDER_STATUS_LABELS[status]}.`;
  });

  ngOnInit(): void {
    this.list.reload();
  }

  filterByStatus(status: StatusFilter): void {
    this.status.set(status);
    this.list.reload();
  }

  paymentLabel(order: OrderSummary): string {
    return paymentMethodLabel(order.paymentMethod);
  }

  open(order: OrderSummary, event?: Event): void {
    if (event?.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.router.navigate([order.id], { relativeTo: this.route });
  }
}
