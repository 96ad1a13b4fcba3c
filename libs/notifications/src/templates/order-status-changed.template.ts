import { EmailTemplate } from './email-template';

/** An order's status changed (paid, in production, dispatched, delivered, cancelled, refunded). */
export const ORDER_STATUS_CHANGED: EmailTemplate = {
  name: 'order-status-changed',
  subject: 'Your order {{orderNumber}} is now {{statusLabel}}',
  html: `<p>Hello {{firstName}},</p>
<p>Your order {{orderNumber}} is now <strong>{{statusLabel}}</strong>.{{#if trackingReference}} Tracking reference: {{trackingReference}}.{{/if}}</p>
{{#if note}}<p>{{note}}</p>{{/if}}
<p><a href="{{orderUrl}}" style="color:#12355b;">See the order</a></p>`,
  text: `Hello {{firstName}},

Your order {{orderNumber}} is now {{statusLabel}}.{{#if trackingReference}} Tracking reference: {{trackingReference}}.{{/if}}
{{#if note}}
{{note}}
{{/if}}
See the order: {{orderUrl}}`,
};
