import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterOutlet } from '@angular/router';

/** The admin app run alone (ng serve admin): a minimal toolbar and its routes. */
@Component({
  selector: 'adm-root',
  imports: [RouterOutlet, MatToolbarModule],
  template: `
    <header>
      <mat-toolbar class="toolbar">
        <span class="title">Achievement Portal — Administration</span>
      </mat-toolbar>
    </header>
    <main>
      <router-outlet />
    </main>
  `,
  styles: `
    .toolbar {
      --mat-toolbar-container-background-color: var(--mat-sys-primary);
      --mat-toolbar-container-text-color: var(--mat-sys-on-primary);
    }
    .title {
      white-space: normal;
      font: var(--mat-sys-title-large);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {}
