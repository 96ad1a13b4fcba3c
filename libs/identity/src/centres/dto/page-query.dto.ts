import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { LimitField, rule } from '../../validation/field-rules';

/** Keyset paging by id: ?cursor=<nextCursor of the previous page>&limit=. */
export class IdPageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @rule('cursor', (v) => (typeof v === 'string' && /^\d{1,10}$/.test(v) ? null : 'cursor must be the nextCursor of a previous page'))
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @LimitField('limit', 200)
  limit?: number;
}
