import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError } from '../errors/api-error';

const MAX_ID = 4294967295; // INT UNSIGNED

/**
 * An id in the path: a positive whole number that fits the id columns, else 400 naming the
 * parameter. (The global validation pipe may already have turned the text into a number.)
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string | number, number> {
  transform(value: string | number, metadata: { data?: string }): number {
    const name = metadata.data ?? 'id';
    const id = typeof value === 'number' ? value : /^\d{1,10}$/.test(value ?? '') ? Number(value) : NaN;
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) {
      const message = `${name} must be a positive whole number`;
      throw new ApiError('VALIDATION_FAILED', { message, fieldErrors: { [name]: [message] } });
    }
    return id;
  }
}
