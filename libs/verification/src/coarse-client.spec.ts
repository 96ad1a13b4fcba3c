import { coarseClient, truncatedAddress } from './coarse-client';

describe('coarseClient', () => {
  it('names the browser family and platform and truncates the address to its /24 or /48', () => {
    const chromeAndroid = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
    expect(coarseClient(chromeAndroid, '203.0.113.77')).toBe('Chrome on Android, 203.0.113.0/24');
    const safariIphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
    expect(coarseClient(safariIphone, '2001:db8:abcd:12::1')).toBe('Safari on iOS, 2001:db8:abcd::/48');
    const edge = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
    expect(coarseClient(edge, '::ffff:10.1.2.3')).toBe('Edge on Windows, 10.1.2.0/24');
    expect(coarseClient(undefined, undefined)).toBe('Unknown browser on unknown platform, unknown address');
  });

  it('expands a shortened IPv6 address before truncating it', () => {
    expect(truncatedAddress('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(truncatedAddress('::1')).toBe('0:0:0::/48');
  });
});
