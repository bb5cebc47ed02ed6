"""Generate the torture corpus: every kind of broken input a scrape contains.

    python tests/data/make_torture.py DEST [--huge-mb 50] [--line-mb 5]

writes ``DEST/files/`` (a directory of .txt/.html files, with a symlink loop and a
dangling link) and ``DEST/records.jsonl`` (bad JSONL records), to be run as
``newsclaims extract DEST/files DEST/records.jsonl -o OUT``. :func:`make_torture`
returns the expected error type (or None) of every document in input order;
tests/test_robustness.py runs it into a temporary directory (nothing is committed).
"""
from __future__ import annotations

import argparse
import json
import os
import random
from pathlib import Path

ARTICLE = ("The storm killed at least 12 people in northern Portugal on Saturday, the civil "
           "protection agency said. About 3,000 homes lost power near Braga, and the regional "
           "government said repairs would take until the end of the week.\n\n"
           "\"We have never seen water this high,\" the mayor of Braga told reporters on Sunday.\n")

FRENCH = ("Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs "
          "touchés par la sécheresse. Selon le ministère, plus de 3 000 exploitations sont "
          "concernées dans le sud du pays, et les aides seront versées avant la fin du mois.\n")

SUBJECTS = ("The minister", "Police", "The company", "Officials in Lisbon", "The union",
            "Rescue teams", "The central bank")
