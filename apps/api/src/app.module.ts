import { SCHEMA_MIGRATIONS } from '@achievement/schema';
import { CommerceModule } from '@achievement/commerce';
import { DocumentsModule } from '@achievement/documents';
import { DownloadsModule } from '@achievement/downloads';
import { IdentityModule } from '@achievement/identity';
import { NotificationsModule } from '@achievement/notifications';
import { AppConfig, Clock, FrontDoor, PlatformModule } from '@achievement/platform';
import { SharingModule } from '@achievement/sharing';
import { VerificationModule } from '@achievement/verification';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard } from '@nestjs/throttler';
import { HealthController } from './health/health.controller';
import { SupportController } from './support/support.controller';
import { RedisHealthIndicator } from './health/redis.health';
import { StorageHealthIndicator } from './health/storage.health';

export interface ApiAppOptions {
  /** The time source; tests pass one they can move. */
  clock?: Clock;
  /** The server's front door, where high-traffic public routes register. */
  frontDoor?: FrontDoor;
}

/** The HTTP app: every domain module, plus (for a one-process start) the queue processors and scheduled tasks. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: ApiAppOptions = {}): DynamicModule {
    const inProcessWorkers = config.RUN_WORKERS_IN_API;
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config,
          migrations: SCHEMA_MIGRATIONS,
          scheduledTasks: inProcessWorkers && config.RUN_SCHEDULED_TASKS,
          clock: options.clock,
          frontDoor: options.frontDoor,
        }),
        IdentityModule,
        NotificationsModule.forRoot({ processors: inProcessWorkers, http: true }),
        DocumentsModule.forRoot({ processors: inProcessWorkers, http: true }),
        DownloadsModule.forRoot({ processors: inProcessWorkers, http: true }),
        VerificationModule.forRoot({ http: true }),
        SharingModule.forRoot({ http: true, processors: inProcessWorkers }),
        CommerceModule.forRoot({ http: true, processors: inProcessWorkers }, config),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, SupportController],
      providers: [RedisHealthIndicator, StorageHealthIndicator, { provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
