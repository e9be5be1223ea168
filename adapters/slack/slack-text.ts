/**
 * Text as Slack sends it in messages and slash commands: `&`, `<` and `>` escaped as entities, links
 * as `<https://x|label>` or `<https://x>`, mentions as `<@U123|name>` or `<@U123>`, channels as
 * `<#C123|name>`, special mentions as `<!here>`. A literal `<` never appears outside such markup.
 */
const MARKUP_OR_ENTITY = /<([^<>]*)>|&(amp|lt|gt);/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">" };
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>/;

function unescapeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_match, name: string) => ENTITIES[name] ?? "");
}

function plainOfMarkup(inner: string): string {
  const bar = inner.indexOf("|");
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : unescapeEntities(inner.slice(bar + 1));
  if (target.startsWith("@")) return label ? `@${label.replace(/^@/, "")}` : target;
  if (target.startsWith("#")) return label ? `#${label.replace(/^#/, "")}` : target;
  // `<!here>`, `<!subteam^S1|@team>`, `<!date^…|fallback>`: the label is what people saw.
  if (target.startsWith("!")) return label ?? `@${target.slice(1).split("^")[0]}`;
  // A link is the URL it points to (the label may be a shortened form of it).
  if (/^https?:\/\//i.test(target)) return unescapeEntities(target);
  return label ?? unescapeEntities(target.replace(/^mailto:/i, ""));
}

/** What the person typed: entities undone, links as their URL, mentions as `@name`. */
export function plainFromSlack(text: string): string {
  return text.replace(MARKUP_OR_ENTITY, (_match, inner: string | undefined, entity: string | undefined) =>
    inner !== undefined ? plainOfMarkup(inner) : (ENTITIES[entity ?? ""] ?? ""),
  );
}

/** A user mention at the start of the text (`<@U123|name> rest`): the user id and the rest, still as sent. */
export function leadingMention(text: string): { userId: string; rest: string } | undefined {
  const trimmed = text.trimStart();
  const match = MENTION.exec(trimmed);
  if (!match) return undefined;
  return { userId: match[1]!, rest: trimmed.slice(match[0].length).trim() };
}
