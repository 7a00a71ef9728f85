export default definePageConfig({
  navigationBarTitleText: '支付入群费',
})
