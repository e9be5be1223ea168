import pg from "pg";
import type { Db } from "../db/client.ts";
import { transactionOnConnection } from "../db/direct-sql.ts";
import { loadPolaDistribusi, type PolaDistribusi } from "../domain/pola-distribusi.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { messagesFor } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import { homeBoardFor } from "../notifications/home-board.ts";
import type { OutboundMessage } from "../outbound/port.ts";
import { writeEffects } from "../outbox/outbox.ts";
import { linkFromDirectory } from "../services/account-linking.ts";
import { personOfAccount } from "../services/account-person.ts";
import { claimEvent } from "../services/processed-events.ts";
import { createUnitCalendarCache } from "../services/unit-calendar-cache.ts";
import {
  type Effect,
  type PendingImage,
  type PersonInContext,
  reply,
  type TurnContext,
  type TurnResult,
} from "./context.ts";
import type { EvidenceLinks } from "./review-message.ts";
import { routeEvent } from "./router.ts";
import { forgetState, StateVersionConflict, writeState } from "./state-store.ts";
import { startTurn } from "./turn-start.ts";
import type { AccountRef, Inbound, LocaleCode, Reply } from "./types.ts";

/** Told when a committed turn wrote effects to the outbox (the relay then moves them to the queue). */
export interface EffectSink {
  committed(): void;
}

export interface ConversationEngineDeps {
  db: Db;
  clock: () => Date;
  effects: EffectSink;
  logger: Logger;
  defaultLocale: LocaleCode;
  /** Who users should contact about their data, shown in /bantuan */
  adminContact?: string;
  links: EvidenceLinks;
  /** How long a process keeps a unit's rules and holidays (default 30 s; 0 reads them every turn) */
  unitCacheTtlMs?: number;
  /** The pola distribusi rules (POLA_DISTRIBUSI_FILE); the shipped file by default */
  pola?: PolaDistribusi;
}

export interface ConversationEngine {
  /**
   * Handles one inbound event and returns what to answer. Exactly once per `eventKey`: a redelivered
   * event returns no replies. State, data and the event key are committed together or not at all.
   */
  handle(inbound: Inbound): Promise<Reply[]>;
  /** The polite answer to a turn that failed unexpectedly, in the person's language. */
  apologyFor(account: AccountRef): Promise<Reply[]>;
  /** The language of the person behind an account (the default for an unlinked one). */
  localeOf(account: AccountRef): Promise<LocaleCode>;
  /**
   * The home screen of the person behind an account (Slack App Home; an imported Slack id counts), null
   * when nobody is, or when `eventKey` was handled already (a redelivered event).
   */
  homeFor(account: AccountRef, eventKey?: string): Promise<OutboundMessage | null>;
  /** The platform refused to deliver to this account (blocked bot, chat gone). */
  markUnreachable(account: AccountRef, reason: string): Promise<void>;
}

const MAX_ATTEMPTS = 4;

function isRetryable(error: unknown): boolean {
  if (error instanceof StateVersionConflict) return true;
  // 40001/40P01 from a statement sent straight over the connection (src/db/direct-sql.ts)
  if (error instanceof pg.DatabaseError && (error.code === "40001" || error.code === "40P01")) return true;
  // P2034: write conflict or deadlock; the turn is replayed from the start.
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034";
}

