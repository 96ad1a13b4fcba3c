import { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

/**
 * Talks to an api app in-process (Fastify inject: the full HTTP stack, no socket), keeping cookies
 * like a browser and echoing the anti-CSRF cookie in X-XSRF-TOKEN on writes like the Angular client.
 */
export class ApiClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly app: NestFastifyApplication) {}

  /** A test reads the JSON it asserts on: the body's type is the test's to name (as with `request<T>`). */
  get<T = any>(url: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('GET', url, undefined, headers);
  }

  post<T = any>(url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', url, body, headers);
  }

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    if (method !== 'GET' && method !== 'HEAD' && !this.cookies.has('XSRF-TOKEN')) await this.get('/api/auth/session');
    const allHeaders: Record<string, string> = { ...headers };
    if (this.cookies.size) allHeaders.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && method !== 'HEAD' && this.cookies.has('XSRF-TOKEN') && !('x-xsrf-token' in headers)) {
      allHeaders['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN')!;
    }
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: allHeaders,
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    });
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0 || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, headers: res.headers as ApiResponse['headers'], body: parsed as T, text: res.body };
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async signIn(email: string, password: string): Promise<ApiResponse> {
    const res = await this.post('/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`Sign-in as ${email} failed: ${res.status} ${res.text}`);
    return res;
  }
}
