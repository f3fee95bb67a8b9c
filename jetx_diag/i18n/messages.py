"""The message catalog: every user-visible string of a report, per language, in one place.

Languages: ``en`` and ``tr``. The Turkish texts use the source document's vocabulary
("1.5 Altı Doğruluğu", "Para Kaybı Riski", "Gerçek / Tahmin", "Threshold Accuracy" kept in
English as the document does).

Numbers: every number is written once, in English style (``Rate.text()``: ``5.94% (26/438)``),
and a language's style (:mod:`jetx_diag.i18n.number_style`) only moves signs around the digits:
Turkish writes ``%5.94 (26/438)`` like the source document. The digits are never re-rounded, so
the page shows exactly the rounded value the CI gate compares; the gate compares numbers
(``Rate.percent()``), never strings, and the JSON keeps the English style.

Plurals: a field written ``{count:plural:epoch:epochs}`` prints ``1 epoch`` / ``2 epochs``.
Turkish needs no such field (a noun after a numeral stays singular: ``2 epoch``, ``3 tur``).

Records: sentences stored inside results (data notes, training notes, metadata warnings) are
made with :func:`record`, i.e. from the English catalog text of a ``record.*`` key, so the JSON
stays English; :meth:`Messages.recorded` shows such a sentence in the page's language. Errors
are made the same way from ``error.*`` keys where they are raised, so ``str(error)`` is English and
the command line prints them in the run's language.

Messages are ``str.format`` templates with named fields; both languages must use the same
fields for a key (a test checks this).
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Mapping

from jetx_diag.errors import UsageError
from jetx_diag.i18n.en import EN
from jetx_diag.i18n.number_style import styled
from jetx_diag.i18n.tr import TR

LANGUAGES: tuple[str, ...] = ("en", "tr")

CATALOG: Mapping[str, Mapping[str, str]] = {"en": EN, "tr": TR}


def fields(template: str) -> frozenset[str]:
    """The named fields a message template expects."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


class _Formatter(string.Formatter):
    """``str.format`` plus the plural field ``{count:plural:one:other}``."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("plural:"):
            one, _, other = format_spec.removeprefix("plural:").partition(":")
            return f"{value} {one if str(value) in ('1', '1.0') else other}"
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def record(key: str, /, **values: object) -> str:
    """A sentence to store inside results or an error: the English text of ``key`` (a
    ``record.*`` or ``error.*`` key), shown in another language by :meth:`Messages.recorded`."""
    return _FORMATTER.format(CATALOG["en"][key], **values)


#: Fields that only ever hold numbers: a short record such as ``line {line}`` or
#: ``epochs {spans}`` must not swallow a longer sentence that merely starts with its words.
_NUMBER_FIELDS = {
    "line": r"\d+",
    "cell": r"\d+",
    "row": r"\d+",
    "index": r"\d+",
    "epoch": r"\d+",
    "spans": r"\d+(?:–\d+)?(?:, \d+(?:–\d+)?)*",
}


#: A field named ``…_count`` holds a count, written with or without thousands separators.
_COUNT = r"\d[\d,]*"


def _field_pattern(name: str, spec: str, seen: set[str]) -> str:
    if name in seen:
        return f"(?P={name})"
    seen.add(name)
    if spec.startswith("plural:"):
        one, _, other = spec.removeprefix("plural:").partition(":")
        return f"(?P<{name}>\\d+) (?:{re.escape(one)}|{re.escape(other)})"
    default = _COUNT if name.endswith("_count") else ".+?"
    return f"(?P<{name}>{_NUMBER_FIELDS.get(name, default)})"


def _pattern(template: str) -> re.Pattern[str]:
    seen: set[str] = set()
    parts = []
    for literal, name, spec, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(_field_pattern(name, spec or "", seen))
    return re.compile("".join(parts), re.DOTALL)


def _literal_length(template: str) -> int:
    return sum(len(literal) for literal, _, _, _ in string.Formatter().parse(template))


@functools.cache
def _record_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each English ``record.*`` and ``error.*`` template as a pattern that gives back its field
    values, the most specific (most fixed text) first: "training {name}" must not swallow
    "training log is empty"."""
    english = CATALOG["en"]
    keys = sorted(
        (key for key in english if key.startswith(("record.", "error."))),
        key=lambda key: -_literal_length(english[key]),
    )
    return tuple((key, _pattern(english[key])) for key in keys)


