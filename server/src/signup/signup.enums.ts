import { registerEnumType } from 'type-graphql';

export enum SignupFieldType {
  TEXT = 'TEXT',
  TEXTAREA = 'TEXTAREA',
  NUMBER = 'NUMBER',
  PHONE = 'PHONE',
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTI_CHOICE = 'MULTI_CHOICE',
  DATE = 'DATE',
}

export enum SignupFormStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum SignupStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(SignupFieldType, {
  name: 'SignupFieldType',
  valuesConfig: {
    TEXT: { description: '单行文本 (≤ 100 characters)' },
    TEXTAREA: { description: '多行文本 (≤ 1000 characters)' },
    NUMBER: { description: '数字' },
    PHONE: { description: '手机号: mainland mobile, 11 digits starting with 1' },
    SINGLE_CHOICE: { description: '单选: value is one of options' },
    MULTI_CHOICE: { description: '多选: values are options' },
    DATE: { description: '日期: YYYY-MM-DD' },
  },
});

registerEnumType(SignupFormStatus, {
  name: 'SignupFormStatus',
  valuesConfig: { OPEN: { description: '报名中' }, CLOSED: { description: '已截止: past the deadline or closed by an admin' } },
});

registerEnumType(SignupStatus, {
  name: 'SignupStatus',
  valuesConfig: {
    CONFIRMED: { description: '已报名' },
    WAITLISTED: { description: '候补: see position' },
    CANCELLED: { description: '已取消' },
  },
});
