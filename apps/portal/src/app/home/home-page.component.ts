import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Role } from '@achievement/contracts';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { SessionService } from '../session/session.service';

/** One line per role under the welcome; features add what each role can do here. */
const ROLE_INTROS: Record<Role, string> = {
  centre_staff: 'You act for your centre in the portal.',
  administrator: 'You administer the portal. The Email log shows every email the portal sends.',
  support: 'You help the people who use the portal. The Email log shows every email the portal sends.',
  learner: 'This is your own space in the portal: see, download and share the documents you were awarded.',
  third_party: 'This is your own space in the portal: see and verify the documents learners share with you.',
};

/** Where a role's intro leads (the pages of its own area). */
const ROLE_LINKS: Partial<Record<Role, readonly { label: string; path: string; description: string }[]>> = {
  learner: [
    { label: 'My documents', path: '/learner', description: 'your documents, and who checked them' },
    { label: 'Connections', path: '/learner/connections', description: 'share documents with an employer, and answer their requests' },
  ],
  third_party: [{ label: 'Shared with me', path: '/third-party', description: 'the documents learners share with you, and requests for access' }],
};

/** The home page: a welcome card that says who is signed in (the route requires a user). */
@Component({
  selector: 'ap-home-page',
  imports: [MatCardModule, RouterLink],
  template: `
    @if (user(); as user) {
      <div class="page">
        <mat-card appearance="outlined" class="welcome">
          <mat-card-header>
            <h1 mat-card-title>Welcome, {{ user.name }}</h1>
          </mat-card-header>
          <mat-card-content>
            <p data-testid="signed-in-as">
              You are signed in as <strong>{{ user.name }}</strong> ({{ user.email }}), {{ roleLabel() }}.
            </p>
            @if (user.centre; as centre) {
              <p data-testid="centre">
                Centre <strong>{{ centre.number }}</strong>: {{ centre.name }}
              </p>
            }
            <p>{{ intro() }}</p>
            @if (links().length > 0) {
              <ul class="links" data-testid="role-links">
                @for (link of links(); track link.path) {
                  <li>
                    <a [routerLink]="link.path">{{ link.label }}</a>: {{ link.description }}
                  </li>
                }
              </ul>
            }
          </mat-card-content>
        </mat-card>
      </div>
    }
  `,
  styles: `
    .welcome {
      max-width: 720px;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePageComponent {
  private readonly session = inject(SessionService);

  readonly user = this.session.user;
  readonly roleLabel = this.session.roleLabel;
  readonly intro = computed(() => {
    const user = this.user();
    return user ? ROLE_INTROS[user.role] : '';
  });
  readonly links = computed(() => {
    const user = this.user();
    return (user && ROLE_LINKS[user.role]) || [];
  });
}
