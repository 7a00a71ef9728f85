import { randomBytes } from 'node:crypto';
import { QuestionType } from './questionnaire.enums';

/** The questions as the questionnaire row stores them (JSON). Ids are stable across edits. */
export interface QuestionDefinition {
  id: string;
  type: QuestionType;
  title: string;
  required: boolean;
  /** TEXT only. */
  maxLength: number | null;
  options: OptionDefinition[];
}

export interface OptionDefinition {
  id: string;
  label: string;
  score: number;
  tags: string[];
}

/** An answer as the application stores it: with the question and the option labels it answered. */
export interface AnswerSnapshot {
  questionId: string;
  questionTitle: string;
  type: QuestionType;
  optionIds: string[];
  optionLabels: string[];
  text: string | null;
}

export const DEFAULT_TEXT_LENGTH = 500;

export function newDefinitionId(prefix: 'q' | 'o'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}
