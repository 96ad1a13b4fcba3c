import { EmailTemplate } from './email-template';

/** An order of printed copies was placed. */
export const ORDER_PLACED: EmailTemplate = {
  name: 'order-placed',
  subject: 'Your order {{orderNumber}} has been placed',
  html: `<p>Hello {{firstName}},</p>
<p>Thank you: your order {{orderNumber}} of {{itemCount}} printed {{#if single}}copy{{else}}copies{{/if}} ({{total}} including VAT) has been placed.</p>
<p>{{#if card}}As soon as the card payment is confirmed we start printing.{{else}}It is charged to your centre's credit account and will be on the centre's monthly invoice.{{/if}} We will email you when its status changes.</p>
<p><a href="{{orderUrl}}" style="color:#12355b;">See the order</a></p>`,
  text: `Hello {{firstName}},

Thank you: your order {{orderNumber}} of {{itemCount}} printed {{#if single}}copy{{else}}copies{{/if}} ({{total}} including VAT) has been placed.

{{#if card}}As soon as the card payment is confirmed we start printing.{{else}}It is charged to your centre's credit account and will be on the centre's monthly invoice.{{/if}} We will email you when its status changes.

See the order: {{orderUrl}}`,
};
