/** A redemption's ledger reference; it also names the spend whose points lots a void gives back (points/expiry/points-lots.ts). */
export function redemptionReference(requestId: string): string {
  return `redeem:${requestId}`;
}
