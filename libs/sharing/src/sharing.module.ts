import { LearnerDocumentsModule } from '@achievement/documents';
import { IdentityModule } from '@achievement/identity';
import { DynamicModule, Module } from '@nestjs/common';
import { ConnectionExpiryTask } from './connection-expiry.task';
import { ConnectionStore } from './connection-store';
import { LearnerConnectionsService } from './learner-connections.service';
import { LearnerController } from './learner.controller';
import { SharingRegistrationController } from './registration.controller';
import { SharingLinks } from './sharing-links';
import { InvitationsController, ThirdPartyController } from './third-party.controller';
import { ThirdPartyService } from './third-party.service';

export interface SharingOptions {
  /** Serve the HTTP endpoints (the api). */
  http: boolean;
  /** Run the scheduled expiry of connections (the worker; the api in a one-process start). */
  processors: boolean;
}

/**
 * Learners and third parties: learner and third-party registration, the learner's documents,
 * connections (sharing chosen documents until a time, requests from third parties), the
 * third party's view of what is shared with them, and the expiry of access. Reads documents
 * through the documents lib's LearnerDocumentsService and accounts through identity's AccountDirectory.
 */
@Module({})
export class SharingModule {
  static forRoot(options: SharingOptions): DynamicModule {
    return {
      module: SharingModule,
      // accounts and documents for the HTTP use cases (the expiry task needs neither)
      imports: options.http ? [IdentityModule, LearnerDocumentsModule] : [],
      controllers: options.http ? [SharingRegistrationController, LearnerController, InvitationsController, ThirdPartyController] : [],
      providers: [
        SharingLinks,
        ConnectionStore,
        ...(options.http ? [LearnerConnectionsService, ThirdPartyService] : []),
        ...(options.processors ? [ConnectionExpiryTask] : []),
      ],
      exports: options.processors ? [ConnectionExpiryTask] : [],
    };
  }
}
