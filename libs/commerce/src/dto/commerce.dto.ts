import {
  AddToBasketRequest,
  CancelOrderLineRequest,
  DELIVERY_METHODS,
  DeliveryMethod,
  DOCUMENT_TYPES,
  DocumentType,
  ORDER_STATUSES,
  OrderStatus,
  PAYMENT_METHODS,
  PaymentMethod,
  PlaceOrderRequest,
  PostalAddress,
  POSTCODE_MAX_LENGTH,
  RecordCreditPaymentRequest,
  SaveCreditAccountRequest,
  SaveProductRequest,
  SaveReasonRequest,
  SetOrderStatusRequest,
  UpdateBasketItemRequest,
} from '@achievement/contracts';
import { OptionalText, PostcodeField, RequiredText } from '@achievement/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';

const ID_MESSAGE = (field: string) => `${field} must be an id (a positive whole number)`;

export class BasketLineDto {
  @ApiProperty() @IsInt({ message: ID_MESSAGE('documentId') }) @Min(1, { message: ID_MESSAGE('documentId') }) documentId: number;
  @ApiProperty() @IsInt({ message: 'Choose a reason for each document.' }) @Min(1, { message: 'Choose a reason for each document.' }) reasonId: number;
}

export class AddToBasketDto implements AddToBasketRequest {
  @ApiProperty() @IsInt({ message: ID_MESSAGE('productId') }) @Min(1, { message: ID_MESSAGE('productId') }) productId: number;

  @ApiProperty({ type: [BasketLineDto], minItems: 1, maxItems: 100 })
  @IsArray({ message: 'items must be a list of documents with their reasons' })
  @ArrayMinSize(1, { message: 'Tick at least one document.' })
  @ArrayMaxSize(100, { message: 'At most 100 documents at once.' })
  @ValidateNested({ each: true })
  @Type(() => BasketLineDto)
  items: BasketLineDto[];
}

export class UpdateBasketItemDto implements UpdateBasketItemRequest {
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: 'Choose a reason.' }) @Min(1, { message: 'Choose a reason.' }) reasonId?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 10 })
  @IsOptional()
  @IsInt({ message: 'quantity must be a whole number from 1 to 10' })
  @Min(1, { message: 'quantity must be a whole number from 1 to 10' })
  @Max(10, { message: 'quantity must be a whole number from 1 to 10' })
  quantity?: number;
}

export class PostalAddressDto implements PostalAddress {
  @ApiProperty({ maxLength: 100 }) @RequiredText('name', 100) name: string;
  @ApiProperty({ maxLength: 100 }) @RequiredText('line1', 100) line1: string;
  @ApiPropertyOptional({ type: String, maxLength: 100, nullable: true }) @OptionalText('line2', 100) line2?: string | null;
  @ApiProperty({ maxLength: 60 }) @RequiredText('town', 60) town: string;
  @ApiProperty({
    maxLength: POSTCODE_MAX_LENGTH,
    description: 'a UK postcode for a UK country (GB, IM, JE, GG); otherwise 2 to 10 letters, digits, spaces or dashes',
  })
  @PostcodeField('postcode')
  postcode: string;
  @ApiProperty({ example: 'GB' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a 2-letter country code, e.g. GB' })
  country: string;
}

export class PlaceOrderDto implements PlaceOrderRequest {
  @ApiProperty({ type: PostalAddressDto }) @ValidateNested() @Type(() => PostalAddressDto) billingAddress: PostalAddressDto;
  @ApiProperty({ type: PostalAddressDto }) @ValidateNested() @Type(() => PostalAddressDto) deliveryAddress: PostalAddressDto;
  @ApiProperty({ enum: DELIVERY_METHODS }) @IsIn(DELIVERY_METHODS, { message: 'Choose a delivery option.' }) deliveryMethod: DeliveryMethod;
  @ApiProperty({ enum: PAYMENT_METHODS }) @IsIn(PAYMENT_METHODS, { message: 'Choose how to pay: card or centre credits.' }) paymentMethod: PaymentMethod;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'saveBillingToProfile must be true or false' }) saveBillingToProfile?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'saveDeliveryToProfile must be true or false' }) saveDeliveryToProfile?: boolean;
  @ApiProperty({ description: 'one per checkout page (e.g. a UUID): the same key twice places one order' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'idempotencyKey must be 8-64 letters, digits, - or _' })
  idempotencyKey: string;
}

export class SaveProductDto implements SaveProductRequest {
  @ApiProperty({ example: 'REPL-CERT' }) @Matches(/^[A-Za-z0-9-]{1,20}$/, { message: 'code must be 1-20 letters, digits or hyphens' }) code: string;
  @ApiProperty({ maxLength: 100 }) @RequiredText('name', 100) name: string;
  @ApiProperty({ maxLength: 500 }) @RequiredText('description', 500) description: string;
  @ApiProperty({ minimum: 0, maximum: 100000 })
  @IsInt({ message: 'pricePence must be a whole number of pence from 0 to 100000' })
  @Min(0, { message: 'pricePence must be a whole number of pence from 0 to 100000' })
  @Max(100000, { message: 'pricePence must be a whole number of pence from 0 to 100000' })
  pricePence: number;
  @ApiProperty({ enum: DOCUMENT_TYPES, isArray: true })
  @IsArray({ message: 'documentTypes must be a list' })
  @ArrayMinSize(1, { message: 'Choose at least one document type.' })
  @IsIn(DOCUMENT_TYPES, { each: true, message: `documentTypes must hold ${DOCUMENT_TYPES.join(', ')}` })
  documentTypes: DocumentType[];
  @ApiProperty() @IsBoolean({ message: 'active must be true or false' }) active: boolean;
}

export class SaveReasonDto implements SaveReasonRequest {
  @ApiProperty({ maxLength: 100 }) @RequiredText('label', 100) label: string;
  @ApiProperty() @IsBoolean({ message: 'active must be true or false' }) active: boolean;
}

export class SetOrderStatusDto implements SetOrderStatusRequest {
  @ApiProperty({ enum: ORDER_STATUSES }) @IsIn(ORDER_STATUSES, { message: `status must be one of ${ORDER_STATUSES.join(', ')}` }) status: OrderStatus;
  @ApiPropertyOptional({ maxLength: 100 }) @OptionalText('trackingReference', 100) trackingReference?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @OptionalText('note', 500) note?: string;
}

export class SaveCreditAccountDto implements SaveCreditAccountRequest {
  @ApiProperty({ minimum: 0, maximum: 100000000 })
  @IsInt({ message: 'limitPence must be a whole number of pence from 0 to 100000000' })
  @Min(0, { message: 'limitPence must be a whole number of pence from 0 to 100000000' })
  @Max(100_000_000, { message: 'limitPence must be a whole number of pence from 0 to 100000000' })
  limitPence: number;
  @ApiProperty() @IsBoolean({ message: 'open must be true or false' }) open: boolean;
}

export class RecordCreditPaymentDto implements RecordCreditPaymentRequest {
  @ApiProperty({ minimum: 1 })
  @IsInt({ message: 'amountPence must be a whole number of pence above 0' })
  @Min(1, { message: 'amountPence must be a whole number of pence above 0' })
  @Max(100_000_000, { message: 'amountPence must be at most 100000000' })
  amountPence: number;
  @ApiProperty({ maxLength: 100 }) @RequiredText('reference', 100) reference: string;
}

export class CancelOrderLineDto implements CancelOrderLineRequest {
  @ApiProperty({ maxLength: 300 }) @RequiredText('reason', 300) reason: string;
}
