#!/usr/bin/env python3
"""Render-engine benchmark: in one run, against the `espeak-ng` program speaking the same text
in one voice (the baseline, timed in the same invocation because these machines are noisy):

- cold render with --jobs 1 and with all cores (no cache);
- warm re-render after one character's pitch changes (the cache filled by a first render), the
  character's share of the audio, and whether the result is byte-identical to a cold render
  with the new cast;
- resume after SIGKILL at half way: the rerun's time, and whether it is byte-identical to an
  uninterrupted render;
- peak memory: narrate's own peak RSS, and the peak of all its processes together (PSS of
  narrate, its workers and their children, sampled every 0.1 s); and how it grows with the
  book's length: the same text rendered twice over (all cores, no cache).

usage: Benchmarks/render-engine.py TEXT [--character NAME] [--repeat K] [--no-build]
(TEXT: a long novel, e.g. ../shared/corpus/pdnc-dev/Emma/text.txt; the baseline needs the
espeak-ng program: apt-get install espeak-ng)
"""
import argparse, hashlib, os, re, shutil, signal, subprocess, sys, tempfile, threading, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NARRATE = ROOT / ".build/release/narrate"


def tree(pid):
    """pid and every descendant."""
    found, frontier = [pid], [pid]
    while frontier:
        parent = frontier.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found.append(child)
            frontier.append(child)
    return found


def pss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def hwm_kib(pid):
    """The process's own peak resident memory so far (VmHWM)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(cmd, kill_after=None, every=0.1):
    """Wall time, narrate's own peak RSS (KiB: VmHWM, read every `every` s), peak PSS of narrate
    and its workers together (KiB, sampled every `every` s), stderr. Not wait4's ru_maxrss: it
    counts a child's size between fork and exec, which is this script's.

    Reading every process's smaps_rollup ten times a second takes 1.5-2.5 % of a render's time
    on two cores when narrate keeps both busy (the single-threaded baseline leaves a core free for
    it), so the timed cold runs look once a second; the cache-filling, re-render and resumed
    runs look ten times a second, and give the peak.

    The end is taken by a thread blocked until the process exits, not by the sampling loop: a
    loop that looks every 0.1 s adds up to 0.1 s to every time, 4 % of a short text's."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        ended = []

        def wait_for_exit():
            # WNOWAIT: the exit is seen, the process is left for wait4 to collect below.
            os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
            ended.append(time.perf_counter())

        waiter = threading.Thread(target=wait_for_exit)
        waiter.start()
        peak_tree = peak_own = 0
        while waiter.is_alive():
            peak_own = max(peak_own, hwm_kib(proc.pid))
            peak_tree = max(peak_tree, sum(pss_kib(p) for p in tree(proc.pid)))
            if kill_after is not None and time.perf_counter() - started >= kill_after:
                proc.send_signal(signal.SIGKILL)
            waiter.join(every)
        pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = status
        elapsed = ended[0] - started
        err.seek(0)
        text = err.read().decode()
        if kill_after is None and status != 0:
            sys.exit(f"failed: {' '.join(map(str, cmd))}: {text.strip()}")
        return elapsed, peak_own, peak_tree, text


def digest(path):
    """SHA-256 of a file, read in blocks: a novel's WAV read whole would swell this script, and
    the processes it starts afterwards inherit its size in their ru_maxrss."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def same(a, b):
    """Byte for byte; then both files go.

    Every output is deleted once compared. On a virtual machine, page cache that grows into
    memory the guest has never touched is slow to fill (writing 3 GB: 7.3 s of sys time into
    fresh pages, 0.9 s into pages a deleted file gave back), so a run's time would depend on how
    many earlier runs' files the benchmark kept, not on the run."""
    result = digest(a) == digest(b)
    for path in (a, b):
        Path(path).unlink()
    return result


