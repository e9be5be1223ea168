/**
 * What a Slack client puts in a message's (or an escaped slash command's) `text` for what a person
 * typed: `&`, `<` and `>` as `&amp;` `&lt;` `&gt;`, a typed URL wrapped as `<url>` (`www.…` as
 * `<http://www.…|www.…>`), with the `&` inside it escaped too. Markup a client inserts itself (a
 * mention picked from the list, `<@U123|name>`, `<#C123|name>`, `<!here>`, a link with a label) is
 * given in that form and passes through unchanged.
 */
const SLACK_MARKUP = /<(?:[@#!][^<>\s]*|(?:https?:\/\/|mailto:)[^<>\s]*)>/y;
const URL_TYPED = /(?:https?:\/\/|www\.)[^\s<>]+/y;
/** Slack leaves closing punctuation typed after a URL outside the link. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;

const escapeText = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export function asSlackSends(typed: string): string {
  let out = "";
  let i = 0;
  while (i < typed.length) {
    SLACK_MARKUP.lastIndex = i;
    const markup = SLACK_MARKUP.exec(typed);
    if (markup) {
      out += markup[0];
      i += markup[0].length;
      continue;
    }
    const startsWord = i === 0 || /\s|\(/.test(typed[i - 1] ?? "");
    URL_TYPED.lastIndex = i;
    const url = startsWord ? URL_TYPED.exec(typed) : null;
    const link = url?.[0].replace(TRAILING_PUNCTUATION, "");
    if (link && /^(?:https?:\/\/|www\.)./.test(link)) {
      out += link.startsWith("www.")
        ? `<http://${escapeText(link)}|${escapeText(link)}>`
        : `<${escapeText(link)}>`;
      i += link.length;
      continue;
    }
    out += escapeText(typed[i] ?? "");
    i += 1;
  }
  return out;
}

/** A mention as a client inserts it when a user is picked from the list. */
export function slackMention(userId: string, name?: string): string {
  return name === undefined ? `<@${userId}>` : `<@${userId}|${name}>`;
}
