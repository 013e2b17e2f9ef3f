"""What shoppers' words mean for an order, per language: the vocabulary of meaning.py.

A concept is something that did or did not happen to the order or the goods (paid, shipped,
received, cancelled, refused by the merchant, faulty, fake, no longer wanted). Each word names
one or more concepts: `+` it happened, `-` it did not (待发货 says paid and not shipped), so a
negator before it flips them (没收到 = received-). Which page stands for which concept is not
written here: meaning.py reads it from the tree (the answers that lead to a page and its title).

Words are matched longest first, so a word that holds a negator (不符, 不想要) is one word, and
a word with no concept ("send it back") keeps a shorter one (send) from being read. In
English a word is a sequence of whole tokens as the normalizer leaves them (don't = don t);
inflections are listed, not stemmed, so that the script matches exactly the same words.
"""

from __future__ import annotations

from build_tools.render.search.synonyms import said_otherwise, shoppers_words

ZH_CONCEPTS: dict[str, tuple[str, ...]] = {
    "pay+": ("付款", "付钱", "付了", "付过", "支付", "已付", "扣款", "扣钱", "扣费", "扣了"),
    "pay-": ("待付款", "未付款", "待支付"),
    "pay+ ship-": ("待发货",),
    "ship+": ("发货", "发出", "发走", "发了货", "寄出", "寄出来", "寄了", "出库", "揽收", "已发货"),
    "ship+ receive-": ("待收货", "运输", "在路上", "路上", "派送", "配送中", "延长收货", "不动了",
                       "没动了", "物流不动", "物流没动", "物流停了", "没更新", "不更新", "卡住", "卡在"),
    "receive+": ("收到", "收货", "签收", "到货", "送到", "送达", "到手", "拿到", "确认收货", "已完成",
                 "交易完成", "订单完成", "快递到了", "货到了", "交易成功", "收件", "取件", "拆开",
                 "代签", "被签收", "被人签", "别人签"),
    "receive-": ("拒收", "拒签", "不签", "拒绝签收", "丢了", "丢件", "丢失", "弄丢", "不见了", "没送到"),
    "ship-": ("没发", "未发", "不发", "没动静", "延迟发", "推迟发", "晚发", "缺货", "没货", "断货",
              "刚下单", "刚拍"),
    # Known words that say nothing of the order, so that a shorter word inside them is not read:
    # 没发现 is "did not notice", 订单不见了 is about the list, 收件人 is a name, and 能不能 asks
    # (能不能退 is no refusal).
    # 七天无理由 names a kind of return, not seven days gone by; 保证金, 恐怕, 哪怕 hold no promise
    # or fear; 寄回去一下 is no return yet.
    "": ("没发现", "未发现", "订单不见了", "收件人", "收件地址", "七天无理由", "7天无理由", "七日无理由",
         "7日无理由", "能不能", "可不可以", "保证金", "恐怕", "哪怕", "寄回去一下"),
    # 订单取消 with no 了 names the act (抖音订单取消: how to cancel), so it is not listed.
    "cancel+": ("已取消", "被取消", "取消了", "取消后", "被关闭", "关闭了", "订单关闭", "交易关闭"),
    "refuse+": ("拒绝", "拒了", "驳回", "不同意", "不给退", "不让退", "不能退", "不给退款", "退不了",
                "不讲理", "刁难", "耍赖", "不认账", "商家拒收"),
    # A merchant who has not acted has not refused: the reader is still waiting.
    "refuse-": ("不处理", "没处理", "未处理", "不理", "没理", "没人理", "没人处理", "不回复", "没回复",
                "不回消息", "拖着", "一直拖", "等商家", "商家没反应", "商家不回", "不搭理", "没搭理",
                "不理睬", "已读不回", "不回应", "没回应", "不答复", "没答复",
                # agreeing is not refusing: 不同意 is listed whole, and a negator flips 同意
                "同意"),
    "faulty+": ("质量", "问题", "坏", "破", "碎", "裂", "损", "瑕疵", "不符", "不对板", "不一样", "不一致",
                "发错", "错发", "少件", "漏发", "缺件", "次品", "故障", "用不了", "不能用", "变质", "差太多",
                "差很多", "差别", "洞", "开胶", "开线", "脱线", "掉色", "褪色", "起球", "有洞", "破洞", "漏水",
                "没发全", "不发光", "不发热", "划痕", "变形", "生锈", "发霉", "色差", "异味", "臭味", "不像",
                "不亮", "没反应", "失灵", "走不动", "没声音", "不响",
                "开不了机", "充不进电", "充不了电", "黑屏", "死机", "坏掉", "跳闸", "短路", "漏电",
                "冒烟"),
    "fake+": ("假货", "假的", "假冒", "仿冒", "山寨", "高仿", "冒牌", "以假充真", "欺诈", "虚假", "夸大",
              "商家骗"),
    "unwanted+": ("不想要", "不要了", "不需要", "不喜欢", "不合适", "后悔", "拍错", "买错", "拍多",
                  "买多", "下错单", "不想买", "反悔", "不好看", "不满意", "用不上", "不适合", "买重",
                  "拍重", "重复购买", "冲动", "不划算"),
    # The goods have gone back to the merchant (a return sent, not an order shipped).
    # Said as done (已, 了, or an amount of time since: 寄回去一个星期了); 怎么寄回去 asks how to
    # send it back, and is no return yet.
    "return+": ("已寄回", "已经寄回", "寄回了", "寄回去了", "退回去了", "已退回", "发回去了", "寄还了",
                "寄回去一", "寄回去两", "寄回去三", "寄回去几", "寄回去好几"),
    # Signs of a scam, only those with no everyday sense (理赔 and 扫码 have one: the synonyms
    # below): what the caller says happened is the bait, not the order (meaning.py).
    "scam+": ("骗局", "骗子", "诈骗", "陌生电话", "冒充", "假客服", "屏幕共享", "共享屏幕", "加微信", "加我微信",
              "加qq", "银行卡号", "自称"),
    # A refund or after-sale request has been made (申请了, 退款中).
    "apply+": ("申请了", "已申请", "提交了", "已提交", "申请后", "申请之后", "申请过", "退款中", "售后中"),
    "refund+": ("退款", "退钱", "钱退", "退回", "拿回", "返还", "到账"),
    # Money not received is a refund, not a parcel.
    "refund-": ("钱没收到", "没收到钱", "没收到退款", "卡没收到", "款没收到"),
}
EN_CONCEPTS: dict[str, tuple[str, ...]] = {
    "pay+": ("pay", "pays", "paid", "paying", "payment", "charged"),
    "pay-": ("unpaid", "pending payment"),
    "pay+ ship-": ("pending shipment", "awaiting shipment", "waiting for shipment"),
    "ship+": ("ship", "ships", "shipped", "shipping", "shipment", "dispatched", "dispatch",
              "sent", "send", "sends", "sending", "posted"),
    # Goods sent back, said as done ("can I send it back" is no return yet).
    "return+": ("sent back", "sent it back", "sent them back", "sent the goods back",
                "sent the item back", "mailed it back", "mailed back", "shipped it back",
                "returned it"),
    # Known words that say nothing of the order: sending goods back is no shipping, "just one"
    # is only one, not "just now".
    "": ("send back", "send it back", "send them back", "send the goods back", "send the item back",
         "just one", "just the one", "7 day return", "7 day returns", "seven day return",
         "7 day no reason", "7 days no reason", "seven day no reason", "7 day clock",
         "seven day clock",
         # who pays for shipping is a cost, a re-send another parcel, pay later a way to pay:
         # none says what happened to the order.
         "return shipping", "pays the shipping", "paying the shipping", "pay the shipping",
         "pay for shipping", "pay for the shipping", "re send", "resend", "pay later",
         "pay monthly", "pay in installments"),
    "ship-": ("unshipped", "out of stock", "just ordered", "just placed", "delaying shipping",
              "delayed shipping", "delays shipping", "late dispatch", "late shipment",
              "late shipping"),
    "ship+ receive-": ("in transit", "on the way", "on its way", "out for delivery",
                       "extend receipt", "stuck", "no update", "no updates", "not updated",
                       "hasn t updated", "not updating", "not moving", "hasn t moved"),
    "receive+": ("receive", "received", "receiving", "receipt", "arrive", "arrived", "arrives",
                 "delivered", "got it", "completed", "complete", "confirmed receipt", "finished",
                 "signed for", "it came", "picked up", "opened it", "unboxed"),
    "receive-": ("undelivered", "didn t get it", "did not get it", "never got it", "never got",
                 "do not have it", "don t have it",
                 "refuse the parcel", "refused the parcel", "refuse parcel", "refuse it",
                 "refuse delivery", "refused delivery", "lost", "never came",
                 "never showed up", "reject the delivery", "rejected the delivery",
                 "reject the parcel", "reject the package", "missing parcel", "missing package"),
    "cancel+": ("cancelled", "canceled", "called off", "closed"),
    "refuse+": ("refuse", "refused", "refuses", "reject", "rejected", "rejects", "declined",
                "denied", "declines", "declining", "said no", "says no", "turned down",
                "won t refund", "wouldn t refund"),
    "refuse-": ("ignores", "ignored", "ignoring", "no response", "not responding", "no reply",
                "hasn t replied", "waiting for the merchant", "dragging", "no answer",
                "hasn t answered", "hasn t responded", "didn t reply", "didn t respond",
                "never replied", "never responded", "haven t heard back", "not replied",
                # agreeing is not refusing, and a negator flips it (won't accept the return)
                "accept", "accepted", "accepts", "agree", "agreed", "agrees", "approve",
                "approved", "approves"),
    "faulty+": ("faulty", "broken", "unsafe", "fails food safety", "damaged", "defective", "cracked",
                "crack", "scratched",
                "torn", "wrong", "not as described", "scratch", "scratches", "leaking", "leaks",
                "stained", "moldy", "mouldy", "no sound", "won t turn on", "doesn t turn on",
                "won t charge", "dead", "faded", "peeling", "ripped", "dead on arrival", "not working",
                "doesn t work",
                "does not work", "stopped working", "problem", "fault", "quality", "different from",
                "not the same", "doesn t match", "does not match", "not what i ordered",
                "nothing like", "doesn t look like", "doesnt look like", "does not look like",
                "not like the picture", "not like the pictures"),
    "fake+": ("fake", "fakes", "counterfeit", "fraud", "knockoff", "knock off", "replica",
              "false advertising", "misleading"),
    "unwanted+": ("changed my mind", "change my mind", "don t want", "do not want",
                  "no longer want", "don t need", "do not need", "by mistake", "regret",
                  "don t like", "do not like", "dont like", "not happy with", "ordered twice",
                  "bought twice", "duplicate", "impulse", "don t want it", "dont want"),
    "scam+": ("scam", "scams", "scammer", "scammers", "fraudster", "phishing", "share screen",
              "screen sharing", "bank details", "add me on wechat", "added me on wechat",
              "someone called", "claiming to be", "pretending to be", "fake refund",
              "fake customer service"),
    "apply+": ("applied", "submitted", "requested", "request in progress", "already asked",
               "asked for a refund", "asked for refund", "after applying"),
    "refund+": ("refund", "refunds", "refunded", "money back", "reimburse", "reimbursed",
                "paid back", "money returned", "money arrived", "money has arrived",
                "money came"),
    # Money that has not arrived is a refund, not a parcel.
    "refund-": ("money has not arrived", "money hasn t arrived", "money not arrived",
                "money didn t arrive", "money never arrived", "money has not come",
                "money hasn t come", "money not there", "money isn t there"),
}
# Words that say the next concept has not happened (yet): 没发货, 催发货, before it ships.
NEGATORS = {
    "zh": ("没", "没有", "未", "还没", "还未", "尚未", "不", "别", "从没", "从未", "催", "等着"),
    "en": ("not", "no", "never", "without", "t", "nothing", "yet to", "hasn", "haven", "hadn",
           "didn", "doesn", "isn", "wasn", "won", "cannot", "didnt", "hasnt", "havent", "dont",
           "before", "until", "waiting for"),
}
# Words that say the rest of their clause was promised, and so did not happen (说好48小时发货: it
# has not shipped; "they promised to ship it"), or only claimed or feared, and so is not what
# the reader says happened (说是我自己弄坏的, 怎么避免买到假货). The clause ends at a space
# (Chinese), CLAIM_REACH words on (English, which has no clause marks left), or a word that
# turns to what did happen (说是正品结果是高仿).
PROMISES = {"zh": ("说好", "说好的", "承诺", "答应", "保证", "本来说"),
            "en": ("promised", "promise", "supposed to", "said it would", "says it will")}