def speaker_seconds(vtt):
    """Seconds of audio per speaker, from a WebVTT file narrate wrote."""
    def seconds(stamp):
        h, m, s = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)
    totals, lines = {}, Path(vtt).read_text().splitlines()
    for index, line in enumerate(lines):
        if "-->" in line:
            start, end = (seconds(part.strip()) for part in line.split("-->"))
            speaker = re.match(r"<v ([^>]*)>", lines[index + 1]).group(1)
            totals[speaker] = totals.get(speaker, 0) + end - start
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text")
    parser.add_argument("--character", help="whose pitch changes (default: the fourth most heard)")
    parser.add_argument("--repeat", type=int, default=2, help="cold runs of each, alternating; the fastest counts")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "narrate"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    espeak = shutil.which("espeak-ng") or sys.exit("the baseline needs the espeak-ng program: apt-get install espeak-ng")
    text = Path(args.text).resolve()
    work = Path(tempfile.mkdtemp(prefix="narrate-engine-"))
    cores = os.cpu_count()
    rows = []

    def row(name, result, base, note=""):
        seconds = result[0]
        rows.append((name, seconds, seconds / base, note))
        memory = f"[narrate {result[1] / 1024:.0f} MB, with workers {result[2] / 1024:.0f} MB]"
        print(f"{name:44} {seconds:8.2f} s {seconds / base:7.3f}x espeak  {memory} {note}", flush=True)

    # The cold timings alternate with the baseline, --repeat times; the best of each counts.
    cast = work / "cast.yaml"
    subprocess.run([NARRATE, "cast", text, "-o", cast], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    bases, ones, everys = [], [], []
    for _ in range(args.repeat):
        for old in ("one.wav", "all.wav"):
            (work / old).unlink(missing_ok=True)
        bases.append(run([espeak, "-w", work / "espeak.wav", "-f", text], every=1.0))
        (work / "espeak.wav").unlink()
        ones.append(run([NARRATE, "render", text, "--cast", cast, "-o", work / "one.wav", "--jobs", "1", "--no-cache"], every=1.0))
        everys.append(run([NARRATE, "render", text, "--cast", cast, "-o", work / "all.wav", "--jobs", str(cores), "--no-cache"], every=1.0))
    best = lambda runs: min(runs, key=lambda r: r[0])
    base = best(bases)[0]
    print(f"{'espeak-ng program, one voice (baseline)':44} {base:8.2f} s   (runs: {', '.join(f'{r[0]:.2f}' for r in bases)})", flush=True)
    one, every = best(ones), best(everys)
    row("cold render, --jobs 1", one, base, f"(runs: {', '.join(f'{r[0]:.2f}' for r in ones)})")
    row(f"cold render, --jobs {cores} (all cores)", every, base, f"(runs: {', '.join(f'{r[0]:.2f}' for r in everys)})")
    same_jobs = same(work / "one.wav", work / "all.wav")
    print(f"{'':44} same bytes for --jobs 1 and {cores}: {'yes' if same_jobs else 'NO'}")

    # A first render fills the cache; then one character's pitch changes.
    cache = work / "cache"
    first = run([NARRATE, "render", text, "--cast", cast, "-o", work / "first.wav", "--cache", cache, "--subtitles", work / "first.vtt"])
    row("cold render filling the cache", first, base)
    first_digest = digest(work / "first.wav")
    (work / "first.wav").unlink()
    seconds = speaker_seconds(work / "first.vtt")
    ranked = sorted((s for s in seconds if s != "Narrator"), key=lambda s: -seconds[s])
    character = args.character or ranked[min(3, len(ranked) - 1)]
    share = seconds[character] / sum(seconds.values())
    lines = cast.read_text().splitlines()
    tuned = work / "tuned.yaml"
    for index, line in enumerate(lines):
        if re.fullmatch(rf"  - name: \"?{re.escape(character)}\"?", line):
            for offset in range(index + 1, len(lines)):
                if lines[offset].strip().startswith("pitch:"):
                    pitch = int(lines[offset].split(":")[1])
                    lines[offset] = re.sub(r"\d+", str(pitch - 12 if pitch > 30 else pitch + 12), lines[offset])
                    break
            break
    else:
        sys.exit(f"{character} not found in the cast")
    tuned.write_text("\n".join(lines) + "\n")
    warm = run([NARRATE, "render", text, "--cast", tuned, "-o", work / "warm.wav", "--cache", cache])
    allowed = share + 0.10
    row(f"re-render, {character}'s pitch changed", warm, base,
        f"{warm[0] / first[0]:.2f} of a cold render; target ≤ {allowed:.2f} ({character}: {share:.1%} of the audio + 10%)")
    cold_tuned = run([NARRATE, "render", text, "--cast", tuned, "-o", work / "cold-tuned.wav", "--no-cache", "--jobs", str(cores)])
    identical = same(work / "warm.wav", work / "cold-tuned.wav")
    print(f"{'':44} byte-identical to a cold render with the new cast: {'yes' if identical else 'NO'}")

    # Killed at half way, then run again.
    resume_cache = work / "resume-cache"
    run([NARRATE, "render", text, "--cast", cast, "-o", work / "killed.wav", "--cache", resume_cache], kill_after=first[0] / 2)
    left = (work / "killed.wav").exists()
    rerun = run([NARRATE, "render", text, "--cast", cast, "-o", work / "killed.wav", "--cache", resume_cache])
    row("rerun after SIGKILL at half way", rerun, base, f"{rerun[0] / first[0]:.2f} of a cold render; target ≤ 0.60")
    resumed_same = digest(work / "killed.wav") == first_digest
    print(f"{'':44} byte-identical to an uninterrupted render: {'yes' if resumed_same else 'NO'}; file left by the kill: {'YES' if left else 'none'}")

    runs = ones + everys + [first, warm, rerun]
    peak_rss = max(r[1] for r in runs) / 1024
    peak_tree = max(r[2] for r in runs) / 1024
    print(f"\npeak memory: narrate {peak_rss:.0f} MB (VmHWM); narrate with its workers {peak_tree:.0f} MB (PSS, summed)")

    # How memory grows with the length: the book twice over, a new name so no cast file is found.
    doubled = work / "twice.txt"
    doubled.write_text(text.read_text(encoding="utf-8") * 2, encoding="utf-8")
    twice = run([NARRATE, "render", doubled, "--cast", cast, "-o", work / "twice.wav", "--jobs", str(cores), "--no-cache"], every=1.0)
    growth = (twice[2] - every[2]) / 1024
    print(f"the same text twice over: narrate {twice[1] / 1024:.0f} MB, with workers {twice[2] / 1024:.0f} MB "
          f"(narrate {growth:+.0f} MB for the second copy, against {every[1] / 1024:.0f} MB for one; {twice[0]:.1f} s)")
    print("targets: --jobs 1 ≤ 1.05x espeak; all cores ≤ 0.60x; re-render ≤ share + 10% of cold; rerun ≤ 0.60 of cold; memory ≤ 64 MB")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
