import {
  DELIVERY_METHODS,
  DeliveryMethod,
  GatewayForm,
  ORDER_STATUSES,
  OrderDetail,
  OrderLine,
  OrderPage,
  OrderStatus,
  OrderSummary,
  PAYMENT_METHODS,
  PaymentMethod,
  PlacedOrder,
} from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PostalAddressDto } from './commerce.dto';
import { MoneyDto } from './store.responses';

type DocumentProblem = NonNullable<OrderLine['documentProblem']>;

/** The statuses of OrderLine.documentProblem: the contract's union has no list of its own; `satisfies` keeps this one exactly in step with it. */
const DOCUMENT_PROBLEM_STATUSES = Object.keys({ revoked: true, superseded: true } satisfies Record<DocumentProblem['status'], true>);

class OrderCentreDto {
  @ApiProperty() number: string;
  @ApiProperty() name: string;
}

export class OrderSummaryDto implements OrderSummary {
  @ApiProperty() id: number;
  @ApiProperty() number: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ format: 'date-time' }) placedAt: string;
  @ApiProperty({ description: 'name of the user who placed it' }) placedBy: string;
  @ApiProperty({ type: OrderCentreDto, nullable: true, description: 'the centre it was placed for (null: a learner for themselves)' })
  centre: OrderCentreDto | null;
  @ApiProperty() itemCount: number;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ enum: PAYMENT_METHODS }) paymentMethod: PaymentMethod;
  @ApiPropertyOptional({
    description: 'fulfilment queue (administrators): a line holds a revoked or superseded document and must be dealt with first',
  })
  needsAttention?: boolean;
}

/** A page of orders: pass `nextCursor` back as `cursor` for the next page. */
export class OrderPageDto implements OrderPage {
  @ApiProperty({ type: [OrderSummaryDto] }) items: OrderSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class OrderLineDocumentProblemDto implements DocumentProblem {
  @ApiProperty({ enum: DOCUMENT_PROBLEM_STATUSES }) status: DocumentProblem['status'];
  @ApiProperty({ type: String, nullable: true, description: "when superseded: the current version's document number" })
  currentDocumentNumber: string | null;
}

export class OrderLineDto implements OrderLine {
  @ApiProperty() id: number;
  @ApiProperty() productName: string;
  @ApiProperty() documentNumber: string;
  @ApiProperty() qualificationTitle: string;
  @ApiProperty() learnerName: string;
  @ApiProperty() reason: string;
  @ApiProperty() quantity: number;
  @ApiProperty() unitNetPence: number;
  @ApiProperty({ type: MoneyDto }) line: MoneyDto;
  @ApiProperty({ description: 'an administrator cancelled this line (its amount was given back)' }) cancelled: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'an administrator replaced a superseded document with this one: the number it replaced' })
  replacesDocumentNumber: string | null;
  @ApiProperty({
    type: OrderLineDocumentProblemDto,
    nullable: true,
    description:
      'administrators, an order not yet dispatched: the document was revoked or superseded since the order was placed. ' +
      'The order cannot go into production or be dispatched until the line is replaced or cancelled.',
  })
  documentProblem: OrderLineDocumentProblemDto | null;
}

class OrderDeliveryDto {
  @ApiProperty({ enum: DELIVERY_METHODS }) method: DeliveryMethod;
  @ApiProperty() label: string;
  @ApiProperty({ type: MoneyDto }) price: MoneyDto;
}

class OrderHistoryEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

class OrderLastPaymentDto {
  @ApiProperty({ description: "the attempt's status" }) status: string;
  @ApiProperty({ description: "the outcome in plain words (never the gateway's own text)" }) detail: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class OrderDetailDto extends OrderSummaryDto implements OrderDetail {
  @ApiProperty({ type: [OrderLineDto] }) lines: OrderLineDto[];
  @ApiProperty({ type: OrderDeliveryDto }) delivery: OrderDeliveryDto;
  @ApiProperty({ type: PostalAddressDto }) billingAddress: PostalAddressDto;
  @ApiProperty({ type: PostalAddressDto }) deliveryAddress: PostalAddressDto;
  @ApiProperty({ type: String, nullable: true }) trackingReference: string | null;
  @ApiProperty({ type: [OrderHistoryEntryDto] }) history: OrderHistoryEntryDto[];
  @ApiProperty({ type: OrderLastPaymentDto, nullable: true, description: "card payments: the last attempt's outcome" })
  lastPayment: OrderLastPaymentDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'a card order awaiting payment: when it expires unless paid (the basket keeps its items)',
  })
  paymentDueAt: string | null;
}

/** A browser form post to the card gateway (Opayo Form): action URL and hidden fields. */
export class GatewayFormDto implements GatewayForm {
  @ApiProperty({ description: 'the URL to post the form to' }) action: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'the hidden fields: name → value' })
  fields: Record<string, string>;
}

/** POST /api/orders: the order placed, and for card the form to post to the gateway. */
export class PlacedOrderDto implements PlacedOrder {
  @ApiProperty({ type: OrderDetailDto }) order: OrderDetailDto;
  @ApiProperty({ type: GatewayFormDto, nullable: true, description: "card: post this form (the gateway's hosted card page); null for centre credit" })
  payment: GatewayFormDto | null;
}