CLAIMS = {"zh": ("说是", "号称"), "en": ("claimed", "claims")}
FEARS = {"zh": ("避免", "防止", "以防", "怕", "担心"), "en": ("avoid", "prevent", "afraid", "worried")}
TURNS = {"zh": ("结果", "但是", "但", "可是", "却", "其实", "实际上"),
         "en": ("but", "actually", "instead", "turned out")}
CLAIM_REACH = 4
# Words that ask whether the concept right after them happened (是不是骗子, 有没有发货, whether it
# shipped): they say neither that it did nor that it did not.
WHETHER = {"zh": ("是不是", "有没有", "是否", "有木有"),
           "en": ("whether", "if it", "did it", "has it", "is it", "am i", "are we")}
# What makes an amount of time a question when it follows it at once: 还在七天内吗 asks which side,
# and says neither (超过七天怎么办 says "more").
QUESTION_ENDS = ("吗", "了吗")
# Words that say the concept just before them has not happened yet: 发货前, 付款之前.
BEFORE = {"zh": ("前", "之前", "以前"), "en": ()}
# Concepts that, when a text says them, are all it says: with a sign of a scam, what the caller
# said happened to the order is the bait (陌生电话说快递丢了要理赔 is a scam, not a lost parcel).
ALONE = ("scam",)
# Concepts that only widen a query's words (退钱 also looks for 退款) and weigh no page: nearly
# every page is about a refund, and none says one never happens.
TOPICS = ("refund",)
# Words that ask when, or how long: a time question.
ASKS = {
    "zh": ("多久", "多长时间", "多少天", "几天", "几个工作日", "什么时候", "啥时候", "何时", "哪天", "几号",
           "时间", "快慢", "多快", "算起", "开始算", "起算"),
    "en": ("how long", "how soon", "how fast", "how many days", "when", "time", "timing",
           "take to", "counted from"),
}
# Chinese words that only say how one asks, left out of a query's terms as English stop words
# are (search-rank.js): 特殊订单怎么退 is about 特殊订单 and 退, not the pages whose keywords say 怎么退.
ASKING = {"zh": ("怎么", "如何", "什么", "为什么", "能不能", "可不可以", "可以", "能否", "吗", "呢",
                 "吧", "是不是", "请问", "咋", "点样"),
          "en": ()}
