import { Transform, TransformCallback } from 'node:stream';

/**
 * Between archiver and the file: gathers archiver's many small writes (a zip entry's header is a
 * dozen writes of 2 to 4 bytes) into blocks of `blockBytes`, so the file gets a few large writes,
 * and counts the bytes taken in, so the builder can keep at most a bounded number of bytes queued
 * in archiver (in store mode archiver takes a whole Buffer at once and ignores backpressure: a
 * builder that does not wait buffers the zip in memory).
 */
export class ZipOutput extends Transform {
  /** Bytes taken in from archiver so far. */
  bytesIn = 0;
  private block: Buffer;
  private filled = 0;
  private waiter: { bytes: number; resolve: () => void; reject: (err: Error) => void } | null = null;

  constructor(
    private readonly blockBytes: number,
    bufferedBlocks: number,
  ) {
    // room for several blocks: archiver writes the central directory (a dozen tiny writes per entry) in one go
    // at the end, and each tiny write left waiting costs far more memory than its bytes
    super({ writableHighWaterMark: blockBytes, readableHighWaterMark: blockBytes * bufferedBlocks });
    this.block = Buffer.allocUnsafe(blockBytes);
  }

  /** Resolves once `bytes` bytes in all have been taken in (at once when they have); rejects when the output fails first. */
  taken(bytes: number): Promise<void> {
    if (this.bytesIn >= bytes) return Promise.resolve();
    if (this.destroyed) return Promise.reject(this.errored ?? new Error('The zip output was closed.'));
    return new Promise((resolve, reject) => (this.waiter = { bytes, resolve, reject }));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytesIn += chunk.length;
    let from = 0;
    while (from < chunk.length) {
      const copied = chunk.copy(this.block, this.filled, from);
      this.filled += copied;
      from += copied;
      if (this.filled === this.blockBytes) {
        this.push(this.block);
        this.block = Buffer.allocUnsafe(this.blockBytes);
        this.filled = 0;
      }
    }
    if (this.waiter && this.bytesIn >= this.waiter.bytes) {
      const { resolve } = this.waiter;
      this.waiter = null;
      resolve();
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.filled > 0) this.push(this.block.subarray(0, this.filled));
    done();
  }

  override _destroy(err: Error | null, done: (err: Error | null) => void): void {
    if (this.waiter) {
      const { reject } = this.waiter;
      this.waiter = null;
      reject(err ?? new Error('The zip output was closed.'));
    }
    done(err);
  }
}
