"""The Jinja2 templates and stylesheets of every page, shipped as package data.

Import rules: holds no code; loaded with ``PackageLoader("jetx_diag.templates")``.
"""
