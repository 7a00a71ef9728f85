import { registerEnumType } from 'type-graphql';

export enum QuestionType {
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTI_CHOICE = 'MULTI_CHOICE',
  TEXT = 'TEXT',
}

export enum ApplicationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(QuestionType, {
  name: 'QuestionType',
  valuesConfig: { SINGLE_CHOICE: { description: '单选' }, MULTI_CHOICE: { description: '多选' }, TEXT: { description: '文字' } },
});

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  valuesConfig: {
    PENDING: { description: '待审核' },
    APPROVED: { description: '已通过: the member is ACTIVE' },
    REJECTED: { description: '未通过: see rejectReason; the applicant may answer again' },
  },
});
