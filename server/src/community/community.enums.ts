import { registerEnumType } from 'type-graphql';

export enum CommunityCategory {
  PRODUCT_SERVICE = 'PRODUCT_SERVICE',
  INTEREST = 'INTEREST',
  LEARNING = 'LEARNING',
  PERKS = 'PERKS',
}

export enum JoinPolicy {
  OPEN = 'OPEN',
  QUESTIONNAIRE = 'QUESTIONNAIRE',
  CLOSED = 'CLOSED',
  INVITE = 'INVITE',
}

registerEnumType(CommunityCategory, {
  name: 'CommunityCategory',
  valuesConfig: {
    PRODUCT_SERVICE: { description: '产品服务群' },
    INTEREST: { description: '兴趣社群' },
    LEARNING: { description: '培训学习群' },
    PERKS: { description: '福利通知群' },
  },
});

registerEnumType(JoinPolicy, {
  name: 'JoinPolicy',
  valuesConfig: {
    OPEN: { description: 'Anyone with the link or a group card becomes an active member at once' },
    QUESTIONNAIRE: { description: 'New members are applicants until the entry questionnaire passes or an admin approves' },
    CLOSED: { description: 'No new members' },
    INVITE: { description: "邀请制: only a member's personal invite admits (the public join code does not); invitees become active at once" },
  },
});
