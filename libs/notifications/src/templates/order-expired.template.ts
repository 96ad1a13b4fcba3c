import { EmailTemplate } from './email-template';

/** A card order was not paid in time and expired; nothing was charged, the basket keeps its items. */
export const ORDER_EXPIRED: EmailTemplate = {
  name: 'order-expired',
  subject: 'Your order {{orderNumber}} was not paid and has expired',
  html: `<p>Hello {{firstName}},</p>
<p>Your order {{orderNumber}} ({{total}} including VAT) was not paid by card within {{hours}} hours, so it has expired. Nothing was charged and nothing will be printed.</p>
<p>The documents are still in your basket: check out again whenever you are ready.</p>
<p><a href="{{basketUrl}}" style="color:#12355b;">Go to your basket</a></p>`,
  text: `Hello {{firstName}},

Your order {{orderNumber}} ({{total}} including VAT) was not paid by card within {{hours}} hours, so it has expired. Nothing was charged and nothing will be printed.

The documents are still in your basket: check out again whenever you are ready.

Go to your basket: {{basketUrl}}`,
};
