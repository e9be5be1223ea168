// The simulator page: plain browser JavaScript, no build step. Shapes and endpoints: ../contract.ts.
// Server text is only ever put into the page as text nodes or rebuilt from a whitelist of tags.

const API = "/simulator/api";
const STORAGE_KEY = "kinerja-simulator.nip";
const ERROR_MS = 6000;
const REFRESH_DEBOUNCE_MS = 50;

const ui = {
  /** @type {Array<Record<string, unknown>>} */
  people: [],
  nip: "",
  /** The last SimulatorState rendered, or null while loading */
  state: null,
  slackTab: "messages",
  ready: false,
};

const byId = (id) => document.getElementById(id);

// ---------------------------------------------------------------- DOM helper

/**
 * Creates an element. Attributes: `class`, `on<event>` listeners, everything else as an attribute
 * (null, undefined and false are left out). Children: nodes or strings (added as text).
 */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** An http(s) (or mailto, when allowed) URL, normalised; undefined for anything else. */
function safeUrl(raw, allowMailto = false) {
  if (typeof raw !== "string") return undefined;
  const pattern = allowMailto ? /^(https?:\/\/|mailto:)/i : /^https?:\/\//i;
  if (!pattern.test(raw.trim())) return undefined;
  try {
    return new URL(raw.trim()).href;
  } catch {
    return undefined;
  }
}

const externalLink = (href, ...children) =>
  h("a", { href, target: "_blank", rel: "noopener noreferrer" }, ...children);

function clock(at) {
  if (typeof at !== "number") return "";
  return new Date(at).toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit" });
}

/** Replaces a list's content only when it changed (so a click is never lost to a redraw). */
function fill(container, key, build, { scrollToEnd = true } = {}) {
  if (container.dataset.key === key) return;
  const grew = container.dataset.count !== key.split("\n", 1)[0];
  container.replaceChildren(...build());
  container.dataset.key = key;
  container.dataset.count = key.split("\n", 1)[0];
  if (grew && scrollToEnd) scrollToBottom(container);
}

function scrollToBottom(container) {
  container.scrollTop = container.scrollHeight;
}

// ---------------------------------------------------------------- errors and requests

let errorTimer;

function showError(message) {
  const box = byId("sim-error");
  box.textContent = message;
  box.hidden = false;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => {
    box.hidden = true;
    box.textContent = "";
  }, ERROR_MS);
}

