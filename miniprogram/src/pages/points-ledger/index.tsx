export { default } from '@/features/points/pages/points-ledger'
