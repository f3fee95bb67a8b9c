"""The report's figures as deterministic PNG bytes (matplotlib, imported lazily in
``base.figure_png`` so that text-only outputs never load it).

Import rules: imports only base modules and ``i18n``; imported only by ``report``.
"""