/** POSTs JSON to `/simulator/api/<path>`; shows the error sentence of a failed answer. Never throws. */
async function api(path, body) {
  let answer;
  try {
    const response = await fetch(`${API}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    answer = await response.json().catch(() => null);
    if (answer === null || typeof answer !== "object") {
      answer = { ok: response.ok, error: `Server simulator menjawab ${response.status}.` };
    }
    if (!response.ok && answer.ok !== false) {
      answer = { ok: false, error: answer.error ?? `Server simulator menjawab ${response.status}.` };
    }
  } catch {
    answer = { ok: false, error: "Server simulator tidak dapat dihubungi." };
  }
  if (answer.ok === false) showError(answer.error || "Terjadi kesalahan.");
  scheduleRefresh();
  return answer;
}

/** Runs `action` with `button` disabled meanwhile (re-enabled whatever happens). */
async function busy(button, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } finally {
    if (button) button.disabled = false;
  }
}

// ---------------------------------------------------------------- state

let refreshTimer;
let refreshSeq = 0;
let renderedSeq = 0;

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, REFRESH_DEBOUNCE_MS);
}

async function refresh() {
  if (!ui.nip) return;
  const nip = ui.nip;
  refreshSeq += 1;
  const seq = refreshSeq;
  try {
    const response = await fetch(`${API}/state?nip=${encodeURIComponent(nip)}`, { cache: "no-store" });
    const body = await response.json().catch(() => null);
    // A slower, older answer or one for the person shown before is dropped.
    if (nip !== ui.nip || seq < renderedSeq) return;
    if (!response.ok || !body?.person) {
      showError(body?.error ?? `Keadaan simulator tidak dapat dimuat (${response.status}).`);
      return;
    }
    renderedSeq = seq;
    ui.state = body;
    render();
    markReady();
  } catch {
    if (nip === ui.nip) showError("Keadaan simulator tidak dapat dimuat: server tidak dapat dihubungi.");
  }
}

function markReady() {
  if (ui.ready || ui.people.length === 0) return;
  ui.ready = true;
  document.body.dataset.testid = "ready";
  document.body.dataset.ready = "true";
}

function listenForChanges() {
  const events = new EventSource(`${API}/events`);
  events.addEventListener("change", scheduleRefresh);
  events.addEventListener("message", scheduleRefresh);
  // After a reconnect changes may have been missed.
  events.addEventListener("open", scheduleRefresh);
}

// ---------------------------------------------------------------- people

async function loadPeople() {
  for (;;) {
    try {
      const response = await fetch(`${API}/people`, { cache: "no-store" });
      const body = await response.json();
      if (response.ok && Array.isArray(body.people)) return body.people;
      showError(body.error ?? `Daftar orang tidak dapat dimuat (${response.status}).`);
    } catch {
      showError("Daftar orang tidak dapat dimuat: server tidak dapat dihubungi.");
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

const personLabel = (p) => `${p.name} — ${p.position}${p.supervisor ? " (atasan)" : ""}`;

function fillPeople(people) {
  const select = byId("person-select");
  select.replaceChildren(...people.map((p) => h("option", { value: p.nip }, personLabel(p))));
  if (people.length === 0) select.append(h("option", { value: "" }, "Tidak ada orang demo"));
}

function initialNip(people) {
  const known = (nip) => nip && people.some((p) => p.nip === nip);
  const fromUrl = new URLSearchParams(location.search).get("nip");
  if (known(fromUrl)) return fromUrl;
  const stored = localStorage.getItem(STORAGE_KEY);
  if (known(stored)) return stored;
  return people[0]?.nip ?? "";
}

function choosePerson(nip) {
  ui.nip = nip;
  ui.state = null;
  byId("person-select").value = nip;
  localStorage.setItem(STORAGE_KEY, nip);
  const url = new URL(location.href);
  url.searchParams.set("nip", nip);
  history.replaceState(null, "", url);
  byId("link-code-value").textContent = "";
  renderPerson(ui.people.find((p) => p.nip === nip));
  clearPanes();
  if (ui.slackTab === "home") void api("slack/home", { nip });
  void refresh();
}

/** Until the new person's state arrives, nothing of the previous one stays clickable. */
function clearPanes() {
  for (const id of ["tg-list", "slack-messages", "slack-home"]) {
    const list = byId(id);
    list.replaceChildren(h("p", { class: "empty" }, "Memuat…"));
    delete list.dataset.key;
    delete list.dataset.count;
  }
  renderModal(null);
}

function setBadge(node, label, linked) {
  node.textContent = `${linked ? "✓" : "○"} ${label}: ${linked ? "tertaut" : "belum"}`;
  node.title = `${label} ${linked ? "sudah" : "belum"} ditautkan untuk orang ini`;
  node.dataset.linked = String(Boolean(linked));
}

function renderPerson(person) {
  if (!person) return;
  setBadge(byId("badge-telegram"), "Telegram", person.telegramLinked);
  setBadge(byId("badge-slack"), "Slack", person.slackLinked);
}

async function requestLinkCode(button) {
  const answer = await busy(button, () => api("link-code", { nip: ui.nip }));
  if (!answer.ok || !answer.code) return;
  byId("link-code-value").textContent = answer.code;
  const input = byId("tg-input");
  input.value = `/start ${answer.code}`;
  input.focus();
}

// ---------------------------------------------------------------- render

function render() {
  const { state } = ui;
  renderPerson(state.person);
  renderTelegram(state.telegram.items);
  renderSlackMessages(state.slack.items);
  renderSlackHome(state.slack.home);
  renderModal(state.slack.modal);
}

// ---------------------------------------------------------------- Telegram

/** Elements whose content is not text a user would see. */
const DROPPED_TAGS = new Set(["script", "style", "template", "head"]);
const TG_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "code",
  "pre",
  "blockquote",
]);

/** A bot text as nodes: Telegram's HTML tag set rebuilt element by element, anything else as text. */
function telegramText(text, parseMode) {
  if (String(parseMode ?? "").toLowerCase() !== "html") return document.createTextNode(text);
  // DOMParser's document is inert: nothing in it runs or loads; only its tree is read.
  const parsed = new DOMParser().parseFromString(text, "text/html");
  const out = document.createDocumentFragment();
  appendSafe(out, parsed.body.childNodes);
  return out;
}

function appendSafe(target, nodes) {
  for (const node of nodes) {
    if (node.nodeType === Node.TEXT_NODE) target.append(node.data);
    else if (node.nodeType === Node.ELEMENT_NODE && !DROPPED_TAGS.has(node.localName)) {
      target.append(safeElement(node));
    }
  }
}

function safeElement(source) {
  const tag = source.localName;
  let target;
  if (TG_TAGS.has(tag)) {
    target = document.createElement(tag);
  } else if (tag === "a") {
    const href = safeUrl(source.getAttribute("href"));
    target = href ? externalLink(href) : document.createDocumentFragment();
  } else if (tag === "tg-spoiler" || (tag === "span" && source.classList.contains("tg-spoiler"))) {
    target = h("span", {
      class: "tg-spoiler",
      title: "Spoiler: klik untuk membuka",
      onclick: (event) => event.currentTarget.classList.add("revealed"),
    });
  } else {
    target = document.createDocumentFragment(); // an unknown tag: only its text stays
  }
  appendSafe(target, source.childNodes);
  return target;
}

const mediaPlaceholder = (kind) =>
  h(
    "div",
    { class: "tg-media", "aria-label": kind === "document" ? "Dokumen" : "Foto" },
    kind === "document" ? "📄 Dokumen" : "📷 Foto",
  );

function telegramMeta(item) {
  return h("span", { class: "meta" }, item.edited ? "(diedit) " : "", clock(item.at));
}

function telegramUserMessage(item) {
  return h(
    "div",
    { class: "tg-message user", "data-testid": "tg-message", "data-from": "user" },
    h(
      "div",
      { class: "tg-bubble" },
      item.photo ? mediaPlaceholder("photo") : null,
      item.text ? h("div", { class: "tg-text" }, item.text) : null,
      telegramMeta(item),
    ),
  );
}

function telegramBotMessage(item) {
  const media = item.imageUrl
    ? h("img", { class: "tg-image", src: item.imageUrl, alt: item.text, loading: "lazy" })
    : item.kind === "text"
      ? null
      : mediaPlaceholder(item.kind);
  return h(
    "div",
    {
      class: "tg-message bot",
      "data-testid": "tg-message",
      "data-from": "bot",
      "data-message-id": item.messageId,
    },
    h(
      "div",
      { class: "tg-bubble" },
      media,
      item.text ? h("div", { class: "tg-text" }, telegramText(item.text, item.parseMode)) : null,
      telegramMeta(item),
    ),
    item.buttons?.length ? telegramKeyboard(item) : null,
  );
}

function telegramKeyboard(item) {
  return h(
    "div",
    { class: "tg-keyboard" },
    item.buttons.map((row) =>
      h(
        "div",
        { class: "tg-keyrow" },
        row.map((button) => telegramButton(item.messageId, button)),
      ),
    ),
  );
}

function telegramButton(messageId, button) {
  if (button.url) {
    const href = safeUrl(button.url);
    return href
      ? h(
          "a",
          {
            class: "tg-key url",
            "data-testid": "tg-button",
            href,
            target: "_blank",
            rel: "noopener noreferrer",
          },
          button.text,
        )
      : h(
          "button",
          { type: "button", class: "tg-key", "data-testid": "tg-button", disabled: true },
          button.text,
        );
  }
  return h(
    "button",
    {
      type: "button",
      class: "tg-key",
      "data-testid": "tg-button",
      onclick: (event) =>
        busy(event.currentTarget, () => api("telegram/press", { nip: ui.nip, messageId, data: button.data })),
    },
    button.text,
  );
}

/** The pop-up Telegram shows after a button press, kept in the chat so it can be read. */
function telegramNotice(item) {
  return h(
    "div",
    { class: "tg-notice", "data-testid": "tg-notice", role: "status" },
    h("span", {}, item.text),
  );
}

function telegramItem(item) {
  if (item.from === "bot") return telegramBotMessage(item);
  if (item.from === "notice") return telegramNotice(item);
  return telegramUserMessage(item);
}

function renderTelegram(items) {
  const build = () =>
    items.length > 0
      ? items.map(telegramItem)
      : [h("p", { class: "empty" }, "Belum ada pesan. Minta kode tautan lalu kirim /start KODE.")];
  fill(byId("tg-list"), `${ui.nip}:${items.length}\n${JSON.stringify(items)}`, build);
}

/** Sends a text; answers whether the server took it. */
async function sendTelegramText(text, button) {
  if (!text) return false;
  const answer = await busy(button, () => api("telegram/message", { nip: ui.nip, text }));
  return answer.ok === true;
}

async function onTelegramSubmit(event) {
  event.preventDefault();
  const input = byId("tg-input");
  const text = input.value.trim();
  if ((await sendTelegramText(text, byId("tg-send"))) && input.value.trim() === text) input.value = "";
}

async function onTelegramPhoto(event) {
  const input = byId("tg-input");
  const caption = input.value.trim();
  const answer = await busy(event.currentTarget, () =>
    api("telegram/photo", caption ? { nip: ui.nip, caption } : { nip: ui.nip }),
  );
  if (answer.ok && input.value.trim() === caption) input.value = "";
}

// ---------------------------------------------------------------- Slack mrkdwn

const ENTITIES = { amp: "&", lt: "<", gt: ">" };
const decodeEntities = (text) => text.replace(/&(amp|lt|gt);/g, (_, name) => ENTITIES[name]);

// One token at a time: ```pre```, <link|label>, `code`, *bold*, _italic_, ~strike~ (markers at word edges).
const MRKDWN =
  /```([\s\S]+?)```|<([^<>\n]+)>|`([^`\n]+)`|(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)([^_\n]+?)(?<!\s)_(?!\w)|(?<![\w~])~(?!\s)([^~\n]+?)(?<!\s)~(?![\w~])/g;

/** Slack mrkdwn as nodes; every piece of text goes in as a text node (entities decoded). */
function mrkdwn(text) {
  const out = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(MRKDWN)) {
    out.append(decodeEntities(text.slice(last, match.index)), mrkdwnToken(match));
    last = match.index + match[0].length;
  }
  out.append(decodeEntities(text.slice(last)));
  return out;
}

function mrkdwnToken([, pre, link, code, bold, italic, strike]) {
  if (pre !== undefined) return h("pre", { class: "sk-pre" }, decodeEntities(pre.replace(/^\n/, "")));
  if (link !== undefined) return slackLink(link);
  if (code !== undefined) return h("code", {}, decodeEntities(code));
  if (bold !== undefined) return h("b", {}, mrkdwn(bold));
  if (italic !== undefined) return h("i", {}, mrkdwn(italic));
  return h("s", {}, mrkdwn(strike));
}

/** `<http…|label>`, `<http…>`, `<@U123>`, `<#C123|name>`, `<!here>`, `<!date^…|fallback>`. */
function slackLink(inner) {
  const bar = inner.indexOf("|");
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decodeEntities(inner.slice(bar + 1));
  if (target.startsWith("@") || target.startsWith("#")) {
    return h("span", { class: "sk-mention" }, label ? `${target[0]}${label}` : target);
  }
  if (target.startsWith("!")) return label ?? `@${target.slice(1).split("^")[0]}`;
  const href = safeUrl(decodeEntities(target), true);
  return href ? externalLink(href, label ?? decodeEntities(target)) : (label ?? decodeEntities(target));
}

/** A Block Kit text object: mrkdwn rendered, plain_text as is. */
function textObject(object) {
  if (typeof object === "string") return document.createTextNode(object);
  if (!object || typeof object.text !== "string") return null;
  return object.type === "mrkdwn" ? mrkdwn(object.text) : document.createTextNode(object.text);
}

// ---------------------------------------------------------------- Slack blocks

/**
 * @typedef {{ surface: "message" | "home" | "modal", channel?: string, ts?: string }} Surface
 */

/** @param {Surface} surface */
const slackBlocks = (blocks, surface) =>
  (Array.isArray(blocks) ? blocks : []).map((block) => slackBlock(block, surface)).filter(Boolean);

function slackBlock(block, surface) {
  switch (block?.type) {
    case "header":
      return h("div", { class: "sk-header" }, textObject(block.text));
    case "section":
      return slackSection(block, surface);
    case "context":
      return slackContext(block);
    case "divider":
      return h("hr", { class: "sk-divider" });
    case "actions":
      return slackActions(block, surface);
    case "image":
      return h("div", { class: "sk-image" }, `🖼 ${block.alt_text ?? block.title?.text ?? "Gambar"}`);
    case "input":
      return h("div", { class: "sk-text" }, textObject(block.label));
    default:
      return block?.text ? h("div", { class: "sk-text" }, textObject(block.text)) : null;
  }
}

function slackSection(block, surface) {
  const accessory = block.accessory?.type === "button" ? slackButton(block.accessory, block, surface) : null;
  return h(
    "div",
    { class: `sk-section${accessory ? " with-accessory" : ""}` },
    h(
      "div",
      { class: "sk-section-main" },
      block.text ? h("div", { class: "sk-text" }, textObject(block.text)) : null,
      Array.isArray(block.fields) && block.fields.length > 0
        ? h(
            "div",
            { class: "sk-fields" },
            block.fields.map((field) => h("div", { class: "sk-text" }, textObject(field))),
          )
        : null,
    ),
    accessory ? h("div", { class: "sk-accessory" }, accessory) : null,
  );
}

function slackContext(block) {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  return h(
    "div",
    { class: "sk-context" },
    elements.filter((e) => e?.type !== "image").map((e) => h("span", {}, textObject(e))),
  );
}

function slackActions(block, surface) {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  return h(
    "div",
    { class: "sk-actions" },
    elements.map((element) =>
      element?.type === "button"
        ? slackButton(element, block, surface)
        : h(
            "span",
            { class: "sk-unsupported" },
            element?.placeholder?.text ?? `(${element?.type ?? "elemen"} tidak didukung)`,
          ),
    ),
  );
}

function slackButton(element, block, surface) {
  const label = element.text?.text ?? element.action_id ?? "Tombol";
  const className = `sk-button${element.style === "primary" || element.style === "danger" ? ` ${element.style}` : ""}`;
  if (element.url) {
    const href = safeUrl(element.url);
    return h(
      "a",
      { class: className, "data-testid": "slack-button", href, target: "_blank", rel: "noopener noreferrer" },
      label,
    );
  }
  return h(
    "button",
    {
      type: "button",
      class: className,
      "data-testid": "slack-button",
      "data-action-id": element.action_id,
      onclick: (event) => clickSlack(event.currentTarget, element, block, surface),
    },
    label,
  );
}

async function clickSlack(button, element, block, surface) {
  if (surface.surface === "modal") {
    showError("Tombol di dalam modal belum didukung simulator.");
    return;
  }
  const common = { nip: ui.nip, actionId: element.action_id, blockId: block.block_id };
  const body =
    surface.surface === "home"
      ? { ...common, surface: "home" }
      : { ...common, surface: "message", channel: surface.channel, ts: surface.ts };
  await busy(button, () => api("slack/click", body));
}

// ---------------------------------------------------------------- Slack messages and Home

const initials = (name) =>
  name
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => word[0].toUpperCase())
    .join("") || "?";

function slackMessage(item) {
  const bot = item.from === "bot";
  const name = bot ? "kinerja-bot" : (ui.state?.person?.name ?? "Anda");
  let body;
  if (!bot) body = [h("div", { class: "sk-text plain" }, item.text)];
  else if (Array.isArray(item.blocks) && item.blocks.length > 0) {
    body = slackBlocks(item.blocks, { surface: "message", channel: item.channel, ts: item.ts });
  } else body = [h("div", { class: "sk-text" }, mrkdwn(item.text ?? ""))];
  return h(
    "article",
    {
      class: `sk-message ${bot ? "bot" : "user"}${item.ephemeral ? " ephemeral" : ""}`,
      "data-testid": "slack-message",
      "data-from": item.from,
    },
    h(
      "div",
      { class: `avatar sk-avatar ${bot ? "bot" : "user"}`, "aria-hidden": "true" },
      bot ? "K" : initials(name),
    ),
    h(
      "div",
      { class: "sk-main" },
      item.ephemeral ? h("div", { class: "sk-ephemeral" }, "👁 Hanya terlihat oleh Anda") : null,
      h(
        "div",
        { class: "sk-meta" },
        h("b", {}, name),
        bot ? h("span", { class: "sk-app" }, "APLIKASI") : null,
        h("time", {}, clock(item.at)),
        item.edited ? h("span", { class: "sk-edited" }, "(diedit)") : null,
      ),
      body,
    ),
  );
}

function renderSlackMessages(items) {
  const build = () =>
    items.length > 0
      ? items.map(slackMessage)
      : [h("p", { class: "empty" }, "Belum ada pesan. Coba ketik /kinerja antrian.")];
  fill(byId("slack-messages"), `${ui.nip}:${items.length}\n${JSON.stringify(items)}`, build);
}

function renderSlackHome(home) {
  const build = () =>
    home
      ? [
          h(
            "div",
            { class: "sk-home-view", "data-view-id": home.viewId },
            slackBlocks(home.blocks, { surface: "home" }),
          ),
        ]
      : [h("p", { class: "empty" }, "Beranda belum diterbitkan oleh aplikasi.")];
  fill(byId("slack-home"), `${ui.nip}\n${JSON.stringify(home)}`, build, { scrollToEnd: false });
}

function showSlackTab(tab) {
  ui.slackTab = tab;
  for (const [name, id] of [
    ["messages", "slack-tab-messages"],
    ["home", "slack-tab-home"],
  ]) {
    byId(id).setAttribute("aria-selected", String(name === tab));
  }
  byId("slack-messages").hidden = tab !== "messages";
  byId("slack-home").hidden = tab !== "home";
  if (tab === "home") void api("slack/home", { nip: ui.nip });
  else scrollToBottom(byId("slack-messages"));
}

async function onSlackSubmit(event) {
  event.preventDefault();
  const input = byId("slack-input");
  const text = input.value.trim();
  if (!text) return;
  const command = /^\/kinerja(?:\s|$)/i.test(text);
  const answer = await busy(byId("slack-send"), () =>
    command
      ? api("slack/command", { nip: ui.nip, text: text.slice("/kinerja".length).trim() })
      : api("slack/message", { nip: ui.nip, text }),
  );
  if (!answer.ok) return;
  if (input.value.trim() === text) input.value = "";
  if (ui.slackTab !== "messages") showSlackTab("messages");
}

// ---------------------------------------------------------------- Slack modal

let modalKey = "";
let fieldSeq = 0;
/** Problems the page found before sending (as Slack's client does), for the modal they belong to */
let localProblems = { viewId: "", errors: {} };

const modalLayer = () => document.querySelector('[data-testid="slack-modal"]');
const modalFields = (layer) => [
  ...layer.querySelectorAll('[data-testid="slack-modal-input"], [data-testid="slack-modal-radio"]'),
];

function modalErrors(modal) {
  const local = localProblems.viewId === modal.viewId ? localProblems.errors : {};
  return { ...modal.errors, ...local };
}

function renderModal(modal) {
  const layer = modalLayer();
  if (!modal) {
    layer?.remove();
    modalKey = "";
    return;
  }
  const key = JSON.stringify([ui.nip, modal.viewId, modal.title, modal.submit, modal.close, modal.blocks]);
  if (layer && key === modalKey) {
    showModalErrors(layer, modalErrors(modal));
    return;
  }
  // The same view updated: keep what was typed and chosen, and the focus.
  const sameView = layer?.dataset.viewId === modal.viewId;
  const drafts = sameView ? modalValues(layer) : {};
  const focused = sameView ? fieldKey(document.activeElement) : undefined;
  const fresh = buildModal(modal, drafts);
  if (layer) layer.replaceWith(fresh);
  else document.querySelector('[data-testid="slack"]').append(fresh);
  modalKey = key;
  showModalErrors(fresh, modalErrors(modal));
  const fields = modalFields(fresh);
  const refocus = fields.find((field) => focused && fieldKey(field) === focused);
  // The modal opens at its top (a rating form starts with the evidence), its first field focused.
  if (refocus) refocus.focus({ preventScroll: true });
  else if (!sameView) fields[0]?.focus({ preventScroll: true });
}

/** Which field a node is, across a redraw: its block and action (and a radio's value). */
function fieldKey(node) {
  const testid = node?.dataset?.testid;
  if (testid === "slack-modal-input") return `${node.dataset.blockId}\n${node.dataset.actionId}`;
  if (testid !== "slack-modal-radio") return undefined;
  const group = node.closest('[data-testid="slack-modal-radios"]');
  return group ? `${group.dataset.blockId}\n${group.dataset.actionId}\n${node.value}` : undefined;
}

function buildModal(modal, drafts) {
  return h(
    "div",
    {
      class: "sk-modal-layer",
      "data-testid": "slack-modal",
      "data-view-id": modal.viewId,
      onkeydown: (event) => {
        if (event.key === "Escape") cancelModal(byId("slack-modal-cancel"));
      },
    },
    h(
      "form",
      {
        class: "sk-modal",
        role: "dialog",
        "aria-modal": "true",
        "aria-labelledby": "slack-modal-title",
        novalidate: true,
        onsubmit: submitModal,
        oninput: clearFieldProblem,
        onchange: clearFieldProblem,
      },
      h(
        "header",
        { class: "sk-modal-head" },
        h("h2", { id: "slack-modal-title" }, modal.title),
        h(
          "button",
          {
            type: "button",
            class: "sk-modal-x",
            "aria-label": "Tutup",
            onclick: () => cancelModal(byId("slack-modal-cancel")),
          },
          "×",
        ),
      ),
      h(
        "div",
        { class: "sk-modal-body" },
        h("p", { class: "sk-error general", hidden: true }),
        (Array.isArray(modal.blocks) ? modal.blocks : []).map((block) =>
          block?.type === "input" ? modalInput(block, drafts) : slackBlock(block, { surface: "modal" }),
        ),
      ),
      h(
        "footer",
        { class: "sk-modal-foot" },
        h(
          "button",
          {
            id: "slack-modal-cancel",
            type: "button",
            class: "sk-button",
            onclick: (event) => cancelModal(event.currentTarget),
          },
          modal.close ?? "Batal",
        ),
        h(
          "button",
          { id: "slack-modal-submit", type: "submit", class: "sk-button primary" },
          modal.submit ?? "Kirim",
        ),
      ),
    ),
  );
}

function modalInput(block, drafts) {
  const element = block.element ?? {};
  fieldSeq += 1;
  const id = `slack-field-${fieldSeq}`;
  const draft = drafts[block.block_id]?.[element.action_id];
  let field;
  let labelled = true;
  if (element.type === "plain_text_input") {
    const attrs = {
      id,
      class: "sk-field",
      "data-testid": "slack-modal-input",
      "data-block-id": block.block_id,
      "data-action-id": element.action_id,
      placeholder: element.placeholder?.text,
      maxlength: element.max_length,
    };
    field = element.multiline
      ? h("textarea", { ...attrs, rows: 4, onkeydown: submitOnCtrlEnter })
      : h("input", { ...attrs, type: "text" });
    field.value = draft ?? element.initial_value ?? "";
  } else if (element.type === "radio_buttons") {
    labelled = false;
    field = modalRadios(id, block, element, draft);
  } else {
    field = h("p", { id, class: "sk-unsupported" }, `(${element.type ?? "elemen"} belum didukung simulator)`);
  }
  const labelText = block.label?.text ?? "";
  // Slack marks an optional input; a label that says so itself is not marked twice.
  const marked = block.optional && !/\((opsional|optional)\)\s*$/i.test(labelText);
  const label = [labelText, marked ? h("span", { class: "sk-optional" }, " (opsional)") : null];
  return h(
    "div",
    {
      class: "sk-input",
      "data-block-id": block.block_id,
      "data-optional": block.optional === true ? "true" : undefined,
      "data-min-length": element.type === "plain_text_input" ? element.min_length : undefined,
    },
    labelled
      ? h("label", { for: id }, ...label)
      : h("span", { id: `${id}-label`, class: "sk-label" }, ...label),
    field,
    block.hint ? h("p", { class: "sk-hint" }, textObject(block.hint)) : null,
    h("p", { class: "sk-error", hidden: true }),
  );
}

/** A radio_buttons element: one choice of its options (the draft's, else `initial_option`, else none). */
function modalRadios(id, block, element, draft) {
  const options = Array.isArray(element.options) ? element.options : [];
  const chosen = draft !== undefined ? draft : (element.initial_option?.value ?? null);
  return h(
    "div",
    {
      id,
      class: "sk-radios",
      role: "radiogroup",
      "aria-labelledby": `${id}-label`,
      "data-testid": "slack-modal-radios",
      "data-block-id": block.block_id,
      "data-action-id": element.action_id,
    },
    options.map((option, i) => {
      const radio = h("input", {
        type: "radio",
        id: `${id}-${i}`,
        name: id,
        value: option.value,
        "data-testid": "slack-modal-radio",
      });
      radio.checked = option.value === chosen;
      return h(
        "label",
        { class: "sk-radio", for: `${id}-${i}` },
        radio,
        h("span", {}, textObject(option.text)),
      );
    }),
  );
}

function submitOnCtrlEnter(event) {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

/** Errors by block id under their input; ones for other blocks at the top. */
function showModalErrors(layer, errors = {}) {
  const general = [];
  for (const node of layer.querySelectorAll(".sk-input > .sk-error")) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const [blockId, message] of Object.entries(errors ?? {})) {
    const input = [...layer.querySelectorAll(".sk-input")].find((node) => node.dataset.blockId === blockId);
    const slot = input?.querySelector(":scope > .sk-error");
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
    } else general.push(message);
  }
  const top = layer.querySelector(".sk-error.general");
  top.textContent = general.join("\n");
  top.hidden = general.length === 0;
}

/**
 * What the person entered, by block and action id: a text input's text, a radio group's chosen value
 * (null when none is chosen). The world turns it into the `view.state.values` Slack would send.
 */
function modalValues(layer) {
  const values = {};
  const put = (blockId, actionId, value) => {
    if (!blockId || !actionId) return;
    values[blockId] ??= {};
    values[blockId][actionId] = value;
  };
  for (const field of layer.querySelectorAll('[data-testid="slack-modal-input"]')) {
    put(field.dataset.blockId, field.dataset.actionId, field.value);
  }
  for (const group of layer.querySelectorAll('[data-testid="slack-modal-radios"]')) {
    const chosen = group.querySelector('input[type="radio"]:checked');
    put(group.dataset.blockId, group.dataset.actionId, chosen ? chosen.value : null);
  }
  return values;
}

/** As Slack's client does: a required input left empty, or a text shorter than its min_length, is not sent. */
function modalProblems(layer) {
  const problems = {};
  for (const input of layer.querySelectorAll(".sk-input")) {
    const { blockId } = input.dataset;
    if (!blockId) continue;
    const text = input.querySelector('[data-testid="slack-modal-input"]');
    const radios = input.querySelector('[data-testid="slack-modal-radios"]');
    const empty = text
      ? text.value.trim() === ""
      : radios
        ? !radios.querySelector('input[type="radio"]:checked')
        : false;
    const minLength = Number(input.dataset.minLength ?? 0);
    if (empty && input.dataset.optional !== "true") {
      problems[blockId] = radios ? "Pilih salah satu." : "Wajib diisi.";
    } else if (text && !empty && minLength > 0 && text.value.length < minLength) {
      problems[blockId] = `Paling sedikit ${minLength} karakter.`;
    }
  }
  return problems;
}

/** A field changed: the problem the page found in it before is gone (the app's own errors stay). */
function clearFieldProblem(event) {
  const input = event.target?.closest?.(".sk-input");
  const blockId = input?.dataset.blockId;
  if (!blockId || !(blockId in localProblems.errors)) return;
  delete localProblems.errors[blockId];
  const slot = input.querySelector(":scope > .sk-error");
  const fromApp = ui.state?.slack?.modal?.errors?.[blockId];
  if (slot) {
    slot.textContent = fromApp ?? "";
    slot.hidden = !fromApp;
  }
}

async function submitModal(event) {
  event.preventDefault();
  const layer = modalLayer();
  if (!layer) return;
  const problems = modalProblems(layer);
  localProblems = { viewId: layer.dataset.viewId, errors: problems };
  if (Object.keys(problems).length > 0) {
    showModalErrors(layer, problems);
    return;
  }
  const body = { nip: ui.nip, viewId: layer.dataset.viewId, values: modalValues(layer) };
  await busy(byId("slack-modal-submit"), () => api("slack/submit", body));
}

function cancelModal(button) {
  return busy(button, () => api("slack/close", { nip: ui.nip }));
}

// ---------------------------------------------------------------- start

function wire() {
  byId("person-select").addEventListener("change", (event) => choosePerson(event.currentTarget.value));
  byId("link-code").addEventListener("click", (event) => requestLinkCode(event.currentTarget));
  byId("tg-form").addEventListener("submit", onTelegramSubmit);
  byId("tg-photo").addEventListener("click", onTelegramPhoto);
  for (const chip of document.querySelectorAll("[data-command]")) {
    chip.addEventListener("click", () => sendTelegramText(chip.dataset.command, chip));
  }
  byId("slack-form").addEventListener("submit", onSlackSubmit);
  byId("slack-tab-messages").addEventListener("click", () => showSlackTab("messages"));
  byId("slack-tab-home").addEventListener("click", () => showSlackTab("home"));
}

async function start() {
  wire();
  ui.people = await loadPeople();
  fillPeople(ui.people);
  listenForChanges();
  const nip = initialNip(ui.people);
  if (nip) choosePerson(nip);
  else showError("Belum ada orang demo. Jalankan seed data demo terlebih dahulu.");
}

void start();
