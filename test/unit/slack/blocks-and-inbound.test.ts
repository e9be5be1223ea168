import { describe, expect, it } from "vitest";
import { asSlackSends } from "../../../adapters/simulator/slack-text.ts";
import { escapeMrkdwn, messageBlocks, reasonModal } from "../../../adapters/slack/blocks.ts";
import { plainFromSlack } from "../../../adapters/slack/slack-text.ts";
import {
  buttonToInbound,
  commandToInbound,
  directMessageToInbound,
  formClosedToInbound,
  formToInbound,
} from "../../../adapters/slack/to-inbound.ts";

describe("Block Kit rendering of neutral replies", () => {
  it("escapes Slack's control characters and nothing else", () => {
    expect(escapeMrkdwn("A & B <tag> *bold* _x_")).toBe("A &amp; B &lt;tag&gt; *bold* _x_");
  });

  it("puts the text in a section and each row of choices in its own actions block", () => {
    const blocks = messageBlocks("Laporan baru", [
      [
        { label: "Setujui", data: "v:ok:a1:1" },
        { label: "Minta revisi", data: "v:rev:a1:1" },
        { label: "Tolak", data: "v:no:a1:1" },
      ],
      [{ label: "Bukti", url: "https://kinerja.test/evidence/x" }],
    ]);
    expect(blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "Laporan baru" } },
      {
        type: "actions",
        block_id: "choices-0",
        elements: [
          {
            type: "button",
            action_id: "choice-0-0",
            text: { type: "plain_text", text: "Setujui", emoji: true },
            value: "v:ok:a1:1",
            style: "primary",
          },
          {
            type: "button",
            action_id: "choice-0-1",
            text: { type: "plain_text", text: "Minta revisi", emoji: true },
            value: "v:rev:a1:1",
          },
          {
            type: "button",
            action_id: "choice-0-2",
            text: { type: "plain_text", text: "Tolak", emoji: true },
            value: "v:no:a1:1",
            style: "danger",
          },
        ],
      },
      {
        type: "actions",
        block_id: "choices-1",
        elements: [
          {
            type: "button",
            action_id: "choice-1-0",
            text: { type: "plain_text", text: "Bukti", emoji: true },
            url: "https://kinerja.test/evidence/x",
          },
        ],
      },
    ]);
  });

  it("splits a long text at Slack's 3,000 characters per section", () => {
    const blocks = messageBlocks("x".repeat(6500));
    expect(blocks.map((b) => (b.text as { text: string }).text.length)).toEqual([3000, 3000, 500]);
  });

  it("asks for a reason in a modal that requires 3 to 500 characters and carries its data", () => {
    const modal = reasonModal({
      title: "Minta revisi",
      question: "Alasan?",
      submit: "Kirim",
      cancel: "Batal",
      metadata: '{"data":"v:rev:a:1"}',
    });
    expect(modal.private_metadata).toBe('{"data":"v:rev:a:1"}');
    expect(modal.blocks[0]?.element).toMatchObject({
      type: "plain_text_input",
      multiline: true,
      min_length: 3,
      max_length: 500,
    });
  });
});

describe("Slack requests as neutral inbound events", () => {
  it("reads /kinerja subcommands, with tautkan as linking and an empty command as help", () => {
    const base = { user_id: "U123", team_id: "T1", trigger_id: "tr-1" };
    expect(commandToInbound({ ...base, text: "lapor" }).event).toEqual({
      kind: "command",
      name: "lapor",
      args: "",
    });
    expect(commandToInbound({ ...base, text: "tautkan  k7qm-2xrd " }).event).toEqual({
      kind: "command",
      name: "start",
      args: "k7qm-2xrd",
    });
    expect(commandToInbound({ ...base, text: "" }).event).toEqual({
      kind: "command",
      name: "bantuan",
      args: "",
    });
    expect(commandToInbound({ ...base, text: "Riwayat minggu" })).toEqual({
      account: { platform: "SLACK", externalId: "U123", address: "U123", teamId: "T1" },
      event: { kind: "command", name: "riwayat", args: "minggu" },
      eventKey: "slack:tr-1",
    });
  });

  it("keeps the pressed message so a decision can update it in place", () => {
    const inbound = buttonToInbound({
      userId: "U9",
      teamId: "T1",
      triggerId: "tr-2",
      value: "v:ok:a:1",
      channelId: "D9",
      messageTs: "1.2",
    });
    expect(inbound.event).toEqual({
      kind: "choice",
      data: "v:ok:a:1",
      message: { chatId: "D9", messageId: "1.2" },
      asksInForm: true,
    });
    expect(inbound.eventKey).toBe("slack:tr-2");
  });

  it("turns a modal submission into a form answer of the ask it came from", () => {
    const inbound = formToInbound({
      userId: "U9",
      teamId: undefined,
      key: "view-V1-h1",
      metadata: { data: "v:no:a:1", chatId: "D9", messageId: "1.2" },
      text: "duplikat",
    });
    expect(inbound.event).toEqual({
      kind: "form",
      data: "v:no:a:1",
      text: "duplikat",
      message: { chatId: "D9", messageId: "1.2" },
    });
  });
});

