import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxItems } from '../graphql/query-limits';

export const MAX_GROUPS = 20;
export const DEFAULT_SWITCH_AFTER_SCANS = 180;
/** WeChat stops admitting by scan at 200 members. */
export const MAX_SWITCH_AFTER_SCANS = 200;
export const MAX_STATS_DAYS = 31;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType({ description: "Admin: one WeChat group behind a live code, with its QR's expiry and the scans that switch to the next" })
export class GroupCodeGroup {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Views counted against this QR since it was set' })
  scans!: number;

  @Field({ description: 'YYYY-MM-DD, community-local: the QR is shown on the days before this one, never on it' })
  qrExpiresOn!: string;

  @Field(() => Int)
  switchAfterScans!: number;

  @Field({ description: 'Signed link of the QR image' })
  qrUrl!: string;
}

@ObjectType({ description: '群活码 (admin): one permanent link that always shows a WeChat group that still admits' })
export class GroupCode {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The unguessable key of the public link (groupCode(slug))' })
  slug!: string;

  @Field()
  name!: string;

  @Field({ description: 'Mini-program path of the public page: groupcode/pages/view/index?s=<slug>' })
  path!: string;

  @Field(() => [GroupCodeGroup], { description: 'In the order they are shown' })
  @MaxItems(MAX_GROUPS)
  groups!: GroupCodeGroup[];

  @Field({ description: 'No group can be shown now: every QR expired or reached its threshold' })
  exhausted!: boolean;
}

@ObjectType({ description: 'The group a visitor is shown' })
export class GroupCodeTarget {
  @Field()
  name!: string;

  @Field({ description: "Signed link of the group's QR image" })
  qrUrl!: string;
}

@ObjectType({ description: 'What the public page of a live code shows: the current group, or that none is left' })
export class GroupCodeView {
  @Field()
  name!: string;

  @Field(() => GroupCodeTarget, { nullable: true })
  current!: GroupCodeTarget | null;

  @Field()
  exhausted!: boolean;
}

@ObjectType({ description: 'Views of one group on one community-local day' })
export class GroupCodeDayViews {
  @Field()
  day!: string;

  @Field(() => ID)
  groupId!: string;

  @Field()
  groupName!: string;

  @Field(() => Int)
  views!: number;
}

@InputType()
export class GroupCodeGroupInput {
  @Field()
  @Length(1, 40, { message: '群名称需要 1 到 40 个字' })
  name!: string;

  @Field(() => ID, { description: 'A GROUP_QR upload of the caller in this community' })
  qrMediaId!: string;

  @Field({ description: 'YYYY-MM-DD, community-local, after today (WeChat: 7 days from when the QR was made)' })
  @Matches(DATE, { message: '二维码有效期格式应为 YYYY-MM-DD' })
  qrExpiresOn!: string;

  @Field(() => Int, { nullable: true, description: `Default ${DEFAULT_SWITCH_AFTER_SCANS}` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '切换人数至少为 1' })
  @Max(MAX_SWITCH_AFTER_SCANS, { message: `切换人数最多 ${MAX_SWITCH_AFTER_SCANS}（微信群满 200 人后不能扫码进群）` })
  switchAfterScans?: number | null;
}

@InputType()
export class CreateGroupCodeInput {
  @Field()
  @Length(1, 40, { message: '活码名称需要 1 到 40 个字' })
  name!: string;

  @Field(() => [GroupCodeGroupInput])
  @ArrayMinSize(1, { message: '至少需要一个群' })
  @ArrayMaxSize(MAX_GROUPS, { message: `最多 ${MAX_GROUPS} 个群` })
  @ValidateNested({ each: true })
  groups!: GroupCodeGroupInput[];
}

@ArgsType()
export class CreateGroupCodeArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => CreateGroupCodeInput)
  @ValidateNested()
  input!: CreateGroupCodeInput;
}

@ArgsType()
export class ReplaceGroupQrArgs {
  @Field(() => ID)
  groupId!: string;

  @Field(() => ID)
  qrMediaId!: string;

  @Field()
  @Matches(DATE, { message: '二维码有效期格式应为 YYYY-MM-DD' })
  qrExpiresOn!: string;
}

@ArgsType()
export class GroupCodeSlugArgs {
  @Field()
  @Matches(/^[A-Za-z0-9_-]{8,24}$/, { message: '活码链接不正确' })
  slug!: string;
}

@ArgsType()
export class GroupCodeStatsArgs {
  @Field(() => ID)
  groupCodeId!: string;

  @Field(() => Int, { defaultValue: 14, description: 'The last this many community-local days, today included' })
  @IsInt()
  @Min(1)
  @Max(MAX_STATS_DAYS)
  days!: number;
}

@ArgsType()
export class GroupCodesArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int, { defaultValue: 10 })
  @Min(1)
  @Max(10)
  first!: number;
}

@ArgsType()
export class GroupCodeIdArgs {
  @Field(() => ID)
  groupCodeId!: string;
}
