"""Numbers and units as written in Chinese reports, normalized to base units.

>>> parse_quantity("1.6", "万亿元")
Quantity(value=1.6, unit='万亿元', value_norm=1600000000000.0, unit_norm='CNY', written='1.6')
>>> parse_quantity("４４.９", "万人").value_norm
449000.0
>>> parse_quantity("三", "位").value
3.0
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .vocab import word_table

#: written multiplier -> factor (data: graph/data/multipliers.txt).
MULTIPLIERS = {written: float(factor) for written, (factor,) in word_table("multipliers").items()}
#: written base unit -> (normalized unit, factor) (data: graph/data/units.txt). Longest written forms are tried first.
BASE_UNITS = {written: (unit, float(factor)) for written, (unit, factor) in word_table("units").items()}
UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(BASE_UNITS, key=len, reverse=True))
MULTIPLIER_PATTERN = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                  "九": 9}
CHINESE_POWERS = {"十": 10, "百": 100, "千": 1000}
FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


@dataclass(frozen=True)
class Quantity:
    value: float  # the number as written (1.6 for 1.6万亿元)
    unit: str  # the unit as written, multiplier included (万亿元)
    value_norm: float  # in base units (1.6e12)
    unit_norm: str  # CNY, percent, person, count, km …
    written: str = ""  # the number's digits as written (full-width digits and thousands commas normalised)


def parse_number(text: str) -> float:
    """An Arabic (half- or full-width) or Chinese numeral as a float.

    >>> parse_number("1,846.6"), parse_number("二十三"), parse_number("１２")
    (1846.6, 23.0, 12.0)
    """
    text = text.translate(FULLWIDTH).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return float(_chinese_integer(text))


def _chinese_integer(text: str) -> int:
    if not text or any(ch not in CHINESE_DIGITS and ch not in CHINESE_POWERS for ch in text):
        raise ValueError(f"not a number: {text!r}")
    total, digit = 0, None
    for ch in text:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * CHINESE_POWERS[ch]
            digit = None
    return total + (digit or 0)


def split_unit(unit: str) -> tuple[float, str]:
    """(multiplier, base unit) of a written unit; raises ValueError for an unknown unit.

    >>> split_unit("万标准箱")
    (10000.0, '标准箱')
    """
    if unit in BASE_UNITS:
        return 1.0, unit
    for prefix in sorted(MULTIPLIERS, key=len, reverse=True):
        if unit.startswith(prefix) and unit[len(prefix):] in BASE_UNITS:
            return MULTIPLIERS[prefix], unit[len(prefix):]
    raise ValueError(f"unknown unit: {unit!r}")


#: More digits than this are no measured quantity a report states (and lose precision as floats): skipped.
MAX_DIGITS = 18


def parse_quantity(number: str, unit: str) -> Quantity:
    """The quantity `number` `unit` as written and normalized (see the module example). ValueError for a
    number that is no quantity: more than 18 digits, or too large to be finite in base units.

    >>> parse_quantity("9" * 40, "亿元")
    Traceback (most recent call last):
    ValueError: 40 digits: too long for a quantity
    """
    written = number.translate(FULLWIDTH).replace(",", "")
    digits = sum(ch.isdigit() for ch in written)
    if digits > MAX_DIGITS:
        raise ValueError(f"{digits} digits: too long for a quantity")
    value = parse_number(number)
    factor, base = split_unit(unit)
    unit_norm, base_factor = BASE_UNITS[base]
    value_norm = _tidy(value * factor * base_factor)
    if not math.isfinite(value_norm):
        raise ValueError(f"{number}{unit}: not a finite quantity")
    return Quantity(value, unit, value_norm, unit_norm, written if digits else "")


def parse_ratio(left: str, colon: str, right: str) -> Quantity:
    """A ratio written against one, valued by its other side: 2.5∶1 → 2.5 (unit ∶1), 1∶2.8 → 2.8 (unit 1∶).
    ValueError unless exactly one side is one (1∶1 is a rule of matching, 3∶2 a score).

    >>> [(q.value, q.unit, q.unit_norm) for q in (parse_ratio("2.5", "∶", "1"), parse_ratio("1", "∶", "2.8"))]
    [(2.5, '∶1', 'ratio'), (2.8, '1∶', 'ratio')]
    """
    first, second = parse_number(left), parse_number(right)
    if (first == 1) == (second == 1):
        raise ValueError(f"{left}{colon}{right}: not a ratio against one")
    value, unit, written = (second, "1" + colon, right) if first == 1 else (first, colon + "1", left)
    return Quantity(value, unit, value, "ratio", written.translate(FULLWIDTH))


def parse_index(number: str) -> Quantity:
    """The level of an index or coefficient, which has no unit: 甲乙指数为4.97.

    >>> q = parse_index("4.97"); (q.value, q.unit, q.unit_norm)
    (4.97, '', 'index')
    """
    value = parse_number(number)
    return Quantity(value, "", value, "index", number.translate(FULLWIDTH))


#: A part of a whole written in words: 三分之二, 百分之五点五, 七成 (the numerals, the 分之 or 成 between them).
PART_OF_WHOLE = re.compile(r"(?P<den>[二三四五六七八九十百千])分之(?P<num>[一二三四五六七八九十百千零〇]+(?:点[〇零一二三四五六七八九]+)?)"
                           r"|(?P<tenths>[一二三四五六七八九两])成")


def parse_part(written: str) -> Quantity:
    """A part of a whole written in words as a percentage: 三分之二 (value 0.6667, as a share), 百分之五点五, 七成
    (value 7, in tenths). ValueError for anything else.

    >>> [(q.value, q.unit, q.value_norm, q.unit_norm) for q in map(parse_part, ("三分之二", "百分之五点五", "七成"))]
    [(0.6667, '三分之二', 66.67, 'percent'), (0.055, '百分之五点五', 5.5, 'percent'), (7.0, '成', 70.0, 'percent')]
    >>> parse_part("百分之一百二十").value_norm
    120.0
    """
    m = PART_OF_WHOLE.fullmatch(written)
    if m is None:
        raise ValueError(f"not a part of a whole: {written!r}")
    if m["tenths"]:
        tenths = parse_number(m["tenths"])
        return Quantity(tenths, "成", _tidy(tenths * 10), "percent")
    number, _, decimals = m["num"].partition("点")
    fraction = float("0." + "".join(str(CHINESE_DIGITS[d]) for d in decimals)) if decimals else 0.0
    share = (parse_number(number) + fraction) / parse_number(m["den"])
    return Quantity(round(share, 4), written, round(share * 100, 2), "percent")


def _tidy(x: float) -> float:
    """Round away binary noise (1.6 * 1e12 = 1600000000000.0002)."""
    return float(f"{x:.12g}")
