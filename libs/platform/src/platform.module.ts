import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AuditLogEntry } from './audit/audit-log.entity';
import { AuditService } from './audit/audit.service';
import { Clock, SystemClock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { loadConfig } from './config/load-config';
import { dataSourceOptions, MigrationList } from './database/data-source-options';
import { ensureDatabase } from './database/ensure-database';
import { runMigrationsLocked } from './database/run-migrations';
import { loggerOptions } from './logging/logger-options';
import { DEFAULT_JOB_OPTIONS, QUEUE_SETTINGS } from './queues/queue-defaults';
import { FrontDoor } from './http/front-door';
import { RedisService } from './redis/redis.service';
import { FileStorage } from './storage/file-storage';
import { LocalDiskStorage } from './storage/local-disk-storage';

export interface PlatformOptions {
  /** Settings; read from the environment when not given. */
  config?: AppConfig;
  /** Every lib's migrations (SCHEMA_MIGRATIONS of @achievement/schema), applied at start under a lock. */
  migrations: MigrationList;
  /** Run @nestjs/schedule tasks in this process. */
  scheduledTasks?: boolean;
  /** The time source; tests pass one they can move. */
  clock?: Clock;
  /** The HTTP server's front door (the api passes the one its server uses); a detached one otherwise. */
  frontDoor?: FrontDoor;
}

/**
 * The ground every lib stands on: validated config, the database (created and migrated at
 * start), Bull queues on Redis, the shared Redis client, file storage, the audit log, the clock,
 * structured logging and Redis-backed rate limiting.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const config = options.config ?? loadConfig();
    const configProvider = { provide: AppConfig, useValue: config };
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config, options.migrations), autoLoadEntities: true }),
          dataSourceFactory: async (opts) => {
            await ensureDatabase(config);
            const dataSource = await new DataSource(opts!).initialize();
            await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
        TypeOrmModule.forFeature([AuditLogEntry]),
        BullModule.forRoot({
          redis: config.REDIS_URL,
          prefix: `${config.REDIS_PREFIX}:bull`,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
          settings: QUEUE_SETTINGS,
        }),
        ThrottlerModule.forRootAsync({
          inject: [RedisService],
          useFactory: (redis: RedisService) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
            storage: new ThrottlerStorageRedisService(redis.client),
          }),
        }),
        ...((options.scheduledTasks ?? config.RUN_SCHEDULED_TASKS) ? [ScheduleModule.forRoot()] : []),
      ],
      providers: [
        configProvider,
        options.clock ? { provide: Clock, useValue: options.clock } : { provide: Clock, useClass: SystemClock },
        { provide: FileStorage, useFactory: () => new LocalDiskStorage(config.STORAGE_DIR) },
        RedisService,
        AuditService,
        { provide: FrontDoor, useValue: options.frontDoor ?? new FrontDoor(config) },
      ],
      exports: [configProvider, Clock, FrontDoor, FileStorage, RedisService, AuditService, BullModule, ThrottlerModule, TypeOrmModule],
    };
  }
}
