import { FileStorage } from '@achievement/platform';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/** Whether the file storage (PDFs, zips) can be used, within 1.5 s. */
@Injectable()
export class StorageHealthIndicator {
  constructor(
    private readonly storage: FileStorage,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'storage'): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.storage.check(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer within 1.5s')), 1500);
        }),
      ]);
      return session.up();
    } catch (err) {
      return session.down({ message: (err as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
