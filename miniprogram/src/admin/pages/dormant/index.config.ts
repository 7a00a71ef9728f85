export default definePageConfig({
  navigationBarTitleText: '沉默成员',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
