"""The ``resolve`` command, called in-process through ``main(argv)`` (and once as a real command)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from namematch import Resolver
from namematch import cli as nm_cli
from namematch.cli import EXAMPLES, main

ENTITIES = [
    {"id": "example-person", "type": "person", "name": "Example Person", "aliases": ["E. Person"]},
    {"id": "sample-city", "type": "place", "name": "Sample City",
     "historical_names": [{"text": "Old Sample", "valid_to": "1990"}]},
    {"id": "demo-org", "type": "org", "name": "Demo Organisation", "abbreviations": ["DO"]},
]

needs_mentions = pytest.mark.skipif(not hasattr(Resolver, "find_mentions"), reason="Resolver.find_mentions")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Shared with test_cache.py: the default gazetteer's index is built once per test session.
    return tmp_path_factory.getbasetemp() / "namematch-cache"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, cache_dir: Path) -> None:
    # One cache for the session: the default index is built once, then loaded (the cache's hit path).
    monkeypatch.setenv("NAMEMATCH_CACHE_DIR", str(cache_dir))
    monkeypatch.delenv("NAMEMATCH_NO_CACHE", raising=False)


def _mine_jsonl(directory: Path) -> Path:
    p = directory / "mine.jsonl"
    p.write_text("".join(json.dumps(e) + "\n" for e in ENTITIES), encoding="utf-8")
    return p


@pytest.fixture
def mine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Small gazetteers build in milliseconds: their entries go to a cache of their own.
    monkeypatch.setenv("NAMEMATCH_CACHE_DIR", str(tmp_path / "cache"))
    p = tmp_path / "mine.jsonl"
    p.write_text("".join(json.dumps(e) + "\n" for e in ENTITIES), encoding="utf-8")
    return p


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(argv: list[str], stdin: str | bytes = "", *, tty: bool = False,
        err_tty: bool = False) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``resolve argv`` with this stdin (bytes: a binary stream)."""
    inp = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8") if isinstance(stdin, bytes) else io.StringIO(stdin)
    out = Tty() if tty else io.StringIO()
    err = Tty() if err_tty else io.StringIO()
    status = main(argv, stdin=inp, stdout=out, stderr=err)
    assert "Traceback" not in err.getvalue()
    return status, out.getvalue(), err.getvalue()


def small(path: Path) -> list[str]:
    return ["--no-default", "--gazetteer", str(path)]


def jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


# -- names ------------------------------------------------------------------------------------------------

def test_name_arguments_default_to_jsonl_on_a_pipe() -> None:
    """One JSON line per name, in order, with the best match; exit 0 when all resolve."""
    status, out, _ = run(["Qasym-Zhomart Toqaev", "Tokajew"])
    recs = jsonl(out)
    assert status == 0
    assert [r["query"] for r in recs] == ["Qasym-Zhomart Toqaev", "Tokajew"]
    assert [r["match"]["id"] for r in recs] == ["kassym-jomart-tokayev"] * 2
    assert set(recs[0]["match"]) >= {"id", "name", "type", "score"}


def test_unresolved_name_exits_1(mine: Path) -> None:
    """A name nothing matches gives a record with a null match and exit status 1."""
    status, out, _ = run([*small(mine), "Example Person", "Zzyzx Qwertyuiop"])
    assert status == 1
    assert [r["match"] and r["match"]["id"] for r in jsonl(out)] == ["example-person", None]


def test_table_is_the_default_on_a_terminal(mine: Path) -> None:
    """A terminal gets an aligned table with a header; unresolved cells show '-'."""
    status, out, _ = run([*small(mine), "Example Person", "Nothing Like It"], tty=True)
    lines = out.splitlines()
    assert status == 1
    assert lines[0].split() == ["query", "match_id", "match_name", "match_type", "match_score"]
    assert "example-person" in lines[1] and "1.000" in lines[1]
    assert lines[2].split()[-4:] == ["-", "-", "-", "-"]
    assert lines[1].index("example-person") == lines[0].index("match_id")


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "json", "jsonl"])
def test_every_format_round_trips(fmt: str, mine: Path) -> None:
    """Each --format parses back to the same records."""
    status, out, _ = run([*small(mine), "--format", fmt, "Example Person", "Sample City"])
    assert status == 0
    if fmt == "json":
        ids = [r["match"]["id"] for r in json.loads(out)]
    elif fmt == "jsonl":
        ids = [r["match"]["id"] for r in jsonl(out)]
    elif fmt in ("csv", "tsv"):
        rows = list(csv.DictReader(io.StringIO(out), delimiter="\t" if fmt == "tsv" else ","))
        ids = [r["match_id"] for r in rows]
        assert float(rows[0]["match_score"]) == 1.0
    else:
        ids = [line.split()[2] for line in out.splitlines()[1:]]
    assert ids == ["example-person", "sample-city"]


