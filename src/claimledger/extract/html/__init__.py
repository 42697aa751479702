"""HTML page → Document: parse once, take the comment thread out, then the article."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from claimledger.errors import E, InputError
from claimledger.extract.html.article import extract_article
from claimledger.extract.html.comments import extract_comments, marked_elements
from claimledger.extract.layout import layout
from claimledger.model import Document

MAX_DEPTH = 400
# true when some element sits MAX_DEPTH + 1 levels down from the document root
_DEEPER_THAN_MAX = etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")
# lxml.html picks each element's class in a Python callback (forms, inputs and labels get
# their own classes), once per element proxy: a fifth of the page's taking apart. Nothing here
# or in trafilatura uses the form classes, so every element is a plain HtmlElement, chosen in C.
_CLASS_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement,
    comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
)


def parse_html(markup: str, uri: str) -> lxml_html.HtmlElement:
    """Parse leniently as a browser would; refuse pages nested deeper than MAX_DEPTH."""
    try:
        # HTML comments and processing instructions go at parse time: frameworks strew
        # `<!-- -->` inside sentences, and text extractors cut a paragraph at the first one
        parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True)
        parser.set_element_class_lookup(_CLASS_LOOKUP)
        tree = lxml_html.document_fromstring(markup, parser=parser)
    except Exception as exc:  # lxml raises ParserError/ValueError on hopeless input
        raise InputError(E.UNDECODABLE, input=uri, detail=f"not parseable as HTML: {exc}") from None
    if any("Excessive depth" in e.message for e in parser.error_log):
        # libxml2 stops reading at 256 levels: the rest of the page would be lost silently
        raise InputError(E.TOO_DEEP, input=uri, depth="more than 256", limit=256)
    if _DEEPER_THAN_MAX(tree):  # one XPath walk in C; the exact depth only when refusing
        raise InputError(E.TOO_DEEP, input=uri, depth=_max_depth(tree), limit=MAX_DEPTH)
    return tree


def _max_depth(root: lxml_html.HtmlElement) -> int:
    deepest = 0
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > deepest:
            deepest = depth
            if deepest > MAX_DEPTH:
                return deepest
        stack.extend((child, depth + 1) for child in node)
    return deepest


def extract_html(markup: str, uri: str) -> Document:
    """Take an HTML page apart into the record's text, sections and comment tree."""
    tree = parse_html(markup, uri)
    # the comment candidates and the caption candidates come from one read of the page's
    # class, id and itemprop values
    candidates, captions = marked_elements(tree)
    comments = extract_comments(tree, candidates)
    article = extract_article(tree, markup, uri, exclude=comments.nodes, captions=captions)
    return layout(uri, "text/html", article, comments)