export function createConversationEngine(deps: ConversationEngineDeps): ConversationEngine {
  const { db, logger } = deps;
  const unitCalendars = createUnitCalendarCache(deps.unitCacheTtlMs ?? 30_000);
  const pola = deps.pola ?? loadPolaDistribusi();

  async function runTurn(
    inbound: Inbound,
  ): Promise<{ replies: Reply[]; effects: Effect[]; images: PendingImage[] } | "duplicate"> {
    const now = deps.clock();
    const { platform, externalId } = inbound.account;
    return transactionOnConnection(
      db,
      async (tx) => {
        const start = await startTurn(tx, { platform, externalId, eventKey: inbound.eventKey, now });
        if (!start.fresh) return "duplicate" as const;
        const { account, stored } = start;
        const linked = account?.active ? account : null;
        const person: PersonInContext | null = linked
          ? {
              id: linked.personId,
              name: linked.name,
              unitId: linked.unitId,
              locale: linked.locale ?? deps.defaultLocale,
            }
          : null;
        // Someone who writes to us can be reached again, at the address they write from.
        if (account && (account.address !== inbound.account.address || !account.reachable)) {
          await tx.platformAccount.update({
            where: { id: account.id },
            data: {
              address: inbound.account.address,
              reachable: true,
              unreachableReason: null,
              unreachableAt: null,
            },
          });
        }
        const locale = person?.locale ?? deps.defaultLocale;
        const ctx: TurnContext = {
          tx,
          now,
          account: inbound.account,
          person,
          locale,
          t: messagesFor(locale),
          state: stored.state,
          stateExpired: stored.expired,
          effects: [],
          adminContact: deps.adminContact,
          links: deps.links,
          memo: new Map(),
          unitCalendars,
          pola,
          ...(inbound.event.kind === "choice" && inbound.event.message
            ? { pressed: inbound.event.message }
            : {}),
        };
        const result: TurnResult = await routeEvent(ctx, inbound.event);
        if (result.next === null && !person) {
          await forgetState(tx, { platform, externalId }, stored.version);
        } else if (result.next !== "keep") {
          await writeState(tx, { platform, externalId }, stored.version, result.next, now);
        }
        // The outbox: the turn's effects commit with it or not at all (src/outbox/outbox.ts).
        await writeEffects(tx, ctx.effects);
        return { replies: result.replies, effects: ctx.effects, images: result.images ?? [] };
      },
      { maxWait: 5_000, timeout: 15_000 },
    );
  }

  async function localeOf(account: AccountRef): Promise<LocaleCode> {
    try {
      const linked = await db.platformAccount.findUnique({
        where: { platform_externalId: { platform: account.platform, externalId: account.externalId } },
        select: { person: { select: { locale: true } } },
      });
      return linked?.person.locale ?? deps.defaultLocale;
    } catch {
      return deps.defaultLocale;
    }
  }

  /** After the commit: a picture that fails to draw is left out (its text was answered already). */
  async function renderImages(images: readonly PendingImage[]): Promise<Reply[]> {
    const rendered: Reply[] = [];
    for (const image of images) {
      try {
        rendered.push({ kind: "image", png: await image.render(), alt: image.alt, fileName: image.fileName });
      } catch (error) {
        logger.warn({ err: error, fileName: image.fileName }, "chart rendering failed");
      }
    }
    return rendered;
  }

  return {
    localeOf,
    async apologyFor(account) {
      return apologyIn(await localeOf(account));
    },
    async homeFor(account, eventKey) {
      if (eventKey && !(await claimEvent(db, eventKey, account.platform))) return null;
      const personId = await personOfAccount(db, account);
      if (!personId) return null;
      return homeBoardFor(db, personId, {
        now: deps.clock(),
        defaultLocale: deps.defaultLocale,
        unitCalendars,
      });
    },
    async markUnreachable(account, reason) {
      await db.platformAccount.updateMany({
        where: { platform: account.platform, externalId: account.externalId, reachable: true },
        data: { reachable: false, unreachableReason: reason, unreachableAt: deps.clock() },
      });
    },
    async handle(inbound) {
      if (inbound.directory) {
        const directory = inbound.directory;
        await linkFromDirectory(db, inbound.account, () => directory.email(), deps.clock());
      }
      for (let attempt = 1; ; attempt++) {
        try {
          const outcome = await runTurn(inbound);
          if (outcome === "duplicate") {
            logger.debug({ eventKey: inbound.eventKey }, "duplicate event ignored");
            return [];
          }
          if (outcome.effects.length > 0) deps.effects.committed();
          return [...outcome.replies, ...(await renderImages(outcome.images))];
        } catch (error) {
          if (isRetryable(error) && attempt < MAX_ATTEMPTS) continue;
          throw error;
        }
      }
    },
  };
}

/** The answer for an error nobody planned for: polite, in the user's language, and nothing saved. */
function apologyIn(locale: LocaleCode): Reply[] {
  return reply({ kind: "message", text: messagesFor(locale).common.error }).end().replies;
}
