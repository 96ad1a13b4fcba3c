import { EmailTemplate } from './email-template';

/**
 * The learner accepted or declined a third party's request. A decline names the learner only by
 * what the third party typed (requestedAs): the learner's name is theirs to give, by sharing.
 */
export const CONNECTION_REQUEST_ANSWERED: EmailTemplate = {
  name: 'connection-request-answered',
  subject: '{{#if accepted}}{{learnerName}} has shared documents with you{{else}}Your request for {{requestedAs}} was declined{{/if}}',
  html: `<p>Hello {{thirdPartyName}},</p>
{{#if accepted}}<p>{{learnerName}} accepted your request and has shared {{documentCount}} {{#if single}}document{{else}}documents{{/if}} with you on the {{appName}}, until {{accessEnds}}.</p>
<p><a href="{{sharedUrl}}" style="color:#12355b;">See the shared documents</a></p>{{else}}<p>The learner you asked for ({{requestedAs}}) declined your request to see their documents on the {{appName}}. Nothing has been shared on this request.</p>{{/if}}`,
  text: `Hello {{thirdPartyName}},

{{#if accepted}}{{learnerName}} accepted your request and has shared {{documentCount}} {{#if single}}document{{else}}documents{{/if}} with you on the {{appName}}, until {{accessEnds}}.

See the shared documents: {{sharedUrl}}{{else}}The learner you asked for ({{requestedAs}}) declined your request to see their documents on the {{appName}}. Nothing has been shared on this request.{{/if}}`,
};
