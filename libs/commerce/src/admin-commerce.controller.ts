import { AdminProduct, CreditAccount, CreditLedgerEntry, DuplicateReason, ORDER_STATUSES, OrderDetail, OrderPage, OrderStatus } from '@achievement/contracts';
import { Actor, CurrentActor, ParseIdPipe, Roles, StepUp } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CatalogueService } from './catalogue.service';
import { CreditAccountsService } from './credit-accounts.service';
import { CancelOrderLineDto, RecordCreditPaymentDto, SaveCreditAccountDto, SaveProductDto, SaveReasonDto, SetOrderStatusDto } from './dto/commerce.dto';
import { CreditAccountDto, CreditLedgerEntryDto } from './dto/credit-account.responses';
import { OrderDetailDto, OrderPageDto } from './dto/order.responses';
import { AdminProductDto, DuplicateReasonDto } from './dto/store.responses';
import { FulfilmentService } from './fulfilment.service';
import { MonthlyInvoiceService } from './invoices/monthly-invoice.service';
import { requiredId } from './store.controller';
import { ApiError } from '@achievement/platform';

interface ReplyHeaders {
  header(name: string, value: string): unknown;
}

/** Administrators: products and reasons, the fulfilment queue, centre credit accounts and invoices. */
@ApiTags('Commerce (administrators)')
@Controller('admin')
@Roles('administrator')
export class AdminCommerceController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly fulfilment: FulfilmentService,
    private readonly credit: CreditAccountsService,
    private readonly invoices: MonthlyInvoiceService,
  ) {}

  @Get('products')
  @ApiOkResponse({ type: AdminProductDto, isArray: true, description: 'AdminProduct[]: every product, active or not' })
  products(): Promise<AdminProduct[]> {
    return this.catalogue.products(false);
  }

  @Post('products')
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: AdminProductDto, description: 'AdminProduct' })
  createProduct(@Body() body: SaveProductDto, @CurrentActor() actor: Actor): Promise<AdminProduct> {
    return this.catalogue.saveProduct(actor, null, body);
  }

  @Patch('products/:id')
  @ApiOkResponse({ type: AdminProductDto, description: 'AdminProduct' })
  saveProduct(@Param('id', ParseIdPipe) id: number, @Body() body: SaveProductDto, @CurrentActor() actor: Actor): Promise<AdminProduct> {
    return this.catalogue.saveProduct(actor, id, body);
  }

  @Get('reasons')
  @ApiOkResponse({ type: DuplicateReasonDto, isArray: true, description: 'DuplicateReason[]: every reason, active or not' })
  reasons(): Promise<DuplicateReason[]> {
    return this.catalogue.reasons(false);
  }

  @Post('reasons')
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: DuplicateReasonDto, description: 'DuplicateReason' })
  createReason(@Body() body: SaveReasonDto, @CurrentActor() actor: Actor): Promise<DuplicateReason> {
    return this.catalogue.saveReason(actor, null, body);
  }

  @Patch('reasons/:id')
  @ApiOkResponse({ type: DuplicateReasonDto, description: 'DuplicateReason' })
  saveReason(@Param('id', ParseIdPipe) id: number, @Body() body: SaveReasonDto, @CurrentActor() actor: Actor): Promise<DuplicateReason> {
    return this.catalogue.saveReason(actor, id, body);
  }

  @Get('orders')
  @ApiQuery({ name: 'status', required: false, enum: ORDER_STATUSES })
  @ApiQuery({ name: 'cursor', required: false, type: String, description: 'The nextCursor of the page before' })
  @ApiOperation({ summary: 'The fulfilment queue, oldest first, by status' })
  @ApiOkResponse({ type: OrderPageDto, description: 'Page<OrderSummary>' })
  orders(@Query('status') status: string | undefined, @Query('cursor') cursor: string | undefined): Promise<OrderPage> {
    if (status !== undefined && status !== '' && !ORDER_STATUSES.includes(status as OrderStatus)) {
      throw new ApiError('VALIDATION_FAILED', {
        message: `status must be one of ${ORDER_STATUSES.join(', ')}`,
        fieldErrors: { status: ['Choose a status from the list.'] },
      });
    }
    return this.fulfilment.queue((status || undefined) as OrderStatus | undefined, cursor || undefined);
  }

  @Get('orders/:id')
  @ApiOkResponse({ type: OrderDetailDto, description: 'OrderDetail' })
  order(@Param('id', ParseIdPipe) id: number): Promise<OrderDetail> {
    return this.fulfilment.detail(id);
  }

  @Post('orders/:id/status')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move an order on (allowed moves only); the customer is emailed' })
  @ApiOkResponse({ type: OrderDetailDto, description: 'OrderDetail' })
  setStatus(@Param('id', ParseIdPipe) id: number, @Body() body: SetOrderStatusDto, @CurrentActor() actor: Actor): Promise<OrderDetail> {
    return this.fulfilment.setStatus(actor, id, body);
  }

  @Post('orders/:id/lines/:lineId/replace')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "A line whose document was superseded gets the document's current version" })
  @ApiOkResponse({ type: OrderDetailDto, description: 'OrderDetail' })
  replaceLine(@Param('id', ParseIdPipe) id: number, @Param('lineId', ParseIdPipe) lineId: number, @CurrentActor() actor: Actor): Promise<OrderDetail> {
    return this.fulfilment.replaceLine(actor, id, lineId);
  }

  @Post('orders/:id/lines/:lineId/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel one line (e.g. a revoked document): its amount is given back on the credit ledger or recorded as a card refund' })
  @ApiOkResponse({ type: OrderDetailDto, description: 'OrderDetail' })
  cancelLine(
    @Param('id', ParseIdPipe) id: number,
    @Param('lineId', ParseIdPipe) lineId: number,
    @Body() body: CancelOrderLineDto,
    @CurrentActor() actor: Actor,
  ): Promise<OrderDetail> {
    return this.fulfilment.cancelLine(actor, id, lineId, body);
  }

  @Get('credit-accounts')
  @ApiOkResponse({ type: CreditAccountDto, isArray: true, description: 'CreditAccount[]' })
  creditAccounts(): Promise<CreditAccount[]> {
    return this.credit.list();
  }

  @Put('credit-accounts/:centreId')
  @ApiOkResponse({ type: CreditAccountDto, description: 'CreditAccount' })
  @StepUp()
  saveCreditAccount(
    @Param('centreId', ParseIdPipe) centreId: number,
    @Body() body: SaveCreditAccountDto,
    @CurrentActor() actor: Actor,
  ): Promise<CreditAccount> {
    return this.credit.save(actor, centreId, body.limitPence, body.open);
  }

  @Post('credit-accounts/:centreId/payments')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CreditAccountDto, description: 'CreditAccount: a payment received' })
  recordPayment(@Param('centreId', ParseIdPipe) centreId: number, @Body() body: RecordCreditPaymentDto, @CurrentActor() actor: Actor): Promise<CreditAccount> {
    return this.credit.recordPayment(actor, centreId, body.amountPence, body.reference);
  }

  @Get('credit-accounts/:centreId/ledger')
  @ApiOkResponse({ type: CreditLedgerEntryDto, isArray: true, description: 'CreditLedgerEntry[]: newest first, at most 500' })
  ledger(@Param('centreId', ParseIdPipe) centreId: number): Promise<CreditLedgerEntry[]> {
    return this.credit.ledger(centreId);
  }

  @Get('invoices')
  @ApiQuery({ name: 'centreId', required: true, type: Number })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: "That centre's invoice for the month (PDF, inline)", schema: { type: 'string', format: 'binary' } })
  async invoice(@Query('centreId') centreId: string, @Query('month') month: string, @Res({ passthrough: true }) reply: ReplyHeaders): Promise<StreamableFile> {
    const { pdf, fileName } = await this.invoices.invoice(requiredId(centreId, 'centreId'), String(month ?? ''));
    reply.header('Cache-Control', 'no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${fileName}"`, length: pdf.length });
  }
}
