"""One claim in many articles: the `same-as:` links between claims, checked and resolved once every file is read.

A claim with `same-as: YEAR/SLUG#ID` is the same claim as that one, relayed in another article: it
keeps its own words, claimant, relays and note (what this article adds), and takes the verdict
(status, evidence, checked) of the claim at the end of its links, the one without `same-as`. Every
such group is a SharedClaim, with its appearances in date order (docs/format.md).
"""

from __future__ import annotations

from .model import Article, Claim, SharedClaim, appearance_date
from .problems import Problems, did_you_mean, shown_cycle

ARTICLES_PREFIX = "articles/"


def ref_of(article: Article, claim_id: str) -> str:
    return f"{article.stem[len(ARTICLES_PREFIX) :]}#{claim_id}"


def link(articles: list[Article], problems: Problems) -> dict[str, SharedClaim]:
    """The shared claims, by key, after reporting every link to a claim that does not exist and every cycle."""
    by_ref: dict[str, Claim] = {}
    ids_by_stem: dict[str, list[str]] = {}
    for article in articles:
        stem = article.stem[len(ARTICLES_PREFIX) :]
        ids_by_stem[stem] = [c.id for c in article.claims]
        for claim in article.claims:
            by_ref[ref_of(article, claim.id)] = claim

    def known(claim: Claim, ref: str, name: str) -> bool:
        if ref in by_ref:
            return True
        stem, claim_id = ref.split("#", 1)
        if stem in ids_by_stem:
            hint = did_you_mean(claim_id, ids_by_stem[stem], "claim ids of " + stem)
        else:
            hint = did_you_mean(stem, ids_by_stem, "articles")
        shown, line = claim.article.sidecar_shown, claim.link_line
        problems.add(shown, line, "unknown-claim-ref", claim.id, name=name, value=ref, hint=hint)
        return False

    linked = [c for c in by_ref.values() if c.same_as]
    broken = set()
    for claim in by_ref.values():
        for ref in claim.distinct_from:
            known(claim, ref, "distinct-from")
        if claim.same_as and not known(claim, claim.same_as, "same-as"):
            broken.add(id(claim))

    roots: dict[int, Claim | None] = {}  # id(claim) -> the claim holding its verdict (None: unresolved)
    reported_cycles = set()
    for claim in linked:
        path, seen, current = [], set(), claim
        while current.same_as and id(current) not in roots:
            if id(current) in broken:
                current = None
                break
            if id(current) in seen:
                cycle = path[path.index(current) :]
                members = frozenset(id(c) for c in cycle)
                if members not in reported_cycles:
                    reported_cycles.add(members)
                    first = min(cycle, key=lambda c: (c.article.src, c.number))
                    at = cycle.index(first)
                    chain = shown_cycle([c.ref for c in [*cycle[at:], *cycle[:at], first]])
                    problems.add(first.article.sidecar_shown, first.link_line, "same-as-cycle", first.id, chain=chain)
                current = None
                break
            seen.add(id(current))
            path.append(current)
            current = by_ref[current.same_as]
        root = roots.get(id(current)) if current is not None and current.same_as else current
        for member in path:
            roots[id(member)] = root

    groups: dict[int, list[Claim]] = {}
    for claim in linked:
        root = roots.get(id(claim))
        if root is not None:
            groups.setdefault(id(root), [root]).append(claim)
    shared = []
    for members in groups.values():
        root = members[0]
        appearances = sorted(members, key=lambda c: (appearance_date(c), c.article.src, c.number))
        key = f"{root.article.stem[len(ARTICLES_PREFIX) :]}/{root.id}"
        group = SharedClaim(key, root, appearances)
        for member in members:
            member.shared = group
            if member is not root:
                member.status, member.evidence, member.checked = root.status, root.evidence, root.checked
        shared.append(group)
    shared.sort(key=lambda g: (appearance_date(g.first), g.key))
    return {group.key: group for group in shared}
