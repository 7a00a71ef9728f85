import { createVerify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export const SET_ENTRY_FEE = `mutation ($c: ID!, $f: Int!) { setEntryFee(communityId: $c, entryFeeFen: $f) { id entryFeeFen } }`;
export const JOIN = `mutation ($c: String!) { joinCommunity(joinCode: $c) {
  __typename
  ... on PaymentRequired { orderNo amountFen simulated expiresAt payParams { timeStamp nonceStr package signType paySign } }
  ... on JoinedCommunity { member { id status } }
  ... on ErrorResult { errorCode message } } }`;
export const MEMBERSHIP = `query ($c: ID!) { membership(communityId: $c) { id status } }`;
export const MY_ORDER = `query ($o: String!) { myPaymentOrder(orderNo: $o) { orderNo status amountFen paidAt refundStatus } }`;
export const SIMULATE = `mutation ($o: String!) { simulatePayment(orderNo: $o) { __typename ... on PaymentOrder { status } ... on ErrorResult { errorCode message } } }`;
export const PAYMENT_ORDERS = `query ($c: ID!) { paymentOrders(communityId: $c) { orderNo amountFen status payerNickname member { id } refundStatus refundReason } }`;
export const REFUND = `mutation ($c: ID!, $o: String!, $r: String!) { refundEntryFee(communityId: $c, orderNo: $o, reason: $r) {
  __typename ... on PaymentOrder { status refundStatus } ... on ErrorResult { errorCode message } } }`;

/** Whether pay params were signed by the merchant key: appId, timeStamp, nonceStr, package, one a line. */
export function payParamsVerify(appId: string, params: { timeStamp: string; nonceStr: string; package: string; paySign: string }, merchantPublicKey: KeyObject): boolean {
  return createVerify('RSA-SHA256').update(`${appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`).verify(merchantPublicKey, params.paySign, 'base64');
}
