import { IsOptional, Length, Matches } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, ObjectType } from 'type-graphql';
import { ContentRejected } from '../content-safety/content-safety.types';
import { User } from '../user/user.entity';

@ArgsType()
export class LoginArgs {
  @Field({ description: 'The code from wx.login (or dev:<name> when the server runs with WECHAT_LOGIN=dev)' })
  @Length(1, 128)
  code!: string;
}

@ObjectType()
export class LoginPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;

  @Field(() => User)
  user!: User;
}

export const NICKNAME_PATTERN = /^[^\s<>][^<>]{0,31}$/u;

@ArgsType()
export class UpdateProfileArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 32)
  @Matches(NICKNAME_PATTERN, { message: '昵称不能包含尖括号，且不能以空格开头' })
  nickname?: string;

  @Field(() => ID, { nullable: true, description: "An image the caller uploaded with purpose AVATAR (POST /media), e.g. from WeChat's chooseAvatar" })
  @IsOptional()
  avatarMediaId?: string;
}

export const UpdateProfileResult = createUnionType({
  name: 'UpdateProfileResult',
  types: () => [User, ContentRejected] as const,
});
