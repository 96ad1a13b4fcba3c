import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'ap-not-found-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <div class="page">
      <h1>Page not found</h1>
      <p>There is no page at this address. Check the address, or start again from the home page.</p>
      <a mat-flat-button routerLink="/">Go to the home page</a>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPageComponent {}
