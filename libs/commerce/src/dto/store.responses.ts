import {
  AdminProduct,
  Basket,
  BasketItem,
  CheckoutDefaults,
  DELIVERY_METHODS,
  DeliveryMethod,
  DeliveryOption,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  DocumentStatus,
  DocumentType,
  DuplicateReason,
  Money,
  Product,
  StoreDocument,
  StoreLearner,
} from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PostalAddressDto } from './commerce.dto';

/** An amount in integer pence, VAT worked out by the server. */
export class MoneyDto implements Money {
  @ApiProperty() netPence: number;
  @ApiProperty() vatPence: number;
  @ApiProperty() grossPence: number;
}

/** GET /api/store/products: a product the store sells (the active ones). */
export class ProductDto implements Product {
  @ApiProperty() id: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: MoneyDto, description: 'excluding VAT' }) price: MoneyDto;
  @ApiProperty({ enum: DOCUMENT_TYPES, isArray: true, description: 'the kinds of document the product applies to' })
  documentTypes: DocumentType[];
}

/** GET /api/admin/products: a product, active or not. */
export class AdminProductDto extends ProductDto implements AdminProduct {
  @ApiProperty() active: boolean;
}

export class DuplicateReasonDto implements DuplicateReason {
  @ApiProperty() id: number;
  @ApiProperty() label: string;
  @ApiProperty() active: boolean;
}

export class DeliveryOptionDto implements DeliveryOption {
  @ApiProperty({ enum: DELIVERY_METHODS }) method: DeliveryMethod;
  @ApiProperty() label: string;
  @ApiProperty({ type: MoneyDto }) price: MoneyDto;
}

/** GET /api/store/learners: a learner of the centre with documents the product applies to. */
export class StoreLearnerDto implements StoreLearner {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() enrolmentNumber: string;
  @ApiProperty({ description: 'documents the product applies to' }) documentCount: number;
}

class StoreQualificationDto {
  @ApiProperty({ example: '603/7506/5' }) code: string;
  @ApiProperty() title: string;
}

/** GET /api/store/documents: a learner's document the product applies to. */
export class StoreDocumentDto implements StoreDocument {
  @ApiProperty() id: number;
  @ApiProperty() documentNumber: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type: DocumentType;
  @ApiProperty({ type: StoreQualificationDto }) qualification: StoreQualificationDto;
  @ApiProperty({ example: '2025-07-14', format: 'date', description: 'YYYY-MM-DD: a calendar date, not an instant' }) awardDate: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: DocumentStatus;
  @ApiProperty({ description: 'in the basket already with this product' }) inBasket: boolean;
}

class BasketProductDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

class BasketDocumentDto {
  @ApiProperty() id: number;
  @ApiProperty() documentNumber: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type: DocumentType;
  @ApiProperty() qualificationTitle: string;
}

class BasketLearnerDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() enrolmentNumber: string;
}

class BasketReasonDto {
  @ApiProperty() id: number;
  @ApiProperty() label: string;
}

export class BasketItemDto implements BasketItem {
  @ApiProperty() id: number;
  @ApiProperty({ type: BasketProductDto }) product: BasketProductDto;
  @ApiProperty({ type: BasketDocumentDto }) document: BasketDocumentDto;
  @ApiProperty({ type: BasketLearnerDto }) learner: BasketLearnerDto;
  @ApiProperty({ type: BasketReasonDto }) reason: BasketReasonDto;
  @ApiProperty({ minimum: 1, maximum: 10, description: 'copies, 1 to 10' }) quantity: number;
  @ApiProperty({ type: MoneyDto, description: 'price × quantity' }) line: MoneyDto;
}

/** The user's basket (one per user, kept across sign-outs). */
export class BasketDto implements Basket {
  @ApiProperty({ type: [BasketItemDto] }) items: BasketItemDto[];
  @ApiProperty({ description: "number of items (the icon's count)" }) count: number;
  @ApiProperty({ type: MoneyDto }) subtotal: MoneyDto;
}

class CentreCreditDto {
  @ApiProperty({ description: 'the account is open: the order can go on credit' }) available: boolean;
  @ApiProperty() limitPence: number;
  @ApiProperty({ description: 'what the centre owes now' }) owedPence: number;
}

/** GET /api/checkout: what the checkout page starts from. */
export class CheckoutDefaultsDto implements CheckoutDefaults {
  @ApiProperty({ type: PostalAddressDto, nullable: true, description: 'from the profile (null when the profile has no address)' })
  profileAddress: PostalAddressDto | null;
  @ApiProperty({ type: [DeliveryOptionDto] }) deliveryOptions: DeliveryOptionDto[];
  @ApiProperty({ type: CentreCreditDto, nullable: true, description: 'centre staff of a centre with a credit account (null otherwise)' })
  centreCredit: CentreCreditDto | null;
}
