"""Draws the link-preview card (docs/overrides/assets/og-card.png, checked in): the picture a
chat app shows beside a shared link. Drawn once by the development environment's Chromium from
the HTML below, so the build needs no image library; run it again after changing the card:

    python3 build_tools/dev.py python -m build_tools.og_card
"""

from __future__ import annotations

import os
from pathlib import Path

from build_tools.settings import ROOT

CARD = ROOT / "docs" / "overrides" / "assets" / "og-card.png"
WIDTH, HEIGHT = 1200, 630  # the size Open Graph consumers crop least

# Our red (help-centre.css) with white text: 5.6:1. The system's CJK font draws the Chinese.
HTML = """<!doctype html><meta charset="utf-8"><style>
body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column;
       justify-content: center; padding: 0 96px; box-sizing: border-box;
       background: #c62828; color: #fff; font-family: sans-serif; }
.mark { width: 120px; height: 120px; border: 12px solid #fff; border-radius: 50%;
        display: flex; align-items: center; justify-content: center; font: 700 88px sans-serif;
        margin-bottom: 40px; box-sizing: border-box; }
h1 { margin: 0; font-size: 84px; line-height: 1.2; }
p { margin: 16px 0 0; font-size: 40px; line-height: 1.35; opacity: .92; }
</style>
<div class="mark">?</div>
<h1>抖音订单帮助中心</h1>
<p>取消 · 退款 · 删除：按订单状态一步步</p>
<p>Douyin order help: cancel, refund, delete</p>
"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    from build_tools.dev import CHROMIUM_CANDIDATES, CHROMIUM_ENV

    executable = os.environ.get(CHROMIUM_ENV, CHROMIUM_CANDIDATES[0])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.set_content(HTML)
        Path(CARD).write_bytes(page.screenshot(type="png"))
        browser.close()
    print(f"{CARD.relative_to(ROOT)}: {CARD.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
