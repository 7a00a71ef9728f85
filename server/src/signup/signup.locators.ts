import { communityOfRow } from '../auth/community-role.guard';

/** For admin operations keyed by `formId`; null when there is no such form. */
export const signupFormCommunity = communityOfRow('signup_form', 'formId');
