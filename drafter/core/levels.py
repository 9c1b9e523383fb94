"""Administrative levels and their own words: the one definition of 县委/县政府/全县/各乡镇（街道）
versus 市委/市政府/全市/各县（市、区）versus 省委/省政府/全省/各市（州）.

A speech belongs to one level, found from its place (临江县 → 县, 临江市 → 市, 某省 → 省) or given
outright (``level: 县``).  Templates write the level's words through the variables of
``template_words`` (``{{ lv_party }}`` …), so no template hard-codes a level; the checks use
``foreign_words`` to find words of another level in a draft (全市 in a county's speech).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from drafter.core.errors import DrafterError


@dataclass(frozen=True)
class Level:
    key: str          # 县: the suffix a place of this level ends with
    label: str        # 县级
    rank: int         # 1 province … 3 county: smaller is higher
    party: str        # 县委
    government: str   # 县政府
    congress: str     # 县人大常委会
    cppcc: str        # 县政协
    whole: str        # 全县
    ours: str         # 我县
    units: str        # 各乡镇（街道）: the units one level down
    departments: str  # 县直各部门
    leaders: str      # 县级领导干部
    head: str         # 县长
    upper: str        # 市委、市政府: the level above, as a speech names it

    @property
    def upper_party(self) -> str:
        """The party committee of the level above (市委 for a county; 党中央 for a province)."""
        return self.upper.split("、")[0]

    @property
    def upper_government(self) -> str:
        """The government of the level above (市政府; 行署 for a banner under a league)."""
        return self.upper.split("、")[-1]

    def words(self) -> tuple[str, ...]:
        """The words that mark a text as this level's (全县, 县委, 县直各部门 …)."""
        return (self.party, self.government, self.congress, self.cppcc, self.whole, self.ours,
                self.units, self.departments, self.leaders)


LEVELS: dict[str, Level] = {lv.key: lv for lv in (
    Level("省", "省级", 1, "省委", "省政府", "省人大常委会", "省政协", "全省", "我省", "各市（州）",
          "省直各部门", "省级领导干部", "省长", "党中央、国务院"),
    Level("自治区", "自治区级", 1, "自治区党委", "自治区政府", "自治区人大常委会", "自治区政协", "全区",
          "我区", "各市", "区直各部门", "自治区级领导干部", "自治区主席", "党中央、国务院"),
    Level("市", "市级", 2, "市委", "市政府", "市人大常委会", "市政协", "全市", "我市", "各县（市、区）",
          "市直各部门", "市级领导干部", "市长", "省委、省政府"),
    Level("州", "州级", 2, "州委", "州政府", "州人大常委会", "州政协", "全州", "我州", "各县（市）",
          "州直各部门", "州级领导干部", "州长", "省委、省政府"),
    Level("盟", "盟级", 2, "盟委", "行署", "盟人大工委", "盟政协", "全盟", "我盟", "各旗（县、市）",
          "盟直各部门", "盟级领导干部", "盟长", "自治区党委、自治区政府"),
    Level("县", "县级", 3, "县委", "县政府", "县人大常委会", "县政协", "全县", "我县", "各乡镇（街道）",
          "县直各部门", "县级领导干部", "县长", "市委、市政府"),
    Level("区", "区级", 3, "区委", "区政府", "区人大常委会", "区政协", "全区", "我区", "各街道（镇）",
          "区直各部门", "区级领导干部", "区长", "市委、市政府"),
    Level("旗", "旗级", 3, "旗委", "旗政府", "旗人大常委会", "旗政协", "全旗", "我旗", "各苏木（镇）",
          "旗直各部门", "旗级领导干部", "旗长", "盟委、行署"),
)}

#: other names a user may give for a level (--set level=county, 县级, 地级市 …).
ALIASES = {
    "province": "省", "省级": "省", "autonomous_region": "自治区", "自治区级": "自治区",
    "city": "市", "市级": "市", "地级市": "市", "prefecture": "州", "州级": "州", "自治州": "州",
    "county": "县", "县级": "县", "县级市": "县", "district": "区", "区级": "区", "市辖区": "区",
    "banner": "旗", "旗级": "旗", "league": "盟", "盟级": "盟",
}

#: variable name in a template → Level attribute.
TEMPLATE_VARIABLES = {
    "lv_party": "party", "lv_gov": "government", "lv_congress": "congress", "lv_cppcc": "cppcc",
    "lv_whole": "whole", "lv_ours": "ours", "lv_units": "units", "lv_depts": "departments",
    "lv_leaders": "leaders", "lv_head": "head", "lv_upper": "upper", "lv_key": "key",
    "lv_upper_party": "upper_party", "lv_upper_gov": "upper_government",
}

_SUFFIXES = sorted(LEVELS, key=len, reverse=True)  # 自治区 before 区


def choices() -> str:
    return "、".join(LEVELS)


def level_named(name: str, source: str | None = None) -> Level:
    """The level a user names (县, county, 县级 …); DrafterError listing the choices otherwise."""
    key = (name or "").strip()
    key = ALIASES.get(key.lower(), key)
    if key not in LEVELS:
        raise DrafterError(f"字段“level”（层级）的值“{name}”无效（可选：{choices()}）", source)
    return LEVELS[key]


def level_of_place(place: str) -> Level | None:
    """The level a place name shows by its suffix (临江县 → 县, 某省 → 省), or None."""
    place = (place or "").strip()
    for suffix in _SUFFIXES:
        if place.endswith(suffix) and len(place) > len(suffix):
            return LEVELS[suffix]
    return None


def resolve(place: str, given: str = "", source: str | None = None) -> Level:
    """The level of a draft: the one given, else the one the place shows."""
    if given and given.strip():
        return level_named(given, source)
    level = level_of_place(place)
    if level is None:
        raise DrafterError(f"无法从地名“{place}”判断层级：地名请写全（如 临江县、临江市、某省），"
                           f"或用 --set level=… 指明（可选：{choices()}）", source)
    return level


def template_words(level: Level) -> dict[str, str]:
    """The variables templates use for level words: {"lv_party": "县委", …}."""
    return {name: getattr(level, attr) for name, attr in TEMPLATE_VARIABLES.items()}


def foreign_words(level: Level, allow_upper: bool = True) -> set[str]:
    """Words of other levels that must not appear in a draft of ``level`` (a county's draft
    saying 全市 or 市政府).  With ``allow_upper`` the words naming the level above (a county
    speech may say 在市委、市政府的坚强领导下) are left out."""
    own = set(level.words())
    upper = set(level.upper.split("、")) if allow_upper else set()
    found: set[str] = set()
    for other in LEVELS.values():
        if other.key != level.key:
            found.update(w for w in other.words() if w not in upper
                         and not any(w in mine for mine in own))  # 各市 is part of 各市（州）
    return found


ATTRIBUTES = tuple(f.name for f in fields(Level))
