import { Platform, Type } from '@mikro-orm/core';

/**
 * A JSON column that reads the same on MySQL (which hands back parsed JSON), MariaDB (where
 * JSON is LONGTEXT and comes back as a string) and SQLite (text).
 */
export class JsonColumn<T = unknown> extends Type<T | null, string | null> {
  override convertToDatabaseValue(value: T | null): string | null {
    return value === null || value === undefined ? null : JSON.stringify(value);
  }

  override convertToJSValue(value: unknown): T | null {
    if (value === null || value === undefined) return null;
    return (typeof value === 'string' ? JSON.parse(value) : value) as T;
  }

  override getColumnType(_prop: unknown, platform: Platform): string {
    return platform.getJsonDeclarationSQL();
  }

  override compareAsType(): string {
    return 'string';
  }
}
