import { Public } from '@achievement/platform';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheckResultDto } from './dto/health-check-result.dto';
import { RedisHealthIndicator } from './redis.health';
import { StorageHealthIndicator } from './storage.health';
import { ApiError } from '@achievement/platform';

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly storage: StorageHealthIndicator,
  ) {}

  /**
   * 200 when the database, Redis and the file storage answer; else 503 in the one error shape
   * (with Retry-After), its message naming the parts that do not answer and `details` saying of
   * each part whether it is up or down.
   */
  @Get()
  @Public()
  @SkipThrottle()
  @ApiOkResponse({ type: HealthCheckResultDto, description: '{ status: "ok", info, error, details }: every part is up' })
  @ApiServiceUnavailableResponse({ description: 'The error shape with `details`: { database | redis | storage: { status: "up" | "down", message? } }' })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1500 }),
        () => this.redis.check('redis'),
        () => this.storage.check('storage'),
      ]);
    } catch (err) {
      const result = err instanceof ServiceUnavailableException ? (err.getResponse() as Partial<HealthCheckResult>) : undefined;
      if (!result?.details) throw err;
      const down = Object.entries(result.details)
        .filter(([, part]) => part.status !== 'up')
        .map(([name]) => name);
      throw new ApiError('SERVICE_UNAVAILABLE', { message: `Not answering: ${down.join(', ')}.`, details: result.details });
    }
  }
}
