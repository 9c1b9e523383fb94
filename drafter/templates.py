"""Structure templates (DESIGN §3, issue 4): load, validate and render ``templates/*.yaml``.

A template is the skeleton of one kind of speech: the fields a secretary fills in, the
numbering style of each level, and the ordered parts (role, guidance, example headings from
the corpus, starter paragraphs, suggested phrase categories).  Every text in a template is a
jinja2 template rendered in a ``SandboxedEnvironment`` with ``StrictUndefined``: a template
can use its fields and nothing else.  Loading checks every text up front (syntax, undefined
fields, attribute tricks such as ``__class__``, imports), so a bad template is reported by
file and line and the others still load.
"""

from __future__ import annotations

import datetime
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from drafter.core import paths
from drafter.core import levels
from drafter.core.errors import DrafterError
from drafter.core.markers import parse_style
from drafter.core.model import MAX_LEVEL, ROLES, Block, Draft
from drafter.core.numerals import count_word
from drafter.core.vocab import PLACEHOLDER_DIGITS
from drafter.core.yamlio import Lines, line_of, load_yaml
from drafter.corpus.chrome import iso_date
from drafter.template_messages import node_name, syntax_reason, undefined_reason

logger = logging.getLogger(__name__)

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: variables every template may use besides its fields: the number of headed parts in words
#: and the level words that follow from the place (``lv_party`` → 县委 …, see core/levels.py).
BUILTINS = ("parts_count", *levels.TEMPLATE_VARIABLES)
#: a field value longer than this is refused (a meeting name, not a pasted document).
MAX_VALUE = 200
_TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


@dataclass
class FieldSpec:
    key: str
    label: str
    default: str = ""
    required: bool = False


#: fields every template accepts (key, label, required); templates may override the default
#: (e.g. meeting: "{{ lv_whole }}经济工作会议") or the label in their own ``fields``.
COMMON_FIELDS = (
    ("place", "地点（如 临江县、临江市、某省）", True),
    ("level", "层级（留空则按地点判断：县、市、省、区……）", False),
    ("speaker", "讲话人", True),
    ("meeting", "会议名称", True),
    ("date", "日期（留空为今天）", False),
    ("year", "年度（留空为日期所在年）", False),
)
COMMON_KEYS = tuple(key for key, _label, _required in COMMON_FIELDS)


def today() -> datetime.date:
    return datetime.date.today()


def date_words(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    role: str = ""  # empty: the role of the part it belongs to


@dataclass
class Part:
    role: str
    heading: str = ""
    guidance: str = ""
    examples: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    phrase_categories: list[str] = field(default_factory=list)


@dataclass
class Template:
    id: str
    name: str
    occasion: str
    fields: list[FieldSpec]
    numbering: dict[int, str]
    parts: list[Part]
    title: str = ""
    speaker: str = ""
    date: str = ""
    salutation: str = ""
    sources: list[str] = field(default_factory=list)
    path: str = ""

    def defaults(self) -> dict[str, str]:
        return {f.key: f.default for f in self.fields}

    def heading_parts(self) -> list[Part]:
        return [p for p in self.parts if p.heading]


# ----- environment ------------------------------------------------------------------------
def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                keep_trailing_newline=False)


_ENV = environment()
_FORBIDDEN_NODES = (nodes.Import, nodes.FromImport, nodes.Include, nodes.Extends)
#: what a template text may contain: substitution, simple conditions, a few filters.  No
#: loops, arithmetic, calls or macros — nothing that could run long or build huge strings.
_ALLOWED_NODES = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Const,
                  nodes.If, nodes.CondExpr, nodes.Not, nodes.And, nodes.Or, nodes.Compare,
                  nodes.Operand, nodes.Filter, nodes.Concat)
_ALLOWED_FILTERS = {"default", "trim", "upper", "lower", "length"}


