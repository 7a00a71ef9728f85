export default definePageConfig({
  navigationBarTitleText: '入群申请',
  enablePullDownRefresh: true,
})
