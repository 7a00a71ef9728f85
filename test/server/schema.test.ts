import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { buildAppSchema, printAppSchema } from '../../server/src/schema';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after an API change)', async () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printAppSchema());
  });

  it('has no field or argument that could carry a WeChat session key or a secret', async () => {
    const schema = await buildAppSchema();
    const names: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const args: ReadonlyArray<{ name: string }> = 'args' in field ? field.args : [];
        names.push(field.name, ...args.map((arg) => arg.name));
      }
    }
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((name) => /session_?key|secret|openid/i.test(name))).toEqual([]);
  });
});
