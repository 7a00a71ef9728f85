import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NotActiveMember } from '../graphql/common-errors';
import { defineErrorResult, ErrorResult } from '../graphql/error-result';
import { SignupForm } from './signup-form.entity';
import { SignupSubmission } from './signup-submission.entity';
import { SignupFieldType, SignupStatus } from './signup.enums';

export const MAX_CAPACITY = 100_000;
/** A form has at most this many fields. */
export const MAX_FIELDS = 30;

// ─── views of the JSON columns ──────────────────────────────────────────────────

@ObjectType()
export class SignupField {
  @Field(() => ID)
  id!: string;

  @Field()
  label!: string;

  @Field(() => SignupFieldType)
  type!: SignupFieldType;

  @Field()
  required!: boolean;

  @Field(() => [String], { description: 'Choices of SINGLE_CHOICE and MULTI_CHOICE; empty otherwise' })
  options!: string[];
}

@ObjectType()
export class SignupAnswer {
  @Field(() => ID)
  fieldId!: string;

  @Field({ description: 'The label when it was answered' })
  label!: string;

  @Field(() => String, { nullable: true })
  value?: string | null;

  @Field(() => [String], { nullable: true, description: 'MULTI_CHOICE' })
  values?: string[] | null;
}

// ─── inputs ─────────────────────────────────────────────────────────────────────

@InputType()
export class SignupFieldInput {
  @Field(() => ID, { nullable: true, description: "An existing field's id keeps it (answers and exports follow it); otherwise a new field" })
  @IsOptional()
  @MaxLength(32)
  id?: string | null;

  @Field()
  @Length(1, 40, { message: '字段名称需要 1 到 40 个字' })
  label!: string;

  @Field(() => SignupFieldType)
  @IsEnum(SignupFieldType)
  type!: SignupFieldType;

  @Field()
  @IsBoolean()
  required!: boolean;

  @Field(() => [String], { nullable: true, description: 'Required (2–20) for choice fields; must be empty for the others' })
  @IsOptional()
  @ArrayMaxSize(20, { message: '每个字段最多 20 个选项' })
  @Length(1, 40, { each: true, message: '选项需要 1 到 40 个字' })
  options?: string[] | null;
}

@InputType()
export class SignupFormInput {
  @Field()
  @Length(1, 40, { message: '表单标题需要 1 到 40 个字' })
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: '表单说明最多 2000 个字' })
  description?: string | null;

  @Field(() => [SignupFieldInput])
  @ArrayMinSize(1, { message: '至少需要一个字段' })
  @ArrayMaxSize(MAX_FIELDS, { message: `最多 ${MAX_FIELDS} 个字段` })
  @ValidateNested({ each: true })
  fields!: SignupFieldInput[];

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: '名额至少 1 人' })
  @Max(MAX_CAPACITY, { message: `名额最多 ${MAX_CAPACITY} 人` })
  capacity!: number;

  @Field()
  @IsBoolean()
  waitlist!: boolean;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  deadline?: Date | null;
}

@InputType()
export class SignupAnswerInput {
  @Field(() => ID)
  @Length(1, 32)
  fieldId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: '回答太长了' })
  value?: string | null;

  @Field(() => [String], { nullable: true, description: 'MULTI_CHOICE' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(40, { each: true })
  values?: string[] | null;
}

// ─── arguments ──────────────────────────────────────────────────────────────────

@ArgsType()
export class FormIdArgs {
  @Field(() => ID)
  formId!: string;
}

@ArgsType()
export class CreateSignupFormArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => SignupFormInput)
  @ValidateNested()
  input!: SignupFormInput;
}

@ArgsType()
export class UpdateSignupFormArgs extends FormIdArgs {
  @Field(() => SignupFormInput)
  @ValidateNested()
  input!: SignupFormInput;
}

@ArgsType()
export class SubmitSignupArgs extends FormIdArgs {
  @Field(() => [SignupAnswerInput])
  @ArrayMaxSize(MAX_FIELDS)
  @ValidateNested({ each: true })
  answers!: SignupAnswerInput[];
}

@ArgsType()
export class SignupSubmissionsArgs extends FormIdArgs {
  @Field(() => SignupStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SignupStatus)
  status?: SignupStatus;

  @Field(() => Int, { defaultValue: 50, description: 'The first sign-ups by submission, shown in the order above' })
  @Min(1)
  @Max(200)
  first!: number;
}

// ─── failures and results ───────────────────────────────────────────────────────

export const FormFull = defineErrorResult('FormFull', 'FORM_FULL', '名额已满');
export const FormClosed = defineErrorResult('FormClosed', 'FORM_CLOSED', '报名已截止');
export const FormNotFound = defineErrorResult('FormNotFound', 'FORM_NOT_FOUND', '没有找到这个报名');
export const NotSignedUp = defineErrorResult('NotSignedUp', 'NOT_SIGNED_UP', '你还没有报名');

@ObjectType({ implements: ErrorResult, description: "An answer does not fit its field; message names the field" })
export class InvalidSignupAnswer extends ErrorResult {
  @Field(() => ID)
  fieldId!: string;

  constructor(fieldId: string, message: string) {
    super();
    this.errorCode = 'INVALID_SIGNUP_ANSWER';
    this.message = message;
    this.fieldId = fieldId;
  }
}

@ObjectType()
export class SignupSubmitted {
  @Field(() => SignupSubmission)
  submission!: SignupSubmission;

  @Field(() => SignupForm)
  form!: SignupForm;
}

@ObjectType()
export class SignupCancelled {
  @Field(() => SignupForm)
  form!: SignupForm;
}

export const SubmitSignupResult = createUnionType({
  name: 'SubmitSignupResult',
  types: () => [SignupSubmitted, FormFull, FormClosed, FormNotFound, InvalidSignupAnswer, NotActiveMember] as const,
});

export const CancelSignupResult = createUnionType({
  name: 'CancelSignupResult',
  types: () => [SignupCancelled, NotSignedUp, FormClosed, FormNotFound, NotActiveMember] as const,
});

/** An edit may not cut the capacity below the sign-ups already confirmed. */
@ObjectType({ implements: ErrorResult })
export class CapacityBelowConfirmed extends ErrorResult {
  @Field(() => Int, { description: 'Sign-ups confirmed so far' })
  confirmedCount!: number;

  constructor(confirmedCount: number) {
    super();
    this.errorCode = 'CAPACITY_BELOW_CONFIRMED';
    this.message = `名额不能少于已报名的 ${confirmedCount} 人`;
    this.confirmedCount = confirmedCount;
  }
}

@ObjectType()
export class SignupFormSaved {
  @Field(() => SignupForm)
  form!: SignupForm;
}

export const UpdateSignupFormResult = createUnionType({
  name: 'UpdateSignupFormResult',
  types: () => [SignupFormSaved, CapacityBelowConfirmed] as const,
});