def test_json_with_no_records_is_an_empty_array(mine: Path) -> None:
    """--format json always writes one JSON document."""
    status, out, _ = run([*small(mine), "--format", "json"], "")
    assert (status, json.loads(out)) == (0, [])


def test_limit_lists_candidates(mine: Path) -> None:
    """--limit N adds up to N candidates, best first (JSON list; flat 'id:score|...' column)."""
    status, out, _ = run([*small(mine), "--limit", "3", "--threshold", "0.3", "Exampel Persen"])
    (rec,) = jsonl(out)
    assert status == 0
    scores = [c["score"] for c in rec["candidates"]]
    assert 1 <= len(scores) <= 3 and scores == sorted(scores, reverse=True)
    assert rec["candidates"][0] == rec["match"]
    _, out, _ = run([*small(mine), "--limit", "3", "--threshold", "0.3", "--format", "csv", "Exampel Persen"])
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["candidates"].split("|")[0].startswith(row["match_id"] + ":")


def test_threshold(mine: Path) -> None:
    """--threshold raises the bar: a misspelling clears 0.7 but not 1.0."""
    assert run([*small(mine), "Exampel Persn"])[0] == 0
    status, out, _ = run([*small(mine), "--threshold", "1.0", "Exampel Persn"])
    assert status == 1 and jsonl(out)[0]["match"] is None


def test_type_filter() -> None:
    """--type keeps only entities of that type."""
    _, out, _ = run(["--type", "place", "Nur-Sultan"])
    assert jsonl(out)[0]["match"]["type"] == "place"
    _, out, _ = run(["--type", "person", "--type", "org", "Nur-Sultan"])
    match = jsonl(out)[0]["match"]
    assert match is None or match["type"] in ("person", "org")


def test_date_prefers_names_in_use(mine: Path) -> None:
    """--date: a historical name matches as itself while in use; later a name in use ranks first."""
    _, out, _ = run([*small(mine), "--date", "1980-06-01", "--explain", "Old Sample"])
    then = jsonl(out)[0]["match"]
    assert (then["id"], then["matched"]) == ("sample-city", "Old Sample")
    assert "not in use" not in then["explanation"]
    status, out, _ = run([*small(mine), "--date", "2020-01-01", "--explain", "Old Sample"])
    now = jsonl(out)[0]["match"]
    assert status == 0 and now["id"] == "sample-city"
    assert now["matched"] != "Old Sample" or "not in use on the requested date" in now["explanation"]


def test_explain(mine: Path) -> None:
    """--explain adds the evidence: a JSON field, a CSV column, lines under a table row."""
    _, out, _ = run([*small(mine), "--explain", "E. Person"])
    assert "example-person: matched" in jsonl(out)[0]["match"]["explanation"]
    _, out, _ = run([*small(mine), "--explain", "--format", "csv", "E. Person"])
    assert "example-person: matched" in next(csv.DictReader(io.StringIO(out)))["explanation"]
    _, out, _ = run([*small(mine), "--explain", "--format", "table", "E. Person"])
    assert re.search(r"^    example-person: matched", out, re.M)


