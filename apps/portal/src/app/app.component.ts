import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { BasketStore } from './commerce/basket.store';
import { SessionService } from './session/session.service';
import { navEntriesFor } from './shell/nav-entries';

/** Below this width the side navigation becomes an overlay opened from the menu button. */
export const HANDSET_QUERY = '(max-width: 767.98px)';

/** The portal shell: top bar, role-dependent side navigation and the routed page. */
@Component({
  selector: 'ap-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatSidenavModule, MatListModule, MatButtonModule, MatIconModule, MatBadgeModule],
  templateUrl: './app.component.html',
  styleUrl: './app.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly sidenav = viewChild.required<MatSidenav>('sidenav');
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  readonly user = this.session.user;
  readonly roleLabel = this.session.roleLabel;
  readonly navEntries = computed(() => navEntriesFor(this.user()));
  readonly showsBasket = computed(() => {
    const role = this.user()?.role;
    return role === 'centre_staff' || role === 'learner';
  });
  private readonly basket = inject(BasketStore);
  /** The basket icon's count; the commerce pages update it as they change the basket. */
  readonly basketCount = this.basket.count;
  /** The basket button's name says the count, as the badge shows it ("Basket, 2 items"); no count at 0. */
  readonly basketLabel = computed(() => {
    const count = this.basketCount();
    return count === 0 ? 'Basket' : `Basket, ${count} ${count === 1 ? 'item' : 'items'}`;
  });
  readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
    // Whoever signs in with a basket sees its count at once; signing out forgets it.
    effect(() => {
      const shows = this.showsBasket();
      this.user();
      untracked(() => (shows ? void this.basket.refresh() : this.basket.clear()));
    });
  }

  closeNavOnHandset(): void {
    if (this.isHandset()) {
      void this.sidenav().close();
    }
  }

  skipToMain(): void {
    this.main().nativeElement.focus();
  }

  async signOut(): Promise<void> {
    try {
      await this.session.signOut();
    } catch (error) {
      console.error('Signing out failed', error);
    }
    await this.router.navigateByUrl('/sign-in');
  }
}
