import { TestBed } from '@angular/core/testing';
import { GatewayRedirect } from './gateway-redirect.service';

describe('GatewayRedirect', () => {
  afterEach(() => vi.restoreAllMocks());

  it("posts a form with the gateway's hidden fields to its action", () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    TestBed.inject(GatewayRedirect).post({
      action: 'https://sandbox.example/api/sandbox/opayo/vspform-register.vsp',
      fields: { VPSProtocol: '3.00', Vendor: 'sandbox', Crypt: '@0a1b' },
    });
    expect(submit).toHaveBeenCalledTimes(1);
    const posted = submit.mock.contexts[0] as HTMLFormElement | undefined;
    expect(posted?.method).toBe('post');
    expect(posted?.action).toBe('https://sandbox.example/api/sandbox/opayo/vspform-register.vsp');
    const fields = Array.from(posted!.querySelectorAll('input')).map((input) => [input.type, input.name, input.value]);
    expect(fields).toEqual([
      ['hidden', 'VPSProtocol', '3.00'],
      ['hidden', 'Vendor', 'sandbox'],
      ['hidden', 'Crypt', '@0a1b'],
    ]);
    expect(posted?.isConnected).toBe(true);
    posted?.remove();
  });
});
