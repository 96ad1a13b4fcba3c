import {
  Basket,
  CheckoutDefaults,
  DeliveryOption,
  DuplicateReason,
  GatewayForm,
  OrderDetail,
  OrderPage,
  PlacedOrder,
  Product,
  StoreDocument,
  StoreLearner,
} from '@achievement/contracts';
import { AccountDirectory } from '@achievement/identity';
import { Actor, AuthenticatedUser, CurrentActor, CurrentUser, ParseIdPipe, Roles } from '@achievement/platform';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { BasketService } from './basket.service';
import { CatalogueService } from './catalogue.service';
import { CreditAccountsService } from './credit-accounts.service';
import { orderingScopeOf } from './customer';
import { AddToBasketDto, PlaceOrderDto, UpdateBasketItemDto } from './dto/commerce.dto';
import { GatewayFormDto, OrderDetailDto, OrderPageDto, PlacedOrderDto } from './dto/order.responses';
import { BasketDto, CheckoutDefaultsDto, DeliveryOptionDto, DuplicateReasonDto, ProductDto, StoreDocumentDto, StoreLearnerDto } from './dto/store.responses';
import { MonthlyInvoiceService } from './invoices/monthly-invoice.service';
import { OrdersService } from './orders.service';
import { ApiError } from '@achievement/platform';

interface ReplyHeaders {
  header(name: string, value: string): unknown;
}

function optionalId(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,10}$/.test(value))
    throw new ApiError('VALIDATION_FAILED', {
      message: `${name} must be a positive whole number`,
      fieldErrors: { [name]: [`${name} must be a positive whole number`] },
    });
  return Number(value);
}

