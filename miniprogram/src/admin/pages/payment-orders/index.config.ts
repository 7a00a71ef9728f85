export default definePageConfig({
  navigationBarTitleText: '入群费订单',
  enablePullDownRefresh: true,
})
