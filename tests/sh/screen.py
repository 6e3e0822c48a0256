#!/usr/bin/env python3
"""screen.py: read a question's answer off a screenshot of the player
(light theme), for e2e_seen.sh. Only the standard library: the PNG is
turned into PPM by ImageMagick's convert.

  screen.py order PNG N        file indices of the N order items, top to
                               bottom ("3,0,2,1"): items are ranked by the
                               width of their text (the test module writes
                               them shortest first)
  screen.py chosen PNG N       positions (0-based) of the cards, of the
                               first N, filled as chosen or marked ("1,3")
  screen.py pairs PNG N        a match as on screen, "l.r,l.r": for each of
                               the N left items the right item whose badge
                               is the partner badge drawn on it (right items
                               ranked by text width, as order items); "-"
                               for an unpaired left item
  screen.py same-field A B     exit 0 when the short-answer fields of two
                               shots hold the same text (the same glyph
                               pixels, wherever the text starts)

Cards are found down a pixel column as runs of more than 20 rows that are
not the page colour, between the header and the footer."""
import subprocess
import sys

BG = (0xFB, 0xFA, 0xF7)
PANEL = (0xEE, 0xF0, 0xF3)
ACCENT = (0x1F, 0x5F, 0xAD)
TEXT = (0x1F, 0x23, 0x28)
BADGE = (ACCENT, (0x1C, 0x74, 0x40), (0xB3, 0x26, 0x1E))  # accent, right, wrong
TOP, BOTTOM = 80, 640


class Shot:
    def __init__(self, path):
        data = subprocess.run(["convert", path, "-depth", "8", "ppm:-"],
                              check=True, capture_output=True).stdout
        parts = data.split(maxsplit=4)
        self.w, self.h = int(parts[1]), int(parts[2])
        self.px = parts[4]

    def at(self, x, y):
        i = (y * self.w + x) * 3
        return tuple(self.px[i:i + 3])

    def dark(self, x, y):
        return all(c < 0x50 for c in self.at(x, y))


def runs(s, x, n=None, across=None):
    """(top, bottom) of card runs down column x: more than 20 rows that
    are not the page colour, and (so that a tall letter of a heading is
    not taken for a card) not the page colour at column across either,
    in the run's middle row (across=None: 300 pixels towards the middle
    of the window), or for across="top", its top row."""
    out, start = [], None
    if across is None:
        across = x + 300 if x < s.w // 2 else x - 300
    for y in range(TOP, BOTTOM + 1):
        card = s.at(x, y) != BG and y < BOTTOM
        if card and start is None:
            start = y
        elif not card and start is not None:
            if y - start > 20:
                if across == "top":
                    wide = s.at(s.w // 2, start) != BG
                else:
                    wide = s.at(across, (start + y) // 2) != BG
                if wide:
                    out.append((start, y))
            start = None
    return out[:n] if n else out


def text_right(s, x0, x1, top):
    """rightmost dark pixel of a card's first text line, from x0 to x1."""
    right = 0
    for y in range(top + 8, top + 38):
        for x in range(x0, x1):
            if s.dark(x, y) and x > right:
                right = x
    return right


def ranks(widths):
    if len(set(widths)) != len(widths):
        return None
    order = sorted(range(len(widths)), key=lambda i: widths[i])
    rank = [0] * len(widths)
    for r, i in enumerate(order):
        rank[i] = r
    return rank


def card_left(s, y, x0, x1):
    for x in range(x0, x1):
        if s.at(x, y) != BG:
            return x
    return None


def card_right(s, y, x0, x1):
    for x in range(x1, x0, -1):
        if s.at(x, y) != BG:
            return x
    return None


def badge_box(s, x0, x1, y0, y1):
    """bounding box and colour of a filled badge: accent while answering,
    right or wrong once checked."""
    for col in BADGE:
        # the first block of columns in its colour from the left: the
        # badge (a ✓ or ✗ in the same colour comes after a gap)
        cols = [x for x in range(x0, x1)
                if sum(s.at(x, y) == col for y in range(y0, y1)) >= 4]
        if len(cols) < 20:
            continue
        run = [cols[0]]
        for x in cols[1:]:
            if x != run[-1] + 1:
                break
            run.append(x)
        rows = [y for y in range(y0, y1)
                if sum(s.at(x, y) == col for x in run) >= 4]
        if len(run) >= 20 and rows:
            return run[0], rows[0], run[-1], rows[-1], col
    return None


def badge_key(s, box):
    """the badge's letter as a mask of the pixels not in its colour."""
    x0, y0, x1, y1, col = box
    return col, tuple(tuple(s.at(x, y) != col for x in range(x0 + 3, x1 - 2))
                      for y in range(y0 + 3, y1 - 2))


def order(s, n):
    rows = runs(s, 270, n)
    if len(rows) != n:
        return "rows?"
    r = ranks([text_right(s, 315, 965, top) for top, _ in rows])
    return ",".join(map(str, r)) if r else "ambiguous"


def chosen(s, n):
    rows = runs(s, 270, n)
    if len(rows) != n:
        return "rows?"
    return ",".join(str(k) for k, (top, _) in enumerate(rows)
                    if s.at(274, top + 10) not in (PANEL, BG))


def pairs(s, n):
    left = runs(s, 270, n)
    # the right column: cards that end near the column's right edge
    right = runs(s, 1008)
    if len(left) != n or len(right) < n:
        return "rows?"
    right = right[:n]
    rx = [card_left(s, top + 10, 640, 1008) for top, _ in right]
    rw = ranks([text_right(s, x + 45, 960, top) for x, (top, _) in zip(rx, right)])
    if rw is None:
        return "ambiguous"
    keys = {}
    # (inside the cards' borders, which are in the badges' colour once
    # checked)
    for k, (top, bottom) in enumerate(right):
        box = badge_box(s, rx[k] + 4, rx[k] + 45, top + 4, min(bottom - 4, top + 50))
        if box:
            keys[badge_key(s, box)] = rw[k]
    out = []
    for l, (top, bottom) in enumerate(left):
        edge = card_right(s, top + 10, 280, 640)
        box = badge_box(s, edge - 110, edge - 4, top + 4, min(bottom - 4, top + 50))
        r = keys.get(badge_key(s, box)) if box else None
        out.append("%d.%s" % (l, "-" if r is None else r))
    return ",".join(out)


def field(s):
    """pixels in the text colour (the glyphs' cores: their anti-aliased
    edges depend on the field's colour) of the first card-like run (the
    field), left aligned."""
    # down the field's left border: an open field is filled with the page
    # colour, so only its border tells where it is
    rows = runs(s, 267, 1, "top")
    if not rows:
        return None
    top, bottom = rows[0]
    pts = [(x, y - top) for y in range(top, bottom) for x in range(270, 1000)
           if s.at(x, y) == TEXT]
    if not pts:
        return ()
    x0 = min(x for x, _ in pts)
    return tuple(sorted((x - x0, y) for x, y in pts))


def main(argv):
    cmd = argv[1]
    if cmd == "same-field":
        a, b = field(Shot(argv[2])), field(Shot(argv[3]))
        return 0 if a is not None and a == b and a != () else 1
    s = Shot(argv[2])
    if cmd == "order":
        print(order(s, int(argv[3])))
    elif cmd == "chosen":
        print(chosen(s, int(argv[3])))
    elif cmd == "pairs":
        print(pairs(s, int(argv[3])))
    else:
        print("screen.py: unknown command " + cmd, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
