import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { placeholders, selectRows } from '../db/sql';
import { LIVE, SignupSubmission } from './signup-submission.entity';
import { SignupStatus } from './signup.enums';

export function signupLoaders(em: EntityManager) {
  return {
    /** Per form: waitlisted submission id → 候补第 N 位, in waitlist order. */
    signupWaitlist: new DataLoader<number, Map<number, number>>(async (formIds) => {
      const rows = await selectRows<{ id: number; form: number }>(
        em,
        `select id, form_id as form from signup_submission
          where form_id in (${placeholders(formIds.length)}) and status = ? and live_key = ? order by waitlist_no, id`,
        [...formIds, SignupStatus.WAITLISTED, LIVE],
      );
      return formIds.map((formId) => {
        const positions = new Map<number, number>();
        for (const row of rows) if (Number(row.form) === formId) positions.set(Number(row.id), positions.size + 1);
        return positions;
      });
    }),
    /** `formId:memberId` → the member's live submission, else their latest cancelled one. */
    signupOfMember: new DataLoader<string, SignupSubmission | null>(async (keys) => {
      const pairs = keys.map((key) => key.split(':').map(Number));
      const rows = await em.find(
        SignupSubmission,
        { form: { $in: [...new Set(pairs.map(([form]) => form))] }, member: { $in: [...new Set(pairs.map(([, member]) => member))] } },
        { orderBy: { id: 'desc' } },
      );
      return pairs.map(([formId, memberId]) => {
        const own = rows.filter((row) => row.form.id === formId && row.member.id === memberId);
        return own.find((row) => row.liveKey === LIVE) ?? own[0] ?? null;
      });
    }),
  };
}
