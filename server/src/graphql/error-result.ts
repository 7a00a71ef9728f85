import { Field, InterfaceType, ObjectType } from 'type-graphql';

/**
 * An expected business failure, returned as a member of a result union (never thrown).
 * `message` is Chinese and meant for the member; `errorCode` is for the client's switch.
 */
@InterfaceType({ description: 'An expected business failure; message is Chinese, for the user' })
export abstract class ErrorResult {
  @Field()
  errorCode!: string;

  @Field()
  message!: string;
}

export type ErrorResultClass = new (message?: string) => ErrorResult;

/**
 * Declares an ErrorResult type that carries only errorCode and message. Failures with extra
 * fields (e.g. the balance a redemption lacked) are written as classes of their own.
 */
export function defineErrorResult(name: string, errorCode: string, defaultMessage: string): ErrorResultClass {
  @ObjectType(name, { implements: ErrorResult })
  class DefinedErrorResult extends ErrorResult {
    constructor(message: string = defaultMessage) {
      super();
      this.errorCode = errorCode;
      this.message = message;
    }
  }
  Object.defineProperty(DefinedErrorResult, 'name', { value: name });
  return DefinedErrorResult;
}

export function isErrorResult(value: unknown): value is ErrorResult {
  return value instanceof ErrorResult;
}
