import EntryTile from '@/shared/ui/entry-tile'
import { openPage, routes } from '@/shared/routes'

/** 团购接龙 and 活动报名, as tiles of the home page's entry grid (rendered inside `.qy-entry-grid`). */
export default function ActivityEntries({ communityId }: { communityId: string }) {
  return (
    <>
      <EntryTile
        icon='团'
        color='#fa5151'
        title='团购接龙'
        description='好物拼团接龙'
        onClick={() => openPage(routes.groupBuys(communityId))}
      />
      <EntryTile
        icon='报'
        color='#13b5b1'
        title='活动报名'
        description='活动课程报名'
        onClick={() => openPage(routes.signupForms(communityId))}
      />
    </>
  )
}
