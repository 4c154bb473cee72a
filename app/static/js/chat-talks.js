// Private talks on the chat page: asking, the queue, a host taking the next
// request, talking, ending, the one question afterwards, and a moderator
// watching a talk (read along, no writing). Each talk starts with an empty log.
export function setupTalks(context) {
  const { socket, $, t, state, roomId, channels, channelState, receiveAll, answered } = context;
  const talkBox = $("chat-talk");
  const talkLog = $("chat-talk-log");
  const talkForm = $("chat-talk-form");
  const talkStatus = $("chat-talk-status");
  const rating = $("chat-rating");
  const requestButton = $("chat-request-talk");
  const acceptButton = $("chat-accept");

  function showTalkStatus(text) {
    talkStatus.hidden = !text;
    talkStatus.textContent = text || "";
  }

  function showQueue(position) {
    showTalkStatus(t("tQueue", { position }));
    if (requestButton) requestButton.hidden = true;
  }

  // The log of ``channel``: a talk other than the one shown starts afresh, so
  // the previous talk's messages never show in the next one.
  function openLog(channel) {
    if (channels.has(channel)) return channels.get(channel);
    for (const name of [...channels.keys()]) {
      if (name.startsWith("talk:")) {
        clearTimeout(channels.get(name).gapTimer);
        channels.delete(name);
      }
    }
    talkLog.replaceChildren();
    return channelState(channel, talkLog);
  }

  function showTalk(talk) {
    talkBox.hidden = false;
    rating.hidden = true;
    if (talk.role === "watcher") {
      talkForm.hidden = true;
      $("chat-talk-title").textContent = t("tTalkBetween", {
        follower: talk.follower || "",
        host: talk.host || "–",
      });
    } else {
      talkForm.hidden = state.ended;
      $("chat-talk-title").textContent = t("tTalkWith", { alias: talk.with || "" });
    }
  }

  function start(talk) {
    state.talk = { id: talk.talk_id, channel: talk.channel, watching: talk.role === "watcher" };
    if (talk.state === "waiting" && talk.role !== "watcher") return showQueue(talk.position);
    showTalkStatus("");
    if (requestButton) requestButton.hidden = true;
    openLog(talk.channel);
    showTalk(talk);
    join();
  }

  function join() {
    const talk = state.talk;
    const chan = openLog(talk.channel);
    socket.emit("join_talk", { talk_id: talk.id, after_seq: chan.contiguous }, (answer) => {
      if (!answer || !answer.ok) return answered(answer);
      if (!state.talk || state.talk.id !== answer.talk_id) return;
      if (answer.state === "waiting" && answer.role !== "watcher") return showQueue(answer.position);
      showTalk(answer);
      receiveAll(talk.channel, answer.events, answer.more);
      (answer.held || []).forEach(context.showHeld);
      if (answer.state === "ended") {
        talkForm.hidden = true;
        showTalkStatus(t("tTalkEnded"));
      }
    });
  }

  if (requestButton) {
    requestButton.addEventListener("click", () => {
      socket.emit("request_talk", { room_id: roomId }, (answer) => {
        if (!answer || !answer.ok) return answered(answer);
        start(answer);
      });
    });
  }
  if (acceptButton) {
    acceptButton.addEventListener("click", () => {
      socket.emit("accept_talk", { room_id: roomId }, (answer) => {
        if (!answer || !answer.ok) return answered(answer);
        start(answer);
      });
    });
  }
  socket.on("queue_position", (event) => {
    if (state.talk && state.talk.id === event.talk_id) showQueue(event.position);
  });
  socket.on("talk_queue", (event) => {
    const queue = $("chat-queue");
    if (queue && event.room_id === roomId) queue.textContent = t("tWaitingHosts", { num: event.waiting });
  });
  socket.on("talk_started", start);
  $("chat-talk-end").addEventListener("click", () => {
    if (state.talk) socket.emit("end_talk", { talk_id: state.talk.id }, answered);
  });
  socket.on("talk_ended", (event) => {
    if (!state.talk || state.talk.id !== event.talk_id) return;
    const ended = state.talk;
    state.talk = null;
    talkForm.hidden = true;
    if (ended.watching) return showTalkStatus(t("tTalkEnded"));
    // A request no host is left to take ends with a word on why.
    showTalkStatus(event.reason === "no_host" ? t("tNoHostLeft") : t("tTalkEnded"));
    if (requestButton) requestButton.hidden = false;
    if (event.ask_rating && !talkBox.hidden && !acceptButton) {
      state.ratingFor = ended.id;
      rating.hidden = false;
      rating.querySelector("input")?.focus();
    } else {
      talkBox.hidden = true;
    }
  });
  rating.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = rating.querySelector("input[name=helped]:checked");
    if (!chosen || !state.ratingFor) return;
    socket.emit("rate_talk", { talk_id: state.ratingFor, helped: Number(chosen.value) }, (answer) => {
      if (!answer || !answer.ok) return answered(answer);
      state.ratingFor = null;
      talkBox.hidden = true;
      showTalkStatus(t("tThanks"));
    });
  });
  $("chat-rating-skip").addEventListener("click", () => {
    state.ratingFor = null;
    talkBox.hidden = true;
  });

  return { start, join };
}
