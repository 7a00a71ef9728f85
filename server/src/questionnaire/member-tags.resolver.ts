import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Member } from '../member/member.entity';

/**
 * Member.tags is `[String!]!` but the column is NULL until a questionnaire tags the member, so
 * applicants (and everyone who joined an OPEN community) failed the field. Lives here, with the
 * questionnaire that writes the tags, until member/ owns it.
 */
@Resolver(() => Member)
export class MemberTagsResolver {
  @FieldResolver(() => [String], { description: 'Tags from the entry questionnaire' })
  tags(@Root() member: Member): string[] {
    return member.tags ?? [];
  }
}
