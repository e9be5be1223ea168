import { isScore, type Score, UNSUR } from "../domain/ikm.ts";
import { fromLocalDate, type Tx } from "./db-types.ts";

/** The longest comment kept (characters); the database checks it too. */
export const SURVEY_COMMENT_MAX = 1000;

export interface SurveyAnswer {
  unitId: string;
  /** The day in the unit's zone */
  localDate: string;
  /** Nine scores in the order of UNSUR */
  scores: readonly Score[];
  comment: string | null;
  channel: "WEB" | "TELEGRAM";
  servedById: string | null;
  /** The day's mark of the device or chat account (survey-access.ts answeredMark) */
  mark: string;
}

/** Has this device or chat account answered the unit's survey on that day? */
export async function alreadyAnswered(
  tx: Tx,
  unitId: string,
  localDate: string,
  mark: string,
): Promise<boolean> {
  const found = await tx.surveyAnswered.findUnique({
    where: { unitId_localDate_hash: { unitId, localDate: fromLocalDate(localDate), hash: mark } },
    select: { hash: true },
  });
  return found !== null;
}

/**
 * Records one answer, once per device or chat account, unit and day: the day's mark and the answer are written
 * together (the caller's transaction), and a second answer with the same mark writes nothing. The answer keeps no
 * trace of the mark, the account or the instant.
 */
export async function recordSurveyAnswer(tx: Tx, answer: SurveyAnswer): Promise<"recorded" | "already"> {
  if (answer.scores.length !== UNSUR.length || !answer.scores.every(isScore)) {
    throw new Error("an answer scores each of the nine unsur from 1 to 4");
  }
  const comment = answer.comment?.trim() || null;
  if (comment && comment.length > SURVEY_COMMENT_MAX) throw new Error("comment too long");
  const day = fromLocalDate(answer.localDate);
  const marked = await tx.$executeRaw`
    INSERT INTO survey_answered (unit_id, local_date, hash)
    VALUES (${answer.unitId}::uuid, ${day}::date, ${answer.mark})
    ON CONFLICT DO NOTHING`;
  if (marked === 0) return "already";
  const s = answer.scores;
  await tx.surveyResponse.create({
    data: {
      unitId: answer.unitId,
      localDate: day,
      u1: s[0]!,
      u2: s[1]!,
      u3: s[2]!,
      u4: s[3]!,
      u5: s[4]!,
      u6: s[5]!,
      u7: s[6]!,
      u8: s[7]!,
      u9: s[8]!,
      comment,
      channel: answer.channel,
      servedById: answer.servedById,
    },
  });
  return "recorded";
}

/**
 * Deletes the marks of days that are over in every zone (before yesterday in UTC: no zone is more than a day
 * behind UTC's date), `batchSize` rows per statement; returns how many.
 */
export async function pruneSurveyMarks(tx: Tx, now: Date, batchSize: number): Promise<number> {
  const utcToday = fromLocalDate(now.toISOString().slice(0, 10));
  const cutoff = new Date(utcToday.getTime() - 24 * 60 * 60 * 1000);
  let total = 0;
  for (;;) {
    const deleted = await tx.$executeRaw`
      DELETE FROM survey_answered WHERE ctid IN (
        SELECT ctid FROM survey_answered WHERE local_date < ${cutoff}::date LIMIT ${batchSize})`;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
