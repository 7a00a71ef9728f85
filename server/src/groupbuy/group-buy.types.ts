import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LimitReached, NotActiveMember, SoldOut } from '../graphql/common-errors';
import { defineErrorResult, ErrorResult } from '../graphql/error-result';
import { GroupBuyEntry } from './group-buy-entry.entity';
import { GroupBuy } from './group-buy.entity';
import { GroupBuyStatus } from './group-buy.enums';
import { ContentRejected } from '../content-safety/content-safety.types';

export const MAX_QUANTITY = 9999;
export const MAX_STOCK = 100_000;

// ─── inputs ─────────────────────────────────────────────────────────────────────

@InputType()
export class GroupBuyInput {
  @Field()
  @Length(1, 40, { message: '团购标题需要 1 到 40 个字' })
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: '团购介绍最多 2000 个字' })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Image URLs (https), at most 9' })
  @IsOptional()
  @ArrayMaxSize(9, { message: '最多 9 张图片' })
  @MaxLength(500, { each: true, message: '图片地址太长' })
  @Matches(/^https?:\/\/\S+$/, { each: true, message: '图片地址需要以 http(s):// 开头' })
  images?: string[] | null;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: '价格不能为负' })
  @Max(100_000_000, { message: '价格最多 ¥1000000' })
  priceFen!: number;

  @Field(() => Int, { nullable: true, description: '划线价; not below priceFen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  originalPriceFen?: number | null;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: '库存至少 1 份' })
  @Max(MAX_STOCK, { message: `库存最多 ${MAX_STOCK} 份` })
  stock!: number;

  @Field(() => Int, { nullable: true, description: 'Most units one member may take; null = no limit' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '每人限购至少 1 份' })
  @Max(MAX_QUANTITY)
  perMemberLimit?: number | null;

  @Field(() => Int, { description: '成团人数 (members with an entry at the end)' })
  @IsInt()
  @Min(1, { message: '成团人数至少 1 人' })
  @Max(MAX_STOCK)
  minParticipants!: number;

  @Field()
  @IsDate()
  startsAt!: Date;

  @Field({ description: 'Must be after startsAt; the group-buy closes at this moment' })
  @IsDate()
  endsAt!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: '取货说明最多 500 个字' })
  pickupNote?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'createGroupBuy only: true keeps it a hidden DRAFT until publishGroupBuy' })
  @IsOptional()
  @IsBoolean()
  draft?: boolean | null;
}

// ─── arguments ──────────────────────────────────────────────────────────────────

@ArgsType()
export class GroupBuysArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => GroupBuyStatus, { nullable: true })
  @IsOptional()
  @IsEnum(GroupBuyStatus)
  status?: GroupBuyStatus;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(100)
  first!: number;
}

@ArgsType()
export class GroupBuyEntriesArgs {
  @Field(() => Int, { defaultValue: 100 })
  @Min(1)
  @Max(200)
  first!: number;
}

@ArgsType()
export class GroupBuyIdArgs {
  @Field(() => ID)
  groupBuyId!: string;
}

@ArgsType()
export class CreateGroupBuyArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => GroupBuyInput)
  @ValidateNested()
  input!: GroupBuyInput;
}

@ArgsType()
export class UpdateGroupBuyArgs extends GroupBuyIdArgs {
  @Field(() => GroupBuyInput)
  @ValidateNested()
  input!: GroupBuyInput;
}

@ArgsType()
export class JoinGroupBuyArgs extends GroupBuyIdArgs {
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: '数量至少 1 份' })
  @Max(MAX_QUANTITY, { message: `数量最多 ${MAX_QUANTITY} 份` })
  quantity!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100, { message: '备注最多 100 个字' })
  note?: string | null;

  @Field({ description: 'Chosen by the client per tap; a replay returns the first result' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'requestId 需要 8 到 64 位字母、数字、- 或 _' })
  requestId!: string;
}

@ArgsType()
export class EntryIdArgs {
  @Field(() => ID)
  entryId!: string;
}

@ArgsType()
export class UpdateGroupBuyEntryArgs extends EntryIdArgs {
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: '数量至少 1 份（不要了请取消接龙）' })
  @Max(MAX_QUANTITY, { message: `数量最多 ${MAX_QUANTITY} 份` })
  quantity!: number;

  @Field(() => String, { nullable: true, description: 'null keeps the note; "" clears it' })
  @IsOptional()
  @MaxLength(100, { message: '备注最多 100 个字' })
  note?: string | null;
}

