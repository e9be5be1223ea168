export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/kinerja";

/** The database the test suite prepares: TEST_DATABASE_URL, else DATABASE_URL's database + "_test". */
export function testDatabaseUrl(env = process.env) {
  if (env.TEST_DATABASE_URL) return env.TEST_DATABASE_URL;
  const url = new URL(env.DATABASE_URL || DEFAULT_DATABASE_URL);
  url.pathname = `${url.pathname.replace(/^\//, "") || "kinerja"}_test`;
  return url.toString();
}

/** Same server, another database name. */
export function withDatabase(databaseUrl, name) {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseName(databaseUrl) {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
}
