import { formatNumber } from "../../i18n/format.ts";
import { takenTrainings } from "../../services/training.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import type { Choice, Reply } from "../types.ts";

/** Trainings per page of the catalogue (each with its own **Ajukan** row). */
export const CATALOGUE_PAGE_SIZE = 8;
/** Below Telegram's 4,096 characters (and a few Slack sections), whatever the catalogue's texts. */
const TEXT_MAX = 3800;
const NAME_MAX = 100;
const ORGANIZER_MAX = 60;

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A page number of a `p:cat:<page>` button: a positive integer as the product writes it, else null. */
export function parseCataloguePage(text: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(text) ? Number(text) : null;
}

/**
 * **Katalog pelatihan** (`p:cat` = page 1, `p:cat:<page>`): the active catalogue by code, eight a page, each
 * with code, name, JP, organiser and link, and **Ajukan <kode>** (`p:ask:<id>`, flows/training.ts) for each
 * not taken yet; **Sebelumnya / Berikutnya** as needed. A page beyond the last (the catalogue shrank since
 * the button was sent) shows the last page; a page that is no positive integer is refused by the caller.
 * From a paging button the message is replaced in place; from `/pelatihan` it comes as a new message.
 */
export async function showTrainingCatalogue(
  ctx: TurnContext,
  requested: number,
  inPlace: boolean,
): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const t = ctx.t.training;
  const total = await ctx.tx.training.count({ where: { active: true } });
  const answer = (text: string, choices: Choice[][] = []): Reply =>
    inPlace && ctx.pressed ? { kind: "edit", message: ctx.pressed, text, choices } : message(text, choices);
  if (total === 0) return reply(answer(t.noCatalogue)).keep();

  const pages = Math.ceil(total / CATALOGUE_PAGE_SIZE);
  const page = Math.min(requested, pages);
  const rows = await ctx.tx.training.findMany({
    where: { active: true },
    orderBy: [{ code: "asc" }, { id: "asc" }],
    skip: (page - 1) * CATALOGUE_PAGE_SIZE,
    take: CATALOGUE_PAGE_SIZE,
    select: { id: true, code: true, name: true, hours: true, organizer: true, url: true },
  });
  const taken = await takenTrainings(ctx.tx, person.id);

  const entries = rows.map((training, index) => {
    const number = (page - 1) * CATALOGUE_PAGE_SIZE + index + 1;
    const line = t.trainingLine(
      training.code,
      shorten(training.name, NAME_MAX),
      formatNumber(training.hours.toNumber(), ctx.locale),
      training.organizer ? shorten(training.organizer, ORGANIZER_MAX) : null,
    );
    return {
      head: `${number}. ${line}`,
      link: training.url ? t.link(training.url) : null,
      note: taken.has(training.id) ? t.catalogueTaken : null,
    };
  });
  const render = () =>
    [
      t.catalogueHeader(page, pages, total),
      "",
      ...entries.flatMap((e) => [e.head, ...(e.link ? [e.link] : []), ...(e.note ? [e.note] : [])]),
    ].join("\n");
  // Links may be up to 500 characters each: the longest give way first (the supervisor's message has it).
  let text = render();
  while (text.length > TEXT_MAX) {
    const longest = entries.reduce<(typeof entries)[number] | null>(
      (found, e) => (e.link && (!found?.link || e.link.length > found.link.length) ? e : found),
      null,
    );
    if (!longest) break;
    longest.link = null;
    text = render();
  }

  const choices: Choice[][] = rows
    .filter((training) => !taken.has(training.id))
    .map((training) => [{ label: t.askButton(training.code), data: `p:ask:${training.id}` }]);
  const nav: Choice[] = [];
  if (page > 1) nav.push({ label: t.previousPage, data: `p:cat:${page - 1}` });
  if (page < pages) nav.push({ label: t.nextPage, data: `p:cat:${page + 1}` });
  if (nav.length > 0) choices.push(nav);
  return reply(answer(text, choices)).keep();
}
