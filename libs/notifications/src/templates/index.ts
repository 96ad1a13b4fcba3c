import { EmailTemplate } from './email-template';
import { TEST_MESSAGE } from './test-message.template';

/** Every email the portal sends. A lib adds its templates here. */
export const EMAIL_TEMPLATES: readonly EmailTemplate[] = [TEST_MESSAGE];
