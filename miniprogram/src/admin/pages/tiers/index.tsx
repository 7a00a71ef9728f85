export { default } from '@/features/membership/admin/pages/tiers'
