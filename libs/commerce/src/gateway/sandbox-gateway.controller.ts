import { SANDBOX_TEST_CARDS } from '@achievement/contracts';
import { AppConfig, Public, RedisService, SkipCsrf } from '@achievement/platform';
import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { randomBytes, randomUUID } from 'node:crypto';
import { decryptCrypt, encryptCrypt } from './opayo-crypt';
import { OPAYO_PROTOCOL } from './opayo-form-answer';
import { commandElements, GET_TRANSACTION_DETAIL, readVspaccess, REPORTING_OK, signatureMatches, TX_STATE_OF, xmlEscape } from './opayo-reporting-protocol';
import { PaymentStatus } from './payment-gateway';
import { ApiError } from '@achievement/platform';

interface HtmlReply {
  status(code: number): HtmlReply;
  header(name: string, value: string): HtmlReply;
  send(body: string): void;
  redirect(url: string, code?: number): void;
}

const SESSION_TTL_SECONDS = 3600;
const TX_TTL_SECONDS = 30 * 86400;

/** The sandbox's record of one transaction (in Redis, so every api process shares it), as its Reporting API tells it. */
export interface SandboxTransaction {
  vendorTxCode: string;
  amount: string;
  currency: string;
  state: PaymentStatus | 'in_progress';
  detail: string;
  vpsTxId: string | null;
  authCode: string | null;
  startedAt: string;
}

/** While this Redis key exists, the sandbox's Reporting API answers 503 (an outage to play, for tests and demos). */
export const SANDBOX_REPORTING_OUTAGE_KEY = 'sandbox-opayo:reporting-outage';
export const sandboxTransactionKey = (vendorTxCode: string) => `sandbox-opayo:tx:${vendorTxCode}`;

/**
 * A stand-in for Opayo's Form gateway, for the demo and the tests (only when OPAYO_SANDBOX is on):
 * it takes the same registration post (VPSProtocol, TxType, Vendor, Crypt), shows a hosted card
 * page, and sends the browser back to the SuccessURL or FailureURL with the outcome as an encrypted
 * Crypt, exactly as Opayo does. Test cards: SANDBOX_TEST_CARDS (success, decline, failure). Like
 * Opayo, it refuses a VendorTxCode it has seen before, so one payment is never charged twice.
 * It keeps a record of each transaction and answers Opayo's Reporting API for it
 * (getTransactionDetail, signed with the reporting user's password), as the portal confirms there.
 */
@ApiExcludeController()
@Controller('sandbox/opayo')
@Public()
@SkipCsrf() // the gateway is another site as far as the portal's forms are concerned
@SkipThrottle()
export class SandboxGatewayController {
  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  @Post('vspform-register.vsp')
  @HttpCode(200)
  async register(@Body() body: Record<string, string> | undefined, @Res() reply: HtmlReply): Promise<void> {
    const form = body ?? {};
    const fields =
      form.Vendor === this.config.OPAYO_VENDOR && typeof form.Crypt === 'string' ? decryptCrypt(form.Crypt, this.config.OPAYO_ENCRYPTION_PASSWORD) : null;
    if (
      form.VPSProtocol !== OPAYO_PROTOCOL ||
      form.TxType !== 'PAYMENT' ||
      !fields ||
      !fields.VendorTxCode ||
      !fields.Amount ||
      !fields.SuccessURL ||
      !fields.FailureURL
    ) {
      return this.page(
        reply,
        400,
        'Opayo sandbox: transaction not registered',
        '<p class="error">3000 : The transaction could not be registered: the Vendor, protocol or Crypt is not valid.</p>',
      );
    }
    const record: SandboxTransaction = {
      vendorTxCode: fields.VendorTxCode,
      amount: fields.Amount,
      currency: fields.Currency ?? 'GBP',
      state: 'in_progress',
      detail: 'Transaction started: the customer is at the card page.',
      vpsTxId: `{${randomUUID().toUpperCase()}}`,
      authCode: null,
      startedAt: new Date().toISOString(),
    };
    const fresh = await this.redis.client.set(sandboxTransactionKey(fields.VendorTxCode), JSON.stringify(record), 'EX', TX_TTL_SECONDS, 'NX');
    if (!fresh)
      return this.page(
        reply,
        400,
        'Opayo sandbox: transaction not registered',
        '<p class="error">4042 : The VendorTxCode has been used before. Each transaction you send must have a unique VendorTxCode.</p>',
      );
    const session = randomUUID();
    await this.redis.client.set(`sandbox-opayo:session:${session}`, JSON.stringify(fields), 'EX', SESSION_TTL_SECONDS);
    // Post/Redirect/Get, as Opayo does: the card page is a GET, so Back from the portal never re-posts a form
    reply.redirect(`card?session=${session}`, 303);
  }

