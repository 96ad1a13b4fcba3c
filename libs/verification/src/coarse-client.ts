import { isIPv4, isIPv6 } from 'node:net';

/**
 * A coarse description of a client, kept in the verification log: the browser family, the
 * platform and the address truncated to its /24 (IPv4) or /48 (IPv6) network, e.g.
 * "Chrome on Android, 203.0.113.0/24". Enough to see patterns, not enough to single a person out.
 */
export function coarseClient(userAgent: string | undefined, address: string | undefined): string {
  const key = `${userAgent ?? ''}\n${address ?? ''}`;
  let described = recent.get(key);
  if (described === undefined) {
    described = `${browserOf(userAgent ?? '')} on ${platformOf(userAgent ?? '')}, ${truncatedAddress(address)}`.slice(0, 120);
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(key, described);
  }
  return described;
}

/** Clients seen lately (the same phone scans again and again): their descriptions, so the patterns below run once per client. */
const recent = new Map<string, string>();
const RECENT_MAX = 2000;

/** The coarse client of a request (its User-Agent and client address), as the verification log keeps it. */
export function verifyingClientOf(req: { ip?: string; headers: Record<string, string | string[] | undefined> }): { client: string } {
  const ua = req.headers['user-agent'];
  return { client: coarseClient(typeof ua === 'string' ? ua : undefined, req.ip) };
}

export function browserOf(ua: string): string {
  if (!ua) return 'Unknown browser';
  if (/\bEdg(e|A|iOS)?\//.test(ua)) return 'Edge';
  if (/\b(OPR|Opera)\//.test(ua)) return 'Opera';
  if (/\bSamsungBrowser\//.test(ua)) return 'Samsung Internet';
  if (/\b(Firefox|FxiOS)\//.test(ua)) return 'Firefox';
  if (/\b(Chrome|CriOS|Chromium)\//.test(ua)) return 'Chrome';
  if (/\bVersion\/[\d.]+.*Safari\//.test(ua) || /\bAppleWebKit\/.*Mobile\//.test(ua)) return 'Safari';
  if (/^curl\//i.test(ua)) return 'curl';
  if (/bot|crawler|spider/i.test(ua)) return 'Bot';
  return 'Other browser';
}

export function platformOf(ua: string): string {
  if (!ua) return 'unknown platform';
  if (/\b(iPhone|iPad|iPod)\b/.test(ua)) return 'iOS';
  if (/\bAndroid\b/.test(ua)) return 'Android';
  if (/\bCrOS\b/.test(ua)) return 'ChromeOS';
  if (/\bWindows\b/.test(ua)) return 'Windows';
  if (/\bMac OS X\b|\bMacintosh\b/.test(ua)) return 'macOS';
  if (/\bLinux\b/.test(ua)) return 'Linux';
  return 'other platform';
}

/** The client address truncated to its /24 (IPv4) or /48 (IPv6) network. */
export function truncatedAddress(address: string | undefined): string {
  if (!address) return 'unknown address';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  if (isIPv4(ip)) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(ip)) return `${expandIPv6(ip).slice(0, 3).join(':')}::/48`;
  return 'unknown address';
}

function expandIPv6(ip: string): string[] {
  const noZone = ip.split('%')[0];
  const [head, tail] = noZone.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - h.length - t.length;
  return [...h, ...Array(missing).fill('0'), ...t].map((g) => (g.includes('.') ? g : g.toLowerCase().replace(/^0+(?=.)/, '')));
}
