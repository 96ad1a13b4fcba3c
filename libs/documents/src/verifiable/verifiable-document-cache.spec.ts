import { Clock } from '@achievement/platform';
import { VerifiableDocument } from './verifiable-document';
import { CACHE_MAX_ENTRIES, CACHE_TTL_MS, VerifiableDocumentCache } from './verifiable-document-cache';
import { VerifiableChange, VerifiableChangeListener, VerifiableChanges } from './verifiable-changes';

class MovableClock extends Clock {
  constructor(private at: number) {
    super();
  }
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** The changes as the cache sees them: whether this process is subscribed, and the announcements. */
class ChangeFeed {
  live = true;
  private listener: VerifiableChangeListener | undefined;
  onChange(listener: VerifiableChangeListener): void {
    this.listener = listener;
  }
  announce(change: VerifiableChange): void {
    this.listener?.(change);
  }
}

function doc(code: string, status: VerifiableDocument['status'] = 'valid'): VerifiableDocument {
  return {
    id: 1,
    verificationCode: code,
    status,
    revokedAt: null,
    currentVersionCode: null,
    learnerName: 'Ada Lovelace',
    qualificationCode: '603/7506/5',
    qualificationTitle: 'Level 3 Diploma',
    type: 'certificate',
    grade: 'Merit',
    awardDate: '2025-07-14',
    centreNumber: 'C1',
    centreName: 'College',
    documentNumber: 'D1',
    issuedAt: new Date(0),
    displayOnVerify: true,
    rendered: true,
  };
}

describe('VerifiableDocumentCache', () => {
  let clock: MovableClock;
  let feed: ChangeFeed;
  let cache: VerifiableDocumentCache;

  beforeEach(() => {
    clock = new MovableClock(Date.UTC(2026, 10, 29, 12));
    feed = new ChangeFeed();
    cache = new VerifiableDocumentCache(feed as unknown as VerifiableChanges, clock);
  });

  it('answers a code read a moment ago, until its time is up', () => {
    cache.keep(cache.startRead(), doc('A'));
    expect(cache.get('A')?.status).toBe('valid');
    clock.advance(CACHE_TTL_MS - 1);
    expect(cache.get('A')).toBeDefined();
    clock.advance(1);
    expect(cache.get('A')).toBeUndefined();
  });

  it('drops the announced codes at once, or everything', () => {
    cache.keep(cache.startRead(), doc('A'));
    cache.keep(cache.startRead(), doc('B'));
    feed.announce({ codes: ['A'] });
    expect(cache.get('A')).toBeUndefined();
    expect(cache.get('B')).toBeDefined();
    feed.announce({ all: true });
    expect(cache.get('B')).toBeUndefined();
  });

  it('does not keep a read that was under way when a change was announced (its row may be older than the change)', () => {
    const started = cache.startRead();
    feed.announce({ codes: ['other'] });
    cache.keep(started, doc('A'));
    expect(cache.get('A')).toBeUndefined();
    cache.keep(cache.startRead(), doc('A', 'revoked'));
    expect(cache.get('A')?.status).toBe('revoked');
  });

  it('neither keeps nor answers while this process is not hearing the changes', () => {
    cache.keep(cache.startRead(), doc('A'));
    feed.live = false;
    expect(cache.get('A')).toBeUndefined();
    cache.keep(cache.startRead(), doc('B'));
    feed.live = true;
    expect(cache.get('B')).toBeUndefined();
  });

  it('keeps at most its bound, letting the oldest go', () => {
    for (let i = 0; i <= CACHE_MAX_ENTRIES; i++) cache.keep(cache.startRead(), doc(`C${i}`));
    expect(cache.size).toBe(CACHE_MAX_ENTRIES);
    expect(cache.get('C0')).toBeUndefined();
    expect(cache.get(`C${CACHE_MAX_ENTRIES}`)).toBeDefined();
  });
});
