import { communityOfRow } from '../auth/community-role.guard';

/** For admin operations keyed by `applicationId`; null when there is no such application. */
export const applicationCommunity = communityOfRow('membership_application', 'applicationId');