# Words that name only what a shopper wants done and to what, not their situation: a query made
# of nothing else, saying no fact but WANTS and no amount of time (怎么退款, 订单怎么取消, how to
# get a refund; 不想要了怎么退), gets the home page first, which asks for the situation
# (search-rank.js).
GENERAL = {"zh": ("抖音", "订单", "单子", "东西", "买的", "商品", "退款", "退钱", "退货", "退", "取消", "申请",
                  "流程", "操作", "办理", "怎么办", "在哪", "哪里", "我", "的", "了", "要", "想", "能", "一下",
                  "上", "帮", "我妈", "我爸", "妈妈", "爸爸", "家里人", "老人", "咗"),
           "en": ("refund", "refunds", "return", "returns", "cancel", "cancelling", "order", "orders",
                  "douyin", "get", "process", "item", "stuff", "money", "back", "something",
                  "bought", "buy", "buying", "this", "want", "need", "app",
                  # who the reader is asking for is no situation
                  "mom", "mum", "mother", "dad", "father", "parents", "she", "her", "he", "his",
                  "help", "helping",
                  # function words, but not where, when, why: they ask of a situation
                  "a", "an", "the", "i", "me", "my", "it", "is", "how", "to", "do", "does", "can",
                  "on", "in", "for", "of", "with", "and", "or", "what", "you", "your")}
