import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { runPrisma } from "../../scripts/lib/prisma-cli.mjs";

/**
 * A Redis server and a PostgreSQL cluster of the test's own, on free loopback ports, that a fault test
 * may SIGKILL and start again on the same port with the same data. Nothing is shared with the
 * suite's services on 6379 and 5432.
 *
 * PostgreSQL refuses to run as root: as root the cluster is made and run as the `postgres` user
 * (runuser), its folder owned by that user; as anyone else it runs as that user.
 */

const POSTGRES_BIN_ROOT = "/usr/lib/postgresql";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** True when a TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function redisPong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let answer = "";
    socket.setTimeout(1_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk;
      if (answer.includes("\r\n")) {
        socket.destroy();
        resolve(answer.startsWith("+PONG"));
      }
    });
    socket.once("error", () => resolve(false));
  });
}

function hasCommand(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function postgresBin(): string | undefined {
  if (!existsSync(POSTGRES_BIN_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_BIN_ROOT)
    .filter((v) => existsSync(join(POSTGRES_BIN_ROOT, v, "bin/pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(POSTGRES_BIN_ROOT, versions[0], "bin") : undefined;
}

const isRoot = () => process.getuid?.() === 0;

function postgresUserIds(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Why the own services cannot run here (a test skips with this), or null when they can. */
export function ownServicesUnavailable(): string | null {
  if (!hasCommand("redis-server")) return "redis-server is not installed";
  if (!postgresBin()) return `no PostgreSQL server binaries under ${POSTGRES_BIN_ROOT}/<version>/bin`;
  if (isRoot() && (!postgresUserIds() || !hasCommand("runuser")))
    return "running as root without a postgres user and runuser: PostgreSQL refuses to run as root";
  return null;
}

/** Runs a PostgreSQL binary as the user the cluster belongs to. */
function asClusterOwner(binary: string, args: string[]): { command: string; args: string[] } {
  return isRoot()
    ? { command: "runuser", args: ["-u", "postgres", "--", binary, ...args] }
    : { command: binary, args };
}

function runChecked(command: { command: string; args: string[] }, what: string): void {
  const result = spawnSync(command.command, command.args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.stdout}\n${result.stderr}`);
}

/** SIGKILLs a process and every process whose parent it is (a server and its backends at once). */
function killTree(pid: number): void {
  const children = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ")".
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  for (const target of [pid, ...children]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A killed child of ours stays a zombie until reaped; /proc tells it is dead.
    return readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return true;
  }
}

export interface OwnRedis {
  readonly port: number;
  readonly url: string;
  /** SIGKILL: no shutdown, no save (and no persistence anyway: its data is gone) */
  kill(): Promise<void>;
  /** Starts again on the same port */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "kinerja-redis-"));
  let child: ChildProcess | undefined;
  const launch = async () => {
    const started = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        "--daemonize",
        "no",
      ],
      { stdio: "ignore" },
    );
    child = started;
    await waitUntil(`redis-server on port ${port}`, async () => {
      if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}`);
      return redisPong(port);
    });
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running?.pid || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once("exit", r));
    running.kill("SIGKILL");
    await exited;
  };
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    async restart() {
      if (child) return;
      await launch();
    },
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OwnPostgres {
  readonly port: number;
  /** URL of a database on this cluster (as the postgres superuser, trust auth on loopback) */
  url(database: string): string;
  /** A new database migrated with the project's migrations (`prisma migrate deploy`, as setup does) */
  createMigratedDatabase(name: string): Promise<string>;
  /** SIGKILLs the postmaster and its backends at once: a crash, not a shutdown */
  kill(): Promise<void>;
  /** Starts again on the same port with the same data (crash recovery) */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(ownServicesUnavailable() ?? "no PostgreSQL");
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), "kinerja-pg-"));
  const data = join(root, "data");
  mkdirSync(data, { mode: 0o700 });
  if (isRoot()) {
    const owner = postgresUserIds();
    if (!owner) throw new Error("no postgres user");
    chownSync(root, owner.uid, owner.gid);
    chownSync(data, owner.uid, owner.gid);
  }
  runChecked(
    asClusterOwner(join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=trust",
      "--encoding=UTF8",
      "--locale=C",
      "--no-sync",
    ]),
    "initdb",
  );
  const pidFile = join(data, "postmaster.pid");
  const postmasterPid = () => Number(readFileSync(pidFile, "utf8").split("\n")[0]);

  const launch = async () => {
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${root}`,
      // fsync=off only skips flushes to the disk, which a killed process does not need; commits still
      // wait for their WAL write (synchronous_commit stays on), or a SIGKILL would lose committed turns.
      "-c fsync=off",
      "-c full_page_writes=off",
      "-c max_connections=100",
    ].join(" ");
    // The old backends of a killed postmaster may still hold its shared memory for a moment: retry.
    for (let attempt = 1; ; attempt++) {
      const start = asClusterOwner(join(bin, "pg_ctl"), [
        "-D",
        data,
        "-o",
        options,
        "-l",
        join(root, "log"),
        "-w",
        "start",
      ]);
      const result = spawnSync(start.command, start.args, { encoding: "utf8" });
      if (result.status === 0) break;
      if (attempt >= 20) {
        const log = existsSync(join(root, "log")) ? readFileSync(join(root, "log"), "utf8").slice(-2000) : "";
        throw new Error(`pg_ctl start failed:\n${result.stdout}\n${result.stderr}\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await waitUntil(`PostgreSQL on port ${port}`, async () => {
      const client = new pg.Client({ connectionString: url("postgres") });
      try {
        await client.connect();
        await client.query("SELECT 1");
        return true;
      } catch {
        return false;
      } finally {
        await client.end().catch(() => undefined);
      }
    });
  };
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  let running = false;
  const kill = async () => {
    if (!running) return;
    running = false;
    const pid = postmasterPid();
    killTree(pid);
    await waitUntil("the killed postmaster to be gone", async () => processGone(pid));
    await waitUntil("the port to close", async () => !(await accepts(port)));
  };

  await launch();
  running = true;
  return {
    port,
    url,
    async createMigratedDatabase(name) {
      const admin = new pg.Client({ connectionString: url("postgres") });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const databaseUrl = url(name);
      if (runPrisma(["migrate", "deploy"], { databaseUrl, quiet: true }) !== 0)
        throw new Error("prisma migrate deploy failed on the own cluster");
      return databaseUrl;
    },
    kill,
    async restart() {
      if (running) return;
      await launch();
      running = true;
    },
    async stop() {
      await kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
