import { IsInt, Length, Max, Min } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { defineErrorResult } from '../graphql/error-result';
import { MemberProfile } from '../member/member-profile';
import { PaymentOrderStatus, PaymentRefundStatus } from './payment.enums';

export const MAX_ENTRY_FEE_FEN = 100_000;

export const PaymentUnavailable = defineErrorResult('PaymentUnavailable', 'PAYMENT_UNAVAILABLE', '微信支付暂时不可用，请稍后再试');
export const PaymentOrderNotFound = defineErrorResult('PaymentOrderNotFound', 'PAYMENT_ORDER_NOT_FOUND', '没有找到这笔入群费订单');
export const OrderNotRefundable = defineErrorResult('OrderNotRefundable', 'ORDER_NOT_REFUNDABLE', '这笔订单未支付或已经退款，不能退款');

@ObjectType({ description: 'What Taro.requestPayment takes (RSA-signed with the merchant key)' })
export class PayParams {
  @Field()
  timeStamp!: string;

  @Field()
  nonceStr!: string;

  @Field({ description: 'prepay_id=…' })
  package!: string;

  @Field()
  signType!: string;

  @Field()
  paySign!: string;
}

@ObjectType({ description: 'The community asks an entry fee: pay it with payParams; the membership starts when WeChat Pay confirms the payment' })
export class PaymentRequired {
  @Field()
  orderNo!: string;

  @Field(() => Int)
  amountFen!: number;

  @Field({ description: 'The community the fee admits to' })
  communityName!: string;

  @Field(() => PayParams)
  payParams!: PayParams;

  @Field({ description: 'True in the H5 demo (WECHAT_LOGIN=dev): no WeChat Pay; simulatePayment completes the order' })
  simulated!: boolean;

  @Field()
  expiresAt!: Date;
}

@ObjectType('PaymentOrder', { description: '入群费订单' })
export class PaymentOrderView {
  @Field()
  orderNo!: string;

  @Field(() => Int)
  amountFen!: number;

  @Field(() => PaymentOrderStatus)
  status!: PaymentOrderStatus;

  @Field(() => ID)
  communityId!: string;

  @Field(() => MemberProfile, { nullable: true, description: 'The payer once admitted (null before payment)' })
  member?: MemberProfile | null;

  @Field(() => String, { nullable: true, description: "The payer's nickname" })
  payerNickname?: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  paidAt?: Date | null;

  @Field(() => PaymentRefundStatus, { nullable: true })
  refundStatus?: PaymentRefundStatus | null;

  @Field(() => String, { nullable: true })
  refundReason?: string | null;
}

export const SimulatePaymentResult = createUnionType({
  name: 'SimulatePaymentResult',
  types: () => [PaymentOrderView, PaymentOrderNotFound] as const,
});

export const RefundEntryFeeResult = createUnionType({
  name: 'RefundEntryFeeResult',
  types: () => [PaymentOrderView, PaymentOrderNotFound, OrderNotRefundable] as const,
});

@ArgsType()
export class SetEntryFeeArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int, { description: '0 = free, else 1..100000 fen (¥0.01..¥1000)' })
  @IsInt()
  @Min(0, { message: '入群费不能为负数' })
  @Max(MAX_ENTRY_FEE_FEN, { message: '入群费最多 1000 元（100000 分）' })
  entryFeeFen!: number;
}

@ArgsType()
export class OrderNoArgs {
  @Field()
  @Length(1, 32)
  orderNo!: string;
}

@ArgsType()
export class RefundEntryFeeArgs {
  @Field(() => ID)
  communityId!: string;

  @Field()
  @Length(1, 32)
  orderNo!: string;

  @Field({ description: 'Shown to the payer by WeChat Pay' })
  @Length(1, 80, { message: '请填写退款原因（80 字以内）' })
  reason!: string;
}

@ArgsType()
export class PaymentOrdersArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => PaymentOrderStatus, { nullable: true })
  status?: PaymentOrderStatus;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first!: number;
}
