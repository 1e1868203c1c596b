// Window sizes and a check that nothing on screen is cut: the laptop case of UX.md (about
// 1024×700 left for the window) and the app's minimum size from tauri.conf.json.
import { readFileSync } from "node:fs";
import path from "node:path";

import { repoRoot } from "./driver.mjs";

const mainWindow = JSON.parse(readFileSync(path.join(repoRoot, "tauri.conf.json"), "utf8")).app
  .windows[0];

/** The sizes every screen must work at, smallest last. */
export const WINDOW_SIZES = [
  { name: "1024x700", width: 1024, height: 700 },
  { name: "minimum", width: mainWindow.minWidth, height: mainWindow.minHeight },
];

/** Resizes the window and waits until the page has laid out at the new size. */
export async function resizeWindow(browser, { width, height }) {
  await browser.setWindowSize(width, height);
  await browser.waitUntil(
    async () => {
      const [w, h] = await browser.execute(() => [window.innerWidth, window.innerHeight]);
      return Math.abs(w - width) <= 2 && Math.abs(h - height) <= 40;
    },
    { timeout: 10_000, timeoutMsg: `the window did not become ${width}×${height}` },
  );
  // One more frame so virtualised lists and Mantine's measured widths settle.
  await browser.execute(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}

/**
 * Lists what is cut under `root`: text clipped by its box (ellipsis or hidden overflow), a
 * placeholder wider than its input, and anything beyond the window's right or bottom edge that no
 * scrolling container lets the user reach. Elements inside `[data-truncates]` are skipped: the app
 * marks text it shortens on purpose (a long description whose whole text is in the detail).
 */
export async function cutElements(browser, root = "body") {
  return browser.execute((rootSelector) => {
    const problems = [];
    const scope = document.querySelector(rootSelector);
    if (!scope) return [`${rootSelector} is not on the page`];
    const describe = (el) =>
      `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""} "${(
        el.getAttribute("placeholder") ??
        el.textContent ??
        ""
      )
        .trim()
        .slice(0, 40)}"`;
    const scrollsX = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if ((o === "auto" || o === "scroll") && p.scrollWidth > p.clientWidth) return true;
      }
      return false;
    };
    // Below the fold is fine where the page or a container scrolls to it; not under a fixed
    // header or panel, which the page's scroll does not move.
    const pageScrollsY = document.scrollingElement.scrollHeight > window.innerHeight;
    const scrollsY = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowY === "auto" || style.overflowY === "scroll") return true;
        if (style.position === "fixed") return false;
      }
      return pageScrollsY;
    };
    const canvas = document.createElement("canvas").getContext("2d");
    for (const el of scope.querySelectorAll("*")) {
      if (el.closest("[data-truncates]")) continue;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width === 0 || rect.height === 0 || style.visibility === "hidden") continue;
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== "",
      );
      if (
        ownText &&
        style.overflowX !== "visible" &&
        el.scrollWidth > el.clientWidth + 1 &&
        !["auto", "scroll"].includes(style.overflowX)
      ) {
        problems.push(`clipped text: ${describe(el)}`);
      }
      if ((el.tagName === "INPUT" || el.tagName === "TEXTAREA") && el.placeholder && !el.value) {
        canvas.font = style.font;
        const room =
          el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (canvas.measureText(el.placeholder).width > room + 1) {
          problems.push(`placeholder cut: ${describe(el)}`);
        }
      }
      if (ownText || el.tagName === "INPUT" || el.tagName === "BUTTON") {
        if (rect.right > window.innerWidth + 1 && !scrollsX(el)) {
          problems.push(`beyond the right edge: ${describe(el)}`);
        }
        if (rect.top > window.innerHeight + 1 && !scrollsY(el)) {
          problems.push(`below the bottom edge: ${describe(el)}`);
        }
      }
    }
    return problems;
  }, root);
}