def check_text(text: str, known: set[str], source: str, line: int | None) -> None:
    """Refuse a template text that does not compile, uses an unknown field, reaches for an
    underscore attribute (``__class__``, ``__globals__``…) or imports/includes templates."""
    try:
        ast = _ENV.parse(text)
    except TemplateSyntaxError as exc:
        where = (line + exc.lineno - 1) if line is not None and exc.lineno else line
        raise DrafterError(f"模板语法错误：{syntax_reason(exc.message)}", source, where) from None
    for node in ast.find_all(_FORBIDDEN_NODES):
        raise DrafterError("模板不允许导入、包含或继承其他模板（安全限制）", source, line)
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        name = node.attr if isinstance(node, nodes.Getattr) else (
            node.arg.value if isinstance(node.arg, nodes.Const) else None)
        if isinstance(name, str) and name.startswith("_"):
            raise DrafterError(f"模板试图访问受限属性“{name}”（安全限制，已拒绝）", source, line)
    for node in ast.find_all(nodes.Const):
        if isinstance(node.value, str) and "__" in node.value:
            raise DrafterError(f"模板试图访问受限属性“{node.value}”（安全限制，已拒绝）", source, line)
    for node in ast.find_all(nodes.Node):
        if not isinstance(node, _ALLOWED_NODES):
            raise DrafterError(f"模板只允许字段替换、简单条件和常用过滤器，不允许使用{node_name(type(node).__name__)}",
                               source, line)
        if isinstance(node, nodes.Filter) and node.name not in _ALLOWED_FILTERS:
            raise DrafterError(f"模板不允许使用过滤器“{node.name}”（可用：{'、'.join(sorted(_ALLOWED_FILTERS))}）",
                               source, line)
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in known:
            raise DrafterError(f"模板引用了未定义的字段“{node.name}”", source, line)


def render_text(text: str, values: dict[str, Any], source: str = "", line: int | None = None) -> str:
    if "{" not in text:
        return text
    try:
        return _ENV.from_string(text).render(values)
    except SecurityError:
        raise DrafterError("模板试图突破沙箱、访问受限的内容（安全限制），已拒绝", source or None, line) from None
    except UndefinedError as exc:
        raise DrafterError(undefined_reason(str(exc)), source or None, line) from None
    except TemplateSyntaxError as exc:
        raise DrafterError(f"模板语法错误：{syntax_reason(exc.message)}", source or None, line) from None
    except Exception:  # noqa: BLE001 - any failure inside a template is the template's
        raise DrafterError("模板渲染失败：模板中的条件或过滤器无法计算", source or None, line) from None


