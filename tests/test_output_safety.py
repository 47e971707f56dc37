"""An output folder never replaces anything Opspor did not write (issue 10, section 2).

Each destructive ``--out`` is run through the real command line: it must fail with one
clear line, exit non-zero, and leave the folder and every file in it byte for byte as
they were. Then: killed runs, concurrent runs, a full disk and an unwritable folder.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course.output_safety import OUTPUT_MARKER, OutputPolicy, OutputRefused, check_output, course_output_policy
from course.scratch import STAGING_MARKER, scratch_folder, sweep_orphans
from tests.helpers_check import PROJECT, run_cli


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture
def course(tmp_path: Path, mini_copy: Path) -> Path:
    """The mini course with a private key and a roster beside it, as an issuer has them."""
    (mini_copy / "keys").mkdir()
    (mini_copy / "keys" / "issuer-ed25519.pem").write_text("-----BEGIN PRIVATE KEY-----\nx\n", "utf-8")
    (tmp_path / "workshop").mkdir()
    (tmp_path / "workshop" / "deltagere.csv").write_text("Navn\nBo Hansen\n", "utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("mine", "utf-8")
    return mini_copy


# (command after --course, the --out folder relative to tmp_path, what the message says)
DESTRUCTIVE = [
    (["build"], "mini", "it is the course folder"),
    (["build"], ".", "it holds the course folder"),
    (["build"], "mini/modules", "inside the course's modules/ folder"),
    (["build"], "mini/scenarios", "inside the course's scenarios/ folder"),
    (["build"], "mini/tracks", "inside the course's tracks/ folder"),
    (["build"], "mini/pages", "inside the course's pages/ folder"),
    (["build"], "mini/keys", "it is the issuer's key folder"),
    (["build"], "notes", "not empty and was not written by Opspor"),
    (["packs"], "mini/modules", "inside the course's modules/ folder"),
    (["packs"], "mini", "it is the course folder"),
    (["packs"], "notes", "not empty and was not written by Opspor"),
    (["package", "qti"], "mini", "it is the course folder"),
    (["package", "offline"], "notes", "not empty and was not written by Opspor"),
    (["certificates", "--roster", "{tmp}/workshop/deltagere.csv", "--track", "laerer"], "mini/keys",
     "it is the issuer's key folder"),
    (["certificates", "--roster", "{tmp}/workshop/deltagere.csv", "--track", "laerer"], "workshop",
     "it holds the roster"),
    (["certificates", "--roster", "{tmp}/workshop/deltagere.csv", "--track", "laerer"], "mini",
     "it is the course folder"),
]


@pytest.mark.parametrize(("command", "out", "reason"), DESTRUCTIVE,
                         ids=[f"{' '.join(c[:2])}-{o}" for c, o, _ in DESTRUCTIVE])
def test_a_destructive_out_is_refused_and_touches_nothing(course: Path, tmp_path: Path, command: list[str],
                                                          out: str, reason: str) -> None:
    before = snapshot(tmp_path)
    target = (tmp_path / out).resolve()
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    result = run_cli("--course", str(course), *args, "--out", str(target))
    assert result.returncode == 1, result.stdout + result.stderr
    line = one_error_line(result.stderr)
    assert line.startswith("Error: refusing to write")
    assert reason in line and str(target) in line
    assert snapshot(tmp_path) == before
    assert not [p for p in tmp_path.rglob(".*-new-*")]


def test_policy_refuses_folders_holding_sources_or_keys_even_with_a_marker(tmp_path: Path, mini_copy: Path) -> None:
    policy = course_output_policy(mini_copy, "site", mini_copy / "site")
    elsewhere = tmp_path / "other"
    shutil.copytree(mini_copy, elsewhere)
    (elsewhere / OUTPUT_MARKER).write_text("opspor-output: site\n", "utf-8")
    with pytest.raises(OutputRefused, match=r"holds course sources \(modules, scenarios, tracks, pages, "
                                            r"course\.yml, glossary\.yml\)"):
        check_output(elsewhere, policy)
    keyed = tmp_path / "keyed"
    (keyed / "sub").mkdir(parents=True)
    (keyed / OUTPUT_MARKER).write_text("opspor-output: site\n", "utf-8")
    (keyed / "sub" / "issuer-ed25519.pem").write_text("secret", "utf-8")
    with pytest.raises(OutputRefused, match=r"holds a key file \(sub/issuer-ed25519.pem\)"):
        check_output(keyed, policy)
    pdf = tmp_path / "pdf"
    pdf.mkdir()
    (pdf / OUTPUT_MARKER).write_text("opspor-output: pdf\n", "utf-8")
    with pytest.raises(OutputRefused, match="holds Opspor's pdf output, not site"):
        check_output(pdf, policy)
    link = tmp_path / "link"
    link.symlink_to(mini_copy)
    with pytest.raises(OutputRefused, match="symbolic link"):
        check_output(link, policy)
    assert check_output(tmp_path / "new", policy) == (tmp_path / "new").resolve()
    (tmp_path / "empty").mkdir()
    assert check_output(tmp_path / "empty", policy) == (tmp_path / "empty").resolve()


def test_an_unmarked_earlier_output_is_accepted_only_at_the_default_place(tmp_path: Path, mini_copy: Path) -> None:
    default = mini_copy / "build" / "pdf"
    (default / "moduler").mkdir(parents=True)
    (default / "moduler" / "a.pdf").write_bytes(b"%PDF")
    policy = course_output_policy(mini_copy, "pdf", default)
    assert check_output(default, policy) == default.resolve()
    papers = tmp_path / "papers"
    shutil.copytree(default, papers)
    with pytest.raises(OutputRefused, match="not written by Opspor"):
        check_output(papers, policy)


def test_an_out_folder_is_marked_and_rebuilt(mini_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    assert run_cli("--course", str(mini_copy), "build", "--out", str(out)).returncode == 0
    assert (out / OUTPUT_MARKER).read_text("utf-8").startswith("opspor-output: site")
    (out / "stale.html").write_text("old", "utf-8")
    again = run_cli("--course", str(mini_copy), "build", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert not (out / "stale.html").exists() and (out / "index.html").exists()


def _claim_and_die(parent: Path, prefix: str) -> Path:
    """A child process claims a scratch folder and is killed with SIGKILL, as a crash would."""
    code = ("import sys, pathlib; from course.scratch import scratch_folder\n"
            "with scratch_folder(sys.argv[2], pathlib.Path(sys.argv[1])) as f:\n"
            "    print(f, flush=True); sys.stdin.read()\n")
    child = subprocess.Popen([sys.executable, "-c", code, str(parent), prefix], cwd=PROJECT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    folder = Path(child.stdout.readline().strip())  # type: ignore[union-attr]
    assert (folder / STAGING_MARKER).is_file()
    assert sweep_orphans(parent, prefix) == []  # alive: never swept
    child.kill()
    child.wait(timeout=10)
    return folder


def test_orphans_of_a_killed_run_are_swept_and_nothing_else(tmp_path: Path) -> None:
    orphan = _claim_and_die(tmp_path, ".site-new-")
    foreign = tmp_path / ".site-new-mine"  # no claim marker: not ours, never removed
    foreign.mkdir()
    with scratch_folder(".site-new-", tmp_path) as live:
        assert not orphan.exists()
        assert foreign.exists() and live.exists()
    assert not live.exists()


def test_a_killed_build_leaves_nothing_after_the_next_run(mini_copy: Path, tmp_path: Path) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(private_tmp)}
    build = [sys.executable, str(PROJECT / "build.py"), "--course", str(mini_copy), "build"]
    child = subprocess.Popen(build, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(mini_copy.glob(".site-new-*/.opspor-docs-*/docs")):  # killed mid-build, not before
        assert child.poll() is None and time.monotonic() < deadline, "the build never started"
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert list(mini_copy.glob(".site-new-*")), "the kill came too late to leave anything"
    again = subprocess.run(build, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert not [p.name for p in mini_copy.iterdir() if p.name.startswith(".site")]
    assert list(private_tmp.iterdir()) == []
    assert (mini_copy / "site" / "index.html").exists()


def test_sigterm_mid_build_cleans_up_at_once(mini_copy: Path) -> None:
    build = [sys.executable, str(PROJECT / "build.py"), "--course", str(mini_copy), "build"]
    child = subprocess.Popen(build, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(mini_copy.glob(".site-new-*/.opspor-docs-*/docs")):
        assert child.poll() is None and time.monotonic() < deadline, "the build never started"
        time.sleep(0.02)
    child.terminate()
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 128 + signal.SIGTERM
    assert "Traceback" not in stderr
    assert not list(mini_copy.glob(".site-*"))


def test_concurrent_builds_of_one_output_take_turns(mini_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build = [sys.executable, str(PROJECT / "build.py"), "--course", str(mini_copy), "build", "--out", str(out)]
    children = [subprocess.Popen(build, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(4)]
    results = [(c.wait(timeout=600), c.communicate()[1]) for c in children]
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    assert all("Traceback" not in err for _, err in results)
    assert (out / "index.html").exists() and (out / OUTPUT_MARKER).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "site"]


def _fsize_limit(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # writes past it fail with EFBIG
    return apply


def test_a_write_failure_is_one_line_and_the_previous_site_stays(mini_copy: Path, tmp_path: Path) -> None:
    """A real failed write (EFBIG from RLIMIT_FSIZE: the search index outgrows the limit)."""
    out = tmp_path / "site"
    assert run_cli("--course", str(mini_copy), "build", "--out", str(out)).returncode == 0
    before = snapshot(out)
    result = subprocess.run([sys.executable, str(PROJECT / "build.py"), "--course", str(mini_copy), "build",
                             "--out", str(out)], cwd=PROJECT, capture_output=True, text=True, timeout=300,
                            preexec_fn=_fsize_limit(20_000))
    assert result.returncode == 1
    line = one_error_line(result.stderr)
    assert "File too large" in line and "previous output is unchanged" in line
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "site"]


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 16 MB tmpfs (root only; CI runs as root): a real full disk and a real read-only folder."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_one_line_and_the_previous_site_stays(mini_copy: Path, small_disk: Path) -> None:
    out = small_disk / "site"
    assert run_cli("--course", str(mini_copy), "build", "--out", str(out)).returncode == 0
    before = snapshot(out)
    free = shutil.disk_usage(small_disk).free
    with (small_disk / "filler").open("wb") as handle:  # leave ~1 MB: less than one site needs
        handle.truncate(0)
        handle.write(b"\0" * max(0, free - 1_000_000))
    result = run_cli("--course", str(mini_copy), "build", "--out", str(out))
    assert result.returncode == 1
    line = one_error_line(result.stderr)
    assert "No space left on device" in line and "previous output is unchanged" in line
    assert snapshot(out) == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "site"]


def test_an_unwritable_folder_is_one_line_and_the_previous_site_stays(mini_copy: Path, small_disk: Path) -> None:
    out = small_disk / "site"
    assert run_cli("--course", str(mini_copy), "build", "--out", str(out)).returncode == 0
    before = snapshot(out)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = run_cli("--course", str(mini_copy), "build", "--out", str(out))
    assert result.returncode == 1
    line = one_error_line(result.stderr)
    assert "Read-only file system" in line and str(small_disk) in line
    assert snapshot(out) == before


def test_a_policy_kind_must_be_known() -> None:
    with pytest.raises(ValueError):
        OutputPolicy("everything", PROJECT)
