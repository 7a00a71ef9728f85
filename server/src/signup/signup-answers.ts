import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { CHOICE_TYPES, SignupAnswerSnapshot, SignupFieldDefinition } from './signup-field';
import { SignupFieldType } from './signup.enums';
import { InvalidSignupAnswer, SignupAnswerInput } from './signup.types';

dayjs.extend(customParseFormat);

const MAX_LENGTH: Partial<Record<SignupFieldType, number>> = {
  [SignupFieldType.TEXT]: 100,
  [SignupFieldType.TEXTAREA]: 1000,
};
const MAINLAND_MOBILE = /^1\d{10}$/;
const NUMBER = /^-?\d{1,12}(\.\d{1,4})?$/;

/**
 * Every answer checked against its field: known field, once, required ones present, the value
 * of the field's type, choices among its options, lengths within limits. The first problem is
 * refused with the field's id and a message that names it; otherwise the snapshot to store.
 */
export function checkSignupAnswers(fields: SignupFieldDefinition[], answers: SignupAnswerInput[]): SignupAnswerSnapshot[] | InvalidSignupAnswer {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const given = new Map<string, SignupAnswerInput>();
  for (const answer of answers) {
    const field = byId.get(answer.fieldId);
    if (!field) return new InvalidSignupAnswer(answer.fieldId, '报名表已更新，请刷新后重新填写');
    if (given.has(answer.fieldId)) return new InvalidSignupAnswer(answer.fieldId, `「${field.label}」填写了两次`);
    given.set(answer.fieldId, answer);
  }

  const snapshot: SignupAnswerSnapshot[] = [];
  for (const field of fields) {
    const checked = checkAnswer(field, given.get(field.id));
    if (checked instanceof InvalidSignupAnswer) return checked;
    if (checked) snapshot.push(checked);
  }
  return snapshot;
}

function checkAnswer(field: SignupFieldDefinition, answer: SignupAnswerInput | undefined): SignupAnswerSnapshot | InvalidSignupAnswer | null {
  const refuse = (message: string) => new InvalidSignupAnswer(field.id, message);
  const name = `「${field.label}」`;
  const choice = CHOICE_TYPES.has(field.type);

  // A choice may arrive as `value` or `values`; anything else is a single trimmed value.
  const picked = choice ? [...(answer?.values ?? []), ...(answer?.value != null && answer.value.trim() ? [answer.value.trim()] : [])] : [];
  const value = choice ? '' : (answer?.value ?? '').trim();
  if (!choice && answer?.values?.length) return refuse(`${name}只能填写一个值`);

  const empty = choice ? picked.length === 0 : value === '';
  if (empty) return field.required ? refuse(choice ? `请选择${name}` : `请填写${name}`) : null;

  const stored = (text: string | null, list: string[] | null): SignupAnswerSnapshot => ({
    fieldId: field.id,
    label: field.label,
    type: field.type,
    value: text,
    values: list,
  });

  switch (field.type) {
    case SignupFieldType.TEXT:
    case SignupFieldType.TEXTAREA: {
      const limit = MAX_LENGTH[field.type]!;
      return [...value].length > limit ? refuse(`${name}最多 ${limit} 个字`) : stored(value, null);
    }
    case SignupFieldType.NUMBER:
      return NUMBER.test(value) ? stored(value, null) : refuse(`${name}请填写数字`);
    case SignupFieldType.PHONE: {
      const phone = value.replace(/[\s-]/g, '');
      return MAINLAND_MOBILE.test(phone) ? stored(phone, null) : refuse(`${name}请填写 11 位中国大陆手机号`);
    }
    case SignupFieldType.DATE:
      return dayjs(value, 'YYYY-MM-DD', true).isValid() ? stored(value, null) : refuse(`${name}请填写正确的日期，例如 2026-05-01`);
    case SignupFieldType.SINGLE_CHOICE:
      if (picked.length > 1) return refuse(`${name}只能选一项`);
      return field.options.includes(picked[0]) ? stored(picked[0], null) : refuse(`${name}请从给出的选项中选择`);
    case SignupFieldType.MULTI_CHOICE: {
      if (new Set(picked).size !== picked.length) return refuse(`${name}的选项重复了`);
      if (!picked.every((option) => field.options.includes(option))) return refuse(`${name}请从给出的选项中选择`);
      // In the form's order, whatever order they were tapped in.
      return stored(null, field.options.filter((option) => picked.includes(option)));
    }
  }
}
