"""The page chrome our templates print, in every language (the tree's own text is in the YAML)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

STRINGS: dict[str, dict[str, str]] = {
    "language_name": {"zh": "中文", "en": "English"},
    # The site's own name and words, which mkdocs.yml leaves to each language (publish/config.py).
    "site_name": {"zh": "抖音订单帮助中心", "en": "Douyin Order Help"},
    "site_description": {"zh": "抖音订单怎么取消、退款、删除：按订单状态一步步告诉你在 App 里点哪里。",
                         "en": "How to cancel, get a refund for, or delete a Douyin order, step by "
                               "step by order status."},
    "copyright": {"zh": "本站是独立指南，不是抖音官方帮助中心；与 App 实际显示不同时，以 App 为准。",
                  "en": "An independent guide, not Douyin's own help centre; where the app shows "
                        "something different, the app is right."},
    "palette_toggle_default": {"zh": "切换到深色模式", "en": "Switch to dark mode"},
    "palette_toggle_slate": {"zh": "切换到浅色模式", "en": "Switch to light mode"},
    "your_answers": {"zh": "你的回答", "en": "Your answers"},
    "colon": {"zh": "：", "en": ": "},
    "list_separator": {"zh": "；", "en": "; "},  # titles hold commas and 、 themselves
    "change": {"zh": "修改", "en": "change"},
    "start_again": {"zh": "重新开始", "en": "Start again"},
    "applies": {"zh": "适用于：", "en": "Applies to: "},
    "more_ways": {"zh": "另有 {n} 种情况", "en": "{n} more ways here"},
    "steps": {"zh": "在 App 里这样做", "en": "What to tap in the app"},
    "evidence": {"zh": "要保留的证据", "en": "Evidence to keep"},
    "escalation": {"zh": "如果不行，下一步", "en": "If that does not work"},
    "notes": {"zh": "小贴士", "en": "Tips"},
    "related": {"zh": "相关建议", "en": "Related advice"},
    "agents": {"zh": "给客服人员", "en": "For support agents"},
    "reply_intro": {"zh": "客服人员可以复制下面的回复，直接发给顾客。",
                    "en": "Support agents can copy this reply and send it as it is."},
    "copy_reply": {"zh": "复制回复", "en": "Copy reply"},
    "copy_link": {"zh": "复制链接", "en": "Copy link"},
    "copied": {"zh": "已复制", "en": "Copied"},
    "copy_failed": {"zh": "复制失败，请手动选择文字复制", "en": "Could not copy; select the text instead"},
    "reply_link": {"zh": "详细步骤：", "en": "Step by step: "},
    "sources": {"zh": "依据", "en": "Sources"},
    "reviewed": {"zh": "最后审核：", "en": "Last reviewed: "},
    # A source's quality, printed right after its title.
    "law": {"zh": "（法律）", "en": " (law)"},
    "official": {"zh": "（官方）", "en": " (official)"},
    "api": {"zh": "（抖店接口文档）", "en": " (seller API docs)"},
    "secondary": {"zh": "（第三方）", "en": " (third-party)"},
    "search_invite": {"zh": "也可以直接用右上角的搜索，输入你的问题，例如“退款多久到账”。",
                      "en": "Or use the search at the top and type your question, "
                            "for example “how long does a refund take”."},
    "tips_title": {"zh": "实用建议", "en": "Practical advice"},
    "tips_intro": {"zh": "与商家沟通、联系客服、保留证据和防骗的通用建议。",
                   "en": "General advice on talking to merchants, reaching customer service, "
                         "keeping evidence and avoiding scams."},
    "sources_title": {"zh": "资料来源", "en": "Sources"},
    "sources_intro": {"zh": "本站的每个答案都注明依据。来源分四类：法律条文、官方页面、抖店接口文档和第三方文章；"
                            "接口文档只说明抖音的系统里有什么，不代表你的页面上一定这样显示；"
                            "第三方说法只作参考，不写确切数字。法律条文的官方数据库是 flk.npc.gov.cn，"
                            "找不到条文的官方页面时，链接到 LawRefBook 的法律文本镜像（2025 年 4 月的版本）。",
                      "en": "Every answer names its sources, of four kinds: statute text, official pages, "
                            "Douyin's seller API documentation and third-party articles. The API "
                            "documentation shows what Douyin's system has, not what your screen will say; "
                            "third-party claims are used with care and never for exact figures. The "
                            "official database of statutes is flk.npc.gov.cn; where a statute's official "
                            "page is not known, the link goes to the LawRefBook plain-text mirror "
                            "(as of April 2025)."},
    "used_on": {"zh": "这条建议出现在：", "en": "This advice appears on: "},
    "all_tips": {"zh": "全部建议", "en": "All advice"},
    "home": {"zh": "首页", "en": "Home"},
    "flowchart": {"zh": "流程图", "en": "Flowchart"},
    "flowchart_intro": {"zh": "整个帮助中心一图看完：先是首页的问题和各个订单状态，下面每个状态单独一张图。"
                              "点一个方框，会标出从首页到它的每一步回答，并显示它的摘要和链接。",
                        "en": "The whole help centre at a glance: first the home page's question and the "
                              "order statuses, then each status's own chart below. Tap a box to mark "
                              "every answer from the home page to it and see its summary and link."},
    "and_more": {"zh": " 等另外 {n} 个分支", "en": " and {n} more branches"},
    "chart_above": {"zh": "这是流程图的一部分，上一层：", "en": "Part of a larger flowchart; the level above: "},
    "charts_below": {"zh": "接下来的流程图", "en": "Where the flowchart continues"},
    "flowchart_list": {"zh": "文字版", "en": "As a list"},
    "branch_chart": {"zh": "这一步之后的流程图", "en": "Flowchart from here"},
    "you_are_here": {"zh": "你在这里", "en": "You are here"},
    "you_are_here_name": {"zh": "（你在这里）", "en": " (you are here)"},
    "drawn_above": {"zh": "（上方已画出）", "en": " (drawn above)"},
    "drawn_below": {"zh": "（下方单独画出）", "en": " (drawn below)"},
    "tip_for": {"zh": "，用于：", "en": ", for: "},
    # The chart's script reads these from the page (flowchart.js).
    "chart_open": {"zh": "打开这一页", "en": "Open this page"},
    "chart_close": {"zh": "关闭", "en": "Close"},
    "chart_way": {"zh": "一路上的回答：", "en": "The answers on the way: "},
    "chart_trail": {"zh": "你刚才的回答已在图中用粗线标出。", "en": "The answers you gave are marked with a bold line."},
    "see_in_flowchart": {"zh": "在完整流程图中查看这一页", "en": "See this page in the whole flowchart"},
    # The search dialog's own words (the script reads them from the dialog).
    "search_other": {"zh": "换个说法试试，或者：", "en": "Try other words, or:"},
    "search_home": {"zh": "按订单状态找答案", "en": "Choose your order's status"},
    "search_flowchart": {"zh": "看完整流程图", "en": "See the whole flowchart"},
    "search_loading": {"zh": "正在载入搜索……", "en": "Loading search…"},
    "search_failed": {"zh": "搜索暂时无法载入，请稍后再试。",
                      "en": "Search could not be loaded; please try again later."},
    "zoom_in": {"zh": "放大", "en": "Zoom in"},
    "zoom_out": {"zh": "缩小", "en": "Zoom out"},
    "zoom_reset": {"zh": "原始大小", "en": "Actual size"},
    "report_answer": {"zh": "报告这个答案的问题", "en": "Report a problem with this answer"},
    "report_page": {"zh": "报告这个页面的问题", "en": "Report a problem with this page"},
    "redirect_note": {"zh": "此页面已移动到", "en": "This page has moved to"},
}


@cache  # asked for by every page: made once per language, and read-only as it is shared
def strings_for(lang: str) -> Mapping[str, str]:
    return MappingProxyType({key: texts[lang] for key, texts in STRINGS.items()})