# ----- loading ----------------------------------------------------------------------------
class _Reader:
    def __init__(self, source: str, lines: Lines):
        self.source, self.lines = source, lines

    def fail(self, reason: str, path: tuple) -> DrafterError:
        return DrafterError(reason, self.source, line_of(self.lines, path))

    def string(self, data: dict, key: str, path: tuple, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"缺少“{key}”", path)
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(f"“{key}”应为文字", path + (key,))
        return str(value)

    def strings(self, data: dict, key: str, path: tuple) -> list[str]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and
                                                   not isinstance(v, bool) for v in value):
            raise self.fail(f"“{key}”应为文字列表", path + (key,))
        return [str(v) for v in value]

    def mapping(self, value: Any, path: tuple, what: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(f"{what}应为键值对", path)
        return value


def _read_sections(reader: _Reader, value: Any, path: tuple, depth: int) -> list[Section]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise reader.fail("“sections”应为列表", path)
    if depth > MAX_LEVEL:
        raise reader.fail(f"提纲层级超过 {MAX_LEVEL} 级", path)
    result = []
    for i, item in enumerate(value):
        here = path + (i,)
        item = reader.mapping(item, here, "小节")
        role = reader.string(item, "role", here)
        if role and role not in ROLES:
            raise reader.fail(f"小节的角色“{role}”无效（可选：{'、'.join(ROLES)}）", here + ("role",))
        result.append(Section(
            role=role,
            heading=reader.string(item, "heading", here, required=True),
            paragraphs=reader.strings(item, "paragraphs", here),
            sections=_read_sections(reader, item.get("sections"), here + ("sections",), depth + 1),
        ))
    return result


def _read_template(data: Any, lines: Lines, source: str) -> Template:
    reader = _Reader(source, lines)
    data = reader.mapping(data, (), "模板")
    fields = []
    raw_fields = data.get("fields") or []
    if not isinstance(raw_fields, list):
        raise reader.fail("“fields”应为列表", ("fields",))
    for i, item in enumerate(raw_fields):
        here = ("fields", i)
        item = reader.mapping(item, here, "字段")
        key = reader.string(item, "key", here, required=True)
        if not _KEY.match(key):
            raise reader.fail(f"字段名“{key}”只能用英文字母、数字和下划线", here + ("key",))
        if any(f.key == key for f in fields):
            raise reader.fail(f"字段“{key}”重复", here + ("key",))
        required = item.get("required", False)
        if not isinstance(required, bool):
            raise reader.fail("“required”应为 true 或 false", here + ("required",))
        fields.append(FieldSpec(key, reader.string(item, "label", here) or key,
                                reader.string(item, "default", here), required))
    fields = with_common_fields(fields)
    numbering: dict[int, str] = {}
    raw_numbering = reader.mapping(data.get("numbering") or {}, ("numbering",), "“numbering”")
    for level, style in raw_numbering.items():
        here = ("numbering", level)
        if not isinstance(level, int) or not 1 <= level <= MAX_LEVEL:
            raise reader.fail(f"编号层级“{level}”无效（应为 1–{MAX_LEVEL}）", here)
        if not isinstance(style, str):
            raise reader.fail(f"第 {level} 级的编号样式应为文字（如 \"1.\" 要加引号）", here)
        try:
            parse_style(str(style))
        except ValueError:
            raise reader.fail(f"第 {level} 级的编号样式“{style}”无效", here) from None
        numbering[level] = str(style)
    raw_parts = data.get("parts")
    if not isinstance(raw_parts, list) or not raw_parts:
        raise reader.fail("“parts”应为非空列表", ("parts",))
    parts = []
    for i, item in enumerate(raw_parts):
        here = ("parts", i)
        item = reader.mapping(item, here, "部分")
        role = reader.string(item, "role", here, required=True)
        if role not in ROLES:
            raise reader.fail(f"部分的角色“{role}”无效（可选：{'、'.join(ROLES)}）", here + ("role",))
        if not any(item.get(k) for k in ("heading", "paragraphs", "sections")):
            raise reader.fail(f"第 {i + 1} 部分（{role}）缺少内容：应有“heading”、“paragraphs”或“sections”",
                              here)
        for key in ("guidance", "examples"):
            for text in ([item.get(key)] if key == "guidance" else item.get(key) or []):
                if isinstance(text, str) and _TEMPLATE_SYNTAX.search(text):
                    raise reader.fail(f"“{key}”是给写稿人看的说明，不能含模板语法", here + (key,))
        parts.append(Part(
            role=role,
            heading=reader.string(item, "heading", here),
            guidance=reader.string(item, "guidance", here),
            examples=reader.strings(item, "examples", here),
            paragraphs=reader.strings(item, "paragraphs", here),
            sections=_read_sections(reader, item.get("sections"), here + ("sections",), 2),
            phrase_categories=reader.strings(item, "phrase_categories", here),
        ))
    template = Template(
        id=reader.string(data, "id", (), required=True),
        name=reader.string(data, "name", (), required=True),
        occasion=reader.string(data, "occasion", ()),
        fields=fields, numbering=numbering, parts=parts,
        title=reader.string(data, "title", ()),
        speaker=reader.string(data, "speaker", ()),
        date=reader.string(data, "date", ()),
        salutation=reader.string(data, "salutation", ()),
        sources=reader.strings(data, "sources", ()),
        path=source,
    )
    _check_texts(template, data, lines, source)
    return template


def with_common_fields(own: list[FieldSpec]) -> list[FieldSpec]:
    """The common fields (place, level, speaker, meeting, date, year; a template's own entry
    for one of them overrides its label or default) followed by the template's own."""
    mine = {f.key: f for f in own}
    result = []
    for key, label, required in COMMON_FIELDS:
        spec = mine.get(key)
        result.append(FieldSpec(key, spec.label if spec and spec.label != key else label,
                                spec.default if spec else "", required))
    result.extend(f for f in own if f.key not in COMMON_KEYS)
    return result


def _texts(data: dict) -> list[tuple[tuple, str]]:
    """Every renderable text of a template with its path in the YAML data."""
    found = [((key,), data[key]) for key in ("title", "speaker", "date", "occasion", "salutation")
             if isinstance(data.get(key), str)]
    for f, item in enumerate(data.get("fields") or []):
        if isinstance(item, dict) and isinstance(item.get("default"), str):
            found.append((("fields", f, "default"), item["default"]))

    def sections(value, path):
        for s, sec in enumerate(value or []):
            if isinstance(sec, dict):
                found.append((path + (s, "heading"), sec.get("heading") or ""))
                for k, para in enumerate(sec.get("paragraphs") or []):
                    found.append((path + (s, "paragraphs", k), str(para)))
                sections(sec.get("sections"), path + (s, "sections"))

    for p, part in enumerate(data.get("parts") or []):
        found.append((("parts", p, "heading"), part.get("heading") or ""))
        for k, para in enumerate(part.get("paragraphs") or []):
            found.append((("parts", p, "paragraphs", k), str(para)))
        sections(part.get("sections"), ("parts", p, "sections"))
    return found


def _check_texts(template: Template, data: dict, lines: Lines, source: str) -> None:
    known = {f.key for f in template.fields} | set(BUILTINS)
    for path, text in _texts(data):
        if path[0] == "fields":
            check_text(text, set(BUILTINS) | {"place"}, source, line_of(lines, path))
        else:
            check_text(text, known, source, line_of(lines, path))


def load_template(path: str | os.PathLike[str]) -> Template:
    """One template file; DrafterError naming the file and line when it is bad."""
    source = os.fspath(path)
    data, lines = load_yaml(source)
    return _read_template(data, lines, source)


def user_dir() -> Path:
    """Templates the user induced from their own archive (never touched by a rebuild).  Only
    named here, not created: commands that just read templates work with no data folder."""
    return paths.home_path() / "templates"


def default_dirs() -> list[Path]:
    shipped = [paths.package_root() / "templates"]
    try:
        return shipped + [user_dir()]
    except paths.DataHomeError:  # unusable data folder (said once at start-up): the shipped ones
        return shipped


def load_templates(dirs: list[Path] | None = None) -> tuple[list[Template], list[DrafterError]]:
    """Every good template under ``dirs`` (sorted by id), and an error for each bad file."""
    templates: list[Template] = []
    errors: list[DrafterError] = []
    seen: dict[str, str] = {}
    for folder in dirs if dirs is not None else default_dirs():
        if not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).glob("*.yaml")):
            if path.name.startswith(("_", ".")) or path.name == "overrides.yaml":
                continue
            try:
                template = load_template(path)
            except DrafterError as exc:
                logger.warning("template %s rejected: %s", path, exc.message)
                errors.append(exc)
                continue
            if template.id in seen:
                errors.append(DrafterError(f"模板编号“{template.id}”与 {seen[template.id]} 重复",
                                           path))
                continue
            seen[template.id] = str(path)
            templates.append(template)
    templates.sort(key=lambda t: t.id)
    return templates, errors


