import { isIP } from "node:net";
import { z } from "zod";
import { loadPolaDistribusi, type PolaDistribusi } from "./domain/pola-distribusi.ts";

/**
 * The process configuration (SPEC section 2), parsed once at start and passed down. This is the only
 * module that reads the environment. A wrong value stops the process with every problem listed; values
 * themselves are never echoed, so secrets cannot leak through the message.
 */
export const ROLES = ["web", "worker", "scheduler"] as const;
export type Role = (typeof ROLES)[number];
export type LocaleCode = "id" | "en";

export interface Config {
  databaseUrl: string;
  redisUrl: string;
  port: number;
  publicUrl: string | undefined;
  roles: ReadonlySet<Role>;
  telegram: {
    botToken: string | undefined;
    webhookSecret: string | undefined;
    apiRoot: string;
    /** webhook with PUBLIC_URL, long polling with only a token, simulator with no platform credentials */
    mode: "webhook" | "polling" | "simulator" | "off";
  };
  slack: {
    botToken: string | undefined;
    signingSecret: string | undefined;
    apiUrl: string;
    appToken: string | undefined;
    mode: "http" | "socket" | "simulator" | "off";
  };
  /** No Telegram and no Slack credentials: run the local simulator (SPEC section 9). */
  simulator: boolean;
  /**
   * Where the HTTP server listens: 127.0.0.1 for the simulator (it lets anyone act as anyone) unless
   * SIMULATOR_HOST says otherwise; 0.0.0.0 with platform credentials, where the platforms must reach it.
   */
  listenHost: string;
  defaultLocale: LocaleCode;
  telegramSendRate: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  shutdownTimeoutMs: number;
  /** Redis key prefix of the queues (a benchmark or a test uses its own) */
  redisPrefix: string;
  /**
   * Signs evidence links (EVIDENCE_LINK_SECRET). Unset: a random key generated once and kept in the database
   * (src/evidence/link-secret.ts), so all processes of a deployment share it; never derived from other settings.
   */
  evidenceLinkSecret: string | undefined;
  /** Who users should contact about their data (shown in /bantuan) */
  adminContact: string | undefined;
  /** Base URL for links the product sends (evidence): PUBLIC_URL or http://localhost:PORT */
  baseUrl: string;
  /** TRUST_PROXY: how many reverse proxies' X-Forwarded-For to believe (0 = none) */
  trustProxyHops: number;
  /** The pola distribusi rules (POLA_DISTRIBUSI_FILE, else prisma/data/pola-distribusi.json) */
  pola: PolaDistribusi;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const optionalText = z.string().trim().min(1).optional();
const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const url = (protocols: RegExp, expected: string) =>
  z.url({ protocol: protocols, error: `expected ${expected}` });

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { error: `expected a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { error: `expected at least ${min}` })
        .max(max, { error: `expected at most ${max}` }),
    );

const envSchema = z.object({
  DATABASE_URL: url(/^postgres(ql)?$/, "a postgresql:// URL").default(
    "postgresql://postgres@127.0.0.1:5432/kinerja",
  ),
  REDIS_URL: url(/^rediss?$/, "a redis:// or rediss:// URL").default("redis://127.0.0.1:6379"),
  PORT: integer(0, 65535).default(3000),
  PUBLIC_URL: url(/^https?$/, "an http(s) URL").optional(),
  ROLES: z
    .string()
    .default(ROLES.join(","))
    .transform((s) =>
      s
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.enum(ROLES, { error: `expected a comma-separated list of ${ROLES.join(", ")}` }))
        .min(1, { error: `expected at least one of ${ROLES.join(", ")}` }),
    ),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, { error: "expected a bot token like 123456:ABC... from @BotFather" })
    .optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{12,256}$/, { error: "expected 12–256 characters of A-Z, a-z, 0-9, _ or -" })
    .optional(),
  TELEGRAM_API_ROOT: url(/^https?$/, "an http(s) URL").default("https://api.telegram.org"),
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .startsWith("xoxb-", { error: "expected a bot token starting with xoxb-" })
    .optional(),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: url(/^https?$/, "an http(s) URL").default("https://slack.com/api/"),
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .startsWith("xapp-", { error: "expected an app token starting with xapp-" })
    .optional(),
  DEFAULT_LOCALE: z.enum(["id", "en"], { error: "expected id or en" }).default("id"),
  TELEGRAM_SEND_RATE: integer(1, 10_000).default(25),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "expected one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  SHUTDOWN_TIMEOUT_MS: integer(100, 120_000).default(10_000),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "expected 1–40 characters of A-Z, a-z, 0-9, _ or -" })
    .default("kinerja"),
  EVIDENCE_LINK_SECRET: z.string().min(16, { error: "expected at least 16 characters" }).optional(),
  ADMIN_CONTACT: z.string().trim().max(200, { error: "expected at most 200 characters" }).optional(),
  POLA_DISTRIBUSI_FILE: z.string().trim().min(1).optional(),
  TRUST_PROXY: integer(0, 10).default(0),
  SIMULATOR_HOST: z
    .string()
    .trim()
    .refine((host) => isIP(host) !== 0 || HOSTNAME.test(host), {
      error: "expected an IP address (127.0.0.1, 0.0.0.0, ::1) or a host name",
    })
    .optional(),
});

type Env = Record<string, string | undefined>;

/**
 * Settings that need one another. Checked on the given values (not the parsed ones), so they are reported
 * together with every other problem rather than only once the rest is right.
 */
function missingCompanions(env: Env): string[] {
  const problems: string[] = [];
  if (env.PUBLIC_URL && env.TELEGRAM_BOT_TOKEN && !env.TELEGRAM_WEBHOOK_SECRET)
    problems.push("TELEGRAM_WEBHOOK_SECRET: required when PUBLIC_URL and TELEGRAM_BOT_TOKEN are set");
  if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET)
    problems.push("SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN in HTTP mode (no SLACK_APP_TOKEN)");
  if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN)
    problems.push("SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN is set");
  return problems;
}

/** Blank values count as unset, as docker-compose and .env files often leave them. */
function withoutBlanks(env: Env): Env {
  const result: Env = {};
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && value.trim() !== "") result[key] = value;
  return result;
}

export function parseConfig(env: Env): Config {
  const given = withoutBlanks(env);
  const parsed = envSchema.safeParse(given);
  const problems = (parsed.success ? [] : parsed.error.issues).map((issue) => {
    const name = issue.path.join(".") || "environment";
    const message =
      issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return `${name}: ${message}`;
  });
  problems.push(...missingCompanions(given));
  const pola = readPola(given.POLA_DISTRIBUSI_FILE);
  if (typeof pola === "string") problems.push(`POLA_DISTRIBUSI_FILE: ${pola}`);
  if (!parsed.success || problems.length > 0 || typeof pola === "string") {
    throw new ConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  const simulator = !e.TELEGRAM_BOT_TOKEN && !e.SLACK_BOT_TOKEN;
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    roles: new Set(e.ROLES),
    telegram: {
      botToken: e.TELEGRAM_BOT_TOKEN,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
      apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
      mode: simulator ? "simulator" : !e.TELEGRAM_BOT_TOKEN ? "off" : e.PUBLIC_URL ? "webhook" : "polling",
    },
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL.endsWith("/") ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      appToken: e.SLACK_APP_TOKEN,
      mode: simulator ? "simulator" : !e.SLACK_BOT_TOKEN ? "off" : e.SLACK_APP_TOKEN ? "socket" : "http",
    },
    simulator,
    listenHost: simulator ? (e.SIMULATOR_HOST ?? "127.0.0.1") : "0.0.0.0",
    defaultLocale: e.DEFAULT_LOCALE,
    telegramSendRate: e.TELEGRAM_SEND_RATE,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    redisPrefix: e.REDIS_PREFIX,
    evidenceLinkSecret: e.EVIDENCE_LINK_SECRET,
    adminContact: e.ADMIN_CONTACT,
    baseUrl: e.PUBLIC_URL?.replace(/\/+$/, "") ?? `http://localhost:${e.PORT}`,
    trustProxyHops: e.TRUST_PROXY,
    pola,
  };
}

/** The pola distribusi file, read and checked once at start; a string says what is wrong with it. */
function readPola(file: string | undefined): PolaDistribusi | string {
  try {
    return file ? loadPolaDistribusi(file) : loadPolaDistribusi();
  } catch (error) {
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      return `not a valid pola distribusi file (${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid"})`;
    }
    if (error instanceof SyntaxError) return "not valid JSON";
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`;
  }
}

/** The configuration of this process, from its environment. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}
