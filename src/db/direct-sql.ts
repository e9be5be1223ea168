import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import pg from "pg";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

/**
 * SQL without Prisma's query compiler (README, "Benchmarks": it costs several times the query itself, also
 * for `$queryRaw`), as named (prepared) statements. `transactionOnConnection` runs `db.$transaction` and
 * notes which pooled connection Prisma took for it; `sql`/`execute` on its `tx` then run on that
 * connection, inside the same transaction. On a client made by `createDb` (no transaction) they run on its
 * pool. Any other transaction runs the same text through Prisma (`$queryRawUnsafe`), so it stays inside
 * that transaction. The results have the same types every way (see `types`).
 */

interface Binding {
  client: pg.PoolClient;
  /** false from the moment Prisma sends COMMIT or ROLLBACK (also on its timeout) */
  live: boolean;
  /** Gives the pooled client its own `query` back */
  unwatch(): void;
}

/**
 * A statement on a transaction that has ended (Prisma committed, rolled back, or gave up at its timeout).
 * It carries Prisma's code for a closed transaction, so the turn is refused as Prisma refused it (a Telegram
 * update is then delivered again).
 */
export class TransactionEnded extends Error {
  readonly code = "P2028";
  constructor() {
    super("the transaction has ended");
    this.name = "TransactionEnded";
  }
}

interface Waiting {
  taking: boolean;
  client: pg.PoolClient | null;
}

const waitingFor = new AsyncLocalStorage<Waiting>();
const pools = new WeakMap<object, pg.Pool>();

/** The pool `createDb` gave a client: `sql`/`execute` on that client (not in a transaction) use it. */
export function registerPool(db: PrismaClient, pool: pg.Pool): void {
  pools.set(db, pool);
}
const bindings = new WeakMap<object, Binding>();
const byClient = new WeakMap<pg.PoolClient, Binding>();

/** A pool whose `connect` notes the connection a `transactionOnConnection` call is waiting for. */
export function createNotingPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const noting = async (): Promise<pg.PoolClient> => {
    const client = await connect();
    const waiting = waitingFor.getStore();
    if (waiting?.taking) {
      waiting.taking = false;
      waiting.client = client;
    }
    return client;
  };
  Object.assign(pool, {
    connect: (callback?: unknown) =>
      callback ? (connect as unknown as (cb: unknown) => void)(callback) : noting(),
  });
  pool.on("release", (_error: Error | undefined, client: pg.PoolClient) => {
    const binding = byClient.get(client);
    if (!binding) return;
    binding.live = false;
    binding.unwatch();
    byClient.delete(client);
  });
  return pool;
}

/** `db.$transaction(fn)`, with `sql`/`execute` on `tx` sent straight over the transaction's connection. */
export function transactionOnConnection<T>(
  db: PrismaClient,
  fn: (tx: Tx) => Promise<T>,
  options: { maxWait: number; timeout: number },
): Promise<T> {
  const waiting: Waiting = { taking: true, client: null };
  return waitingFor.run(waiting, () =>
    db
      .$transaction(async (tx) => {
        // Whatever the callback starts (a timer, a cache fill) takes no connection of its own as this one.
        waiting.taking = false;
        if (waiting.client) {
          const binding = watch(waiting.client);
          bindings.set(tx, binding);
          byClient.set(waiting.client, binding);
        }
        return fn(tx);
      }, options)
      .finally(() => {
        waiting.taking = false;
      }),
  );
}

/**
 * Marks the binding ended the moment Prisma sends COMMIT or ROLLBACK on the client. The pool hands the
 * client back only later (after a timeout, Prisma's ROLLBACK may wait behind a statement still running),
 * and a statement queued after the end must not run outside the transaction.
 */
