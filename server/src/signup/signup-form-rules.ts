import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { badInput } from '../graphql/graphql-errors';
import { isMySql } from '../db/sql';
import { CHOICE_TYPES, newFieldId, SignupFieldDefinition } from './signup-field';
import { SignupForm } from './signup-form.entity';
import { SignupFormStatus } from './signup.enums';
import type { SignupFieldInput, SignupFormInput } from './signup.types';

/** Past the deadline or closed by an admin: no sign-ups, edits or cancellations. */
export function formStatusAt(form: SignupForm, now: Date): SignupFormStatus {
  return form.closedAt || (form.deadline && now >= form.deadline) ? SignupFormStatus.CLOSED : SignupFormStatus.OPEN;
}

export function closedMessage(form: SignupForm): string {
  return form.closedAt ? '报名已结束' : '报名已截止';
}

/**
 * The form row, locked until the transaction ends (MySQL: SELECT … FOR UPDATE; SQLite has one
 * writer at a time). Taken first: every change of a form's seats and waitlist holds it, so reads
 * after it see every earlier change committed.
 */
export async function lockFormRow(em: EntityManager, formId: number): Promise<SignupForm | null> {
  return em.findOne(SignupForm, formId, { refresh: true, ...(isMySql(em) ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) });
}

/** The form's columns from an admin's input; fields keep their ids when the input names existing ones. */
export function formColumns(input: SignupFormInput, now: Date, previous: SignupFieldDefinition[] = []) {
  const title = input.title.trim();
  if (!title) throw badInput('请填写表单标题', 'input.title');
  if (input.deadline && input.deadline.getTime() <= now.getTime()) throw badInput('截止时间需要晚于现在', 'input.deadline');
  return {
    title,
    description: input.description?.trim() || null,
    fields: fieldDefinitions(input.fields, previous),
    capacity: input.capacity,
    waitlist: input.waitlist,
    deadline: input.deadline ?? null,
  };
}

function fieldDefinitions(inputs: SignupFieldInput[], previous: SignupFieldDefinition[]): SignupFieldDefinition[] {
  const known = new Set(previous.map((field) => field.id));
  const ids = new Set<string>();
  const labels = new Set<string>();
  return inputs.map((input, index) => {
    const at = `input.fields[${index}]`;
    const label = input.label.trim();
    if (!label) throw badInput(`第 ${index + 1} 个字段缺少名称`, `${at}.label`);
    // Labels head the export's columns, so two fields may not share one.
    if (labels.has(label)) throw badInput(`字段名称「${label}」重复了`, `${at}.label`);
    labels.add(label);
    const options = (input.options ?? []).map((option) => option.trim());
    if (CHOICE_TYPES.has(input.type)) {
      if (options.length < 2) throw badInput(`「${label}」至少需要 2 个选项`, `${at}.options`);
      if (options.some((option) => !option)) throw badInput(`「${label}」有空白选项`, `${at}.options`);
      if (new Set(options).size !== options.length) throw badInput(`「${label}」的选项重复了`, `${at}.options`);
    } else if (options.length > 0) {
      throw badInput(`「${label}」不是选择题，不能设置选项`, `${at}.options`);
    }
    const id = input.id && known.has(input.id) && !ids.has(input.id) ? input.id : newFieldId();
    ids.add(id);
    return { id, label, type: input.type, required: input.required, options };
  });
}
