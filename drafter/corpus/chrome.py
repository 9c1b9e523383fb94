"""What is never part of a speech, and dates: the patterns the front-matter reader uses.

- *Dates*: ``iso_date`` reads 2024年7月18日, 二〇二四年七月十八日, 2024-07-18 (a real date, or
  None: 2024年13月 is not one); ``is_date_line`` tells a line that is only a date.
- *Scraper labels* (标题：/发文单位：/发布时间：/来源：/索 引 号: | … |) and *news datelines*
  (新华社北京3月22日电), *photo captions* (……新华社记者 ×× 摄), *site chrome* (分享到, 打印本页,
  会员登录, 免费试读, a style sheet pasted before the text), *footnotes* after the speech.
"""

from __future__ import annotations

import datetime as dt
import re

from drafter.core.lazyre import lazy
from drafter.core.numerals import from_chinese
from drafter.core.vocab import PLACEHOLDER_DIGITS

# ----- dates -------------------------------------------------------------------------------
_CN_DIGITS = "〇零一二三四五六七八九"
_YEAR = rf"(?P<y>[0-9０-９{PLACEHOLDER_DIGITS}]{{4}}|[{_CN_DIGITS}○Ｏ]{{4}})"
_NUM = rf"[0-9０-９{PLACEHOLDER_DIGITS}]{{1,2}}|[一二三四五六七八九十]{{1,3}}|元"
DATE_CN = lazy(rf"{_YEAR}\s*年\s*(?P<m>{_NUM})\s*月(?:\s*(?P<d>{_NUM})\s*[日号])?")
DATE_NUMERIC = lazy(r"(?P<y>(?:19|20)\d\d)\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)")
_DATE_LINE = lazy(rf"^[（(]?\s*(?:{DATE_CN.pattern}|{DATE_NUMERIC.pattern.replace('?P<', '?P<n')})"
                        r"(?:[，,、\s]*(?:[上下]午)?\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?)?"
                        r"(?:[，,、\s]*(?:根据录音整理|有删节|有删减|略有删节|整理稿|修改稿|讲话稿|定稿))?\s*[）)]?$")


def _number(text: str) -> int | None:
    text = text.translate(str.maketrans("０１２３４５６７８９○Ｏ", "0123456789〇〇"))
    if text.isdigit():
        return int(text)
    if text == "元":  # 元月: the first month
        return 1
    if all(ch in _CN_DIGITS for ch in text) and len(text) == 4:  # 二〇二四
        return int("".join(str("〇一二三四五六七八九".index(ch.replace("零", "〇"))) for ch in text))
    try:
        return from_chinese(text)
    except ValueError:
        return None


def iso_date(text: str) -> str | None:
    """``2024-07-18`` (or ``2024-07`` without a day) for a real date in ``text``; None when
    there is none or it is not a real date (2024年13月, 2024年X月X日)."""
    if not text:
        return None
    m = DATE_CN.search(text)
    if m is None:
        m = DATE_NUMERIC.search(text)
    if m is None:
        return None
    year, month = _number(m.group("y")), _number(m.group("m"))
    day = _number(m.group("d")) if m.group("d") else None
    if year is None or month is None or (m.group("d") and day is None):
        return None
    try:
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def is_date_line(line: str) -> bool:
    """（2019年5月31日） / 2024年1月19日 / 2024-02-19 11:08 standing alone."""
    return len(line) <= 40 and bool(_DATE_LINE.match(line))


def is_chrome(line: str) -> bool:
    """Site, print or photo chrome that is never part of a speech."""
    return len(line) <= 400 and bool(CHROME.search(line) or PHOTO.search(line))


# ----- line shapes -------------------------------------------------------------------------
def _spaced(word: str) -> str:
    """A label as scraped tables print it, maybe letter-spaced (索 引 号)."""
    return r"\s*".join(map(re.escape, word))


