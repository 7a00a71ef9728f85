import Taro from '@tarojs/taro'

export type CashierOutcome = 'paid' | 'cancelled' | { failed: string }

/** The server's signed JSAPI params (RSA), as wx.requestPayment takes them. */
export interface CashierParams {
  timeStamp: string
  nonceStr: string
  package: string
  paySign: string
}

/**
 * WeChat's cashier (wx.requestPayment) with the server's signed params. Its success only means the
 * payer finished on the cashier: the membership waits for WeChat Pay's own notification to the server.
 */
export function openWeChatCashier(params: CashierParams): Promise<CashierOutcome> {
  return new Promise((resolve) => {
    Taro.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: 'RSA',
      paySign: params.paySign,
      success: () => resolve('paid'),
      fail: (result) => resolve(/cancel/i.test(result.errMsg ?? '') ? 'cancelled' : { failed: result.errMsg ?? '支付失败' }),
    })
  })
}
