"""Every user-visible string, per language.

``messages`` holds the :class:`Messages` lookup and the catalog table; ``en`` and ``tr`` hold one
dict each, with the same keys and the same ``str.format`` fields (a test keeps them in step).

Import rules: imports only the base modules (``errors``). Imported by anything that shows text.
"""
