export default definePageConfig({
  navigationBarTitleText: '扫码进群',
  enablePullDownRefresh: true,
})
