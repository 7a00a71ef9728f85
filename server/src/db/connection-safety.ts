/**
 * Statements reach MySQL with their values in place, escaped by the driver's formatter (db/sql.ts
 * withValues), and several go in one query (multipleStatements: a hot transaction's last statements
 * ride with its COMMIT). Escaping on the client is safe only while the server reads a backslash as an
 * escape and the connection speaks utf8mb4: under `NO_BACKSLASH_ESCAPES` the text `\'; drop table x; --`
 * ends its string and stacks a statement, and a multi-byte client charset such as GBK lets a lead byte
 * swallow the escaping backslash. Rather than trust the server's settings, every pooled connection is
 * checked when it is made, and one with such a setting is refused: the server does not start on such
 * a database, and a setting changed later refuses every new connection instead of running unsafely.
 */

/** What is wrong with a connection's settings for client-side escaping, or null when nothing is. */
export function unsafeSessionSetting(session: { sqlMode: string; characterSetClient: string; characterSetConnection: string }): string | null {
  if (session.sqlMode.split(',').map((mode) => mode.trim().toUpperCase()).includes('NO_BACKSLASH_ESCAPES')) {
    return 'sql_mode contains NO_BACKSLASH_ESCAPES';
  }
  for (const [name, charset] of [['character_set_client', session.characterSetClient], ['character_set_connection', session.characterSetConnection]]) {
    if (charset.toLowerCase() !== 'utf8mb4') return `${name} is ${charset}, not utf8mb4`;
  }
  return null;
}

interface CallbackConnection {
  query(sql: string, callback: (error: Error | null, rows?: Array<Record<string, unknown>>) => void): void;
}

/** For the pool's `afterCreate`: a new connection joins the pool only if its settings make client-side escaping safe. */
export function verifyConnectionSafety(connection: CallbackConnection, done: (error: Error | null, connection: CallbackConnection) => void): void {
  connection.query(
    'select @@session.sql_mode as sqlMode, @@session.character_set_client as characterSetClient, @@session.character_set_connection as characterSetConnection',
    (error, rows) => {
      if (error) return done(error, connection);
      const row = rows?.[0] ?? {};
      const problem = unsafeSessionSetting({
        sqlMode: String(row.sqlMode ?? ''),
        characterSetClient: String(row.characterSetClient ?? ''),
        characterSetConnection: String(row.characterSetConnection ?? ''),
      });
      done(problem ? new Error(`Refusing a MySQL connection on which escaped values are not safe: ${problem} (see server/src/db/connection-safety.ts)`) : null, connection);
    },
  );
}