  /** The hosted card page; once the payment is finished, it sends the browser (Back, say) where the answer went. */
  @Get('card')
  async card(@Query('session') session: string | undefined, @Res() reply: HtmlReply): Promise<void> {
    const id = String(session ?? '');
    const raw = await this.redis.client.get(`sandbox-opayo:session:${id}`);
    if (raw) return this.cardPage(reply, id, JSON.parse(raw) as Record<string, string>, null);
    const done = await this.redis.client.get(`sandbox-opayo:done:${id}`);
    if (done) return reply.redirect(done, 303);
    return this.page(reply, 404, 'Opayo sandbox: payment session ended', '<p class="error">This payment session has expired or was completed.</p>');
  }

  @Post('pay')
  @HttpCode(200)
  async pay(@Body() body: Record<string, string> | undefined, @Res() reply: HtmlReply): Promise<void> {
    const form = body ?? {};
    const key = `sandbox-opayo:session:${String(form.session ?? '')}`;
    const raw = await this.redis.client.get(key);
    if (!raw) throw new ApiError('PAYMENT_SESSION_NOT_FOUND', 'This payment session has expired or was completed.');
    const fields = JSON.parse(raw) as Record<string, string>;
    if (form.action === 'cancel') return this.finish(reply, String(form.session), fields, 'ABORT', 'The user cancelled the transaction.');
    const card = String(form.cardNumber ?? '').replace(/[\s-]/g, '');
    const expiry = /^(\d{2})\/?(\d{2})$/.exec(String(form.expiry ?? '').trim());
    const cv2 = String(form.cv2 ?? '').trim();
    const problem = !/^\d{12,19}$/.test(card)
      ? 'Enter the card number.'
      : !expiry ||
          Number(expiry[1]) < 1 ||
          Number(expiry[1]) > 12 ||
          Number(`20${expiry[2]}`) * 12 + Number(expiry[1]) < new Date().getUTCFullYear() * 12 + new Date().getUTCMonth() + 1
        ? 'Enter an expiry date (MM/YY) that has not passed.'
        : !/^\d{3,4}$/.test(cv2)
          ? 'Enter the 3-digit security code.'
          : !Object.values(SANDBOX_TEST_CARDS).includes(card as never)
            ? 'This is the sandbox: use one of its test cards.'
            : null;
    if (problem) return this.cardPage(reply, String(form.session), fields, problem);
    if (card === SANDBOX_TEST_CARDS.success) return this.finish(reply, String(form.session), fields, 'OK', '0000 : The Authorisation was Successful.');
    if (card === SANDBOX_TEST_CARDS.decline)
      return this.finish(reply, String(form.session), fields, 'NOTAUTHED', '2000 : The Authorisation was Declined by the bank.');
    return this.finish(reply, String(form.session), fields, 'ERROR', '5005 : The authorisation could not be completed (sandbox failure card).');
  }

  @Get()
  about(@Res() reply: HtmlReply): void {
    this.page(
      reply,
      200,
      'Opayo sandbox',
      `<p>The portal's stand-in for the Opayo Form gateway. Test cards: success ${SANDBOX_TEST_CARDS.success}, decline ${SANDBOX_TEST_CARDS.decline}, failure ${SANDBOX_TEST_CARDS.failure}.</p>`,
    );
  }

  /**
   * Opayo's Reporting & Admin API, as far as the portal uses it: getTransactionDetail by
   * vendortxcode, for this vendor's reporting user, signed with that user's password.
   */
  @Post('access/access.htm')
  @HttpCode(200)
  async reporting(@Body() body: Record<string, string> | undefined, @Res() reply: HtmlReply): Promise<void> {
    if (await this.redis.client.exists(SANDBOX_REPORTING_OUTAGE_KEY)) {
      return void reply.status(503).header('Content-Type', 'text/plain; charset=utf-8').header('Cache-Control', 'no-store').send('Service Unavailable');
    }
    const command = readVspaccess(typeof body?.XML === 'string' ? body.XML : '');
    const answer = (fields: [string, string][]) =>
      reply
        .status(200)
        .header('Content-Type', 'application/xml; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(
          `<?xml version="1.0" encoding="UTF-8"?><vspaccess>${fields.map(([n, v]) => `<${n}>${xmlEscape(v)}</${n}>`).join('')}<timestamp>${new Date().toISOString()}</timestamp></vspaccess>`,
        );
    const refuse = (code: string, error: string) =>
      answer([
        ['errorcode', code],
        ['error', error],
      ]);
    if (!command) return refuse('0001', 'The XML command could not be read.');
    const elements = command.elements.filter(([name]) => name !== 'signature');
    const signed = commandElements(command.fields.command ?? '', command.fields.vendor ?? '', command.fields.user ?? '', elements.slice(3));
    const wellFormed = elements.length >= 3 && elements[0][0] === 'command' && elements[1][0] === 'vendor' && elements[2][0] === 'user';
    if (
      !wellFormed ||
      command.fields.vendor !== this.config.OPAYO_VENDOR ||
      command.fields.user !== this.config.OPAYO_REPORTING_USER ||
      !signatureMatches(signed, this.config.OPAYO_REPORTING_PASSWORD, command.fields.signature ?? '')
    ) {
      return refuse('0010', 'The vendor, user or signature is not valid.');
    }
    if (command.fields.command !== GET_TRANSACTION_DETAIL) return refuse('0002', 'The sandbox answers only getTransactionDetail.');
    const raw = command.fields.vendortxcode ? await this.redis.client.get(sandboxTransactionKey(command.fields.vendortxcode)) : null;
    if (!raw) return refuse('0043', 'The transaction was not found.');
    const tx = JSON.parse(raw) as SandboxTransaction;
    return answer([
      ['errorcode', REPORTING_OK],
      ['vpstxid', tx.vpsTxId ?? ''],
      ['vendortxcode', tx.vendorTxCode],
      ['transactiontype', 'Payment'],
      ['txstateid', TX_STATE_OF[tx.state]],
      ['status', tx.detail],
      ['amount', tx.amount],
      ['currency', tx.currency],
      ...(tx.authCode ? ([['vpsauthcode', tx.authCode]] as [string, string][]) : []),
      ['started', tx.startedAt],
    ]);
  }

