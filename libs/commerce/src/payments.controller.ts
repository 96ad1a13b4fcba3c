import { Public, SkipCsrf } from '@achievement/platform';
import { Body, Controller, Get, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiResponse, ApiResponseOptions, ApiTags } from '@nestjs/swagger';
import { PaymentAnswersService } from './payment-answers.service';

interface RedirectReply {
  redirect(url: string, code?: number): void;
}

/** What both routes answer: 303 See Other to the order's page in the web app (Post/Redirect/Get). */
const TO_THE_ORDER: ApiResponseOptions = {
  status: HttpStatus.SEE_OTHER,
  description: "To the order's page, told how its payment stands",
  headers: {
    Location: {
      description: '/orders/{orderId}?payment=paid|declined|failed|cancelled|checking',
      schema: { type: 'string', example: '/orders/42?payment=paid' },
    },
  },
};
const NOT_AN_ANSWER =
  'Not a valid answer of the gateway: no crypt, one that does not decrypt, or not about one of our payments and its amount (PAYMENT_ANSWER_INVALID)';

/**
 * Where the card gateway sends the browser back (its SuccessURL and FailureURL). The answer is
 * checked strictly (400 otherwise) and is only a hint: the gateway's own record, looked up from
 * here, decides; then the browser goes to the order, told how its payment stands.
 */
@ApiTags('Commerce')
@Controller('payments/opayo')
@Public()
@SkipCsrf()
export class PaymentsController {
  constructor(private readonly answers: PaymentAnswersService) {}

  @Get('return')
  @ApiOperation({
    summary:
      "The gateway's answer (?crypt=): checked, confirmed with the gateway, handled once; then the browser goes to the order (400 when it is not a valid answer)",
  })
  @ApiResponse(TO_THE_ORDER)
  @ApiBadRequestResponse({ description: NOT_AN_ANSWER })
  async returned(@Query() query: Record<string, unknown>, @Res() reply: RedirectReply): Promise<void> {
    const { orderId, outcome } = await this.answers.answerReturned(query);
    reply.redirect(`/orders/${orderId}?payment=${outcome}`, 303);
  }

  @Post('return')
  @ApiOperation({
    summary: "The gateway's answer posted by the browser (crypt in the form): handled as the GET, answered with 303 to the order's page (Post/Redirect/Get)",
  })
  @ApiResponse(TO_THE_ORDER)
  @ApiBadRequestResponse({ description: NOT_AN_ANSWER })
  returnedByPost(@Body() body: Record<string, unknown> | undefined, @Res() reply: RedirectReply): Promise<void> {
    return this.returned(body ?? {}, reply);
  }
}
