import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A spreadsheet ready to download, without an Authorization header (Taro.downloadFile cannot send one)' })
export class ExportFile {
  @Field({ description: 'Path on this server, /exports/<signed token>; prefix the API origin' })
  url!: string;

  @Field()
  filename!: string;

  @Field({ description: 'The link stops working after this' })
  expiresAt!: Date;
}
