#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Folio authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the Folio benchmarks and writes docs/PERFORMANCE.md. Started by `bash .ci/bench`.

Whole-process figures (wall time, peak memory of the process) come from os.wait4's rusage;
in-process figures from the bench binaries' JSON. Every figure is the median of several runs with
its spread (min-max), and where the issue names one, against a reference measured in the same run.
"""
import argparse
import contextlib
import datetime
import http.server
import json
import os
import platform
import re
import shutil
import socketserver
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def measure(cmd, env=None, cwd=None, timeout=3600):
    """Runs cmd and returns dict(wall, rss_mib, user, sys, out, err, status) from wait4."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "wall": wall,
            "rss_mib": usage.ru_maxrss / 1024.0,
            "user": usage.ru_utime,
            "sys": usage.ru_stime,
            "out": out.read().decode(errors="replace"),
            "err": err.read().decode(errors="replace"),
            "status": proc.returncode,
        }


def spread(values):
    values = sorted(values)
    return {"median": statistics.median(values), "min": values[0], "max": values[-1], "n": len(values)}


def fmt(s, unit="", digits=2):
    return f"{s['median']:.{digits}f}{unit} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def http_server(directory):
    handler = lambda *a, **k: QuietHandler(*a, directory=directory, **k)  # noqa: E731
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def machine():
    model = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = 0
    with contextlib.suppress(OSError):
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) // 1024
    load = os.getloadavg()
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "mem_mib": mem,
        "kernel": platform.release(),
        "os": platform.platform(),
        "load": load,
    }


def newsboat_version():
    try:
        out = subprocess.run(["newsboat", "-v"], capture_output=True, text=True).stdout
        return out.splitlines()[0].strip()
    except (OSError, IndexError):
        return None


def import_runs(args, files, label, runs, log):
    """Folio and newsboat in turn (A B A B ...) on the same files."""
    folio, boat = [], []
    base = os.path.dirname(files[0])
    items = args.items
    with http_server(base) as url:
        for i in range(runs):
            profile = tempfile.mkdtemp(prefix="folio-bench-", dir=args.work)
            r = measure([args.cli, "--profile", profile, "--no-seed", "import", *files])
            if r["status"] != 0:
                sys.exit(f"folio import failed: {r['err']}")
            count = sqlite3.connect(os.path.join(profile, "folio.sqlite")).execute(
                "SELECT count(*) FROM articles").fetchone()[0]
            if count != items:
                sys.exit(f"folio stored {count} of {items} articles")
            folio.append(r)
            log(f"  {label} folio run {i + 1}: {r['wall']:.2f} s, {r['rss_mib']:.0f} MiB")
            keep = i == runs - 1 and label == "ten"
            if keep:
                args.profile100k = profile
            else:
                shutil.rmtree(profile)
            if not args.newsboat or i >= (args.newsboat_runs or runs):
                continue
            home = tempfile.mkdtemp(prefix="newsboat-bench-", dir=args.work)
            with open(os.path.join(home, "urls"), "w") as f:
                for path in files:
                    f.write(f"{url}/{os.path.basename(path)}\n")
            with open(os.path.join(home, "config"), "w") as f:
                f.write("max-items 0\nshow-read-feeds yes\n")
            env = dict(os.environ, HOME=home)
            r = measure(["newsboat", "-u", os.path.join(home, "urls"), "-c", os.path.join(home, "cache.db"),
                         "-C", os.path.join(home, "config"), "-x", "reload"], env=env)
            stored = sqlite3.connect(os.path.join(home, "cache.db")).execute(
                "SELECT count(*) FROM rss_item").fetchone()[0]
            r["stored"] = stored
            boat.append(r)
            log(f"  {label} newsboat run {i + 1}: {r['wall']:.2f} s, {r['rss_mib']:.0f} MiB, {stored} items")
            shutil.rmtree(home)
    result = {
        "folio_wall": spread([r["wall"] for r in folio]),
        "folio_rss": spread([r["rss_mib"] for r in folio]),
        "folio_cpu": spread([r["user"] + r["sys"] for r in folio]),
        "folio_rate": spread([items / r["wall"] for r in folio]),
    }
    if boat:
        result.update({
            "boat_wall": spread([r["wall"] for r in boat]),
            "boat_rss": spread([r["rss_mib"] for r in boat]),
            "boat_stored": min(r["stored"] for r in boat),
            # Run by run: Folio's run i against newsboat's run i, which followed it.
            "speedup": spread([b["wall"] / f["wall"] for f, b in zip(folio, boat)]),
            "memory_ratio": spread([f["rss_mib"] / b["rss_mib"] for f, b in zip(folio, boat)]),
            "boat_cpu": spread([r["user"] + r["sys"] for r in boat]),
        })
    return result


