export { default } from '@/features/community/pages/community-create'
