import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AddToBasketRequest,
  Basket,
  CheckoutDefaults,
  DeliveryOption,
  DuplicateReason,
  GatewayForm,
  OrderDetail,
  OrderPage,
  PlacedOrder,
  PlaceOrderRequest,
  Product,
  StoreDocument,
  StoreLearner,
  UpdateBasketItemRequest,
} from '@achievement/contracts';
import { Observable } from 'rxjs';

/**
 * The portal's typed client of the commerce API (libs/contracts/src/commerce.ts): the store, the
 * basket, checkout and the user's orders. Centre staff and learners only.
 */
@Injectable({ providedIn: 'root' })
export class CommerceApiService {
  private readonly http = inject(HttpClient);

  listProducts(): Observable<Product[]> {
    return this.http.get<Product[]>('/api/store/products');
  }

  listReasons(): Observable<DuplicateReason[]> {
    return this.http.get<DuplicateReason[]>('/api/store/reasons');
  }

  listDeliveryOptions(): Observable<DeliveryOption[]> {
    return this.http.get<DeliveryOption[]>('/api/store/delivery-options');
  }

  /** Centre staff: their centre's learners with a document the product applies to (name or enrolment number prefix, at most 20). */
  searchLearners(q: string, productId: number): Observable<StoreLearner[]> {
    return this.http.get<StoreLearner[]>('/api/store/learners', {
      params: params({ q, productId }),
    });
  }

  /** The learner's documents the product applies to; a learner leaves out learnerId (their own). */
  listDocuments(productId: number, learnerId: number | null): Observable<StoreDocument[]> {
    return this.http.get<StoreDocument[]>('/api/store/documents', {
      params: params({ productId, learnerId }),
    });
  }

  getBasket(): Observable<Basket> {
    return this.http.get<Basket>('/api/basket');
  }

  /** 201 with the basket; 409 when a document is in the basket with that product already. */
  addToBasket(request: AddToBasketRequest): Observable<Basket> {
    return this.http.post<Basket>('/api/basket/items', request);
  }

  updateBasketItem(itemId: number, changes: UpdateBasketItemRequest): Observable<Basket> {
    return this.http.patch<Basket>(`/api/basket/items/${id(itemId)}`, changes);
  }

  removeBasketItem(itemId: number): Observable<Basket> {
    return this.http.delete<Basket>(`/api/basket/items/${id(itemId)}`);
  }

  getCheckout(): Observable<CheckoutDefaults> {
    return this.http.get<CheckoutDefaults>('/api/checkout');
  }

  /** 201: card → the form to post to the gateway; centre credit → invoiced (payment null). */
  placeOrder(request: PlaceOrderRequest): Observable<PlacedOrder> {
    return this.http.post<PlacedOrder>('/api/orders', request);
  }

  /** A new card payment for an order still awaiting one (after a decline): the form for the gateway. */
  payAgain(orderId: number): Observable<GatewayForm> {
    return this.http.post<GatewayForm>(`/api/orders/${orderId}/pay`, {});
  }

  listOrders(cursor: string | null): Observable<OrderPage> {
    return this.http.get<OrderPage>('/api/orders', {
      params: params({ cursor }),
    });
  }

  getOrder(orderId: number): Observable<OrderDetail> {
    return this.http.get<OrderDetail>(`/api/orders/${id(orderId)}`);
  }
}

function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined) {
      result = result.set(key, String(value));
    }
  }
  return result;
}

const id = (value: number) => encodeURIComponent(value);
