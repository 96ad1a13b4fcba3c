import { EmailTemplate } from './email-template';

/** A learner registration whose enrolment number and date of birth matched no record (the page answers the same either way). */
export const LEARNER_REGISTRATION_UNMATCHED: EmailTemplate = {
  name: 'learner-registration-unmatched',
  subject: 'We could not find your documents on the {{appName}}',
  html: `<p>Hello,</p>
<p>Someone, probably you, tried to register this email address as a learner on the {{appName}}. We could not find documents issued to the enrolment number and date of birth that were given, so no account was made.</p>
<p>Check the enrolment number on your certificate or in the email from your centre, and your date of birth, then try again. If your centre has not yet issued your documents, ask them when they will.</p>
<p><a href="{{registerUrl}}" style="color:#12355b;">Register as a learner</a></p>
<p>If it was not you, you can ignore this email.</p>`,
  text: `Hello,

Someone, probably you, tried to register this email address as a learner on the {{appName}}. We could not find documents issued to the enrolment number and date of birth that were given, so no account was made.

Check the enrolment number on your certificate or in the email from your centre, and your date of birth, then try again. If your centre has not yet issued your documents, ask them when they will.

Register as a learner: {{registerUrl}}

If it was not you, you can ignore this email.`,
};
