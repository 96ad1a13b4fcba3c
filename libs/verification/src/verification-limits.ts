import { Transform } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^\d+$/.test(String(value).trim()) ? Number(value) : value);

/**
 * The rate limits of the public verification routes, per client address and minute, read from the
 * environment (VERIFY_LOOKUPS_PER_MINUTE, VERIFY_UPLOADS_PER_MINUTE) and validated at start.
 */
export class VerificationLimits {
  /** GET /api/verify/:code and its document */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  VERIFY_LOOKUPS_PER_MINUTE = 60;

  /** POST /api/verify/pdf */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  VERIFY_UPLOADS_PER_MINUTE = 10;

  static fromEnvironment(env: NodeJS.ProcessEnv = process.env, overrides: Partial<VerificationLimits> = {}): VerificationLimits {
    const plain: Record<string, unknown> = {};
    for (const key of ['VERIFY_LOOKUPS_PER_MINUTE', 'VERIFY_UPLOADS_PER_MINUTE'] as const) {
      if (env[key] !== undefined) plain[key] = env[key];
    }
    const limits = plainToInstance(VerificationLimits, {
      ...plain,
      ...overrides,
    });
    const errors = validateSync(limits);
    if (errors.length) {
      throw new Error(`Invalid verification settings: ${errors.map((e) => `${e.property} must be a whole number from 1 to 10000000`).join('; ')}`);
    }
    return limits;
  }
}
