import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NotActiveMember } from '../graphql/common-errors';
import { defineErrorResult, ErrorResult } from '../graphql/error-result';
import { MaxItems } from '../graphql/query-limits';
import { Member } from '../member/member.entity';
import { EconomyCapExceeded } from '../points/economy-caps.types';
import { Application } from './application.entity';
import { ApplicationStatus, QuestionType } from './questionnaire.enums';

/** A questionnaire has at most this many questions, a choice question this many options. */
export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 20;
/** A tag an option gives is 1 to this many characters. */
export const MAX_TAG_LENGTH = 12;

// ─── views ──────────────────────────────────────────────────────────────────────

@ObjectType('QuestionOption')
export class QuestionOptionView {
  @Field(() => ID)
  id!: string;

  @Field()
  label!: string;

  @Field(() => Int, { nullable: true, description: 'Admins only' })
  score!: number | null;

  @Field(() => [String], { nullable: true, description: 'Admins only' })
  tags!: string[] | null;
}

@ObjectType('Question')
export class QuestionView {
  @Field(() => ID)
  id!: string;

  @Field(() => QuestionType)
  type!: QuestionType;

  @Field()
  title!: string;

  @Field()
  required!: boolean;

  @Field(() => [QuestionOptionView])
  @MaxItems(MAX_OPTIONS)
  options!: QuestionOptionView[];

  @Field(() => Int, { nullable: true, description: 'TEXT: most characters accepted' })
  maxLength!: number | null;
}

@ObjectType('Questionnaire')
export class QuestionnaireView {
  @Field(() => ID)
  id!: number;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  intro!: string | null;

  @Field(() => [QuestionView])
  @MaxItems(MAX_QUESTIONS)
  questions!: QuestionView[];

  @Field(() => Int, { nullable: true, description: 'Admins only' })
  passScore!: number | null;

  @Field()
  autoApprove!: boolean;

  @Field(() => Int, { description: 'Points an approved applicant receives' })
  welcomePoints!: number;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class ApplicationAnswer {
  @Field(() => ID)
  questionId!: string;

  @Field({ description: 'The question as it was when answered' })
  questionTitle!: string;

  @Field(() => QuestionType)
  type!: QuestionType;

  @Field(() => [ID])
  optionIds!: string[];

  @Field(() => [String])
  optionLabels!: string[];

  @Field(() => String, { nullable: true })
  text!: string | null;
}

// ─── inputs ─────────────────────────────────────────────────────────────────────

@InputType()
export class QuestionOptionInput {
  @Field(() => ID, { nullable: true, description: "An existing option's id keeps it" })
  @IsOptional()
  @MaxLength(32)
  id?: string | null;

  @Field()
  @Length(1, 50, { message: '选项需要 1 到 50 个字' })
  label!: string;

  @Field(() => Int)
  @IsInt()
  @Min(-1000, { message: '选项分值在 -1000 到 1000 之间' })
  @Max(1000, { message: '选项分值在 -1000 到 1000 之间' })
  score!: number;

  @Field(() => [String], { nullable: true, description: 'Given to the member on approval' })
  @IsOptional()
  @ArrayMaxSize(5, { message: '每个选项最多 5 个标签' })
  @Length(1, MAX_TAG_LENGTH, { each: true, message: `标签需要 1 到 ${MAX_TAG_LENGTH} 个字` })
  tags?: string[] | null;
}

@InputType()
export class QuestionInput {
  @Field(() => ID, { nullable: true, description: "An existing question's id keeps it" })
  @IsOptional()
  @MaxLength(32)
  id?: string | null;

  @Field(() => QuestionType)
  @IsEnum(QuestionType)
  type!: QuestionType;

  @Field()
  @Length(1, 100, { message: '题目需要 1 到 100 个字' })
  title!: string;

  @Field()
  @IsBoolean()
  required!: boolean;

  @Field(() => [QuestionOptionInput], { nullable: true, description: 'Choice questions: 2 to 20; TEXT: none' })
  @IsOptional()
  @ArrayMaxSize(MAX_OPTIONS, { message: `每题最多 ${MAX_OPTIONS} 个选项` })
  @ValidateNested({ each: true })
  options?: QuestionOptionInput[] | null;

