"""The demo: a provably-fair round generator, document-shaped Keras models trained in stages, and
the committed example report.

Import rules: imports only anything before ``cli``; only ``cli`` imports ``demo``.
"""
