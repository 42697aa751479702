"""Reading inputs: charsets, gzip, directories, URLs from a local server, and every bad input."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimledger
from claimledger.errors import E, InputError
from claimledger.pipeline import Options, analyze_page
from claimledger.sources import RawInput, iter_inputs, read_input
from tests.conftest import assert_spans_ok

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "harbour-ceasefire.html"


def analyze_path(path: Path | str, **kw: object) -> claimledger.Document:
    page = read_input(RawInput(str(path), "file"))
    return analyze_page(page, Options(nlp="none", **kw))


def test_html_told_by_content_not_extension(tmp_path: Path) -> None:
    target = tmp_path / "page.txt"
    target.write_bytes(EXAMPLE.read_bytes())
    doc = analyze_path(target)
    assert doc.media_type == "text/html"
    plain = tmp_path / "notes.html"
    plain.write_text("Just a line of text\n\nAnd a paragraph that says nothing.\n", "utf-8")
    assert analyze_path(plain).media_type == "text/plain"


def test_gzip_input_reads_like_the_page(tmp_path: Path) -> None:
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(EXAMPLE.read_bytes()))
    a, b = analyze_path(gz), analyze_path(EXAMPLE)
    # the id hashes the page's bytes once transport compression is undone: same page, same id
    assert a.text == b.text and a.id == b.id


@pytest.mark.parametrize(
    ("data", "charset", "found_by"),
    [
        ("\ufeffCafé olé\n\nUn texte.".encode(), "utf-8", "bom"),
        (
            '<html><head><meta charset="iso-8859-1"></head><body><p>Café</p></body></html>'.encode(
                "latin-1"
            ),
            "cp1252",
            "meta",
        ),
        (
            "<html><body><p>Grüße aus Köln und überall, schöne Grüße</p></body></html>".encode(
                "cp1252"
            ),
            None,
            "detected",
        ),
        ("Réunion à Genève\n\nLe texte du café.".encode("utf-16"), "utf-16-le", "bom"),
    ],
    ids=["utf8-bom", "meta-latin1", "detected-cp1252", "utf16-bom"],
)
def test_charset_found_and_recorded(
    tmp_path: Path, data: bytes, charset: str | None, found_by: str
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    doc = analyze_path(path)
    assert doc.charset is not None and doc.charset.found_by == found_by
    if charset:
        assert doc.charset.name == charset
    assert "Caf" in doc.text or "Gr" in doc.text or "Réunion" in doc.text
    assert "Ã" not in doc.text


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.html", b"", E.EMPTY),
        ("blank.txt", b"  \n\n \t\n", E.EMPTY),
        ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, E.BINARY),
        ("nul.txt", b"hello\x00world" * 50, E.BINARY),
        ("pdf.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", E.BINARY),
        ("truncated.html.gz", gzip.compress(b"<p>x</p>" * 200, mtime=0)[:40], E.BAD_GZIP),
    ],
    ids=lambda v: v if isinstance(v, str) and "." in v else "",
)  # fmt: skip
def test_bad_input_gets_one_clear_error(tmp_path: Path, name: str, data: bytes, code: E) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        analyze_path(path)
    assert info.value.error is code
    assert str(path) in info.value.message and code.code in info.value.message


def test_size_limit_is_stated(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<html><body>" + b"<p>word</p>" * 2000 + b"</body></html>")
    with pytest.raises(InputError) as info:
        read_input(RawInput(str(path), "file"), max_bytes=10_000)
    assert info.value.error is E.TOO_LARGE and "10,000" in info.value.message


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>"))
    with pytest.raises(InputError) as info:
        read_input(RawInput(str(path), "file"), max_bytes=1_000_000)
    assert info.value.error is E.TOO_LARGE


def test_html_nested_thousands_deep(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>")
    with pytest.raises(InputError) as info:
        analyze_path(path)
    assert info.value.error is E.TOO_DEEP and str(path) in info.value.message


def test_directory_and_glob_expand_in_stable_order(tmp_path: Path) -> None:
    for name in ("b.html", "a.txt", "c.htm.gz", "skip.png", "sub/d.html"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    names = [Path(i.uri).name for i in iter_inputs([str(tmp_path)])]
    assert names == ["a.txt", "b.html", "c.htm.gz", "d.html"]
    globbed = [Path(i.uri).name for i in iter_inputs([str(tmp_path / "*.html")])]
    assert globbed == ["b.html"]
    missing = list(iter_inputs([str(tmp_path / "nope.html"), str(tmp_path / "*.xyz")]))
    assert [type(m) for m in missing] == [InputError, InputError]
    assert missing[0].error is E.NOT_FOUND and missing[1].error is E.NO_INPUTS


# -- URLs, served by a real local HTTP server ---------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/story":
            body = EXAMPLE.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/latin":
            body = "<html><body><p>Ils sont allés à Genève, déjà.</p></body></html>".encode(
                "latin-1"
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=ISO-8859-1")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/slow":
            time.sleep(3)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/boom":
            self.send_response(500)
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_input(server: str) -> None:
    page = read_input(RawInput(f"{server}/story", "url"))
    doc = analyze_page(page, Options(nlp="none"))
    assert doc.uri == f"{server}/story" and doc.title is not None
    assert "Port Aldren" in doc.title.text
    assert_spans_ok(doc)


def test_url_charset_from_http_header(server: str) -> None:
    doc = analyze_page(read_input(RawInput(f"{server}/latin", "url")), Options(nlp="none"))
    assert doc.charset is not None and doc.charset.found_by == "http"
    assert "Genève" in doc.text


@pytest.mark.parametrize(("path", "needle"), [("/missing", "404"), ("/boom", "500")])
def test_url_error_status(server: str, path: str, needle: str) -> None:
    with pytest.raises(InputError) as info:
        read_input(RawInput(f"{server}{path}", "url"))
    assert info.value.error is E.HTTP_STATUS and needle in info.value.message
    assert path in info.value.message


def test_url_timeout(server: str) -> None:
    with pytest.raises(InputError) as info:
        read_input(RawInput(f"{server}/slow", "url"), timeout=0.5)
    assert info.value.error is E.HTTP_FAILED and "timed out" in info.value.message


def test_url_refused() -> None:
    with pytest.raises(InputError) as info:
        read_input(RawInput("http://127.0.0.1:9/none", "url"), timeout=2)
    assert info.value.error is E.HTTP_FAILED
