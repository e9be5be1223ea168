import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVIDENCE_LINK_SECRET_NAME } from "../../src/evidence/link-secret.ts";
import { createSignedEvidenceLinks } from "../../src/evidence/signed-links.ts";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB. The app runs without EVIDENCE_LINK_SECRET: its key is the generated one.
let t: TelegramTestApp;
let siti: TelegramTestUser;
let rina: TelegramTestUser;
let activityId: string;

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z" });
  siti = t.user(5001);
  rina = t.user(6001);
  await siti.linkTo(DEMO.siti);
  await rina.linkTo(DEMO.kasiPelayanan);
});
afterAll(async () => {
  await t.close();
});

/** A signed link made with the deployment's stored key, as the product makes them. */
async function linkFor(evidenceId: string): Promise<string> {
  const stored = await t.db.appSecret.findUniqueOrThrow({ where: { name: EVIDENCE_LINK_SECRET_NAME } });
  const links = createSignedEvidenceLinks({ secret: stored.value, baseUrl: t.url, clock: t.clock.read });
  const url = links.evidenceUrl(evidenceId);
  if (!url) throw new Error("no link");
  return url;
}

/** Evidence of the reported activity: a file the Telegram stand-in serves with `mimeType`. */
async function evidenceOf(fileName: string, mimeType: string, bytes = "<b>x</b>"): Promise<string> {
  const fileId = `file-${fileName}`;
  t.botApi.registerFile(fileId, Buffer.from(bytes), mimeType, { fileName });
  const evidence = await t.db.evidence.create({
    data: { activityId, kind: "DOCUMENT", platform: "TELEGRAM", fileId, fileName, mimeType },
  });
  return evidence.id;
}

describe("evidence is served so that no file runs as a page of the product", () => {
  it("sends an HTML document reported on Telegram as an attachment, with nosniff and a closed CSP", async () => {
    await siti.say("/lapor");
    await siti.press(/^Hari ini/);
    await siti.press(/^IKI-1\.1/);
    await siti.say("Memverifikasi berkas KTP-el warga");
    await siti.say("3");
    await siti.say("08.00-09.00");
    t.botApi.registerFile("doc-html", Buffer.from("<script>alert(1)</script>"), "text/html", {
      fileName: "laporan.html",
    });
    await siti.sendDocument("doc-html", "laporan.html", "text/html");
    await siti.press("Kirim");
    expect(siti.lastText()).toContain("laporan terkirim");
    activityId = (await t.db.activity.findFirstOrThrow({ where: { person: { nip: DEMO.siti } } })).id;

    const request = await t.eventually(async () => rina.findButton("Setujui") && rina.lastText(), "review");
    const link = /http:\/\/kinerja\.test(\/evidence\/\S+)/.exec(request)?.[1];
    expect(link).toBeDefined();
    const answer = await fetch(`${t.url}${link}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(answer.headers.get("content-disposition")).toBe('attachment; filename="laporan.html"');
    expect(answer.headers.get("content-type")).toBe("application/octet-stream");
  });

  it.each([
    ["foto.png", "image/png", "inline", "image/png"],
    ["foto.jpg", "IMAGE/JPEG; charset=binary", "inline", "image/jpeg"],
    ["foto.webp", "image/webp", "inline", "image/webp"],
    ["anim.gif", "image/gif", "inline", "image/gif"],
    ["gambar.svg", "image/svg+xml", "attachment", "application/octet-stream"],
    ["halaman.htm", "text/html; charset=utf-8", "attachment", "application/octet-stream"],
    ["data.xml", "application/xhtml+xml", "attachment", "application/octet-stream"],
    ["surat.pdf", "application/pdf", "attachment", "application/pdf"],
    ["catatan.txt", "text/plain", "attachment", "text/plain"],
  ])("serves %s (%s) %s as %s", async (fileName, mimeType, disposition, contentType) => {
    const answer = await fetch(await linkFor(await evidenceOf(fileName, mimeType)));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe(contentType);
    expect(answer.headers.get("content-disposition")).toBe(`${disposition}; filename="${fileName}"`);
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("content-security-policy")).toBe("default-src 'none'");
  });

  it("gives a file name that cannot break out of the header", async () => {
    const id = await evidenceOf('..\\"a b";x=.html', "text/html");
    const answer = await fetch(await linkFor(id));
    expect(answer.headers.get("content-disposition")).toBe('attachment; filename="__a_b__x_.html"');
  });

  it("sends nosniff and the CSP on a refused link and on a missing file too", async () => {
    const id = await evidenceOf("x.html", "text/html");
    const refused = await fetch(`${t.url}/evidence/${id}?exp=99999999999&sig=forged`);
    expect(refused.status).toBe(403);
    const gone = await fetch(await linkFor("00000000-0000-4000-8000-000000000000"));
    expect(gone.status).toBe(404);
    for (const answer of [refused, gone]) {
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("content-security-policy")).toBe("default-src 'none'");
    }
  });
});
