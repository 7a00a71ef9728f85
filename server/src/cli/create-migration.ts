import 'reflect-metadata';
import { loadDatabaseConfig } from '../config';
import { initORM } from '../orm';

/**
 * `DATABASE_URL=mysql://… npm run db:migration:create`: writes server/migrations/Migration<ts>.ts
 * from the difference between the entities and the committed snapshot. Add it to migrations/index.ts.
 */
async function main(): Promise<void> {
  const database = loadDatabaseConfig();
  if (database.kind !== 'mysql') throw new Error('Migrations are written for MySQL: set DATABASE_URL=mysql://…');
  const orm = await initORM(database);
  try {
    const created = await orm.getMigrator().createMigration();
    console.log(created.fileName ? `wrote server/migrations/${created.fileName}` : 'entities and snapshot agree: no migration needed');
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