LABELS = ("标题", "原标题", "副标题", "发文单位", "发文机关", "发布机构", "发文时间", "发文日期", "成文日期",
          "报告人", "讲话人", "主讲人", "来源", "来源URL", "来源网址", "原文链接", "链接", "网址", "URL",
          "日期", "时间", "发布时间", "发布日期", "更新时间", "正文", "作者", "编辑", "责任编辑", "责编",
          "校对", "审核", "审校", "签发", "信息来源", "文章来源", "稿件来源", "字号", "浏览次数", "点击数",
          "阅读数", "阅读量", "访问量", "索引号", "主题分类", "发文字号", "文号", "主题词", "关键词",
          "分类", "栏目", "摄影", "图片", "视频", "通讯员", "记者", "有效性", "公开方式", "文章大小", "页数",
          "用户名", "密码", "验证码", "所属机构", "公开时限", "信息分类", "生成日期", "体裁", "文章类型")
_LABEL_RE = "|".join(_spaced(w) for w in sorted(LABELS, key=len, reverse=True))
#: ``来源：南方+`` — a label and its value, anywhere in a header line.
#: A catalogue or metadata line of any label (知识类型: 析出资源 / 颗粒名称: ……), recognised as
#: metadata when lines like it stand next to it.
LABEL_LIKE = lazy(r"^[\u4e00-\u9fff][\u4e00-\u9fff ]{1,7}\s*[：:]\s*\S")
#: A summary naming who spoke: 本文记述了戴坤江在……发表的讲话.
SUMMARY_SPEAKER = lazy(r"(?:了|是|为|系|收录)(?P<who>[\u4e00-\u9fff、]{2,30}?)(?:同志)?在[^。]{2,80}?(?:(?:发表|所作|作)的?(?:重要)?讲话|发表的|的讲话|上的致辞)")
#: A line with two or more labels, or a label in a scraped table row (| … |), is page metadata.
LABEL = lazy(rf"(?:^|(?<=[\s　|｜丨]))[【\[]?(?P<label>{_LABEL_RE})[】\]]?\s*[：:]\s*")
LABEL_AT_START = lazy(rf"^[【\[]?(?P<label>{_LABEL_RE})[】\]]?\s*[：:]")
#: A label glued to the end of a title (……的讲话发布时间：2024-02-19).
GLUED_LABEL = lazy(r"(?P<label>发布时间|发布日期|发文时间|来源|作者|编辑|责任编辑|日期|时间)[：:]")

SPEAKER_LABELS = {"报告人", "讲话人", "主讲人", "作者"}
TITLE_LABELS = {"标题"}
DATE_LABELS = {"日期", "时间", "发文时间", "发文日期", "成文日期"}
PUBLISHED_LABELS = {"发布时间", "发布日期", "更新时间"}

#: 新华社北京3月22日电 / 人民网北京1月8日电 / 本报讯 / 本报北京5月1日讯
DATELINE = lazy(
    r"^[（(]?(?:新华社|中新社|人民网|新华网|央视网|央广网|光明网|中国新闻网|本报|本刊|记者)?"
    r"[\u4e00-\u9fff]{0,8}?\s*(?:[0-9０-９一二三四五六七八九十]{1,3}月)?[0-9０-９一二三四五六七八九十]{1,3}日\s*(?:电|讯)[）)]?"
    r"|^[（(]?本报讯[）)]?")
REPORTER = lazy(r"^[（(]\s*(?:[\u4e00-\u9fff]{0,8}记者|通讯员)[^）)]{0,40}[）)]\s*")

#: Photo captions: ……（新华社记者 ×× 摄） / 图为…… / 摄影：…
PHOTO = lazy(
    r"(?:记者|通讯员|摄影|供图|图片|图)\s*[\u4e00-\u9fff·\s　]{0,16}\s*摄\s*[）)]?\s*$"
    r"|^[（(]?\s*(?:图为|图片|图：|上图|下图|左图|右图|资料图)"
    r"|^[（(]?\s*[\u4e00-\u9fff]{1,12}供图[）)]?$")

