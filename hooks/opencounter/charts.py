"""Small line charts drawn at build time as inline SVG: no script, no third-party code, no extra request.

A chart sits beside a table holding the same figures, so it is a picture of the table: its accessible
name (role="img", aria-label and <title>) says every figure it shows. Lines and marks use the text
colour; the target is a dashed line with its own label, so nothing is told by colour alone.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from markupsafe import Markup, escape

WIDTH, HEIGHT = 320, 180
LEFT, RIGHT, TOP, BOTTOM = 12, 12, 44, 30  # room for the key and the figures above the points, the periods below
SHORT = 8  # figures longer than this ("2 minutes 30 seconds") are left to the table: they would overlap


def line_chart(points: Sequence[tuple[str, Decimal, str]], name: str,
               target: tuple[Decimal, str] | None = None, top: Decimal | int | None = None) -> Markup:
    """A line through (period, value, figure in words) in the order given, with the target as a dashed line.

    `top` fixes the top of the scale (100 for a percentage, the top mark of a score); otherwise it is a
    little above the highest figure. The scale starts at 0, so a small change never looks like a big one.
    """
    values = [float(v) for _, v, _ in points]
    highest = max(values + ([float(target[0])] if target else []))
    scale_top = float(top) if top else (highest * 1.15 or 1.0)
    scale_top = max(scale_top, highest) or 1.0
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = inner_w / (len(points) - 1) if len(points) > 1 else 0

    def x(index: int) -> float:
        return LEFT + index * step

    def y(value: float) -> float:
        return TOP + inner_h - (value / scale_top) * inner_h

    parts = [f'<svg class="oc-chart" role="img" aria-label="{escape(name)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'xmlns="http://www.w3.org/2000/svg" focusable="false">',
             f"<title>{escape(name)}</title>",
             f'<line class="oc-chart__axis" x1="{LEFT}" y1="{TOP + inner_h}" x2="{WIDTH - RIGHT}" y2="{TOP + inner_h}" '
             'stroke="currentColor" stroke-width="1"/>']
    if target is not None:
        ty = y(float(target[0]))
        parts.append(f'<line class="oc-chart__target" x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" '
                     'stroke="currentColor" stroke-width="1.5" stroke-dasharray="6 4"/>')
        # The key, above the chart: a piece of dashed line and what it is.
        parts.append(f'<line x1="{LEFT}" y1="10" x2="{LEFT + 24}" y2="10" stroke="currentColor" stroke-width="1.5" '
                     'stroke-dasharray="6 4"/>')
        parts.append(f'<text x="{LEFT + 30}" y="14" font-size="11" fill="currentColor">{escape(target[1])}</text>')
    path = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
    parts.append(f'<polyline class="oc-chart__line" points="{path}" fill="none" stroke="currentColor" stroke-width="2.5"/>')
    short_figures = len(points) <= 6 and all(len(figure) <= SHORT for _, _, figure in points)
    label_every = 1 if len(points) <= 6 else len(points) - 1  # many periods: the first and last are named
    for index, (period, value, figure) in enumerate(points):
        cx, cy = x(index), y(float(value))
        anchor = "start" if index == 0 and len(points) > 1 else "end" if index == len(points) - 1 and index else "middle"
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="currentColor"/>')
        if short_figures:
            parts.append(f'<text x="{cx:.1f}" y="{cy - 8:.1f}" text-anchor="{anchor}" font-size="11" '
                         f'fill="currentColor">{escape(figure)}</text>')
        if index % label_every == 0 or index == len(points) - 1:
            parts.append(f'<text x="{cx:.1f}" y="{HEIGHT - 10}" text-anchor="{anchor}" font-size="10" '
                         f'fill="currentColor">{escape(period)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
