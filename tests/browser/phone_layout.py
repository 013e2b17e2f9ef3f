"""What a reader sees on the first screen of a phone, measured in the browser: where an answer's
title and first step stand, every tap target's size, and labels that wrap inside a word.

Shared by the browser tests (which assert the thresholds) and `bench first_screen` (which
prints the figures, before and after a change). It reads only what any build of the site has
(`article h1`, the steps' heading, links and buttons), so it measures an old build as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

from build_tools.render.strings import STRINGS

SCREEN_HEIGHT = 844  # the phone of tests/browser/conftest.py: 390 x 844
MIN_TARGET = 44  # CSS px, WCAG 2.5.5 (AAA) target size

# Where the title and the start of the first step are, in CSS px from the top of the screen.
# "The start of the first step" is the bottom of its first line: that line is readable.
_FIRST_SCREEN_JS = """(stepsHeading) => {
  const title = document.querySelector("article h1");
  const heading = [...document.querySelectorAll("article h2")]
    .find(h => h.textContent.replace("¶", "").trim() === stepsHeading);
  const list = heading && heading.nextElementSibling;
  const step = list && list.querySelector("li");
  if (!title || !step) return null;
  const line = parseFloat(getComputedStyle(step).lineHeight) || 24;
  return {title: title.getBoundingClientRect().top, step: step.getBoundingClientRect().top,
          stepLine: step.getBoundingClientRect().top + line};
}"""

# Every element a reader can tap that is on the page (not in a closed menu or <details>).
# Links laid out inside a sentence or a list item of the page's prose are told apart: WCAG
# 2.5.5 exempts them ("inline"), and they are counted separately. Material's permalink
# anchors (invisible until focused by a keyboard) are left out. With each, the words of its
# label that a line break cuts in two: each word (Intl.Segmenter, which knows Chinese words
# such as 修改) must have all its characters on one line.
_TARGETS_JS = """() => {
  const WIDGETS = "nav, header, footer, .trail, .applies, .choices, .reply-box, .agents, .report, .fc-zoom";
  const shown = el => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden" || parseFloat(s.opacity) === 0) return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth;
  };
  const prose = el => {
    if (getComputedStyle(el).display !== "inline" || el.closest("svg") || el.closest(WIDGETS)) return false;
    const block = el.closest("p, li");
    if (!block || !block.closest("article")) return false;
    const rest = block.textContent.replace(el.textContent, "");
    return /[\\p{L}\\p{N}]/u.test(rest);
  };
  const segmenter = new Intl.Segmenter(document.documentElement.lang || "zh", {granularity: "word"});
  const split = el => {
    const found = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const {segment, index, isWordLike} of segmenter.segment(node.data)) {
        if (!isWordLike || segment.length < 2) continue;
        const tops = new Set();
        for (let i = index; i < index + segment.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.height) tops.add(Math.round(rect.top));
        }
        if (tops.size > 1) found.push(segment);
      }
    }
    return found;
  };
  const all = document.querySelectorAll("a[href], button, summary, label[for], input:not([type=hidden]), select");
  return [...all].filter(el => !el.classList.contains("headerlink") && shown(el)).map(el => {
    const r = el.getBoundingClientRect();
    const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("title") || "")
      .replace(/\\s+/g, " ").trim().slice(0, 40);
    return {name, tag: el.tagName.toLowerCase(), width: r.width, height: r.height,
            prose: prose(el), chart: !!el.closest("svg"), split: split(el)};
  });
}"""

@dataclass(frozen=True)
class FirstScreen:
    title: float  # top of the page's <h1>
    step: float  # top of the first step
    step_line: float  # bottom of the first step's first line


@dataclass(frozen=True)
class Target:
    name: str
    tag: str
    width: float
    height: float
    prose: bool  # a link inside a sentence: exempt from the size rule (WCAG 2.5.5 "inline")
    chart: bool  # a box of the flowchart's drawing
    split: tuple[str, ...]  # words of its label cut by a line break

    @property
    def size(self) -> float:
        return min(self.width, self.height)


def first_screen(page: Page, lang: str) -> FirstScreen:
    """Where an outcome page's title and first step stand; the page must be an outcome."""
    found = page.evaluate(_FIRST_SCREEN_JS, STRINGS["steps"][lang])
    if found is None:
        raise AssertionError(f"{page.url} has no title or no steps")
    return FirstScreen(found["title"], found["step"], found["stepLine"])


def tap_targets(page: Page) -> list[Target]:
    return [Target(**{**t, "split": tuple(t["split"])}) for t in page.evaluate(_TARGETS_JS)]


def controls(page: Page) -> list[Target]:
    """The tap targets the size rule applies to: not links in prose, not the chart's boxes
    (the flowchart's own layout decides those)."""
    return [t for t in tap_targets(page) if not t.prose and not t.chart]