  private async finish(reply: HtmlReply, session: string, fields: Record<string, string>, status: string, detail: string): Promise<void> {
    await this.redis.client.del(`sandbox-opayo:session:${session}`);
    const txKey = sandboxTransactionKey(fields.VendorTxCode);
    const record = JSON.parse((await this.redis.client.get(txKey)) ?? 'null') as SandboxTransaction | null;
    const state = ({ OK: 'ok', NOTAUTHED: 'notauthed', ABORT: 'abort', ERROR: 'error' } as const)[status as 'OK'];
    const authCode = status === 'OK' ? String(randomBytes(4).readUInt32BE() % 10_000_000_000).padStart(10, '0') : null;
    const vpsTxId = record?.vpsTxId ?? `{${randomUUID().toUpperCase()}}`;
    const settled: SandboxTransaction = {
      ...(record ?? { vendorTxCode: fields.VendorTxCode, amount: fields.Amount, currency: fields.Currency ?? 'GBP', startedAt: new Date().toISOString() }),
      state,
      detail,
      vpsTxId,
      authCode,
    };
    await this.redis.client.set(txKey, JSON.stringify(settled), 'EX', TX_TTL_SECONDS);
    const answer: Record<string, string> = {
      VPSProtocol: OPAYO_PROTOCOL,
      TxType: 'PAYMENT',
      VendorTxCode: fields.VendorTxCode,
      VPSTxId: vpsTxId,
      Status: status,
      StatusDetail: detail,
      Amount: fields.Amount,
      ...(authCode ? { TxAuthNo: authCode } : {}),
      AVSCV2: status === 'OK' ? 'ALL MATCH' : 'NO DATA MATCHES',
    };
    const target = status === 'OK' ? fields.SuccessURL : fields.FailureURL;
    const crypt = encryptCrypt(answer, this.config.OPAYO_ENCRYPTION_PASSWORD);
    const back = `${target}${target.includes('?') ? '&' : '?'}crypt=${crypt}`;
    await this.redis.client.set(`sandbox-opayo:done:${session}`, back, 'EX', SESSION_TTL_SECONDS);
    reply.redirect(back, 303);
  }

  private cardPage(reply: HtmlReply, session: string, fields: Record<string, string>, problem: string | null): void {
    this.page(
      reply,
      problem ? 400 : 200,
      'Opayo sandbox: card details',
      `<p>Pay <strong>£${escapeHtml(fields.Amount)}</strong> to ${escapeHtml(this.config.OPAYO_VENDOR)}: ${escapeHtml(fields.Description ?? '')}</p>
      ${problem ? `<p class="error" role="alert">${escapeHtml(problem)}</p>` : ''}
      <form method="post" action="pay">
        <input type="hidden" name="session" value="${escapeHtml(session)}">
        <label>Card number <input name="cardNumber" autocomplete="cc-number" inputmode="numeric" required></label>
        <label>Expiry date (MM/YY) <input name="expiry" autocomplete="cc-exp" placeholder="MM/YY" required></label>
        <label>Security code <input name="cv2" autocomplete="cc-csc" inputmode="numeric" required></label>
        <button type="submit" name="action" value="pay">Pay now</button>
        <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
      </form>
      <p class="hint">Sandbox test cards: success ${SANDBOX_TEST_CARDS.success}, decline ${SANDBOX_TEST_CARDS.decline}, failure ${SANDBOX_TEST_CARDS.failure}; any future expiry, any 3 digits.</p>`,
    );
  }

  private page(reply: HtmlReply, status: number, title: string, body: string): void {
    reply.status(status).header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-store')
      .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title>
<style>body{font-family:Arial,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1f2933}label{display:block;margin:.75rem 0}input{display:block;width:100%;padding:.4rem;font-size:1rem}button{margin:.75rem .5rem 0 0;padding:.5rem 1rem;font-size:1rem}.error{color:#b00020}.hint{color:#52606d;font-size:.85rem}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
