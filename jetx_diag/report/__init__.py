"""Values to pages: one context per page built from ``Evaluation``/``Verdict``/``Comparison``
(sections, figures, texts in the report's language) and renderers that only print it (Markdown,
HTML, JUnit, terminal, the GitHub step summary).

Import rules: imports only base modules, ``i18n``, ``scoring``, ``skill``, ``training``,
``evaluation``, ``compare``.
Never ``history``, ``artifacts`` or ``inputs``: a report receives values, it does not load them.
matplotlib is imported lazily in ``figures`` only.
"""
