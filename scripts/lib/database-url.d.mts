export const DEFAULT_DATABASE_URL: string;
export function testDatabaseUrl(env?: Record<string, string | undefined>): string;
export function withDatabase(databaseUrl: string, name: string): string;
export function databaseName(databaseUrl: string): string;