# Concepts that name a wish rather than a situation, as GENERAL words do (不想要了怎么退).
WANTS = ("unwanted+",)
# Words that ask what a status means (待发货是什么意思, what does shipped mean): a status's question
# page says what the status is and where to go from it.
EXPLAINS = {"zh": ("什么意思", "啥意思", "什么状态", "啥状态"), "en": ("mean", "means", "meaning")}
# Words that say how long ago, in days.
AGO = {
    "zh": {"今天": 0, "刚": 0, "刚刚": 0, "昨天": 1, "前天": 2, "大前天": 3, "上个月": 30, "上月": 30,
           "去年": 365},
    "en": {"today": 0, "just": 0, "yesterday": 1, "last month": 30, "last year": 365},
}
# An amount of time: [comparison] number [more] unit [comparison]. Groups: 1 before, 2 number,
# 3 "more", 4 unit, 5 after. The same patterns run in Python and in the browser.
DURATION = {
    "zh": ("(没超过|不超过|未超过|超没超过|有没有超过|过没过|到没到|超过|超出|过了|已过|多于|大于|不到|没到|"
           "未到|不满|没满|未满|少于|小于)? ?"
           "([0-9]+|[一二两三四五六七八九十半][一二两三四五六七八九十几]*) ?个? ?(多)? ?个? ?"
           "(分钟|小时|工作日|天|日|周|星期|礼拜|月|年)(以内|之内|内|里面|以上|之后|后)?"),
    "en": (r"\b(more than|longer than|over|past|after|beyond|within|less than|under|fewer than|"
           r"inside|not even)? ?\b([0-9]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
           r"eleven|twelve|fifteen|twenty|thirty|few|a few|several|a couple of|couple of) "
           r"(more )?((?:working |business )?(?:minute|hour|day|week|fortnight|month|year))s?"
           r"( ago| or more| or less| later)?\b"),
}
MORE = frozenset({"超过", "超出", "过了", "已过", "多于", "大于", "以上", "之后", "后", "more than",
                  "longer than", "over", "past", "after", "beyond", " or more", " later"})
