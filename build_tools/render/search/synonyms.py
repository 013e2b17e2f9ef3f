"""The shoppers' words for what the pages call otherwise, per language: 卖家 for 商家, 截图 for 证据,
seller for merchant. lexicon.py ships them in the index's vocabulary, where the browser
(docs/overrides/assets/search-rank.js) also looks for the site's word when a query has the
shopper's; and a word of meaning that names the merchant or the parcel is also listed in the
shoppers' words for it (SAID_OTHERWISE).
"""

from __future__ import annotations

# The words shoppers use for what the pages call otherwise: a query that says 卖家 also looks for
# 商家, at SYNONYM of its weight (docs/overrides/assets/search-rank.js). Each group is the site's
# word, then the shoppers' words for the same thing: the everyday words we know shoppers use,
# and words from the misses of the development sets (tests/search/runner.py's TUNED, never a
# held-out one). The index maps each shopper's word to its site words (店铺客服 to two).
ZH_SYNONYMS: dict[str, tuple[str, ...]] = {
    "商家": ("卖家", "店家", "店铺", "商户", "掌柜", "老板", "店主", "卖方", "网店", "厂家", "店铺客服",
           "商家客服", "卖家客服", "店家客服"),
    "沟通": ("私信", "私聊", "聊天", "去哪聊", "问问", "咨询", "留言", "发消息", "找卖家", "找店家",
           "跟商家说", "和商家说", "跟卖家说", "跟商家聊", "和商家聊", "怎么开口", "店铺客服", "商家客服",
           "卖家客服", "店家客服"),
    "官方客服": ("人工", "人工客服", "平台客服", "抖音客服", "小二", "热线", "客服电话", "打电话"),
    "平台介入": ("投诉", "维权", "举报", "申诉", "仲裁", "找平台", "告他", "曝光"),
    "物流": ("快递", "包裹", "快件", "单号", "运单", "轨迹", "物流信息", "不动", "没更新", "停了",
           "卡住"),
    "代收点": ("驿站", "快递柜", "丰巢", "菜鸟", "门卫", "放门口", "代签", "别人签收", "被人签收",
            "被签收", "快递站"),
    "质量问题": ("开胶", "开线", "掉色", "褪色", "起球", "有洞", "破洞", "划痕", "变形", "生锈",
             "坏了", "坏的", "碎了", "裂了", "用不了", "色差"),
    "描述不符": ("货不对板", "图片不一样", "跟图片", "实物", "照片不一样", "图不符", "不像图",
             "买家秀", "卖家秀", "宣传图"),
    "换货": ("换一个", "换个", "换码", "换尺码", "换大", "换小", "换颜色", "换色", "调换", "换新",
           "尺码不对", "大了", "小了", "不合身"),
    "补寄": ("补发", "少发", "漏发", "缺件", "少件", "少了", "配件", "没发全", "发少"),
    "维修": ("保修", "返修", "修理", "修一下", "售后维修", "寄回去修", "拿去修", "能修", "修好"),
    "证据": ("截图", "录屏", "开箱视频", "视频", "照片", "拍照", "聊天记录", "凭证", "留证",
           "存证", "保存"),
    "骗局": ("陌生人", "验证码", "卡号", "密码", "理赔", "扫码", "二维码", "转账", "双倍赔", "赔偿电话",
           "打电话说", "加好友", "私下"),
    "安全购物": ("防骗", "防坑", "踩坑", "被坑", "避坑", "上当", "靠谱", "靠不靠谱", "注意事项", "要注意",
             "注意什么", "小心", "信誉", "怎么挑", "防止", "避免", "放心", "安心", "保障自己"),
    "食品": ("零食", "吃的", "食物", "过期", "保质期", "生产日期", "发霉", "变质", "虫", "异物",
           "吃坏", "拉肚子", "三无"),
    "欺诈": ("骗人", "虚假宣传", "以次充好", "假货", "夸大宣传", "忽悠"),
    "删除": ("删掉", "删了", "清理", "清空", "隐藏", "不想看到", "不想被看到", "删记录", "太乱", "隐私",
           "看到我买", "被人看到", "家里人看到", "家人看到"),
    "取消": ("撤销", "撤单", "不买了", "退单"),
    "定金": ("订金", "尾款", "预订", "预购", "预定", "付定"),
    "团购券": ("券", "套餐", "代金券", "到店", "核销", "餐厅", "门票", "餐券", "团购"),
    "先用后付": ("分期", "赊账", "后付", "月付", "白条", "先买后付"),
    "运费": ("邮费", "快递费", "寄回运费", "来回运费", "运费险", "寄回去要钱"),
    "到账": ("到卡", "卡里", "余额", "钱没到", "银行卡", "零钱", "原路", "退到哪", "钱去哪"),
    "进度": ("到哪一步", "进展", "处理到哪", "处理结果", "怎么看售后"),
    "退货": ("退回去", "寄回", "寄回去", "送回", "退回商家"),
    "部分": ("只退一个", "只退一件", "其中一件", "其中一个", "一部分", "单独退", "只退", "单退", "别的留着",
           "其他留着", "其他的留着", "剩下的留着"),
}
EN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "merchant": ("seller", "sellers", "shop", "store", "vendor", "shop owner"),
    "talk": ("message", "chat", "dm", "contact seller", "ask the seller", "reach the seller",
             "shop customer service", "store customer service"),
    "customer service": ("support", "agent", "human", "hotline", "helpline", "call centre",
                         "call center", "live person", "real person"),
    "platform intervention": ("complain", "complaint", "dispute", "escalate", "report",
                              "appeal", "arbitration"),
    "evidence": ("screenshot", "screenshots", "photo", "photos", "video", "unboxing",
                 "proof", "records", "record", "film"),
    "scams": ("wechat me", "outside the app", "call from", "stranger", "verification code",
              "card number", "card details", "password", "called me", "got a call", "phone call",
              "pretending"),
    "safely": ("ripped off", "tips", "safe", "careful", "avoid", "trustworthy", "reliable",
               "peace of mind", "protect myself",
               "legit", "scammed", "watch out"),
    "food": ("snack", "snacks", "expired", "best before", "expiry", "mold", "mould",
             "bugs", "insects", "spoiled", "rotten", "ate", "eat"),
    "exchange": ("swap", "replace", "replacement", "different size", "bigger size",
                 "smaller size", "another size", "another colour", "another color", "too small",
                 "too big"),
    "re send": ("missing part", "missing parts", "missing item", "resend", "only got one",
                "incomplete"),
    "repair": ("fix", "fixed", "warranty", "repaired"),
    "delete": ("remove", "hide", "clear", "clean up", "get rid of", "erase", "privacy",
               "see what i bought"),
    "deposit": ("down payment", "pre order", "preorder", "presale", "balance payment"),
    "voucher": ("coupon", "coupons", "vouchers", "restaurant", "ticket", "tickets", "meal",
                "set meal", "group buy"),
    "pay later": ("installments", "instalments", "buy now pay later", "monthly", "credit"),
    "logistics": ("tracking", "courier", "parcel", "package", "stuck", "no update"),
    "collection point": ("locker", "pickup point", "pick up point", "neighbor", "neighbour",
                         "someone else", "front door", "doorstep"),
    "shipping": ("postage", "delivery fee", "return postage", "freight"),
    "money": ("bank", "card", "account", "balance", "wallet"),
    "where it went": ("where did my refund go", "where did the money go"),
    "progress": ("status of my", "update on", "how far along", "where is my request"),
}
# The site's words for who or what, whose synonyms also stand in lexicon.py's words of meaning:
# 商家没反应 is also 卖家没反应 (lexicon.vocabulary), so a list names the merchant once.
SAID_OTHERWISE = {"zh": ("商家", "物流"), "en": ("merchant", "logistics")}