OBJECTS = ("that {n} people were evacuated on Monday", "that prices rose by {n} percent in {y}",
           "a budget of ${n} million for the region", "that {n} homes were damaged near Porto")

ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
 <!ENTITY ext SYSTEM "http://example.invalid/evil.dtd">
]>
<html><body><p>&lol9; &ext;</p></body></html>
"""

#: external references of every kind: none may be fetched
EXTERNAL_HTML = """<!DOCTYPE html SYSTEM "http://example.invalid/html.dtd">
<html><head><link rel="stylesheet" href="http://example.invalid/a.css">
<style>@import url("http://example.invalid/b.css");</style>
<script src="http://example.invalid/c.js"></script>
<meta http-equiv="refresh" content="0; url=http://example.invalid/">
<base href="http://example.invalid/"></head>
<body><article><h1>Storm hits Braga</h1>
<img src="http://example.invalid/d.png" srcset="http://example.invalid/e.png 2x">
<iframe src="http://example.invalid/f.html"></iframe>
<p>The storm killed at least 12 people in northern Portugal on Saturday, the civil protection
agency said.</p><p>About 3,000 homes lost power near Braga, <a href="http://example.invalid/g">the
regional government</a> said.</p></article></body></html>
"""


def huge_article(chars: int, seed: int = 0) -> str:
    """An English article of about ``chars`` characters in paragraphs of 3-6 sentences."""
    rnd = random.Random(seed)
    out, size, para = ["Storm hits the coast as thousands flee\n\n"], 0, []
    while size < chars:
        obj = rnd.choice(OBJECTS).format(n=rnd.randint(2, 90_000), y=rnd.randint(1990, 2030))
        para.append(f"{rnd.choice(SUBJECTS)} said {obj}.")
        if len(para) >= rnd.randint(3, 6):
            text = " ".join(para) + "\n\n"
            out.append(text)
            size += len(text)
            para = []
    return "".join(out)


def long_line(chars: int) -> str:
    """One line of English words without any punctuation."""
    words = ("the storm hit the city and people fled to the river while police closed "
             "the roads near the old bridge for most of the day").split()
    out, size, i = [], 0, 0
    while size < chars:
        out.append(words[i % len(words)])
        size += len(words[i % len(words)]) + 1
        i += 1
    return " ".join(out)


def make_torture(dest: str | os.PathLike[str], *, huge_chars: int = 5_000_000,
                 line_chars: int = 1_000_000) -> list[str | None]:
    """Write the corpus under ``dest``; return the expected error types in input order."""
    dest = Path(dest)
    files = dest / "files"
    files.mkdir(parents=True, exist_ok=True)
    cases: dict[str, tuple[bytes, str | None]] = {
        "a_good.txt": (ARTICLE.encode(), None),
        "b_empty.txt": (b"", "empty"),
        "c_whitespace.txt": (b" \n\t\r\n  \n", "empty"),
        "d_binary.txt": (bytes(range(256)) * 8, "undecodable"),
        "e_png.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(64), "undecodable"),
        "f_latin1.txt": ("Prices at the café in Zürich rose to £300, the owner said on Monday.\n"
                         .encode("latin-1"), None),
        "g_bom.txt": (b"\xef\xbb\xbf" + ARTICLE.encode(), None),
        "h_invalid_utf8.txt": (ARTICLE.encode()[:120] + b"\xff\xfe\xc3(" + ARTICLE.encode()[120:], None),
        "i_huge.txt": (huge_article(huge_chars).encode(), None),
        "j_long_line.txt": (long_line(line_chars).encode(), None),
        "k_french.txt": ((FRENCH * 3).encode(), "unsupported_language"),
        "l_malformed.html": (b"<html><body><p>The storm <b>killed <i>12</b> people</i> in <<<Braga>>> "
                             b"on Saturday, officials said &#xFFFFFFFF; &bogus; <div <p>Roads were "
                             b"closed near Braga on Sunday, the police said", None),
        "m_entity_bomb.html": (ENTITY_BOMB.encode(), "empty"),
        "n_nested.html": (("<html><body>" + "<div><span>" * 50_000 + "<p>" + ARTICLE + "</p>"
                           + "</span></div>" * 50_000 + "</body></html>").encode(), None),
        "o_script.html": (("<html><head><script>" + "var x = 1;\n" * 200_000 + "</script></head><body>"
                           "<article><p>" + ARTICLE + "</p></article></body></html>").encode(), None),
        "p_external.html": (EXTERNAL_HTML.encode(), None),
        "q_unreadable.txt": (ARTICLE.encode(), "unreadable"),
    }
    try:
        import py3langid  # noqa: F401
    except ImportError:  # without it no language is detected
        cases["k_french.txt"] = (cases["k_french.txt"][0], None)
    expected = []
    for name, (data, error) in cases.items():
        (files / name).write_bytes(data)
        expected.append(error)
    os.chmod(files / "q_unreadable.txt", 0)
    if os.access(files / "q_unreadable.txt", os.R_OK):  # root reads anything: then it is readable
        expected[-1] = None
    os.symlink(".", files / "r_loop")            # a directory symlink loop: walked once
    os.symlink("missing.txt", files / "s_dangling.txt")  # points nowhere: not an input
    records = [json.dumps({"id": "dup", "text": ARTICLE}), "{not json",
               json.dumps({"id": "dup", "text": ARTICLE}),
               json.dumps({"id": "../../etc/passwd", "text": ARTICLE}),
               json.dumps({"id": "no-body", "title": "nothing"}), json.dumps([1, 2, 3]),
               json.dumps({"id": "nul", "text": "Police said\u0000 12 people died in Braga."}),
               # a lone surrogate escape: valid JSON, but no UTF-8 output can hold it
               '{"id": "lone-surrogate", "text": "Police said 12 people \\ud800 died in Braga."}']
    (dest / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    expected += [None, "invalid_json", None, None, "invalid_record", "invalid_record", None, None]
    return expected


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dest")
    ap.add_argument("--huge-mb", type=float, default=5.0, help="size of the huge article (MB)")
    ap.add_argument("--line-mb", type=float, default=1.0, help="size of the unpunctuated line (MB)")
    args = ap.parse_args()
    expected = make_torture(args.dest, huge_chars=int(args.huge_mb * 1e6),
                            line_chars=int(args.line_mb * 1e6))
    print(f"{len(expected)} documents in {args.dest}/files and {args.dest}/records.jsonl")


if __name__ == "__main__":
    main()
