"""Level words follow from the place; unknown levels are refused with the choices."""

import pytest

from drafter.core.errors import DrafterError
from drafter.core.levels import LEVELS, foreign_words, level_of_place, resolve, template_words


@pytest.mark.parametrize("place,key", [("临江县", "县"), ("临江市", "市"), ("某省", "省"), ("某区", "区"),
                                       ("广西壮族自治区", "自治区"), ("延边朝鲜族自治州", "州")])
def test_level_from_place(place, key):
    assert level_of_place(place).key == key


def test_county_and_city_words():
    county, city = resolve("临江县"), resolve("临江市")
    assert (county.party, county.government, county.whole, county.units) == (
        "县委", "县政府", "全县", "各乡镇（街道）")
    assert (city.party, city.whole, city.units) == ("市委", "全市", "各县（市、区）")
    assert resolve("某省").units == "各市（州）"
    assert template_words(county)["lv_whole"] == "全县"


def test_given_level_wins_and_unknown_is_refused():
    assert resolve("临江", "county").key == "县"
    assert resolve("临江市", "县级市").whole == "全县"
    with pytest.raises(DrafterError, match="层级.*“乡级”无效"):
        resolve("临江县", "乡级")
    with pytest.raises(DrafterError, match="无法从地名“临江”判断层级"):
        resolve("临江")


def test_foreign_words_leave_own_and_upper_level():
    county = LEVELS["县"]
    foreign = foreign_words(county)
    assert {"全市", "市直各部门", "全省", "省委"} <= foreign
    assert not foreign & set(county.words())
    assert "市委" not in foreign  # a county speech may name the level above
    assert "市委" in foreign_words(county, allow_upper=False)
    assert "全区" in foreign_words(LEVELS["市"])
