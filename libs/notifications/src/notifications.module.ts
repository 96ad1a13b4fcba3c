import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailLogController } from './email-log.controller';
import { EmailLogService } from './email-log.service';
import { EmailRenderer } from './email-renderer';
import { MailDeliveryService } from './mail-delivery.service';
import { MAIL_QUEUE } from './mail-queue';
import { MailTransport } from './mail-transport';
import { MailProcessor } from './mail.processor';
import { OutboxEmail } from './outbox-email.entity';
import { OutboxReconcilerTask } from './outbox-reconciler.task';
import { OutboxService } from './outbox.service';

export interface NotificationsOptions {
  /** Run the mail queue processor in this process (the worker always; the api in a one-process start). */
  processors: boolean;
  /** Serve the Email log endpoints (the api). */
  http: boolean;
}

/** Emails: handlebars templates, the outbox, delivery through a Bull queue, and the Email log. */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsOptions): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [TypeOrmModule.forFeature([OutboxEmail]), BullModule.registerQueue({ name: MAIL_QUEUE })],
      controllers: options.http ? [EmailLogController] : [],
      providers: [
        EmailRenderer,
        OutboxService,
        MailTransport,
        MailDeliveryService,
        EmailLogService,
        ...(options.processors ? [MailProcessor, OutboxReconcilerTask] : []),
      ],
      exports: [OutboxService, EmailRenderer, BullModule],
    };
  }
}
