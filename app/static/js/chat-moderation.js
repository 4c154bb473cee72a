// Moderators' and hosts' tools on the chat page: the buttons on each message
// (remove, mute, take out of the room, suspend the account), the held messages
// to approve or reject, and crisis alerts, which stay on the page until dismissed.
export function setupModeration(context) {
  const { socket, $, t, roomId, roomChannel, answered, say } = context;
  const suspendTemplate = $("chat-suspend-template");

  // The suspension form (days, guideline, reason) opens under the message.
  function openSuspend(button, event) {
    const item = button.closest("li");
    if (!item || item.querySelector("form.chat-suspend")) return;
    const form = suspendTemplate.content.firstElementChild.cloneNode(true);
    const fields = form.elements;
    form.addEventListener("submit", (submitted) => {
      submitted.preventDefault();
      const payload = {
        message_id: event.id,
        days: Number(fields.days.value),
        guideline: Number(fields.guideline.value),
        reason: fields.reason.value,
      };
      socket.emit("suspend", payload, (answer) => {
        if (!answer || !answer.ok) return answered(answer);
        form.remove();
        const until = new Date(answer.until).toLocaleString(
          document.documentElement.lang || "da", { dateStyle: "medium", timeStyle: "short" });
        say(t("tSuspended", { alias: event.author, until }));
      });
    });
    form.querySelector("[data-cancel]").addEventListener("click", () => {
      form.remove();
      button.focus();
    });
    item.append(form);
    fields.days.focus();
  }

  function buttons(event) {
    const box = document.createElement("span");
    box.className = "chat-mod-actions";
    // A short visible word, the full sentence for screen readers.
    const add = (label, short, handler) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.textContent = short;
      button.setAttribute("aria-label", label);
      button.addEventListener("click", handler);
      box.append(button);
    };
    add(t("tRemove", { alias: event.author }), t("tRemoveShort"), () =>
      socket.emit("remove_message", { message_id: event.id }, answered),
    );
    add(t("tMute", { alias: event.author }), t("tMuteShort"), () =>
      socket.emit("mute", { message_id: event.id, minutes: 15 }, answered),
    );
    if (event.channel === roomChannel) {
      add(t("tKick", { alias: event.author }), t("tKickShort"), () =>
        socket.emit("remove_user", { room_id: roomId, message_id: event.id }, answered),
      );
    }
    if (suspendTemplate) {
      add(t("tSuspend", { alias: event.author }), t("tSuspendShort"), (clicked) =>
        openSuspend(clicked.currentTarget, event),
      );
    }
    return box;
  }

  // --- Held messages ---------------------------------------------------------------
  const heldList = $("chat-held");
  function showHeld(held) {
    if (!heldList || (held.channel !== roomChannel && !held.channel.startsWith("talk:"))) return;
    if (heldList.querySelector(`[data-id="${held.id}"]`)) return;
    const item = document.createElement("li");
    item.dataset.id = String(held.id);
    if (held.crisis) item.className = "urgent";
    const text = document.createElement("p");
    text.textContent = `${held.crisis ? `${t("tUrgent")} – ` : ""}${held.author}: ${held.text}`;
    const actions = document.createElement("div");
    actions.className = "actions";
    for (const [action, label] of [
      ["approve", t("tApprove")],
      ["reject", t("tReject")],
    ]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button secondary";
      button.textContent = label;
      button.setAttribute("aria-label", `${label}: ${held.author}`);
      button.addEventListener("click", () =>
        socket.emit("decide", { message_id: held.id, action }, answered),
      );
      actions.append(button);
    }
    item.append(text, actions);
    heldList.prepend(item);
  }
  socket.on("held", showHeld);
  socket.on("held_decided", (event) => {
    heldList?.querySelector(`[data-id="${event.id}"]`)?.remove();
  });

  // --- Crisis alerts ------------------------------------------------------------------
  // Each alert stays in its own panel (role="alert") until the host or moderator
  // dismisses it: the feedback line below the form, which every send rewrites,
  // is no place for it.
  const alerts = $("chat-alerts");
  function showAlert(held) {
    if (!alerts || alerts.querySelector(`[data-id="${held.id}"]`)) return;
    const alert = document.createElement("div");
    alert.className = "chat-alert flash flash-error";
    alert.dataset.id = String(held.id);
    const text = document.createElement("p");
    text.textContent = `${t("tUrgent")}: ${held.author}`;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "button secondary";
    close.textContent = t("tDismiss");
    close.addEventListener("click", () => {
      const next = alert.nextElementSibling || alert.previousElementSibling;
      alert.remove();
      next?.querySelector("button")?.focus();
    });
    alert.append(text, close);
    alerts.append(alert);
  }
  socket.on("crisis_alert", (held) => {
    showAlert(held);
    showHeld(held);
  });

  return { buttons, showHeld };
}