def recorded_as(text: str) -> tuple[str, dict[str, str]] | None:
    """The ``record.*`` or ``error.*`` key whose English text ``text`` is, and the values of its
    fields; ``None`` for any other text."""
    for key, pattern in _record_patterns():
        match = pattern.fullmatch(text)
        if match:
            return key, match.groupdict()
    return None


def _hinted(text: str) -> tuple[str, str | None]:
    """``("<problem>", "<hint>")`` for an error's text ``<problem> (<hint>)``, where the hint
    is the last balanced parenthesis; ``(text, None)`` when the text does not end in one."""
    if not text.endswith(")"):
        return text, None
    depth = 0
    for at in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[at], 0)
        if depth == 0:
            if at > 1 and text[at - 1] == " ":
                return text[: at - 1], text[at + 1 : -1]
            return text, None
    return text, None


class Messages:
    """The messages of one language: ``messages("metric.money_loss_risk")``."""

    def __init__(self, lang: str) -> None:
        if lang not in CATALOG:
            raise UsageError(
                record("error.messages.unknown_language", lang=repr(lang)),
                hint=record("error.common.hint_one_of", choices=", ".join(LANGUAGES)),
            )
        self.lang = lang
        self._texts = CATALOG[lang]

    def __call__(self, key: str, /, **values: object) -> str:
        """The message ``key`` with ``values`` filled in, numbers in this language's style; a
        missing key is a programming error."""
        return styled(_FORMATTER.format(self._texts[key], **values), self.lang)

    def get(self, key: str, default: str, /, **values: object) -> str:
        """Like calling, but ``default`` for keys the catalog lacks (reason codes of new data
        checks show their code until they are translated)."""
        if key not in self._texts:
            return default
        return self(key, **values)

    def has(self, key: str) -> bool:
        return key in self._texts

    def recorded(self, text: str) -> str:
        """A sentence stored in results (made by :func:`record`) in this language; any other
        text is returned as it is. A ``"stage1: "`` style prefix is kept in front."""
        if self.lang == "en":
            return text
        found = recorded_as(text)
        if found is not None:  # a value can be a record itself ("largest: 3 ids missing …")
            key, fields = found
            return self(key, **{name: self.recorded(value) for name, value in fields.items()})
        head, colon, rest = text.partition(": ")
        if colon and rest:
            translated = self.recorded(rest)
            if translated != rest:
                return f"{head}: {translated}"
        problem, hint = _hinted(text)
        if hint is not None:  # an error quoted whole: "<problem> (<hint>)"
            translated, advice = self.recorded(problem), self.recorded(hint)
            if translated != problem and advice != hint:
                return f"{translated} ({advice})"
        return styled(text, self.lang)

    def join(self, items: object) -> str:
        """``a, b and c`` / ``a, b ve c``: a list in a sentence, its last item joined by the
        language's "and" so the list does not swallow what follows it."""
        names = [str(item) for item in items]  # type: ignore[attr-defined]
        if len(names) <= 1:
            return "".join(names)
        return self("list.and", head=", ".join(names[:-1]), last=names[-1])

    def template(self, key: str) -> str:
        """The message ``key`` unformatted, for code that fills its fields later (a figure
        labels each epoch line with its own number)."""
        return self._texts[key]


def messages(lang: str) -> Messages:
    """The catalog of ``lang`` (``en`` or ``tr``); an unknown language is a ``UsageError``."""
    return Messages(lang)
