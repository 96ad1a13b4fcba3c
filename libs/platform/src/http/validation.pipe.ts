import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from '../errors/api-error';

/**
 * Global validation: unknown fields are rejected, values are converted to their declared types,
 * and every problem is reported per field so a form can show it beside the input.
 */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fieldErrors: Record<string, string[]> = {};
      collect(errors, '', fieldErrors);
      const message = Object.values(fieldErrors).flat().join('; ') || 'The request is not valid.';
      return new ApiError('VALIDATION_FAILED', { message, fieldErrors });
    },
  });
}

function collect(errors: ValidationError[], prefix: string, into: Record<string, string[]>): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      into[path] = Object.entries(error.constraints).map(([name, text]) =>
        name === 'whitelistValidation' ? `${path} is not a field this request accepts` : text,
      );
    }
    if (error.children?.length) collect(error.children, path, into);
  }
}

/** A request body described by a DTO must be a JSON object: an array or a bare value is refused as such. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = typeof metadata.metatype === 'function' && ![String, Number, Boolean, Array, Object].includes(metadata.metatype as never);
    if (metadata.type === 'body' && isDto && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ApiError('VALIDATION_FAILED', 'The request body must be a JSON object.');
    }
    return super.transform(value, metadata);
  }
}
