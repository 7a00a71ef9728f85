export default definePageConfig({
  navigationBarTitleText: '团购详情',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
