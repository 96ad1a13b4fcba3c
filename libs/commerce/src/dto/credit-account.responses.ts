import { CreditAccount, CreditLedgerEntry } from '@achievement/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** The kinds of CreditLedgerEntry: the contract's union has no list of its own; `satisfies` keeps this one exactly in step with it. */
const CREDIT_LEDGER_KINDS = Object.keys({ order: true, payment: true, cancellation: true, adjustment: true } satisfies Record<CreditLedgerEntry['kind'], true>);

class CreditAccountCentreDto {
  @ApiProperty() id: number;
  @ApiProperty() number: string;
  @ApiProperty() name: string;
}

export class CreditAccountDto implements CreditAccount {
  @ApiProperty({ type: CreditAccountCentreDto }) centre: CreditAccountCentreDto;
  @ApiProperty() limitPence: number;
  @ApiProperty({ description: 'what the centre owes now' }) owedPence: number;
  @ApiProperty() open: boolean;
}

/** GET /api/admin/credit-accounts/:centreId/ledger: a change of what the centre owes (newest first). */
export class CreditLedgerEntryDto implements CreditLedgerEntry {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: CREDIT_LEDGER_KINDS }) kind: CreditLedgerEntry['kind'];
  @ApiProperty({ description: 'positive: owed more; negative: owed less' }) amountPence: number;
  @ApiProperty() owedAfterPence: number;
  @ApiProperty({ type: String, nullable: true }) orderNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}