def said_otherwise(word: str, lang: str, meaningful: set[str]) -> list[str]:
    """A word that names who or what (商家没反应, "waiting for the merchant") in the shoppers'
    words for it (卖家没反应, "waiting for the seller"); not in a shopper's word that is itself
    one of the `meaningful` words (物流不动 is not 不动不动)."""
    synonyms = ZH_SYNONYMS if lang == "zh" else EN_SYNONYMS
    glue = " " if lang == "en" else ""
    variants = []
    for site_word in SAID_OTHERWISE[lang]:
        units = word.split(" ") if lang == "en" else list(word)
        size = len(site_word.split(" ")) if lang == "en" else len(site_word)
        for at in range(len(units) - size + 1):
            if glue.join(units[at:at + size]) == site_word and len(units) > size:
                variants += [glue.join([*units[:at], shopper, *units[at + size:]])
                             for shopper in synonyms[site_word] if shopper not in meaningful]
    return variants


def shoppers_words(lang: str) -> dict[str, list[str]]:
    """Each shopper's word -> the site's words it also looks for."""
    found: dict[str, list[str]] = {}
    for site_word, words in (ZH_SYNONYMS if lang == "zh" else EN_SYNONYMS).items():
        for word in words:
            found.setdefault(word, []).append(site_word)
    return dict(sorted(found.items()))
