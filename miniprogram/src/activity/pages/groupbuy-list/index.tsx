export { default } from '@/features/groupbuy/pages/groupbuy-list'