@ArgsType()
export class SetEntryPickedUpArgs extends EntryIdArgs {
  @Field()
  @IsBoolean()
  pickedUp!: boolean;
}

// ─── failures ───────────────────────────────────────────────────────────────────

export const GroupBuyClosed = defineErrorResult('GroupBuyClosed', 'GROUP_BUY_CLOSED', '团购已结束');
export const GroupBuyNotFound = defineErrorResult('GroupBuyNotFound', 'GROUP_BUY_NOT_FOUND', '没有找到这个团购');
export const EntryNotFound = defineErrorResult('EntryNotFound', 'ENTRY_NOT_FOUND', '没有找到你的接龙，可能已经取消了');

@ObjectType({ implements: ErrorResult })
export class GroupBuyNotStarted extends ErrorResult {
  @Field()
  startsAt!: Date;

  constructor(startsAt: Date) {
    super();
    this.errorCode = 'GROUP_BUY_NOT_STARTED';
    this.message = '团购还没开始，请稍后再来';
    this.startsAt = startsAt;
  }
}

@ObjectType({ implements: ErrorResult })
export class AlreadyJoined extends ErrorResult {
  @Field(() => GroupBuyEntry, { description: 'The live entry; change its quantity instead' })
  entry!: GroupBuyEntry;

  constructor(entry: GroupBuyEntry) {
    super();
    this.errorCode = 'ALREADY_JOINED';
    this.message = `你已经接龙了（#${entry.seq}），可以修改数量`;
    this.entry = entry;
  }
}

@ObjectType({ implements: ErrorResult })
export class StockBelowSold extends ErrorResult {
  @Field(() => Int)
  soldQuantity!: number;

  constructor(soldQuantity: number) {
    super();
    this.errorCode = 'STOCK_BELOW_SOLD';
    this.message = `库存不能少于已接龙的 ${soldQuantity} 份`;
    this.soldQuantity = soldQuantity;
  }
}

// ─── results ────────────────────────────────────────────────────────────────────

@ObjectType()
export class GroupBuyJoined {
  @Field(() => GroupBuyEntry)
  entry!: GroupBuyEntry;

  @Field(() => GroupBuy)
  groupBuy!: GroupBuy;
}

@ObjectType()
export class GroupBuyEntryUpdated {
  @Field(() => GroupBuyEntry)
  entry!: GroupBuyEntry;

  @Field(() => GroupBuy)
  groupBuy!: GroupBuy;
}

@ObjectType()
export class GroupBuyEntryCancelled {
  @Field(() => GroupBuy)
  groupBuy!: GroupBuy;
}

@ObjectType()
export class GroupBuySaved {
  @Field(() => GroupBuy)
  groupBuy!: GroupBuy;
}

export const JoinGroupBuyResult = createUnionType({
  name: 'JoinGroupBuyResult',
  types: () => [GroupBuyJoined, SoldOut, GroupBuyClosed, GroupBuyNotStarted, LimitReached, AlreadyJoined, GroupBuyNotFound, NotActiveMember, ContentRejected] as const,
});

export const UpdateGroupBuyEntryResult = createUnionType({
  name: 'UpdateGroupBuyEntryResult',
  types: () => [GroupBuyEntryUpdated, SoldOut, LimitReached, GroupBuyClosed, EntryNotFound, ContentRejected] as const,
});

export const CancelGroupBuyEntryResult = createUnionType({
  name: 'CancelGroupBuyEntryResult',
  types: () => [GroupBuyEntryCancelled, GroupBuyClosed, EntryNotFound] as const,
});

export const SaveGroupBuyResult = createUnionType({
  name: 'SaveGroupBuyResult',
  types: () => [GroupBuySaved, StockBelowSold, GroupBuyClosed, GroupBuyNotFound] as const,
});

@ObjectType()
export class PickupRecorded {
  @Field(() => GroupBuyEntry)
  entry!: GroupBuyEntry;
}

export const SetEntryPickedUpResult = createUnionType({
  name: 'SetEntryPickedUpResult',
  types: () => [PickupRecorded, EntryNotFound] as const,
});
