"""The claim store: what was read and found, kept in one SQLite file between runs.

A fact-checker adds each day's articles and asks what changed.  A
:class:`ClaimStore` keeps the articles, their sentences, attributions and
claims, the index's entry pairs and the links it found, and the clusters, in
plain tables that any SQLite tool can browse (``docs/store.md`` describes
them).  Adding articles analyses only the new or changed ones and compares only
their claims: the index is taken back from the file without comparing anything
again (:meth:`claimtrack.clusters.ClaimIndex.restore`).

* Idempotent: an article already stored with the same content changes nothing;
  one whose content changed (same id) replaces its old rows; duplicate ids in
  one input are reported and the later ones left out.
* Crash-safe: each batch of articles is one transaction (SQLite in WAL mode),
  so a run killed at any moment leaves no partial article, and running it again
  completes the work.  The links and clusters, which new articles may change
  everywhere, are rewritten once at the end of an add (and on opening a store
  whose last add was cut short).
* Incremental equals batch: the stored claims, canonical speakers and clusters
  do not depend on how the articles were split into runs, nor on their order.

>>> import tempfile, pathlib, claimtrack
>>> path = pathlib.Path(tempfile.mkdtemp()) / "claims.db"
>>> with ClaimStore(path) as store:
...     report = store.add(claimtrack.read_articles("seeds"))
...     print(report.added, report.unchanged, [c.relation for c in store.clusters()][:3])
2 0 ['drift', 'repetition', 'agreement']
>>> with ClaimStore(path) as store:
...     print(store.add(claimtrack.read_articles("seeds")).unchanged, len(store.articles()))
2 2
"""

from __future__ import annotations

import concurrent.futures
import csv
import datetime as dt
import functools
import hashlib
import itertools
import json
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, NoReturn

import attrs

from claimtrack.analysis import Analysis, ArticleAnalysis, paused_gc
from claimtrack.articles import Article, checked_articles, content_hash
from claimtrack.attributions import Attribution, Role, SentenceKind
from claimtrack.changes import Change
from claimtrack.claims import Claim
from claimtrack.claimtext import ClaimText, packed, prepare, same_source_name, unpacked
from claimtrack.clusters import (
    SAME_CLAIM,
    Cluster,
    Conflict,
    Link,
    cluster_order,
    entry_key,
)
from claimtrack.exceptions import ClaimtrackError, DuplicateArticleError
from claimtrack.relations import Relation
from claimtrack.sentences import Sentence, SentenceSplitter, agency_of
from claimtrack.spans import Span
from claimtrack.speakers import SpeakerIndex
from claimtrack.tracker import (
    ClaimTracker,
    Stages,
    link_order,
    merge_analyses,
    named_across,
    related_pairs,
    speaker_timeline,
)
from claimtrack.workers import analysed

__all__ = ["ClaimStore", "IngestReport", "StoreError"]

#: The version of the tables this module writes (``PRAGMA user_version``).
SCHEMA_VERSION = 7
#: Marks a file as a claimtrack store (``PRAGMA application_id``: "ClTk").
APPLICATION_ID = 0x436C546B
#: How long to wait for a store another process is writing, in seconds.
BUSY_TIMEOUT = 10.0

_SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,       -- derived: fresh, or stale while links and clusters
    value TEXT NOT NULL         -- are not yet rewritten for the articles last added
);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    date TEXT,                  -- ISO 8601
    url TEXT,
    source TEXT,                -- the outlet
    content_hash TEXT NOT NULL, -- of the text and metadata: unchanged articles are skipped
    text TEXT NOT NULL,         -- exactly as read
    added TEXT NOT NULL,        -- when it was stored (UTC, ISO 8601)
    seq INTEGER NOT NULL        -- the order of adding
);
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,     -- character offsets into articles.text
    end INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    dateline_start INTEGER,
    dateline_end INTEGER,
    boilerplate INTEGER NOT NULL,
    kind TEXT NOT NULL,         -- attributed, unattributed or boilerplate
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE attributions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    kind TEXT NOT NULL,         -- direct, indirect or mixed
    speaker TEXT,               -- the mention as written
    speaker_spans TEXT,         -- JSON [[start, end], ...]
    cue TEXT,
    cue_spans TEXT,
    content TEXT NOT NULL,
    content_spans TEXT NOT NULL,
    speaker_name TEXT,          -- as resolved in its article (see the speakers view)
    speaker_type TEXT NOT NULL,
    pattern TEXT NOT NULL,      -- the rule that found it
    resolution TEXT NOT NULL,   -- why the speaker was named so
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,        -- <article id>#<sentence index>
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    date TEXT,
    outlet TEXT,
    speakers TEXT NOT NULL,     -- JSON lists
    cues TEXT NOT NULL,
    contents TEXT NOT NULL,
    named_speakers TEXT NOT NULL,
    prepared TEXT NOT NULL,     -- JSON: the claim prepared for comparison
    entry TEXT,                 -- key of its words (claims with one key repeat each other)
    seq INTEGER NOT NULL,
    agency TEXT,                -- the news agency its article's dateline credits ("AP")
    keys BLOB                   -- the index's band and weak keys of its words (or NULL)
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_entry ON claims(entry);
CREATE TABLE links (
    a TEXT NOT NULL,            -- claim ids, the earlier first
    b TEXT NOT NULL,
    relation TEXT NOT NULL,     -- repetition, agreement, drift or related
    score REAL NOT NULL,
    changes TEXT NOT NULL,      -- JSON [{type, a: words, b: words}]
    evidence TEXT NOT NULL,     -- JSON list of reasons
    basis TEXT NOT NULL,        -- words, content or part
    kept INTEGER NOT NULL,      -- believed (corroborated) or held back
    PRIMARY KEY (a, b)
);
CREATE INDEX links_b ON links(b);
CREATE TABLE entry_pairs (
    x TEXT NOT NULL,            -- entry keys of claims the index found related
    y TEXT NOT NULL,
    PRIMARY KEY (x, y)
);
CREATE TABLE clusters (
    id TEXT PRIMARY KEY,        -- the id of its origin claim
    relation TEXT NOT NULL,
    size INTEGER NOT NULL,
    independent INTEGER NOT NULL,
    outlets TEXT NOT NULL,      -- JSON list, in timeline order
    conflicts TEXT NOT NULL,    -- JSON
    first_date TEXT,
    last_date TEXT,
    signature TEXT NOT NULL,    -- of its members and relation: what changed is compared on it
    seen TEXT NOT NULL,         -- when it first appeared (UTC)
    changed TEXT NOT NULL       -- when its members or relation last changed (UTC)
);
CREATE TABLE cluster_members (
    cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    position INTEGER NOT NULL,  -- in timeline order
    report TEXT NOT NULL,       -- its report: copies of one wire story share one
    PRIMARY KEY (cluster_id, position)
);
CREATE INDEX cluster_members_claim ON cluster_members(claim_id);
CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='rowid');
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE VIEW cluster_view AS
    SELECT m.cluster_id, c.relation AS cluster_relation, m.position, k.id AS claim_id,
           k.article_id, a.source AS outlet, k.date, k.text
    FROM cluster_members m
    JOIN clusters c ON c.id = m.cluster_id
    JOIN claims k ON k.id = m.claim_id
    JOIN articles a ON a.id = k.article_id;
