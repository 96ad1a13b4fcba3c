import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * Global validation: unknown fields are rejected, values are converted to their declared types,
 * and every problem is reported per field so a form can show it beside the input.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fieldErrors: Record<string, string[]> = {};
      collect(errors, '', fieldErrors);
      const message = Object.values(fieldErrors).flat().join('; ') || 'The request is not valid.';
      return new BadRequestException({ message, fieldErrors });
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
