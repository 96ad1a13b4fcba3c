import { AppConfig } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { GET_TRANSACTION_DETAIL, readVspaccess, signedCommand } from './opayo-reporting-protocol';
import { GatewayUnavailableError } from './payment-gateway';

/** Where the built-in sandbox takes Reporting API commands (under the api's /api prefix). */
export const SANDBOX_REPORTING_PATH = '/api/sandbox/opayo/access/access.htm';

/** How long a look-up may take before the payment is left to be checked again later. */
export const REPORTING_TIMEOUT_MS = 10_000;

/**
 * A thin client of Opayo's Reporting & Admin API on fetch: signs a command with the reporting
 * user's password, posts it, and gives back the answer's simple fields. Anything but a readable
 * <vspaccess> answer (no connection, a timeout, a 5xx, another page) is a GatewayUnavailableError.
 */
@Injectable()
export class OpayoReportingClient {
  private readonly url: string;

  constructor(private readonly config: AppConfig) {
    this.url = config.OPAYO_REPORTING_URL || `${config.PUBLIC_URL.replace(/\/+$/, '')}${SANDBOX_REPORTING_PATH}`;
  }

  /** getTransactionDetail by our VendorTxCode: the gateway's own record of that transaction. */
  transactionDetail(vendorTxCode: string): Promise<Record<string, string>> {
    return this.send(GET_TRANSACTION_DETAIL, [['vendortxcode', vendorTxCode]]);
  }

  private async send(command: string, params: [string, string][]): Promise<Record<string, string>> {
    const xml = signedCommand(command, this.config.OPAYO_VENDOR, this.config.OPAYO_REPORTING_USER, this.config.OPAYO_REPORTING_PASSWORD, params);
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/xml, text/xml' },
        body: new URLSearchParams({ XML: xml }).toString(),
        redirect: 'error',
        signal: AbortSignal.timeout(REPORTING_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (err) {
      throw new GatewayUnavailableError(
        `the Reporting API could not be reached: ${(err as Error).name === 'TimeoutError' ? `no answer in ${REPORTING_TIMEOUT_MS} ms` : (err as Error).message}`,
      );
    }
    if (!response.ok) throw new GatewayUnavailableError(`the Reporting API answered HTTP ${response.status}`);
    const answer = readVspaccess(text);
    if (!answer || answer.fields.errorcode === undefined)
      throw new GatewayUnavailableError('the Reporting API answered something that is not a vspaccess answer');
    return answer.fields;
  }
}