"""


class StoreError(ClaimtrackError, OSError):
    """A store that cannot be used: not a claimtrack store, newer, locked, failing."""


@attrs.frozen
class IngestReport:
    """What :meth:`ClaimStore.add` did.

    Attributes:
        added: Articles new to the store.
        replaced: Articles whose id was stored with other content, now replaced.
        unchanged: Articles stored before with the same content, left alone.
        duplicates: Errors for articles whose id came twice in the input (the
            later ones are left out).
    """

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: tuple[DuplicateArticleError, ...] = ()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


#: JSON with text as written (``json.dumps(..., ensure_ascii=False)`` makes an
#: encoder for every call).
_TEXT_JSON = json.JSONEncoder(ensure_ascii=False).encode


def _text_list(values: Sequence[str]) -> str:
    """A JSON list of strings (most claims' lists are empty)."""
    return _TEXT_JSON(values) if values else "[]"


def _spans(role: Role | None) -> str | None:
    return None if role is None else json.dumps([s.as_list() for s in role.spans])


def _role(text: str, spans: str | None) -> Role | None:
    if spans is None:
        return None
    return Role.from_spans(text, [Span(s, e) for s, e in json.loads(spans)])


def _strings(data: str) -> tuple[str, ...]:
    """A JSON list of strings as a tuple (most claims' lists are empty)."""
    return () if data == "[]" else tuple(json.loads(data))


@functools.lru_cache(maxsize=1 << 14)
def _names(data: str) -> tuple[str, ...]:
    """:func:`_strings` for lists that repeat from claim to claim (speakers, cues):
    read once, one copy kept."""
    return _strings(data)


#: The columns :func:`_claim` reads, in its order.
_CLAIM_COLUMNS = (
    "id, article_id, sentence_index, start, end, text, date, outlet, speakers, cues, "
    "contents, named_speakers, agency"
)

#: The columns :func:`_link` reads, in its order.
_LINK_COLUMNS = "a, b, relation, score, changes, evidence, basis"


def _claim(row: Sequence[Any]) -> Claim:
    """A claim from a row of :data:`_CLAIM_COLUMNS` (and maybe more after them); the
    values its article's claims share (article, date, outlet, agency) kept once."""
    return Claim(
        id=row[0],
        article_id=_shared(row[1]),
        sentence_index=row[2],
        start=row[3],
        end=row[4],
        text=row[5],
        date=_date(row[6]) if row[6] else None,
        outlet=_shared(row[7]) if row[7] else row[7],
        speakers=_names(row[8]),
        cues=_names(row[9]),
        contents=_strings(row[10]),
        named_speakers=_names(row[11]),
        agency=_shared(row[12]) if row[12] else row[12],
    )


_shared = sys.intern
_date = functools.lru_cache(maxsize=1 << 12)(dt.date.fromisoformat)


def _link(row: Sequence[Any], claims: dict[str, Claim]) -> Link:
    """A link from a row of :data:`_LINK_COLUMNS`, its claims looked up by id."""
    return Link(
        claims[row[0]],
        claims[row[1]],
        Relation(row[2], row[3], _changes(row[4]), _strings(row[5]), row[6]),
    )


def _changes(data: str) -> tuple[Change, ...]:
    if data == "[]":
        return ()
    return tuple(Change(t, tuple(a), tuple(b)) for t, a, b in json.loads(data))


class ClaimStore:
    """Claims kept in an SQLite file, added to incrementally; the accessors of a
    :class:`~claimtrack.tracker.ClaimTracker`.

    Args:
        path: The store's file (made if missing).
        splitter: The sentence splitter for new articles.
        batch: Articles analysed and written per transaction.
        analyzer: What analyses a batch of new articles (default:
            :func:`~claimtrack.analysis.analyze` with ``splitter``); another one
            must give what it gives, as :func:`claimtrack.dask.analyzer` does on
            a Dask cluster while this store stays the one writer.
        jobs: Processes that analyse new articles when there is no ``analyzer``
            (see :mod:`claimtrack.workers`); the store is written by this one.

    Raises:
        StoreError: the file is not a claimtrack store, was written by a newer
            claimtrack, or cannot be opened.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        splitter: SentenceSplitter | None = None,
        batch: int = 500,
        analyzer: Callable[[Sequence[Article]], Analysis] | None = None,
        jobs: int = 1,
    ) -> None:
        self.path = Path(path)
        self.jobs = jobs
        self.batch = max(1, batch)
        self.splitter = splitter or SentenceSplitter.default()
        self.analyzer = analyzer
        self._db = self._open()
        self._tracker: ClaimTracker | None = None
        self._analyses: list[ArticleAnalysis] | None = None
        self._compare_all = False

    # -- opening --
    def _open(self) -> sqlite3.Connection:
        existed = self.path.exists() and self.path.stat().st_size > 0
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from None
        try:
            db.execute("PRAGMA foreign_keys = ON")
            if existed:
                self._check(db)
            else:
                self._create(db)
            db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as exc:
            db.close()
            raise StoreError(f"{self.path}: {self._why(exc)}") from None
        except StoreError:
            db.close()
            raise
        return db

    def _why(self, exc: sqlite3.Error) -> str:
        text = str(exc)
        if "not a database" in text or "file is encrypted" in text:
            return "not a claimtrack store (not an SQLite database): give another --db file"
        if "locked" in text or "busy" in text:
            return f"the store is busy: another process is writing it (waited {BUSY_TIMEOUT:.0f} s)"
        return f"the store failed: {text}"

    def _check(self, db: sqlite3.Connection) -> None:
        app = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if app != APPLICATION_ID:
            raise StoreError(
                f"{self.path}: not a claimtrack store (an SQLite file of another program): "
                "give another --db file"
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer claimtrack (schema {version}, this one reads "
                f"up to {SCHEMA_VERSION}): upgrade claimtrack"
            )
        if any(step not in _MIGRATIONS for step in range(version, SCHEMA_VERSION)):
            raise StoreError(f"{self.path}: a damaged store (schema {version}): ingest anew")
        if version < SCHEMA_VERSION:  # the migration path, all steps in one transaction
            db.execute("BEGIN IMMEDIATE")
            try:
                for step in range(version, SCHEMA_VERSION):
                    _MIGRATIONS[step](db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _create(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN")
        for statement in _statements(_SCHEMA):
            db.execute(statement)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")

    def close(self) -> None:
        """Close the file."""
        self._db.close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- adding --
    def add(
        self,
        articles: Iterable[Article],
        *,
        progress: Callable[[int], None] | None = None,
        stages: Stages | None = None,
    ) -> IngestReport:
        """Store new and changed articles, link their claims to everything stored.

        Articles are read as they come and taken in batches of :attr:`batch`;
        each batch is analysed, linked and written in one transaction, so an
        interruption loses at most the batch under way, and adding again
        completes the work.

        Args:
            articles: The articles.
            progress: Called with the number of articles done after each batch.
            stages: Called as ``stages(name, done, total)`` for the stages after
                analysing: ``"reading the store"`` and ``"indexing the store"`` (its
                claims taken back, before the first batch goes into a store
                holding some: see :meth:`tracker`), ``"indexing"`` a
                batch's claims, ``"linking"`` and ``"writing"`` the links and
                clusters of everything stored.

        Raises:
            TypeError: ``articles`` is not an iterable of :class:`Article`.
            StoreError: the store cannot be written (it is then as before the batch).
        """
        known = dict(self._db.execute("SELECT id, content_hash FROM articles"))
        seen: dict[str, str] = {}
        duplicates: list[DuplicateArticleError] = []
        counts = {"added": 0, "replaced": 0, "unchanged": 0}

        def wanted() -> Iterator[Article]:
            """The articles to store: new ones, and changed ones (same id)."""
            for article in checked_articles(articles, "ClaimStore.add"):
                digest = content_hash(article)
                if article.id in seen:
                    if seen[article.id] != digest:
                        duplicates.append(
                            DuplicateArticleError(
                                f"article id {article.id!r} comes twice in the input with "
                                "other content: the later one is left out"
                            )
                        )
                    continue
                seen[article.id] = digest
                if known.get(article.id) == digest:
                    counts["unchanged"] += 1
                    continue
                yield article

        for items, prepared, keys in self._analysed_batches(wanted()):
            stale = [item.article.id for item in items if item.article.id in known]
            self._write_batch(items, stale, stages, prepared, keys)
            counts["replaced"] += len(stale)
            counts["added"] += len(items) - len(stale)
            if progress is not None:
                progress(sum(counts.values()))
        if counts["added"] or counts["replaced"]:
            self._refresh(stages)
        return IngestReport(**counts, duplicates=tuple(duplicates))

    def _analysed_batches(
        self, articles: Iterator[Article]
    ) -> Iterator[
        tuple[
            list[ArticleAnalysis],
            dict[tuple[str, str], ClaimText] | None,
            dict[tuple[str, str], bytes],
        ]
    ]:
        """Batches of :attr:`batch` articles analysed, speakers named within each
        batch, with their claims prepared (and their MinHash key rows made) where
        that was done on the side: on
        ``jobs`` processes, the next batch is analysed while one is stored."""
        if self.analyzer is not None:
            # the next batch is analysed on a thread (an analyser on a cluster waits
            # for its workers without holding the interpreter) while one is stored
            analyse = self.analyzer
            with concurrent.futures.ThreadPoolExecutor(1, "claimtrack-analyser") as ahead:
                batch = list(itertools.islice(articles, self.batch))
                pending = ahead.submit(analyse, batch) if batch else None
                while pending is not None:
                    batch = list(itertools.islice(articles, self.batch))
                    following = ahead.submit(analyse, batch) if batch else None
                    try:
                        yield list(pending.result().articles), None, {}
                    except BaseException:
                        if following is not None:
                            following.cancel()
                        raise
                    pending = following
            return
        made: dict[tuple[str, str], bytes] = {}  # key rows made on the workers
        stream = analysed(
            articles,
            self.splitter,
            jobs=self.jobs,
            ahead=self.batch,
            prepared=self.jobs > 1,
            keys=made,
        )
        while chunk := list(itertools.islice(stream, self.batch)):
            texts = {key: text for _, found in chunk for key, text in found.items()}
            keys = {key: row for key in texts if (row := made.pop(key, None)) is not None}
            yield list(merge_analyses([item for item, _ in chunk]).articles), texts or None, keys

    def _write_batch(
        self,
        items: Sequence[ArticleAnalysis],
        replacing: Sequence[str],
        stages: Stages | None = None,
        prepared: dict[tuple[str, str], ClaimText] | None = None,
        keys: dict[tuple[str, str], bytes] | None = None,
    ) -> None:
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            if replacing:
                db.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in replacing])
                self._tracker = None  # its index holds the old claims: taken back anew
            tracker = self.tracker(stages=stages)
            first = len(tracker.index.claims)
            tracker._add_analysed(items, stages, prepared, keys)
            self._analyses = None
            seq = db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
            for item in items:
                seq += 1
                self._insert_article(item, seq)
            self._insert_claims(tracker, first)
            self._write_pairs(tracker, full=bool(replacing))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('derived', 'stale')")
            db.execute("COMMIT")
        except BaseException as exc:
            self._rollback(exc)

    def _rollback(self, exc: BaseException) -> NoReturn:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        self._tracker = None  # the file is as before the batch: so is the index
        self._analyses = None
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"{self.path}: {self._why(exc)}") from None
        raise exc

    def _write_pairs(self, tracker: ClaimTracker, full: bool = True) -> None:
        """The index's entry pairs, written as they changed.  Unless ``full`` (after a
        replacement, or a migration), only the pairs the index found since last
        written are new: no pair goes when articles are only added, and the pairs
        stored need not be held in memory."""
        if not full and not self._compare_all:
            new = tracker.index.take_pairs()
            self._db.executemany("INSERT OR IGNORE INTO entry_pairs VALUES (?, ?)", new)
            return
        rows = set(tracker.index.state())
        stored = set(self._db.execute("SELECT x, y FROM entry_pairs"))
        self._db.execute("DELETE FROM meta WHERE key = 'index'")  # the pairs are current
        self._compare_all = False
        self._db.executemany("DELETE FROM entry_pairs WHERE x = ? AND y = ?", list(stored - rows))
        self._db.executemany("INSERT OR IGNORE INTO entry_pairs VALUES (?, ?)", list(rows - stored))

    def _refresh(self, stages: Stages | None = None) -> None:
        """Rewrite the links and clusters for everything stored (once per :meth:`add`,
        or when opening a store whose last add was cut short)."""
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            tracker = self.tracker(stages=stages)
            with paused_gc():  # links and clusters of everything: objects that live on
                if stages is not None:
                    stages("linking", 0, 0)
                    tracker.clusters()
                    stages("writing", 0, 0)
                self._write_links(tracker)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('derived', 'fresh')")
            db.execute("COMMIT")
        except BaseException as exc:
            self._rollback(exc)

    def _insert_article(self, item: ArticleAnalysis, seq: int) -> None:
        article = item.article
        self._db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.title,
                article.date.isoformat() if article.date else None,
                article.url,
                article.source,
                content_hash(article),
                article.text,
                _now(),
                seq,
            ),
        )
        self._db.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article.id,
                    s.index,
                    s.start,
                    s.end,
                    s.paragraph,
                    s.dateline.start if s.dateline else None,
                    s.dateline.end if s.dateline else None,
                    int(s.boilerplate),
                    kind,
                )
                for s, kind in zip(item.sentences, item.kinds, strict=True)
            ],
        )
        self._db.executemany(
            "INSERT INTO attributions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article.id,
                    k,
                    a.sentence.start,
                    a.sentence.end,
                    a.kind,
                    a.speaker.text if a.speaker else None,
                    _spans(a.speaker),
                    a.cue.text if a.cue else None,
                    _spans(a.cue),
                    a.content.text,
                    _spans(a.content),
                    a.speaker_name,
                    a.speaker_type,
                    a.pattern,
                    a.resolution,
                )
                for k, a in enumerate(item.attributions)
            ],
        )

    def _insert_claims(self, tracker: ClaimTracker, first: int) -> None:
        index = tracker.index
        keys = self._taken_keys(tracker)
        seq = self._db.execute("SELECT coalesce(max(seq), 0) FROM claims").fetchone()[0]
        rows = []
        for claim, text in zip(index.claims[first:], index.texts[first:], strict=True):
            seq += 1
            rows.append(
                (
                    claim.id,
                    claim.article_id,
                    claim.sentence_index,
                    claim.start,
                    claim.end,
                    claim.text,
                    claim.date.isoformat() if claim.date else None,
                    claim.outlet,
                    _text_list(claim.speakers),
                    _text_list(claim.cues),
                    _text_list(claim.contents),
                    _text_list(claim.named_speakers),
                    packed(text),
                    index.entry_key(claim.id),
                    seq,
                    claim.agency,
                    keys.pop(claim.id, None),
                )
            )
        last = self._db.execute("SELECT coalesce(max(rowid), 0) FROM claims").fetchone()[0]
        self._db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
        # indexed for search at once, not row by row (a trigger per row costs twice
        # the insert itself)
        self._db.execute(
            "INSERT INTO claims_fts(rowid, text) SELECT rowid, text FROM claims WHERE rowid > ?",
            (last,),
        )
        # keys computed for claims stored before (taking back a store that lacked them)
        self._db.executemany(
            "UPDATE claims SET keys = ? WHERE id = ?", [(v, k) for k, v in keys.items()]
        )

    def _taken_keys(self, tracker: ClaimTracker) -> dict[str, bytes]:
        """The index keys computed since last written, by claim id; keys stored under
        other parameters of the index are dropped first."""
        parameters = tracker.index.key_parameters
        stored = self._db.execute("SELECT value FROM meta WHERE key = 'keys'").fetchone()
        if stored is None or stored[0] != parameters:
            self._db.execute("UPDATE claims SET keys = NULL WHERE keys IS NOT NULL")
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('keys', ?)", (parameters,))
        return tracker.index.take_keys()

    def _write_links(self, tracker: ClaimTracker) -> None:
        """Links and clusters as they now stand (they may change for old claims too:
        an earlier copy, a new tie, a merged cluster)."""
        db = self._db
        kept = {(k.a.id, k.b.id) for k in tracker.links()}
        before = {(row[0], row[1]): row for row in db.execute("SELECT * FROM links")}
        rows = []
        for k in tracker.index.links():
            row = (
                k.a.id,
                k.b.id,
                k.relation,
                k.score,
                json.dumps([[c.type, list(c.a), list(c.b)] for c in k.changes]),
                json.dumps(list(k.evidence)),
                k.basis,
                int((k.a.id, k.b.id) in kept),
            )
            if before.pop((k.a.id, k.b.id), None) != row:  # only links that changed
                rows.append(row)
        db.executemany("DELETE FROM links WHERE a = ? AND b = ?", list(before))
        db.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self._write_clusters(tracker.clusters())

    def _write_clusters(self, clusters: Sequence[Cluster]) -> None:
        """The clusters as they now stand: only those that changed are written again
        (a new member, relation, report or conflict), those gone are deleted."""
        db = self._db
        before = {row[0]: row[1:] for row in db.execute("SELECT * FROM clusters")}
        members_before: dict[str, list[tuple[str, str]]] = {}
        for cluster_id, claim_id, report in db.execute(
            "SELECT cluster_id, claim_id, report FROM cluster_members ORDER BY cluster_id, position"
        ):
            members_before.setdefault(cluster_id, []).append((claim_id, report))
        now = _now()
        rows: list[tuple[Any, ...]] = []
        member_rows: list[tuple[str, str, int, str]] = []
        stale: list[str] = []
        for cluster in clusters:
            members = [m.id for m in cluster.members]
            signature = hashlib.blake2b(
                json.dumps([cluster.relation, members]).encode(), digest_size=12
            ).hexdigest()
            dates = [m.date.isoformat() for m in cluster.members if m.date]
            row = (
                cluster.relation,
                len(members),
                cluster.independent,
                _TEXT_JSON(cluster.outlets),
                _TEXT_JSON(
                    [[c.kind, [[v, list(ids)] for v, ids in c.values]] for c in cluster.conflicts]
                ),
                min(dates) if dates else None,
                max(dates) if dates else None,
                signature,
            )
            pairs = list(zip(members, cluster.reports, strict=True))
            old = before.pop(cluster.id, None)
            if old is not None and old[:-2] == row and members_before.get(cluster.id) == pairs:
                continue  # as stored
            if old is not None:
                stale.append(cluster.id)
            seen = old[-2] if old else now
            changed = old[-1] if old and old[-3] == signature else now
            rows.append((cluster.id, *row, seen, changed))
            member_rows.extend(
                (cluster.id, claim_id, k, report) for k, (claim_id, report) in enumerate(pairs)
            )
        stale.extend(before)  # clusters no longer there
        db.executemany("DELETE FROM cluster_members WHERE cluster_id = ?", [(k,) for k in stale])
        db.executemany("DELETE FROM clusters WHERE id = ?", [(k,) for k in stale])
        db.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO cluster_members VALUES (?, ?, ?, ?)", member_rows)

    # -- taking the tracker back --
    def tracker(self, *, stages: Stages | None = None) -> ClaimTracker:
        """A :class:`ClaimTracker` holding everything stored, taken back from the
        file without analysing or comparing anything again (kept until the store
        changes).  Taking back a large store takes a while (about a minute for a
        million claims): ``stages`` is then called as ``stages("reading the store",
        claims read, claims stored)``, then ``stages("indexing the store", claims
        indexed, claims stored)``, as it goes."""
        if self._tracker is None:
            self._tracker = self._load(stages)
            if self._compare_all and not self._db.in_transaction:
                # claims prepared anew by a migration: compared again, their pairs kept
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    self._write_pairs(self._tracker)
                    self._db.execute("COMMIT")
                except BaseException as exc:
                    self._rollback(exc)
            stale = self._db.execute("SELECT value FROM meta WHERE key = 'derived'").fetchone()
            if stale is not None and stale[0] == "stale" and not self._db.in_transaction:
                self._refresh()  # the last add was cut short before its links were written
        return self._tracker

    def _articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """The stored articles (or those of some ids), in the order added."""
        where, params = _among("id", ids)
        return [
            Article(id=row[0], title=row[1], date=row[2], url=row[3], source=row[4], text=row[5])
            for row in self._db.execute(
                f"SELECT id, title, date, url, source, text FROM articles{where} ORDER BY seq",
                params,
            )
        ]

    def _load_analyses(self) -> list[ArticleAnalysis]:
        """The stored articles with their sentences and attributions, in the order added."""
        if self._analyses is None:
            self._analyses = self._analyses_of(self._articles(), everything=True)
        return self._analyses

    def _analyses_of(
        self, articles: list[Article], everything: bool = False
    ) -> list[ArticleAnalysis]:
        """Some stored articles with their sentences and attributions (read for
        every article stored at once if ``everything``)."""
        db = self._db
        where, params = _among("article_id", None if everything else [a.id for a in articles])
        sentences: dict[str, list[tuple[Sentence, SentenceKind]]] = {a.id: [] for a in articles}
        by_id = {a.id: a for a in articles}
        for row in db.execute(f"SELECT * FROM sentences{where} ORDER BY article_id, idx", params):
            article = by_id[row[0]]
            dateline = Span(row[5], row[6]) if row[5] is not None else None
            sentence = Sentence(
                article_id=row[0],
                index=row[1],
                start=row[2],
                end=row[3],
                paragraph=row[4],
                text=article.clean_text[row[2] : row[3]],
                dateline=dateline,
                boilerplate=bool(row[7]),
            )
            sentences[row[0]].append((sentence, row[8]))
        attributions: dict[str, list[Attribution]] = {a.id: [] for a in articles}
        for row in db.execute(
            f"SELECT * FROM attributions{where} ORDER BY article_id, idx", params
        ):
            text = by_id[row[0]].clean_text
            content = _role(text, row[10])
            assert content is not None
            attributions[row[0]].append(
                Attribution(
                    article_id=row[0],
                    sentence=Span(row[2], row[3]),
                    kind=row[4],
                    content=content,
                    cue=_role(text, row[8]),
                    speaker=_role(text, row[6]),
                    pattern=row[13],
                    speaker_name=row[11],
                    speaker_type=row[12],
                    resolution=row[14],
                )
            )
        return [
            ArticleAnalysis(
                article,
                tuple(s for s, _ in sentences[article.id]),
                tuple(k for _, k in sentences[article.id]),
                tuple(attributions[article.id]),
            )
            for article in articles
        ]

    def _load(self, stages: Stages | None = None) -> ClaimTracker:
        db = self._db
        total = 0
        if stages is not None:
            total = db.execute("SELECT count(*) FROM claims").fetchone()[0]
            stages("reading the store", 0, total)
        tracker = ClaimTracker(splitter=self.splitter, keep_analyses=False)
        tracker.index.keep_new = True
        digests = dict(db.execute("SELECT id, content_hash FROM articles ORDER BY seq"))
        claims: list[Claim] = []
        texts: list[ClaimText] = []
        entries: list[str | None] = []
        parameters = db.execute("SELECT value FROM meta WHERE key = 'keys'").fetchone()
        fresh_keys = parameters is not None and parameters[0] == tracker.index.key_parameters
        keys: dict[str, bytes] = {}
        with paused_gc():  # a bulk load of objects that live on and hold no cycles
            for row in db.execute(
                f"SELECT {_CLAIM_COLUMNS}, prepared, entry, keys FROM claims ORDER BY seq"
            ):
                claim = _claim(row)
                claims.append(claim)
                texts.append(unpacked(row[-3]))
                entries.append(row[-2])
                if fresh_keys and row[-1] is not None:
                    keys[claim.id] = row[-1]
                if stages is not None and not len(claims) % 4096:
                    stages("reading the store", len(claims), total)
            by_claim = {c.id: c for c in claims}
            links = [
                _link(row, by_claim)
                for row in db.execute(f"SELECT {_LINK_COLUMNS} FROM links")
                if row[0] in by_claim and row[1] in by_claim
            ]
            pairs = [(x, y) for x, y in db.execute("SELECT x, y FROM entry_pairs")]
        flag = db.execute("SELECT value FROM meta WHERE key = 'index'").fetchone()
        self._compare_all = flag is not None and flag[0] == "compare"
        if stages is not None:
            stages("reading the store", len(claims), total)
        tracker.restore(
            (),
            claims,
            texts,
            pairs,
            links,
            compare=self._compare_all,
            digests=digests,
            keys=keys,
            entries=entries,
            progress=None
            if stages is None
            else (lambda done: stages("indexing the store", done, len(claims))),
        )
        return tracker

    # -- reading --
    def count(self, table: str) -> int:
        """The number of rows of one of the store's tables or views (``articles``,
        ``claims``, ``links``, ``clusters``...)."""
        if table not in self._tables():
            raise StoreError(
                f"no table {table!r} in a claim store: one of {sorted(self._tables())}"
            )
        return int(self._db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

    def articles(self) -> list[Article]:
        """The stored articles, in the order they were added."""
        return self._articles()

    @property
    def claims(self) -> list[Claim]:
        """Every stored claim, in the order added."""
        return self.tracker().claims

    @property
    def attributions(self) -> list[Attribution]:
        """Every stored attribution."""
        return [a for item in self.analysis().articles for a in item.attributions]

    def links(self, *relations: str, corroborated: bool = True) -> list[Link]:
        """Links between claims (see :meth:`ClaimTracker.links`), read from the
        ``links`` table."""
        if not self._derived_fresh():
            return self.tracker().links(*relations, corroborated=corroborated)
        where = [f"relation IN ({', '.join('?' * len(relations))})"] if relations else []
        if corroborated:
            where.append("kept = 1")
        query = f"SELECT {_LINK_COLUMNS} FROM links"
        if where:
            query += " WHERE " + " AND ".join(where)
        rows = self._db.execute(query, relations).fetchall()
        claims = self._claims_of({row[0] for row in rows} | {row[1] for row in rows})
        found = [_link(row, claims) for row in rows]
        return sorted(found, key=link_order)

    def related(self) -> list[tuple[Cluster | Claim, Cluster | Claim, Link]]:
        """Pairs of different claims by the same speaker about the same target (see
        :meth:`ClaimTracker.related`), read from the tables."""
        return related_pairs(self.clusters(), self.links("related"))

    @property
    def claim_count(self) -> int:
        """How many claims are stored."""
        return self.count("claims")

    def clusters(self) -> list[Cluster]:
        """Clusters of claims that state the same thing, biggest first, read from the
        ``clusters`` and ``cluster_members`` tables (those of
        :meth:`ClaimTracker.clusters` over everything stored)."""
        if not self._derived_fresh():
            return self.tracker().clusters()
        db = self._db
        members: dict[str, list[tuple[int, Claim, str]]] = {}
        for row in db.execute(
            f"SELECT m.cluster_id, m.position, m.report, {_CLAIM_COLUMNS} "
            "FROM cluster_members m JOIN claims k ON k.id = m.claim_id"
        ):
            members.setdefault(row[0], []).append((row[1], _claim(row[3:]), row[2]))
        claims = {claim.id: claim for found in members.values() for _, claim, _ in found}
        links: dict[str, list[Link]] = {}
        for row in db.execute(
            f"SELECT m.cluster_id, {', '.join('l.' + c for c in _LINK_COLUMNS.split(', '))} "
            "FROM links l JOIN cluster_members m ON m.claim_id = l.a "
            "JOIN cluster_members n ON n.claim_id = l.b AND n.cluster_id = m.cluster_id "
            f"WHERE l.kept = 1 AND l.relation IN ({', '.join('?' * len(SAME_CLAIM))})",
            sorted(SAME_CLAIM),
        ):
            links.setdefault(row[0], []).append(_link(row[1:], claims))
        clusters = []
        for row in db.execute("SELECT id, independent, outlets, conflicts FROM clusters"):
            found = sorted(members.get(row[0], ()), key=lambda m: m[0])
            clusters.append(
                Cluster(
                    id=row[0],
                    members=tuple(claim for _, claim, _ in found),
                    links=tuple(sorted(links.get(row[0], ()), key=lambda k: (k.a.id, k.b.id))),
                    outlets=tuple(json.loads(row[2])),
                    independent=row[1],
                    conflicts=tuple(
                        Conflict(kind, tuple((v, tuple(ids)) for v, ids in values))
                        for kind, values in json.loads(row[3])
                    ),
                    reports=tuple(report for _, _, report in found),
                )
            )
        clusters.sort(key=cluster_order)
        return clusters

    def _derived_fresh(self) -> bool:
        """Whether the links and clusters tables hold what the claims stored give
        (not when the last add was cut short, or a migration asks to compare anew)."""
        if self._tracker is not None:
            return False  # in memory already: no need to read
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        return meta.get("derived") == "fresh" and meta.get("index") != "compare"

    def _claims_of(self, ids: set[str]) -> dict[str, Claim]:
        """The stored claims of some ids, by id."""
        out: dict[str, Claim] = {}
        ordered = sorted(ids)
        for lo in range(0, len(ordered), 500):
            part = ordered[lo : lo + 500]
            for row in self._db.execute(
                f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE id IN ({', '.join('?' * len(part))})",
                part,
            ):
                out[row[0]] = _claim(row)
        return out

    def speakers(self) -> SpeakerIndex:
        """The canonical speaker names of everything stored."""
        return self.analysis().speakers

    def speaker_timeline(self, name: str) -> list[Attribution]:
        """A speaker's attributed claims in date order."""
        return speaker_timeline(self._load_analyses(), name)

    def analysis(self) -> Analysis:
        """Everything stored as one analysis, speakers named across all of it (held
        in memory whole: :meth:`analyses` reads the articles a few at a time)."""
        return merge_analyses(self._load_analyses())

    def analyses(self, *, batch: int = 200) -> Iterator[ArticleAnalysis]:
        """The stored articles with their sentences and attributions, in the order
        added, speakers named across everything stored (as :meth:`analysis` names
        them), read ``batch`` articles at a time: memory does not grow with the
        store, as it does for :meth:`analysis`.

        >>> import claimtrack, tempfile, pathlib
        >>> folder = tempfile.mkdtemp()
        >>> with claimtrack.ClaimStore(pathlib.Path(folder) / "claims.db") as store:
        ...     report = store.add(claimtrack.read_articles("seeds"))
        ...     [(item.article.id, len(item.attributions)) for item in store.analyses()]
        [('000_44a681640818a05e', 11), ('001_df1ab41df0d3c270', 12)]
        """
        speakers = SpeakerIndex.build(
            name for (name,) in self._db.execute("SELECT speaker_name FROM attributions")
        )
        ids = [row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY seq")]
        for lo in range(0, len(ids), max(1, batch)):
            for item in self._analyses_of(self._articles(ids[lo : lo + batch])):
                yield named_across(item, speakers)

    # -- the queries users ask --
    def search(self, query: str, *, limit: int = 100) -> list[Claim]:
        """Claims whose text matches an FTS5 query ("nuclear weapons", "rose OR fell").

        Raises:
            StoreError: the query is not valid FTS5 syntax.
        """
        try:
            ids = [
                row[0]
                for row in self._db.execute(
                    "SELECT claims.id FROM claims_fts JOIN claims ON claims.rowid = claims_fts.rowid "
                    "WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
                    (query, limit),
                )
            ]
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{query!r} is not a search query ({exc})") from None
        by_id = {c.id: c for c in self.claims}
        return [by_id[i] for i in ids if i in by_id]

    def claims_where(
        self,
        *,
        speaker: str | None = None,
        outlet: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        cluster: str | None = None,
    ) -> list[Claim]:
        """Claims by speaker (a full name, or a surname: "Merkel" finds "Angela
        Merkel"), outlet, date range (inclusive) or cluster id."""
        out = self.claims
        if speaker is not None:
            names = self.speakers()
            wanted = names.key(speaker) or ""
            out = [
                c
                for c in out
                if any(same_source_name(names.key(s) or "", wanted) for s in c.speakers)
            ]
        if outlet is not None:
            out = [c for c in out if c.outlet == outlet]
        if since is not None:
            out = [c for c in out if c.date is not None and c.date >= since]
        if until is not None:
            out = [c for c in out if c.date is not None and c.date <= until]
        if cluster is not None:
            members = {
                row[0]
                for row in self._db.execute(
                    "SELECT claim_id FROM cluster_members WHERE cluster_id = ?", (cluster,)
                )
            }
            out = [c for c in out if c.id in members]
        return out

    def changed_since(self, when: dt.datetime | dt.date | str) -> dict[str, list[str]]:
        """Clusters that appeared, and that grew or changed relation, since a moment
        (UTC; a date means its midnight): ``{"new": [ids], "changed": [ids]}``."""
        if isinstance(when, dt.datetime):
            moment = when.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
        elif isinstance(when, dt.date):
            moment = dt.datetime(
                when.year, when.month, when.day, tzinfo=dt.timezone.utc
            ).isoformat()
        else:
            moment = when
        new = [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM clusters WHERE seen >= ? ORDER BY id", (moment,)
            )
        ]
        changed = [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM clusters WHERE seen < ? AND changed >= ? ORDER BY id",
                (moment, moment),
            )
        ]
        return {"new": new, "changed": changed}

    def export(self, table: str, out: IO[str], *, format: str = "jsonl") -> int:
        """Write a table (or view) as JSON Lines or CSV; return the rows written."""
        names = self._tables()
        if table not in names:
            raise StoreError(f"no table {table!r}: one of {', '.join(sorted(names))}")
        cursor = self._db.execute(f'SELECT * FROM "{table}"')
        columns = [d[0] for d in cursor.description]
        count = 0
        if format == "csv":
            writer = csv.writer(out)
            writer.writerow(columns)
            for row in cursor:
                writer.writerow(row)
                count += 1
        elif format == "jsonl":
            for row in cursor:
                out.write(
                    json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n"
                )
                count += 1
        else:
            raise ValueError('format must be "jsonl" or "csv"')
        return count

    def to_pandas(self, table: str) -> Any:
        """A table (or view) as a pandas DataFrame (pandas must be installed:
        ``pip install claimtrack[pandas]``)."""
        try:
            import pandas  # type: ignore[import-not-found,import-untyped,unused-ignore]
        except ImportError:
            raise ImportError("to_pandas needs pandas: pip install 'claimtrack[pandas]'") from None
        if table not in self._tables():
            raise StoreError(f"no table {table!r}: one of {', '.join(sorted(self._tables()))}")
        return pandas.read_sql_query(f'SELECT * FROM "{table}"', self._db)

    def _tables(self) -> set[str]:
        return {
            row[0]
            for row in self._db.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'claims_fts%' AND name NOT LIKE 'sqlite_%'"
            )
        }


