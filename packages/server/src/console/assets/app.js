// The Penaxtra console: a page of this server that talks to /api/v2 with a token kept in session
// storage only. Everything a target wrote (prompts, answers, rationales) is attacker-controlled, so
// the page builds its DOM with text nodes alone (dom.js): nothing is ever parsed as HTML.
//
// This module routes and renders; each page is a module of its own beside it (served by
// register-console.ts, which serves every .js file of this folder).
import { api, setRenderer, stopFollowing, TOKEN_KEY } from "./api.js";
import { coveragePage } from "./coverage.js";
import { el, main } from "./dom.js";
import { findingPage, findingsPage, reviewPage } from "./findings.js";
import { ragRunPage, ragRunsPage } from "./rag-runs.js";
import { scansPage } from "./scans.js";
import { signIn } from "./sign-in.js";

let generation = 0;

/**
 * A render's way to the screen: pages load asynchronously, so one started for an earlier hash can
 * finish after a later one; only the latest render may show anything.
 */
function screenFor(mine) {
  return (...nodes) => {
    if (mine !== generation) return false;
    main.replaceChildren(...nodes.flat(2).filter((node) => node !== null && node !== undefined && node !== false));
    return true;
  };
}

function failure(error) {
  return el("p", { class: "error", role: "alert" }, `Could not load: ${error.message}`);
}

// Routing --------------------------------------------------------------------------------------

async function render() {
  stopFollowing();
  const mine = ++generation;
  const show = screenFor(mine);
  const hash = location.hash;
  const signedIn = Boolean(sessionStorage.getItem(TOKEN_KEY));
  document.getElementById("nav").hidden = !signedIn;
  if (!signedIn) return signIn(show);
  const [path, query = ""] = location.hash.replace(/^#/, "").split("?");
  for (const link of document.querySelectorAll("header nav a"))
    link.classList.toggle("active", path.startsWith(link.getAttribute("href").slice(1)));
  try {
    const review = await api("/findings?status=needs_review&limit=100");
    document.getElementById("review-count").textContent = review.data.length ? String(review.data.length) : "";
    const parts = path.split("/").filter(Boolean);
    if (parts[0] === "findings" && parts[1]) await findingPage(show, parts[1]);
    else if (parts[0] === "findings") await findingsPage(show, query);
    else if (parts[0] === "review") reviewPage(show, review);
    else if (parts[0] === "rag-runs" && parts[1]) await ragRunPage(show, parts[1]);
    else if (parts[0] === "rag-runs") await ragRunsPage(show);
    else if (parts[0] === "coverage") await coveragePage(show);
    else await scansPage(show);
    // What is on screen now: lets a reader (and a test) tell a finished render from a stale one.
    if (mine === generation) main.dataset.view = hash;
  } catch (error) {
    if (sessionStorage.getItem(TOKEN_KEY)) show(failure(error));
  }
}

setRenderer(render);
document.getElementById("sign-out").addEventListener("click", () => {
  sessionStorage.removeItem(TOKEN_KEY);
  location.hash = "";
  render();
});
window.addEventListener("hashchange", render);
render();
