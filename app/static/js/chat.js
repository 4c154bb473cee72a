// The chat page: one Socket.IO connection (WebSocket only), a room and maybe a
// private talk. Every message is shown in sequence order and at most once;
// after a reconnect the client asks for what it missed since the last event
// it holds. No inline script: settings and texts come from data-* attributes.
// Private talks are in chat-talks.js, moderators' and hosts' tools in
// chat-moderation.js; both get the context built here.
import { setupModeration } from "./chat-moderation.js";
import { setupTalks } from "./chat-talks.js";

const root = document.getElementById("chat");
if (root && typeof window.io === "function") start(root);

function start(root) {
  const $ = (id) => document.getElementById(id);
  const data = root.dataset;
  const roomId = Number(data.roomId);
  const roomChannel = `room:${roomId}`;
  const me = data.alias;
  const moderating = data.moderating === "1";
  const watching = data.watching === "1";
  const maxLength = Number(data.maxLength);

  // "%(name)s" placeholders, as in the server's catalogue.
  const t = (key, params = {}) =>
    (data[key] || "").replace(/%\((\w+)\)s/g, (_, name) => String(params[name] ?? ""));

  // One log per channel: seq -> element, the highest seq shown, and the
  // highest seq up to which nothing is missing (what we ask to catch up from).
  const channels = new Map();
  function channelState(name, list) {
    if (!channels.has(name)) {
      channels.set(name, { list, bySeq: new Map(), contiguous: 0, lowest: null, gapTimer: null });
    }
    return channels.get(name);
  }

  const state = {
    member: data.member === "1",
    watching,
    talk: data.talkId
      ? {
          id: Number(data.talkId),
          channel: `talk:${data.talkId}`,
          watching: data.talkWatching === "1",
        }
      : null,
    ratingFor: null,
    // Set for good once the login has ended or the connection was refused.
    ended: false,
  };

  const socket = window.io({ transports: ["websocket"], reconnection: true });

  // --- Connection state ----------------------------------------------------
  const connection = $("chat-connection");
  function showConnection(kind, text) {
    // An ended chat stays ended: the disconnect that follows must not say
    // "trying again", since nothing will.
    if (state.ended) return;
    connection.dataset.state = kind;
    connection.textContent = text;
  }

  function endChat(text, signInAgain) {
    showConnection("ended", text);
    state.ended = true;
    if (signInAgain && data.loginUrl) {
      const link = document.createElement("a");
      link.href = data.loginUrl;
      link.textContent = t("tSignIn");
      connection.append(" ", link);
    }
    // Nothing can be sent any more: hide what would only fail.
    for (const id of ["chat-form", "chat-talk-form", "chat-controls", "chat-host-panel"]) {
      const element = $(id);
      if (element) element.hidden = true;
    }
    socket.disconnect();
  }

  socket.on("connect", () => {
    showConnection("connected", t("tConnected"));
    if (state.watching) watch();
    else if (state.member) join();
    if (state.talk) talks.join();
  });
  socket.on("disconnect", () => showConnection("offline", t("tReconnecting")));
  socket.io.on("reconnect_attempt", () => showConnection("offline", t("tReconnecting")));
  socket.on("connect_error", (error) => {
    if (error && error.message === "signed_out") {
      endChat(t("tSignedOut"), true);
    } else if (error && (error.message === "origin" || error.message === "consent")) {
      endChat(t("tRefused"), false);
    } else {
      showConnection("offline", t("tReconnecting"));
    }
  });
  socket.on("session_ended", () => endChat(t("tSignedOut"), true));
  setInterval(() => {
    if (socket.connected) socket.emit("heartbeat", {});
  }, 30000);

  const feedback = $("chat-feedback");
  function say(text, kind = "info") {
    feedback.replaceChildren();
    if (!text) return;
    const p = document.createElement("p");
    p.className = `flash flash-${kind}`;
    p.textContent = text;
    feedback.append(p);
  }
  socket.on("chat_error", (error) => say(error.message, "error"));

  function answered(answer) {
    if (answer && !answer.ok && answer.error) say(answer.error.message, "error");
  }

  // --- Presence --------------------------------------------------------------
  function showStatus(status) {
    if (!status || status.room_id !== roomId) return;
    const open = $("chat-open-state");
    open.textContent = status.is_open ? t("tOpen") : t("tClosed");
    open.className = `chat-state ${status.is_open ? "is-open" : "is-closed"}`;
    // A host is offered to open the room only while it is closed.
    const openButton = $("chat-open");
    if (openButton) openButton.hidden = status.is_open;
    $("chat-hosts").textContent = status.hosts.length
      ? t("tHostedBy", { hosts: status.hosts.join(", ") })
      : t("tNoHost");
    $("chat-count").textContent = t("tPresent", { num: status.present });
    const queue = $("chat-queue");
    if (queue) queue.textContent = t("tWaitingHosts", { num: status.waiting });
  }
  socket.on("presence", showStatus);

  // --- Messages ----------------------------------------------------------------
  function timeOf(iso) {
    const at = new Date(iso);
    // The page's language decides the clock (13.10 in Danish), not the browser's.
    return at.toLocaleTimeString(document.documentElement.lang || "da",
      { hour: "2-digit", minute: "2-digit" });
  }

  function renderMessage(event) {
    const item = document.createElement("li");
    item.className = "chat-message";
    if (event.author === me) item.classList.add("is-mine");
    item.dataset.seq = String(event.seq);
    item.dataset.id = String(event.id);
    const head = document.createElement("p");
    head.className = "chat-message-head";
    const who = document.createElement("strong");
    who.textContent = event.author;
    const when = document.createElement("time");
    when.dateTime = event.at;
    when.textContent = timeOf(event.at);
    head.append(who, " ", when);
    if (moderating) head.append(" ", moderation.buttons(event));
    const text = document.createElement("p");
    text.className = "chat-message-text";
    text.textContent = event.text;
    item.append(head, text);
    return item;
  }

  function advance(chan) {
    while (chan.bySeq.has(chan.contiguous + 1)) chan.contiguous += 1;
    // A gap that stays is a message nobody may see any more (held, deleted).
    clearTimeout(chan.gapTimer);
    const highest = Math.max(0, ...chan.bySeq.keys());
    if (highest > chan.contiguous) {
      chan.gapTimer = setTimeout(() => {
        chan.contiguous = Math.max(chan.contiguous, highest);
      }, 3000);
    }
  }

  // Place an event by its sequence number; an event already held is ignored.
  function receive(event) {
    const chan = channels.get(event.channel);
    if (!chan || chan.bySeq.has(event.seq)) return;
    if (event.type === "removal" || event.message_seq !== undefined) {
      chan.bySeq.set(event.seq, null);
      const shown = chan.bySeq.get(event.message_seq);
      if (shown) {
        shown.classList.add("is-removed");
        shown.querySelector(".chat-message-text").textContent = t("tRemoved");
        shown.querySelector(".chat-mod-actions")?.remove();
      }
      advance(chan);
      return;
    }
    const item = renderMessage(event);
    chan.bySeq.set(event.seq, item);
    if (chan.lowest === null || event.seq < chan.lowest) chan.lowest = event.seq;
    const later = [...chan.list.children].find((li) => Number(li.dataset.seq) > event.seq);
    chan.list.insertBefore(item, later || null);
    advance(chan);
  }
  socket.on("chat_message", (event) => {
    // A message from someone ends their "is typing" line at once.
    if (typingLine && event.author && typingLine.dataset.alias === event.author) {
      typingLine.textContent = "";
    }
    receive(event);
  });
  socket.on("removal", receive);

  function receiveAll(channel, events, more) {
    events.forEach(receive);
    if (more) catchUp(channel);
  }

  function catchUp(channel) {
    const chan = channels.get(channel);
    socket.emit("catch_up", { channel, after_seq: chan.contiguous }, (answer) => {
      if (answer && answer.ok) receiveAll(channel, answer.events, answer.more);
    });
  }

  // What the other parts of the page share.
  const context = {
    socket, $, t, data, state, roomId, roomChannel,
    channels, channelState, receiveAll, say, answered,
  };
  const moderation = setupModeration(context);
  context.showHeld = moderation.showHeld;
  const talks = setupTalks(context);

  // --- Joining and leaving -----------------------------------------------------
  const roomLog = channelState(roomChannel, $("chat-log"));
  const earlier = $("chat-earlier");

  function showMembership() {
    $("chat-join").hidden = state.member || state.watching;
    $("chat-leave").hidden = !state.member;
    $("chat-form").hidden = !state.member || state.ended;
  }

  function afterEntering(answer) {
    if (!answer || !answer.ok) return answered(answer);
    showStatus(answer.status);
    const fresh = roomLog.bySeq.size === 0;
    receiveAll(roomChannel, answer.events, answer.more);
    if (fresh && answer.events.length) {
      roomLog.contiguous = answer.events[answer.events.length - 1].seq;
    }
    earlier.hidden = !answer.earlier;
    (answer.held || []).forEach(moderation.showHeld);
    if (answer.talk && !state.talk) talks.start(answer.talk);
  }

  function join() {
    const after = roomLog.bySeq.size ? roomLog.contiguous : null;
    socket.emit("join", { room_id: roomId, after_seq: after }, (answer) => {
      if (answer && answer.ok) {
        state.member = true;
        showMembership();
      }
      afterEntering(answer);
    });
  }

  function watch() {
    socket.emit("watch", { room_id: roomId }, afterEntering);
  }

  $("chat-join").addEventListener("click", join);
  $("chat-leave").addEventListener("click", () => {
    socket.emit("leave", { room_id: roomId }, (answer) => {
      if (!answer || !answer.ok) return answered(answer);
      state.member = false;
      roomLog.list.replaceChildren();
      roomLog.bySeq.clear();
      roomLog.contiguous = 0;
      showMembership();
    });
  });
  earlier.addEventListener("click", () => {
    socket.emit("history", { channel: roomChannel, before_seq: roomLog.lowest }, (answer) => {
      if (!answer || !answer.ok) return answered(answer);
      answer.events.forEach(receive);
      earlier.hidden = !answer.earlier;
    });
  });
  showMembership();

  // --- Writing -------------------------------------------------------------------
  let lastTyping = 0;
  function wireForm(form, input, channelOf) {
    const counter = form.querySelector(".hint");
    input.addEventListener("input", () => {
      if (counter) counter.textContent = t("tCount", { num: input.value.length, max: maxLength });
      const now = Date.now();
      if (now - lastTyping > 2500 && input.value) {
        lastTyping = now;
        socket.emit("typing", { channel: channelOf() });
      }
    });
    input.addEventListener("keydown", (event) => {
      // Enter sends, Shift+Enter makes a new line.
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    let sending = false;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = input.value.trim();
      // One message per press: a double click or a held Enter must not send it twice.
      if (!body || sending) return;
      sending = true;
      // Should no answer come (a dropped connection), the box frees itself.
      const release = setTimeout(() => { sending = false; }, 10000);
      socket.emit("send", { channel: channelOf(), body }, (answer) => {
        clearTimeout(release);
        sending = false;
        if (!answer || !answer.ok) return answered(answer);
        if (answer.crisis) showCrisis();
        if (answer.status === "blocked") {
          // Kept in the box, to change the marked part and send again.
          showBlocked(body, answer.problems);
          return;
        }
        input.value = "";
        if (counter) counter.textContent = t("tCount", { num: 0, max: maxLength });
        if (answer.status === "held") say(t("tHeld"), "info");
        else say("");
      });
    });
  }
  wireForm($("chat-form"), $("chat-input"), () => roomChannel);
  wireForm($("chat-talk-form"), $("chat-talk-input"), () => state.talk && state.talk.channel);

  function showBlocked(body, problems) {
    feedback.replaceChildren();
    const box = document.createElement("div");
    box.className = "flash flash-error";
    problems.forEach((problem) => {
      const why = document.createElement("p");
      why.textContent = `${t("tBlocked", { guideline: problem.guideline })} ${
        problem.explanation[document.documentElement.lang] || problem.explanation.da
      }`;
      const quote = document.createElement("p");
      quote.className = "chat-blocked-text";
      const mark = document.createElement("mark");
      mark.textContent = body.slice(problem.start, problem.end);
      quote.append(body.slice(0, problem.start), mark, body.slice(problem.end));
      box.append(why, quote);
    });
    feedback.append(box);
  }

  const crisis = $("chat-crisis");
  function showCrisis() {
    crisis.hidden = false;
    crisis.focus();
  }
  $("chat-crisis-close").addEventListener("click", () => {
    crisis.hidden = true;
  });

  const typingLine = $("chat-typing");
  let typingTimer = null;
  socket.on("typing", (event) => {
    typingLine.textContent = t("tTyping", { alias: event.alias });
    typingLine.dataset.alias = event.alias;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      typingLine.textContent = "";
    }, 4000);
  });

  // --- Opening, closing, sanctions ---------------------------------------------------------
  $("chat-open")?.addEventListener("click", () => {
    socket.emit("open_room", { room_id: roomId }, (answer) => {
      if (!answer || !answer.ok) return answered(answer);
      showStatus(answer.status);
      if (!state.member) join();
    });
  });
  $("chat-close")?.addEventListener("click", () => {
    socket.emit("close_room", { room_id: roomId }, answered);
  });
  socket.on("room_closed", (event) => {
    if (event.room_id !== roomId) return;
    state.member = false;
    showMembership();
    say(t("tRoomClosed"), "info");
  });
  socket.on("muted", (event) => {
    say(t("tMuted", { until: timeOf(event.until) }), "warning");
  });
  socket.on("removed_from_room", (event) => {
    if (event.room_id !== roomId) return;
    state.member = false;
    showMembership();
    say(t("tRemovedYou"), "warning");
  });
  socket.on("message_status", (event) => {
    if (event.status === "delivered") say(t("tApproved"), "success");
    else if (event.status === "rejected") say(t("tRejected"), "info");
  });
}