def _among(column: str, values: Sequence[str] | None) -> tuple[str, list[str]]:
    """A WHERE clause keeping the rows whose ``column`` is one of ``values`` (all
    rows if None), and its parameters."""
    if values is None:
        return "", []
    return f" WHERE {column} IN ({', '.join('?' * len(values))})", list(values)


def _statements(script: str) -> Iterator[str]:
    """The statements of a schema script (triggers hold semicolons of their own)."""
    pending: list[str] = []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        pending.append(line.split("--", 1)[0] if "--" in line and "'" not in line else line)
        joined = "\n".join(pending)
        if joined.rstrip().endswith(";") and sqlite3.complete_statement(joined):
            yield joined
            pending = []


def _prepare_again(db: sqlite3.Connection) -> None:
    """Version 1 -> 2: claims know the agency their article's dateline credits (an
    ``agency`` column, read from the stored datelines); numbers are compared as
    values ("2,000" = "2000" = "two thousand"), so every claim is prepared again,
    and its entry key with it; the
    entry pairs and links found with the old words are dropped, and the index
    compares the claims anew when the store is next read."""
    db.execute("ALTER TABLE claims ADD COLUMN agency TEXT")
    credits = db.execute(
        "SELECT s.article_id, substr(a.text, s.dateline_start + 1, "
        "s.dateline_end - s.dateline_start) FROM sentences s JOIN articles a ON a.id = s.article_id "
        "WHERE s.dateline_start IS NOT NULL ORDER BY s.article_id, s.idx"
    ).fetchall()
    agencies: dict[str, str] = {}
    for article_id, dateline in credits:
        found = agency_of(dateline)
        if found is not None:
            agencies.setdefault(article_id, found)
    db.executemany(
        "UPDATE claims SET agency = ? WHERE article_id = ?", [(v, k) for k, v in agencies.items()]
    )
    _compare_anew(db)


