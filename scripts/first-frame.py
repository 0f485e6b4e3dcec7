#!/usr/bin/env python3
"""Time to first frame and max RSS of a terminal app in a 120x40 pseudo-terminal.

One run of any command (IDLE=10 also measures CPU while idle on the first screen):
    python3 scripts/first-frame.py target/release/prep [ARGS...]

The comparison in BENCHMARKS.md: a bare ratatui app (examples/bare.rs), prep on the built-in bank
and prep on the built-in bank plus a 10k-question bank, interleaved in one run, RUNS (10) each,
medians reported:
    cargo build --release --example bare --example genbank
    python3 scripts/first-frame.py --compare [--runs 10]

The first frame is the moment the word "Sections" (the Home title, and the bare app's title) has
been written to the terminal, timed from just before the process is started. Max RSS is the
process's peak resident set (VmHWM) at that moment.
"""
import fcntl, os, pty, select, shutil, statistics, struct, subprocess, sys, tempfile, termios, time

MARK = b"Sections"


def measure(argv, env_extra=None, idle=0.0):
    """Run argv in a fresh 120x40 pty; return (ms to first frame or None, max RSS in KB)."""
    env = dict(os.environ, TERM="xterm-256color", **(env_extra or {}))
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    buf, first, quit_sent, rss = b"", None, False, 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 1)
        if not r:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        buf += data
        if b"\x1b[6n" in data:  # a cursor position query: answer as a terminal would
            os.write(fd, b"\x1b[1;1R")
        if first is None and MARK in buf:
            first = (time.monotonic() - t0) * 1000
            rss = peak_rss(pid)
            if idle:
                print(idle_cpu(pid, idle))
        if first is not None and not quit_sent:
            os.write(fd, b"q")
            quit_sent = True
    if not quit_sent:
        os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    return first, rss


def peak_rss(pid):
    """The process's peak resident set so far, in KB (VmHWM: counted from exec, unlike
    wait4's ru_maxrss, which would include the Python process the pty child was forked from)."""
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def idle_cpu(pid, secs):
    def ticks():
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return int(f[11]) + int(f[12])
    c0 = ticks()
    time.sleep(secs)
    c1 = ticks()
    pct = (c1 - c0) / os.sysconf("SC_CLK_TCK") / secs * 100
    return f"idle cpu over {secs:.0f}s: {c1 - c0} ticks = {pct:.2f}%"


def compare(runs):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    # RELEASE_DIR measures another build (a target folder of its own, e.g. to compare profiles).
    release = os.environ.get("RELEASE_DIR") or os.path.join(root, "target", "release")
    prep, bare = os.path.join(release, "prep"), os.path.join(release, "examples", "bare")
    genbank = os.path.join(release, "examples", "genbank")
    for exe in (prep, bare, genbank):
        if not os.path.exists(exe):
            sys.exit(f"missing {exe}: cargo build --release --example bare --example genbank")
    work = tempfile.mkdtemp(prefix="prep-ff-")
    bank10k = os.path.join(work, "bank10k")
    subprocess.run([genbank, "10000", bank10k], check=True, stdout=subprocess.DEVNULL)
    # No user bank, an empty data folder: the same start every run.
    env = {"PREP_CONFIG_DIR": os.path.join(work, "config"), "PREP_DATA_DIR": os.path.join(work, "data")}
    cases = [
        ("bare ratatui app", [bare]),
        ("prep, built-in bank", [prep]),
        ("prep, built-in + 10k", [prep, "--bank", bank10k]),
    ]
    results = {name: [] for name, _ in cases}
    for _ in range(runs):  # interleaved, so a busy moment hits every case alike
        for name, argv in cases:
            ms, rss = measure(argv, env)
            if ms is None:
                sys.exit(f"{name}: no first frame within 60 s")
            results[name].append((ms, rss))
    print(f"{runs} runs each, median (min-max); max RSS is the largest of the runs")
    med = {}
    for name, rs in results.items():
        times = [r[0] for r in rs]
        med[name] = statistics.median(times)
        print(f"{name:22} first frame {med[name]:7.1f} ms ({min(times):.1f}-{max(times):.1f})"
              f"   max RSS {max(r[1] for r in rs) / 1024:6.1f} MB")
    ratio = med["prep, built-in bank"] / med["bare ratatui app"]
    rss = max(r[1] for r in results["prep, built-in bank"]) / 1024
    print(f"prep / bare: {ratio:.2f}x (goal <= 1.5x: {'met' if ratio <= 1.5 else 'MISSED'})")
    print(f"max RSS, built-in bank: {rss:.1f} MB (goal <= 30 MB: {'met' if rss <= 30 else 'MISSED'})")
    subprocess.run(["rm", "-rf", work])


def main():
    args = sys.argv[1:]
    if args and args[0] == "--compare":
        runs = int(args[2]) if len(args) > 2 and args[1] == "--runs" else 10
        compare(runs)
        return
    if not args:
        sys.exit(__doc__)
    args[0] = shutil.which(args[0]) or args[0]
    env = {"PREP_DATA_DIR": os.environ.get("PREP_DATA_DIR", "/tmp/pd-ff")}
    ms, rss = measure(args, env, float(os.environ.get("IDLE", "0")))
    shown = "none within 60 s" if ms is None else f"{ms:.1f} ms"
    print(f"first frame: {shown}; max RSS {rss} KB")


if __name__ == "__main__":
    main()
