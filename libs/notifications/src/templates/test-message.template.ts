import { EmailTemplate } from './email-template';

/** Sent by an administrator from the Email log to check that email delivery works. */
export const TEST_MESSAGE: EmailTemplate = {
  name: 'test-message',
  subject: 'Test email from {{appName}}',
  html: `<p>Hello,</p>
<p>This is a test email sent by {{requestedBy}} from the Email log of {{appName}} to check that email delivery works.</p>
<p><a href="{{emailLogUrl}}" style="color:#12355b;">Open the Email log</a></p>`,
  text: `Hello,

This is a test email sent by {{requestedBy}} from the Email log of {{appName}} to check that email delivery works.

Open the Email log: {{emailLogUrl}}`,
};
