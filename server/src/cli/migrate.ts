import 'reflect-metadata';
import { loadDatabaseConfig } from '../config';
import { initORM, migrateDatabase } from '../orm';

/** `npm run db:migrate`: for deployments that migrate before starting the servers. */
async function main(): Promise<void> {
  const database = loadDatabaseConfig();
  const orm = await initORM(database);
  try {
    await migrateDatabase(orm, database);
    console.log(`database schema is up to date (${database.kind})`);
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
