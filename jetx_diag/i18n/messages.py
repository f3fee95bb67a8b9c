"""The message catalog: every user-visible string of a report, per language, in one place.

Languages: ``en`` and ``tr``. The Turkish texts use the source document's vocabulary
("1.5 Altı Doğruluğu", "Para Kaybı Riski", "Gerçek / Tahmin", "Threshold Accuracy" kept in
English as the document does).

Numbers are written the same way in both languages: ``.`` as the decimal point and ``%`` after
the number (``5.94% (26/438)``), because every percentage is printed by ``Rate.text()``, the very
text the CI gate compares. The document's Turkish ``%5.94`` is deliberately not imitated: one
spelling per number keeps the report, the JSON and the gate textually identical.

Messages are ``str.format`` templates with named fields; both languages must use the same
fields for a key (a test checks this).
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from jetx_diag.errors import UsageError
from jetx_diag.i18n.en import EN
from jetx_diag.i18n.tr import TR

LANGUAGES: tuple[str, ...] = ("en", "tr")

CATALOG: Mapping[str, Mapping[str, str]] = {"en": EN, "tr": TR}


def fields(template: str) -> frozenset[str]:
    """The named fields a message template expects."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


class Messages:
    """The messages of one language: ``messages("metric.money_loss_risk")``."""

    def __init__(self, lang: str) -> None:
        if lang not in CATALOG:
            raise UsageError(
                f"unknown report language {lang!r}", hint="one of " + ", ".join(LANGUAGES)
            )
        self.lang = lang
        self._texts = CATALOG[lang]

    def __call__(self, key: str, /, **values: object) -> str:
        """The message ``key`` with ``values`` filled in; a missing key is a programming error."""
        return self._texts[key].format(**values)

    def get(self, key: str, default: str, /, **values: object) -> str:
        """Like calling, but ``default`` for keys the catalog lacks (reason codes of new data
        checks show their code until they are translated)."""
        template = self._texts.get(key)
        return default if template is None else template.format(**values)

    def has(self, key: str) -> bool:
        return key in self._texts

    def template(self, key: str) -> str:
        """The message ``key`` unformatted, for code that fills its fields later (a figure
        labels each epoch line with its own number)."""
        return self._texts[key]


def messages(lang: str) -> Messages:
    """The catalog of ``lang`` (``en`` or ``tr``); an unknown language is a ``UsageError``."""
    return Messages(lang)
