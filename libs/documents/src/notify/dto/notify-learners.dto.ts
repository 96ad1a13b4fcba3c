import { NotifyLearnersResponse } from '@achievement/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { OptionalBoolean, rule } from '../../records/dto/field-rules';
import { RecordSelectionDto } from '../../records/dto/records.dto';

export class NotifyLearnersDto {
  @ApiProperty({ type: RecordSelectionDto })
  @rule('selection', (v) => (v && typeof v === 'object' && !Array.isArray(v) ? null : 'selection must be { ids } or { filter, exceptIds }'))
  @ValidateNested()
  @Type(() => RecordSelectionDto)
  selection: RecordSelectionDto;

  @ApiPropertyOptional({ description: 'notify again documents notified within the last 24 hours' })
  @OptionalBoolean('confirmRecent')
  confirmRecent?: boolean;
}

export class NotifyLearnersResponseDto implements NotifyLearnersResponse {
  @ApiProperty() learnersNotified: number;
  @ApiProperty() documentsNotified: number;
  @ApiProperty() documentsWithoutEmail: number;
  @ApiProperty() documentsNotValid: number;
}