  @Field(() => Int, { nullable: true, description: 'TEXT only; default 500' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000, { message: '文字题最多 2000 字' })
  maxLength?: number | null;
}

@InputType()
export class SaveQuestionnaireInput {
  @Field()
  @Length(1, 40, { message: '问卷标题需要 1 到 40 个字' })
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: '问卷说明最多 500 个字' })
  intro?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(-100_000)
  @Max(100_000)
  passScore!: number;

  @Field()
  @IsBoolean()
  autoApprove!: boolean;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: '入群积分不能为负' })
  @Max(100_000, { message: '入群积分最多 100000' })
  welcomePoints!: number;

  @Field(() => [QuestionInput])
  @ArrayMinSize(1, { message: '至少需要一道题' })
  @ArrayMaxSize(MAX_QUESTIONS, { message: `最多 ${MAX_QUESTIONS} 道题` })
  @ValidateNested({ each: true })
  questions!: QuestionInput[];
}

@InputType()
export class AnswerInput {
  @Field(() => ID)
  @Length(1, 32)
  questionId!: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_OPTIONS)
  optionIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: '回答太长了' })
  text?: string | null;
}

// ─── arguments ──────────────────────────────────────────────────────────────────

@ArgsType()
export class SaveQuestionnaireArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => SaveQuestionnaireInput)
  @ValidateNested()
  input!: SaveQuestionnaireInput;
}

@ArgsType()
export class SubmitApplicationArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => [AnswerInput])
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  answers!: AnswerInput[];
}

@ArgsType()
export class ApplicationsArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => ApplicationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first!: number;
}

@ArgsType()
export class ReviewApplicationArgs {
  @Field(() => ID)
  applicationId!: string;

  @Field()
  @IsBoolean()
  approve!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when rejecting; the applicant sees it' })
  @IsOptional()
  @MaxLength(200, { message: '原因最多 200 个字' })
  reason?: string | null;
}

// ─── failures and results ───────────────────────────────────────────────────────

export const QuestionnaireMissing = defineErrorResult('QuestionnaireMissing', 'QUESTIONNAIRE_MISSING', '该社群还没有设置入群问卷，请联系管理员');
export const ApplicationPending = defineErrorResult('ApplicationPending', 'APPLICATION_PENDING', '你的申请正在审核中，请耐心等待');
export const AlreadyMember = defineErrorResult('AlreadyMember', 'ALREADY_MEMBER', '你已经是该社群的成员了');
export const ApplicationNotFound = defineErrorResult('ApplicationNotFound', 'APPLICATION_NOT_FOUND', '没有找到这份申请');
export const ApplicationAlreadyReviewed = defineErrorResult('ApplicationAlreadyReviewed', 'APPLICATION_ALREADY_REVIEWED', '这份申请已经审核过了');

@ObjectType({ implements: ErrorResult, description: 'An answer does not fit its question; message names the question' })
export class InvalidAnswer extends ErrorResult {
  @Field(() => ID, { nullable: true })
  questionId!: string | null;

  constructor(questionId: string | null, message: string) {
    super();
    this.errorCode = 'INVALID_ANSWER';
    this.message = message;
    this.questionId = questionId;
  }
}

@ObjectType()
export class ApplicationSubmitted {
  @Field(() => Application)
  application!: Application;

  @Field(() => Member, { description: 'ACTIVE when approved automatically' })
  member!: Member;
}

@ObjectType()
export class ApplicationReviewed {
  @Field(() => Application)
  application!: Application;

  @Field(() => Member)
  member!: Member;
}

export const SubmitApplicationResult = createUnionType({
  name: 'SubmitApplicationResult',
  types: () => [ApplicationSubmitted, InvalidAnswer, QuestionnaireMissing, ApplicationPending, AlreadyMember, NotActiveMember] as const,
});

export const ReviewApplicationResult = createUnionType({
  name: 'ReviewApplicationResult',
  types: () => [ApplicationReviewed, ApplicationNotFound, ApplicationAlreadyReviewed] as const,
});

export const SaveQuestionnaireResult = createUnionType({
  name: 'SaveQuestionnaireResult',
  types: () => [QuestionnaireView, EconomyCapExceeded] as const,
});
