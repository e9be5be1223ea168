/**
 * The baseline of `bench:webhook --baseline`: a bare grammY webhook bot on Fastify that echoes each text
 * and answers each button press, nothing else (no database, no Redis). Started as its own process by the
 * bench with BOT_TOKEN, API_ROOT and SECRET; prints "listening on http://127.0.0.1:<port>".
 */
import Fastify from "fastify";
import { Bot, webhookCallback } from "grammy";

const token = process.env.BOT_TOKEN ?? "";
const apiRoot = process.env.API_ROOT ?? "";
const secretToken = process.env.SECRET ?? "";
if (!token || !apiRoot || !secretToken) throw new Error("BOT_TOKEN, API_ROOT and SECRET are required");

const bot = new Bot(token, { client: { apiRoot } });
bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
await bot.init();

const app = Fastify({ logger: false });
app.post("/telegram/webhook", webhookCallback(bot, "fastify", { secretToken }));
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : 0;
process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
process.on("SIGTERM", () => {
  void app.close().then(() => process.exit(0));
});
