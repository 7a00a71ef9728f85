import { randomBytes } from 'node:crypto';
import { SignupFieldType } from './signup.enums';

/** A form field as the form row stores it (JSON). Ids are stable across edits of the form. */
export interface SignupFieldDefinition {
  id: string;
  label: string;
  type: SignupFieldType;
  required: boolean;
  options: string[];
}

/** An answer as the submission stores it: with the label it answered, whatever the form becomes. */
export interface SignupAnswerSnapshot {
  fieldId: string;
  label: string;
  type: SignupFieldType;
  value: string | null;
  values: string[] | null;
}

export const CHOICE_TYPES: ReadonlySet<SignupFieldType> = new Set([SignupFieldType.SINGLE_CHOICE, SignupFieldType.MULTI_CHOICE]);

export function newFieldId(): string {
  return `f${randomBytes(5).toString('hex')}`;
}