function watch(client: pg.PoolClient): Binding {
  const query = client.query;
  const binding: Binding = {
    client,
    live: true,
    unwatch: () => {
      delete (client as { query?: unknown }).query;
    },
  };
  const watched = function (this: pg.PoolClient, config: unknown, ...rest: unknown[]) {
    const text = typeof config === "string" ? config : (config as { text?: unknown } | null)?.text;
    if (text === "COMMIT" || text === "ROLLBACK") binding.live = false;
    return (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
  };
  Object.defineProperty(client, "query", { value: watched, configurable: true, writable: true });
  return binding;
}

interface Statement {
  text: string;
  name: string;
}

const statements = new WeakMap<TemplateStringsArray, Statement>();
const named = new Map<string, string>();

const nameOf = (text: string) => `k${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;

/** The statement and its parameters; a `Prisma.Sql` value (a fragment such as `Prisma.raw`) is inlined. */
function statementOf(strings: TemplateStringsArray, values: unknown[]): Statement & { values: unknown[] } {
  if (!values.some((value) => value instanceof Prisma.Sql)) {
    let statement = statements.get(strings);
    if (!statement) {
      const text = strings.reduce((sql, part, i) => (i === 0 ? part : `${sql}$${i}${part}`), "");
      statement = { text, name: nameOf(text) };
      statements.set(strings, statement);
    }
    return { ...statement, values };
  }
  let text = strings[0] ?? "";
  const flat: unknown[] = [];
  const add = (value: unknown) => {
    flat.push(value);
    text += `$${flat.length}`;
  };
  values.forEach((value, i) => {
    if (value instanceof Prisma.Sql) {
      value.strings.forEach((part, k) => {
        if (k > 0) add(value.values[k - 1]);
        text += part;
      });
    } else {
      add(value);
    }
    text += strings[i + 1] ?? "";
  });
  let name = named.get(text);
  if (!name) {
    name = nameOf(text);
    if (named.size < 1000) named.set(text, name);
  }
  return { text, name, values: flat };
}

/** Parameters as Prisma sends them: instants in UTC (pg would write a Date in the process's zone). */
function wireValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(wireValue);
  return value;
}

const DATE = 1082;
const TIMESTAMP = 1114;
const INT8 = 20;

/** Results as Prisma's `$queryRaw` gives them: DATE as UTC midnight, TIMESTAMP as UTC, INT8 as bigint. */
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00.000Z`);
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === INT8) return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

function liveBinding(tx: Tx): Binding | undefined {
  const binding = bindings.get(tx);
  if (binding && !binding.live) throw new TransactionEnded();
  return binding;
}

/** A query's rows: sql<Row>(tx)`SELECT ... ${value}`, each `${value}` a parameter. */
export function sql<T>(tx: Tx) {
  return (strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]> =>
    queryRows<T>(tx, strings, values);
}

/** A statement's count of rows changed: execute(tx)`UPDATE ... ${value}`. */
export function execute(tx: Tx) {
  return (strings: TemplateStringsArray, ...values: unknown[]): Promise<number> =>
    countRows(tx, strings, values);
}

async function run(tx: Tx, strings: TemplateStringsArray, values: unknown[]) {
  const statement = statementOf(strings, values);
  const binding = liveBinding(tx);
  const on = binding?.client ?? pools.get(tx);
  if (!on) return { statement, result: undefined };
  const result = await on.query({
    name: statement.name,
    text: statement.text,
    values: statement.values.map(wireValue),
    types,
  });
  return { statement, result };
}

async function queryRows<T>(tx: Tx, strings: TemplateStringsArray, values: unknown[]): Promise<T[]> {
  const { statement, result } = await run(tx, strings, values);
  if (!result) return tx.$queryRawUnsafe<T[]>(statement.text, ...statement.values);
  return result.rows as T[];
}

async function countRows(tx: Tx, strings: TemplateStringsArray, values: unknown[]): Promise<number> {
  const { statement, result } = await run(tx, strings, values);
  if (!result) return tx.$executeRawUnsafe(statement.text, ...statement.values);
  return result.rowCount ?? 0;
}
