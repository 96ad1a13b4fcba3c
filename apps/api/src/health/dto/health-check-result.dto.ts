import { ApiProperty, ApiPropertyOptional, SchemaObject } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckStatus, HealthIndicatorResult, HealthIndicatorStatus } from '@nestjs/terminus';

/** Every value of terminus's HealthCheckStatus and HealthIndicatorStatus (the compiler checks none is missing). */
const CHECK_STATUSES = Object.keys({ ok: true, error: true, shutting_down: true } satisfies Record<HealthCheckStatus, true>);
const PART_STATUSES = Object.keys({ up: true, down: true } satisfies Record<HealthIndicatorStatus, true>);

/** One part (database, redis, storage) of terminus's HealthIndicatorResult: whether it is up, and what its indicator adds. */
const PART: SchemaObject = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: PART_STATUSES },
    message: { type: 'string', description: 'why the part is down' },
  },
  additionalProperties: true,
};

/** GET /api/health: terminus's HealthCheckResult when every part answers. */
export class HealthCheckResultDto implements HealthCheckResult {
  @ApiProperty({ enum: CHECK_STATUSES, description: 'ok in a 200 answer' }) status: HealthCheckStatus;
  @ApiPropertyOptional({ type: 'object', additionalProperties: PART, description: 'the parts that are up' }) info?: HealthIndicatorResult;
  @ApiPropertyOptional({ type: 'object', additionalProperties: PART, description: 'the parts that are down (none in a 200 answer)' })
  error?: HealthIndicatorResult;
  @ApiProperty({ type: 'object', additionalProperties: PART, description: 'every part' }) details: HealthIndicatorResult;
}
