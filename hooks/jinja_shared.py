"""{% archive_shared name, key %}...{% endarchive_shared %}: a Jinja extension for the theme overrides.

Theme glue, not archive logic: it knows Jinja, not claims. hooks/mkdocs_hooks.py adds it to
MkDocs's Jinja environment (with `archive_shared`, the cache of one build, and
`archive_shared_off`, set by the test that builds with and without it).
"""

from __future__ import annotations

from jinja2 import nodes
from jinja2.ext import Extension


class ArchiveShared(Extension):
    """{% archive_shared name, key %}...{% endarchive_shared %}: the part is rendered once per key.

    Used by overrides/partials/nav.html and tabs.html (keyed by the folder of a page kept out of
    the navigation: thousands of article and list pages show the same navigation, its links
    being relative), and header.html, partials/search.html and main.html's config block (keyed
    by base_url: the same on every page of a folder). A false key (a page in the navigation,
    which marks itself active) renders as usual.
    """

    tags = {"archive_shared"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        args = [parser.parse_expression()]
        parser.stream.expect("comma")
        args.append(parser.parse_expression())
        body = parser.parse_statements(("name:endarchive_shared",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_render", args), [], [], body).set_lineno(lineno)

    def _render(self, name, key, caller):
        if not key or self.environment.archive_shared_off:
            return caller()
        shared = self.environment.archive_shared
        if (name, key) not in shared:
            shared[name, key] = caller()
        return shared[name, key]
