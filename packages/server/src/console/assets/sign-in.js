// Sign in: a tenant token, tried once against the API before it is kept for this tab.
import { api, render, TOKEN_KEY } from "./api.js";
import { el } from "./dom.js";

export function signIn(show) {
  const input = el("input", {
    type: "password",
    name: "token",
    placeholder: "pxt_...",
    autocomplete: "off",
    size: 60,
    "aria-label": "API token",
  });
  const message = el("p", { class: "error", role: "alert" });
  const form = el(
    "form",
    {
      onsubmit: async (event) => {
        event.preventDefault();
        sessionStorage.setItem(TOKEN_KEY, input.value.trim());
        try {
          await api("/scans?limit=1", { signingIn: true });
          location.hash = "#/scans";
          render();
        } catch (error) {
          sessionStorage.removeItem(TOKEN_KEY);
          message.textContent = error.status === 401 ? "That token is not valid." : `Sign-in failed: ${error.message}`;
        }
      },
    },
    input,
    el("button", { type: "submit" }, "Sign in"),
  );
  show(
    el("h1", {}, "Sign in"),
    el("p", { class: "muted" }, "A tenant token (scopes scans, findings, rag). It stays in this tab only."),
    form,
    message,
  );
}