def find_template(name: str, dirs: list[Path] | None = None) -> Template:
    """A template by id, or by the path of a template file."""
    candidate = Path(name)
    if candidate.suffix.lower() in (".yaml", ".yml") or candidate.is_file():
        if not os.path.lexists(candidate):
            raise DrafterError("找不到模板文件", candidate)
        return load_template(candidate)  # a FIFO, device or symlink loop is refused with its reason
    templates, errors = load_templates(dirs)
    for template in templates:
        if template.id == name:
            return template
    for error in errors:
        if Path(error.path or "").stem == name:
            raise error
    known = "、".join(t.id for t in templates) or "（无）"
    raise DrafterError(f"没有编号为“{name}”的模板；可用模板：{known}")


# ----- rendering --------------------------------------------------------------------------
def check_value(key: str, label: str, value: str, source: str | None = None) -> str:
    """A field value as typed, or DrafterError naming the field: template syntax would reach
    the draft raw, and a pasted document is not a meeting name."""
    value = str(value).strip()
    if len(value) > MAX_VALUE:
        raise DrafterError(f"字段“{label}”（{key}）太长：{len(value)} 字，最多 {MAX_VALUE} 字", source)
    hit = _TEMPLATE_SYNTAX.search(value)
    if hit:
        raise DrafterError(f"字段“{label}”（{key}）的值含有模板语法“{hit.group(0)}”，请只填写文字", source)
    if any(ord(ch) < 32 for ch in value):
        raise DrafterError(f"字段“{label}”（{key}）的值不能含换行或控制字符", source)
    return value


