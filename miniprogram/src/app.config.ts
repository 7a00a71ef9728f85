export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/community-create/index',
    'pages/checkin-calendar/index',
    'pages/points-ledger/index',
    'pages/coupon-shop/index',
    'pages/my-coupons/index',
    'pages/coupon-detail/index',
    'pages/questionnaire/index',
    'pages/messages/index',
  ],
  // Admin pages are not needed on the first screen: keep them out of the main package.
  subPackages: [
    {
      root: 'admin',
      pages: [
        'pages/community/index',
        'pages/invites/index',
        'pages/members/index',
        'pages/write-off/index',
        'pages/points-adjust/index',
        'pages/checkin-rule/index',
        'pages/tiers/index',
        'pages/coupon-templates/index',
        'pages/coupon-template-edit/index',
        'pages/coupons/index',
        'pages/questionnaire-edit/index',
        'pages/applications/index',
        'pages/groupbuys/index',
        'pages/groupbuy-edit/index',
        'pages/groupbuy-manage/index',
        'pages/signups/index',
        'pages/signup-edit/index',
        'pages/signup-manage/index',
        'pages/dormant/index',
        'pages/audit-log/index',
        'pages/moderation/index',
        'pages/payment-orders/index',
        'pages/group-codes/index',
      ],
    },
    // Inviting friends and paying an entry fee: opened from the home page only.
    {
      root: 'entry',
      pages: ['pages/invite/index', 'pages/entry-fee/index'],
    },
    // The member's own profile (avatar and nickname): opened from the member card.
    {
      root: 'me',
      pages: ['pages/profile/index'],
    },
    // Group-buys and sign-ups: opened from the home entries or a shared card, not the first screen.
    {
      root: 'activity',
      pages: ['pages/groupbuy-list/index', 'pages/groupbuy-detail/index', 'pages/signup-list/index', 'pages/signup-detail/index'],
    },
    // 群活码's public page: opened by anyone from a poster or a link, member or not.
    {
      root: 'groupcode',
      pages: ['pages/view/index'],
    },
  ],
  window: {
    navigationBarBackgroundColor: '#f4f5f7',
    navigationBarTitleText: '群友',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
    backgroundTextStyle: 'dark',
  },
})
