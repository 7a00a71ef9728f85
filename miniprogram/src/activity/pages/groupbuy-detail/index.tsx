export { default } from '@/features/groupbuy/pages/groupbuy-detail'
