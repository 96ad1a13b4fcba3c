export { CommerceModule } from './commerce.module';
export type { CommerceOptions } from './commerce.module';
export { PaymentGateway, GatewayUnavailableError } from './gateway/payment-gateway';
export type { ConfirmedTransaction, PaymentAnswer, PaymentRequest } from './gateway/payment-gateway';
export { PaymentAnswersService } from './payment-answers.service';
export { PaymentRecheckTask } from './payment-recheck.task';
export { SANDBOX_REPORTING_OUTAGE_KEY, sandboxTransactionKey } from './gateway/sandbox-gateway.controller';
export type { SandboxTransaction } from './gateway/sandbox-gateway.controller';
export { encryptCrypt, decryptCrypt } from './gateway/opayo-crypt';