def _compare_anew(db: sqlite3.Connection) -> None:
    """Every claim prepared again (its prepared text and entry key), the entry pairs
    and links found with the old preparation dropped, and the index told to compare
    the claims anew when the store is next read."""
    rows = db.execute("SELECT id, text, speakers, cues, named_speakers FROM claims").fetchall()
    updates = []
    for claim_id, text, speakers, cues, named in rows:
        prepared = prepare(text, json.loads(speakers), json.loads(cues), json.loads(named))
        updates.append((packed(prepared), entry_key(prepared), claim_id))
    db.executemany("UPDATE claims SET prepared = ?, entry = ? WHERE id = ?", updates)
    db.execute("DELETE FROM entry_pairs")
    db.execute("DELETE FROM links")
    db.execute("DELETE FROM meta WHERE key = 'keys'")  # of the old words: made anew
    db.execute("INSERT OR REPLACE INTO meta VALUES ('index', 'compare')")
    db.execute("INSERT OR REPLACE INTO meta VALUES ('derived', 'stale')")


def _irregular_stems(db: sqlite3.Connection) -> None:
    """Version 2 -> 3: an irregular verb form is stemmed as its base ("rose" as
    "rise"), so every claim is prepared and compared again."""
    _compare_anew(db)


def _member_reports(db: sqlite3.Connection) -> None:
    """Version 3 -> 4: cluster members know their report (clusters are read from
    the tables, not rebuilt); the clusters are written anew when next read."""
    db.execute("DELETE FROM cluster_members")
    db.execute("ALTER TABLE cluster_members ADD COLUMN report TEXT NOT NULL DEFAULT ''")
    db.execute("INSERT OR REPLACE INTO meta VALUES ('derived', 'stale')")


def _possessive_places(db: sqlite3.Connection) -> None:
    """Version 4 -> 5: a place in the possessive stands for its country ("Moscow's"
    as Russia), so every claim is prepared and compared again."""
    _compare_anew(db)


def _american_spellings(db: sqlite3.Connection) -> None:
    """Version 5 -> 6: British spellings are written in their American form
    ("defence" as "defense"), so every claim is prepared and compared again."""
    _compare_anew(db)


def _index_keys(db: sqlite3.Connection) -> None:
    """Version 6 -> 7: claims keep the index's band and weak keys of their words
    (a ``keys`` column), so that taking a store back computes none; a store's keys
    are computed once more when next read, and written with the next batch. New
    claims are indexed for search a batch at a time (the insert trigger goes)."""
    db.execute("ALTER TABLE claims ADD COLUMN keys BLOB")
    # claims are indexed for search a batch at a time, not by a trigger
    db.execute("DROP TRIGGER IF EXISTS claims_ai")


#: Migrations from schema version k to k + 1, by k: version 1 is the first.
_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _prepare_again,
    2: _irregular_stems,
    3: _member_reports,
    4: _possessive_places,
    5: _american_spellings,
    6: _index_keys,
}