def queries(args, profile, runs, refs=True):
    r = measure([args.queries, "--profile", profile, "--runs", str(runs)] + ([] if refs else ["--no-reference"]))
    if r["status"] != 0:
        sys.exit(f"query bench failed: {r['err']}")
    return json.loads(r["out"].strip().splitlines()[-1])


def window(args, profile, mode, extra=(), runs=3):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=os.path.join(args.work, "xdg"),
               QT_LOGGING_RULES="*.debug=false;qt.*=false")
    results = []
    for _ in range(runs):
        t0 = time.time()
        r = measure([args.window, "--profile", profile, mode, *extra], env=env)
        if r["status"] != 0:
            sys.exit(f"window bench {mode} failed: {r['err']}\n{r['out']}")
        j = json.loads(r["out"].strip().splitlines()[-1])
        j["first_paint_ms_since_spawn"] = j["first_paint_epoch_ms"] - t0 * 1000.0
        j["process_rss_mib"] = r["rss_mib"]
        results.append(j)
    return results


def team_sync(args, log):
    """BenchTeamSync through ctest (its fixture starts and stops the throwaway PostgreSQL cluster)."""
    r = measure(["ctest", "--test-dir", args.build, "-R", "^BenchTeamSync$", "-V"], timeout=3600)
    out = r["out"] + r["err"]
    join = re.search(r"join: (\d+) articles in (\d+) ms = (\d+) articles/s .*?library side ([\d.]+) s CPU "
                     r".*?load average ([\d.?]+)", out)
    inc = re.search(r"incremental: (\d+) changes pushed in (\d+) ms, pulled in (\d+) ms", out)
    if not join or not inc:
        log("team sync benchmark did not run (no PostgreSQL fixture in this build?)")
        return {"ran": False, "tail": out[-2000:]}
    return {"ran": True, "articles": int(join.group(1)), "join_ms": int(join.group(2)), "rate": int(join.group(3)),
            "cpu_s": float(join.group(4)), "load": join.group(5), "changes": int(inc.group(1)),
            "push_ms": int(inc.group(2)), "pull_ms": int(inc.group(3)), "wall": r["wall"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", required=True, help="CMake build folder with the bench targets")
    ap.add_argument("--out", default="docs/PERFORMANCE.md")
    ap.add_argument("--runs", type=int, default=3, help="whole-process runs per figure")
    ap.add_argument("--items", type=int, default=100000)
    ap.add_argument("--sizes", default="10000,100000,1000000", help="library sizes for the query table")
    ap.add_argument("--no-newsboat", dest="newsboat", action="store_false")
    ap.add_argument("--newsboat-runs", type=int, default=None,
                    help="newsboat runs per figure (default: --runs); newsboat takes minutes per 100k items")
    ap.add_argument("--work", default=None, help="scratch folder (default: a new temporary one)")
    args = ap.parse_args()
    args.cli = os.path.join(args.build, "app/cli/folio-cli")
    args.gen = os.path.join(args.build, "tests/bench/folio-gen")
    args.queries = os.path.join(args.build, "tests/bench/folio-bench-queries")
    args.window = os.path.join(args.build, "tests/bench/folio-bench-window")
    own_work = args.work is None
    args.work = args.work or tempfile.mkdtemp(prefix="folio-bench-")
    os.makedirs(args.work, exist_ok=True)
    started = time.monotonic()

    def log(msg):
        print(f"[{time.monotonic() - started:7.1f} s] {msg}", flush=True)

    build_type = "?"
    with contextlib.suppress(OSError):
        m = re.search(r"^CMAKE_BUILD_TYPE:\w+=(.*)$", open(os.path.join(args.build, "CMakeCache.txt")).read(), re.M)
        build_type = m.group(1) if m else "?"
    info = {"machine": machine(), "newsboat": newsboat_version(), "build_type": build_type,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}

    log("generating feed files")
    ten = os.path.join(args.work, "ten")
    one = os.path.join(args.work, "one")
    feeds50 = os.path.join(args.work, "feeds50")
    subprocess.run([args.gen, "rss", "--items", str(args.items), "--files", "10", "--out", ten], check=True)
    subprocess.run([args.gen, "rss", "--items", str(args.items), "--files", "1", "--out", one], check=True)
    subprocess.run([args.gen, "rss", "--items", "50000", "--files", "50", "--seed", "7", "--out", feeds50], check=True)
    ten_files = sorted(os.path.join(ten, f) for f in os.listdir(ten))
    one_file = os.path.join(one, "feed-01.xml")
    info["ten_bytes"] = sum(os.path.getsize(f) for f in ten_files)
    info["one_bytes"] = os.path.getsize(one_file)

    log("import: ten files")
    imports = {"ten": import_runs(args, ten_files, "ten", args.runs, log)}
    log("import: one file")
    imports["one"] = import_runs(args, [one_file], "one", args.runs, log)

    # Query and window figures per library size; 100k is the library the ten-file import made.
    sizes = [int(s) for s in args.sizes.split(",") if s]
    libraries = {}
    for n in sizes:
        if n == args.items:
            libraries[n] = args.profile100k
            continue
        log(f"building a {n}-article library")
        profile = os.path.join(args.work, f"lib{n}")
        r = measure([args.gen, "library", "--items", str(n), "--profile", profile])
        if r["status"] != 0:
            sys.exit(r["err"])
        libraries[n] = profile
        info[f"gen_{n}"] = {"wall": r["wall"], "rate": n / r["wall"], "rss": r["rss_mib"]}
    qres, wres = {}, {}
    for n in sizes:
        log(f"queries at {n}")
        qres[n] = queries(args, libraries[n], 15 if n <= args.items else 5, refs=n <= args.items)
        log(f"window at {n}")
        wres[n] = window(args, libraries[n], "first", runs=args.runs)
        if n <= args.items:
            # Three scrolls through the whole list (thousands of frames each): the longest frame
            # of one run is at the mercy of the machine, three show its spread.
            wres[n] += window(args, libraries[n], "paint", runs=3)
        else:
            # One scroll through a larger library (tens of thousands of frames, minutes): a page
            # must cost the same a million rows down as at the top.
            wres[n] += window(args, libraries[n], "paint", runs=1)
    info["qt"] = qres[sizes[0]]["qt_version"]
    info["sqlite"] = qres[sizes[0]]["sqlite_version"]

    log("stall probe: import of the one file in the window")
    stall_import = window(args, tempfile.mkdtemp(prefix="folio-stall-", dir=args.work), "import", [one_file], runs=1)[0]
    log("stall probe: refresh of 50 feeds from a local HTTP server")
    with http_server(feeds50) as url:
        opml = os.path.join(args.work, "feeds50.opml")
        with open(opml, "w") as f:
            f.write('<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>\n')
            for name in sorted(os.listdir(feeds50)):
                f.write(f'<outline type="rss" text="{name}" xmlUrl="{url}/{name}"/>\n')
            f.write("</body></opml>\n")
        stall_refresh = window(args, tempfile.mkdtemp(prefix="folio-stall-", dir=args.work), "refresh", [opml],
                               runs=1)[0]

    log("team library: join 100,000 articles, incremental sync of 100 changes (PostgreSQL fixture)")
    team = team_sync(args, log)

    raw = {"info": info, "imports": imports, "queries": qres, "window": wres,
           "stall_import": stall_import, "stall_refresh": stall_refresh, "team": team}
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump(raw, f, indent=1, default=str)
    report = render(info, imports, sizes, qres, wres, stall_import, stall_refresh, args, team)
    with open(args.out, "w") as f:
        f.write(report)
    log(f"wrote {args.out}")
    if own_work:
        shutil.rmtree(args.work, ignore_errors=True)


def status(value, limit, smaller_is_better=True):
    ok = value <= limit if smaller_is_better else value >= limit
    return "meets" if ok else "**misses**"


def render(info, imports, sizes, qres, wres, stall_import, stall_refresh, args, team=None):
    m = info["machine"]
    L = []
    L.append("# Folio performance\n")
    L.append("Generated by `bash .ci/bench` (tests/bench/bench.py); do not edit by hand. Every figure is the "
             "median of several runs with the spread (min–max) in brackets. Whole-process figures come from "
             "the operating system's accounting of each run (wall time, peak resident memory); in-process "
             "figures from the bench binaries in tests/bench. Where the issue names a reference, it was "
             "measured in the same run and the ratio is taken run by run.\n")
    L.append("## Machine\n")
    L.append(f"- {m['cpu']}, {m['cores']} cores, {m['mem_mib']} MiB RAM, Linux {m['kernel']}")
    L.append(f"- load average when the run started: {m['load'][0]:.1f} / {m['load'][1]:.1f} / {m['load'][2]:.1f} "
             "(a shared machine: other work competes for the cores; read ratios rather than absolute times)")
    L.append(f"- Qt {info['qt']}, SQLite {info['sqlite']}, {info['newsboat'] or 'newsboat not found'}")
    L.append(f"- build type {info['build_type']}; run {info['date']}\n")

    L.append("## Import, parse to index (issue 11, point 2)\n")
    L.append(f"{args.items:,} generated RSS items (`folio-gen`), as ten files ({info['ten_bytes'] / 1e6:.0f} MB) "
             f"and as one file ({info['one_bytes'] / 1e6:.0f} MB). Folio: `folio-cli import` into a new library. "
             "Reference: newsboat reading the same files from a local HTTP server (`newsboat -x reload`, "
             "fresh cache each run), Folio and newsboat run in turn.\n")
    L.append("| | Folio wall s | Folio items/s | Folio peak MiB | newsboat wall s | newsboat peak MiB "
             "| speed-up (newsboat/Folio) | memory (Folio/newsboat) |")
    L.append("|---|---|---|---|---|---|---|---|")
    for key, name in (("ten", "ten files"), ("one", "one file")):
        r = imports[key]
        row = [name, fmt(r["folio_wall"]), fmt(r["folio_rate"], digits=0), fmt(r["folio_rss"], digits=0)]
        if "boat_wall" in r:
            row += [fmt(r["boat_wall"]), fmt(r["boat_rss"], digits=0), fmt(r["speedup"]) + "×",
                    fmt(r["memory_ratio"])]
        else:
            row += ["–"] * 4
        L.append("| " + " | ".join(row) + " |")
    L.append("")
    L.append("Targets: ≥ 25,000 items/s, peak ≤ 150 MiB, ≥ 5× faster than newsboat with less memory.\n")
    for key, name in (("ten", "ten files"), ("one", "one file")):
        r = imports[key]
        line = (f"- {name}: {r['folio_rate']['median']:,.0f} items/s "
                f"({status(r['folio_rate']['median'], 25000, False)} 25,000), "
                f"{r['folio_rss']['median']:.0f} MiB ({status(r['folio_rss']['median'], 150)} 150), "
                f"CPU {r['folio_cpu']['median']:.1f} s for {r['folio_wall']['median']:.1f} s wall")
        if "speedup" in r:
            line += (f"; {r['speedup']['median']:.2f}× newsboat ({status(r['speedup']['median'], 5, False)} 5×), "
                     f"newsboat stored {r['boat_stored']:,} items with CPU {r['boat_cpu']['median']:.1f} s "
                     "(the rest of its wall time it waits for its cache's disk syncs)")
        L.append(line)
    L.append("")

    L.append("## Queries and the window, by library size (issue 11, point 3)\n")
    L.append("In process (`folio-bench-queries`, 15 runs after a warm-up): first page of 50 rows, as the "
             "window asks for it. Tag: one of 200 tags (about 1.25 % of articles each, ~2.5 per article); "
             "date: one month; text: the most common content word, ranked by bm25 with snippets. The "
             "reference is the same query reading every matching row (no paging).\n")
    head = "| | " + " | ".join(f"{n:,} articles" for n in sizes) + " | target |"
    L.append(head)
    L.append("|---" * (len(sizes) + 2) + "|")
    rows = [
        ("newest first, first page ms", "all_first_page", None),
        ("tag filter, first page ms", "tag_first_page", 50),
        ("date filter (a month), first page ms", "date_first_page", 50),
        ("full text 'regering' ranked, first page ms", "text_first_page", 30),
        ("full text 'Samarkand moskee' ranked, first page ms", "text2_first_page", 30),
        ("tag count ms", "tag_count", None),
        ("full text count ms", "text_count", None),
        ("sidebar counts (library, 200 tags, feeds) ms", "sidebar_counts", None),
        ("status bar counts (articles, unread) ms", "status_counts", None),
        ("timeline of the whole library ms", "timeline_all", None),
        ("timeline of a tag ms", "timeline_tag", None),
        ("reference: tag, every row ms", "ref_tag_all_rows", None),
        ("reference: full text, every row ms", "ref_text_all_rows", None),
    ]
    for label, key, target in rows:
        cells = []
        for n in sizes:
            q = qres[n].get(key)
            cells.append(f"{q['median_ms']:.1f} ({q['min_ms']:.1f}–{q['max_ms']:.1f})" if q else "–")
        L.append(f"| {label} | " + " | ".join(cells) + f" | {'≤ %d' % target if target else ''} |")

    def wrow(label, key, target=None, digits=0):
        cells = []
        for n in sizes:
            vals = [w[key] for w in wres[n] if key in w]
            cells.append(fmt(spread(vals), digits=digits) if vals else "–")
        L.append(f"| {label} | " + " | ".join(cells) + f" | {target or ''} |")

    wrow("window: first rows painted, ms after process start", "first_paint_ms_since_spawn", "≤ 150")
    wrow("window: first rows painted, ms after main()", "first_paint_ms_since_main")
    wrow("window: scroll the whole list, longest frame ms", "scroll_max_frame_ms", "≤ 16", 1)
    wrow("window: scroll, median frame ms", "scroll_median_frame_ms", None, 1)
    wrow("window: scroll, 99th percentile frame ms", "scroll_p99_frame_ms", None, 1)
    wrow("window: scroll, frames over 16 ms", "scroll_frames_over_16ms")
    wrow("window: memory after scrolling the whole list, MiB", "scroll_rss_mib", "≤ 150")
    wrow("window: scroll, frames", "scroll_frames")
    wrow("window: scroll, rows reached (the run stops after five minutes)", "scroll_rows")
    wrow("window: peak memory with the library open, MiB", "process_rss_mib", "≤ 150")
    L.append("")
    scaled = {"all_first_page", "tag_first_page", "date_first_page", "text_first_page", "text2_first_page",
              "tag_count", "sidebar_counts", "status_counts", "timeline_all", "timeline_tag"}
    L.append("Ratios for scale (largest over smallest library): " + ", ".join(
        f"{label.replace(', first page ms', '').removesuffix(' ms')} {qres[sizes[-1]][key]['median_ms'] / max(qres[sizes[0]][key]['median_ms'], 1e-3):.1f}×"
        for label, key, _ in rows
        if key in scaled and key in qres[sizes[-1]] and key in qres[sizes[0]]) + f" for {sizes[-1] // sizes[0]}× the articles.\n")
    if sizes[-1] < 1000000:
        L.append(f"- 1,000,000 articles: not measured in this run (`--sizes {','.join(str(n) for n in sizes)}`); "
                 "`bash .ci/bench` without options measures 10k, 100k and 1M.")
    for n in sizes:
        if f"gen_{n}" in info:
            g = info[f"gen_{n}"]
            L.append(f"- the {n:,}-article library was built by `folio-gen library` (prepare on all cores, "
                     f"store) in {g['wall']:.0f} s ({g['rate']:,.0f} items/s, one run)")
    L.append("")

    L.append("## The GUI never stalls (issue 11, point 4)\n")
    L.append("A 5 ms timer in the running window (`folio-bench-window`, offscreen) records how late each tick "
             "fires, while the window imports the one-file library above, and while it subscribes 50 feeds "
             "(an OPML list, 1,000 items each, from a local HTTP server) and refreshes them all. Target: longest "
             "stall ≤ 50 ms.\n")
    L.append("| | ticks | median ms | p99 ms | longest stall ms | seconds | result |")
    L.append("|---|---|---|---|---|---|---|")
    for name, s in ((f"import of {args.items:,} items (one file)", stall_import), ("refresh of 50 feeds", stall_refresh)):
        p = s["probe"]
        L.append(f"| {name} | {p['ticks']} | {p['median_stall_ms']:.1f} | {p['p99_stall_ms']:.1f} | "
                 f"{p['max_stall_ms']:.1f} ({status(p['max_stall_ms'], 50)}) | {p['seconds']:.1f} | {s['message']} |")
    L.append("")
    L.append("## Team library (issue 12, point 6)\n")
    if team and team.get("ran"):
        ten = imports.get("ten", {}).get("folio_rate", {}).get("median")
        L.append("`BenchTeamSync` against the throwaway PostgreSQL cluster of the tests (Unix socket, same machine): "
                 f"a new library joins a team whose server holds {team['articles']:,} articles (about 3 KB each) and "
                 "pulls them all; then one analyst pushes 100 changes and another pulls them. One run each; the "
                 "reference is Folio's own import of the ten feed files above (articles per second into a new "
                 "library), measured in the same run.\n")
        L.append("| | figure | target | ratio to the reference |")
        L.append("|---|---|---|---|")
        ratio = f"{team['rate'] / ten:.2f}× the file import's {ten:,.0f} items/s" if ten else "–"
        L.append(f"| join: {team['articles']:,} articles | {team['rate']:,} articles/s ({team['join_ms'] / 1000:.1f} s, "
                 f"library side {team['cpu_s']:.1f} s CPU) | ≥ 5,000 ({status(team['rate'], 5000, False)}) | {ratio} |")
        L.append(f"| incremental: push {team['changes']} changes | {team['push_ms']} ms | ≤ 1,000 "
                 f"({status(team['push_ms'], 1000)}) | |")
        L.append(f"| incremental: pull {team['changes']} changes | {team['pull_ms']} ms | ≤ 1,000 "
                 f"({status(team['pull_ms'], 1000)}) | |")
        L.append(f"\nLoad average during the join: {team['load']}.\n")
    else:
        L.append("Not measured in this run: the build has no team tests (PostgreSQL fixture). "
                 "`ctest -R BenchTeamSync -V` runs it on its own.\n")
    L.append("## How to run\n")
    L.append("`bash .ci/bench` builds the bench targets (Release in `build-bench`, or `FOLIO_BENCH_BUILD=dir` to "
             "reuse a build), generates the data in a temporary folder, runs everything above and rewrites "
             "this file. Options after `--` go to tests/bench/bench.py (`--runs N`, `--sizes 10000,100000`, "
             "`--no-newsboat`).\n")
    return "\n".join(L)


if __name__ == "__main__":
    main()
