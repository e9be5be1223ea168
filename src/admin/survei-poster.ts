import { createRequire } from "node:module";
import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { LocaleCode } from "../conversation/types.ts";
import { messagesFor } from "../i18n/index.ts";

/**
 * The printable poster of a unit's survey (SPEC section 13, `admin survei-qr`): A4 portrait with the title, the
 * unit's name, the QR code of the survey's URL and the URL itself. One layout in points, painted either on a
 * canvas (PNG, 150 dpi) or into a PDF (vector QR, the URL as a link). The font ships with the project
 * (@fontsource/noto-sans), so the poster looks the same on a machine without fonts.
 */
export interface PosterContent {
  unitName: string;
  url: string;
  staffName?: string;
  telegramLink?: string;
  locale?: LocaleCode;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const PNG_WIDTH = 1240;
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve("@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff"),
  bold: require.resolve("@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff"),
};
const INK = "#1b1b1b";
const MUTED = "#4a5560";

type TextBlock = { kind: "text"; text: string; size: number; bold: boolean; color: string; gap: number };
type Block = TextBlock | { kind: "qr"; size: number; gap: number };

interface Painter {
  width(text: string, size: number, bold: boolean): number;
  text(text: string, x: number, y: number, size: number, bold: boolean, color: string): void;
  qr(modules: QRCode.BitMatrix, x: number, y: number, size: number): void;
  link(x: number, y: number, width: number, height: number, url: string): void;
}

function blocksOf(content: PosterContent): Block[] {
  const t = messagesFor(content.locale ?? "id").survey;
  const text = (value: string, size: number, bold: boolean, gap: number, color = INK): TextBlock => ({
    kind: "text",
    text: value,
    size,
    bold,
    color,
    gap,
  });
  return [
    text(t.surveyName.toUpperCase(), 14, true, 10, MUTED),
    text(t.title, 34, true, 14),
    text(content.unitName, 22, true, content.staffName ? 6 : 18),
    ...(content.staffName ? [text(t.posterStaff(content.staffName), 16, false, 14)] : []),
    { kind: "qr" as const, size: 330, gap: 14 },
    text(t.posterScan, 14, false, 6),
    text(content.url, 17, true, 16),
    ...(content.telegramLink ? [text(t.posterTelegram(content.telegramLink), 12, false, 16)] : []),
    text(t.posterFooter, 11, false, 0, MUTED),
  ];
}

/** Words onto lines no wider than `max`; a word too wide on its own (a long URL) is cut where it must. */
function wrap(text: string, max: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= max) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (measure(rest) > max) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut)) > max) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

function paint(painter: Painter, content: PosterContent): void {
  const modules = QRCode.create(content.url, { errorCorrectionLevel: "M" }).modules;
  const usable = A4.width - 2 * MARGIN;
  let y = MARGIN + 10;
  for (const block of blocksOf(content)) {
    if (block.kind === "qr") {
      const x = (A4.width - block.size) / 2;
      painter.qr(modules, x, y, block.size);
      painter.link(x, y, block.size, block.size, content.url);
      y += block.size + block.gap;
      continue;
    }
    const lineHeight = block.size * 1.3;
    for (const line of wrap(block.text, usable, (s) => painter.width(s, block.size, block.bold))) {
      const width = painter.width(line, block.size, block.bold);
      const x = (A4.width - width) / 2;
      painter.text(line, x, y, block.size, block.bold, block.color);
      if (line.includes("/survei/")) painter.link(x, y, width, lineHeight, content.url);
      y += lineHeight;
    }
    y += block.gap;
  }
}

let fontsRegistered = false;
function canvasFonts(): void {
  if (fontsRegistered) return;
  GlobalFonts.registerFromPath(FONT_FILES.regular, "PosterSans");
  GlobalFonts.registerFromPath(FONT_FILES.bold, "PosterSans");
  fontsRegistered = true;
}

/** The poster as a PNG: A4 at 150 dpi (1240 × 1754 pixels), white background. */
export function posterPng(content: PosterContent): Buffer {
  canvasFonts();
  const scale = PNG_WIDTH / A4.width;
  const canvas = createCanvas(PNG_WIDTH, Math.round(A4.height * scale));
  const ctx: SKRSContext2D = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = "top";
  const font = (size: number, bold: boolean) => `${bold ? 700 : 400} ${size * scale}px PosterSans`;
  paint(
    {
      width(text, size, bold) {
        ctx.font = font(size, bold);
        return ctx.measureText(text).width / scale;
      },
      text(text, x, y, size, bold, color) {
        ctx.font = font(size, bold);
        ctx.fillStyle = color;
        ctx.fillText(text, x * scale, y * scale);
      },
      qr(modules, x, y, size) {
        // Whole pixels per module, so the code stays crisp for any camera.
        const count = modules.size + 8;
        const cell = Math.floor((size * scale) / count);
        const left = Math.round(x * scale + (size * scale - cell * count) / 2);
        const top = Math.round(y * scale + (size * scale - cell * count) / 2);
        ctx.fillStyle = "#000000";
        for (let row = 0; row < modules.size; row++) {
          for (let col = 0; col < modules.size; col++) {
            if (modules.get(row, col))
              ctx.fillRect(left + (col + 4) * cell, top + (row + 4) * cell, cell, cell);
          }
        }
      },
      link() {},
    },
    content,
  );
  return canvas.toBuffer("image/png");
}

/** The poster as a one-page A4 PDF: the QR code as vector squares, the code and the URL linked to the survey. */
export function posterPdf(content: PosterContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 0, info: { Title: content.unitName } });
  doc.registerFont("regular", FONT_FILES.regular);
  doc.registerFont("bold", FONT_FILES.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  paint(
    {
      width(text, size, bold) {
        return doc
          .font(bold ? "bold" : "regular")
          .fontSize(size)
          .widthOfString(text);
      },
      text(text, x, y, size, bold, color) {
        doc
          .font(bold ? "bold" : "regular")
          .fontSize(size)
          .fillColor(color)
          .text(text, x, y, { lineBreak: false });
      },
      qr(modules, x, y, size) {
        const cell = size / (modules.size + 8);
        doc.fillColor("#000000");
        for (let row = 0; row < modules.size; row++) {
          // One rectangle per run of dark modules in a row.
          for (let col = 0; col < modules.size; col++) {
            if (!modules.get(row, col)) continue;
            let end = col;
            while (end + 1 < modules.size && modules.get(row, end + 1)) end++;
            doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, (end - col + 1) * cell, cell);
            col = end;
          }
        }
        doc.fill();
      },
      link(x, y, width, height, url) {
        doc.link(x, y, width, height, url);
      },
    },
    content,
  );
  doc.end();
  return done;
}