LESS = frozenset({"没超过", "不超过", "未超过", "不到", "没到", "未到", "不满", "没满", "未满", "少于", "小于",
                  "以内", "之内", "内", "里面", "within", "less than", "under", "fewer than", "inside",
                  "not even", " or less"})
UNITS = {"分钟": 1 / 1440, "小时": 1 / 24, "工作日": 1.5, "天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7,
         "月": 30, "年": 365, "minute": 1 / 1440, "hour": 1 / 24, "working day": 1.5,
         "business day": 1.5, "day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
           "几": 5, "半": 0.5, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
           "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30, "few": 3, "a few": 3, "several": 4,
           "a couple of": 2, "couple of": 2}
# How far a negator reaches: characters (zh) or words (en) between it and the word it flips.
NEGATION_REACH = {"zh": 2, "en": 3}


# Chinese words that the English pages quote and an English reader may paste (待收货): read in
# English as in Chinese.
APP_LABELS = ("待付款", "待发货", "待收货", "已发货", "已完成", "已取消", "确认收货", "延长收货", "拒收", "退款中",
              "售后中")


def vocabulary(lang: str) -> dict:
    """The lexicon of one language as the index ships it to the browser."""
    concepts = ZH_CONCEPTS if lang == "zh" else EN_CONCEPTS
    words: dict[str, str] = {word: facts for facts, entries in concepts.items() for word in entries}
    if lang == "en":
        chinese = {word: facts for facts, entries in ZH_CONCEPTS.items() for word in entries}
        words.update({label: chinese[label] for label in APP_LABELS})
    listed = set(words)
    for word, facts in list(words.items()):
        for variant in said_otherwise(word, lang, listed):
            words.setdefault(variant, facts)
    # Each concept's first word: what a query that means it also looks for (寄出来 looks for 发货).
    names = {facts[:-1]: entries[0] for facts, entries in concepts.items()
             if " " not in facts and facts.endswith("+")}
    return {"words": dict(sorted(words.items())), "names": dict(sorted(names.items())),
            "topics": list(TOPICS), "alone": list(ALONE), "negators": sorted(NEGATORS[lang]), "before": sorted(BEFORE[lang]),
            "promises": sorted(PROMISES[lang]), "claims": sorted(CLAIMS[lang]),
            "fears": sorted(FEARS[lang]),
            "turns": sorted(TURNS[lang]), "claimReach": CLAIM_REACH, "whether": sorted(WHETHER[lang]),
            "questionEnds": list(QUESTION_ENDS) if lang == "zh" else [],
            "asks": sorted(ASKS[lang]), "explains": sorted(EXPLAINS[lang]),
            "asking": sorted(ASKING[lang]), "general": _general(lang, words),
            "wants": sorted(w[:-1] for w in WANTS),
            "ago": dict(sorted(AGO[lang].items())),
            "duration": DURATION[lang], "more": sorted(MORE), "less": sorted(LESS),
            "units": UNITS, "numbers": NUMBERS, "reach": NEGATION_REACH[lang],
            "synonyms": shoppers_words(lang)}


def _general(lang: str, words: dict[str, str]) -> list[str]:
    """GENERAL's words and the words of WANTS, longest first (the script blanks them in turn)."""
    return sorted({*GENERAL[lang], *(w for w, facts in words.items() if facts in WANTS)},
                  key=lambda w: (-len(w), w))
