"""Command line: `python -m build_tools check|build|site|serve|replies|urls|tables|schema`.

Every command validates the tree first (`check` also the hand-written pages' front matter);
problems are printed one per line as `file:line:col: message`, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from build_tools.derive.derive import Derived, derive
from build_tools.render.text import reply_text
from build_tools.tree.model import LANGUAGES, Tree
from build_tools.derive.paths import absolute_url
from build_tools.tree.problems import HelpCentreError, InvalidPages, InvalidTree, Notice
from build_tools.tree.schema import schema_text
from build_tools.settings import PUBLISHED_URLS, ROOT, TREE_DIR, check_site_url, site_settings, site_url
from build_tools.publish.builder import BUILDERS, build_site
from build_tools.publish.front_matter import check_pages, page_files
from build_tools.publish.promise import broken, promise_problems, read_promise, updated
from build_tools.publish.serve import serve
from build_tools.publish.site import generate_all, site_urls
from build_tools.tree.read import check
from build_tools.publish.write import AtomicFolder, CannotWrite, write_files

SCHEMA_FILE = TREE_DIR / "schema.json"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except HelpCentreError as error:
        print(error, file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader of our output went away (`| head`): nothing to say
        return 1
    except OSError as error:  # a read-only checkout, a full disk: a message, not a traceback
        print(CannotWrite(error), file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate the decision tree")
    check.add_argument("tree", nargs="?", type=Path, default=TREE_DIR)
    check.set_defaults(run=_check)

    build = commands.add_parser("build", help="write the generated Markdown, without MkDocs")
    _common(build)
    build.add_argument("--out", type=Path, default=Path("build/pages"),
                       help="folder to write (replaced atomically; default build/pages)")
    build.set_defaults(run=_build)

    site = commands.add_parser("site", help="build the whole site: pages, builder, URL checks")
    _common(site)
    site.add_argument("--builder", choices=BUILDERS, default="mkdocs", help="default mkdocs")
    site.add_argument("--out", type=Path, default=None,
                      help="folder to write (replaced atomically; default: site_dir of mkdocs.yml)")
    _languages(site)
    site.set_defaults(run=_site)

    serve = commands.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild on edits")
    serve.add_argument("--builder", choices=BUILDERS, default="mkdocs", help="default mkdocs")
    serve.add_argument("--port", type=int, default=8000)
    _languages(serve)
    serve.set_defaults(run=_serve)

    replies = commands.add_parser("replies", help="export every outcome's reply text")
    _common(replies)
    replies.add_argument("--format", choices=("csv", "json"), default="csv")
    replies.add_argument("--lang", choices=LANGUAGES, default=None, help="one language (default all)")
    replies.set_defaults(run=_replies)

    urls = commands.add_parser("urls", help="list published URLs; --update records new ones")
    _common(urls)
    urls.add_argument("--update", action="store_true", help=f"add new URLs to {PUBLISHED_URLS.name}")
    urls.set_defaults(run=_urls)

    tables = commands.add_parser("tables", help="remake render/search/tables.json (needs the dev packages)")
    tables.add_argument("--check", action="store_true", help="fail if the file is out of date")
    tables.set_defaults(run=_tables)

    schema = commands.add_parser("schema", help="write the JSON Schema for editors' IDEs")
    schema.add_argument("--check", action="store_true", help="fail if schema.json is out of date")
    schema.set_defaults(run=_schema)
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--tree", type=Path, default=TREE_DIR, help="the decision tree folder")
    command.add_argument("--site-url", default=None, help="public address (default: mkdocs.yml)")


def _languages(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", action="append", choices=LANGUAGES, default=None,
                         help="build only this language (repeatable; the Chinese root always)")


def _check(args: argparse.Namespace) -> int:
    pages = check_pages()  # the hand-written pages' front matter, which MkDocs would not report
    try:
        derived = _derived(args.tree)
    except InvalidTree:
        if pages:
            print(InvalidPages(pages), file=sys.stderr)
        raise
    if pages:
        raise InvalidPages(pages)
    print(f"OK: {_summary(derived.tree)}; {len(page_files())} hand-written pages")
    return 0


def _derived(tree_dir: Path, promise: bool = True) -> Derived:
    """The checked tree, derived; its notices printed; raises InvalidTree with every problem,
    the broken URL promises included (the site build refuses the same)."""
    checked = check(tree_dir)
    _print(checked.notices)
    if checked.tree is None:
        raise InvalidTree(checked.problems)  # sorted, once each, as every command prints them
    derived = derive(checked.tree)
    if promise:
        problems, notices = promise_problems(derived, LANGUAGES, tree_dir)
        _print(notices)
        if problems:
            raise InvalidTree(problems)
    return derived


def _print(notices: list[Notice]) -> None:
    for notice in sorted(notices):
        print(notice, file=sys.stderr)


def _site_url(args: argparse.Namespace) -> str:
    return check_site_url(args.site_url, "--site-url") if args.site_url is not None else site_url()


def _summary(tree: Tree) -> str:
    return (f"{len(tree.questions())} questions, {len(tree.outcomes())} outcomes, "
            f"{len(tree.tips())} tips, {len(tree.sources)} sources, {len(tree.redirects)} redirects")


def _build(args: argparse.Namespace) -> int:
    url = _site_url(args)
    derived = _derived(args.tree)
    sites = list(generate_all(derived, LANGUAGES, url).values())
    folder = AtomicFolder(args.out)
    staging = folder.begin()
    try:
        for site in sites:
            write_files(staging / site.lang, site.files)
    except BaseException:
        folder.abort()
        raise
    folder.commit()
    pages = sum(len(s.files) for s in sites)
    print(f"Wrote {pages} files for {len(sites)} languages to {args.out}")
    return 0


def _site(args: argparse.Namespace) -> int:
    out = args.out or ROOT / site_settings().get("site_dir", "site")
    print(build_site(out, _site_url(args), args.builder, args.lang or LANGUAGES, args.tree))
    return 0


def _serve(args: argparse.Namespace) -> int:
    return serve(args.port, args.builder, args.lang or LANGUAGES)


def _replies(args: argparse.Namespace) -> int:
    url = _site_url(args)
    derived = _derived(args.tree, promise=False)
    rows = [{"id": o.id, "lang": lang, "title": o.title[lang],
             "url": absolute_url(url, lang, derived.path(o.id)),
             "reply": reply_text(o, lang, url, derived)}
            for lang in ([args.lang] if args.lang else LANGUAGES)
            for o in derived.tree.outcomes()]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        sys.stdout.write(out.getvalue())
    return 0


def _urls(args: argparse.Namespace) -> int:
    derived = _derived(args.tree, promise=False)  # a broken promise is reported below
    current = set().union(*(site_urls(derived, lang) for lang in LANGUAGES))
    promise = read_promise(args.tree)
    _print(list(promise.notices))
    if args.update and not promise.problems:  # a file it cannot read is not rewritten
        text, added = updated(promise, current)
        try:
            promise.file.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CannotWrite(error, promise.file) from None
        promise = read_promise(args.tree)  # what the file promises now
        print(f"{promise.file}: {len(promise.promised)} URLs ({len(added)} added)")
    elif not args.update:
        print("\n".join(sorted(current)))
    problems = [*promise.problems, *broken(derived, LANGUAGES, promise)]
    for problem in sorted(problems):
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _schema(args: argparse.Namespace) -> int:
    return _generated_file(SCHEMA_FILE, schema_text(), "schema", args.check)


def _tables(args: argparse.Namespace) -> int:
    from build_tools.render.search.tables import TABLES, make_tables

    return _generated_file(TABLES, make_tables(), "tables", args.check)


def _generated_file(path: Path, text: str, command: str, check: bool) -> int:
    """Write a generated, checked-in file, or with --check only say whether it is up to date."""
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path}: out of date; run `python -m build_tools {command}`", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"Wrote {path}")
    return 0
