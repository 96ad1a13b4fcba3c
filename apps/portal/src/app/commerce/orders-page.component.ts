import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit } from '@angular/core';
import { OrderSummary, PaymentMethod } from '@achievement/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { CommerceApiService } from './commerce-api.service';
import { OrderStatusChipComponent } from './order-status-chip.component';
import { BodyDayPipe } from '../dates/body-day.pipe';
import { KeysetList, PencePipe } from '@achievement/web';

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card: 'Card',
  centre_credit: 'Centre credits',
};

/** Orders: the user's orders (centre staff: their centre's), newest first, with their status. */
@Component({
  selector: 'ap-orders-page',
  imports: [BodyDayPipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, PencePipe, OrderStatusChipComponent],
  template: `
    <section class="page orders-page" data-testid="orders" aria-labelledby="orders-title">
      <div class="heading">
        <h1 id="orders-title">Orders</h1>
        <button mat-stroked-button type="button" [disabled]="list.loading()" (click)="list.reload()">
          <mat-icon aria-hidden="true" svgIcon="refresh"></mat-icon>
          Refresh
        </button>
      </div>
      <p class="intro">Orders of printed copies and where they are. Open one for its items, addresses and history.</p>

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
        <div class="empty" data-testid="orders-empty">
          <p>No orders yet. Printed copies of documents are ordered in the Store.</p>
          <a mat-stroked-button routerLink="/store">Go to the Store</a>
        </div>
      }

      @if (list.items().length > 0) {
        <div class="table-wrap">
          <table mat-table [dataSource]="list.items()" class="orders">
            <caption class="cdk-visually-hidden">
              Orders, newest first.
            </caption>
            <ng-container matColumnDef="number">
              <th mat-header-cell *matHeaderCellDef scope="col">Order</th>
              <td mat-cell *matCellDef="let o">
                <a [routerLink]="['/orders', o.id]" data-testid="order-number">{{ o.number }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="placedAt">
              <th mat-header-cell *matHeaderCellDef scope="col">Placed</th>
              <td mat-cell *matCellDef="let o">
                <time [attr.datetime]="o.placedAt">{{ o.placedAt | bodyDay: 'time' }}</time>
              </td>
            </ng-container>
            <ng-container matColumnDef="placedBy">
              <th mat-header-cell *matHeaderCellDef scope="col">Placed by</th>
              <td mat-cell *matCellDef="let o">{{ o.placedBy }}</td>
            </ng-container>
            <ng-container matColumnDef="centre">
              <th mat-header-cell *matHeaderCellDef scope="col">Centre</th>
              <td mat-cell *matCellDef="let o">
                @if (o.centre) {
                  {{ o.centre.number }}
                  <span class="muted">{{ o.centre.name }}</span>
                } @else {
                  <span class="muted">—</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="items">
              <th mat-header-cell *matHeaderCellDef scope="col" class="number">Items</th>
              <td mat-cell *matCellDef="let o" class="number">
                {{ o.itemCount }}
              </td>
            </ng-container>
            <ng-container matColumnDef="total">
              <th mat-header-cell *matHeaderCellDef scope="col" class="number">Total</th>
              <td mat-cell *matCellDef="let o" class="number" data-testid="order-total">
                {{ o.total.grossPence | pence }}
              </td>
            </ng-container>
            <ng-container matColumnDef="payment">
              <th mat-header-cell *matHeaderCellDef scope="col">Payment</th>
              <td mat-cell *matCellDef="let o">{{ paymentLabel(o) }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
              <td mat-cell *matCellDef="let o">
                <ap-order-status-chip [status]="o.status" />
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let o; columns: columns" data-testid="order-row"></tr>
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
  styleUrls: ['../records/list-page.scss', './commerce-page.scss'],
  styles: `
    .orders {
      width: 100%;
      min-width: 820px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrdersPageComponent implements OnInit {
  private readonly api = inject(CommerceApiService);

  readonly paymentLabels = PAYMENT_METHOD_LABELS;
  readonly columns = ['number', 'placedAt', 'placedBy', 'centre', 'items', 'total', 'payment', 'status'];
  readonly list = new KeysetList<OrderSummary>((cursor) => this.api.listOrders(cursor), 'The orders could not be loaded.', inject(DestroyRef));

  ngOnInit(): void {
    this.list.reload();
  }

  paymentLabel(order: OrderSummary): string {
    return PAYMENT_METHOD_LABELS[order.paymentMethod];
  }
}
