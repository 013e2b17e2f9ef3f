"""Routing: the line of each answer, from the question above down its rail and into the box.

A question's rail runs down its left side, RAIL px in from the box's edge; every box it leads to
is indented further, so the rail passes left of them and of everything drawn under them. No
line can cross a box or a label: nothing is ever drawn between a rail and its question's edge.
"""

from __future__ import annotations

ARROW = 7  # arrowhead length
CORNER = 6  # the radius where a rail turns into a box


def connector(rail_x: float, top: float, box_x: float, box_middle: float) -> tuple[str, str]:
    """The path from (rail_x, top) down to the box's middle and right into its left edge, and
    the arrowhead that ends it, as SVG path data."""
    end = box_x - ARROW
    turn = min(CORNER, (end - rail_x) / 2, (box_middle - top) / 2)
    path = (f"M{number(rail_x)} {number(top)}V{number(box_middle - turn)}"
            f"Q{number(rail_x)} {number(box_middle)} {number(rail_x + turn)} {number(box_middle)}"
            f"H{number(end)}")
    arrow = (f"M{number(end)} {number(box_middle - ARROW / 2)}L{number(box_x)} {number(box_middle)}"
             f"L{number(end)} {number(box_middle + ARROW / 2)}Z")
    return path, arrow


def number(value: float) -> str:
    """Coordinates with one decimal: small files, and the same text on every machine."""
    text = f"{value:.1f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text == "-0" else text
