"""Round histories: SQLite, CSV or text files read into a frozen ``History`` of multipliers, with
every
row accounted for (read = used + rejected, by reason).

Import rules: imports only base modules, ``i18n``.
"""
