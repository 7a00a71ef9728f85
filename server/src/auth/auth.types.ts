import { AVATAR_HOSTS } from '../user/avatar-hosts';
import { IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, createUnionType, Field, ObjectType } from 'type-graphql';
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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(512)
  @IsUrl({ protocols: ['https'], require_protocol: true, host_whitelist: AVATAR_HOSTS }, { message: '头像只能使用微信头像' })
  avatarUrl?: string;
}

export const UpdateProfileResult = createUnionType({
  name: 'UpdateProfileResult',
  types: () => [User, ContentRejected] as const,
});
