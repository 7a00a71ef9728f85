import { createUnionType, Field, ObjectType } from 'type-graphql';
import { ErrorResult } from '../graphql/error-result';

@ObjectType({ description: "WeChat's own mini-program code (小程序码): scanning it in WeChat opens the page" })
export class MiniProgramCode {
  @Field({ description: 'data:image/png;base64,…' })
  imageDataUrl!: string;
}

/** Why there is no code now, said so the poster can show it instead of a broken image. */
@ObjectType({ implements: ErrorResult })
export class MiniProgramCodeUnavailable extends ErrorResult {
  @Field(() => Number, { nullable: true, description: "WeChat's errcode, when WeChat refused (41030 page not found, 45009 daily quota …)" })
  wechatErrcode!: number | null;

  constructor(message: string, wechatErrcode: number | null = null) {
    super();
    this.errorCode = 'MINI_PROGRAM_CODE_UNAVAILABLE';
    this.message = message;
    this.wechatErrcode = wechatErrcode;
  }
}

export const MiniProgramCodeResult = createUnionType({
  name: 'MiniProgramCodeResult',
  types: () => [MiniProgramCode, MiniProgramCodeUnavailable] as const,
});