/** The store, the basket, checkout and orders of centre staff (for their centre's learners) and learners (for themselves). */
@ApiTags('Commerce')
@Controller()
@Roles('centre_staff', 'learner')
export class StoreController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly basket: BasketService,
    private readonly orders: OrdersService,
    private readonly credit: CreditAccountsService,
    private readonly accounts: AccountDirectory,
    private readonly invoices: MonthlyInvoiceService,
  ) {}

  @Get('store/products')
  @ApiOkResponse({ type: ProductDto, isArray: true, description: 'Product[]: what the store sells' })
  products(): Promise<Product[]> {
    return this.catalogue.products(true);
  }

  @Get('store/reasons')
  @ApiOkResponse({ type: DuplicateReasonDto, isArray: true, description: 'DuplicateReason[]' })
  reasons(): Promise<DuplicateReason[]> {
    return this.catalogue.reasons(true);
  }

  @Get('store/delivery-options')
  @ApiOkResponse({ type: DeliveryOptionDto, isArray: true, description: 'DeliveryOption[]' })
  deliveryOptions(): Promise<DeliveryOption[]> {
    return this.catalogue.deliveryOptions();
  }

  @Get('store/learners')
  @ApiQuery({ name: 'productId', required: true, type: Number })
  @ApiQuery({ name: 'q', required: false, type: String, description: 'Part of a name or an enrolment number' })
  @ApiOperation({ summary: "Centre staff: the centre's learners with documents the product applies to (name or enrolment number prefix)" })
  @ApiOkResponse({ type: StoreLearnerDto, isArray: true, description: 'StoreLearner[]: at most 20' })
  learners(@Query('productId') productId: string, @Query('q') q: string | undefined, @CurrentUser() user: AuthenticatedUser): Promise<StoreLearner[]> {
    return this.basket.learners(user, requiredId(productId, 'productId'), (q ?? '').slice(0, 100));
  }

  @Get('store/documents')
  @ApiQuery({ name: 'productId', required: true, type: Number })
  @ApiQuery({ name: 'learnerId', required: false, type: Number, description: "Only this learner's documents" })
  @ApiOperation({ summary: "A learner's documents the product applies to (learners: their own)" })
  @ApiOkResponse({ type: StoreDocumentDto, isArray: true, description: 'StoreDocument[]' })
  documents(
    @Query('productId') productId: string,
    @Query('learnerId') learnerId: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StoreDocument[]> {
    return this.basket.documentsFor(user, requiredId(productId, 'productId'), optionalId(learnerId, 'learnerId'));
  }

  @Get('basket')
  @ApiOkResponse({ type: BasketDto, description: 'Basket' })
  getBasket(@CurrentUser() user: AuthenticatedUser): Promise<Basket> {
    return this.basket.basket(user);
  }

  @Post('basket/items')
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: BasketDto, description: 'Basket' })
  @ApiConflictResponse({ description: 'Already in the basket with this product' })
  add(@Body() body: AddToBasketDto, @CurrentUser() user: AuthenticatedUser): Promise<Basket> {
    return this.basket.add(user, body);
  }

  @Patch('basket/items/:id')
  @ApiOkResponse({ type: BasketDto, description: 'Basket' })
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateBasketItemDto, @CurrentUser() user: AuthenticatedUser): Promise<Basket> {
    return this.basket.update(user, id, body);
  }

  @Delete('basket/items/:id')
  @ApiOkResponse({ type: BasketDto, description: 'Basket' })
  remove(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthenticatedUser): Promise<Basket> {
    return this.basket.remove(user, id);
  }

  @Get('checkout')
  @ApiOkResponse({ type: CheckoutDefaultsDto, description: 'CheckoutDefaults' })
  async checkout(@CurrentUser() user: AuthenticatedUser): Promise<CheckoutDefaults> {
    const scope = orderingScopeOf(user);
    const account = await this.accounts.byId(user.id);
    return {
      profileAddress: account?.address ? { name: account.name, ...account.address } : null,
      deliveryOptions: await this.catalogue.deliveryOptions(),
      centreCredit: 'centreId' in scope ? await this.credit.forCentre(scope.centreId) : null,
    };
  }

  @Post('orders')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Place an order of the whole basket: card (the answer holds the form for the gateway) or centre credit' })
  @ApiCreatedResponse({ type: PlacedOrderDto, description: 'PlacedOrder' })
  @ApiConflictResponse({ description: 'Past the credit limit, or items that can no longer be ordered' })
  place(@Body() body: PlaceOrderDto, @CurrentUser() user: AuthenticatedUser, @CurrentActor() actor: Actor): Promise<PlacedOrder> {
    return this.orders.place(user, actor, body);
  }

  @Get('orders')
  @ApiQuery({ name: 'cursor', required: false, type: String, description: 'The nextCursor of the page before' })
  @ApiOkResponse({ type: OrderPageDto, description: "Page<OrderSummary>: yours (centre staff: your centre's), newest first" })
  list(@Query('cursor') cursor: string | undefined, @CurrentUser() user: AuthenticatedUser): Promise<OrderPage> {
    return this.orders.list(user, cursor);
  }

  @Get('orders/:id')
  @ApiOkResponse({ type: OrderDetailDto, description: 'OrderDetail' })
  detail(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthenticatedUser): Promise<OrderDetail> {
    return this.orders.detail(user, id);
  }

  @Post('orders/:id/pay')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Pay an order that is waiting for payment again (after a decline): the form for the gateway' })
  @ApiOkResponse({ type: GatewayFormDto, description: 'GatewayForm' })
  payAgain(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthenticatedUser): Promise<GatewayForm> {
    return this.orders.payAgain(user, id);
  }

  @Get('invoices')
  @Roles('centre_staff')
  @ApiOperation({ summary: "The centre's credit invoice for a month (PDF)" })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The invoice PDF, inline', schema: { type: 'string', format: 'binary' } })
  async invoice(
    @Query('month') month: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<StreamableFile> {
    const scope = orderingScopeOf(user);
    if (!('centreId' in scope)) throw new ApiError('NOT_A_CENTRE', 'Invoices are for centres.');
    const { pdf, fileName } = await this.invoices.invoice(scope.centreId, String(month ?? ''));
    reply.header('Cache-Control', 'no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${fileName}"`, length: pdf.length });
  }
}

function requiredId(value: string | undefined, name: string): number {
  const id = optionalId(value, name);
  if (id === undefined) throw new ApiError('VALIDATION_FAILED', { message: `${name} is required`, fieldErrors: { [name]: [`${name} is required`] } });
  return id;
}

export { optionalId, requiredId };
