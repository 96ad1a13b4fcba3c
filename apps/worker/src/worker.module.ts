import { SCHEMA_MIGRATIONS } from '@achievement/schema';
import { CommerceModule } from '@achievement/commerce';
import { DocumentsModule } from '@achievement/documents';
import { DownloadsModule } from '@achievement/downloads';
import { ExpiredTokensCleanupTask } from '@achievement/identity';
import { NotificationsModule } from '@achievement/notifications';
import { AppConfig, PlatformModule } from '@achievement/platform';
import { SharingModule } from '@achievement/sharing';
import { DynamicModule, Module } from '@nestjs/common';

/** The worker: queue processors and scheduled tasks, no HTTP. Run as many as the load needs. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ config, migrations: SCHEMA_MIGRATIONS }),
        NotificationsModule.forRoot({ processors: true, http: false }),
        DocumentsModule.forRoot({ processors: true, http: false }),
        DownloadsModule.forRoot({ processors: true, http: false }),
        SharingModule.forRoot({ processors: true, http: false }),
        CommerceModule.forRoot({ http: false, processors: true }, config),
      ],
      providers: [ExpiredTokensCleanupTask],
    };
  }
}
