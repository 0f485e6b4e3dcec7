import os, pty, time, sys, select, subprocess, struct, fcntl, termios
args = sys.argv[1:]
t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.environ["PREP_DATA_DIR"] = "/tmp/pd-ff"
    os.environ["TERM"] = "xterm-256color"
    os.execv("/usr/bin/time", ["/usr/bin/time", "-f", "rss=%M KB", "-o", "/tmp/ff-rss.txt"] + args)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
buf = b""; first = None; deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    r, _, _ = select.select([fd], [], [], 1)
    if not r: continue
    try: data = os.read(fd, 65536)
    except OSError: break
    buf += data
    if b"\x1b[6n" in data: os.write(fd, b"\x1b[1;1R")
    if first is None and b"Sections" in buf:
        first = time.monotonic() - t0
        idle = float(os.environ.get("IDLE", "0"))
        if idle:
            child = int(subprocess.check_output(["pgrep", "-P", str(pid)]).split()[0])
            def cpu():
                f = open(f"/proc/{child}/stat").read().split()
                return int(f[13]) + int(f[14])
            c0 = cpu(); time.sleep(idle); c1 = cpu()
            print(f"idle cpu over {idle:.0f}s: {c1-c0} ticks = {(c1-c0)/os.sysconf('SC_CLK_TCK')/idle*100:.2f}%")
        os.write(fd, b"q")
os.waitpid(pid, 0)
print(f"first frame: {first*1000:.1f} ms;", open("/tmp/ff-rss.txt").read().strip())