def test_gazetteer_merged_over_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--gazetteer adds entities to the default; --no-default uses only the given ones."""
    monkeypatch.chdir(tmp_path)
    mine = _mine_jsonl(tmp_path)  # the file of the --help example: its index is built once
    _, out, _ = run(["--gazetteer", "mine.jsonl", "Example Person", "Toqaev"])
    assert [r["match"]["id"] for r in jsonl(out)] == ["example-person", "kassym-jomart-tokayev"]
    status, out, _ = run([*small(mine), "Toqaev"])
    assert status == 1 and jsonl(out)[0]["match"] is None


def test_bad_gazetteer_records_are_reported_with_line_numbers(tmp_path: Path) -> None:
    """Bad records of a gazetteer file: path:line on stderr, the good ones used, exit 1."""
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps(ENTITIES[0]) + "\n{oops\n" + json.dumps({"id": "x", "type": "nope", "name": "X"}) + "\n")
    status, out, err = run([*small(p), "Example Person"])
    assert status == 1
    assert jsonl(out)[0]["match"]["id"] == "example-person"
    assert re.search(rf"^resolve: {re.escape(str(p))}:2: bad JSON", err, re.M)
    assert re.search(rf"^resolve: {re.escape(str(p))}:3: ", err, re.M)


@pytest.mark.parametrize("args", [["--no-default"], ["--gazetteer", "missing.jsonl"],
                                  ["--gazetteer", "mine.xml"]])
def test_unusable_gazetteer_exits_2(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No gazetteer, a missing file or an unknown format: one clear line, exit 2."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.xml").write_text("<x/>")
    status, out, err = run([*args, "Example Person"])
    assert status == 2 and out == ""
    assert err.startswith("resolve: ") and len(err.splitlines()) == 1


def test_compare() -> None:
    """--compare scores two names: exit 0 when they match, 1 when not; JSON with --explain evidence."""
    status, out, _ = run(["--compare", "Amir Khan Muttaqi", "Amir Jan Mutaki", "--format", "json",
                          "--explain"])
    (rec,) = json.loads(out)
    assert status == 0 and rec["match"] is True and 0 < rec["score"] <= 1 and rec["evidence"]
    status, out, _ = run(["--compare", "Example Person", "Sample City", "--format", "table"])
    assert status == 1 and "no match" in out


def test_quiet_silences_problems_but_not_the_status(mine: Path) -> None:
    """--quiet: no per-record lines on stderr; the exit status still says some were bad."""
    status, out, err = run([*small(mine), "--quiet"], "Example Person\n\nSample City\n")
    assert (status, err) == (1, "")
    assert len(jsonl(out)) == 2


def test_no_cache_leaves_no_entry(mine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--no-cache neither reads nor writes the cache."""
    monkeypatch.setenv("NAMEMATCH_CACHE_DIR", str(tmp_path / "fresh"))
    status, out, _ = run([*small(mine), "--no-cache", "Example Person"])
    assert status == 0 and jsonl(out)[0]["match"]["id"] == "example-person"
    assert not (tmp_path / "fresh").exists()
    run([*small(mine), "Example Person"])
    assert len(list((tmp_path / "fresh").glob("*.idx"))) == 1


# -- streams ----------------------------------------------------------------------------------------------

def test_stdin_lines_with_bad_lines(mine: Path) -> None:
    """One name per line: an empty or undecodable line is reported by number, the rest come out in order."""
    data = b"Example Person\n\nSample City\n\xff\xfeoops\nDemo Organisation\r\n"
    status, out, err = run(small(mine), data)
    recs = jsonl(out)
    assert status == 1
    assert [r["query"] for r in recs] == ["Example Person", "Sample City", "Demo Organisation"]
    assert re.findall(r"^resolve: <stdin>:(\d+): ", err, re.M) == ["2", "4"]
    assert "bad UTF-8" in err
    assert len(recs) + 2 == 5


