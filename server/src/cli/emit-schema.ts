import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { printAppSchema } from '../schema';

/** `npm run schema:emit`: rewrites the committed schema/schema.graphql from the code. */
printAppSchema().then((sdl) => {
  const target = path.join(REPO_ROOT, 'schema', 'schema.graphql');
  writeFileSync(target, sdl);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
});
