export { default } from '@/features/groupbuy/admin/pages/groupbuys'