def test_stdin_through_sys_stdin(mine: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Without explicit streams main() reads sys.stdin and writes sys.stdout."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("E. Person\nOld Sample\n"))
    assert main([*small(mine), "--format", "tsv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out), delimiter="\t"))
    assert [(r["query"], r["match_id"]) for r in rows] == [("E. Person", "example-person"),
                                                            ("Old Sample", "sample-city")]


def test_jsonl_field_keeps_the_record(mine: Path) -> None:
    """--field: each object keeps its fields and gains 'match'; bad lines are reported by number."""
    lines = [
        {"id": 7, "who": "Example Person", "extra": [1, 2]},
        "{not json",
        [1, 2],
        {"id": 8},
        {"id": 9, "who": 42},
        {"id": 10, "who": "  "},
        {"id": 11, "who": "Sample City"},
    ]
    data = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n"
    status, out, err = run([*small(mine), "--field", "who"], data)
    recs = jsonl(out)
    assert status == 1
    assert [(r["id"], r["match"]["id"]) for r in recs] == [(7, "example-person"), (11, "sample-city")]
    assert recs[0]["extra"] == [1, 2]
    assert re.findall(r"^resolve: <stdin>:(\d+): ", err, re.M) == ["2", "3", "4", "5", "6", "8"]
    assert "bad JSON" in err and "no field 'who'" in err and "must be a string, got int" in err


def test_jsonl_to_csv(mine: Path) -> None:
    """JSON Lines in, CSV out: the columns of the first record plus the match columns."""
    data = json.dumps({"k": 1, "who": "Example Person"}) + "\n" + json.dumps({"k": 2, "who": "Nope Nope"}) + "\n"
    status, out, _ = run([*small(mine), "--field", "who", "--format", "csv"], data)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 1
    assert [(r["k"], r["match_id"]) for r in rows] == [("1", "example-person"), ("2", "")]


@pytest.mark.parametrize("sep", [",", "\t"])
def test_csv_column_keeps_the_row(sep: str, mine: Path) -> None:
    """--column: CSV or TSV (a tab in the header) in, the row's columns kept; bad rows reported by line."""
    q = '"' if sep == "," else ""
    rows = [f"id{sep}who{sep}note", f"1{sep}Example Person{sep}a", f"2{sep}Sample City", f"3{sep}{sep}c",
            f'4{sep}Demo Organisation{sep}{q}two{chr(10) if q else " "}lines{q}', f"5{sep}E. Person{sep}e"]
    status, out, err = run([*small(mine), "--column", "who", "--format", "csv"], "\n".join(rows) + "\n")
    got = list(csv.DictReader(io.StringIO(out)))
    assert status == 1
    assert [(r["id"], r["match_id"]) for r in got] == [("1", "example-person"), ("4", "demo-org"),
                                                       ("5", "example-person")]
    assert got[1]["note"] in ("two\nlines", "two lines")
    assert re.findall(r"^resolve: <stdin>:(\d+): ", err, re.M) == ["3", "4"]
    assert "expected 3 fields, got 2" in err and "column 'who' is empty" in err


def test_csv_without_the_column_exits_2(mine: Path) -> None:
    """A header without the --column is a usage error naming the columns there are."""
    status, out, err = run([*small(mine), "--column", "who"], "id,name\n1,Example Person\n")
    assert status == 2 and out == ""
    assert "no column 'who'" in err and "'name'" in err


def test_empty_csv_input(mine: Path) -> None:
    """No input at all: no records, exit 0."""
    assert run([*small(mine), "--column", "who"], "") == (0, "", "")


def test_output_streams_before_the_input_ends(mine: Path) -> None:
    """Records are written as they are read: the input is never read whole."""
    consumed = 0
    seen_at_first_write: list[int] = []

    def lines() -> Iterator[str]:
        nonlocal consumed
        for _ in range(500):
            consumed += 1
            yield "Example Person\n"

    class Out(io.StringIO):
        def write(self, s: str) -> int:
            if not seen_at_first_write:
                seen_at_first_write.append(consumed)
            return super().write(s)

    class In:
        def __iter__(self) -> Iterator[str]:
            return lines()

    out = Out()
    assert main(small(mine), stdin=In(), stdout=out, stderr=io.StringIO()) == 0  # type: ignore[arg-type]
    assert seen_at_first_write and seen_at_first_write[0] < 10
    assert len(out.getvalue().splitlines()) == 500


def test_100k_jsonl_with_1_percent_bad_lines(mine: Path) -> None:
    """100k JSON lines, 1% malformed: every good record comes out, in order; every bad one is reported
    by its line number; records out + problems reported == records in."""
    n = 100_000
    names = ["Example Person", "Sample City", "Demo Organisation", "E. Person", "Old Sample", "Nobody Known"]
    bad_kinds = ["{broken", '{"i": %d}', '{"i": %d, "who": 5}', "[%d]", ""]
    lines, bad = [], []
    for i in range(1, n + 1):
        if i % 100 == 37:
            kind = bad_kinds[(i // 100) % len(bad_kinds)]
            lines.append(kind % i if "%d" in kind else kind)
            bad.append(i)
        else:
            lines.append(json.dumps({"i": i, "who": names[i % len(names)]}))
    status, out, err = run([*small(mine), "--field", "who"], ("\n".join(lines) + "\n").encode())
    recs = [json.loads(x) for x in out.splitlines()]
    reported = [int(x) for x in re.findall(r"^resolve: <stdin>:(\d+): ", err, re.M)]
    assert status == 1
    assert [r["i"] for r in recs] == [i for i in range(1, n + 1) if i % 100 != 37]
    assert reported == bad and len(bad) == n // 100
    assert len(recs) + len(reported) == n
    assert all((r["match"] is None) == (r["who"] == "Nobody Known") for r in recs)


def test_progress_only_on_a_terminal(mine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Progress goes to stderr when it is a terminal and the input is long; never on a pipe."""
    monkeypatch.setattr(nm_cli, "_PROGRESS_AFTER", 0.0)
    monkeypatch.setattr(nm_cli, "_PROGRESS_EVERY", 0.0)
    data = "Example Person\n" * 300
    _, out, err = run(small(mine), data, err_tty=True)
    assert "\rresolve: 256 records" in err and err.endswith("\r\033[K")
    assert len(out.splitlines()) == 300
    assert run(small(mine), data)[2] == ""
    assert run([*small(mine), "--quiet"], data, err_tty=True)[2] == ""


# -- text -------------------------------------------------------------------------------------------------

TEXT = "President Tokayev met Mutaki in Nur-Sultan. The Kazakh side agreed.\n"


@needs_mentions
def test_text_mentions(tmp_path: Path) -> None:
    """--text FILE lists mentions with offsets that slice back to their text."""
    p = tmp_path / "news.txt"
    p.write_text(TEXT, encoding="utf-8")
    status, out, _ = run(["--text", str(p)])
    recs = jsonl(out)
    assert status == 0
    assert [r["id"] for r in recs][:3] == ["kassym-jomart-tokayev", "amir-khan-muttaqi", "astana"]
    for r in recs:
        assert TEXT[r["start"]:r["end"]] == r["text"]
        assert {"start", "end", "text", "id", "name", "type", "score"} <= set(r)
    _, out, _ = run(["--text", str(p), "--format", "tsv"])
    assert next(csv.DictReader(io.StringIO(out), delimiter="\t"))["text"] == "Tokayev"


@needs_mentions
def test_text_from_stdin_options() -> None:
    """--text - reads stdin; --type and --demonyms shape the list; no mention exits 1."""
    _, out, _ = run(["--text", "-", "--type", "place"], TEXT)
    assert [r["id"] for r in jsonl(out)] == ["astana"]
    _, out, _ = run(["--text", "-", "--demonyms", "--date", "2020-01-01"], TEXT)
    assert "demonym" in [r.get("form") for r in jsonl(out)]
    assert run(["--text", "-"], "nothing to see here\n")[:2] == (1, "")


@needs_mentions
def test_canonicalize() -> None:
    """--canonicalize writes the text back with canonical names."""
    status, out, _ = run(["--text", "-", "--canonicalize"], TEXT)
    assert status == 0
    assert out.startswith("President Kassym-Jomart Tokayev met Amir Khan Muttaqi in Astana.")
    assert out.endswith("\n")


def test_unreadable_text_file_exits_2(tmp_path: Path) -> None:
    """A missing or unreadable --text file: one line naming it, exit 2."""
    status, _, err = run(["--text", str(tmp_path / "missing.txt")])
    assert status == 2 and "missing.txt" in err
    status, _, err = run(["--text", str(tmp_path)])
    assert status == 2 and str(tmp_path) in err


# -- usage and failures -----------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["--field", "a", "--column", "b"],
    ["--text", "-", "Some Name"],
    ["--canonicalize", "Some Name"],
    ["--demonyms", "Some Name"],
    ["--compare", "A", "B", "Some Name"],
    ["--limit", "0", "Some Name"],
    ["--threshold", "1.5", "Some Name"],
    ["--date", "2020-13-45", "Some Name"],
    ["--type", "planet", "Some Name"],
    ["--format", "xml", "Some Name"],
    ["--no-such-option"],
])
def test_usage_errors_exit_2(argv: list[str]) -> None:
    """Bad options: a message on stderr, exit 2, nothing on stdout, no traceback."""
    status, out, err = run(argv)
    assert status == 2 and out == ""
    assert "resolve: " in err


def test_broken_pipe_is_quiet(mine: Path) -> None:
    """The reader going away (`| head`) ends the command quietly (status 141, like SIGPIPE)."""
    class Closed(io.StringIO):
        def write(self, s: str) -> int:
            raise BrokenPipeError

    err = io.StringIO()
    status = main(small(mine), stdin=io.StringIO("Example Person\n" * 10), stdout=Closed(), stderr=err)
    assert status == 141 and err.getvalue() == ""


def test_interrupt_is_quiet(mine: Path) -> None:
    """Ctrl-C: one line, status 130, no traceback."""
    class Interrupted:
        def __iter__(self) -> Iterator[str]:
            yield "Example Person\n"
            raise KeyboardInterrupt

    err = io.StringIO()
    status = main(small(mine), stdin=Interrupted(), stdout=io.StringIO(), stderr=err)  # type: ignore[arg-type]
    assert status == 130 and "interrupted" in err.getvalue() and "Traceback" not in err.getvalue()


# -- --help and its examples ------------------------------------------------------------------------------

def _examples() -> list[str]:
    return [re.split(r"\s{2,}", line.strip())[0] for line in EXAMPLES.splitlines()
            if re.match(r"\s+(resolve|printf|echo) ", line)]


def test_help_has_examples() -> None:
    """--help prints usage, options and the examples; exit 0."""
    status, out, _ = run(["--help"])
    assert status == 0
    assert "--field KEY" in out and "--column NAME" in out and "--text FILE" in out
    assert "examples:" in out and "exit status" in out
    assert len(_examples()) >= 10


def _printf(fmt: str) -> str:
    return fmt.encode().decode("unicode_escape")


@pytest.mark.parametrize("example", _examples())
def test_help_examples_run(example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example in --help runs and succeeds (a pipe's left side is fed to stdin)."""
    monkeypatch.chdir(tmp_path)
    _mine_jsonl(tmp_path)
    stdin = ""
    if " | " in example:
        left, example = example.split(" | ", 1)
        cmd, arg = shlex.split(left)
        stdin = _printf(arg) if cmd == "printf" else arg + "\n"
    argv = shlex.split(example)
    assert argv[0] == "resolve"
    if "--text" in argv and not hasattr(Resolver, "find_mentions"):
        pytest.skip("Resolver.find_mentions")
    status, out, err = run(argv[1:], stdin)
    assert status == 0, err
    assert out.strip()


# -- the installed command --------------------------------------------------------------------------------

def _command() -> list[str]:
    """The installed console script, else ``python -m namematch``."""
    exe = shutil.which("resolve")
    if exe:
        return [exe]
    return [sys.executable, "-m", "namematch"]


def _env_for_subprocess(cache_dir: Path) -> dict[str, str]:
    env = dict(os.environ, NAMEMATCH_CACHE_DIR=str(cache_dir))
    if not shutil.which("resolve"):  # python -m namematch: the package this test imported
        where = str(Path(nm_cli.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (where, env.get("PYTHONPATH", "")) if p)
    return env


def test_console_command(cache_dir: Path) -> None:
    """The installed `resolve` (or `python -m namematch`) resolves a name in a fresh process."""
    try:
        proc = subprocess.run([*_command(), "Qasym-Zhomart Toqaev"], capture_output=True, text=True,
                              env=_env_for_subprocess(cache_dir), timeout=120, check=False)
    except OSError as exc:  # pragma: no cover
        pytest.skip(f"cannot run the command: {exc}")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["match"]["id"] == "kassym-jomart-tokayev"
    assert proc.stderr == ""


@pytest.mark.skipif(not shutil.which("head") or os.name != "posix", reason="needs a POSIX shell and head")
def test_console_command_into_head(cache_dir: Path) -> None:
    """`... | resolve | head -1`: the closed pipe ends the command without a traceback."""
    cmd = " ".join(shlex.quote(c) for c in _command())
    script = f"for i in $(seq 20000); do echo Toqaev; done | {cmd} | head -1"
    proc = subprocess.run(["sh", "-c", script], capture_output=True, text=True, env=_env_for_subprocess(cache_dir),
                          timeout=120, check=False)
    assert json.loads(proc.stdout)["match"]["id"] == "kassym-jomart-tokayev"
    assert "Traceback" not in proc.stderr and "Exception" not in proc.stderr


def test_output_error_exits_2(mine: Path) -> None:
    """An output that fails (a full disk) is one line on stderr and exit 2."""
    class Full(io.StringIO):
        def write(self, s: str) -> int:
            raise OSError(28, "No space left on device")

    err = io.StringIO()
    assert main([*small(mine), "Example Person"], stdout=Full(), stderr=err) == 2
    assert err.getvalue() == "resolve: No space left on device\n"
