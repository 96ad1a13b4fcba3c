/** TRUST_PROXY as Fastify's trustProxy: false, true, a hop count, or the trusted addresses/ranges. */
export function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