def check_date(value: str, label: str, source: str | None) -> str:
    """A date field as the byline prints it (2025-02-03 → 2025年2月3日); a date that is not
    one (2024年13月5日, 2025-02-30) is refused naming the field.  A date left to fill in on
    purpose (2025年X月X日) stays as typed: the placeholder check reports it."""
    if any(ch in value for ch in PLACEHOLDER_DIGITS):
        return value
    found = iso_date(value)
    if found is None:
        raise DrafterError(f"字段“{label.split('（')[0]}”（date）的值“{value}”不是有效日期，"
                           "请写成如 2025年3月8日", source)
    year, month, *day = (int(part) for part in found.split("-"))
    return f"{year}年{month}月{day[0]}日" if day else f"{year}年{month}月"


def resolve_values(template: Template, given: dict[str, str] | None = None,
                   day: datetime.date | None = None) -> dict[str, str]:
    """Defaults overlaid with ``given``, plus the level words that follow from the place.
    Required fields left empty are an error naming every one of them; the date defaults to
    today and the year to the date's."""
    given = {k: v for k, v in (given or {}).items() if v is not None}
    specs = {f.key: f for f in template.fields}
    unknown = [k for k in given if k not in specs]
    source = template.path or None
    if unknown:
        keys = "、".join(f.key for f in template.fields)
        raise DrafterError(f"模板“{template.id}”没有字段“{unknown[0]}”；可用字段：{keys}", source)
    typed = {k: check_value(k, specs[k].label, v, source) for k, v in given.items()}
    if typed.get("date"):
        typed["date"] = check_date(typed["date"], specs["date"].label if "date" in specs else "日期", source)
    missing = [f for f in template.fields if f.required and not typed.get(f.key)
               and not f.default.strip()]
    if missing:
        names = "、".join(f"“{f.label.split('（')[0]}”（{f.key}）" for f in missing)
        sets = " ".join(f"--set {f.key}=…" for f in missing)
        raise DrafterError(f"缺少必填字段{names}，请填写（命令行：{sets}）", source)
    place = typed.get("place") or specs["place"].default if "place" in specs else ""
    level = levels.resolve(place, typed.get("level") or specs.get("level", FieldSpec("", "")).default,
                           source)
    builtins = {"parts_count": count_word(len(template.heading_parts()) or 1),
                **levels.template_words(level)}
    day = day or today()
    values: dict[str, str] = {}
    for spec in template.fields:
        value = typed.get(spec.key, "")
        if not value and spec.default:
            value = render_text(spec.default, {**builtins, "place": place}, template.path).strip()
        if not value and spec.key == "date":
            value = date_words(day)
        if not value and spec.key == "year":
            found = re.match(r"(\d{4})年", values.get("date", ""))
            value = f"{found.group(1)}年" if found else f"{day.year}年"
        values[spec.key] = value
    values["level"] = level.key
    values.update(builtins)
    return values


