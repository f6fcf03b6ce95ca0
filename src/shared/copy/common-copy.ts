import { live } from '../i18n/messages';

/** Words every window uses (and the check-in question). Invite, never instruct; every screen has a way out. Words: messages/<locale>/common.json. */
export const commonCopy = /* @__PURE__ */ live('common');