describe("Slack's text markup", () => {
  it("reads escaped text, links, mentions and channels as the person typed them", () => {
    expect(plainFromSlack("A &amp; B &lt;b&gt; &amp;lt;")).toBe("A & B <b> &lt;");
    expect(plainFromSlack("<https://x.example/a?b=1&amp;c=2|x.example/a>")).toBe(
      "https://x.example/a?b=1&c=2",
    );
    expect(plainFromSlack("lihat <https://x.example/a>.")).toBe("lihat https://x.example/a.");
    expect(plainFromSlack("<@U123|rina> <@U456> <#C1|umum> <!here> <mailto:a@b.id|a@b.id>")).toBe(
      "@rina @U456 #umum @here a@b.id",
    );
  });

  it("is what the stand-in sends for what was typed, and back", () => {
    const typed = "Rapat RT & RW <penting>, lihat https://x.example/a?b=1&c=2. dan www.x.example";
    const sent = asSlackSends(typed);
    expect(sent).toBe(
      "Rapat RT &amp; RW &lt;penting&gt;, lihat <https://x.example/a?b=1&amp;c=2>. dan <http://www.x.example|www.x.example>",
    );
    expect(plainFromSlack(sent)).toBe(
      "Rapat RT & RW <penting>, lihat https://x.example/a?b=1&c=2. dan http://www.x.example",
    );
    expect(asSlackSends("<@U123|rina> <https://x.example/a?b=1&amp;c=2|x.example/a>")).toBe(
      "<@U123|rina> <https://x.example/a?b=1&amp;c=2|x.example/a>",
    );
  });

  it("reads a feedback mention with or without a name, and unescapes the rest", () => {
    const base = { user_id: "U1", team_id: "T1", trigger_id: "tr-3" };
    expect(commandToInbound({ ...base, text: "umpan_balik  <@U777|dewi>  rapi &amp; cepat" }).event).toEqual({
      kind: "command",
      name: "umpan_balik_tim",
      args: "account:SLACK:U777 rapi & cepat",
    });
    expect(commandToInbound({ ...base, text: "umpan_balik <@W777>" }).event).toMatchObject({
      name: "umpan_balik_tim",
      args: "account:SLACK:W777",
    });
  });

  it("turns a shared file into a file event and a closed modal into a form-closed event", () => {
    const shared = directMessageToInbound({
      userId: "U1",
      teamId: "T1",
      text: "scan &amp; foto",
      eventId: "Ev1",
      files: [{ id: "F1", name: "a.png", mimetype: "image/png", size: 10 }],
    });
    expect(shared.event).toEqual({
      kind: "file",
      file: {
        kind: "PHOTO",
        fileId: "F1",
        fileUniqueId: "F1",
        fileName: "a.png",
        mimeType: "image/png",
        sizeBytes: 10,
      },
      caption: "scan & foto",
    });
    const closed = formClosedToInbound({
      userId: "U1",
      teamId: "T1",
      viewId: "V1",
      metadata: { data: "v:rev:a:1" },
    });
    expect(closed).toMatchObject({
      event: { kind: "form-closed", data: "v:rev:a:1" },
      eventKey: "slack:view-closed-V1",
    });
  });
});
