import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';
import { GatewayForm } from '@achievement/contracts';

/**
 * Sends the browser to the card gateway's hosted page: a plain form post (Opayo Form protocol)
 * with the fields the API prepared. The page is left, so nothing runs after it.
 */
@Injectable({ providedIn: 'root' })
export class GatewayRedirect {
  private readonly document = inject(DOCUMENT);

  post(gateway: GatewayForm): void {
    const form = this.document.createElement('form');
    form.method = 'post';
    form.action = gateway.action;
    form.hidden = true;
    for (const [name, value] of Object.entries(gateway.fields)) {
      const input = this.document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.appendChild(input);
    }
    this.document.body.appendChild(form);
    form.submit();
  }
}
