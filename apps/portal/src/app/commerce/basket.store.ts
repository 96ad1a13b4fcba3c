import { computed, inject, Injectable, signal } from '@angular/core';
import { Basket } from '@achievement/contracts';
import { firstValueFrom } from 'rxjs';
import { Api, storeGetBasket } from '@achievement/web-api';

/**
 * The signed-in user's basket as the shell's basket icon shows it: the pages that change the
 * basket put the API's answer here (`set`), and the shell asks for it once after signing in.
 */
@Injectable({ providedIn: 'root' })
export class BasketStore {
  private readonly api = inject(Api);
  private readonly current = signal<Basket | null>(null);

  readonly basket = this.current.asReadonly();
  /** The icon's count (0 until the basket is known). */
  readonly count = computed(() => this.current()?.count ?? 0);

  set(basket: Basket): void {
    this.current.set(basket);
  }

  clear(): void {
    this.current.set(null);
  }

  /** Asks the API for the basket; a failure leaves the count as it was (the icon is no place for errors). */
  async refresh(): Promise<Basket | null> {
    try {
      const basket = await firstValueFrom(this.api.invoke(storeGetBasket));
      this.current.set(basket);
      return basket;
    } catch {
      return this.current();
    }
  }
}
