"""`drafter phrases`: 检索语料库中的常用表述；--fill 填写句式的槽位；--add 添加自己的表述."""

from __future__ import annotations

import argparse
import sys

from drafter.commands._common import add_command, print_json
from drafter.core.errors import DrafterError


def register(sub) -> None:
    parser = add_command(sub, "phrases")
    parser.add_argument("query", nargs="?", default="", help="检索词（多个词用空格分开）")
    parser.add_argument("--category", help="类别：排比、对偶、数字概括、提纲、四字格、过渡语、开头、结尾")
    parser.add_argument("--role", help="适用部分：opening、review、tasks、conduct、closing、other")
    parser.add_argument("--limit", type=int, default=20, help="最多显示条数")
    parser.add_argument("--all", action="store_true",
                        help="也列出需斟酌的条目（已过时的提法、一时一地的事实），并标出原因")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--fill", metavar="编号", help="填写该句式的槽位（配合 --slot）")
    parser.add_argument("--slot", action="append", default=[], metavar="槽位=词",
                        help="槽位的取值，可重复，如 --slot X=担当")
    parser.add_argument("--add", metavar="文字", help="把一条自己的表述加入个人表述库（需 --category）")
    parser.set_defaults(func=run)


def _slots(items: list[str]) -> dict[str, str]:
    values = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise DrafterError(f"参数 --slot 的值“{item}”格式不对：应写成 槽位=词（例如 --slot X=担当）")
        values[key.strip()] = value.strip()
    return values


def run(args: argparse.Namespace) -> int:
    from drafter import phrasebank
    from drafter.core.model import ROLES
    if args.category and args.category not in phrasebank.CATEGORIES:
        raise DrafterError(f"类别“{args.category}”无效（可选：{'、'.join(phrasebank.CATEGORIES)}）")
    if args.role and args.role not in ROLES:
        raise DrafterError(f"部分“{args.role}”无效（可选：{'、'.join(ROLES)}）")
    if args.add:
        if not args.category:
            raise DrafterError("添加表述需要用 --category 指定类别")
        phrase = phrasebank.add_user_phrase(args.add, args.category,
                                            [args.role] if args.role else [])
        print(f"已加入个人表述库：{phrase.id}")
        return 0
    phrases, errors = phrasebank.load_phrases()
    if args.fill:
        phrase = phrasebank.find(phrases, args.fill)
        text = phrasebank.fill(phrase, _slots(args.slot))
        if args.json:
            print_json({"id": phrase.id, "frame": phrase.frame, "text": text})
        else:
            print(text)
    else:
        if args.slot:
            raise DrafterError("--slot 需要配合 --fill 编号 使用")
        hits = phrasebank.PhraseIndex(phrases).search(args.query, args.category, args.role,
                                                      args.limit, noted=args.all)
        if args.json:
            print_json([p.to_dict() for p in hits])
        else:
            for p in hits:
                where = f"{p.source_file}#{p.source_paragraph}" if p.source_file else "个人"
                print(f"{p.id}\t[{p.category}]\t{p.text}\t（{where}，{p.frequency} 次）")
                if p.frame:
                    print(f"\t句式：{p.frame}")
                if p.note:
                    print(f"\t需斟酌：{p.note}")
            if not hits:
                print("没有找到匹配的表述" + ("" if args.all else "（需斟酌的条目未列出，加 --all 可一并列出）"),
                      file=sys.stderr)
    for error in errors:
        print(error.message, file=sys.stderr)
    return 2 if errors else 0
