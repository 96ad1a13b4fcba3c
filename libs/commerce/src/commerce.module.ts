import { LearnerDocumentsModule } from '@achievement/documents';
import { IdentityModule } from '@achievement/identity';
import { AppConfig } from '@achievement/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { AdminCommerceController } from './admin-commerce.controller';
import { BasketService } from './basket.service';
import { CatalogueService } from './catalogue.service';
import { CreditAccountsService } from './credit-accounts.service';
import { FulfilmentService } from './fulfilment.service';
import { FormBodyParser } from './gateway/form-body-parser';
import { OpayoFormGateway } from './gateway/opayo-form.gateway';
import { OpayoReportingClient } from './gateway/opayo-reporting.client';
import { PaymentGateway } from './gateway/payment-gateway';
import { SandboxGatewayController } from './gateway/sandbox-gateway.controller';
import { MonthlyInvoiceService } from './invoices/monthly-invoice.service';
import { OrdersService } from './orders.service';
import { PaymentAnswersService } from './payment-answers.service';
import { PaymentRecheckTask } from './payment-recheck.task';
import { PaymentsController } from './payments.controller';
import { StoreController } from './store.controller';
import { UnpaidOrderExpiryTask } from './unpaid-order-expiry.task';

export interface CommerceOptions {
  /** Serve the HTTP endpoints (the api). Without them (the worker) only the scheduled tasks run: payment re-checks and unpaid-order expiry. */
  http: boolean;
  /** Run the scheduled expiry of unpaid card orders (the worker; the api in a one-process start). */
  processors?: boolean;
  /** Serve the sandbox card gateway (demo and tests); defaults to config OPAYO_SANDBOX. */
  sandbox?: boolean;
}

/**
 * Commerce: printed copies of documents. The store and the basket, checkout by card (Opayo Form,
 * behind PaymentGateway) or centre credit, orders and their fulfilment, centre credit accounts and
 * monthly invoices, and (for the demo and tests) a sandbox gateway speaking the Opayo Form protocol.
 * Reads documents through the documents lib's OrderableDocumentsService and accounts through
 * identity's AccountDirectory.
 */
@Module({})
export class CommerceModule {
  static forRoot(options: CommerceOptions, config: AppConfig): DynamicModule {
    // the gateway's answers are confirmed with the gateway itself (its Reporting API); the re-check task runs wherever scheduled tasks do
    const payments = [OpayoReportingClient, { provide: PaymentGateway, useClass: OpayoFormGateway }, PaymentAnswersService, PaymentRecheckTask];
    const tasks = options.processors ? [UnpaidOrderExpiryTask] : [];
    if (!options.http) return { module: CommerceModule, providers: [...payments, ...tasks], exports: tasks };
    const sandbox = options.sandbox ?? config.opayoSandbox;
    return {
      module: CommerceModule,
      imports: [IdentityModule, LearnerDocumentsModule],
      controllers: [StoreController, PaymentsController, AdminCommerceController, ...(sandbox ? [SandboxGatewayController] : [])],
      providers: [
        CatalogueService,
        BasketService,
        CreditAccountsService,
        OrdersService,
        FulfilmentService,
        MonthlyInvoiceService,
        ...payments,
        FormBodyParser, // the gateway's answer may arrive as a browser form post
        ...tasks,
      ],
      exports: tasks,
    };
  }
}
