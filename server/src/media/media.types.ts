import { Field, ID, Int, ObjectType } from 'type-graphql';

/** An uploaded image as clients show it: links of our store (signed and expiring for community media). */
@ObjectType()
export class MediaImage {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The image, longest side at most 2048 px' })
  url!: string;

  @Field({ description: 'At most 480 px: for lists and grids' })
  thumbnailUrl!: string;

  @Field(() => Int)
  width!: number;

  @Field(() => Int)
  height!: number;
}
