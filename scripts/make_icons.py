"""Draw the app icons of the web app manifest with Pillow (the motif of static/favicon.svg: a deep
green disc around a paper-coloured dot), so the PNGs can be made again:

    .venv/bin/python scripts/make_icons.py

Writes src/kithkin/web/static/icons/: icon-192.png and icon-512.png (the disc on a transparent
square, "any") and maskable-192.png and maskable-512.png (a full-bleed green square with the
motif inside the maskable safe zone, the centre circle of 80 % of the width)."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "src" / "kithkin" / "web" / "static" / "icons"
GREEN = (47, 107, 91, 255)  # --green in app.css
PAPER = (246, 239, 228, 255)  # the favicon's inner dot
SUN = (243, 217, 164, 255)  # --sun: the ring the maskable icon adds
SUPERSAMPLE = 4  # draw large, then shrink: smooth edges without an anti-aliasing pass


def _disc(draw: ImageDraw.ImageDraw, centre: float, radius: float, fill: tuple[int, ...]) -> None:
    draw.ellipse((centre - radius, centre - radius, centre + radius, centre + radius), fill=fill)


def icon(size: int, *, maskable: bool) -> Image.Image:
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), GREEN if maskable else (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    centre = big / 2
    if maskable:
        # The safe zone is a circle of radius 0.4 * size: keep the motif well inside it.
        _disc(draw, centre, big * 0.30, SUN)
        _disc(draw, centre, big * 0.27, GREEN)
        _disc(draw, centre, big * 0.13, PAPER)
    else:
        _disc(draw, centre, big * 14 / 32, GREEN)  # as in the 32-unit favicon
        _disc(draw, centre, big * 6 / 32, PAPER)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        icon(size, maskable=False).save(OUT / f"icon-{size}.png", optimize=True)
        icon(size, maskable=True).save(OUT / f"maskable-{size}.png", optimize=True)
    sys.stdout.write(f"icons written to {OUT}\n")


if __name__ == "__main__":
    main()
