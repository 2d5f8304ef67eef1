#!/usr/bin/env python3
"""Plots ManySessions output: sessions per second and heap per session in flight against the number of sessions
(100, 1,000, 10,000; log scale), one line per thread kind and transport. Plain SVG, no plotting library.

Usage: python3 benchmarks/sessions_plot.py OUT.svg sessions-*.txt
(each file the output of one ManySessions run; its Markdown rows are read)
"""
import math
import sys

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 360, 260, 60, 20, 30, 45
COLOURS = {("virtual", "okhttp"): "#1f77b4", ("virtual", "jdk"): "#2ca02c",
           ("platform", "okhttp"): "#d62728", ("platform", "jdk"): "#ff7f0e"}


def rows(paths):
    series = {}
    for path in paths:
        for line in open(path):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 7 and cells[0] in ("virtual", "platform"):
                n = int(cells[2].replace(",", ""))
                series.setdefault((cells[0], cells[1]), []).append(
                    (n, float(cells[4]), float(cells[5].replace(",", ""))))
    return series


def panel(x0, title, unit, series, index):
    ymax = max(p[index] for pts in series.values() for p in pts) * 1.15
    out = [f'<g transform="translate({x0},0)">',
           f'<text x="{PAD_L + (W - PAD_L - PAD_R) / 2}" y="18" text-anchor="middle" font-weight="bold">{title}</text>']
    plot_w, plot_h = W - PAD_L - PAD_R, H - PAD_T - PAD_B

    def x(n):
        return PAD_L + (math.log10(n) - 2) / 2 * plot_w

    def y(v):
        return PAD_T + plot_h - v / ymax * plot_h

    out.append(f'<line x1="{PAD_L}" y1="{PAD_T + plot_h}" x2="{PAD_L + plot_w}" y2="{PAD_T + plot_h}" stroke="#000"/>')
    out.append(f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{PAD_T + plot_h}" stroke="#000"/>')
    for n in (100, 1000, 10000):
        out.append(f'<text x="{x(n)}" y="{PAD_T + plot_h + 16}" text-anchor="middle">{n:,}</text>')
    out.append(f'<text x="{PAD_L + plot_w / 2}" y="{H - 6}" text-anchor="middle">sessions (log scale)</text>')
    for i in range(5):
        v = ymax * i / 4
        out.append(f'<text x="{PAD_L - 6}" y="{y(v) + 4}" text-anchor="end">{v:,.0f}</text>')
        out.append(f'<line x1="{PAD_L}" y1="{y(v)}" x2="{PAD_L + plot_w}" y2="{y(v)}" stroke="#ddd"/>')
    out.append(f'<text x="14" y="{PAD_T + plot_h / 2}" transform="rotate(-90 14 {PAD_T + plot_h / 2})" '
               f'text-anchor="middle">{unit}</text>')
    for key, pts in sorted(series.items()):
        pts = sorted(pts)
        colour = COLOURS.get(key, "#555")
        path = " ".join(f"{x(p[0]):.1f},{y(p[index]):.1f}" for p in pts)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for p in pts:
            out.append(f'<circle cx="{x(p[0]):.1f}" cy="{y(p[index]):.1f}" r="3" fill="{colour}"/>')
    out.append("</g>")
    return out


def main():
    series = rows(sys.argv[2:])
    legend_h = 20 * len(series)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * W}" height="{H + legend_h + 10}" '
           'font-family="sans-serif" font-size="11">', '<rect width="100%" height="100%" fill="#fff"/>']
    svg += panel(0, "Sessions per second", "sessions/s", series, 2)
    svg += panel(W, "Heap per session in flight", "KiB", series, 1)
    for i, key in enumerate(sorted(series)):
        yy = H + 10 + 20 * i
        svg.append(f'<rect x="{PAD_L}" y="{yy - 9}" width="14" height="4" fill="{COLOURS.get(key, "#555")}"/>')
        svg.append(f'<text x="{PAD_L + 20}" y="{yy - 4}">{key[0]} threads, {key[1]} transport</text>')
    svg.append("</svg>")
    with open(sys.argv[1], "w") as f:
        f.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    main()
