import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskStorage } from './local-disk-storage';

describe('LocalDiskStorage', () => {
  const root = mkdtempSync(join(tmpdir(), 'ap-storage-'));
  const storage = new LocalDiskStorage(root);

  afterAll(() => rm(root, { recursive: true, force: true }));

  it('stores, reads whole or a byte range, and deletes a file', async () => {
    const info = await storage.put('documents/12/345.pdf', Buffer.from('%PDF-1.7 hello'));
    expect(info.size).toBe(14);
    expect((await storage.readAll('documents/12/345.pdf')).toString()).toBe('%PDF-1.7 hello');
    const chunks: Buffer[] = [];
    for await (const c of storage.read('documents/12/345.pdf', { start: 9, end: 13 })) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello');
    await storage.delete('documents/12/345.pdf');
    expect(await storage.stat('documents/12/345.pdf')).toBeNull();
  });

  it('reads several files at once, in order, and names a missing one', async () => {
    await storage.put('many/a.pdf', Buffer.from('first'));
    await storage.put('many/b.pdf', Buffer.from('second'));
    expect((await storage.readMany(['many/b.pdf', 'many/a.pdf', 'many/b.pdf'])).map((b) => b.toString())).toEqual(['second', 'first', 'second']);
    await expect(storage.readMany(['many/a.pdf', 'many/gone.pdf'])).rejects.toMatchObject({ code: 'ENOENT', key: 'many/gone.pdf' });
    await expect(storage.readMany(['../escape.pdf'])).rejects.toThrow();
  });

  it('leaves no partial file behind when the source stream fails', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('source broke'));
      },
    });
    await expect(storage.put('zips/1.zip', failing)).rejects.toThrow('source broke');
    expect(await storage.stat('zips/1.zip')).toBeNull();
    expect(readdirSync(join(root, 'zips'))).toEqual([]);
  });

  it('removes the temporary files of unfinished writes: of one key, or of a folder not written to since a time', async () => {
    await storage.put('zips/7/17.zip', Buffer.from('whole'));
    mkdirSync(join(root, 'zips/8'), { recursive: true });
    const partial = (name: string, ageMs: number) => {
      writeFileSync(join(root, name), 'half');
      const at = new Date(Date.now() - ageMs);
      utimesSync(join(root, name), at, at);
    };
    partial('zips/7/17.zip.dead.partial', 0);
    partial('zips/7/171.zip.other.partial', 0);
    partial('zips/8/3.zip.old.partial', 3_600_000);
    partial('zips/8/4.zip.fresh.partial', 0);

    expect(await storage.removeUnfinishedWrites('zips/7/17.zip')).toBe(1);
    expect(readdirSync(join(root, 'zips/7')).sort()).toEqual(['17.zip', '171.zip.other.partial']);
    expect(await storage.removeUnfinishedWrites('zips/', new Date(Date.now() - 60_000))).toBe(1);
    expect(readdirSync(join(root, 'zips/8'))).toEqual(['4.zip.fresh.partial']);
    expect(await storage.removeUnfinishedWrites('zips/')).toBe(2);
    expect(readdirSync(join(root, 'zips/7'))).toEqual(['17.zip']);
    expect(await storage.removeUnfinishedWrites('nothing/here/')).toBe(0);
  });

  it.each(['../etc/passwd', '/abs/path', 'a/../../b', 'Upper/Case.pdf', 'name with space.pdf', 'a//b', ''])('refuses the key %j', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/Invalid storage key/);
  });
});
