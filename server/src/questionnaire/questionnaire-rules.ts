import { badInput } from '../graphql/graphql-errors';
import { AnswerSnapshot, DEFAULT_TEXT_LENGTH, newDefinitionId, QuestionDefinition } from './questionnaire-definition';
import { QuestionType } from './questionnaire.enums';
import { AnswerInput, InvalidAnswer, QuestionInput } from './questionnaire.types';

export interface ScoredAnswers {
  answers: AnswerSnapshot[];
  score: number;
  tags: string[];
}

/**
 * Checks the answers against the questions (known question, once, required ones answered,
 * options that exist, one option for single choice, text within its length) and scores them
 * from the options' scores. The client sends choices, never scores.
 */
export function scoreAnswers(questions: QuestionDefinition[], inputs: AnswerInput[]): ScoredAnswers | InvalidAnswer {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const given = new Map<string, AnswerInput>();
  for (const input of inputs) {
    const question = byId.get(input.questionId);
    if (!question) return new InvalidAnswer(input.questionId, '问卷已更新，请刷新后重新作答');
    if (given.has(input.questionId)) return new InvalidAnswer(input.questionId, `「${question.title}」回答了两次`);
    given.set(input.questionId, input);
  }

  const answers: AnswerSnapshot[] = [];
  const tags = new Set<string>();
  let score = 0;
  for (const question of questions) {
    const input = given.get(question.id);
    const refuse = (message: string) => new InvalidAnswer(question.id, message);
    const name = `「${question.title}」`;

    if (question.type === QuestionType.TEXT) {
      if (input?.optionIds?.length) return refuse(`${name}是文字题，请直接填写`);
      const text = (input?.text ?? '').trim();
      if (!text) {
        if (question.required) return refuse(`请回答${name}`);
        continue;
      }
      const limit = question.maxLength ?? DEFAULT_TEXT_LENGTH;
      if ([...text].length > limit) return refuse(`${name}最多 ${limit} 个字`);
      answers.push({ questionId: question.id, questionTitle: question.title, type: question.type, optionIds: [], optionLabels: [], text });
      continue;
    }

    if (input?.text?.trim()) return refuse(`${name}是选择题，请选择选项`);
    const picked = input?.optionIds ?? [];
    if (picked.length === 0) {
      if (question.required) return refuse(`请回答${name}`);
      continue;
    }
    if (question.type === QuestionType.SINGLE_CHOICE && picked.length > 1) return refuse(`${name}只能选一项`);
    if (new Set(picked).size !== picked.length) return refuse(`${name}的选项重复了`);
    const options = question.options.filter((option) => picked.includes(option.id));
    if (options.length !== picked.length) return refuse(`${name}的选项不存在，请刷新后重新作答`);
    for (const option of options) {
      score += option.score;
      option.tags.forEach((tag) => tags.add(tag));
    }
    answers.push({
      questionId: question.id,
      questionTitle: question.title,
      type: question.type,
      optionIds: options.map((option) => option.id),
      optionLabels: options.map((option) => option.label),
      text: null,
    });
  }
  return { answers, score, tags: [...tags] };
}

/** The questions from an admin's input. Ids of the current questions and options are kept when named. */
export function questionDefinitions(inputs: QuestionInput[], previous: QuestionDefinition[]): QuestionDefinition[] {
  const knownQuestions = new Set(previous.map((question) => question.id));
  const knownOptions = new Set(previous.flatMap((question) => question.options.map((option) => option.id)));
  const usedIds = new Set<string>();
  const keep = (id: string | null | undefined, known: Set<string>, prefix: 'q' | 'o') => {
    const kept = id && known.has(id) && !usedIds.has(id) ? id : newDefinitionId(prefix);
    usedIds.add(kept);
    return kept;
  };

  return inputs.map((input, index) => {
    const at = `input.questions[${index}]`;
    const title = input.title.trim();
    if (!title) throw badInput(`第 ${index + 1} 题缺少题目`, `${at}.title`);
    const options = input.options ?? [];
    if (input.type === QuestionType.TEXT) {
      if (options.length) throw badInput(`「${title}」是文字题，不能设置选项`, `${at}.options`);
    } else {
      if (options.length < 2) throw badInput(`「${title}」至少需要 2 个选项`, `${at}.options`);
      if (input.maxLength != null) throw badInput(`「${title}」是选择题，不能设置字数`, `${at}.maxLength`);
    }
    const labels = options.map((option) => option.label.trim());
    if (labels.some((label) => !label)) throw badInput(`「${title}」有空白选项`, `${at}.options`);
    if (new Set(labels).size !== labels.length) throw badInput(`「${title}」的选项重复了`, `${at}.options`);
    return {
      id: keep(input.id, knownQuestions, 'q'),
      type: input.type,
      title,
      required: input.required,
      maxLength: input.type === QuestionType.TEXT ? (input.maxLength ?? DEFAULT_TEXT_LENGTH) : null,
      options: options.map((option, optionIndex) => ({
        id: keep(option.id, knownOptions, 'o'),
        label: labels[optionIndex],
        score: option.score,
        tags: [...new Set((option.tags ?? []).map((tag) => tag.trim()).filter(Boolean))],
      })),
    };
  });
}
