import { IsInt, Length, Max, Min } from 'class-validator';
import { createUnionType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { EconomyCapExceeded } from '../points/economy-caps.types';
import { MaxItems } from '../graphql/query-limits';

/** A community has 1 to this many tiers. */
export const MAX_TIERS = 10;

@ObjectType('Tier')
export class TierView {
  @Field(() => Int, { description: '0 for the entry tier' })
  level!: number;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Lifetime points needed' })
  threshold!: number;

  @Field(() => Float, { description: 'Check-in points are multiplied by it' })
  multiplier!: number;
}

@InputType()
export class TierInput {
  @Field()
  @Length(1, 16, { message: '等级名称需要 1 到 16 个字' })
  name!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  threshold!: number;

  @Field(() => Float)
  @Min(1, { message: '倍数不能小于 1' })
  @Max(10, { message: '倍数不能大于 10' })
  multiplier!: number;
}

@ObjectType({ description: 'The tiers as saved; every member re-tiered' })
export class TiersSaved {
  @Field(() => [TierView])
  @MaxItems(MAX_TIERS)
  tiers!: TierView[];
}

export const SetTiersResult = createUnionType({
  name: 'SetTiersResult',
  types: () => [TiersSaved, EconomyCapExceeded] as const,
});