#: Site and print chrome: navigation, sharing, copyright, counters, editors.
CHROME = lazy(
    r"^[（(【\[]?\s*(?:责任编辑|责编|编辑|校对|审核|审校|终审|签发|来源|编审|监制|制作|策划|统筹)\s*[：:]"
    r"|^[（(【\[]\s*(?:责任编辑|编辑|来源|校对)[^）)】\]]{0,40}[）)】\]]$"
    r"|分享到|打印本页|【?打印】?\s*【?关闭】?|关闭窗口|扫一扫|微信扫|二维码|手机版|网站地图|版权所有|Copyright|©"
    r"|ICP备|公网安备|网站标识码|主办单位|承办单位|技术支持|联系我们|返回顶部|返回首页|上一篇|下一篇"
    r"|相关阅读|相关新闻|相关链接|延伸阅读|推荐阅读|热点推荐|字号[：:]?\s*[大中小]|【字体|字体[：:]\s*[大中小]"
    r"|浏览次数|点击数|阅读次数|阅读量|访问量|^[（(]?完[）)]?$|了解更多|进入“?[^”]{0,10}”?平台"
    r"|^当前位置|^您的位置|^您现在的位置|^首页\s*[>＞»›/]|\s[>＞»›]\s.*\s[>＞»›]\s"
    r"|^[【\[]?(?:纠错|收藏|打印|关闭|返回|分享|评论|点赞)[】\]]?$"
    r"|^(?:原标题|原题|题图|编者按|编者的话)[：:]"
    r"|^[（(]\s*(?:本文|此文|该文|文章)[^）)]{0,60}[）)]$"
    r"|^[（(](?:此件公开发布|根据录音整理|有删节)[）)]$"
    r"|^(?:本文|此文|该文)(?:原载|刊载|系|为|来源)"
    r"|https?://|www\.[a-z0-9]"
    r"|正文复制|复制全文|全文阅读|阅读全文|展开全文|下载文档|文档下载|立即下载|立即了解|写作神器|付费|会员专享|"
    r"^[（(]?未完[,，]|当前显示\d|请认真阅读下面的提示|^\d+\s*页\s*\d*\+?$|举报|收藏本文"
    r"|^[^\u4e00-\u9fffA-Za-z0-9]{1,12}$|^(?:查看原文|内容|正文|全文|原文|摘要|详情|附件)$"
    r"|免费试读|试读结束|温馨提示|开通会员|会员信息|友情链接|现金奖励|点券|投稿】|下载全站|VIP用户|^\[?VIP\]?$"
    r"|^(?:注册|登录|登陆|退出|搜索|首页|English|无障碍|繁体|简体|长者模式)$"
    r"|^(?:用户名|密\s*码|验证码)\s*[：:]"
    r"|@page\s*\{|\{\s*(?:font-family|color|margin)[^}]*\}"
    r"|\|\s*\|")

#: Chrome glued to the end of a title or the start of a line: [VIP], 【图】, a style sheet.
GLUED_CHROME = lazy(r"\s*[\[【](?:VIP|vip|图|视频|组图|推荐|原创|转载|置顶|热)[\]】]\s*$")
#: A site's tag before a title: [县长在县委书记]县长在……的讲话
LEADING_TAG = lazy(r"^[\[【][^\]】]{1,16}[\]】]\s*(?=[\u4e00-\u9fff])")
STYLE_SHEET = lazy(r"^(?=.{0,80}?(?:@page|font-family|\{\s*margin))(?P<css>.*\})\s*(?=[\u4e00-\u9fff“])")

#: Footnotes after the speech: 注释：/ 注：/ ［1］…… / ①……
FOOTNOTE_HEAD = lazy(r"^(?:注释|注\s*释|注|参考文献|附注)\s*[：:]?$|^注\s*[：:]")
FOOTNOTE = lazy(r"^(?:[［\[〔【]\s*\d{1,3}\s*[］\]〕】]|\d{1,3}\s*[．.]\s*(?:参见|见|引自|出自|《))")
#: Footnote lines after a 注释： heading may also be numbered ① or （1）.
NOTE_ITEM = lazy(r"^(?:[［\[〔【(（]\s*\d{1,3}\s*[］\]〕】)）]|[①-⑳⑴-⒇]|\d{1,3}\s*[．.、])")

