import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PortalApiClient } from '../api/portal-api.client';
import { SessionService } from '../session/session.service';
import { apiErrorMessage } from '@achievement/web';

/**
 * Support: how to contact the awarding body (the Centres Hub's Enquiry Form, whose address is
 * configured, and the Centre Services team), with the answers to what the guide says people ask.
 * Open to everyone, signed in or not.
 */
@Component({
  selector: 'ap-support-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, RouterLink],
  templateUrl: './support-page.component.html',
  // the progress and error blocks look as on the list pages
  styleUrls: ['../records/list-page.scss', './support-page.component.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupportPageComponent {
  private readonly api = inject(PortalApiClient);

  readonly user = inject(SessionService).user;
  readonly contacts = rxResource({ stream: () => this.api.getSupportContacts() });

  errorMessage(): string {
    return apiErrorMessage(this.contacts.error(), 'The contact details could not be loaded.');
  }
}
