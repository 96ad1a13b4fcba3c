import { Public, SkipCsrf } from '@achievement/platform';
import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrdersService } from './orders.service';

interface RedirectReply {
  redirect(url: string, code?: number): void;
}

/** Where the card gateway sends the browser back (its SuccessURL and FailureURL). The answer itself is the proof: it is verified, then handled once. */
@ApiTags('Commerce')
@Controller('payments/opayo')
@Public()
@SkipCsrf()
export class PaymentsController {
  constructor(private readonly orders: OrdersService) {}

  @Get('return')
  @ApiOperation({ summary: "The gateway's answer (?crypt=): verified, handled once, then the browser goes to the order" })
  async returned(@Query() query: Record<string, unknown>, @Res() reply: RedirectReply): Promise<void> {
    const { orderId, outcome } = await this.orders.gatewayReturn(query);
    reply.redirect(orderId ? `/orders/${orderId}?payment=${outcome}` : '/orders?payment=invalid', 303);
  }

  @Post('return')
  @ApiOperation({ summary: "The gateway's answer posted by the browser (crypt in the form): handled as the GET, answered with 303 to the order's page (Post/Redirect/Get)" })
  returnedByPost(@Body() body: Record<string, unknown> | undefined, @Res() reply: RedirectReply): Promise<void> {
    return this.returned(body ?? {}, reply);
  }
}
