import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError } from '@achievement/platform';

const MAX_ID = 4294967295; // INT UNSIGNED

/** A download id in the path: a positive whole number that fits the id column, else 400. */
@Injectable()
export class DownloadIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = /^\d{1,10}$/.test(value ?? '') ? Number(value) : NaN;
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) {
      const message = 'id must be a positive whole number';
      throw new ApiError('VALIDATION_FAILED', {
        message,
        fieldErrors: { id: [message] },
      });
    }
    return id;
  }
}
