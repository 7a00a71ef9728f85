import type { AdminOperation } from './admin-operations';

/** Paid entry's admin operations, for the authorization suite (refunds are the owner's alone). */
export const PAYMENT_ADMIN_OPERATIONS: AdminOperation[] = [
  {
    name: 'setEntryFee',
    query: `mutation ($c: ID!) { setEntryFee(communityId: $c, entryFeeFen: 0) { id } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  { name: 'paymentOrders', query: `query ($c: ID!) { paymentOrders(communityId: $c) { orderNo } }`, variables: (t) => ({ c: t.communityId }) },
  {
    name: 'exportPaymentOrders',
    query: `mutation ($c: ID!) { exportPaymentOrders(communityId: $c, format: CSV) { url } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'refundEntryFee',
    ownerOnly: true,
    query: `mutation ($c: ID!) { refundEntryFee(communityId: $c, orderNo: "QY20261202000000ABCDEFGHJK", reason: "退款") { __typename } }`,
    variables: (t) => ({ c: t.communityId }),
  },
];