def form_fields(template: Template) -> list[tuple[str, str, str]]:
    """(key, label, default shown in a form) for every field: defaults that follow from the
    place are left empty (filled when the draft is made), never shown as template text."""
    rows = []
    for spec in template.fields:
        default = spec.default if "{" not in spec.default else ""
        if spec.key == "date" and not default:
            default = date_words(today())
        if "{" in spec.default:  # follows from the place: not to be typed, though the draft needs it
            label = spec.label.split("（")[0] + "（留空则按地点生成，如“" + preview_text(template, spec.default) + "”）"
        else:
            label = spec.label + ("（必填）" if spec.required else "")
        rows.append((spec.key, label, default))
    return rows


SAMPLE = {"place": "临江县", "speaker": "【讲话人】"}


def preview_text(template: Template, text: str) -> str:
    """A template text as a county draft would show it (for lists and forms, never raw)."""
    values = {f.key: f"【{f.label.split('（')[0]}】" for f in template.fields}
    try:
        values.update(resolve_values(template, {k: v for k, v in SAMPLE.items()
                                                if any(f.key == k for f in template.fields)}))
    except DrafterError:
        pass
    values.setdefault("parts_count", count_word(len(template.heading_parts()) or 1))
    for name, word in levels.template_words(levels.LEVELS["县"]).items():
        values.setdefault(name, word)
    try:
        return render_text(text, values, template.path)
    except DrafterError:
        return _TEMPLATE_SYNTAX.sub("", text)


def _render_sections(sections: list[Section], level: int, role: str, values: dict,
                     source: str) -> list[Block]:
    blocks = []
    for section in sections:
        here = section.role or role
        blocks.append(Block.heading(level, render_text(section.heading, values, source), "", here))
        blocks.extend(Block.paragraph(render_text(p, values, source), here)
                      for p in section.paragraphs)
        blocks.extend(_render_sections(section.sections, level + 1, here, values, source))
    return blocks


def render(template: Template, given: dict[str, str] | None = None) -> Draft:
    """The draft a template gives with these field values (defaults for the rest)."""
    values = resolve_values(template, given)
    source = template.path
    draft = Draft(
        title=render_text(template.title, values, source),
        speaker=render_text(template.speaker, values, source),
        date=render_text(template.date, values, source),
        # the meeting the speech is given at (the template's own occasion names its kind)
        occasion=values.get("meeting") or render_text(template.occasion, values, source),
        salutation=render_text(template.salutation, values, source),
        fields={k: v for k, v in values.items() if k not in BUILTINS},
    )
    draft.numbering.update(template.numbering)
    for part in template.parts:
        if part.heading:
            draft.blocks.append(Block.heading(1, render_text(part.heading, values, source), "",
                                              part.role))
        draft.blocks.extend(Block.paragraph(render_text(p, values, source), part.role)
                            for p in part.paragraphs)
        draft.blocks.extend(_render_sections(part.sections, 2 if part.heading else 1,
                                             part.role, values, source))
    return draft


def summary(template: Template) -> dict:
    """What ``drafter templates --json`` prints for a template: texts as a county draft would
    show them (the place's level words filled in), never raw template syntax."""
    return {
        "id": template.id, "name": template.name, "occasion": template.occasion,
        "fields": [{"key": key, "label": label, "default": default,
                    "required": spec.required}
                   for (key, label, default), spec in zip(form_fields(template), template.fields)],
        "numbering": {str(k): v for k, v in sorted(template.numbering.items())},
        "parts": [{"role": p.role, "heading": preview_text(template, p.heading),
                   "guidance": p.guidance, "examples": p.examples,
                   "phrase_categories": p.phrase_categories}
                  for p in template.parts],
        "sources": template.sources, "path": template.path,
    }
