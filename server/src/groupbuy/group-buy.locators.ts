import { communityOfRow } from '../auth/community-role.guard';

/** For admin operations keyed by `groupBuyId`. */
export const groupBuyCommunity = communityOfRow('group_buy', 'groupBuyId');

/** For admin operations keyed by `entryId`. */
export const groupBuyEntryCommunity = communityOfRow('group_buy_entry', 'entryId');
