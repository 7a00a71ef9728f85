export { default } from '@/features/groupbuy/admin/pages/groupbuy-edit'
