export { CommerceModule } from './commerce.module';
export type { CommerceOptions } from './commerce.module';
export { PaymentGateway } from './gateway/payment-gateway';
export type { PaymentOutcome, PaymentRequest } from './gateway/payment-gateway';
export { encryptCrypt, decryptCrypt } from './gateway/opayo-crypt';
export { UnpaidOrderExpiryTask } from './unpaid-order-expiry.task';
